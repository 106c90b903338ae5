"""The question analysed once."""

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
