"""Directory extraction time per 1,000 documents, against embedding the same documents.

Prints, for three sets of documents (the shipped corpus, the realgenre development pages and
synthetic documents recombined from the corpus):
  * rule-based directory extraction (``extract_facts``: places, organisations, people,
    projects, events) in seconds per 1,000 documents, warm;
  * the default model embedding the same documents' sentences (what an index build does
    for each document), on a sample, in seconds per 1,000 documents;
  * the share of the two that extraction takes.

Usage: .venv/bin/python bench/bench_extraction.py [--synthetic 300] [--embed-sample 40]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from synth import REPO, synthetic_documents  # noqa: E402


def _shared(sub: str) -> Path | None:
    for root in (REPO / "shared", REPO.parent / "shared", REPO.parent.parent / "shared"):
        if (root / sub).is_dir():
            return root / sub
    return None


def _documents(synthetic: int) -> dict[str, list]:
    from youthbot.ingest import read_document
    from youthbot.types import Document

    sets: dict[str, list] = {"corpus": [read_document(p) for p in sorted(REPO.glob("corpus/*"))]}
    realgenre = _shared("eval/realgenre/docs")
    if realgenre is not None:
        sets["realgenre"] = [read_document(p) for p in sorted(realgenre.iterdir())]
    sets["synthetic"] = [
        Document(f"synth/{name}", name, text, None, "txt", "")
        for name, text in synthetic_documents(synthetic)
    ]
    return sets


def main() -> int:
    """Time extraction and embedding; print one row per set."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--synthetic", type=int, default=300, help="synthetic documents")
    ap.add_argument("--embed-sample", type=int, default=40, help="documents embedded per set")
    args = ap.parse_args()

    from youthbot.directory.extract import extract_facts
    from youthbot.embed import load_embedder
    from youthbot.text.sentences import split_sentences

    sets = _documents(args.synthetic)
    extract_facts(sets["corpus"][0])  # lexicons and tables load once, not per document
    embedder = load_embedder("multilingual-e5-small")
    embedder.embed(["Sveiki."], "passage")
    print(
        f"{'set':<10} {'docs':>5} {'chars/doc':>9} {'extract s/1000':>15} "
        f"{'embed s/1000':>13} {'extract share':>14}"
    )
    for name, docs in sets.items():
        started = time.perf_counter()
        for doc in docs:
            extract_facts(doc)
        extract = (time.perf_counter() - started) / len(docs) * 1000
        sample = docs[: args.embed_sample]
        started = time.perf_counter()
        for doc in sample:
            embedder.embed([doc.text[s:e] for s, e in split_sentences(doc.text)], "passage")
        embed = (time.perf_counter() - started) / len(sample) * 1000
        chars = sum(len(d.text) for d in docs) / len(docs)
        share = extract / (extract + embed)
        print(
            f"{name:<10} {len(docs):>5} {chars:>9.0f} {extract:>15.1f} {embed:>13.1f}"
            f" {share:>13.0%}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
