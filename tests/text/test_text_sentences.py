"""Tests for youthbot.text.sentences: Latvian paragraph and sentence spans."""

from __future__ import annotations

from pathlib import Path

import pytest

from youthbot.text.sentences import split_paragraphs, split_sentences

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def _read(name: str) -> str:
    return (CORPUS / name).read_text(encoding="utf-8")


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def paragraphs(text: str) -> list[str]:
    return [text[s:e] for s, e in split_paragraphs(text)]


# -- sentences in text written for these tests (same genre, not in the corpus) -------------


def test_project_number_initial_phone_and_email() -> None:
    text = (
        "Projekta Nr. 4.2.3.4/1/2024/I/001 aktivitātes koordinē Tukuma novada Izglītības "
        "pārvalde. Vairāk informācijas sniegs projekta koordinatore I. Ozola "
        "(mob.+371 26123456, e-pasts: ieva.ozola@tukums.lv)."
    )
    assert sentences(text) == [
        "Projekta Nr. 4.2.3.4/1/2024/I/001 aktivitātes koordinē Tukuma novada Izglītības pārvalde.",
        "Vairāk informācijas sniegs projekta koordinatore I. Ozola "
        "(mob.+371 26123456, e-pasts: ieva.ozola@tukums.lv).",
    ]


def test_range_and_abbreviations() -> None:
    text = (
        "No 12. līdz 14. augustam Kuldīgā notika jauniešu forums, t.sk. darbnīcas, diskusijas "
        "u.c. aktivitātes, piem. orientēšanās. Forumā piedalījās apm. 60 jauniešu no 8 "
        "novadiem, utt. Dalību atbalstīja Kuldīgas nov. pašvaldība."
    )
    assert sentences(text) == [
        "No 12. līdz 14. augustam Kuldīgā notika jauniešu forums, t.sk. darbnīcas, diskusijas "
        "u.c. aktivitātes, piem. orientēšanās.",
        "Forumā piedalījās apm. 60 jauniešu no 8 novadiem, utt.",
        "Dalību atbalstīja Kuldīgas nov. pašvaldība.",
    ]


def test_quote_attribution_continues_the_sentence() -> None:
    text = (
        "“Mēs esam gandarīti par rezultātu!” uzsver A.Bērziņa. "
        "“Paldies visiem brīvprātīgajiem.” Nākamais forums notiks 2025. gadā."
    )
    assert sentences(text) == [
        "“Mēs esam gandarīti par rezultātu!” uzsver A.Bērziņa.",
        "“Paldies visiem brīvprātīgajiem.”",
        "Nākamais forums notiks 2025. gadā.",
    ]


def test_question_and_exclamation() -> None:
    assert sentences("Vai jaunieši ir gatavi? Jā, un ļoti! Pieteikšanās sākas rīt.") == [
        "Vai jaunieši ir gatavi?",
        "Jā, un ļoti!",
        "Pieteikšanās sākas rīt.",
    ]


def test_initials_titles_and_year_ranges() -> None:
    text = (
        "Tika apspriests jaunatnes politikas plāns 2021.-2027.gadam. Z. Meldrāja, "
        "k-dze Ozola un prof. Kalniņš uzstājās ar prezentācijām plkst. 11.00 Rīgas "
        "str. 5 zālē."
    )
    assert sentences(text) == [
        "Tika apspriests jaunatnes politikas plāns 2021.-2027.gadam.",
        "Z. Meldrāja, k-dze Ozola un prof. Kalniņš uzstājās ar prezentācijām plkst. 11.00 "
        "Rīgas str. 5 zālē.",
    ]


def test_decimals_dates_and_urls() -> None:
    text = (
        "Finansējums ir 2.5 tūkst. eiro. Pieteikumi jāiesniedz līdz 26.01.2024. "
        "Rezultāti būs redzami www.jaunatne.gov.lv. Jautājumus sūtiet uz info@ogre.lv!"
    )
    assert sentences(text) == [
        "Finansējums ir 2.5 tūkst. eiro.",
        "Pieteikumi jāiesniedz līdz 26.01.2024.",
        "Rezultāti būs redzami www.jaunatne.gov.lv.",
        "Jautājumus sūtiet uz info@ogre.lv!",
    ]


def test_place_abbreviations_before_capitals() -> None:
    text = (
        "Pasākums notika Zantes pag. Kultūras namā un Kandavas vsk. Aktu zālē, sk. Ogres nov. "
        "mājaslapu. Sākums plkst. 10.00 Lielā iel. Jauniešu telpā. Biedrība dibināta 2015. g. "
        "Rīgā, tās vadītāja ir k-dze Ozola. Ēka celta 20. gs. sākumā."
    )
    assert sentences(text) == [
        "Pasākums notika Zantes pag. Kultūras namā un Kandavas vsk. Aktu zālē, sk. Ogres nov. "
        "mājaslapu.",
        "Sākums plkst. 10.00 Lielā iel. Jauniešu telpā.",
        "Biedrība dibināta 2015. g. Rīgā, tās vadītāja ir k-dze Ozola.",
        "Ēka celta 20. gs. sākumā.",
    ]


