"""English words meet the glossary in their inflected forms."""

from __future__ import annotations

import pytest

from youthbot.text.crosslingual import english_bases, latvian_equivalents


@pytest.mark.parametrize(
    ("word", "latvian"),
    [
        ("applying", "pieteikties"),
        ("costs", "izmaksas"),
        ("registered", "pieteikties"),
        ("activities", "aktivitāte"),
        ("Reimbursement", "kompensācija"),
        ("two", "divi"),
    ],
)
def test_inflected_english_words_find_their_latvian_equivalents(word: str, latvian: str) -> None:
    assert latvian in latvian_equivalents(word)


def test_unknown_words_have_none() -> None:
    assert latvian_equivalents("xylophones") == ()


def test_english_bases() -> None:
    assert "plan" in english_bases("planned")
    assert "organise" in english_bases("organising")
    assert english_bases("go") == []
