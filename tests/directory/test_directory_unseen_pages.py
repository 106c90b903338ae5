"""Extraction on the kinds of sentence real pages hold that the first rules got wrong.

Every sentence is written for these tests (none is taken from a page): a role phrase opening
a paragraph after an organisation, a date before an organisation's name, titles and things
named after people, organisers named over a role phrase or with partners, venues.
"""

from __future__ import annotations

from youthbot.directory.extract import extract_facts
from youthbot.directory.facts import DocumentFacts
from youthbot.text.named import find_named
from youthbot.types import Document


def _facts(text: str, date: str | None = None) -> DocumentFacts:
    facts = extract_facts(Document("notes/example.txt", "Piemērs", text, date, "txt", ""))
    for e in facts.events:
        assert text[e.start : e.end] == e.quote
    return facts


def _people(text: str) -> list[str]:
    return [h.name for h in find_named(text).people]


def test_a_role_opening_a_paragraph_does_not_reach_into_the_one_before() -> None:
    f = _facts(
        "Talku organizēja Jēkabpils jauniešu dome.\n\n"
        "Jauniešu domes priekšsēdētāja Sintija Bērziņa stāstīja, ka talkā piedalījās 45 jaunieši."
    )
    (p,) = f.people
    assert p.name == "Sintija Bērziņa"
    assert all(not r.startswith((".", "Jēkabpils")) for r in p.roles)
    assert p.roles and p.roles[0].endswith("priekšsēdētāja")
    f = _facts(
        "Pēc tam skolēni apmeklēja Latvijas Nacionālo bibliotēku.\n\n"
        "Skolēnu pašpārvaldes prezidents Raivis Zariņš atzina, ka vizīte bija noderīga."
    )
    (p,) = f.people
    assert p.orgs == []  # the library of the paragraph before is not his
    assert p.roles == ["skolēnu pašpārvaldes prezidents"]


def test_a_date_is_no_part_of_an_organisation_name() -> None:
    f = _facts(
        "2025. gada 14. martā Kuldīgas novada jauniešu centra “Bāka” jaunieši devās uz Rīgu."
    )
    assert [o.name for o in f.orgs] == ["Kuldīgas novada jauniešu centrs “Bāka”"]


def test_adjectives_titles_and_things_named_after_people_are_not_people() -> None:
    assert _people("Skrundas Multifunkcionālais Jaunatnes Centrs svinēja jubileju.") == []
    assert _people("Ventspils Digitālais centrs piedāvā kursus.") == []
    assert _people("Jaunā Gaita sāka iznākt trimdā.") == []
    assert _people("Līdzdalības Projekts Jaunieši Rīcībā sākās vakar.") == []
    assert _people("Grāmatas Mazā Lāsīte autore apmeklēja skolu.") == []
    assert _people("Tālivalža Lauka vārdā nosaukta iela.") == []
    # the same shapes beside real names keep the names
    assert _people("Vakarā Zane un Kristaps vadīja spēles.") == ["Zane", "Kristaps"]
    assert _people("Vizītē Īrijā Mūrniece tikās ar latviešiem.") == ["Mūrniece"]


def test_the_organiser_named_over_a_role_phrase_after_a_dash_and_with_a_partner() -> None:
    f = _facts(
        "2025. gada 14. martā jaunieši devās pieredzes apmaiņā uz Talsu novadu. "
        "Braucienu organizēja jaunatnes darbiniece Ilze Ozoliņa.\n\n"
        "Pēcpusdienā jaunieši viesojās Stendes ciemā, kur biedrība “Stendes attīstībai” "
        "rīkoja orientēšanās spēli."
    )
    (e,) = f.events
    assert (e.date, e.place, e.organisers) == ("2025-03-14", "Talsu novads", ["Ilze Ozoliņa"])
    f = _facts(
        "Preiļu novada jaunatnes forums notika 2024. gada 22. novembrī Preiļos. Foruma "
        "organizators – biedrība “Jauniešu alianse”."
    )
    (e,) = f.events
    assert e.organisers == ["biedrība “Jauniešu alianse”"]
    f = _facts(
        "Preiļu novada jaunatnes forums notika 2024. gada 22. novembrī Preiļos. Forumu rīkoja "
        "Preiļu novada pašvaldība sadarbībā ar biedrību “Jauniešu alianse”."
    )
    (e,) = f.events
    assert e.organisers == ["Preiļu novada pašvaldība", "biedrība “Jauniešu alianse”"]


