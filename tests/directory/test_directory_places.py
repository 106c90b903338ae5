"""Gazetteer, Latvian place case forms, and place mentions normalised to base names."""

from __future__ import annotations

import pytest

from youthbot.directory.places import (
    find_places,
    gazetteer,
    inflect,
    locative,
    normalise_place,
)


def _bases(text: str) -> list[str]:
    return [p.base for p in find_places(text)]


def test_gazetteer_holds_every_valstspilseta_and_novads_of_the_2021_reform() -> None:
    entries = gazetteer().entries
    for city in (
        "Daugavpils",
        "Jelgava",
        "Jēkabpils",
        "Jūrmala",
        "Liepāja",
        "Ogre",
        "Rēzekne",
        "Rīga",
        "Valmiera",
        "Ventspils",
    ):
        assert entries[city].kind == "valstspilseta"
    novadi = [e for e in entries.values() if e.kind == "novads"]
    assert len(novadi) >= 36
    assert entries["Dienvidkurzemes novads"].kind == "novads"
    assert entries["Siguldas novads"].center == "Sigulda"
    for country in ("Lietuva", "Igaunija", "Krievija", "Baltkrievija"):
        assert entries[country].kind == "valsts"


@pytest.mark.parametrize(
    ("base", "paradigm", "loc", "gen"),
    [
        ("Liepāja", "a", "Liepājā", "Liepājas"),
        ("Rēzekne", "e", "Rēzeknē", "Rēzeknes"),
        ("Ventspils", "f6", "Ventspilī", "Ventspils"),
        ("Talsi", "mpl", "Talsos", "Talsu"),
        ("Cēsis", "f6pl", "Cēsīs", "Cēsu"),
        ("Tukums", "m1", "Tukumā", "Tukuma"),
        ("Saldus", "m3", "Saldū", "Saldus"),
        ("Pļaviņas", "fpl", "Pļaviņās", "Pļaviņu"),
    ],
)
def test_inflect_gives_latvian_case_forms(base: str, paradigm: str, loc: str, gen: str) -> None:
    forms = inflect(base, paradigm)
    assert forms["loc"] == loc
    assert forms["gen"] == gen


def test_inflected_places_in_text_come_back_as_base_names() -> None:
    text = (
        "Jauniešu forums notika Jelgavā, dalībnieki no Rēzeknes, Daugavpils un Ādažiem "
        "devās uz Igauniju."
    )
    assert _bases(text) == ["Jelgava", "Rēzekne", "Daugavpils", "Ādaži", "Igaunija"]


def test_novads_and_pagasts_phrases_are_one_place() -> None:
    text = "Valmieras novadā un Alūksnes novada Jaunlaicenes pagastā strādā jaunatnes darbinieki."
    assert _bases(text) == ["Valmieras novads", "Alūksnes novads", "Jaunlaicenes pagasts"]


def test_unknown_town_after_pilseta_is_kept_as_written() -> None:
    assert _bases("Delegācija apmeklēja Igaunijas pilsētā Viljandi jauniešu centru.") == [
        "Igaunija",
        "Viljandi",
    ]


def test_eiropas_savieniba_is_not_a_place() -> None:
    assert _bases("Projektu finansē Eiropas Savienība, jaunieši brauca uz Eiropu.") == ["Eiropa"]


def test_each_case_mention_keeps_its_exact_span() -> None:
    text = "Tikšanās notika Jūrmalā."
    (mention,) = find_places(text)
    assert text[mention.start : mention.end] == "Jūrmalā"
    assert mention.case == "loc"


@pytest.mark.parametrize(
    ("typed", "base"),
    [
        ("Liepājā", "Liepāja"),
        ("liepaja", "Liepāja"),
        ("ogres novadā", "Ogres novads"),
        ("Cēsīs", "Cēsis"),
        ("Viljandi", "Viljandi"),
    ],
)
def test_normalise_place_takes_what_a_user_types(typed: str, base: str) -> None:
    assert normalise_place(typed) == base


def test_related_joins_a_novads_and_its_town() -> None:
    assert "Ogres novads" in gazetteer().related("Ogre")
    assert "Ogre" in gazetteer().related("Ogres novads")
    assert locative("Valmieras novads") == "Valmieras novadā"
    assert locative("Daugavpils") == "Daugavpilī"


def test_places_listed_before_a_plural_unit_word() -> None:
    text = "Viesi ieradās no Rūjienas, Ipiķu un Jeru pagastiem un Smiltenes novada."
    assert _bases(text) == ["Rūjienas pagasts", "Ipiķu pagasts", "Jeru pagasts", "Smiltenes novads"]


def test_world_places_and_unknown_places_in_the_locative() -> None:
    assert _bases("Jaunieši no Kopenhāgenas devās uz Barselonu.") == ["Kopenhāgena", "Barselona"]
    assert _bases("Nometne notika Mazsalacas Skaņkalnē un Ozolkalna ciemā.") == [
        "Mazsalacas Skaņkalne",
        "Ozolkalna ciems",
    ]
    assert _bases("Forums notika Jaunatnes centrā, kur runāja par manī svarīgo.") == []
