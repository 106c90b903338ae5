"""Tests for youthbot.text.lang.detect_language."""

from __future__ import annotations

from pathlib import Path

import pytest

from youthbot.text.lang import detect_language, guess_from_words

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Kur notika pasākums?", "lv"),
        ("Kad notika pasakums Ventspili?", "lv"),  # no diacritics, but Latvian function words
        ("Kas ir Zane Meldrāja?", "lv"),
        ("Cik dalībnieku pulcēja PROTI un DARI pasākums?", "lv"),
        ("jauniesu centrs Ogre", "lv"),  # nothing tells: the corpus language
        ("Zane Gaile", "lv"),
        ("2024", "lv"),
        ("", "lv"),
        ("Who spoke at the meeting in Liepāja?", "en"),  # a Latvian name in an English question
        ("Where did the event take place?", "en"),
        ("What is KA205-422726D7?", "en"),
        ("Tell me about the PROTI un DARI project", "en"),
        ("Кто организовал встречу в Огре?", "ru"),
        ("Хто організував зустріч у Вентспілсі?", "uk"),
    ],
)
def test_questions(question: str, language: str) -> None:
    assert detect_language(question) == language


def test_documents_are_latvian() -> None:
    for path in sorted(CORPUS.glob("*.txt")):
        assert detect_language(path.read_text(encoding="utf-8")) == "lv", path.name


def test_english_paragraph() -> None:
    text = (
        "The youth centre in Ventspils organised a meeting for youth workers from the whole "
        "Kurzeme region. They discussed how the municipalities could work together and which "
        "digital tools are useful when working with young people."
    )
    assert detect_language(text) == "en"


def test_guess_from_words() -> None:
    assert guess_from_words(["kur", "notika", "tikšanās"]) == "lv"
    assert guess_from_words(["where", "was", "the", "meeting"]) == "en"
    assert guess_from_words(["ogre", "2024"]) is None
