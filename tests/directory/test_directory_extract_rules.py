"""Extraction on Latvian sentences written for these tests, not taken from the corpus."""

from __future__ import annotations

from youthbot.directory.extract import extract_facts
from youthbot.directory.facts import DocumentFacts
from youthbot.types import Document


def _facts(text: str, date: str | None = None) -> DocumentFacts:
    facts = extract_facts(Document("notes/example.txt", "Piemērs", text, date, "txt", ""))
    for group in (facts.people, facts.orgs, facts.places, facts.projects):
        for fact in group:
            for m in fact.mentions:
                assert text[m.start : m.end] == m.quote
    for e in facts.events:
        assert text[e.start : e.end] == e.quote
        for m in e.evidence.values():
            assert text[m.start : m.end] == m.quote
    return facts


def _person(facts: DocumentFacts, name: str):  # noqa: ANN202
    return next(p for p in facts.people if p.name == name)


def test_role_before_name_with_its_organisation_and_place() -> None:
    f = _facts(
        "Valmieras novada jauniešu centra “Vinda” vadītāja Ilze Kalniņa pastāstīja par "
        "jauno programmu."
    )
    ilze = _person(f, "Ilze Kalniņa")
    assert ilze.roles == ["vadītāja"]
    assert ilze.orgs == ["Valmieras novada jauniešu centrs “Vinda”"]
    assert [p.name for p in f.places] == ["Valmieras novads"]


def test_apposition_after_name_and_copula() -> None:
    f = _facts(
        "Runāja Māris Kļaviņš, Jēkabpils novada pašvaldības jaunatnes lietu speciālists. "
        "Asta Tiškutė ir Kauņas jaunimo centra vadītāja."
    )
    maris = _person(f, "Māris Kļaviņš")
    assert maris.roles == ["jaunatnes lietu speciālists"]
    assert maris.orgs == ["Jēkabpils novada pašvaldība"]
    asta = _person(f, "Asta Tiškutė")
    assert asta.roles == ["vadītāja"] and asta.orgs == ["Kauņas jaunimo centrs"]


def test_genitive_and_dative_names_come_back_to_base_form_and_join() -> None:
    f = _facts(
        "Semināru vadīja Astas Tiškutes komanda. Asta Tiškutė pateicās Jānim Bērziņam "
        "un Mārai Ozolai. Uzrunu teica Kārļa Liepiņa kolēģe."
    )
    names = [p.name for p in f.people]
    assert names == ["Asta Tiškutė", "Jānis Bērziņš", "Māra Ozola", "Kārlis Liepiņš"]
    assert len(_person(f, "Asta Tiškutė").mentions) == 2


def test_name_only_seen_in_genitive_is_rebuilt() -> None:
    f = _facts("Paldies Lienes Krūmiņas- Bērziņas komandai par darbu.")
    (liene,) = f.people
    assert liene.name == "Liene Krūmiņa-Bērziņa"
    assert not liene.observed


def test_lithuanian_names_and_double_barrelled_names_stay_whole() -> None:
    f = _facts(
        "Lietuvas partneri – Tomas Kazlauskas un Rūta Petrauskienė – dalījās pieredzē. "
        "Diskusiju vadīja biedrības “Jauniešu saeima” valdes priekšsēdētāja Anna Ozola-Kalniņa."
    )
    assert [p.name for p in f.people] == [
        "Tomas Kazlauskas",
        "Rūta Petrauskienė",
        "Anna Ozola-Kalniņa",
    ]
    anna = _person(f, "Anna Ozola-Kalniņa")
    assert anna.roles == ["valdes priekšsēdētāja"]
    assert anna.orgs == ["biedrība “Jauniešu saeima”"]


def test_unknown_given_name_is_taken_with_a_role_and_initials_join_their_person() -> None:
    f = _facts(
        "Par pieredzi stāstīja jaunatnes darbiniece Ritma Vītola un Jānis Kalniņš. "
        "Kā uzsvēra J. Kalniņš, centrs ir atvērts visiem."
    )
    assert [p.name for p in f.people] == ["Ritma Vītola", "Jānis Kalniņš"]
    assert _person(f, "Ritma Vītola").roles == ["jaunatnes darbiniece"]
    assert _person(f, "Jānis Kalniņš").roles == []  # a singular role is not shared
    assert [m.quote for m in _person(f, "Jānis Kalniņš").mentions] == [
        "Jānis Kalniņš",
        "J. Kalniņš",
    ]


