"""Tests for youthbot.text.dates: Latvian date mentions, keys, year resolution, document dates."""

from __future__ import annotations

from pathlib import Path

import pytest

from youthbot.text.dates import DateMention, document_date, find_dates, month_number, resolve_year

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def mentions(text: str) -> list[tuple[str, str]]:
    return [(text[d.start : d.end], d.iso) for d in find_dates(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pasākums notika 5. jūnijā Ventspilī.", [("5. jūnijā", "--06-05")]),
        ("26.janvārī Liepājā pulcējās", [("26.janvārī", "--01-26")]),
        ("līdz 26. janvāri", [("26. janvāri", "--01-26")]),
        ("Ar 2020.gada 1.oktobri Siguldas", [("2020.gada 1.oktobri", "2020-10-01")]),
        ("2020. gada 1. oktobrī", [("2020. gada 1. oktobrī", "2020-10-01")]),
        ("Publicēts 2024. gada 5. martā", [("2024. gada 5. martā", "2024-03-05")]),
        ("2024. g. 12. decembrī", [("2024. g. 12. decembrī", "2024-12-12")]),
        ("Datums: 26.01.2024.", [("26.01.2024.", "2024-01-26")]),
        ("līdz 5.3.2025 plkst. 12.00", [("5.3.2025", "2025-03-05")]),
        ("Atjaunots 2024-01-26", [("2024-01-26", "2024-01-26")]),
        ("tikās Kuldīgā 2023.gada nogalē", [("2023.gada", "2023")]),
        ("2023. gadā notika", [("2023. gadā", "2023")]),
        ("2024. gada janvārī", [("2024. gada janvārī", "2024-01")]),
        ("plāna 2016.-2020.gadam vidusposma", [("2016.", "2016"), ("2020.gadam", "2020")]),
        ("Kas notika novembrī?", [("novembrī", "--11")]),
        ("Janvārī notiks nometne", [("Janvārī", "--01")]),
        ("Kad notika pasakums 5. junija?", [("5. junija", "--06-05")]),  # no diacritics
    ],
)
def test_find_dates(text: str, expected: list[tuple[str, str]]) -> None:
    assert mentions(text) == expected


def test_range() -> None:
    text = "No 21. līdz 25. novembrim notika viena no projekta aktivitātēm"
    (d,) = find_dates(text)
    assert (text[d.start : d.end], d.day, d.end_day, d.month, d.year) == (
        "21. līdz 25. novembrim", 21, 25, 11, None
    )  # fmt: skip
    (d,) = find_dates("nometne notiks 1.–7. jūlijā")
    assert (d.day, d.end_day, d.month) == (1, 7, 7)
    assert d.keys[:7] == tuple(f"d07{day:02d}" for day in range(1, 8))


@pytest.mark.parametrize(
    "text",
    [
        "Nr. 3.1.1.2.i.0/1/22/I/VARAM/001",
        "Nr.4.2.3.4/1/2024/I/001",
        "mob.+371 29206098",
        "PROTI un DARI 2.0",
        "1. Sākums",
        "Maija Bērziņa un Marta Ozola",  # names, not months
        "Augusts Kalniņš",
        "KA205-422726D7",
        "Finansējums 2.5 tūkst. eiro",
        "32. janvārī",
        "30. februārī",
    ],
)
def test_no_false_dates(text: str) -> None:
    assert [d for d in find_dates(text) if d.day is not None or d.year is not None] == []


def test_relative_year() -> None:
    text = "Šī gada 5. jūnijā Ventspilī norisinājās pasākums"
    (d,) = find_dates(text)
    assert text[d.start : d.end] == "Šī gada 5. jūnijā"
    assert (d.year, d.year_offset, d.iso) == (None, 0, "--06-05")
    (d,) = find_dates("pagājušā gada 15. decembrī")
    assert d.year_offset == -1
    (d,) = find_dates("Pērn 12. maijā")
    assert d.year_offset == -1


@pytest.mark.parametrize(
    ("word", "month"),
    [(w, 1) for w in ("janvāris", "janvāra", "janvārim", "janvāri", "janvārī", "janvari")]
    + [(w, 4) for w in ("aprīlis", "aprīļa", "aprīlim", "aprīli", "aprīlī", "aprila")]
    + [(w, 3) for w in ("marts", "marta", "martam", "martu", "martā")]
    + [(w, 6) for w in ("jūnijs", "jūnija", "jūnijam", "jūniju", "jūnijā", "junija")]
    + [(w, 8) for w in ("augusts", "augusta", "augustam", "augustu", "augustā")]
    + [(w, 11) for w in ("novembris", "novembra", "novembrim", "novembri", "novembrī")],
)
def test_month_names_in_all_cases(word: str, month: int) -> None:
    assert month_number(word) == month
    (d,) = find_dates(f"līdz 9. {word}")
    assert (d.day, d.month) == (9, month)


