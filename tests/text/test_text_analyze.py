"""Tests for youthbot.text.analyze: the BM25 analyser for documents and queries."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from youthbot.text.analyze import ANALYZER_VERSION, Analyzer, content_words, surface_vocabulary

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


@pytest.fixture(scope="module")
def vocabulary() -> dict[str, str]:
    return surface_vocabulary(p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt")))


@pytest.mark.parametrize(
    "forms",
    [
        ("Ventspilī", "Ventspils", "Ventspilij", "VENTSPILS"),
        ("Liepāja", "Liepājā", "Liepājas", "Liepaja", "liepajas"),
        ("jauniešiem", "jaunieši", "jauniešu", "jaunietis"),
        ("organizēja", "organizēt", "organizēts"),
        ("pašvaldība", "pašvaldību", "pašvaldībām", "pasvaldibas"),
        ("pasākums", "pasākumā", "pasakums"),
        ("vadītāja", "vadītājas", "vaditaja"),
        ("Reinholde", "Reinholdes"),
        ("tikšanās", "tiksanas"),
    ],
)
def test_inflected_forms_meet(analyzer: Analyzer, forms: tuple[str, ...]) -> None:
    terms = {tuple(analyzer.terms(f)) for f in forms}
    assert len(terms) == 1, terms
    assert len(next(iter(terms))) == 1


def test_stop_words_dropped(analyzer: Analyzer) -> None:
    assert analyzer.terms("Kas un kur bija tas, ko viņi tajā dienā darīja?") == ["dien", "darit"]
    assert analyzer.terms("Kāpēc kapec kādēļ") == []


def test_project_codes(analyzer: Analyzer) -> None:
    terms = analyzer.terms("Projekta Nr. 3.1.1.2.i.0/1/22/I/VARAM/001")
    assert terms[0] == "projekt"
    assert "3.1.1.2.i.0/1/22/i/varam/001" in terms
    assert {"3.1.1.2.i", "3.1.1.2.i.0", "22", "varam", "001"} <= set(terms)
    assert "nr" not in terms
    glued = analyzer.terms("Projekts Nr.4.2.3.4/1/2024/I/001 tiek finansēts")
    assert "4.2.3.4/1/2024/i/001" in glued
    assert "nr" not in glued and "nr.4.2.3.4/1/2024/i/001" not in glued
    assert analyzer.terms("KA205-422726D7") == ["ka205-422726d7", "ka205", "422726d7"]
    # the investment code alone finds the project code through its leading sub-code
    assert "3.1.1.2.i" in analyzer.terms("investīcijas 3.1.1.2.i. “Pašvaldību")


def test_acronyms_kept(analyzer: Analyzer) -> None:
    # "VARAM" (the ministry) as written, and its usual term, so "varam" typed lower-case meets it
    terms = analyzer.terms("Projektu īsteno VARAM un JSPA")
    assert terms == ["projekt", "istenot", "varam", "varet", "jspa"]
    assert set(analyzer.query_terms("varam")) <= set(terms)
    assert analyzer.terms("NEET jaunieši") == ["neet", "jauniet"]
    assert analyzer.terms("PROTI un DARI 2.0") == ["proti", "prot", "dari", "darit", "2.0"]
    assert analyzer.query_terms("proti un dari") == ["prot", "darit"]
    assert analyzer.content_words("PROTI un DARI") == ["proti", "dari"]
    assert analyzer.terms("VAI UN KUR") == []


def test_hyphenated_names(analyzer: Analyzer) -> None:
    assert analyzer.terms("Ance Medne-Strazda") == ["anc", "medne-strazd", "medn", "strazd"]
    assert analyzer.terms("Medne-Strazdas") == ["medne-strazd", "medn", "strazd"]
    assert analyzer.terms("Kristīne Reine-Saponaro")[1:] == ["reine-saponar", "rein", "saponar"]


def test_email_phone_url(analyzer: Analyzer) -> None:
    assert analyzer.terms("zane.gaile@kurzemesregions.lv") == [
        "zane.gaile@kurzemesregions.lv",
        "kurzemesregions.lv",
        "zan",
        "gail",
    ]
    assert analyzer.terms("mob.+371 29206098") == ["371", "29206098"]
    assert analyzer.terms("Skatīt https://www.ogresnovads.lv/lv/jaunumi.") == [
        "skatit",
        "https://www.ogresnovads.lv/lv/jaunumi",
        "ogresnovads.lv",
    ]
    assert analyzer.terms("ogresnovads.lv") == ["ogresnovads.lv", "ogresnovad", "lv"]


def test_initials_dropped(analyzer: Analyzer) -> None:
    assert analyzer.terms("skaidro I.Reinholde") == ["skaidrot", "reinhold"]
    assert analyzer.terms("Z. Meldrāja") == ["meldraj"]


def test_dates_share_a_key(analyzer: Analyzer) -> None:
    forms = ["26.janvārī", "26. janvāri", "26.01.2024.", "2024. gada 26. janvārī"]
    term_sets = [set(analyzer.terms(f)) for f in forms]
    shared = set.intersection(*term_sets)
    assert {"d0126", "m01", "26"} <= shared
    assert "janvar" in term_sets[0] & term_sets[1] & term_sets[3]
    assert analyzer.terms("26.01.2024.") == [
        "d0126", "d20240126", "m01", "m202401", "y2024", "26", "01", "2024",
    ]  # fmt: skip
    assert analyzer.terms("No 21. līdz 25. novembrim")[:6] == [
        "d1121", "d1122", "d1123", "d1124", "d1125", "m11",
    ]  # fmt: skip
    assert "y2023" in analyzer.terms("Kuldīgā 2023.gada nogalē")
    assert "m11" in analyzer.query_terms("Kas notika novembrī?")


def test_query_restores_diacritics(analyzer: Analyzer, vocabulary: dict[str, str]) -> None:
    assert vocabulary["jauniesu"] == "jauniešu"
    assert vocabulary["ogre"] == "ogre"
    assert analyzer.query_terms("jauniesu centrs Liepaja", vocabulary) == [
        "jauniet",
        "centr",
        "liepaj",
    ]
    # without the corpus spelling the stemmer alone cannot recover "jauniešu"
    assert analyzer.query_terms("jauniesu centrs", None)[0] != "jauniet"
    liepaja = CORPUS / "2024-01-kurzeme-jaunatnes-specialisti-liepaja.txt"
    doc = set(analyzer.terms(liepaja.read_text(encoding="utf-8")))
    question = "Kad notika tiksanas Liepaja jauniesu maja?"
    assert set(analyzer.query_terms(question, vocabulary)) <= doc


def test_english_query(analyzer: Analyzer) -> None:
    assert analyzer.query_terms("Who organised the meeting in Ventspils?") == [
        "organised",
        "meeting",
        "ventspil",
    ]
    # an English title inside a Latvian text keeps its words
    assert analyzer.terms("biedrību “House of Hope”") == ["biedrib", "hous", "of", "hop"]


def test_content_words(analyzer: Analyzer, vocabulary: dict[str, str]) -> None:
    question = (
        "Kas ir Ance Medne-Strazda un ko viņa teica 26.janvārī par projektu "
        "Nr. 3.1.1.2.i.0/1/22/I/VARAM/001?"
    )
    assert analyzer.content_words(question) == [
        "anc", "medne-strazd", "teikt", "26", "janvar", "projekt", "3.1.1.2.i.0/1/22/i/varam/001",
    ]  # fmt: skip
    assert content_words("jauniesu jaunieši", vocabulary) == ["jauniet"]
    passage = (CORPUS / "2024-01-kurzeme-jaunatnes-specialisti-liepaja.txt").read_text("utf-8")
    covered = set(analyzer.terms(passage))
    assert [w for w in analyzer.content_words(question) if w not in covered] == ["teikt"]


def test_new_genre_sentence(analyzer: Analyzer) -> None:
    text = (
        "2024. gada 12. martā Tukuma jauniešu centrā “Pulss” notika apmācības jaunatnes "
        "darbiniekiem, kuras vadīja I. Ozola (tel. 26123456)."
    )
    assert analyzer.terms(text) == [
        "d0312", "d20240312", "m03", "m202403", "y2024", "2024", "gad", "12", "mart",
        "tukum", "jauniet", "centr", "puls", "notikt", "apmacib", "jaunatn", "darbiniek",
        "vadit", "ozol", "26123456",
    ]  # fmt: skip


def test_surface_vocabulary_prefers_the_common_spelling() -> None:
    vocab = surface_vocabulary(["Kā arī ka arī kā", "Liepājā Liepājas liepaja"])
    assert vocab["ka"] == "kā"
    assert vocab["liepaja"] == "liepājā"
    assert vocab["liepajas"] == "liepājas"
    assert vocab["ari"] == "arī"


def test_version_and_cheap_import() -> None:
    assert ANALYZER_VERSION
    code = "import sys, youthbot.text.analyze; print('simplemma' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_unknown_verb_forms_meet_their_infinitive() -> None:
    from youthbot.text.analyze import Analyzer

    a = Analyzer()
    assert a.terms("iesaistīsies") == a.terms("iesaistīti") == a.terms("iesaistījās")
    assert a.terms("finansēja") == a.terms("finansēts")
    assert a.terms("Meldrāja") == ["meldraj"]  # a surname, not a verb
