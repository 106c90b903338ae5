"""Dates spelled for a sentence: the month in the locative, Latvian and English."""

import pytest

from youthbot.text.dates import format_date


@pytest.mark.parametrize(
    ("iso", "end", "latvian", "english"),
    [
        ("--01-26", None, "26. janvārī", "26 January"),
        ("2024-04-12", None, "2024. gada 12. aprīlī", "12 April 2024"),
        ("2023", None, "2023. gadā", "2023"),
        ("2023-11", None, "2023. gada novembrī", "November 2023"),
        ("--11-21", "--11-25", "21.–25. novembrī", "21–25 November"),
        ("2023-11-28", "2023-12-02", "2023. gada 28. novembrī – 2. decembrī",
         "28 November–2 December 2023"),
        ("2023-12-28", "2024-01-02", "2023. gada 28. decembrī – 2024. gada 2. janvārī",
         "28 December 2023–2 January 2024"),
    ],
)  # fmt: skip
def test_words(iso: str, end: str | None, latvian: str, english: str) -> None:
    assert format_date(iso, end, words=True) == latvian
    assert format_date(iso, end, words=True, language="en") == english


def test_numeric_form_is_unchanged() -> None:
    assert format_date("--01-26") == "26.01."
    assert format_date("2023-11-21", "2023-11-25") == "21.11.2023.–25.11.2023."
    assert format_date(None, words=True) == ""