def test_sentence_starting_with_a_year() -> None:
    text = "Pasākumā piedalījās 80 jauniešu. 2024. gadā projekts turpināsies Nr. 5 skolā."
    assert sentences(text) == [
        "Pasākumā piedalījās 80 jauniešu.",
        "2024. gadā projekts turpināsies Nr. 5 skolā.",
    ]


def test_newlines_inside_a_paragraph_do_not_split() -> None:
    text = (
        "Pasākumā piedalījās jaunieši no Tukuma, Kandavas un Engures novadiem,\n"
        "kā arī viņu jaunatnes darbinieki. Diskusiju vadīja\n"
        "jaunatnes lietu speciāliste."
    )
    assert paragraphs(text) == [text]
    assert sentences(text) == [
        "Pasākumā piedalījās jaunieši no Tukuma, Kandavas un Engures novadiem,\n"
        "kā arī viņu jaunatnes darbinieki.",
        "Diskusiju vadīja\njaunatnes lietu speciāliste.",
    ]


# -- paragraphs -----------------------------------------------------------------------------


def test_headline_and_single_newline_paragraphs() -> None:
    text = _read("kurzeme-jaunatnes-specialisti-ventspils.txt")
    paras = paragraphs(text)
    assert len(paras) == 8
    assert paras[0] == "Kurzemes jaunatnes lietu speciālisti tiekas pieredzes apmaiņā Ventspilī"
    assert paras[1].startswith("Šī gada 5. jūnijā Ventspilī")
    assert paras[1].endswith("reģionālā un vietējā līmenī.")
    assert paras[-2:] == ["Informāciju sagatavoja:", "Projekta vadītāja Zane Meldrāja"]


def test_signature_lines_are_their_own_paragraphs() -> None:
    text = _read("2024-01-kurzeme-jaunatnes-specialisti-liepaja.txt")
    assert paragraphs(text)[-6:] == [
        "Informāciju sagatavoja:",
        "Zane Gaile",
        "Kurzemes plānošanas reģiona",
        "Projekta eksperte",
        "mob.+371 29206098",
        "zane.gaile@kurzemesregions.lv",
    ]


def test_numbered_navigation_lines() -> None:
    text = _read("2020-10-sigulda-starpnovadu-tiklosanas.txt")
    assert paragraphs(text)[:4] == [
        "1. Sākums",
        "2. Sabiedrība",
        "3. Projekts “Starpnovadu tīklošanās”",
        "Projekts “Starpnovadu tīklošanās”",
    ]


def test_hard_wrapped_block() -> None:
    text = (
        "Jauniešu centrs “Kvartāls” aicina 13 līdz 25 gadus vecus jauniešus\n"
        "pieteikties brīvprātīgajam darbam vasaras nometnē, kas notiks no\n"
        "1. līdz 7. jūlijam Saulkrastos. Pieteikšanās notiek līdz 15. jūnijam,\n"
        "aizpildot anketu centra mājaslapā.\n"
        "Nometni finansē Saulkrastu novada pašvaldība un Jaunatnes\n"
        "starptautisko programmu aģentūra.\n"
        "\n"
        "Sīkāka informācija pa tālruni 29123456."
    )
    paras = paragraphs(text)
    assert paras == [
        text[: text.index("\nNometni")],
        "Nometni finansē Saulkrastu novada pašvaldība un Jaunatnes\n"
        "starptautisko programmu aģentūra.",
        "Sīkāka informācija pa tālruni 29123456.",
    ]


def test_bullets_split_even_in_a_wrapped_block() -> None:
    text = (
        "Galvenās aktivitātes projektā ir šādas, un tās īstenos visi partneri:\n"
        "- apmācības jaunatnes darbiniekiem par darbu ar NEET jauniešiem;\n"
        "- pieredzes apmaiņas brauciens uz Lietuvu un tikšanās ar partneriem;\n"
        "- noslēguma konference Ogrē, kurā piedalīsies arī ministrijas pārstāvji."
    )
    assert len(paragraphs(text)) == 4
    assert len(sentences(text)) == 4


# -- the corpus -----------------------------------------------------------------------------


