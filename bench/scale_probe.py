"""One process of bench/bench_scale.py: warm `ask` latency by question type and index memory.

Usage: python bench/scale_probe.py --index DIR --questions FILE.json [--rounds 3]

Loads the pipeline and the model and warms the analyser, reads the resident set size (RSS),
then opens the index by asking every question once (the directory's first load included),
reads RSS again, asks every question ``--rounds`` more times and prints one JSON object:
rss_before/rss_after/peak (bytes), first-ask and warm times (ms, by question type) and the
index's counts. The RSS difference is what the open index costs in memory: model, analyser
and libraries (numpy, FAISS, bm25s are imported before the first reading) are loaded in both.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path


def rss_bytes(field: str = "VmRSS") -> int:
    """This process's resident set size (or ``VmHWM``, its peak) from /proc, in bytes."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) * 1024
    return 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index", type=Path, required=True)
    ap.add_argument("--questions", type=Path, required=True, help="JSON list of [type, text]")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    questions = [(str(k), str(q)) for k, q in json.loads(args.questions.read_text())]

    import bm25s  # noqa: F401  - libraries, not index data: loaded before the first reading
    import faiss  # noqa: F401
    import numpy  # noqa: F401

    from youthbot.config import Settings
    from youthbot.pipeline import Pipeline

    pipeline = Pipeline(Settings(index=args.index, llm_url=None))
    pipeline.embedder().embed_query("jaunieši Liepājā")
    pipeline.analyzer.query_terms("Kas vadīja jauniešu forumu Liepājā?", {})
    before = rss_bytes()
    first: dict[str, list[float]] = {}
    opened = time.perf_counter()
    for kind, q in questions:
        t = time.perf_counter()
        pipeline.ask(q, use_llm=False)
        first.setdefault(kind, []).append((time.perf_counter() - t) * 1000)
    first_round_s = time.perf_counter() - opened
    after = rss_bytes()
    warm: dict[str, list[float]] = {}
    for _ in range(args.rounds):
        for kind, q in questions:
            t = time.perf_counter()
            pipeline.ask(q, use_llm=False)
            warm.setdefault(kind, []).append((time.perf_counter() - t) * 1000)
    stats = pipeline.stats()
    print(
        json.dumps(
            {
                "rss_before": before,
                "rss_after": after,
                "rss_end": rss_bytes(),
                "peak": rss_bytes("VmHWM"),
                "first_round_s": first_round_s,
                "first_ms": first,
                "warm_ms": warm,
                "documents": stats.documents,
                "chunks": stats.chunks,
                "sentences": stats.sentences,
            }
        )
    )
    pipeline.close()


if __name__ == "__main__":
    main()
