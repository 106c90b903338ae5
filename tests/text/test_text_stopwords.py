"""Tests for youthbot.text.stopwords."""

from __future__ import annotations

import pytest

from youthbot.text.stopwords import ENGLISH_STOPWORDS, LATVIAN_STOPWORDS


@pytest.mark.parametrize(
    "word",
    # stopwords-iso
    ["aiz", "arī", "bija", "būt", "caur", "dēļ", "jeb", "kamēr", "līdz", "pēc", "tiek",
     "tika", "tikai", "un", "uz", "vai", "šaipus", "varēja",
     # pronouns in their case forms
     "viņš", "viņai", "viņiem", "mums", "jūsu", "sevi", "savā", "šajā", "tajos", "šīs",
     # question words
     "kas", "kur", "kad", "kurš", "kura", "kuri", "kuras", "kuru", "kurā", "kurās", "kāds",
     "kāda", "kādi", "kādas", "kādu", "cik", "kāpēc", "kā", "kādēļ",
     # without diacritics
     "kapec", "kads", "kuras", "saja", "vinam", "ari", "pec"],
)  # fmt: skip
def test_latvian_function_words_are_stop_words(word: str) -> None:
    assert word in LATVIAN_STOPWORDS


@pytest.mark.parametrize(
    "word",
    [
        "jaunieši",
        "jaunatne",
        "projekts",
        "pašvaldība",
        "ventspils",
        "pasākums",
        "notika",
        "tikās",
        "centrs",
        "eksperte",
        "ogre",
        "reinholde",
        "jauniesu",
        "pils",
    ],
)
def test_content_words_are_not(word: str) -> None:
    assert word not in LATVIAN_STOPWORDS


def test_iso_list_is_there_in_full() -> None:
    from youthbot.text import stopwords

    iso = stopwords._ISO_LV.split()
    assert len(iso) == len(set(iso)) == 161
    assert set(iso) <= LATVIAN_STOPWORDS


def test_english() -> None:
    assert {"the", "who", "what", "when", "where", "which", "is", "did", "of"} <= ENGLISH_STOPWORDS
    assert "project" not in ENGLISH_STOPWORDS
    assert all(w == w.lower() for w in ENGLISH_STOPWORDS | LATVIAN_STOPWORDS)
