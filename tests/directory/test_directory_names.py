"""Latvian and Lithuanian name morphology: case forms back to base forms, double-barrelled names."""

from __future__ import annotations

import pytest

from youthbot.directory.names import clean_name, name_key, read_given, surname_base


@pytest.mark.parametrize(
    ("written", "base", "gender", "case"),
    [
        ("Zane", "Zane", "f", "nom"),
        ("Astas", "Asta", "f", "gen"),
        ("Ilonai", "Ilona", "f", "dat"),
        ("Jāņa", "Jānis", "m", "gen"),
        ("Kārlim", "Kārlis", "m", "dat"),
        ("Rūdolfa", "Rūdolfs", "m", "gen"),
        ("Emīlam", "Emīls", "m", "dat"),
        ("Tomas", "Tomas", "m", "nom"),
    ],
)
def test_read_given_finds_the_base_and_case(
    written: str, base: str, gender: str, case: str
) -> None:
    reading = read_given(written)[0]
    assert (reading.base, reading.gender, reading.case) == (base, gender, case)


def test_read_given_rejects_words_that_are_not_names() -> None:
    assert read_given("Jauniešu") == []
    assert read_given("Ogres") == []


@pytest.mark.parametrize(
    ("written", "gender", "case", "base"),
    [
        ("Meldrājas", "f", "gen", "Meldrāja"),
        ("Gailei", "f", "dat", "Gaile"),
        ("Tiškutes", "f", "gen", "Tiškute"),
        ("Mednes-Strazdas", "f", "gen", "Medne-Strazda"),
        ("Krūmiņas- Bērziņas", "f", "gen", "Krūmiņa-Bērziņa"),
        ("Punkstiņa", "m", "gen", "Punkstiņš"),
        ("Kalniņam", "m", "dat", "Kalniņš"),
        ("Ozolu", "m", "acc", "Ozols"),
        ("Lāča", "m", "gen", "Lācis"),
        ("Grāvja", "m", "gen", "Grāvis"),
        ("Reine-Saponaro", "f", "nom", "Reine-Saponaro"),
    ],
)
def test_surname_base(written: str, gender: str, case: str, base: str) -> None:
    assert surname_base(written, gender, case) == base


def test_lithuanian_and_latvianised_spellings_share_a_key() -> None:
    assert name_key("Asta Tiškutė") == name_key("Asta Tiškute")
    assert name_key("Zita Bērziņa- Igaune") == name_key("Zita Bērziņa-Igaune")
    assert clean_name("Zita Bērziņa- Igaune") == "Zita Bērziņa-Igaune"


def test_the_name_day_calendar_is_the_lexicon() -> None:
    from youthbot.directory.names import given_names

    names = given_names()
    assert len(names) > 1400
    assert names["Vladislava"] == "f" and names["Vladislavs"] == "m"
    assert {(r.base, r.case) for r in read_given("Vladislava")} == {
        ("Vladislava", "nom"),
        ("Vladislavs", "gen"),
    }
    andra = [(r.base, r.case) for r in read_given("Andra")]
    assert andra[0] == ("Andra", "nom") and andra[1] == ("Andris", "gen")  # calendar names first


def test_a_surname_alone_reads_its_case_from_its_ending() -> None:
    from youthbot.text.names import surname_readings

    assert surname_readings("Kalniņam")[0] == ("Kalniņš", "m", "dat")
    assert surname_readings("Miglānei")[0] == ("Miglāne", "f", "dat")
    assert [r[0] for r in surname_readings("Ozola")] == ["Ozola", "Ozols"]
