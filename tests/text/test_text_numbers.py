"""Latvian number words, amounts and counts."""

import pytest

from youthbot.text.numbers import find_amounts, find_counts, number_word_value, parse_number


@pytest.mark.parametrize(
    ("word", "value"),
    [
        ("četras", 4),
        ("cetras", 4),
        ("trīs", 3),
        ("trijiem", 3),
        ("septiņām", 7),
        ("divpadsmit", 12),
        ("trīsdesmit", 30),
        ("simtiem", 100),
        ("tūkstoši", 1000),
        ("seven", 7),
        ("vienotā", None),
        ("centrs", None),
    ],
)
def test_number_words_in_every_case(word: str, value: int | None) -> None:
    assert number_word_value(word) == value


def test_parse_number_reads_latvian_separators() -> None:
    assert parse_number("8500,00") == 8500.0
    assert parse_number("1 000") == 1000.0
    assert parse_number("12.500") == 12500.0


def test_amounts_with_currency_words_and_signs() -> None:
    text = "Vienam projektam piešķir līdz 7000,00 eiro, kopā 1 200 EUR un vēl € 350 ēdināšanai."
    assert [a.value for a in find_amounts(text)] == [7000.0, 1200.0, 350.0]
    first = find_amounts(text)[0]
    assert text[first.start : first.end] == "7000,00 eiro"


def test_counts_in_words_and_digits_keep_their_noun() -> None:
    text = (
        "Grupa sanāca divdesmit septiņas reizes un aizvadīja 96 stundas; atbalstu saņēma 5000 eiro."
    )
    counts = find_counts(text)
    assert [(c.value, c.unit) for c in counts] == [(27.0, "reizes"), (96.0, "stundas")]


def test_shares_are_counts_of_percent() -> None:
    counts = find_counts("Jaunatnei atvēlēti 7,5% jeb 15 procenti līdzekļu.")
    assert [(c.value, c.unit) for c in counts] == [(7.5, "%"), (15.0, "%")]


def test_amounts_with_grouped_digits_and_cents_after_a_point() -> None:
    text = "Pieejami 2 310 450.75 eiro un 4 miljardi eiro."
    assert [a.value for a in find_amounts(text)] == [2310450.75, 4_000_000_000.0]
