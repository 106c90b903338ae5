"""Index throughput against raw model encoding, warm search/ask latency, FAISS thread count.

Prints, for the shipped corpus and a synthetic corpus of about --chunks chunks:
  * chunks/s of the whole index build (read, chunk, analyse, embed, store, FAISS, BM25);
  * chunks/s of the model alone encoding the same chunk texts, and the ratio of the two;
  * warm search and ask latency p50/p95 (model loaded);
  * FAISS single-query latency with 1 and 2 OpenMP threads;
  * question embedding latency p50/p95, alone and while another thread embeds index batches.

--threads sets the model's threads for index batches (YOUTHBOT_THREADS; 0: every core), so
two runs compare one thread with two; questions are embedded on one thread either way.

Usage: .venv/bin/python bench/bench_index.py [--chunks 5000] [--raw-sample 600] [--threads N]
       [--no-shipped]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import REPO, write_corpus  # noqa: E402

QUESTIONS = [
    "Kas organizēja tikšanos Liepājā?",
    "Kā darbojas PROTI un DARI 2.0?",
    "Kad notika pieredzes apmaiņa Ventspilī?",
    "Kas finansē projektu Starpnovadu tīklošanās?",
    "Who went from Ogre to Lithuania?",
    "Kuras valstis dalījās pieredzē apmācībās?",
    "jauniesu centrs Elektreni",
    "Nr. 3.1.1.2.i.0/1/22/I/VARAM/001",
]


def pct(values: list[float], q: float) -> float:
    """The q-quantile (0..1) of values, in the same unit."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


THREADS: int | None = None  # --threads; None: the settings' default


def build(corpus: Path, index: Path):
    from youthbot.config import Settings
    from youthbot.pipeline import Pipeline

    extra = {} if THREADS is None else {"threads": THREADS}
    pipeline = Pipeline(Settings(index=index, corpus=corpus, llm_url=None, **extra))
    pipeline.embedder()  # the model load is reported apart from the build
    import bm25s  # noqa: F401  - imports and the lemma dictionary are start-up, not indexing
    import faiss  # noqa: F401

    pipeline.analyzer.terms("jaunieši Liepājā")
    t = time.perf_counter()
    report = pipeline.build_index([corpus])
    return pipeline, report, time.perf_counter() - t


def raw_encode_rate(pipeline, texts: list[str]) -> float:
    embedder = pipeline.embedder()
    t = time.perf_counter()
    embedder.embed(texts, "passage")
    return len(texts) / (time.perf_counter() - t)


def latency(fn, queries: list[str], rounds: int) -> tuple[float, float]:
    for q in queries:
        fn(q)
    times = []
    for _ in range(rounds):
        for q in queries:
            t = time.perf_counter()
            fn(q)
            times.append((time.perf_counter() - t) * 1000)
    return pct(times, 0.5), pct(times, 0.95)


def faiss_threads(pipeline) -> None:
    import faiss

    gen = pipeline._open()
    vec = pipeline.embedder().embed_query(QUESTIONS[0])
    for threads in (1, 2):
        faiss.omp_set_num_threads(threads)
        times = []
        for _ in range(200):
            t = time.perf_counter()
            gen.retriever.dense.search(vec, 200)
            times.append((time.perf_counter() - t) * 1000)
        print(
            f"  FAISS search, {gen.retriever.dense.count} vectors, {threads} thread(s):"
            f" p50 {pct(times, 0.5):.3f} ms  p95 {pct(times, 0.95):.3f} ms"
        )
    faiss.omp_set_num_threads(1)


def query_embedding(pipeline, texts: list[str]) -> None:
    """Question embedding latency alone, then while index batches run on another thread."""
    import threading

    embedder = pipeline.embedder()
    questions = [q for q in QUESTIONS if len(q) > 10] * 5
    alone = latency(embedder.embed_query, questions, 2)
    busy = threading.Event()

    def index_batches() -> None:
        while not busy.is_set():
            embedder.embed(texts[:64], "passage")

    worker = threading.Thread(target=index_batches, daemon=True)
    worker.start()
    try:
        during = latency(embedder.embed_query, questions, 1)
    finally:
        busy.set()
        worker.join()
    threads = getattr(embedder, "batch_threads", "?")
    print(
        f"  question embedding: p50 {alone[0]:.1f} ms  p95 {alone[1]:.1f} ms alone;"
        f" p50 {during[0]:.1f} ms  p95 {during[1]:.1f} ms while index batches run"
        f" ({threads} batch threads)"
    )


def report_corpus(name: str, corpus: Path, raw_sample: int, rounds: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        pipeline, report, seconds = build(corpus, Path(tmp) / "idx")
        chunks = report.chunks
        rate = chunks / seconds
        gen = pipeline._open()
        ids = list(range(1, chunks + 1))[:raw_sample]
        texts = [c.chunk.text for c in gen.store.chunks(ids).values()]
        raw = raw_encode_rate(pipeline, texts)
        print(
            f"{name}: {report.documents} documents, {chunks} chunks,"
            f" {gen.retriever.dense.count} sentences"
        )
        print(f"  index build: {seconds:.1f} s = {rate:.1f} chunks/s")
        print(f"  raw model encode of {len(texts)} of the same chunks: {raw:.1f} chunks/s")
        print(f"  ratio index/raw: {rate / raw:.2f} (target >= 0.85)")
        s50, s95 = latency(lambda q: pipeline.search(q, 5), QUESTIONS, rounds)
        a50, a95 = latency(lambda q: pipeline.ask(q, use_llm=False), QUESTIONS, rounds)
        print(f"  warm search: p50 {s50:.1f} ms  p95 {s95:.1f} ms (target p50 < 50 ms)")
        print(f"  warm ask:    p50 {a50:.1f} ms  p95 {a95:.1f} ms (target p50 < 150 ms)")
        faiss_threads(pipeline)
        query_embedding(pipeline, texts)
        pipeline.close()


def whole_command(corpus: Path) -> None:
    """Wall time of `youthbot index` as a user runs it (start-up and model load included)."""
    import subprocess

    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "youthbot",
                "--index",
                str(Path(tmp) / "i"),
                "index",
                str(corpus),
            ],
            check=True,
            capture_output=True,
        )
        seconds = time.perf_counter() - t
    print(f"  whole `youthbot index` command (new process): {seconds:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chunks", type=int, default=5000, help="synthetic corpus size")
    parser.add_argument(
        "--raw-sample",
        type=int,
        default=600,
        help="chunks encoded by the bare model for the raw rate",
    )
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--threads", type=int, help="model threads for index batches (0: all)")
    parser.add_argument("--no-shipped", action="store_true", help="only the synthetic corpus")
    args = parser.parse_args()
    global THREADS
    THREADS = args.threads
    t = time.perf_counter()
    from youthbot.embed import load_embedder

    load_embedder("multilingual-e5-small")
    print(f"model load: {(time.perf_counter() - t) * 1000:.0f} ms")
    if not args.no_shipped:
        report_corpus("shipped corpus", REPO / "corpus", args.raw_sample, args.rounds)
        whole_command(REPO / "corpus")
    if args.chunks:
        with tempfile.TemporaryDirectory() as tmp:
            docs = max(1, args.chunks // 9)  # a synthetic document makes about 9 chunks
            corpus = write_corpus(Path(tmp) / "synthetic", docs)
            report_corpus(
                f"synthetic corpus ({docs} documents)", corpus, args.raw_sample, args.rounds
            )


if __name__ == "__main__":
    main()
