"""Tests for youthbot.text.normalize: NFC and diacritic folding."""

from __future__ import annotations

import unicodedata

import pytest

from youthbot.text.normalize import fold, has_diacritics, nfc


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Liepājā", "liepaja"),
        ("ĀČĒĢĪĶĻŅŠŪŽ āčēģīķļņšūž", "acegiklnsuz acegiklnsuz"),
        ("Elektrėnų jaunimo centras", "elektrenu jaunimo centras"),
        ("Trakų rajono įstaiga ąžuolas", "traku rajono istaiga azuolas"),
        ("Rūdolfs Punkstiņš", "rudolfs punkstins"),
        ("KA205-422726D7", "ka205-422726d7"),
        ("Łódź", "lodz"),
    ],
)
def test_fold_lowercases_and_strips_diacritics(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_fold_keeps_one_character_per_character() -> None:
    text = "Šī gada 5. jūnijā Ventspilī norisinājās pasākums – “Vizium” İ ß"
    assert len(fold(text)) == len(text)
    i = text.index("Ventspilī")
    assert fold(text)[i : i + 9] == "ventspili"


def test_fold_drops_stray_combining_marks() -> None:
    decomposed = unicodedata.normalize("NFD", "Liepājā")
    assert fold(decomposed) == "liepaja"


def test_nfc_composes() -> None:
    decomposed = unicodedata.normalize("NFD", "jauniešu")
    assert len(decomposed) == 9
    assert nfc(decomposed) == "jauniešu"
    assert len(nfc(decomposed)) == 8


def test_has_diacritics() -> None:
    assert has_diacritics("Rīga")
    assert not has_diacritics("Ogre")
    assert not has_diacritics("LIEPAJA")
