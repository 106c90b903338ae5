"""Files built to hurt: zip bombs, stray NULs, mixed encodings, soft hyphens, library noise."""

from __future__ import annotations

import io
import logging
import zipfile
from pathlib import Path

import docx
import pytest

from youthbot.errors import IngestError
from youthbot.ingest import read_document
from youthbot.ingest.encoding import decode_text

UTF8_PARAGRAPH = "Jauniešu centrs “Kvartāls” Ogrē rīkoja semināru par līdzdalību."
BALTIC_PARAGRAPH = "Seminārā piedalījās divdesmit jaunatnes darbinieki no Ķeguma un Ikšķiles."


def _docx(path: Path, *paragraphs: str) -> Path:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def _add_entry(path: Path, name: str, payload: bytes) -> None:
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, payload)


# -- zip bombs -----------------------------------------------------------------------------


def test_docx_whose_entries_inflate_a_thousandfold_is_refused(tmp_path: Path) -> None:
    path = _docx(tmp_path / "bumba.docx", UTF8_PARAGRAPH)
    _add_entry(path, "word/media/image1.bin", b"\0" * 30_000_000)
    assert path.stat().st_size < 200_000  # small on disk, 30 MB unpacked
    with pytest.raises(IngestError) as info:
        read_document(path)
    assert "compressed" in info.value.reason and "bumba.docx" in info.value.path


def test_docx_whose_document_xml_is_huge_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "xml-bumba.docx"
    source = _docx(tmp_path / "avots.docx", UTF8_PARAGRAPH)
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/document.xml":  # a paragraph repeated 400,000 times
                head, tail = (
                    data.split(b"<w:p>", 1) if b"<w:p>" in data else data.split(b"<w:p ", 1)
                )
                data = head + b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 400_000 + b"<w:p " + tail
            out.writestr(item, data)
    with pytest.raises(IngestError) as info:
        read_document(path)
    assert "compressed" in info.value.reason or "unpacks" in info.value.reason


def test_ordinary_docx_passes_the_archive_check(tmp_path: Path) -> None:
    path = _docx(tmp_path / "labs.docx", UTF8_PARAGRAPH, BALTIC_PARAGRAPH)
    _add_entry(path, "word/media/image1.png", bytes(range(256)) * 400)  # incompressible
    assert read_document(path).text == f"{UTF8_PARAGRAPH}\n\n{BALTIC_PARAGRAPH}"


def test_docx_that_unpacks_past_the_limit_is_refused(tmp_path: Path) -> None:
    import random

    path = _docx(tmp_path / "smags.docx", UTF8_PARAGRAPH)
    noise = random.Random(7).randbytes(3_000_000)
    for n in range(40):  # 120 MB of incompressible media: no ratio trick, just too much
        with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_STORED) as archive:
            archive.writestr(f"word/media/{n}.bin", noise)
    with pytest.raises(IngestError) as info:
        read_document(path, max_bytes=200_000_000)
    assert "unpacks" in info.value.reason


# -- encodings -----------------------------------------------------------------------------


def test_one_nul_byte_does_not_make_an_article_binary() -> None:
    data = (UTF8_PARAGRAPH + "\n\n" + BALTIC_PARAGRAPH).encode("utf-8")
    data = data[:40] + b"\x00" + data[40:]
    text = decode_text(data, "ar-nul.txt")
    assert text == UTF8_PARAGRAPH + "\n\n" + BALTIC_PARAGRAPH


def test_many_nul_bytes_still_mean_binary() -> None:
    with pytest.raises(IngestError, match="binary"):
        decode_text(UTF8_PARAGRAPH.encode() + b"\x00" * 400, "blob.txt")


def test_file_mixing_utf8_and_windows_1257_is_decoded_per_line() -> None:
    data = (
        UTF8_PARAGRAPH.encode("utf-8")
        + b"\r\n\r\n"
        + BALTIC_PARAGRAPH.encode("cp1257")
        + b"\r\n"
        + "Pasākumu atbalstīja Ogres novada pašvaldība.".encode()
    )
    text = decode_text(data, "jaukts.txt")
    assert text.split("\n") == [
        UTF8_PARAGRAPH,
        "",
        BALTIC_PARAGRAPH,
        "Pasākumu atbalstīja Ogres novada pašvaldība.",
    ]


def test_soft_hyphens_are_removed_from_document_text(tmp_path: Path) -> None:
    path = tmp_path / "zina.txt"
    path.write_text("Jaunat\u00adnes darbi\u00adnieki tikās Liepā\u00adjā.", encoding="utf-8")
    assert read_document(path).text == "Jaunatnes darbinieki tikās Liepājā."


# -- library warnings ----------------------------------------------------------------------


def _pdf_with_shifted_offsets() -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.drawString(72, 720, "Jauniesu forums notiks septembri Ogre.")
    pdf.showPage()
    pdf.save()
    data = buffer.getvalue()
    first_line = data.index(b"\n") + 1
    return data[:first_line] + b"%" + b"x" * 50 + b"\n" + data[first_line:]  # xref now off


def test_library_warnings_name_the_file_and_never_print_bare(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "nobidis.pdf"
    path.write_bytes(_pdf_with_shifted_offsets())
    with caplog.at_level(logging.DEBUG):
        doc = read_document(path, display_path="docs/nobidis.pdf")
    assert "septembri" in doc.text
    library = [r for r in caplog.records if r.name.startswith(("pypdf", "trafilatura"))]
    assert library == []  # none reached the root handlers on their own
    ours = [r.getMessage() for r in caplog.records if r.name.startswith("youthbot")]
    assert any(m.startswith("docs/nobidis.pdf: pypdf: ") for m in ours), ours
    assert all(r.levelno <= logging.INFO for r in caplog.records if "pypdf:" in r.getMessage())
    captured = capsys.readouterr()
    assert "startxref" not in captured.err and "startxref" not in captured.out
