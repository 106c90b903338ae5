"""What every reader shares: building the Document, finding its title and date."""

from __future__ import annotations

import hashlib
import logging
from pathlib import PurePath

from youthbot.text.dates import document_date
from youthbot.types import Document

logger = logging.getLogger(__name__)

TITLE_MAX = 150


def make_document(
    *, path: str, data: bytes, text: str, title: str | None, date: str | None, fmt: str
) -> Document:
    """Assemble the Document, falling back to the first line and then the file name for a title.

    Args:
        path: The display path of the source file.
        data: The raw file bytes, hashed into ``sha256``.
        text: The cleaned text.
        title: The title the format gave, if any.
        date: The ISO date the text gives for itself, if any.
        fmt: The reader's name (``txt``, ``md``, ``html``, ``pdf``, ``docx``).

    Returns:
        The document.
    """
    chosen = short_title(title or "") or first_line_title(text) or PurePath(path).name
    return Document(
        path=path,
        title=chosen,
        text=text,
        date=date,
        format=fmt,
        sha256=hashlib.sha256(data).hexdigest(),
    )


def first_line_title(text: str) -> str:
    """The first non-empty line of ``text``, shortened to a title; empty when there is none."""
    for line in text.split("\n"):
        if line.strip():
            return short_title(line)
    return ""


def short_title(title: str) -> str:
    """Collapse whitespace and cut a long title at a word boundary with an ellipsis."""
    title = " ".join(title.split())
    if len(title) <= TITLE_MAX:
        return title
    cut = title[:TITLE_MAX].rsplit(" ", 1)[0].rstrip(" ,;:–-")
    return cut + "…"


def find_date(text: str) -> str | None:
    """The ISO date ``text`` gives for itself (``youthbot.text.dates.document_date``)."""
    return document_date(text)
