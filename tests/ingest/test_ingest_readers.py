"""Tests for the text, Markdown and HTML readers through youthbot.ingest.read_document."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from youthbot.errors import IngestError
from youthbot.ingest import read_document

CORPUS = Path(__file__).resolve().parents[2] / "corpus"


ARTICLE_SENTENCES = [
    "Ogres novada jauniešu centrs “Kvartāls” no 1. aprīļa īstenos projektu “Jaunieši darbībā”, "
    "kura mērķis ir stiprināt jauniešu līdzdalību vietējās kopienas dzīvē.",
    "Projekts tiek finansēts no Izglītības un zinātnes ministrijas Jaunatnes politikas valsts "
    "programmas līdzekļiem, un tā kopējais budžets ir 12 500 eiro.",
    "Galvenās aktivitātes ir neformālās izglītības darbnīcas, brīvprātīgā darba nometne Ogresgalā "
    "un jauniešu forums, kurā jaunieši kopā ar deputātiem apspriedīs novada prioritātes.",
    "Vairāk informācijas var saņemt, rakstot jauniešu centra vadītājai Ilzei Kalniņai uz e-pastu "
    "kvartals@ogresnovads.lv.",
]

JUNK = [
    "sīkdatnes",
    "Piekrītu",
    "Pašvaldība",
    "Kultūra",
    "Sākums",
    "Citi jaunumi",
    "pilsētas svētku gājiens",
    "vasaras nodarbinātības",
    "Pajautā domei",
    "Uzdod savu jautājumu",
    "Kalendārs",
    "Brīvības iela 33",
    "Visas tiesības aizsargātas",
    "Dalīties",
    "Drukāt",
]


def municipal_page(date_markup: str) -> str:
    """A municipal news page as such sites publish them, around ARTICLE_SENTENCES."""
    paragraphs = "\n".join(f"    <p>{sentence}</p>" for sentence in ARTICLE_SENTENCES[:3])
    return f"""<!DOCTYPE html>
<html lang="lv">
<head>
<meta charset="utf-8">
<title>Jauniešu centrs “Kvartāls” sāk projektu | Ogres novada pašvaldība</title>
</head>
<body>
<div id="cookie-banner" class="cookie-consent">
  <p>Šī vietne izmanto sīkdatnes, lai uzlabotu lietošanas pieredzi. Turpinot lietot vietni,
  jūs piekrītat sīkdatņu politikai.</p>
  <button>Piekrītu</button> <button>Sīkdatņu iestatījumi</button>
</div>
<header class="site-header">
  <a href="/" class="logo">Ogres novada pašvaldība</a>
  <nav class="main-menu"><ul>
    <li><a href="/pasvaldiba">Pašvaldība</a></li>
    <li><a href="/izglitiba">Izglītība</a></li>
    <li><a href="/kultura">Kultūra</a></li>
  </ul></nav>
</header>
<div class="breadcrumbs"><ol>
  <li><a href="/">Sākums</a></li>
  <li><a href="/jaunumi">Jaunumi</a></li>
  <li>Jauniešu centrs “Kvartāls” sāk projektu</li>
</ol></div>
<main>
  <article class="news-item">
    <h1>Jauniešu centrs “Kvartāls” sāk projektu</h1>
    <div class="meta">{date_markup}</div>
{paragraphs}
    <table>
      <tr><th>Aktivitāte</th><th>Laiks</th></tr>
      <tr><td>Darbnīcas</td><td>aprīlis–maijs</td></tr>
      <tr><td>Jauniešu forums</td><td>septembris</td></tr>
    </table>
    <p>{ARTICLE_SENTENCES[3]}</p>
    <div class="share"><a href="#">Dalīties</a> <a href="#">Drukāt</a></div>
  </article>
  <section class="related-news">
    <h2>Citi jaunumi</h2>
    <ul>
      <li><a href="/j/1">Ogrē notiks pilsētas svētku gājiens</a>
          <time datetime="2024-02-28">28.02.2024.</time></li>
      <li><a href="/j/2">Sākas pieteikšanās vasaras nodarbinātības programmai</a>
          <time datetime="2024-02-20">20.02.2024.</time></li>
    </ul>
  </section>
</main>
<aside class="sidebar">
  <h3>Pajautā domei!</h3>
  <p>Uzdod savu jautājumu Ogres novada domei</p>
  <h3>Kalendārs</h3>
</aside>
<footer class="site-footer">
  <p>Ogres novada pašvaldība, Brīvības iela 33, Ogre, LV-5001. Tālr. 65071160.</p>
  <p>© 2024 Visas tiesības aizsargātas. Privātuma politika.</p>
