"""Tests for read_document's file checks and discover's expansion of paths."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from youthbot.errors import IngestError
from youthbot.ingest import SUPPORTED_SUFFIXES, discover, read_document

LATVIAN = "Jaunieši no Ogres piedalās Erasmus+ apmaiņā un apgūst komunikācijas prasmes.\n"


def reason(path: Path, **kwargs: object) -> str:
    with pytest.raises(IngestError) as info:
        read_document(path, **kwargs)  # type: ignore[arg-type]
    return info.value.reason


def test_supported_suffixes() -> None:
    assert SUPPORTED_SUFFIXES == {".txt", ".md", ".html", ".htm", ".pdf", ".docx"}


def test_windows_1257_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "vecs.txt"
    path.write_bytes(("Vecā ziņa\r\n\r\n" + LATVIAN).encode("cp1257"))
    doc = read_document(path)
    assert doc.title == "Vecā ziņa"
    assert doc.text == "Vecā ziņa\n\n" + LATVIAN.strip()


def test_utf16_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "u16.txt"
    path.write_bytes(LATVIAN.encode("utf-16"))
    assert read_document(path).text == LATVIAN.strip()


@pytest.mark.parametrize(
    "data", [b"", b"   \n\t\r\n  ", "\ufeff  \n".encode("utf-16"), "\ufeff\n".encode("utf-8")]
)
def test_empty_files(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "tukss.txt"
    path.write_bytes(data)
    assert reason(path) == "is empty"


def test_empty_pdf_is_empty_not_invalid(tmp_path: Path) -> None:
    path = tmp_path / "tukss.pdf"
    path.write_bytes(b"")
    assert reason(path) == "is empty"


def test_binary_bytes_with_txt_suffix(tmp_path: Path) -> None:
    path = tmp_path / "bilde.txt"
    path.write_bytes(bytes(range(256)) * 40)
    assert reason(path) == "looks like a binary file, not text"


def test_sparse_50_mb_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "milzigs.txt"
    with path.open("wb") as handle:
        handle.write(LATVIAN.encode("utf-8"))
        handle.truncate(50_000_000)
    assert reason(path) == (
        "is 50 MB, larger than the 20 MB limit (set YOUTHBOT_MAX_FILE_MB to raise it)"
    )


def test_size_limit_is_configurable(tmp_path: Path) -> None:
    path = tmp_path / "zina.txt"
    with path.open("wb") as handle:
        handle.write(LATVIAN.encode("utf-8"))
        handle.truncate(3_000_000)
    assert reason(path, max_bytes=2_000_000) == (
        "is 3 MB, larger than the 2 MB limit (set YOUTHBOT_MAX_FILE_MB to raise it)"
    )
    small = tmp_path / "maza.txt"
    small.write_text(LATVIAN, encoding="utf-8")
    assert read_document(small, max_bytes=len(LATVIAN.encode("utf-8"))).text == LATVIAN.strip()
    just_over = tmp_path / "lielaks.txt"
    with just_over.open("wb") as handle:
        handle.truncate(20_400_000)
    assert reason(just_over).startswith("is 20.4 MB, larger than the 20 MB limit")


def test_missing_file(tmp_path: Path) -> None:
    assert reason(tmp_path / "nav.txt") == "no such file or directory"


def test_directory(tmp_path: Path) -> None:
    folder = tmp_path / "mape.txt"
    folder.mkdir()
    assert reason(folder) == "is a directory, not a file"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "slepens.txt"
    path.write_text(LATVIAN, encoding="utf-8")
    path.chmod(0)
    try:
        assert reason(path) == "cannot be read (permission denied)"
    finally:
        path.chmod(0o644)


def test_read_error_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "zina.txt"
    path.write_text(LATVIAN, encoding="utf-8")

    def refuse(self: Path) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", refuse)
    assert reason(path) == "cannot be read (permission denied)"


def test_unsupported_suffix(tmp_path: Path) -> None:
    path = tmp_path / "tabula.xlsx"
    path.write_bytes(b"PK\x03\x04")
    assert reason(path).startswith("has unsupported file type '.xlsx' (supported: .docx, .htm,")


def test_display_path_is_used_in_errors(tmp_path: Path) -> None:
    with pytest.raises(IngestError) as info:
        read_document(tmp_path / "nav.txt", display_path="corpus/nav.txt")
    assert info.value.path == "corpus/nav.txt"
    assert str(info.value) == "corpus/nav.txt: no such file or directory"


def test_upper_case_suffix_is_supported(tmp_path: Path) -> None:
    path = tmp_path / "ZINA.TXT"
    path.write_text(LATVIAN, encoding="utf-8")
    assert read_document(path).format == "txt"


def test_discover_walks_sorted_and_skips_hidden_and_unsupported(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    (root / "b").mkdir(parents=True)
    (root / "a").mkdir()
    (root / ".git").mkdir()
    for name in [
        "b/z.pdf",
        "b/a.md",
        "a/x.docx",
        "c.txt",
        "d.HTML",
        ".git/config.txt",
        ".slepens.txt",
        "a/~$x.docx",
        "tabula.xlsx",
        "bilde.png",
        "README",
    ]:
        (root / name).write_text("x", encoding="utf-8")
    single = tmp_path / "viens.htm"
    single.write_text("x", encoding="utf-8")

    files, errors = discover([root, single, tmp_path / "nav", root / "c.txt", root / "tabula.xlsx"])
    assert files == [
        root / "a" / "x.docx",
        root / "b" / "a.md",
        root / "b" / "z.pdf",
        root / "c.txt",
        root / "d.HTML",
        single,
    ]
    assert [(e.path, e.reason.split(" (")[0]) for e in errors] == [
        (str(tmp_path / "nav"), "no such file or directory"),
        (str(root / "tabula.xlsx"), "has unsupported file type '.xlsx'"),
    ]