def test_venue_places_a_visited_body_and_a_place_said_in_the_next_sentence() -> None:
    f = _facts("22.oktobrī Madonas Kultūras namā norisinājās jauniešu forums.")
    assert f.events[0].place == "Madonas Kultūras nams"
    f = _facts("27.jūnijā Ludzas Lielajās pilsdrupās notiks festivāls. 19.jūlijā Rundāles pilī.")
    assert f.events[0].place == "Ludzas Lielās pilsdrupas"
    f = _facts("Sēde notiks 12.aprīlī Viesītē, Viesītes vidusskolā.")
    assert f.events[0].place == "Viesītes vidusskola"  # the venue, not only its town
    f = _facts("Mācības notiks 23.septembrī Jūrmalā, viesnīcā “Jūras priede”.")
    assert f.events[0].place == "Jūrmala"  # a venue named in lower case: the town
    f = _facts("26.janvārī Liepājas valstspilsētas pašvaldībā pulcējās speciālisti.")
    assert f.events[0].place == "Liepāja"  # a body is not a venue: its town
    f = _facts(
        "Vārkavas pagasta jauniešu telpā 2023. gada 9. oktobrī viesojās mobilā jaunatnes "
        "darba komanda."
    )
    assert f.events[0].place == "Vārkavas pagasta jauniešu telpa"  # a venue is the place
    f = _facts("2024. gada 9. oktobrī Jaunpils filiālē notika hakatons.")
    assert f.events[0].place == "Jaunpils"  # a venue named in lower case: its place
    f = _facts("Valmieras ģimnāzijas skolēni 2024. gada 3. decembrī apmeklēja Saeimu.")
    assert f.events[0].place == "Saeima"
    f = _facts(
        "Jauniešu dienas pasākums bija 2024. gada 7. septembrī. Tas notika Lociku ciemā, "
        "pie tautas nama."
    )
    assert f.events[0].place in ("Lociku ciems", "Lociki")


def _ties(text: str) -> dict[str, tuple[list[str], list[str]]]:
    return {p.name: (p.roles, p.orgs) for p in _facts(text).people}


def test_organisations_tied_by_brackets_relative_clause_verb_and_possessive() -> None:
    got = _ties("Sarunā piedalījās Jānis Ozols (Talsu novada pašvaldība) un Anna Kalna.")
    assert got == {"Jānis Ozols": ([], ["Talsu novada pašvaldība"]), "Anna Kalna": ([], [])}
    got = _ties("Pasākumu vadīja Līga Ābele, kas strādā Valmieras jauniešu centrā “Vinda”.")
    assert got["Līga Ābele"][1] == ["Valmieras jauniešu centrs “Vinda”"]
    got = _ties(
        "Dace Rozīte ir Ogres novada pašvaldības jaunatnes lietu speciāliste, bet Eva Liepa "
        "vada Liepājas Jauniešu māju."
    )
    assert got["Eva Liepa"] == (["vadītāja"], ["Liepājas Jauniešu māja"])
    assert got["Dace Rozīte"][1] == ["Ogres novada pašvaldība"]
    got = _ties(
        "Siguldas jauniešu centrs “Mērķis” sadarbojas ar skolām. Tā jaunatnes darbinieks "
        "Kristaps Ērglis stāsta, ka jaunieši nāk katru dienu."
    )
    assert got["Kristaps Ērglis"] == (
        ["jaunatnes darbinieks"],
        ["Siguldas jauniešu centrs “Mērķis”"],
    )
    # "viņa" (his) stands for a person, not for an organisation
    got = _ties(
        "Biedrība “Jaunie vanagi” rīkoja sapulci. Tās priekšsēdētājs Kārlis Roze un viņa "
        "vietnieks Pēteris Kalns runāja."
    )
    assert got["Kārlis Roze"][1] == ["Biedrība “Jaunie vanagi”"]
    assert got["Pēteris Kalns"][1] == []


def test_a_school_role_belongs_to_the_gymnasium_and_a_team_to_its_centre() -> None:
    got = _ties(
        "Valmieras ģimnāzijas skolotāja Ingrīda Kalniņa vadīja ekskursiju. Skolas direktors "
        "Juris Lapsa pateicās."
    )
    assert got["Juris Lapsa"][1] == ["Valmieras ģimnāzija"]
    got = _ties(
        "Cēsu novada jauniešu centra “Apelsīns” komanda – Agnese Priede un Kārlis Zviedris – "
        "sagaidīja viesus."
    )
    assert all(orgs == ["Cēsu novada jauniešu centrs “Apelsīns”"] for _, orgs in got.values())
    got = _ties(
        "Valsts izglītības satura centra eksperte Maija Kokare uzsvēra, ka jaunieši ir gatavi."
    )
    assert got["Maija Kokare"] == (["eksperte"], ["Valsts izglītības satura centrs"])