def test_iso_and_keys() -> None:
    full = DateMention(0, 1, 2024, 1, 26)
    assert full.iso == "2024-01-26"
    assert full.key == "d0126"
    assert full.keys == ("d0126", "d20240126", "m01", "m202401", "y2024")
    assert DateMention(0, 1, None, 1, 26).iso == "--01-26"
    assert DateMention(0, 1, None, 1, 26).keys == ("d0126", "m01")
    assert DateMention(0, 1, 2024, 1, None).iso == "2024-01"
    assert DateMention(0, 1, 2024, 1, None).key == "m202401"
    assert DateMention(0, 1, None, 11, None).key == "m11"
    assert DateMention(0, 1, 2023, None, None).iso == "2023"
    assert DateMention(0, 1, 2023, None, None).keys == ("y2023",)


def test_a_mention_names_a_year_or_a_month() -> None:
    with pytest.raises(ValueError):
        DateMention(0, 1, None, None, 5)


def test_every_written_form_meets_on_one_key() -> None:
    forms = ["26.janvārī", "26. janvāri", "26.01.2024.", "2024-01-26", "2024. gada 26. janvārī"]
    keys = [find_dates(f)[0].key for f in forms]
    assert keys == ["d0126"] * len(forms)


def test_resolve_year() -> None:
    (june,) = find_dates("Šī gada 5. jūnijā")
    assert resolve_year(june, "2025-12-30").iso == "2025-06-05"
    assert resolve_year(june, None) is june
    assert resolve_year(june, "not a date") is june
    (dec,) = find_dates("15. decembrī")
    assert resolve_year(dec, "2024-01-10").iso == "2023-12-15"  # nearest to the reference
    assert resolve_year(dec, "2024-11-20").iso == "2024-12-15"
    assert resolve_year(dec, "2024").iso == "2024-12-15"
    (last,) = find_dates("pagājušā gada 15. decembrī")
    assert resolve_year(last, "2024-12-20").iso == "2023-12-15"
    (leap,) = find_dates("29. februārī")
    assert resolve_year(leap, "2023-03-01") is leap  # 2023 has no 29 February
    full = find_dates("26.01.2024.")[0]
    assert resolve_year(full, "2030-01-01") is full


def test_document_date() -> None:
    assert document_date("Jaunieši tiekas Ogrē\nPublicēts 2024. gada 5. martā\n\nTeksts.") == (
        "2024-03-05"
    )
    assert document_date("Virsraksts\nDatums: 26.01.2024.\nTeksts par 2020. gada 1. maiju.") == (
        "2024-01-26"
    )
    assert document_date("Publicēts: 2023. gada novembrī\nTeksts.") == "2023-11"
    assert document_date("Teksts bez datuma, tikai 5. jūnijā un 2023. gadā.") is None
    late = "Teksts. " * 100 + "2020. gada 1. oktobrī"
    assert document_date(late) is None


@pytest.mark.parametrize(
    ("name", "date"),
    [
        # "Ar 2020.gada 1.oktobri … uzsāks projekta īstenošanu" is a project start, a mention
        ("2020-10-sigulda-starpnovadu-tiklosanas.txt", None),
        ("2023-11-ogre-erasmus-lietuva.txt", None),
        ("2024-01-kurzeme-jaunatnes-specialisti-liepaja.txt", None),
        ("kurzeme-jaunatnes-specialisti-ventspils.txt", None),
        ("proti-un-dari-ogre-jauniesi-no-ukrainas.txt", None),
    ],
)
def test_corpus_document_dates(name: str, date: str | None) -> None:
    assert document_date((CORPUS / name).read_text(encoding="utf-8")) == date


def test_format_date_as_latvians_write_it() -> None:
    from youthbot.text.dates import format_date

    assert format_date("2024-01-26") == "26.01.2024."
    assert format_date("--01-26") == "26.01."
    assert format_date("2024-01") == "01.2024."
    assert format_date("--11-21", "--11-25") == "21.11.–25.11."
    assert format_date(None) == ""


def test_document_date_from_date_lines_not_from_body_dates() -> None:
    body = "Pieteikumi jāiesniedz līdz 2024. gada 4. martam, centrs dibināts 2015. gadā."
    assert document_date(f"Jaunieši tiekas Talsos\n\n{body}") is None
    assert document_date(f"Jaunieši tiekas Talsos\n12.02.2024. 10:15\n\n{body}") == "2024-02-12"
    # a date glued to the headline is the article's own date line
    assert document_date(f"Pieredzes apmaiņa Sabilē12.02.2024\n\n{body}") == "2024-02-12"
    # the byline's date at the end
    assert document_date(f"Virsraksts\n\n{body}\n\nAnna Liepa\n2024. gada 5. martā") == (
        "2024-03-05"
    )


def test_site_today_header_gives_way_to_the_article_date_line() -> None:
    text = "Otrdiena, 11.03.2025 09:15\nJauniešu forums Talsos\n05.03.2025.\n\nTeksts par forumu."
    assert document_date(text) == "2025-03-05"
    with_name_days = "Otrdiena, 11.03.2025. Vārda dienas: Konstantīns\nVirsraksts\n\nTeksts."
    assert document_date(with_name_days) is None
