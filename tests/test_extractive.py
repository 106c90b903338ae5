"""Extractive answers on the real corpus: the sentences that answer, each with an exact citation."""

from __future__ import annotations

import pytest


def _check_citations(pipeline, answer) -> None:
    assert answer.citations
    for c in answer.citations:
        text = pipeline.document(c.passage.chunk.doc).text
        assert text[c.start : c.end] == c.quote
        assert c.passage.chunk.start <= c.start and c.end <= c.passage.chunk.end
        assert f"[{c.n}]" in answer.text


def test_label_and_value_lines_answer_together(pipeline) -> None:
    answer = pipeline.ask("Kas sagatavoja informāciju par pieredzes apmaiņu Ventspilī?")
    assert "Zane Meldrāja" in answer.text
    _check_citations(pipeline, answer)


def test_headings_are_not_answers(pipeline) -> None:
    answer = pipeline.ask("Kā tiek finansēts projekts Starpnovadu tīklošanās?")
    assert "valsts budžeta" in answer.text
    assert not answer.text.startswith("Projekts “Starpnovadu tīklošanās” [")
    _check_citations(pipeline, answer)


def test_explanation_keeps_the_sentence_that_refers_back(pipeline) -> None:
    answer = pipeline.ask("Kā darbojas PROTI un DARI 2.0?")
    assert "Eiropas Sociālā fonda Plus" in answer.text
    assert "To īsteno Jaunatnes starptautisko programmu aģentūra" in answer.text
    _check_citations(pipeline, answer)


def test_every_answer_sentence_carries_a_citation(pipeline) -> None:
    answer = pipeline.ask("Ar ko nodarbojas Elektrēnu jauniešu centra jaunatnes darbinieki?")
    assert answer.answered and "mobilo darbu" in answer.text
    assert answer.sentences and all(s.citations and s.verified for s in answer.sentences)
    _check_citations(pipeline, answer)


def test_contact_question_returns_the_whole_contact_block(pipeline) -> None:
    answer = pipeline.ask("Kāds ir Zanes Gailes tālrunis?")
    assert "29206098" in answer.text
    _check_citations(pipeline, answer)


# -- typed answers over pages written for these tests ---------------------------------------

PAGES = {
    "talsi-kvadrats.txt": (
        "Talsu jauniešu centrs “Kvadrāts” atver jaunas telpas\n\n"
        "Talsu jauniešu centrs “Kvadrāts” pārcēlies uz Lielo ielu 7. To vada jaunatnes "
        "darbiniece Ilze Kalniņa. Centrs atvērts otrdienās un ceturtdienās no 14:00 līdz 19:00.\n\n"
        "Telpu iekārtošanai projektam “Kvadrāts aug” piešķirti 3200,00 eiro. Atklāšanā "
        "piedalījās trīsdesmit divi jaunieši no Talsu novada skolām."
    ),
    "sabile-forums.txt": (
        "Sabilē notika jauniešu forums\n\n"
        "Jauniešu forums “Drosme. Atbildība. Kopiena.” notika 12. martā Sabiles kultūras namā. "
        "Forumā uzstājās arī Anna Liepa, Talsu novada domes deputāte. Forumu vadīja "
        "neformālās izglītības trenere Marta Ozoliņa.\n\n"
        "Jaunieši diskutēja par brīvā laika iespējām un brīvprātīgo darbu novadā.\n\n"
        "Jānis Bērziņš,\nTalsu novada jaunatnes lietu speciālists"
    ),
    "talsi-zala-skola.txt": (
        "Talsos sākas projekts “Zaļā skola”\n\n"
        "Projektu “Zaļā skola” finansē Talsu novada pašvaldība. To īsteno biedrība “Zaļā doma” "
        "kopā ar Talsu Valsts ģimnāziju. Projekts ilgs astoņus mēnešus, no 2025. gada 1. marta.\n\n"
        "Par ieceri stāstīja Pēteris Kļava, biedrības valdes priekšsēdētājs, un Laura Zariņa."
    ),
    "kuldiga-maja.txt": (
        "Kuldīgas jauniešu māja aicina brīvprātīgos\n\n"
        "Kuldīgas jauniešu māja aicina jauniešus iesaistīties brīvprātīgajā darbā vasarā. "
        "Brīvprātīgie palīdzēs rīkot pasākumus bērniem un sakopt pilsētas parkus. "
        "Pieteikties var jaunieši no 15 līdz 25 gadu vecumam."
    ),
}


