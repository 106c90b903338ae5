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


def test_role_after_a_dash_and_before_the_name_in_the_genitive() -> None:
    f = _facts(
        "Par pasākumu stāstīja Marta Bērziņa – biedrības “Zaļā sēta” sabiedrisko attiecību "
        "speciāliste. Izstādē bija apskatāmi fotogrāfes Elīnas Zariņas darbi."
    )
    marta = _person(f, "Marta Bērziņa")
    assert marta.roles == ["sabiedrisko attiecību speciāliste"]
    assert marta.orgs == ["biedrība “Zaļā sēta”"]
    assert _person(f, "Elīna Zariņa").roles == ["fotogrāfe"]


def test_role_in_a_dative_phrase_comes_back_to_the_nominative() -> None:
    f = _facts(
        "Paldies viesiem no Tukuma novada domes – jaunatnes lietu speciālistei Ingai Kļaviņai "
        "un projektu koordinatoram Mārim Zālītim."
    )
    inga, maris = _person(f, "Inga Kļaviņa"), _person(f, "Māris Zālītis")
    assert inga.roles == ["jaunatnes lietu speciāliste"]
    assert maris.roles == ["projektu koordinators"]
    assert inga.orgs == maris.orgs == ["Tukuma novada dome"]


def test_relative_clause_gives_the_role_and_the_organisation() -> None:
    f = _facts(
        "Sveicienu teica Juris Ozols, kas vada Cēsu jauniešu centru “Pils”. Uzrunu teica arī "
        "Daiga Liepa, kas Valmieras novada pašvaldībā vada starptautiskās sadarbības daļu, "
        "un Rita Zeltiņa, kas ir jaunatnes lietu speciāliste."
    )
    juris = _person(f, "Juris Ozols")
    assert juris.roles == ["vadītājs"] and juris.orgs == ["Cēsu jauniešu centrs “Pils”"]
    daiga = _person(f, "Daiga Liepa")
    assert daiga.roles == ["starptautiskās sadarbības daļas vadītāja"]
    assert daiga.orgs == ["Valmieras novada pašvaldība"]
    assert _person(f, "Rita Zeltiņa").roles == ["jaunatnes lietu speciāliste"]


def test_first_person_and_pronoun_subject() -> None:
    f = _facts(
        "Mans vārds ir Līga Ozola, esmu jaunatnes darbiniece Kuldīgas jauniešu centrā. "
        "Jauniešu centrs “Zīle” atrodas Dobelē. To vada jaunatnes darbiniece Ilze Kalniņa."
    )
    liga = _person(f, "Līga Ozola")
    assert liga.roles == ["jaunatnes darbiniece"]
    assert liga.orgs == ["Kuldīgas jauniešu centrs"]
    ilze = _person(f, "Ilze Kalniņa")
    assert ilze.roles == ["jaunatnes darbiniece"]
    assert ilze.orgs == ["Jauniešu centrs “Zīle”"]


def test_two_people_with_their_own_roles_in_one_sentence() -> None:
    f = _facts(
        "Sanāksmi atklāja biedrības priekšsēdētājs Ainārs Krūze, kā arī viņa vietnieks "
        "Pēteris Lapa."
    )
    assert _person(f, "Ainārs Krūze").roles == ["biedrības priekšsēdētājs"]
    assert _person(f, "Pēteris Lapa").roles == ["vietnieks"]


def test_heading_and_caption_lines_and_an_organisation_in_the_clause() -> None:
    f = _facts(
        "Jaunā vadītāja\n\nIlze Kalniņa\nJauniešu centra “Zīle” vadītāja\n\n"
        "Jaunatnes darbiniece Anna Bērziņa šobrīd strādā Talsu jauniešu centrā. "
        "Nodarbības vadīja Oskars Liepa un Jānis Krūmiņš no biedrības “Jaunie līderi”."
    )
    ilze = _person(f, "Ilze Kalniņa")
    assert ilze.roles == ["vadītāja"] and ilze.orgs == ["Jauniešu centrs “Zīle”"]
    assert _person(f, "Anna Bērziņa").orgs == ["Talsu jauniešu centrs"]
    for name in ("Oskars Liepa", "Jānis Krūmiņš"):
        assert _person(f, name).orgs == ["biedrība “Jaunie līderi”"]


