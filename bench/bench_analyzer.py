"""Analyser throughput on the sample corpus repeated to about 200k tokens, cold and warm."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from youthbot.text.analyze import _TOKEN, Analyzer


def _load(corpus: Path, target: int) -> tuple[list[str], int]:
    """The corpus texts repeated until they hold at least ``target`` tokens."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    if not texts:
        sys.exit(f"no .txt files in {corpus}")
    per_round = sum(len(_TOKEN.findall(t)) for t in texts)
    rounds = max(1, -(-target // per_round))
    return texts * rounds, per_round * rounds


def _run(analyzer: Analyzer, texts: list[str]) -> tuple[float, int]:
    start = time.perf_counter()
    terms = 0
    for text in texts:
        terms += len(analyzer.terms(text))
    return time.perf_counter() - start, terms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=Path(__file__).parent.parent / "corpus")
    parser.add_argument("--tokens", type=int, default=200_000)
    args = parser.parse_args()
    texts, tokens = _load(args.corpus, args.tokens)
    analyzer = Analyzer()
    cold, terms = _run(analyzer, texts)  # includes loading simplemma's Latvian dictionary
    warm = min(_run(analyzer, texts)[0] for _ in range(3))
    fresh = Analyzer()  # dictionary loaded, per-word cache empty
    empty_cache, _ = _run(fresh, texts[: len(texts) // max(1, len(texts) // 5)])
    unique = sum(len(_TOKEN.findall(t)) for t in texts[:5])
    print(f"texts {len(texts)}, tokens {tokens}, terms {terms}")
    print(f"cold  (dictionary load + empty cache): {tokens / cold:12,.0f} tokens/s  ({cold:.3f} s)")
    print(f"warm  (best of 3):                     {tokens / warm:12,.0f} tokens/s  ({warm:.3f} s)")
    print(f"first pass, empty cache, {unique} tokens:  {unique / empty_cache:12,.0f} tokens/s")
    print(f"warm / cold: {cold / warm:.2f}x")


if __name__ == "__main__":
    main()
