"""Analyser throughput on the sample corpus repeated to about 200k tokens, cold and warm."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from youthbot.text.analyze import _TOKEN, Analyzer


def _load(corpus: Path, target: int) -> tuple[list[str], int]:
    """The corpus texts and how many times to repeat them to hold ``target`` tokens."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    if not texts:
        sys.exit(f"no .txt files in {corpus}")
    per_round = sum(len(_TOKEN.findall(t)) for t in texts)
    rounds = max(1, -(-target // per_round))
    return texts, rounds


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
    unique, rounds = _load(args.corpus, args.tokens)
    texts = unique * rounds
    tokens = sum(len(_TOKEN.findall(t)) for t in texts)
    unique_tokens = tokens // rounds
    analyzer = Analyzer()
    cold, terms = _run(analyzer, texts)  # includes loading simplemma's Latvian dictionary
    warm = min(_run(analyzer, texts)[0] for _ in range(3))
    fresh = Analyzer()  # dictionary already loaded, per-word cache empty
    first, _ = _run(fresh, unique)
    print(f"{len(unique)} texts x {rounds} = {tokens:,} tokens -> {terms:,} terms")
    print(f"cold (dictionary load, empty cache): {tokens / cold:10,.0f} tokens/s ({cold:.3f} s)")
    print(f"warm (best of 3):                    {tokens / warm:10,.0f} tokens/s ({warm:.3f} s)")
    rate = unique_tokens / first
    print(f"empty cache, one pass of {unique_tokens:,} tokens: {rate:10,.0f} tokens/s")
    print(f"warm / cold: {cold / warm:.2f}x")


if __name__ == "__main__":
    main()
