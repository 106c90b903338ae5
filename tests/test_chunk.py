"""Chunking: whole sentences, exact offsets, bounded length, overlap, headings kept with text."""

from __future__ import annotations

from pathlib import Path

import pytest

from youthbot.chunk import ChunkerConfig, chunk_document, split_document
from youthbot.types import Document

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _doc(text: str, path: str = "x.txt") -> Document:
    return Document(path, "x", text, None, "txt", "")


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.name)
def test_corpus_chunks_are_exact_spans_of_whole_sentences(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    doc = _doc(text, path.name)
    chunks, sentences = split_document(doc)
    assert chunks
    starts = {s for s, _ in sentences}
    ends = {e for _, e in sentences}
    for i, c in enumerate(chunks):
        assert c.ordinal == i
        assert c.text == text[c.start : c.end]
        assert c.start in starts and c.end in ends  # never cuts inside a sentence
        assert len(c.text) <= 700 or c.text.count(". ") == 0
    # every sentence lies inside some chunk
    for s, e in sentences:
        assert any(c.start <= s and e <= c.end for c in chunks)


def test_latvian_dates_and_codes_do_not_split_chunks_or_sentences() -> None:
    text = (
        "Šī gada 5. jūnijā Ventspilī notika tikšanās projekta (Nr. 3.1.1.2.i.0/1/22/I/VARAM/001)"
        " ietvaros. Par to stāstīja I.Reinholde, mob.+371 29206098."
    )
    chunks, sentences = split_document(_doc(text))
    assert [text[s:e] for s, e in sentences] == [
        "Šī gada 5. jūnijā Ventspilī notika tikšanās projekta (Nr. 3.1.1.2.i.0/1/22/I/VARAM/001)"
        " ietvaros.",
        "Par to stāstīja I.Reinholde, mob.+371 29206098.",
    ]
    assert len(chunks) == 1


def test_long_paragraph_windows_overlap_by_one_sentence() -> None:
    sentence = "Jaunieši Valmierā apguva jaunas prasmes neformālās izglītības nodarbībās. "
    text = (sentence * 30).strip()
    chunks = chunk_document(_doc(text), ChunkerConfig(max_chars=300, overlap_sentences=1))
    assert len(chunks) > 3
    for a, b in zip(chunks, chunks[1:], strict=False):
        assert b.start < a.end  # overlap
        assert text[b.start : a.end].strip().endswith(".")
        assert len(a.text) <= 300


def test_heading_is_kept_with_the_paragraph_after_it() -> None:
    text = "Pašvaldības novērtē un iedvesmojas\nPasākums Rēzeknē pulcēja 40 jauniešu mentorus."
    chunks = chunk_document(_doc(text))
    assert len(chunks) == 1
    assert chunks[0].text.startswith("Pašvaldības novērtē")


def test_oversized_sentence_is_cut_at_spaces() -> None:
    text = " ".join(["jauniešu"] * 600)  # one 5,000-character "sentence"
    chunks = chunk_document(_doc(text), ChunkerConfig(max_chars=500))
    assert len(chunks) > 5
    assert all(c.text == text[c.start : c.end] and len(c.text) <= 500 for c in chunks)
    assert all(not c.text.startswith(" ") for c in chunks)