</footer>
</body>
</html>
"""


def test_sigulda_corpus_file(tmp_path: Path) -> None:
    source = CORPUS / "2020-10-sigulda-starpnovadu-tiklosanas.txt"
    doc = read_document(source, display_path="corpus/sigulda.txt")
    assert doc.path == "corpus/sigulda.txt"
    assert doc.format == "txt"
    assert doc.title == "Projekts “Starpnovadu tīklošanās”"
    assert doc.sha256 == hashlib.sha256(source.read_bytes()).hexdigest()
    assert "Siguldas jauniešu inciatīvu centrs “Mērķis”" in doc.text
    for junk in ("1. Sākums", "Sabiedrība", "Citi jaunumi", "Pajautā domei!", "Kalendārs"):
        assert junk not in doc.text


def test_markdown_title_and_indentation(tmp_path: Path) -> None:
    path = tmp_path / "projekts.md"
    path.write_text(
        "# Projekts “Jaunieši darbībā”\n\nAktivitātes:\n\n- darbnīcas\n  - aprīlī\n- forums\n",
        encoding="utf-8",
    )
    doc = read_document(path)
    assert doc.title == "Projekts “Jaunieši darbībā”"
    assert doc.format == "md"
    assert "- darbnīcas\n  - aprīlī\n- forums" in doc.text
    assert doc.path == str(path)


def test_html_municipal_page_keeps_article_and_drops_junk(tmp_path: Path) -> None:
    path = tmp_path / "jaunumi.html"
    path.write_text(municipal_page("<span>Publicēts 2024. gada 5. martā</span>"), encoding="utf-8")
    doc = read_document(path, display_path="web/jaunumi.html")
    assert doc.format == "html"
    assert doc.path == "web/jaunumi.html"
    assert doc.title == "Jauniešu centrs “Kvartāls” sāk projektu"
    for sentence in ARTICLE_SENTENCES:
        assert sentence in doc.text
    assert "Jauniešu forums" in doc.text and "septembris" in doc.text  # the table
    for junk in JUNK:
        assert junk not in doc.text, junk
    assert doc.date == "2024-03-05"  # from the "Publicēts" line trafilatura leaves out


def test_html_date_from_time_element_not_from_related_news(tmp_path: Path) -> None:
    path = tmp_path / "jaunumi.htm"
    markup = municipal_page('<time datetime="2024-03-05T09:30:00+02:00">05.03.2024. 9:30</time>')
    path.write_text(markup, encoding="utf-8")
    assert read_document(path).date == "2024-03-05"


def test_html_in_windows_1257_with_declared_charset(tmp_path: Path) -> None:
    path = tmp_path / "vecs.html"
    markup = municipal_page("").replace('charset="utf-8"', 'charset="windows-1257"')
    markup = markup.replace("“", '"').replace("”", '"').replace("–", "-").replace("©", "(c)")
    path.write_bytes(markup.encode("cp1257"))
    doc = read_document(path)
    assert "Jaunatnes politikas valsts programmas līdzekļiem" in doc.text
    assert doc.title == 'Jauniešu centrs "Kvartāls" sāk projektu'


def test_html_leftovers_trafilatura_keeps_are_cleaned(tmp_path: Path) -> None:
    path = tmp_path / "forums.html"
    path.write_text(
        """<html><head><meta charset="utf-8"><title>Jauniešu forums | Krimuldas novads</title>
<body><div id="top"><a href="/">Sākums</a> <a href="/jaunumi">Jaunumi</a></div>
<div id="content">
<div class="ceļš">1. Sākums<br>2. Sabiedrība<br>3. Jauniešu forums</div>
<h2>Jauniešu forums</h2>
<p>Krimuldas novada jauniešu forumā piedalījās vairāk nekā 40 jaunieši no visām novada skolām,
kuri kopā ar deputātiem apsprieda jauniešu centra darba laikus.</p>
<p>Forumu organizēja jauniešu centrs sadarbībā ar skolēnu pašpārvaldēm, un tā rezultāti tiks
iekļauti novada jaunatnes politikas plānā nākamajiem trim gadiem.</p>
<p>Dalīties</p>
<p>Citi jaunumi Pašvaldība</p>
<p><a href="/j/1">Domes sēdes darba kārtība</a></p>
<p>Pajautā domei!</p>
<p>Uzdod savu jautājumu Krimuldas Novada domei</p>
<p>Kalendārs</p>
</div></body></html>""",
        encoding="utf-8",
    )
    doc = read_document(path)
    assert doc.text.startswith("Jauniešu forums\nKrimuldas novada jauniešu forumā")
    assert doc.text.endswith("nākamajiem trim gadiem.")
    assert doc.title == "Jauniešu forums"


def test_xhtml_with_xml_declaration_and_odd_body_class(tmp_path: Path) -> None:
    path = tmp_path / "vecs.htm"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Vecā lapa</title></head>\n'
        '<body class="page-social-share"><div class="content"><h1>Jauniešu nometne</h1>\n'
        "<p>Vasaras nometnē Cēsīs piedalījās 35 jaunieši, kuri apguva pārgājienu prasmes un "
        "iepazina Gaujas nacionālo parku kopā ar jaunatnes darbiniekiem.</p></div></body></html>",
        encoding="utf-8",
    )
    doc = read_document(path)
    assert doc.title == "Jauniešu nometne"
    assert "Vasaras nometnē Cēsīs piedalījās 35 jaunieši" in doc.text


def test_html_without_article_text(tmp_path: Path) -> None:
    path = tmp_path / "tukss.html"
    path.write_text(
        "<html><head><title>Sākums</title></head><body><nav><a href='/'>Sākums</a></nav>"
        "<script>var x = 1;</script></body></html>",
        encoding="utf-8",
    )
    with pytest.raises(IngestError) as info:
        read_document(path)
    assert info.value.reason == "no article text found"


def test_text_date_comes_from_the_text(tmp_path: Path) -> None:
    path = tmp_path / "zina.txt"
    path.write_text("Forums Ogrē\n\nPublicēts 2024. gada 5. martā\n\nJaunieši tikās.", "utf-8")
    assert read_document(path).date == "2024-03-05"
