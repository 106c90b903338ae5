"""The article's headline, publication date and body, not the page's furniture."""

from __future__ import annotations

from pathlib import Path

import pytest

from youthbot.ingest import read_document
from youthbot.ingest.common import headline

BODY = (
    "Talsu novada jaunieši 4. aprīlī pulcējās forumā, lai kopā ar deputātiem runātu par "
    "brīvā laika iespējām. Forumu vadīja Marta Ozoliņa."
)


@pytest.mark.parametrize(
    ("top", "title"),
    [
        ("Jaunatne\n\nJaunieši runā ar deputātiem\n\n", "Jaunieši runā ar deputātiem"),
        ("Jaunumi pašvaldībā Jauniešiem\nforums pulcē jauniešus\n\n", "forums pulcē jauniešus"),
        ("Trešdiena, 05.03.2025 09:15\nTalsos notiek forums\n\n", "Talsos notiek forums"),
        ("Dalīties:\nShare icon\nForums Talsos\n.\n\n", "Forums Talsos"),
        ("Forums Talsos par brīvo laiku12.04.2024\n\n", "Forums Talsos par brīvo laiku"),
        ("Projekta Nr. 4.2.1/16/I/002\n\n", "Talsu novada jaunieši 4. aprīlī pulcējās forumā,"),
    ],
)
def test_headline_skips_sections_dates_and_buttons(top: str, title: str) -> None:
    assert headline(top + BODY).startswith(title)


def test_text_file_title_and_date(tmp_path: Path) -> None:
    path = tmp_path / "forums.txt"
    path.write_text(
        "Jaunatne\n\nTalsos notiek jauniešu forums\n05.04.2024.\n\n"
        + BODY
        + " Pieteikties var līdz 2024. gada 1. aprīlim.",
        encoding="utf-8",
    )
    doc = read_document(path)
    assert doc.title == "Talsos notiek jauniešu forums"
    assert doc.date == "2024-04-05"  # not the deadline in the body


def test_html_keeps_a_lead_paragraph_the_extractor_drops(tmp_path: Path) -> None:
    """Never lose the article body: a paragraph beside the kept ones is put back in place."""
    lead = "Programmu iepriekšējā gadā pabeidza divdesmit jaunieši no Talsu novada."
    paragraphs = "".join(
        f"<p>{BODY} Šī ir {n}. rindkopa par forumu un tā rezultātiem novadā.</p>"
        for n in range(1, 6)
    )
    path = tmp_path / "lapa.html"
    path.write_text(
        "<html><head><meta charset='utf-8'><title>Jaunatne</title></head><body>"
        f"<div class='capture-top'><h2>Līderu skola</h2><p>{BODY}</p><p>{lead}</p></div>"
        f"<div class='content'>{paragraphs}</div></body></html>",
        encoding="utf-8",
    )
    doc = read_document(path)
    assert lead in doc.text
    assert doc.text.index(BODY) < doc.text.index(lead)
    assert doc.title != "Jaunatne"


def test_a_headline_ending_in_a_quoted_title_with_full_stops() -> None:
    top = "Ogres novada pašvaldība\n\nAtbalstīts projekts “Jaunieši. Idejas. Darbi.”\n\n"
    assert headline(top + BODY) == "Atbalstīts projekts “Jaunieši. Idejas. Darbi.”"


def test_a_numbered_section_heading_is_no_headline() -> None:
    top = "Talsu novada Jauniešu domes nolikums\n\nI. Vispārīgie jautājumi\n\n"
    assert headline(top + BODY) == "Talsu novada Jauniešu domes nolikums"
