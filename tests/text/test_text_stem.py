"""Tests for youthbot.text.stem, with the cases of Lucene's TestLatvianStemmer."""

from __future__ import annotations

import pytest

from youthbot.text.stem import stem

LUCENE_CASES = {
    # declension I
    "tēvs": "tēv", "tēvi": "tēv", "tēva": "tēv", "tēvu": "tēv", "tēvam": "tēv",
    "tēviem": "tēv", "tēvus": "tēv", "tēvā": "tēv", "tēvos": "tēv",
    # declension II, c → č and n → ņ palatalisation
    "lācis": "lāc", "lāči": "lāc", "lāča": "lāc", "lāču": "lāc", "lācim": "lāc",
    "lāčiem": "lāc", "lāci": "lāc", "lāčus": "lāc", "lācī": "lāc", "lāčos": "lāc",
    "akmens": "akmen", "akmeņi": "akmen", "akmeņa": "akmen", "akmeņu": "akmen",
    "akmenim": "akmen", "akmeņiem": "akmen", "akmeni": "akmen", "akmeņus": "akmen",
    "akmenī": "akmen", "akmeņos": "akmen",
    # declension III
    "lietus": "liet", "lieti": "liet", "lietu": "liet", "lietum": "liet",
    "lietiem": "liet", "lietū": "liet", "lietos": "liet",
    # declension IV
    "lapa": "lap", "lapas": "lap", "lapu": "lap", "lapai": "lap", "lapām": "lap",
    "lapā": "lap", "lapās": "lap",
    # declension V
    "puķe": "puķ", "puķes": "puķ", "puķei": "puķ", "puķēm": "puķ", "puķi": "puķ",
    "puķē": "puķ", "puķēs": "puķ",
    # declension VI, labial + j
    "zivs": "ziv", "zivis": "ziv", "zivju": "ziv", "zivij": "ziv", "zivīm": "ziv",
    "zivi": "ziv", "zivī": "ziv", "zivīs": "ziv",
    # adjectives, definite endings
    "zils": "zil", "zilā": "zil", "zilais": "zil", "zilajam": "zil", "zilajiem": "zil",
    "zilajā": "zil", "zilajos": "zil", "zilajās": "zil", "zilajai": "zil",
    # palatalisation undone
    "krāsns": "krāsn", "krāšņu": "krāsn", "zvaigzne": "zvaigzn", "zvaigžņu": "zvaigzn",
    "kāpslis": "kāpsl", "kāpšļu": "kāpsl", "zizlis": "zizl", "zižļu": "zizl",
    "vilnis": "viln", "viļņu": "viln", "lelle": "lell", "leļļu": "lell",
    "pinne": "pinn", "piņņu": "pinn", "rīkste": "rīkst", "rīkšu": "rīkst",
    # too short, or no vowel left
    "usa": "usa", "60ms": "60ms",
}  # fmt: skip


@pytest.mark.parametrize(("word", "expected"), sorted(LUCENE_CASES.items()))
def test_lucene_cases(word: str, expected: str) -> None:
    assert stem(word) == expected


@pytest.mark.parametrize(
    ("forms", "expected"),
    [
        (("ventspils", "ventspilī", "ventspilij"), "ventspil"),
        (("liepāja", "liepājā", "liepājas", "liepāju"), "liepāj"),
        (("jaunatne", "jaunatnes", "jaunatni", "jaunatnei"), "jaunatn"),
        (("jaunietis", "jaunietim"), "jauniet"),
        (("pašvaldība", "pašvaldību", "pašvaldības", "pašvaldībām"), "pašvaldīb"),
        (("pasākums", "pasākumā", "pasākuma", "pasākumiem"), "pasākum"),
    ],
)
def test_corpus_words_meet(forms: tuple[str, ...], expected: str) -> None:
    assert {stem(f) for f in forms} == {expected}


def test_leaves_words_without_ending() -> None:
    assert stem("būt") == "būt"
    assert stem("ar") == "ar"
    assert stem("") == ""