def test_places_after_uz_and_in_a_village_and_the_organiser_in_the_next_sentence() -> None:
    f = _facts(
        "Jaunieši 12. maijā devās pieredzes apmaiņā uz Talsu novadu. "
        "15. jūnijā Ozolkalna ciemā notika talka. "
        "10. augustā Cēsīs notika jauniešu forums. Forumu rīkoja biedrība “Cēsu jaunieši”."
    )
    assert [(e.date, e.place) for e in f.events] == [
        ("--05-12", "Talsu novads"),
        ("--06-15", "Ozolkalna ciems"),
        ("--08-10", "Cēsis"),
    ]
    assert f.events[2].organisers == ["biedrība “Cēsu jaunieši”"]
    assert f.events[2].evidence["organisers"].quote.startswith("Forumu rīkoja")


def test_two_events_in_one_paragraph_are_kept_apart() -> None:
    f = _facts(
        "Projektā 3. jūlijā paredzēts brauciens uz Valmieru; 14.–16. augustā Siguldā notiks "
        "nometne, bet 20. septembrī – Jauniešu diena. Nometni vadīs treneris Gatis Ozols.",
        "2025-06-01",
    )
    assert [(e.date, e.date_end, e.place) for e in f.events] == [
        ("2025-07-03", None, "Valmiera"),
        ("2025-08-14", "2025-08-16", "Sigulda"),
        ("2025-09-20", None, None),
    ]
    assert [e.people for e in f.events] == [[], [], ["Gatis Ozols"]]


def test_an_opening_is_an_event_and_takes_the_date_before_it() -> None:
    f = _facts(
        "Jauniešu centru svinīgi atklāja 28. decembrī Skrundā. Vispirms atklāja fotoizstādi "
        "“Mirklis”, pēc tam viesi apskatīja telpas."
    )
    assert [(e.date, e.place) for e in f.events] == [("--12-28", "Skrunda"), ("--12-28", None)]


def test_regulations_deadlines_project_periods_and_founding_years_are_not_events() -> None:
    f = _facts(
        "Jauniešu domes nolikums apstiprināts 2023. gada 5. maijā. Pieteikumus forumam var "
        "iesniegt līdz 30. maijam. Projekts notiks no 1. jūnija līdz 31. augustam. "
        "Biedrība darbojas kopš 2004. gada, un tās rīkotais forums notika 3. martā Tukumā."
    )
    assert [(e.date, e.place) for e in f.events] == [("--03-03", "Tukums")]


def test_page_furniture_credits_and_nested_organisers() -> None:
    f = _facts(
        "Sākums Jaunumi Kontakti Galerija\nVārda dienas: Strauja, Gudrīte\n\n"
        "Šī gada 5. aprīlī Ērgļos notika jauniešu forums. Forumu organizēja Ērgļu novada "
        "pašvaldības Jaunatnes nodaļa. Par līdzdalību stāstīja nodaļas vadītāja Gunta Kalniņa.\n"
        "Foto: Līga Vītola\n",
        "2025-04-10",
    )
    assert [p.name for p in f.people] == ["Gunta Kalniņa", "Līga Vītola"]
    (e,) = f.events
    assert e.organisers == ["Ērgļu novada pašvaldības Jaunatnes nodaļa"]
    assert e.people == ["Gunta Kalniņa"]  # the photographer is not a participant


def test_object_verb_name_gives_the_post_and_places_after_no_are_not_people() -> None:
    f = _facts(
        "Centrā viesojās darbinieki no Utenas un Anīkšču rajona pašvaldībām. Jauniešu centru "
        "“Mozaīka” vada Sintija Kreile, bet brīvprātīgo darbu koordinē Marta Siliņa-Dzene."
    )
    assert [p.name for p in f.people] == ["Sintija Kreile", "Marta Siliņa-Dzene"]
    sintija = _person(f, "Sintija Kreile")
    assert sintija.roles == ["vadītāja"] and sintija.orgs == ["Jauniešu centrs “Mozaīka”"]
    assert _person(f, "Marta Siliņa-Dzene").roles == ["brīvprātīgo darba koordinatore"]
