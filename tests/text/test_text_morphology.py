"""Latvian declensions: forms from a base, every base a form may come from, alternation."""

from __future__ import annotations

import pytest

from youthbot.text.morphology import (
    adjective_nominative,
    analyse,
    declension_of,
    decline,
    depalatalise,
    palatalise,
    stem_key,
)


@pytest.mark.parametrize(
    ("base", "declension"),
    [
        ("Jānis", "m2"),
        ("Saldus", "m3"),
        ("Kalniņš", "m1"),
        ("Tukums", "m1"),
        ("Ināra", "f4"),
        ("Miglāne", "f5"),
        ("Ivo", None),
    ],
)
def test_declension_from_the_ending(base: str, declension: str | None) -> None:
    assert declension_of(base) == declension


def test_feminine_s_is_the_sixth_declension() -> None:
    assert declension_of("Ventspils", "f") == "f6"
    assert decline("Ventspils", "f6")[("sg", "loc")] == "Ventspilī"


@pytest.mark.parametrize(
    ("base", "number", "case", "form"),
    [
        ("Jānis", "sg", "gen", "Jāņa"),
        ("Jānis", "sg", "dat", "Jānim"),
        ("Kārlis", "pl", "nom", "Kārļi"),
        ("Gatis", "sg", "gen", "Gata"),
        ("pārstāvis", "pl", "nom", "pārstāvji"),
        ("Kalniņš", "sg", "dat", "Kalniņam"),
        ("Miglāne", "sg", "dat", "Miglānei"),
        ("koordinatore", "sg", "dat", "koordinatorei"),
        ("pārvalde", "pl", "gen", "pārvalžu"),
        ("Ināra", "sg", "acc", "Ināru"),
        ("viesis", "pl", "dat", "viesiem"),
    ],
)
def test_decline(base: str, number: str, case: str, form: str) -> None:
    assert decline(base)[(number, case)] == form


def test_analyse_reads_a_form_back_to_every_base_it_may_have() -> None:
    bases = {(a.base, a.case, a.gender) for a in analyse("Jāņa") if a.number == "sg"}
    assert ("Jānis", "gen", "m") in bases
    dative = {(a.base, a.gender) for a in analyse("Miglānei") if a.case == "dat"}
    assert ("Miglāne", "f") in dative
    andra = {(a.base, a.case) for a in analyse("Andra") if a.number == "sg"}
    assert {("Andra", "nom"), ("Andris", "gen")} <= andra


def test_alternation_both_ways() -> None:
    assert palatalise("Jān") == "Jāņ"
    assert palatalise("Grāv") == "Grāvj"
    assert palatalise("Indriķ") == "Indriķ"
    assert depalatalise("Lāč") == ["Lāc"]
    assert "Ans" in depalatalise("Anš")


def test_adjective_and_matching_stem() -> None:
    assert adjective_nominative("Sociālā", "m", "gen") == "Sociālais"
    assert adjective_nominative("Nacionālajā", "f", "loc") == "Nacionālā"
    assert stem_key("Meldrājas") == stem_key("meldraja") == "meldraj"
    assert stem_key("Ventspilī") == stem_key("Ventspils")
