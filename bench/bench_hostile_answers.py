"""How the cost of reading a hostile LLM answer grows: markers, citation checks, streaming relay.

Each row times one stage on an answer of n and of 2n units and prints the ratio: about 2
means linear, about 4 quadratic. Before the fixes of issue 9 the marker parser was quadratic
in runs of spaces and the citation check quadratic in the number of sentences.

    .venv/bin/python bench/bench_hostile_answers.py
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from youthbot.answer.cite import parse_markers, verify_answer
from youthbot.answer.generate import _TokenRelay
from youthbot.text.analyze import Analyzer
from youthbot.types import Chunk, Passage

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
CITED = "Projekts ilga septiņus mēnešus [1]. "


def _seconds(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def main() -> None:
    text = (CORPUS / "2020-10-sigulda-starpnovadu-tiklosanas.txt").read_text(encoding="utf-8")
    chunk = Chunk("sigulda.txt", 0, 0, min(len(text), 700), text[: min(len(text), 700)])
    passages = [Passage(chunk, 1.0, "Sigulda", None, rank=1)]
    analyzer = Analyzer()

    def verify(n: int) -> object:
        return verify_answer(
            CITED * n,
            passages,
            document_text=lambda _path: text,
            content_words=analyzer.content_words,
        )

    def relay(n: int) -> object:
        r = _TokenRelay(lambda _piece: None)
        for _ in range(n):
            for word in CITED.split(" "):
                r.feed(word + " ")
        return r

    cases: list[tuple[str, int, Callable[[int], object]]] = [
        ("markers after a run of n spaces", 200_000, lambda n: parse_markers(" " * n + "[1]", 1)),
        ("markers: n cited sentences", 2_000, lambda n: parse_markers(CITED * n, 3)),
        ("citation check: n cited sentences", 4_000, verify),
        ("streaming relay: n sentences in word deltas", 2_000, relay),
    ]
    print(f"{'stage':48} {'n':>7} {'t(n) s':>8} {'t(2n) s':>8} {'ratio':>6}")
    for name, n, work in cases:
        work(n // 10)  # warm caches
        one = _seconds(lambda work=work, n=n: work(n))
        two = _seconds(lambda work=work, n=n: work(2 * n))
        print(f"{name:48} {n:>7} {one:8.3f} {two:8.3f} {two / max(one, 1e-9):6.2f}")


if __name__ == "__main__":
    main()
