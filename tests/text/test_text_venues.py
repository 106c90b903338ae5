"""Venues and street addresses: where in a town something happens or stands."""

from __future__ import annotations

import pytest

from youthbot.text.sentences import split_sentences
from youthbot.text.spans import find_spans
from youthbot.text.venues import find_addresses, find_venues, is_locative


def _venues(text: str) -> list[str]:
    return [text[v.start : v.end] for v in find_venues(text)]


def _addresses(text: str) -> list[str]:
    return [text[a:b] for a, b in find_addresses(text)]


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        (
            "Forums notiks jauniešu centrā “Saulgrieži”, pēc tam koncerts.",
            "jauniešu centrā “Saulgrieži”",
        ),
        (
            "Sapulce būs Rēzeknes novada bibliotēkas mazajā zālē.",
            "Rēzeknes novada bibliotēkas mazajā zālē",
        ),
        ("Nometne norisināsies Zīļukalna atpūtas kompleksā.", "Zīļukalna atpūtas kompleksā"),
        ("Tikšanās notiks 3. jūnijā Preiļu Kultūras namā.", "Preiļu Kultūras namā"),
        ("Svinības notika Latvijas Universitātes aulā.", "Latvijas Universitātes aulā"),
        ("Koncerts notiks pilī.", "pilī"),
    ],
)
def test_a_venue_is_its_noun_in_the_locative_with_what_qualifies_it(text: str, venue: str) -> None:
    assert venue in _venues(text)


def test_verbs_months_and_sentence_capitals_do_not_qualify_a_venue() -> None:
    assert _venues("Darbnīca norisināsies Ozolu skolā.") == ["Ozolu skolā"]
    assert _venues("Seminārs notiks 5. maijā Alūksnes Jaunrades namā.") == [
        "Alūksnes Jaunrades namā"
    ]
    assert _venues("Pasākums parkā būs bez maksas.") == ["parkā"]


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("Centrs atrodas Dzirnavu ielā 12, Ogrē.", "Dzirnavu ielā 12"),
        ("Adrese: Brīvības bulvāris 32-4, Rīga", "Brīvības bulvāris 32-4"),
        ("Centrs pārcēlās uz Lielo ielu 7a.", "Lielo ielu 7a"),
        ("Pulcēšanās Tirgus laukumā 1 pie strūklakas.", "Tirgus laukumā 1"),
        ("Kurā ielā? Skolotāju ielā, blakus skolai.", "Skolotāju ielā"),
    ],
)
def test_street_addresses(text: str, address: str) -> None:
    assert _addresses(text) == [address]


def test_an_address_is_one_span_without_a_count_or_a_town_inside() -> None:
    text = "Darbnīcas notiek Jauniešu mājā, Rīgas ielā 22a, Siguldā."
    spans = find_spans(text)
    assert all(s.text == text[s.start : s.end] for s in spans)
    kinds = {(s.kind, s.text) for s in spans}
    assert ("address", "Rīgas ielā 22a") in kinds
    assert ("venue", "Jauniešu mājā") in kinds
    assert ("place", "Siguldā") in kinds
    assert not any(k == "count" for k, _ in kinds)
    assert ("place", "Rīgas") not in kinds


def test_a_list_number_opening_a_line_is_no_count() -> None:
    text = "Nolikums\n3. Padomē darbojas ne vairāk kā 15 jaunieši."
    counts = [s.value for s in find_spans(text, kinds=("count",))]
    assert counts == ["15 jaunieši"]


def test_a_house_number_before_a_capital_ends_the_sentence() -> None:
    text = (
        "Birojs atrodas Pils ielā 4. Pieteikties var līdz piektdienai. "
        "Notiks 10. Saeimas vēlēšanas."
    )
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "Birojs atrodas Pils ielā 4.",
        "Pieteikties var līdz piektdienai.",
        "Notiks 10. Saeimas vēlēšanas.",
    ]


@pytest.mark.parametrize(
    ("word", "locative"),
    [
        ("Ventspilī", True),
        ("Cēsīs", True),
        ("novados", True),
        ("Ventspils", False),
        ("novada", False),
    ],
)
def test_is_locative(word: str, locative: bool) -> None:
    assert is_locative(word) is locative


def test_a_time_in_the_locative_does_not_qualify_a_venue() -> None:
    assert _venues("Gada laikā centrā viesojās 300 jauniešu.") == ["centrā"]
