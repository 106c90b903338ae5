"""Tests for the PDF reader on real PDFs built with reportlab and pypdf."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from youthbot.errors import IngestError
from youthbot.ingest import read_document
from youthbot.ingest.pdf import join_hyphenated

FONT_CANDIDATES = [
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/TTF/DejaVuSans.ttf"),
    Path("/Library/Fonts/Arial Unicode.ttf"),
    Path("C:/Windows/Fonts/arial.ttf"),
]


def _latvian_font() -> str | None:
    """Register a TrueType font with Latvian glyphs; None when the machine has none."""
    for candidate in FONT_CANDIDATES:
        if candidate.exists():
            if "LatvianSans" not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont("LatvianSans", str(candidate)))
            return "LatvianSans"
    return None


FONT = _latvian_font()
needs_font = pytest.mark.skipif(FONT is None, reason="no TrueType font with Latvian letters")

PAGE_ONE = [
    "Projekts “Jaunieši darbībā”",
    "",
    "Ogres novada jauniešu centrs īsteno projektu, kurā jaunatnes",
    "darbinieki apgūs starpinstitucionā-",
    "lās sadarbības prasmes. Finansē Erasmus+ -",
    "Jaunatne darbībā.",
]
PAGE_TWO = ["Otrajā lapā: jauniešu forums notiks septembrī."]


def write_pdf(
    path: Path,
    pages: list[list[str]],
    *,
    title: str | None = None,
    encrypt: StandardEncryption | str | None = None,
) -> Path:
    """A real PDF with one text line per entry, in a font that has Latvian letters if any."""
    pdf = canvas.Canvas(str(path), encrypt=encrypt)
    if title:
        pdf.setTitle(title)
    for lines in pages:
        pdf.setFont(FONT or "Helvetica", 11)
        y = 800
        for line in lines:
            pdf.drawString(50, y, line)
            y -= 16
        pdf.showPage()
    pdf.save()
    return path


@needs_font
def test_text_pages_title_and_hyphenation(tmp_path: Path) -> None:
    path = write_pdf(tmp_path / "projekts.pdf", [PAGE_ONE, PAGE_TWO])
    doc = read_document(path, display_path="docs/projekts.pdf")
    assert doc.format == "pdf"
    assert doc.path == "docs/projekts.pdf"
    assert doc.title == "Projekts “Jaunieši darbībā”"
    assert "apgūs starpinstitucionālās sadarbības prasmes." in doc.text
    # the dash before a capital is no hyphenation: kept, and the wrapped line reflowed
    assert "Erasmus+ - Jaunatne darbībā." in doc.text
    assert doc.text.endswith("darbībā.\n\nOtrajā lapā: jauniešu forums notiks septembrī.")


def test_metadata_title_wins(tmp_path: Path) -> None:
    lines = ["Ievads", "Teksts par projektu."]
    path = write_pdf(tmp_path / "a.pdf", [lines], title="Gada parskats")
    assert read_document(path).title == "Gada parskats"


def test_password_protected_pdf(tmp_path: Path) -> None:
    path = write_pdf(
        tmp_path / "slepens.pdf",
        [["Slepens teksts"]],
        encrypt=StandardEncryption("lietotajs", ownerPassword="ipasnieks"),
    )
    with pytest.raises(IngestError) as info:
        read_document(path)
    assert info.value.reason == "is password-protected"


def test_pypdf_encrypted_pdf(tmp_path: Path) -> None:
    source = write_pdf(tmp_path / "plain.pdf", [["Teksts"]])
    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password="parole", owner_password="parole", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    path = tmp_path / "aizsargats.pdf"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(IngestError) as info:
        read_document(path)
    assert info.value.reason == "is password-protected"


def test_owner_password_only_pdf_is_read(tmp_path: Path) -> None:
    path = write_pdf(
        tmp_path / "atverts.pdf",
        [["Atverams teksts ar ipasnieka paroli."]],
        encrypt=StandardEncryption("", ownerPassword="ipasnieks"),
    )
    assert read_document(path).text == "Atverams teksts ar ipasnieka paroli."


def test_image_only_pdf_asks_for_ocr(tmp_path: Path) -> None:
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    image = Image.new("RGB", (400, 200), "white")
    ImageDraw.Draw(image).rectangle((20, 20, 380, 180), outline="black", width=5)
    path = tmp_path / "skenets.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.drawImage(ImageReader(image), 50, 500, width=400, height=200)
    pdf.showPage()
    pdf.save()
    with pytest.raises(IngestError) as info:
        read_document(path)
    assert info.value.reason == "has no text layer (scanned image?); run OCR on it first"


@pytest.mark.parametrize(
    ("data", "detail"),
    [
        (b"Tas nav PDF, tikai teksts ar .pdf nosaukumu.", "no PDF header"),
        (b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\ngarbage", None),
    ],
)
def test_invalid_pdf(tmp_path: Path, data: bytes, detail: str | None) -> None:
    path = tmp_path / "bojats.pdf"
    path.write_bytes(data)
    with pytest.raises(IngestError) as info:
        read_document(path)
    assert info.value.reason.startswith("is not a valid PDF (")
    assert info.value.reason.endswith(")")
    if detail:
        assert detail in info.value.reason


def test_truncated_pdf(tmp_path: Path) -> None:
    whole = write_pdf(tmp_path / "vesels.pdf", [["Teksts"]]).read_bytes()
    path = tmp_path / "nogriezts.pdf"
    path.write_bytes(whole[: len(whole) // 3])
    with pytest.raises(IngestError) as info:
        read_document(path)
    assert info.value.reason.startswith(("is not a valid PDF", "has no text layer"))


def test_join_hyphenated_only_before_lower_case() -> None:
    joined = join_hyphenated("izglī-\ntības un Erasmus+ -\nJaunatne")
    assert joined == "izglītības un Erasmus+ -\nJaunatne"
    assert join_hyphenated("Rīga-\nJūrmala un 2020-\n2024") == "Rīga-\nJūrmala un 2020-\n2024"
    assert join_hyphenated("ģimeņu-  \n  atbalsts") == "ģimeņuatbalsts"


def test_wrapped_lines_are_reflowed_into_paragraphs(tmp_path: Path) -> None:
    lines = [
        "Jelgavas jaunatnes centra pārskats",
        "Centru vada Andris Bērziņš. Vasaras nometne “Piedzīvojums” notika no 10. līdz 16. jūlijam",
        "Ozolniekos, un tajā piedalījās 45 jaunieši vecumā no 13 līdz 18 gadiem, kuri apguva",
        "laivošanu.",
        "Nākamā nometne būs 2025. gadā.",
    ]
    doc = read_document(write_pdf(tmp_path / "p.pdf", [lines]))
    assert doc.text == (
        "Jelgavas jaunatnes centra pārskats\n\n"
        "Centru vada Andris Bērziņš. Vasaras nometne “Piedzīvojums” notika no 10. līdz 16. jūlijam"
        " Ozolniekos, un tajā piedalījās 45 jaunieši vecumā no 13 līdz 18 gadiem, kuri apguva"
        " laivošanu.\n\nNākamā nometne būs 2025. gadā."
    )
