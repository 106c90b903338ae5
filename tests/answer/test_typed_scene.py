"""Typed answers on pages written for these tests: venues and addresses, counted nouns in any
case, relations stated by the question's own verb, the holder of a role, honest declines."""

from __future__ import annotations

import pytest

PAGES = {
    "rujiena-forums.txt": (
        "Rūjienā notiks jauniešu forums “Mana iela”\n\n"
        "Rūjienas apvienības pārvaldes Jaunatnes nodaļa aicina jauniešus no 13 līdz 25 gadiem "
        "uz forumu “Mana iela”. Forums notiks 18. aprīlī plkst. 14.00 jauniešu centrā "
        "“Saulgrieži”, Dzirnavu ielā 3.\n\n"
        "Forumu organizē Valmieras novada pašvaldība sadarbībā ar biedrību “Ziemeļvidzemes "
        "jaunieši”, kuras birojs atrodas Upes ielā 9. Dalība ir bez maksas.\n\n"
        "Forumā runās Rūjienas apvienības pārvaldes vadītāja vietniece Daina Krūze. Forumu vadīs "
        "neformālās izglītības trenere Sanita Egle."
    ),
    "preili-tiksanas.txt": (
        "Preiļos tiksies jaunatnes darbinieki\n\n"
        "Latgales jaunatnes darbinieku tikšanās notiks 9. maijā Preiļu novada bibliotēkas "
        "lielajā zālē, Raiņa bulvārī 7. Tikšanos rīko Preiļu novada jaunatnes lietu speciāliste "
        "Anita Vilka.\n\n"
        "Līderu skolu pagājušajā mācību gadā absolvēja 18 jaunieši. Dalības maksa vienam "
        "dalībniekam ir 10 eiro, bet tikšanās kopējās izmaksas ir 1200 eiro."
    ),
    "aloja-plans.txt": (
        "Alojas jaunatnes plāns 2026.–2030. gadam\n\n"
        "Plānā paredzēts līdz 2028. gadam paplašināt Alojas jauniešu centru “Lapa” un izveidot "
        "jauniešu telpu Staicelē. Biedrības “Alojas jaunieši” valdes priekšsēdētāja vietniece "
        "ir Ilze Pūce. Plāns atbalsta arī zaļās iniciatīvas, un tā budžets ir 5000 eiro."
    ),
}


@pytest.fixture(scope="module")
def scene_pipeline(tmp_path_factory: pytest.TempPathFactory):
    from youthbot.config import Settings
    from youthbot.pipeline import Pipeline

    root = tmp_path_factory.mktemp("scene")
    docs = root / "docs"
    docs.mkdir()
    for name, text in PAGES.items():
        (docs / name).write_text(text, encoding="utf-8")
    p = Pipeline(Settings(index=root / "idx", corpus=docs, llm_url=None))
    p.build_index([docs])
    yield p
    p.close()


def _first_quote(answer) -> str:
    return answer.citations[0].quote if answer.citations else ""


def test_where_is_answered_by_the_venue_not_by_the_organisers_town(scene_pipeline) -> None:
    answer = scene_pipeline.ask("Kur notiks forums “Mana iela”?")
    assert answer.answered
    assert "jauniešu centrā “Saulgrieži”" in _first_quote(answer)


def test_an_english_where_question_quotes_the_venue(scene_pipeline) -> None:
    answer = scene_pipeline.ask("Where will the Mana iela forum take place?")
    assert answer.answered and "Latvian source: “" in answer.text
    assert "jauniešu centrā “Saulgrieži”" in answer.text


def test_a_where_question_gets_the_whole_venue_and_address(scene_pipeline) -> None:
    answer = scene_pipeline.ask("Kur notiks Latgales jaunatnes darbinieku tikšanās?")
    assert answer.answered
    assert "bibliotēkas lielajā zālē, Raiņa bulvārī 7" in answer.text


def test_an_address_question_is_answered_by_an_address(scene_pipeline) -> None:
    answer = scene_pipeline.ask("What is the address of the office of Ziemeļvidzemes jaunieši?")
    assert answer.answered and answer.text.startswith("Upes ielā 9")


def test_a_clock_time_is_quoted_from_its_sentence(scene_pipeline) -> None:
    answer = scene_pipeline.ask("Cikos sāksies forums “Mana iela”?")
    assert answer.answered and "plkst. 14.00" in answer.text


def test_the_counted_noun_in_another_case(scene_pipeline) -> None:
    answer = scene_pipeline.ask("Cik jauniešu absolvēja Līderu skolu pagājušajā mācību gadā?")
    assert answer.answered and "18 jaunieši" in answer.text


def test_the_questions_own_verb_beats_a_title_of_the_relation(scene_pipeline) -> None:
    answer = scene_pipeline.ask("Kas vadīs forumu “Mana iela”?")
    assert answer.answered and "Sanita Egle" in _first_quote(answer)
    assert "Daina Krūze" not in answer.text


def test_the_deputy_does_not_hold_the_role(scene_pipeline) -> None:
    answer = scene_pipeline.ask("Kas ir biedrības “Alojas jaunieši” valdes priekšsēdētājs?")
    assert not answer.answered


def test_a_when_question_needs_a_sentence_stating_its_verb(scene_pipeline) -> None:
    assert not scene_pipeline.ask("Kad tika atklāts Alojas jauniešu centrs “Lapa”?").answered


def test_a_quoted_title_no_page_names_is_declined(scene_pipeline) -> None:
    answer = scene_pipeline.ask("Cik liels ir konkursa “Zaļās idejas” budžets?")
    assert not answer.answered and answer.passages


def test_of_two_amounts_the_one_the_question_names(scene_pipeline) -> None:
    answer = scene_pipeline.ask("What is the total cost of the Latgale youth workers' meeting?")
    assert answer.answered and answer.text.startswith("1,200.00 EUR")
    answer = scene_pipeline.ask("How much is the participation fee for the Latgale meeting?")
    assert answer.answered and answer.text.startswith("10.00 EUR")
