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
