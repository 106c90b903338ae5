"""Reader for plain text and Markdown files."""

from __future__ import annotations

import logging

from youthbot.errors import IngestError
from youthbot.ingest.clean import clean_text
from youthbot.ingest.common import find_date, first_line_title, headline, make_document
from youthbot.ingest.encoding import decode_text
from youthbot.types import Document

logger = logging.getLogger(__name__)


def read_text(data: bytes, path: str, *, markdown: bool = False) -> Document:
    """Read a ``.txt`` or ``.md`` file: decode, clean web leftovers, find the headline as title.

    Args:
        data: The raw file bytes.
        path: The display path.
        markdown: True for Markdown: indentation is kept and ``#`` is stripped from the title.

    Returns:
        The document.

    Raises:
        IngestError: The file is binary or holds only whitespace.
    """
    text = clean_text(decode_text(data, path), keep_indent=markdown)
    if not text.strip():
        raise IngestError(path, "is empty")
    title = headline(text)
    if markdown and first_line_title(text).startswith("#"):
        title = first_line_title(text).lstrip("#").strip() or title
    return make_document(
        path=path,
        data=data,
        text=text,
        title=title,
        date=find_date(text),
        fmt="md" if markdown else "txt",
    )
