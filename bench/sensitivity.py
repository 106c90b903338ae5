"""How much each weight and threshold matters: every field of youthbot.tuning moved by ±20 %.

For each setting the shipped corpus's development questions and the real-genre pages' questions
are answered again (extractive, hybrid), and the script prints the answer accuracy, the
no-answer accuracy and hit@5 at -20 % and +20 % beside the defaults. A setting whose move
changes nothing is robust; one whose small move breaks a set is a sign of fitting. The four
citation-check fields act on LLM answers only and are listed as such.

Usage: .venv/bin/python bench/sensitivity.py [--index DIR] [--only NAME,...]
(indexes are built into DIR, default a temporary directory, and reused when present)
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import fields
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EVAL = Path("/work/shared/eval")
SETS = {
    "dev": (EVAL / "dev.jsonl", REPO / "corpus"),
    "realgenre": (EVAL / "realgenre" / "questions.jsonl", EVAL / "realgenre" / "docs"),
}
#: Fields that only the LLM path reads (citation verification): not measured here.
LLM_ONLY = {"lexical_support", "embedding_support", "pair_penalty", "max_quote_chars"}
FACTOR = 0.2


def score(pipeline, questions) -> tuple[float, float, float]:
    """(answer accuracy, no-answer accuracy, hit@5) of one pass."""
    from youthbot.evaluate import evaluate

    (s,) = evaluate(pipeline, questions, ["hybrid"], "bench")
    o = s.summary()
    return o["answer_acc"] or 0.0, o["no_answer_acc"] or 0.0, o["hit@5"] or 0.0


def main() -> None:
    from youthbot.config import Settings
    from youthbot.evaluate import load_questions
    from youthbot.pipeline import Pipeline
    from youthbot.tuning import DEFAULT_TUNING, Tuning

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index", type=Path, help="where the two indexes are kept")
    ap.add_argument("--only", help="comma-separated field names (default: every field)")
    args = ap.parse_args()
    missing = [name for name, (q, d) in SETS.items() if not q.is_file() or not d.is_dir()]
    if missing:
        sys.exit(f"missing evaluation sets: {', '.join(missing)} (expected under {EVAL})")
    root = args.index or Path(tempfile.mkdtemp(prefix="youthbot-sensitivity-"))
    pipelines, questions = {}, {}
    for name, (qfile, docs) in SETS.items():
        p = Pipeline(Settings(index=root / name, corpus=docs, llm_url=None))
        p.build_index([docs])
        pipelines[name], questions[name] = p, load_questions(qfile)

    def run(t: Tuning) -> dict[str, tuple[float, float, float]]:
        out = {}
        for name, p in pipelines.items():
            p.set_tuning(t)
            out[name] = score(p, questions[name])
        return out

    started = time.perf_counter()
    base = run(DEFAULT_TUNING)
    print(
        "defaults:",
        "  ".join(
            f"{n} answer {a:.2f} none {z:.2f} hit@5 {h:.2f}" for n, (a, z, h) in base.items()
        ),
    )
    print(f"each move: ±{FACTOR:.0%}; cells are answer/none (hit@5 when it moves); '=' unchanged\n")
    cols = "".join(f"{c:>12}" for c in ("dev −", "dev +", "real −", "real +"))
    header = f"{'setting':<24} {'default':>8} {cols}"
    print(header)
    print("-" * len(header))
    wanted = set(args.only.split(",")) if args.only else None
    mattering = []
    for f in fields(Tuning):
        if wanted and f.name not in wanted:
            continue
        default = getattr(DEFAULT_TUNING, f.name)
        if f.name in LLM_ONLY:
            print(f"{f.name:<24} {default:>8}  (LLM citation checks only; not measured here)")
            continue
        cells = {}
        for sign, factor in (("−", 1 - FACTOR), ("+", 1 + FACTOR)):
            moved = run(DEFAULT_TUNING.scaled(f.name, factor))
            for name in SETS:
                cells[(name, sign)] = moved[name]
        row = [f"{f.name:<24} {default:>8} "]
        changed = False
        for name in SETS:
            for sign in ("−", "+"):
                a, z, h = cells[(name, sign)]
                ba, bz, bh = base[name]
                if (a, z, h) == (ba, bz, bh):
                    cell = "="
                else:
                    changed = True
                    cell = f"{a:.2f}/{z:.2f}" + (f" h{h:.2f}" if h != bh else "")
                row.append(f"{cell:>12}")
        print("".join(row))
        if changed:
            mattering.append(f.name)
    print(f"\nsettings whose ±{FACTOR:.0%} move changes a score: {', '.join(mattering) or 'none'}")
    print(f"({time.perf_counter() - started:.0f} s)")
    for p in pipelines.values():
        p.close()


if __name__ == "__main__":
    main()
