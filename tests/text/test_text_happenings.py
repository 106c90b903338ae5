"""Verbs that report an event happening, people going to it, or something done."""

import pytest

from youthbot.text.happenings import happening_of, happenings_in


@pytest.mark.parametrize(
    ("word", "kind"),
    [
        ("notika", "happen"),
        ("norisināsies", "happen"),
        ("Pulcējās", "happen"),
        ("devās", "attend"),
        ("devas", "attend"),  # typed without diacritics
        ("uzstājās", "attend"),
        ("tikās", "attend"),
        ("darījis", "do"),
        ("paveikusi", "do"),
        ("happened", "happen"),
    ],
)
def test_forms(word: str, kind: str) -> None:
    assert happening_of(word) == kind


@pytest.mark.parametrize("word", ["tiek", "tika", "atrodas", "vadīja", "centrs", "place"])
def test_auxiliaries_and_other_words_are_not_happenings(word: str) -> None:
    assert happening_of(word) is None


def test_take_place_is_one_verb() -> None:
    words = "When did the camp take place".split()
    assert happenings_in(words) == [(4, "happen"), (5, "happen")]
    assert happenings_in("Kur atrodas jauniešu centrs".split()) == []


def test_english_auxiliary_did_is_not_doing() -> None:
    assert happenings_in("What did the project do".split()) == [(4, "do")]
