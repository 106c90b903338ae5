"""Who/when/where questions answered from the directory with citations of the source sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from youthbot.directory.answer import answer_from_directory
from youthbot.directory.db import FactStore
from youthbot.question import analyse_question
from youthbot.types import Answer, Document, Passage


def _ask(
    question: str, store: FactStore, find: Callable[[str, int, int], Passage]
) -> Answer | None:
    return answer_from_directory(analyse_question(question), store, find)


def _check_citations(answer: Answer, docs: dict[str, Document]) -> None:
    assert answer.answered and answer.mode == "extractive"
    assert answer.sentences and all(s.citations for s in answer.sentences)
    for c in answer.citations:
        chunk = c.passage.chunk
        assert chunk.start <= c.start < c.end <= chunk.end
        assert docs[chunk.doc].text[c.start : c.end] == c.quote
        assert f"[{c.n}]" in answer.text
    assert answer.passages


def test_who_organised_the_meeting_in_liepaja(fact_store, passage_for_span, corpus_docs) -> None:
    answer = _ask("Kas organizēja tikšanos Liepājā?", fact_store, passage_for_span)
    assert answer is not None
    assert answer.text == (
        "26.janvārī Liepājā notikušo pasākumu rīkoja Kurzemes plānošanas reģions [1][2]."
    )
    _check_citations(answer, corpus_docs)
    assert answer.citations[1].quote.startswith("Tikšanos rīkoja Kurzemes plānošanas reģions")


def test_english_question_gets_an_english_answer(fact_store, passage_for_span, corpus_docs) -> None:
    answer = _ask("Who organised the meeting in Liepāja?", fact_store, passage_for_span)
    assert answer is not None and "organised by Kurzemes plānošanas reģions" in answer.text
    _check_citations(answer, corpus_docs)


def test_who_from_ogre_went_to_lithuania(fact_store, passage_for_span, corpus_docs) -> None:
    answer = _ask("Kas no Ogres devās uz Lietuvu?", fact_store, passage_for_span)
    assert answer is not None
    for name in ("Dace Veiliņa", "Aleksejs Solovjovs", "Zita Bērziņa-Igaune", "Zanda Bieziņa"):
        assert name in answer.text
    _check_citations(answer, corpus_docs)


def test_which_events_did_an_organisation_run(fact_store, passage_for_span, corpus_docs) -> None:
    answer = _ask(
        "Kādus pasākumus rīkoja Kurzemes plānošanas reģions?", fact_store, passage_for_span
    )
    assert answer is not None and len(answer.sentences) == 1
    assert answer.sentences[0].text.startswith("26.janvārī Liepājā")  # as the source writes it
    _check_citations(answer, corpus_docs)


def test_what_a_project_has_done(fact_store, passage_for_span, corpus_docs) -> None:
    answer = _ask("Ko darījis projekts 3.1.1.2.i.0/1/22/I/VARAM/001?", fact_store, passage_for_span)
    assert answer is not None and len(answer.sentences) == 3
    assert {c.passage.chunk.doc for c in answer.citations} == {
        "corpus/2024-01-kurzeme-jaunatnes-specialisti-liepaja.txt",
        "corpus/kurzeme-jaunatnes-specialisti-ventspils.txt",
    }
    _check_citations(answer, corpus_docs)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Kad notika pasākums Ventspilī?", "notika 5. jūnijā Ventspilī"),
        ("Kur notika apmācības par starpsektoru sadarbību?", "notika Lietuvā 21.–25. novembrī"),
        ("Kas vada biedrību House of Hope?", "Tatjana Makovija – vadītāja"),
        ("Kas ir Zane Meldrāja?", "Zane Meldrāja – projekta vadītāja"),
    ],
)
def test_when_where_and_roles(
    question, expected, fact_store, passage_for_span, corpus_docs
) -> None:
    answer = _ask(question, fact_store, passage_for_span)
    assert answer is not None and expected in answer.text
    _check_citations(answer, corpus_docs)


@pytest.mark.parametrize(
    "question",
    [
        "Kas organizēja pasākumu?",  # names nothing the directory holds
        "Kas ir Latvijas prezidents?",
        "Kur atrodas Rīga?",
        "Kāds ir projekta mērķis?",  # not a who/when/where question
        "Kas vadīja projektu PROTI un DARI 2.0?",  # no one is said to lead it
        "Kad notika pasākums Daugavpilī?",  # no event there
    ],
)
def test_unsure_questions_fall_back_to_passage_search(
    question, fact_store, passage_for_span
) -> None:
    assert _ask(question, fact_store, passage_for_span) is None


def test_two_events_fit_so_no_single_answer(fact_store, passage_for_span) -> None:
    # The project held meetings in Liepāja, Kuldīga and Ventspils: "when" has no one answer.
    assert (
        _ask(
            "Kad notika projekta 3.1.1.2.i.0/1/22/I/VARAM/001 tikšanās?",
            fact_store,
            passage_for_span,
        )
        is None
    )


@pytest.mark.parametrize(
    "question",
    [
        "Who funds the Cross sectorial cooperation in Youth Work project?",
        "Kur atrodas Kurzemes plānošanas reģions?",
        "Kas finansē projektu PROTI un DARI 2.0?",
    ],
)
def test_questions_the_directory_does_not_answer(question, fact_store, passage_for_span) -> None:
    assert _ask(question, fact_store, passage_for_span) is None


ARTICLE = (
    "Jelgavas jaunieši apgūst līderības prasmes\n\n"
    "Šā gada 12. aprīlī Jelgavas Jaunatnes centrā “Kopā” notika seminārs “Līderis manī”, kurā "
    "piedalījās vairāk nekā 40 jauniešu no Jelgavas un Dobeles. Semināru organizēja biedrība "
    "“Zemgales jaunieši” sadarbībā ar Jelgavas valstspilsētas pašvaldību.\n"
    "Par līderības stiliem stāstīja trenere Laura Ziediņa-Kļaviņa, savukārt Valsts izglītības "
    "attīstības aģentūras (VIAA) eksperts Edgars Pūce iepazīstināja ar Erasmus+ iespējām.\n"
)


def test_answers_over_a_text_written_for_the_test() -> None:
    import sqlite3

    from youthbot.directory.extract import extract_facts
    from youthbot.types import Chunk

    doc = Document("news/jelgava.txt", "Jelgavas jaunieši", ARTICLE, "2024-04-18", "txt", "")
    store = FactStore(sqlite3.connect(":memory:"))
    store.create_schema()
    store.replace_document(doc.path, extract_facts(doc))

    def whole_text(path: str, start: int, end: int) -> Passage:
        return Passage(Chunk(path, 0, 0, len(ARTICLE), ARTICLE), 1.0, doc.title)

    answer = _ask("Kas organizēja semināru Jelgavā?", store, whole_text)
    assert answer is not None
    assert answer.text == (
        "2024. gada 12. aprīlī Jelgavas Jaunatnes centrā “Kopā” notikušo pasākumu rīkoja "
        "biedrība “Zemgales jaunieši” un Jelgavas valstspilsētas pašvaldība [1][2]."
    )
    assert answer.citations[0].quote.startswith("Šā gada 12. aprīlī")
    assert answer.citations[1].quote.startswith("Semināru organizēja biedrība “Zemgales jaunieši”")
    when = _ask("Kad notika seminārs “Līderis manī”?", store, whole_text)
    assert when is not None and "2024. gada 12. aprīlī" in when.text
    who = _ask("Kas uzstājās seminārā Jelgavā?", store, whole_text)
    assert who is not None and "Laura Ziediņa-Kļaviņa un Edgars Pūce" in who.text


def test_lower_case_question_still_finds_the_place(fact_store, passage_for_span) -> None:
    answer = _ask("kas organizēja tikšanos liepājā?", fact_store, passage_for_span)
    assert answer is not None and "Kurzemes plānošanas reģions" in answer.text


def test_what_was_discussed_is_not_a_directory_question(fact_store) -> None:
    from youthbot.directory.query import read_question

    def ask(question: str) -> str | None:
        q = read_question(analyse_question(question), fact_store.lookup())
        return None if q is None else q.ask

    assert ask("What did the Kurzeme youth specialists discuss in Liepāja?") != "events"
    assert ask("What did the project do?") == "events"
    assert ask("What has project 3.1.1.2.i.0/1/22/I/VARAM/001 done?") == "events"


def test_question_without_diacritics_is_read_the_same(fact_store) -> None:
    from youthbot.directory.query import read_question

    plain = read_question(analyse_question("Kas organizeja tiksanos Liepaja?"), fact_store.lookup())
    written = read_question(
        analyse_question("Kas organizēja tikšanos Liepājā?"), fact_store.lookup()
    )
    assert plain is not None and written is not None
    assert (
        (plain.ask, plain.places)
        == (written.ask, written.places)
        == (
            "organiser",
            frozenset({"Liepāja"}),
        )
    )
