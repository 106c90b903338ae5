"""What the open-time structure check of ``index.sqlite`` costs (``index/guard.py``).

Builds an index of a synthetic corpus of --docs documents, then opens its database many times
plain (``Store``) and checked (``guard.open_database``: the same plus ``PRAGMA quick_check``),
and prints the median of each, the difference and the difference per MB of database.

Usage: .venv/bin/python bench/bench_open_check.py [--docs 200] [--repeat 30]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import write_corpus  # noqa: E402


def _median_ms(open_once, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        store = open_once()
        times.append((time.perf_counter() - start) * 1000)
        store.close()
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()

    from youthbot.config import Settings
    from youthbot.index import guard
    from youthbot.index.layout import DB_NAME, IndexLayout
    from youthbot.pipeline import Pipeline
    from youthbot.store import Store

    with tempfile.TemporaryDirectory(prefix="youthbot-open-check-") as tmp:
        corpus = write_corpus(Path(tmp) / "corpus", args.docs)
        index = Path(tmp) / "idx"
        pipeline = Pipeline(Settings(index=index, corpus=corpus))
        report = pipeline.build_index([corpus])
        pipeline.close()
        live = IndexLayout(index).current()
        assert live is not None
        db = live / DB_NAME
        mb = db.stat().st_size / 1e6
        plain = _median_ms(lambda: Store(db, readonly=True), args.repeat)
        checked = _median_ms(lambda: guard.open_database(db), args.repeat)
    print(f"index: {report.documents} documents, {report.chunks} chunks, {mb:.1f} MB database")
    print(f"open plain:   {plain:7.2f} ms (median of {args.repeat}, file cached)")
    print(f"open checked: {checked:7.2f} ms")
    print(f"check costs:  {checked - plain:7.2f} ms, {(checked - plain) / mb:.2f} ms per MB")


if __name__ == "__main__":
    main()
