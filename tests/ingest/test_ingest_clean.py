"""Tests for youthbot.ingest.clean: web leftovers go, the article's words stay as they were."""

from __future__ import annotations

from pathlib import Path

from youthbot.ingest.clean import clean_text, tidy_whitespace

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
SIGULDA = CORPUS / "2020-10-sigulda-starpnovadu-tiklosanas.txt"

ARTICLE = (
    "Jauniešu centrā notika apmācības par starpsektoru sadarbību, kurās piedalījās jaunatnes "
    "darbinieki no Siguldas, Krimuldas un Mālpils. Dalībnieki apguva komunikācijas prasmes un "
    "dalījās pieredzē par darbu ar jauniešiem, kuri nemācās un nestrādā."
)


def test_sigulda_corpus_file_loses_breadcrumbs_and_trailer() -> None:
    raw = SIGULDA.read_text(encoding="utf-8")
    cleaned = clean_text(raw)
    assert cleaned.startswith("Projekts “Starpnovadu tīklošanās”\n\nAr 2020.gada 1.oktobri")
    junk_words = ("Sākums", "Sabiedrība", "Citi jaunumi", "Pajautā domei", "Uzdod", "Kalendārs")
    for junk in junk_words:
        assert junk not in cleaned
    assert cleaned.endswith("spētu efektīvi un kvalitatīvi sadarboties.")
    # typos stay, lines are not joined, paragraphs keep their blank lines
    assert "igltsējīgu" in cleaned and "reuzltātā" in cleaned
    assert cleaned.count("\n\n") == raw.count("\n\n") - 4


def test_other_corpus_files_keep_every_word() -> None:
    for path in sorted(CORPUS.glob("*.txt")):
        if path == SIGULDA:
            continue
        raw = path.read_text(encoding="utf-8")
        assert clean_text(raw).split() == raw.split(), path.name


def test_breadcrumb_trail_from_home_page() -> None:
    text = f"1. Sākums\n2. Jaunumi\n3. Izglītība\n\nApmācības jaunatnes darbiniekiem\n\n{ARTICLE}\n"
    assert clean_text(text) == f"Apmācības jaunatnes darbiniekiem\n\n{ARTICLE}"


def test_inline_breadcrumb_and_leading_buttons() -> None:
    text = f"Izvēlne\nMeklēt\nSākums › Jaunumi › Apmācības\nApmācības\n{ARTICLE}"
    assert clean_text(text) == f"Apmācības\n{ARTICLE}"


def test_numbered_list_that_is_not_a_breadcrumb_stays() -> None:
    text = f"1. Projekta mērķi\n2. Aktivitātes\nProjekta apraksts\n{ARTICLE}"
    assert clean_text(text) == text


def test_trailer_with_related_news_share_and_cookie_lines() -> None:
    text = (
        f"Apmācības\n\nPublicēts 2024. gada 5. martā\n\n{ARTICLE}\n\nDalīties  Drukāt\n\n"
        "Šī vietne izmanto sīkdatnes, lai uzlabotu lietošanas pieredzi. Piekrītu\n"
        "Citi jaunumi\nOgrē notiks pilsētas svētku gājiens\n28.02.2024.\n"
        "Sākas pieteikšanās vasaras darbam\nLasīt vairāk\nAtpakaļ\n"
    )
    assert clean_text(text) == f"Apmācības\n\nPublicēts 2024. gada 5. martā\n\n{ARTICLE}"


def test_marker_words_inside_sentences_are_content() -> None:
    text = (
        f"{ARTICLE}\n"
        "Citi jaunumi par projektu būs pieejami pašvaldības mājaslapā, kur ikviens var uzdot "
        "jautājumu par aktivitātēm un pieteikties dalībai; par sīkdatnēm nekas netiek teikts.\n"
        "Vairāk par projektu var uzzināt Kurzemes plānošanas reģiona mājas lapā.\n"
        "Kalendārs\nAprīlī – darbnīcas, maijā – forums."
    )
    assert clean_text(text) == text


def test_read_also_inside_article_is_kept_when_article_goes_on() -> None:
    long_paragraph = ARTICLE + " " + ARTICLE
    text = f"{ARTICLE}\nLasi arī\nJaunieši dodas uz Lietuvu\n{long_paragraph}"
    assert clean_text(text) == text
    trailing = f"{ARTICLE}\nLasi arī\nJaunieši dodas uz Lietuvu\nForums Ogrē"
    assert clean_text(trailing) == ARTICLE


def test_whitespace_is_tidied_but_words_kept() -> None:
    text = "  Virsraksts   ar  atstarpēm  \t\n\n\n\n  Teksts\tar tabu.   \n\n\n"
    assert clean_text(text) == "Virsraksts ar atstarpēm\n\nTeksts\tar tabu."
    assert tidy_whitespace("  - punkts  viens\n\n\n\n  - divi") == "  - punkts viens\n\n  - divi"


def test_sentence_about_cookies_is_content_but_banner_is_not() -> None:
    lesson = "Nodarbībā jaunieši uzzināja, kā interneta veikali izmanto sīkdatnes reklāmai."
    banners = [
        "Šī vietne izmanto sīkdatnes, lai uzlabotu lietošanas pieredzi.",
        "Mēs izmantojam sīkdatnes. Turpinot lietot vietni, jūs piekrītat sīkdatņu politikai.",
        "This website uses cookies to improve your experience.",
    ]
    text = "\n".join([ARTICLE, lesson, *banners, "Tagi: jaunatne, Erasmus+"])
    assert clean_text(text) == f"{ARTICLE}\n{lesson}"


def test_crumb_trail_and_share_line_below_the_site_name_go() -> None:
    raw = (
        "Rūjienas novada Jauniešu centrs\nSākums / Jaunumi / Nometnes\n"
        "Dalīties Facebook Twitter\n\nJaunieši dodas nometnē\n\n" + ARTICLE
    )
    cleaned = clean_text(raw)
    assert "Sākums /" not in cleaned and "Dalīties" not in cleaned
    assert cleaned.startswith("Rūjienas novada Jauniešu centrs\n")
    assert "Jaunieši dodas nometnē" in cleaned and ARTICLE in cleaned


def test_a_slash_inside_the_article_stays() -> None:
    raw = "Jaunieši dodas nometnē\n\nPieteikumi / anketas jāiesniedz līdz 5. maijam.\n" + ARTICLE
    assert "Pieteikumi / anketas" in clean_text(raw)
