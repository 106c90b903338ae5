"""Ingestion: read a supported file into a cleaned Document, and find the files to read."""

from __future__ import annotations

import contextlib
import dataclasses
import errno
import logging
import os
import stat
import warnings
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from youthbot.errors import IngestError
from youthbot.ingest.paths import document_key, printable, shown_path
from youthbot.types import Document

logger = logging.getLogger(__name__)

SUPPORTED_SUFFIXES: frozenset[str] = frozenset({".txt", ".md", ".html", ".htm", ".pdf", ".docx"})
DEFAULT_MAX_BYTES = 20_000_000
_BYTES_PER_MB = 1_000_000
MISSING_REASON = "no such file or directory"

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "discover",
    "link_problem",
    "read_document",
]


def read_document(
    path: Path,
    *,
    display_path: str | None = None,
    doc_path: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Document:
    """Read one file into a Document with the reader its suffix names.

    Args:
        path: The file to read.
        display_path: The path shown in errors (and recorded, unless ``doc_path`` is given);
            ``str(path)`` if None.
        doc_path: The key to record as ``Document.path`` (see ``ingest.paths``).
        max_bytes: Files larger than this are refused.

    Returns:
        The cleaned document.

    Raises:
        IngestError: The file is missing, a directory, unreadable, too large, empty, of an
            unsupported type, or not readable as its type; ``reason`` says which.
    """
    shown = display_path if display_path is not None else str(path)
    size = _checked_size(path, shown)
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise IngestError(shown, unsupported_reason(suffix))
    if size > max_bytes:
        raise IngestError(shown, too_large_reason(size, max_bytes))
    data = _read_bytes(path, shown)
    if len(data) > max_bytes:
        raise IngestError(shown, too_large_reason(len(data), max_bytes))
    if not data.strip():
        raise IngestError(shown, "is empty")
    with library_messages(shown):
        document = _reader(suffix)(data, shown)
    if doc_path is not None and doc_path != document.path:
        document = dataclasses.replace(document, path=doc_path)
    logger.debug("read %s (%s, %d chars)", shown, document.format, len(document.text))
    return document


#: Loggers of the libraries the readers use; what they say is about the file being read.
LIBRARY_LOGGERS = ("pypdf", "trafilatura", "htmldate", "courlan", "justext", "docx", "lxml")


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextlib.contextmanager
def library_messages(shown: str) -> Iterator[None]:
    """Route what the reading libraries log or warn into youthbot's log, naming the file.

    pypdf and trafilatura report on the file they read ("incorrect startxref pointer")
    without saying which file it is. While one file is read, their log records and Python
    warnings are caught and logged again at INFO level as ``<file>: <library>: <message>``
    (shown with ``-v``), once each, instead of as bare lines.

    Args:
        shown: The display path of the file being read.
    """
    collect = _Collect()
    loggers = [logging.getLogger(name) for name in LIBRARY_LOGGERS]
    saved = [(lg.propagate, lg.level) for lg in loggers]
    for lg in loggers:
        lg.addHandler(collect)
        lg.propagate = False
        if lg.level == logging.NOTSET or lg.level > logging.WARNING:
            lg.setLevel(logging.WARNING)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            yield
    finally:
        for lg, (propagate, level) in zip(loggers, saved, strict=True):
            lg.removeHandler(collect)
            lg.propagate = propagate
            lg.setLevel(level)
        said: dict[str, None] = {}
        for record in collect.records:
            library = record.name.split(".")[0]
            said.setdefault(f"{library}: {_one_line(record.getMessage())}")
        for warning in caught:
            library = (warning.filename.replace("\\", "/").split("site-packages/")[-1]).split("/")[
                0
            ]
            said.setdefault(f"{library or 'python'}: {_one_line(str(warning.message))}")
        for message in said:
            logger.info("%s: %s", shown, message)


def _one_line(text: str) -> str:
    return " ".join(text.split())[:200]


def discover(paths: Sequence[Path]) -> tuple[list[Path], list[IngestError]]:
    """Expand the paths given into the supported files to read.

    Directories are walked recursively in sorted order; hidden files and directories, Office
    lock files (``~$…``) and unsupported suffixes inside them are skipped silently, and links
    to folders are not followed. A path that does not exist, a symbolic link that loops or
    points at nothing (named as the link), or a file named directly with an unsupported
    suffix, is reported.

    Args:
        paths: Files and directories, as the user gave them.

    Returns:
        The files to read (each once, in order) and the errors for paths that cannot be read.
    """
    found: list[Path] = []
    errors: list[IngestError] = []
    seen: set[str] = set()
    resolved: dict[str, str] = {}

    def add(candidate: Path) -> None:
        key = document_key(candidate, resolved)
        if key not in seen:
            seen.add(key)
            found.append(candidate)

    for path in paths:
        if path.is_dir():
            files, broken = _walk(path)
            errors.extend(broken)
            for file in files:
                add(file)
        elif (problem := link_problem(path)) is not None:
            errors.append(IngestError(shown_path(path), problem))
        elif path.exists():
            suffix = path.suffix.lower()
            if suffix in SUPPORTED_SUFFIXES:
                add(path)
            else:
                errors.append(IngestError(shown_path(path), unsupported_reason(suffix)))
        else:
            errors.append(IngestError(shown_path(path), MISSING_REASON))
    return found, errors


def link_problem(path: Path) -> str | None:
    """Why a symbolic link cannot be read (a loop, a missing target), or None.

    Args:
        path: Any path; None is returned for one that is not a link or whose link works.

    Returns:
        The reason, naming the link's target when it is missing.
    """
    if not path.is_symlink():
        return None
    try:
        os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "is a symbolic link that loops back on itself (it never reaches a file)"
        try:
            target = printable(os.fsdecode(os.readlink(path)))
        except OSError:
            target = "?"
        if exc.errno in (errno.ENOENT, errno.ENOTDIR):
            return f"is a symbolic link to {target}, which does not exist"
        return f"is a symbolic link to {target}, which cannot be read ({_os_reason(exc)})"
    return None


def unsupported_reason(suffix: str) -> str:
    """The reason given for a file type no reader handles."""
    supported = ", ".join(sorted(SUPPORTED_SUFFIXES))
    if not suffix:
        return f"has no file extension; supported: {supported}"
    return f"has unsupported file type '{suffix}' (supported: {supported})"


def too_large_reason(size: int, max_bytes: int) -> str:
    """The reason given for a file over the size limit."""
    limit = f"{max_bytes / _BYTES_PER_MB:g}"
    mb = f"{size / _BYTES_PER_MB:.0f}"
    if mb == limit:  # "is 20 MB, larger than the 20 MB limit" reads as a contradiction
        mb = f"{size / _BYTES_PER_MB:.1f}"
    return f"is {mb} MB, larger than the {limit} MB limit (set YOUTHBOT_MAX_FILE_MB to raise it)"


def _walk(root: Path) -> tuple[list[Path], list[IngestError]]:
    files: list[Path] = []
    errors: list[IngestError] = []
    for directory, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(name for name in dirnames if not name.startswith("."))
        for name in filenames:
            if name.startswith((".", "~$")):
                continue
            if Path(name).suffix.lower() in SUPPORTED_SUFFIXES:
                path = Path(directory) / name
                problem = link_problem(path)
                if problem is None:
                    files.append(path)
                else:
                    errors.append(IngestError(shown_path(path), problem))
    return sorted(files), sorted(errors, key=lambda e: e.path)


def _checked_size(path: Path, shown: str) -> int:
    """The file's size, after making sure it is an existing regular file we may read."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise IngestError(shown, MISSING_REASON) from None
    except PermissionError:
        raise IngestError(shown, "cannot be read (permission denied)") from None
    except OSError as exc:
        raise IngestError(shown, f"cannot be read ({_os_reason(exc)})") from None
    if stat.S_ISDIR(info.st_mode):
        raise IngestError(shown, "is a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise IngestError(shown, "is not a regular file")
    return info.st_size


def _read_bytes(path: Path, shown: str) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise IngestError(shown, MISSING_REASON) from None
    except PermissionError:
        raise IngestError(shown, "cannot be read (permission denied)") from None
    except IsADirectoryError:
        raise IngestError(shown, "is a directory, not a file") from None
    except OSError as exc:
        raise IngestError(shown, f"cannot be read ({_os_reason(exc)})") from None


def _os_reason(exc: OSError) -> str:
    if exc.strerror:
        return exc.strerror.lower()
    return errno.errorcode.get(exc.errno or 0, type(exc).__name__)


def _reader(suffix: str) -> Callable[[bytes, str], Document]:
    """The reader for a supported suffix; imported here so one broken library spoils one type."""
    if suffix in (".txt", ".md"):
        from youthbot.ingest.text import read_text

        markdown = suffix == ".md"
        return lambda data, shown: read_text(data, shown, markdown=markdown)
    if suffix in (".html", ".htm"):
        from youthbot.ingest.html import read_html

        return read_html
    if suffix == ".pdf":
        from youthbot.ingest.pdf import read_pdf

        return read_pdf
    from youthbot.ingest.docx import read_docx

    return read_docx
