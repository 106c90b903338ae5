"""Typed spans: one layer for people, organisations, places, dates, amounts, counts, contacts."""

from youthbot.text.spans import find_spans


def _by_kind(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for s in find_spans(text):
        assert s.text == text[s.start : s.end]
        out.setdefault(s.kind, []).append(s.value)
    return out


def test_contacts_codes_and_money_do_not_become_counts_or_dates() -> None:
    text = (
        "Sīkāka informācija: mob. 26123456, e-pasts Anna.Berzina@talsi.lv, www.talsi.lv. "
        "Projekts Nr. 4.2.1/16/I/002 saņēma 12 000 eiro."
    )
    kinds = _by_kind(text)
    assert kinds["phone"] == ["+37126123456"]
    assert kinds["email"] == ["anna.berzina@talsi.lv"]
    assert kinds["url"] == ["www.talsi.lv"]
    assert kinds["code"] == ["4.2.1/16/I/002"]
    assert kinds["amount"] == ["12000.00"]
    assert "count" not in kinds and "date" not in kinds


def test_names_places_and_dates_in_case_forms() -> None:
    text = "Pateicību 2023. gada 12. maijā Tukumā pasniedza Aivaram Ozoliņam."
    kinds = _by_kind(text)
    assert kinds["date"] == ["2023-05-12"]
    assert kinds["place"] == ["Tukums"]
    assert kinds["person"] == ["Aivars Ozoliņš"]


def test_kinds_filter_limits_the_search() -> None:
    text = "Tikšanās notika 3. martā, piedalījās 40 jauniešu."
    assert {s.kind for s in find_spans(text, kinds={"count"})} == {"count"}
    assert [s.value for s in find_spans(text, kinds={"date"})] == ["--03-03"]


def test_times_and_weekdays_are_dates() -> None:
    text = "Telpa strādās otrdienās un piektdienās no 15:30 līdz 19:00, sestdien plkst. 10.00."
    kinds = _by_kind(text)
    assert kinds["date"] == ["D2", "D5", "T15:30", "T19:00", "D6", "T10:00"]
    assert "count" not in kinds  # "15", "30" are not counts


def test_shares_and_amounts_in_millions_and_with_grouped_digits() -> None:
    kinds = _by_kind("Budžets ir 3 miljardi eiro, kultūrai 12,5% no tā, kopā 2 450 310.40 eiro.")
    assert kinds["amount"] == ["3000000000.00", "2450310.40"]
    assert kinds["count"] == ["12.5 %"]


def test_e_mails_written_against_harvesters() -> None:
    kinds = _by_kind("Raksti uz ilze.kalnina [at] talsi.lv vai janis(at)sabile.lv.")
    assert kinds["email"] == ["ilze.kalnina@talsi.lv", "janis@sabile.lv"]