@pytest.fixture(scope="module")
def pages_pipeline(tmp_path_factory: pytest.TempPathFactory):
    from youthbot.config import Settings
    from youthbot.pipeline import Pipeline

    root = tmp_path_factory.mktemp("pages")
    docs = root / "docs"
    docs.mkdir()
    for name, text in PAGES.items():
        (docs / name).write_text(text, encoding="utf-8")
    p = Pipeline(Settings(index=root / "idx", corpus=docs, llm_url=None))
    p.build_index([docs])
    yield p
    p.close()


def test_who_reaches_the_subject_through_a_pronoun(pages_pipeline) -> None:
    answer = pages_pipeline.ask("Kas vada Talsu jauniešu centru “Kvadrāts”?")
    assert answer.answered and "Ilze Kalniņa" in answer.text
    # the sentence that names what "To" is comes with the answer
    assert any("Kvadrāts”" in c.quote for c in answer.citations)
    _check_citations(pages_pipeline, answer)


def test_who_prefers_the_sentence_stating_the_relation(pages_pipeline) -> None:
    answer = pages_pipeline.ask("Kas vadīja forumu “Drosme. Atbildība. Kopiena.”?")
    assert answer.answered and "Marta Ozoliņa" in answer.text
    assert "Anna Liepa" not in answer.text


def test_a_quoted_title_is_one_sentence_and_answers_when(pages_pipeline) -> None:
    answer = pages_pipeline.ask("Kad notika forums “Drosme. Atbildība. Kopiena.”?")
    assert answer.answered and "12. martā" in answer.text


def test_who_wrote_is_answered_by_the_byline(pages_pipeline) -> None:
    answer = pages_pipeline.ask("Kas sagatavoja rakstu par jauniešu forumu Sabilē?")
    assert answer.answered and "Jānis Bērziņš" in answer.text


def test_counts_written_in_words(pages_pipeline) -> None:
    answer = pages_pipeline.ask("Cik jauniešu piedalījās centra “Kvadrāts” atklāšanā?")
    assert answer.answered and "trīsdesmit divi" in answer.text


def test_opening_days_and_hours(pages_pipeline) -> None:
    answer = pages_pipeline.ask("Kādās dienās atvērts jauniešu centrs “Kvadrāts”?")
    assert answer.answered and "otrdienās" in answer.text


def test_an_amount_no_page_states_for_the_subject_is_declined(pages_pipeline) -> None:
    answer = pages_pipeline.ask("Cik eiro piešķīra Kuldīgas jauniešu mājai?")
    assert not answer.answered
    assert answer.passages  # the closest passages still come with it


def test_a_head_no_page_names_is_declined(pages_pipeline) -> None:
    assert not pages_pipeline.ask("Kas vada Kuldīgas jauniešu māju?").answered


def test_english_typed_answer_is_said_in_english_and_quotes_the_latvian(pages_pipeline) -> None:
    answer = pages_pipeline.ask("How much money was granted for the Kvadrāts project?")
    assert answer.answered
    assert answer.text.startswith("3,200.00 EUR")
    assert "Latvian source: “" in answer.text and "3200,00 eiro" in answer.text
    _check_citations(pages_pipeline, answer)


def test_the_question_is_analysed_once_per_ask(pages_pipeline, monkeypatch) -> None:
    import youthbot.question
    import youthbot.retrieve

    calls: list[str] = []
    real = youthbot.question.analyse_question

    def counting(text, *args, **kwargs):
        calls.append(text)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(youthbot.retrieve, "analyse_question", counting)
    monkeypatch.setattr(youthbot.question, "analyse_question", counting)
    pages_pipeline.ask("Kas vada Talsu jauniešu centru “Kvadrāts”?")
    assert calls == ["Kas vada Talsu jauniešu centru “Kvadrāts”?"]


def test_the_sentence_stating_the_relation_wins_over_a_better_scoring_one(pages_pipeline) -> None:
    answer = pages_pipeline.ask("Kura organizācija īsteno projektu “Zaļā skola”?")
    assert answer.answered and "“Zaļā doma”" in answer.text
    english = pages_pipeline.ask("Which organisation implements the Zaļā skola project?")
    assert english.answered and not english.text.startswith("Talsu novada pašvaldība")


def test_the_name_an_agent_noun_belongs_to(pages_pipeline) -> None:
    answer = pages_pipeline.ask("Who chairs the board of the Zaļā doma association?")
    assert answer.answered and answer.text.startswith("Pēteris Kļava")


def test_how_long_is_answered_by_a_duration(pages_pipeline) -> None:
    answer = pages_pipeline.ask("Cik ilgi ilgs projekts “Zaļā skola”?")
    assert answer.answered and "astoņus mēnešus" in answer.text
