"""Extractive answers on the real corpus: the sentences that answer, each with an exact citation."""

from __future__ import annotations


def _check_citations(pipeline, answer) -> None:
    assert answer.citations
    for c in answer.citations:
        text = pipeline.document(c.passage.chunk.doc).text
        assert text[c.start : c.end] == c.quote
        assert c.passage.chunk.start <= c.start and c.end <= c.passage.chunk.end
        assert f"[{c.n}]" in answer.text


def test_label_and_value_lines_answer_together(pipeline) -> None:
    answer = pipeline.ask("Kas sagatavoja informāciju par pieredzes apmaiņu Ventspilī?")
    assert "Zane Meldrāja" in answer.text
    _check_citations(pipeline, answer)


def test_headings_are_not_answers(pipeline) -> None:
    answer = pipeline.ask("Kā tiek finansēts projekts Starpnovadu tīklošanās?")
    assert "valsts budžeta" in answer.text
    assert not answer.text.startswith("Projekts “Starpnovadu tīklošanās” [")
    _check_citations(pipeline, answer)


def test_explanation_keeps_the_sentence_that_refers_back(pipeline) -> None:
    answer = pipeline.ask("Kā darbojas PROTI un DARI 2.0?")
    assert "Eiropas Sociālā fonda Plus" in answer.text
    assert "To īsteno Jaunatnes starptautisko programmu aģentūra" in answer.text
    _check_citations(pipeline, answer)


def test_every_answer_sentence_carries_a_citation(pipeline) -> None:
    answer = pipeline.ask("Ar ko nodarbojas Elektrēnu jauniešu centra jaunatnes darbinieki?")
    assert answer.answered and "mobilo darbu" in answer.text
    assert answer.sentences and all(s.citations and s.verified for s in answer.sentences)
    _check_citations(pipeline, answer)


def test_contact_question_returns_the_whole_contact_block(pipeline) -> None:
    answer = pipeline.ask("Kāds ir Zanes Gailes tālrunis?")
    assert "29206098" in answer.text
    _check_citations(pipeline, answer)
