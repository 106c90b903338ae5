"""Relation verbs in their forms."""

import pytest

from youthbot.text.relations import find_relations, relation_of


@pytest.mark.parametrize(
    ("word", "relation"),
    [
        ("vadīja", "lead"),
        ("vada", "lead"),
        ("vadītāja", "lead"),
        ("noorganizēja", "organise"),
        ("rīkotāji", "organise"),
        ("organizeja", "organise"),
        ("uzrakstīja", "write"),
        ("īstenos", "implement"),
        ("līdzfinansē", "fund"),
        ("stāstīja", "say"),
        ("piedalījās", "take_part"),
        ("hosted", "lead"),
        ("raksts", None),
        ("vadība", None),
        ("jaunieši", None),
    ],
)
def test_relation_of(word: str, relation: str | None) -> None:
    assert relation_of(word) == relation


def test_find_relations_offsets() -> None:
    text = "Semināru rīkoja biedrība, bet to vadīja divas trenerītes."
    found = find_relations(text)
    assert [(text[s:e], r) for s, e, r in found] == [("rīkoja", "organise"), ("vadīja", "lead")]


@pytest.mark.parametrize("word", ["novadā", "novada", "novadu", "pasaka"])
def test_words_that_only_contain_a_short_stem_are_no_relation(word: str) -> None:
    assert relation_of(word) is None  # no-vad-ā is a region, not "led"


@pytest.mark.parametrize(
    ("word", "relation"),
    [
        ("vadībā", "lead"),  # "Ilzes vadībā": under her lead
        ("finansējumu", "fund"),
        ("organizēšana", "organise"),
    ],
)
def test_action_nouns_count_when_asked(word: str, relation: str) -> None:
    assert relation_of(word, nouns=True) == relation


@pytest.mark.parametrize(
    ("word", "relation"),
    [
        ("priekšsēdētāja", "lead"),
        ("direktori", "lead"),
        ("moderēja", "lead"),
        ("koordinatore", "coordinate"),
        ("autore", "write"),
    ],
)
def test_heads_moderators_and_agent_nouns(word: str, relation: str) -> None:
    assert relation_of(word) == relation


def test_find_relations_with_nouns() -> None:
    text = "Darbnīcas notika trenera Pētera vadībā, un tās finansē novada dome."
    assert [r for _, _, r in find_relations(text)] == ["fund"]
    assert [r for _, _, r in find_relations(text, nouns=True)] == ["lead", "fund"]


def test_short_english_forms_count() -> None:
    assert relation_of("led") == "lead" and relation_of("ran") == "lead"


@pytest.mark.parametrize(
    ("sentence", "word", "relation"),
    [
        ("Vasaru pavadīju jauniešu nometnē Ventspilī.", "pavadīju", None),  # spent
        ("Skolotāja pavadīja skolēnus uz Rīgu.", "pavadīja", None),  # accompanied
        ("Nodarbību novadīja jaunatnes darbiniece Ieva Garjāne.", "novadīja", "lead"),
        ("Sadarbības līgumu parakstīja domes priekšsēdētājs.", "parakstīja", None),  # signed
        ("Projekta pieteikumu uzrakstīja Ināra Miglāne.", "uzrakstīja", "write"),
        ("Nolikumu pārrakstīja jauniešu dome.", "pārrakstīja", "write"),  # a prefix with ā
        ("Dalībnieki sadalījās piecās grupās.", "sadalījās", None),  # divided
        ("Savā pieredzē dalījās Liepājas jaunatnes lietu speciāliste.", "dalījās", "say"),
        ("Forumā piedalījās 40 jaunieši no Kurzemes.", "piedalījās", "take_part"),
    ],
)
def test_a_prefix_that_makes_another_verb_names_no_relation(
    sentence: str, word: str, relation: str | None
) -> None:
    assert relation_of(word) == relation
    found = {sentence[a:b]: rel for a, b, rel in find_relations(sentence)}
    assert found.get(word) == relation
