"""The directory answers only what it holds: a question whose subject (an event, person,
organisation or project) it holds is answered with a citation; any other gets None, so that
passage search answers it. Articles and questions written for this test."""

from __future__ import annotations

import sqlite3

import pytest

from youthbot.directory.answer import answer_from_directory
from youthbot.directory.db import FactStore
from youthbot.directory.extract import extract_facts
from youthbot.question import analyse_question
from youthbot.types import Answer, Chunk, Document, Passage

ARTICLES = {
    "news/valmiera-forums.txt": (
        "Valmieras jaunieši runā līdzi\n\n"
        "2024. gada 14. martā Valmieras jauniešu centrā “Vinda” notika jauniešu forums “Balss”. "
        "Forumu organizēja biedrība “Jaunieši Vidzemei”. Forumā uzstājās jaunatnes lietu "
        "speciāliste Ilze Kārkliņa un Valmieras novada pašvaldības pārstāvis Jānis Ozoliņš.\n"
    ),
    "news/rezekne-seminars.txt": (
        "Seminārs par brīvprātīgo darbu\n\n"
        "Rēzeknē 2. maijā notika seminārs par brīvprātīgo darbu. Semināru vadīja lektore Anna "
        "Priede, kas strādā biedrībā “Latgales brīvprātīgie”.\n"
    ),
}


@pytest.fixture(scope="module")
def store() -> FactStore:
    """A real FactStore holding the facts of the two articles."""
    store = FactStore(sqlite3.connect(":memory:"))
    store.create_schema()
    for path, text in ARTICLES.items():
        doc = Document(path, text.splitlines()[0], text, "2024-05-10", "txt", "")
        store.replace_document(path, extract_facts(doc))
    return store


def _whole(path: str, start: int, end: int) -> Passage:
    text = ARTICLES[path]
    return Passage(Chunk(path, 0, 0, len(text), text), 1.0, path)


def _ask(question: str, store: FactStore) -> Answer | None:
    return answer_from_directory(analyse_question(question), store, _whole)


def _cited(answer: Answer | None) -> Answer:
    assert answer is not None and answer.answered
    assert answer.sentences and all(s.citations for s in answer.sentences)
    for c in answer.citations:
        assert ARTICLES[c.passage.chunk.doc][c.start : c.end] == c.quote
        assert f"[{c.n}]" in answer.text
    return answer


@pytest.mark.parametrize(
    ("question", "said", "quoted"),
    [
        # the event by its kind and place
        ("Kas organizēja jauniešu forumu Valmierā?", "rīkoja biedrība “Jaunieši Vidzemei”",
         "Forumu organizēja"),
        # by its quoted name; the date spelled the Latvian way
        ("Kad notika forums “Balss”?", "notika 2024. gada 14. martā", "2024. gada 14. martā"),
        # by the words of its title
        ("Kur notika seminārs par brīvprātīgo darbu?", "notika Rēzeknē", "Rēzeknē 2. maijā"),
        # who took part, the event's noun in another case form
        ("Kas uzstājās forumā Valmierā?", "Ilze Kārkliņa un Jānis Ozoliņš", "Forumā uzstājās"),
        # by a person who took part, in the accusative and typed without diacritics
        ("Kad notika tikšanās ar Janu Ozolinu?", "14. martā", "2024. gada 14. martā"),
        # a person it holds
        ("Kas ir Ilze Kārkliņa?", "jaunatnes lietu speciāliste", "Ilze Kārkliņa"),
        # English, its words met through the glossary
        ("Who organised the youth forum in Valmiera?", "organised by biedrība “Jaunieši",
         "Forumu organizēja"),
    ],
)  # fmt: skip
def test_a_held_subject_is_answered_with_its_citation(
    question: str, said: str, quoted: str, store: FactStore
) -> None:
    answer = _cited(_ask(question, store))
    assert said in answer.text
    assert any(quoted in c.quote for c in answer.citations)


@pytest.mark.parametrize(
    "question",
    [
        "Kas organizēja nometni Valmierā?",  # a forum was held there, not a camp
        "Kas piedalījās pasākumā Valmierā par vides aizsardzību?",  # generic noun, other topic
        "Kas piedalījās pasākumā?",  # a generic word alone names no event
        "Kad notika forums Valmierā 2019. gadā?",  # the year it holds is 2024
        "Kad notika forums Liepājā?",  # no forum there
        "Kas ir Laura Bērziņa?",  # no such person
        "Kas vada biedrību “Zaļā pļava”?",  # no such organisation
        "Kur atrodas jauniešu centrs “Vinda”?",  # where it is, not where something happened
        "Kāds ir foruma mērķis?",  # not a question the directory answers
    ],
)
def test_a_subject_it_does_not_hold_falls_through(question: str, store: FactStore) -> None:
    assert _ask(question, store) is None