def test_corpus_sentences() -> None:
    ogre = sentences(_read("proti-un-dari-ogre-jauniesi-no-ukrainas.txt"))
    assert (
        "“Saskaroties ar psihoemocionālu stresu, ko jaunieši bija pārdzīvojuši, mūsu prioritāte"
        " bija risināt socializācijas un integrācijas jautājumus,” skaidro I.Reinholde." in ogre
    )
    assert "Ogre dalās pieredzē: Atbalsts jauniešiem no Ukrainas" in ogre
    assert (
        "Projekts “PROTI un DARI 2.0” Nr.4.2.3.4/1/2024/I/001 tiek finansēts no Eiropas Sociālā"
        " fonda Plus līdzekļiem." in ogre
    )
    liepaja = sentences(_read("2024-01-kurzeme-jaunatnes-specialisti-liepaja.txt"))
    assert liepaja[0] == "Projekta Nr. 3.1.1.2.i.0/1/22/I/VARAM/001"
    assert liepaja[1].startswith("26.janvārī Liepājas valstspilsētas")
    assert liepaja[2].endswith("(Nr. 3.1.1.2.i.0/1/22/I/VARAM/001) ietvaros, un šī ir jau otrā"
                               " šāda veida aktivitāte projektā.")  # fmt: skip
    assert "Pirmo reizi visi jaunatnes lietu speciālisti tikās Kuldīgā 2023.gada nogalē." in liepaja
    assert any(s.startswith("Tikšanos rīkoja") and "3.1.1.2.i. “Pašvaldību" in s for s in liepaja)
    erasmus = sentences(_read("2023-11-ogre-erasmus-lietuva.txt"))
    assert erasmus[3] == (
        "No 21. līdz 25. novembrim notika viena no projekta aktivitātēm - apmācības par "
        "starpsektoru sadarbību jaunatnes jomā, Lietuvā."
    )
    sigulda = sentences(_read("2020-10-sigulda-starpnovadu-tiklosanas.txt"))
    assert any(s.startswith("Ņemot vērā to, ka Jaunatnes politikas īstenošanas plāna 2016.-2020.")
               for s in sigulda)  # fmt: skip


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.name)
def test_spans_cover_the_text(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    spans = split_sentences(text)
    assert spans
    covered = set()
    previous_end = 0
    for s, e in spans:
        assert previous_end <= s < e
        assert not text[s].isspace() and not text[e - 1].isspace()
        covered.update(range(s, e))
        previous_end = e
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())
    paras = split_paragraphs(text)
    assert all(not text[s].isspace() and not text[e - 1].isspace() for s, e in paras)


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.name)
def test_a_region_gives_the_spans_of_the_whole(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    whole = split_sentences(text)
    by_paragraph = [span for s, e in split_paragraphs(text) for span in split_sentences(text, s, e)]
    assert by_paragraph == whole


def test_region_is_clipped() -> None:
    text = "Pirmais teikums. Otrais teikums. Trešais teikums."
    start = text.index("Otrais")
    assert [text[s:e] for s, e in split_sentences(text, start, len(text) - 5)] == [
        "Otrais teikums.",
        "Trešais tei",
    ]
    assert split_sentences("   \n\n  ") == []
    assert split_paragraphs("") == []


def test_quoted_title_with_full_stops_is_not_cut() -> None:
    text = (
        "Talsu novada jauniešu forums “Drosme. Atbildība. Kopiena.” 4. aprīlī notika Sabiles "
        "kultūras namā. Forumu vadīja Marta Ozoliņa."
    )
    assert sentences(text) == [
        "Talsu novada jauniešu forums “Drosme. Atbildība. Kopiena.” 4. aprīlī notika Sabiles "
        "kultūras namā.",
        "Forumu vadīja Marta Ozoliņa.",
    ]


def test_a_title_ending_a_sentence_before_a_capital_ends_it() -> None:
    text = "Nometnes moto bija “Kopā. Droši.” Tajā piedalījās 30 jauniešu."
    assert sentences(text) == ["Nometnes moto bija “Kopā. Droši.”", "Tajā piedalījās 30 jauniešu."]


def test_missing_space_after_a_full_stop_is_a_boundary() -> None:
    text = (
        "Darbnīcu vadīja Anna Liepa.Arī Tukuma jaunieši piedalījās. Lektors I.Reinholde "
        "26.janvārī rakstīja uz info@Talsi.lv un www.Talsi.lv. Grupu vadīja MeYou.One treneri."
    )
    assert sentences(text) == [
        "Darbnīcu vadīja Anna Liepa.",
        "Arī Tukuma jaunieši piedalījās.",
        "Lektors I.Reinholde 26.janvārī rakstīja uz info@Talsi.lv un www.Talsi.lv.",
        "Grupu vadīja MeYou.One treneri.",
    ]


def test_a_clock_time_ends_a_sentence() -> None:
    text = "Pieteikumi jāiesniedz līdz plkst. 23.59. Rezultātus paziņos maijā."
    assert sentences(text) == [
        "Pieteikumi jāiesniedz līdz plkst. 23.59.",
        "Rezultātus paziņos maijā.",
    ]
