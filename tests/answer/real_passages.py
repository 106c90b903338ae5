"""Passages cut from the real corpus, one paragraph each, for the answer tests."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from youthbot.text.sentences import split_paragraphs
from youthbot.types import Chunk, Passage

CORPUS = Path(__file__).resolve().parents[2] / "corpus"

SIGULDA = "2020-10-sigulda-starpnovadu-tiklosanas.txt"
ERASMUS = "2023-11-ogre-erasmus-lietuva.txt"
LIEPAJA = "2024-01-kurzeme-jaunatnes-specialisti-liepaja.txt"
VENTSPILS = "kurzeme-jaunatnes-specialisti-ventspils.txt"
PROTI = "proti-un-dari-ogre-jauniesi-no-ukrainas.txt"


@cache
def document_text(path: str) -> str:
    """The text of a corpus file (the tests' stand-in for the store)."""
    return (CORPUS / path).read_text(encoding="utf-8")


def paragraph(path: str, needle: str, rank: int = 1) -> Passage:
    """The passage made of the paragraph of ``path`` that contains ``needle``."""
    text = document_text(path)
    for ordinal, (start, end) in enumerate(split_paragraphs(text)):
        if needle in text[start:end]:
            chunk = Chunk(path, ordinal, start, end, text[start:end])
            return Passage(chunk, 1.0 / rank, path.removesuffix(".txt"), None, rank)
    raise KeyError(f"{needle!r} not in {path}")


def five_passages() -> list[Passage]:
    """Five real passages, one from each corpus file, ranked 1..5."""
    return [
        paragraph(SIGULDA, "Projekts ilgs", 1),
        paragraph(ERASMUS, "No 21. līdz 25. novembrim", 2),
        paragraph(LIEPAJA, "26.janvārī Liepājas", 3),
        paragraph(VENTSPILS, "5. jūnijā Ventspilī", 4),
        paragraph(PROTI, "PROTI un DARI 2.0", 5),
    ]
