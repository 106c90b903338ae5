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


def test_foreign_names_after_a_role_or_an_introduction_stay_as_written() -> None:
    assert _people("Mūs sagaidīja centra vadītāja Kadri Tamm.") == ["Kadri Tamm"]
    assert _people("Darbnīcu vadīja pētnieks Jaan Kask.") == ["Jaan Kask"]
    assert _people("“Mans vārds ir Sofía Martínez, esmu no Spānijas.") == ["Sofía Martínez"]
    assert _people("“Sveiki! Mani sauc Paolo Bianchi, esmu no Itālijas.") == ["Paolo Bianchi"]


def test_a_texts_own_places_lists_of_places_and_headings_are_not_people() -> None:
    # "Räpina" is no gazetteer place, but the text calls it a county's name
    text = "Devāmies uz Räpina apriņķi. Tur tikāmies ar Räpina jauniešiem."
    assert _people(text) == []
    assert _people("Ieradās jaunieši no Cēsīm, Līgatnes, Straupes un citām vietām.") == []
    assert _people("Nolikumi\n\nII. Vispārīgie noteikumi\n\nIV. Finansēšana\n") == []
    assert _people("Semināru vadīja Liepājas Jauniešu centra vadītāja Laumu Kļaviņu.") != []


def test_copula_relative_clauses_and_work_verbs_give_roles_and_organisations() -> None:
    got = _ties(
        "Jauniešu centrs “Zīle” rīko nometni. Nometnes vadītāja ir Jeļena Kalna, jauniešu "
        "centra “Zīle” jaunatnes darbiniece un dabas gide."
    )
    roles, orgs = got["Jeļena Kalna"]
    assert {"nometnes vadītāja", "jaunatnes darbiniece un dabas gide"} <= set(roles)
    assert orgs == ["Jauniešu centrs “Zīle”"]
    got = _ties("Koncerta vadītāji bija skolēni Anna Liepa un Kārlis Kalns.")
    assert got["Anna Liepa"][0][0] == "koncerta vadītāja"
    assert got["Kārlis Kalns"][0][0] == "koncerta vadītājs"
    got = _ties(
        "Centra darbu novērtēja Ritvars Lapa, kurš vada Alūksnes Jauniešu centru “Pulss”, un "
        "Ilze Kalna, kura iepriekš strādāja par jaunatnes darbinieci Gulbenē."
    )
    assert got["Ritvars Lapa"] == (["vadītājs"], ["Alūksnes Jauniešu centrs “Pulss”"])
    assert got["Ilze Kalna"][0] == ["jaunatnes darbiniece"]
    got = _ties(
        "Cēsu novada Jauniešu centrs rīko apmācības. Kopā ar kolēģi Robertu Ozolu, kurš "
        "Jauniešu centrā atbild par digitālo darbu, braucām uz pagastiem."
    )
    assert got["Roberts Ozols"][1] == ["Cēsu novada Jauniešu centrs"]
    got = _ties("Z.Liepa ikdienā konsultē jauniešus Valmieras novada Atbalsta centrā.")
    assert got["Z. Liepa"][1] == ["Valmieras novada Atbalsta centrs"]
    got = _ties("Teksts: Anna Liepa\nFoto: Rūdolfs Kalns, Talsu novada pašvaldība")
    assert got["Rūdolfs Kalns"][1] == ["Talsu novada pašvaldība"]


def test_lists_of_dated_places_partners_and_days_inside_an_event() -> None:
    f = _facts("Diskusijas notika Rožupē 8.oktobrī, Turkos 10.oktobrī un Līvānos 15.oktobrī.")
    assert [(e.date, e.place) for e in f.events] == [
        ("--10-08", "Rožupe"),
        ("--10-10", "Turki"),
        ("--10-15", "Līvāni"),
    ]
    f = _facts(
        "Mācības notiks 2025.gada 23.–25.septembrī Jūrmalā. Mācību pirmā diena, "
        "23.septembris, sāksies ar iepazīšanos. Trešajā dienā, 25.septembrī, Ķemeros notika "
        "kopīgs seminārs."
    )
    assert [e.date for e in f.events] == ["2025-09-23", "--09-25"]  # the seminar is its own
    f = _facts(
        "31.maijā Iecavas parkā norisinājās orientēšanās spēle. Orientēšanās spēli sagatavoja "
        "Iecavas jauniešu centrs “Cits”. Spēli atklāja novada mērs Jānis Kalns."
    )
    (e,) = f.events
    assert (e.place, e.organisers) == ("Iecavas parks", ["Iecavas jauniešu centrs “Cits”"])
    f = _facts(
        "Projekts “Jauniešu balss Vidzemes novada pagastos un ciemos” sākās 2025.gada "
        "2.jūnijā. Sēdes notiek reizi mēnesī, izņemot jūliju un augustu."
    )
    assert f.events == []


def test_a_call_that_names_when_its_training_happens_is_an_event() -> None:
    f = _facts(
        "Aicinām pieteikties mācībām “Kvalitāte”, kas notiks 2025.gada 23.–25.septembrī "
        "Jūrmalā, viesnīcā “Jūras priede”. Pieteikumus gaidām līdz 5.septembrim."
    )
    assert [(e.date, e.date_end, e.place) for e in f.events] == [
        ("2025-09-23", "2025-09-25", "Jūrmala")
    ]


def test_one_quoted_name_is_one_organisation_and_a_quoted_venue_is_the_place() -> None:
    f = _facts(
        "Birzgalē atklāta jauniešu telpa “Ozolzīle”. Jau 28.martā “Ozolzīlē” notiks pirmais "
        "pasākums – galda spēļu turnīrs."
    )
    assert [o.name for o in f.orgs] == ["jauniešu telpa “Ozolzīle”"]
    assert f.events[-1].place == "jauniešu telpa “Ozolzīle”"
