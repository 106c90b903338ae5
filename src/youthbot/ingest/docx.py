"""Reader for Word ``.docx`` files (python-docx): paragraphs and table cells in reading order."""

from __future__ import annotations

import io
import logging
import zipfile
from collections.abc import Iterator

import docx
from docx.document import Document as WordDocument
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from youthbot.errors import IngestError
from youthbot.ingest.archive import check_archive
from youthbot.ingest.clean import tidy_whitespace
from youthbot.ingest.common import find_date, first_line_title, make_document
from youthbot.ingest.encoding import normalize_text
from youthbot.types import Document

logger = logging.getLogger(__name__)

INVALID_REASON = "is not a valid DOCX file"
PASSWORD_REASON = "is password-protected"
OLD_WORD_REASON = "is not a valid DOCX file (it is an old Word .doc file; save it as .docx)"

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")


def read_docx(data: bytes, path: str) -> Document:
    """Read a ``.docx``: paragraphs and table cells, in order, joined by blank lines.

    Args:
        data: The raw file bytes.
        path: The display path.

    Returns:
        The document.

    Raises:
        IngestError: The file is not a DOCX (not a ZIP, no ``word/document.xml``), is
            password-protected, unpacks to too much (``ingest.archive``), or has no text.
    """
    document = _open(data, path)
    blocks = [
        tidy_whitespace(normalize_text(block), keep_indent=False) for block in _blocks(document)
    ]
    text = "\n\n".join(block for block in blocks if block)
    if not text:
        raise IngestError(path, "is empty")
    title = (document.core_properties.title or "").strip() or first_line_title(text)
    return make_document(
        path=path, data=data, text=text, title=title, date=find_date(text), fmt="docx"
    )


def _open(data: bytes, path: str) -> WordDocument:
    if data.startswith(_OLE_MAGIC):
        if _ENCRYPTED_STREAM in data:
            raise IngestError(path, PASSWORD_REASON)
        raise IngestError(path, OLD_WORD_REASON)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "word/document.xml" not in archive.namelist():
                raise IngestError(path, INVALID_REASON)
            check_archive(archive, path)
        return docx.Document(io.BytesIO(data))
    except IngestError:
        raise
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        logger.debug("%s: not a DOCX: %s", path, exc)
        raise IngestError(path, INVALID_REASON) from None
    except Exception as exc:  # damaged XML inside a real ZIP
        logger.debug("%s: unreadable DOCX: %s", path, exc)
        raise IngestError(path, INVALID_REASON) from None


def _blocks(container: WordDocument | _Cell) -> Iterator[str]:
    """Paragraph texts and table-cell texts in reading order (merged cells once)."""
    for item in container.iter_inner_content():
        if isinstance(item, Paragraph):
            yield item.text
        elif isinstance(item, Table):
            yield from _table_blocks(item)


def _table_blocks(table: Table) -> Iterator[str]:
    seen: set[object] = set()  # the cells' XML elements, so each merged cell counts once
    for row in table.rows:
        for cell in row.cells:
            if cell._tc in seen:
                continue
            seen.add(cell._tc)
            yield "\n".join(block for block in _blocks(cell) if block.strip())