def test_plural_role_is_shared_by_the_names_it_lists() -> None:
    f = _facts(
        "Ar pieredzi dalījās biedrības “Jaunrades darbnīca” pārstāvji Oskars Liepa un "
        "Elīna Strautiņa."
    )
    assert _person(f, "Oskars Liepa").roles == ["pārstāvis"]
    assert _person(f, "Elīna Strautiņa").roles == ["pārstāve"]
    assert _person(f, "Elīna Strautiņa").orgs == ["biedrība “Jaunrades darbnīca”"]


def test_capitalised_phrases_that_are_not_people() -> None:
    f = _facts(
        "Jauniešu centrā tikās Rīgas Stradiņa universitātes studenti. Ogres Tehnikuma "
        "audzēkņi apmeklēja Jaunatnes politikas valsts programmas pasākumu."
    )
    assert f.people == []
    assert [o.name for o in f.orgs] == ["Rīgas Stradiņa universitāte", "Ogres Tehnikums"]


def test_organisations_with_abbreviations_and_place_lists() -> None:
    f = _facts(
        "Atbalstu sniedza Valsts izglītības attīstības aģentūra (VIAA) un LPS. "
        "Projektu īsteno sadarbībā ar Cēsu, Valmieras un Smiltenes pašvaldībām."
    )
    names = {o.name: o.abbreviation for o in f.orgs}
    assert names["Valsts izglītības attīstības aģentūra"] == "VIAA"
    assert names["Latvijas Pašvaldību savienība"] == "LPS"
    for town in ("Cēsu", "Valmieras", "Smiltenes"):
        assert f"{town} pašvaldība" in names


def test_projects_with_numbers_and_funders() -> None:
    f = _facts(
        "Projekts “Jaunieši darbībai” (Nr. 9.2.1.1/15/I/001) tiek finansēts no Eiropas "
        "Sociālā fonda līdzekļiem. Tukuma novada dome īsteno Erasmus+ projektu “Youth "
        "Bridges”, 2023-1-LV02-KA154-YOU-000123456."
    )
    projects = {p.name: p for p in f.projects}
    assert projects["Jaunieši darbībai"].number == "9.2.1.1/15/I/001"
    assert projects["Jaunieši darbībai"].funders == ["Eiropas Sociālais fonds"]
    assert projects["Youth Bridges"].number == "2023-1-LV02-KA154-YOU-000123456"
    assert projects["Youth Bridges"].orgs == ["Tukuma novada dome"]


def test_event_with_full_date_place_and_organiser() -> None:
    f = _facts(
        "2024. gada 14. martā Jelgavā notika Zemgales jaunatnes darbinieku seminārs, ko "
        "organizēja Zemgales plānošanas reģions."
    )
    (e,) = f.events
    assert (e.title, e.date, e.place) == (
        "Zemgales jaunatnes darbinieku seminārs",
        "2024-03-14",
        "Jelgava",
    )
    assert e.organisers == ["Zemgales plānošanas reģions"]


def test_partial_dates_resolve_from_the_document_date_or_stay_partial() -> None:
    text = (
        "Šī gada 3. maijā Cēsīs norisinājās Vidzemes jauniešu forums. Pagājušā gada "
        "12. decembrī Talsos notika apmācības par brīvprātīgo darbu."
    )
    dated = _facts(text, "2025-05-10")
    assert [(e.date, e.place) for e in dated.events] == [
        ("2025-05-03", "Cēsis"),
        ("2024-12-12", "Talsi"),
    ]
    undated = _facts(text)
    assert [e.date for e in undated.events] == ["--05-03", "--12-12"]


def test_date_range_and_people_of_the_event() -> None:
    f = _facts(
        "No 7. līdz 9. augustam Alūksnē notika jauniešu nometne. Nodarbības vadīja "
        "psiholoģe Sandra Bērziņa un treneris Gatis Ozols."
    )
    (e,) = f.events
    assert (e.date, e.date_end, e.place) == ("--08-07", "--08-09", "Alūksne")
    assert e.people == ["Sandra Bērziņa", "Gatis Ozols"]
    assert e.evidence["person:Gatis Ozols"].quote.startswith("Nodarbības vadīja")


def test_signature_block_gives_role_and_organisation() -> None:
    f = _facts(
        "Seminārs notika 2024. gada 12. aprīlī Dobelē.\nInformāciju sagatavoja:\n"
        "Marta Lapiņa\nbiedrības “Zemgales jaunieši” sabiedrisko attiecību speciāliste\n"
    )
    marta = _person(f, "Marta Lapiņa")
    assert marta.roles == ["sabiedrisko attiecību speciāliste"]
    assert marta.orgs == ["biedrība “Zemgales jaunieši”"]
    assert f.events[0].people == []  # the author is not a participant
