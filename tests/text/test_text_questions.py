"""Question words: one table for every stage."""

import pytest

from youthbot.text.questions import leans_on_conversation, question_kind


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Kas sagatavoja nometnes programmu?", "who"),
        ("Kas ir biedrības valdes priekšsēdētāja?", "who"),
        ("Kas ir Jauniešu garantija?", "what"),
        ("Kura organizācija piešķīra stipendijas?", "which_org"),
        ("Kad atvērs jauno jauniešu māju?", "when"),
        ("Kura datuma sakas pieteiksanas?", "when"),
        ("Līdz kuram datumam var pieteikties nometnei?", "until_when"),
        ("Kur notiks vasaras skola?", "where"),
        ("Cik liels ir atbalsts vienai biedrībai?", "how_much"),
        ("How much funding can one group get?", "how_much"),
        ("Cik dalībnieku bija nometnē?", "how_many"),
        ("Kāds ir koordinatores e-pasts?", "contact"),
        ("Kāpēc jaunieši izvēlas brīvprātīgo darbu?", "why"),
        ("Kā var kļūt par brīvprātīgo?", "how"),
        ("Who chaired the youth council?", "who"),
        ("Kādas nodarbības piedāvā centrs?", "what"),
    ],
)
def test_question_kind(question: str, kind: str) -> None:
    assert question_kind(question) == kind


def test_conjunction_ka_is_not_how_when_diacritics_are_written() -> None:
    assert question_kind("Ko nozīmē, ka centrs ir atvērts?") == "what"


def test_followups_lean_on_the_conversation() -> None:
    assert leans_on_conversation("Un kas to finansēja?")
    assert leans_on_conversation("Cik dalībnieku?")
    assert not leans_on_conversation("Kas finansēja Valmieras jauniešu nometni?")


def test_words_that_only_begin_like_which_do_not_ask_which() -> None:
    assert question_kind("Kādus pasākumus rīkoja Kurzemes plānošanas reģions?") == "what"
    assert question_kind("Kas vadīja Kurzemes jauniešu centru?") == "who"
