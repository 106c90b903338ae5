"""Warm `ask` latency by question type on the shipped corpus and the real-genre pages.

Each question of the two development sets is asked once to warm the caches, then ``--rounds``
times more; the script prints p50/p95 of `ask` (extractive, hybrid) per question type, and of
`search` alone in the same run, so the answer stage's share shows (target: ask p50 < 150 ms).
Run it on two checkouts to compare them: the figures are this machine's, at its current load.

Usage: .venv/bin/python bench/bench_ask_by_type.py [--index DIR] [--rounds 3]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EVAL = Path("/work/shared/eval")
SETS = {
    "dev": (EVAL / "dev.jsonl", REPO / "corpus"),
    "realgenre": (EVAL / "realgenre" / "questions.jsonl", EVAL / "realgenre" / "docs"),
}
ORDER = ("who", "when", "where", "how", "en", "para", "none")


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else 0.0


def main() -> None:
    from youthbot.config import Settings
    from youthbot.evaluate import load_questions
    from youthbot.pipeline import Pipeline

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index", type=Path, help="where the indexes are kept (reused)")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    root = args.index or Path(tempfile.mkdtemp(prefix="youthbot-askbench-"))
    ask_all: list[float] = []
    print(f"{'set':<10} {'type':<6} {'n':>3} {'ask p50':>8} {'ask p95':>8} {'search p50':>11}")
    for name, (qfile, docs) in SETS.items():
        if not qfile.is_file():
            sys.exit(f"missing {qfile}")
        p = Pipeline(Settings(index=root / name, corpus=docs, llm_url=None))
        p.build_index([docs])
        questions = load_questions(qfile)
        for q in questions:
            p.ask(q.q, use_llm=False)
        asks: dict[str, list[float]] = defaultdict(list)
        searches: dict[str, list[float]] = defaultdict(list)
        for _ in range(args.rounds):
            for q in questions:
                t = time.perf_counter()
                p.search(q.q, 5)
                searches[q.type].append((time.perf_counter() - t) * 1000)
                t = time.perf_counter()
                p.ask(q.q, use_llm=False)
                asks[q.type].append((time.perf_counter() - t) * 1000)
        kinds = [k for k in ORDER if k in asks] + sorted(set(asks) - set(ORDER))
        for k in [*kinds, "all"]:
            a = [v for kk in kinds for v in asks[kk]] if k == "all" else asks[k]
            s = [v for kk in kinds for v in searches[kk]] if k == "all" else searches[k]
            n = len(a) // args.rounds
            print(
                f"{name:<10} {k:<6} {n:>3} {pct(a, 0.5):>6.0f}ms {pct(a, 0.95):>6.0f}ms"
                f" {pct(s, 0.5):>9.0f}ms"
            )
        ask_all.extend(v for vs in asks.values() for v in vs)
        p.close()
    print(
        f"\nall questions: ask p50 {pct(ask_all, 0.5):.0f} ms (target < 150 ms),"
        f" p95 {pct(ask_all, 0.95):.0f} ms"
    )


if __name__ == "__main__":
    main()
