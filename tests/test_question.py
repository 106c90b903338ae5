"""The question analysed once."""

import pytest

from youthbot.question import analyse_question


def test_who_question_with_relation_place_and_subject() -> None:
    q = analyse_question("Kas  vadīja jauniešu nometni Cēsīs?")
    assert q.text == "Kas vadīja jauniešu nometni Cēsīs?"
    assert (q.kind, q.language, q.relation) == ("who", "lv", "lead")
    assert q.expected == ("person", "org")
    assert [p.value for p in q.places] == ["Cēsis"]
    assert q.subject_terms and not any(t.startswith("vad") for t in q.subject_terms)
    assert not q.followup


def test_english_money_question() -> None:
    q = analyse_question("How much money did the youth centre receive?")
    assert (q.kind, q.language, q.expected) == ("how_much", "en", ("amount",))


def test_followup_flag() -> None:
    assert analyse_question("Un kur tas notika?").followup


@pytest.mark.parametrize(
    ("question", "kind", "relation"),
    [
        # a role noun after "Kas ir …" asks who holds it; its relation is the head's
        ("Kas ir Talsu jauniešu centra vadītāja?", "who", "lead"),
        ("Kas ir Sabiles jauniešu domes priekšsēdētājs?", "who", "lead"),
        ("Kā sauc biedrības direktori?", "who", "lead"),
        # a verb inside a quoted title is the subject, not the relation
        ("Kad notika konkurss “Atbalsts jauniešu iniciatīvām”?", "when", None),
        ("Uz kuru Igaunijas pilsētu brauca jaunieši?", "where", None),
        ("Kurā ielā atrodas centrs?", "where", None),
        ("Par kādu summu apstiprināja projektu?", "how_much", None),
        ("Kādās dienās strādā jauniešu telpa?", "when", None),
        ("Ar ko nodarbojas jaunatnes darbinieki?", "what", None),
        ("Which company built the youth centre?", "which_org", None),
    ],
)
def test_kinds_and_relations(question: str, kind: str, relation: str | None) -> None:
    q = analyse_question(question)
    assert (q.kind, q.relation) == (kind, relation)


def test_role_noun_stays_a_subject_term() -> None:
    q = analyse_question("Uz kuru pilsētu brauca centra vadītāja?")
    assert q.role == "vadītāja" and q.relation is None
    assert any(t.startswith("vadit") for t in q.subject_terms)


def test_the_noun_naming_the_answer_is_no_subject_term() -> None:
    q = analyse_question("Kurā datumā Talsos notika jauniešu forums?")
    assert not any(t.startswith("datum") for t in q.subject_terms)
    assert any(t.startswith("forum") for t in q.subject_terms)


def test_duration_questions_take_counts_and_dates() -> None:
    assert analyse_question("Cik ilgi ilga nometne?").expected == ("count", "date")
    assert analyse_question("Līdz kuram datumam jāiesniedz pieteikums?").expected == ("date",)


def test_anchors_and_ordinals() -> None:
    q = analyse_question("Who wrote about the 10th anniversary of the LJA in Talsi?")
    assert {"LJA", "Talsi", "10"} <= set(q.anchors)
    assert any("10" in g and "10th" in g for g in q.groups)


def test_english_words_carry_their_latvian_equivalents() -> None:
    q = analyse_question("What was the maximum grant per project?")
    assert q.language == "en"
    grant = next(g for g in q.groups if "grant" in g)
    assert any(t.startswith("finans") for t in grant)


def test_a_followup_standing_alone_keeps_what_it_asks() -> None:
    q = analyse_question("Un kas to finansēja?")
    whole = q.standing_alone("Un kas to finansēja (projektu “Zaļā skola” Talsos)?")
    assert whole.kind == "who" and whole.relation == "fund" and whole.followup
    assert whole.asked == "Un kas to finansēja?"
    assert [p.value for p in whole.places] == ["Talsi"]


def test_days_and_times_are_apart_from_calendar_dates() -> None:
    q = analyse_question("Kas notika pirmdien plkst. 18.00 un 5. maijā?")
    assert [d.value for d in q.dates] == ["--05-05"]
    assert [t.value for t in q.times] == ["D1", "T18:00"]


@pytest.mark.parametrize(
    ("question", "kind", "expected"),
    [
        # where: a venue or an address first; a town first when the question asks for one
        ("Kur notiks jauniešu forums?", "where", ("venue", "address", "place", "org")),
        ("Kurā pilsētā notika forums?", "where", ("place", "venue", "address", "org")),
        ("Kāda ir biedrības biroja adrese?", "where", ("address", "venue", "place", "org")),
        ("What is the address of the youth centre?", "where", ("address", "venue", "place", "org")),
        (
            "Which countries do the volunteers come from?",
            "where",
            ("place", "venue", "address", "org"),
        ),
        # who holds a role is a person
        ("Kas ir jauniešu domes priekšsēdētājs?", "who", ("person",)),
        # "Kurš priekšlikums …" asks which thing, "Kurš no …" who
        ("Kurš priekšlikums ieguva visvairāk balsu?", "what", ()),
        ("Kurš no deputātiem atklāja forumu?", "who", ("person",)),
        # English money words after "maximum …"
        ("What is the maximum travel reimbursement for participants?", "how_much", ("amount",)),
    ],
)
def test_expected_answer_types(question: str, kind: str, expected: tuple[str, ...]) -> None:
    q = analyse_question(question)
    assert (q.kind, q.expected) == (kind, expected)


def test_happening_and_clock_time() -> None:
    assert analyse_question("Kur notiks forums?").happening == "happen"
    assert analyse_question("Where will the camp take place?").happening == "happen"
    assert analyse_question("Kur atrodas centrs?").happening is None
    assert analyse_question("Cikos sāksies koncerts?").clock
    assert analyse_question("At what time does the forum start?").clock
    assert not analyse_question("Kad sāksies koncerts?").clock


def test_a_gerund_sets_the_scene_and_the_main_verb_is_asked() -> None:
    q = analyse_question("Kas pārgrieza lentīti, atklājot jauniešu telpu Ikšķilē?")
    assert q.kind == "who" and q.relation is None
    assert analyse_question("Kas atklāja jauniešu telpu Ikšķilē?").relation == "open"


def test_verbs_of_one_happening_meet() -> None:
    from youthbot.text.analyze import Analyzer

    terms = set(Analyzer().terms("notiks norisinājās"))
    q = analyse_question("Kad sāksies nometne?")
    assert any(terms <= g for g in q.groups)
    assert not any("cik" in g for g in analyse_question("Cikos sāksies nometne?").groups)
