"""Tests for the DOCX reader on real files built with python-docx."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest

from youthbot.errors import IngestError
from youthbot.ingest import read_document


def test_paragraphs_and_table_cells_in_reading_order(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Projekta “Jaunieši darbībā” atskaite", level=1)
    document.add_paragraph("Projektu īstenoja Ogres novada jauniešu centrs  “Kvartāls”.")
    document.add_paragraph("")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Aktivitāte"
    table.cell(0, 1).text = "Dalībnieki"
    table.cell(1, 0).text = "Jauniešu forums"
    table.cell(1, 1).text = "64"
    merged = document.add_table(rows=1, cols=2)
    merged.cell(0, 0).merge(merged.cell(0, 1)).text = "Kopā: 64 jaunieši"
    document.add_paragraph("Paldies visiem dalībniekiem!")
    path = tmp_path / "atskaite.docx"
    document.save(str(path))

    doc = read_document(path, display_path="atskaites/atskaite.docx")
    assert doc.format == "docx"
    assert doc.path == "atskaites/atskaite.docx"
    assert doc.title == "Projekta “Jaunieši darbībā” atskaite"
    assert doc.text == (
        "Projekta “Jaunieši darbībā” atskaite\n\n"
        "Projektu īstenoja Ogres novada jauniešu centrs “Kvartāls”.\n\n"
        "Aktivitāte\n\nDalībnieki\n\nJauniešu forums\n\n64\n\n"
        "Kopā: 64 jaunieši\n\n"
        "Paldies visiem dalībniekiem!"
    )


def test_core_properties_title_wins(tmp_path: Path) -> None:
    document = docx.Document()
    document.core_properties.title = "Gada pārskats 2024"
    document.add_paragraph("Ievads par jaunatnes darbu novadā.")
    path = tmp_path / "parskats.docx"
    document.save(str(path))
    assert read_document(path).title == "Gada pārskats 2024"


def test_docx_without_text_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "tukss.docx"
    docx.Document().save(str(path))
    with pytest.raises(IngestError) as info:
        read_document(path)
    assert info.value.reason == "is empty"


def test_zip_of_something_else_renamed_docx(tmp_path: Path) -> None:
    path = tmp_path / "arhivs.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("foto/bilde.txt", "nav Word dokuments")
        archive.writestr("[Content_Types].xml", "<Types/>")
    with pytest.raises(IngestError) as info:
        read_document(path)
    assert info.value.reason == "is not a valid DOCX file"


def test_text_file_renamed_docx(tmp_path: Path) -> None:
    path = tmp_path / "teksts.docx"
    path.write_text("Šis ir vienkāršs teksts, nevis Word dokuments.", encoding="utf-8")
    with pytest.raises(IngestError) as info:
        read_document(path)
    assert info.value.reason == "is not a valid DOCX file"


def test_old_word_or_encrypted_docx(tmp_path: Path) -> None:
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
    old = tmp_path / "vecs.docx"
    old.write_bytes(ole + "WordDocument".encode("utf-16-le"))
    locked = tmp_path / "parole.docx"
    locked.write_bytes(ole + "EncryptedPackage".encode("utf-16-le"))
    with pytest.raises(IngestError) as info:
        read_document(old)
    assert info.value.reason.startswith("is not a valid DOCX file (")
    with pytest.raises(IngestError) as info:
        read_document(locked)
    assert info.value.reason == "is password-protected"
