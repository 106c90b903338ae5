"""Reader for PDF files with a text layer (pypdf)."""

from __future__ import annotations

import io
import logging
import re

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

from youthbot.errors import IngestError
from youthbot.ingest.clean import tidy_whitespace
from youthbot.ingest.common import find_date, first_line_title, make_document
from youthbot.ingest.encoding import normalize_text
from youthbot.types import Document

logger = logging.getLogger(__name__)

PASSWORD_REASON = "is password-protected"
NO_TEXT_LAYER_REASON = "has no text layer (scanned image?); run OCR on it first"
CRYPTO_REASON = "is encrypted with AES; reading it needs the 'cryptography' package"

_HEADER_WINDOW = 1024
_REASON_MAX = 80
# A word broken at a line end: "izglī-\ntības" → "izglītības"; only when the next line goes on
# in lower case, so "Erasmus+ -\nJaunatne" and dashes before capitals stay.
_HYPHENATED = re.compile(r"(?<=[^\W\d_])-[ \t]*\n[ \t]*(?=[^\W\d_])")
_JUNK_TITLE = re.compile(
    r"(?:microsoft (?:word|powerpoint) - .*|untitled.*|document\d*|dokuments\d*"
    r"|.*\.(?:docx?|pdf|odt))",
    re.IGNORECASE,
)


def read_pdf(data: bytes, path: str) -> Document:
    """Read a ``.pdf``: the text of every page, pages joined by blank lines.

    Args:
        data: The raw file bytes.
        path: The display path.

    Returns:
        The document.

    Raises:
        IngestError: The PDF is encrypted with a password, damaged, or has no text layer.
    """
    reader = _open(data, path)
    pages: list[str] = []
    for number, page in enumerate(reader.pages, start=1):
        try:
            pages.append(page.extract_text() or "")
        except FileNotDecryptedError:
            raise IngestError(path, PASSWORD_REASON) from None
        except DependencyError:
            raise IngestError(path, CRYPTO_REASON) from None
        except Exception as exc:  # one damaged page should not lose the rest
            logger.warning("%s: page %d could not be read: %s", path, number, exc)
    if not pages:
        raise IngestError(path, "is not a valid PDF (it has no pages)")
    text = "\n\n".join(
        reflow(join_hyphenated(tidy_whitespace(normalize_text(page), keep_indent=False)))
        for page in pages
    )
    text = tidy_whitespace(text, keep_indent=False)
    if not text.strip():
        raise IngestError(path, NO_TEXT_LAYER_REASON)
    return make_document(
        path=path,
        data=data,
        text=text,
        title=_metadata_title(reader) or first_line_title(text),
        date=find_date(text),
        fmt="pdf",
    )


#: A line at least this share of the page's longest line was wrapped by the layout.
_WRAPPED_SHARE = 0.75
_FINAL = (".", "!", "?", ":", ";", "…", "”", '"')


def reflow(page: str) -> str:
    """Undo the layout's line wrapping: wrapped lines join with a space, others end paragraphs.

    PDF text comes one printed line at a time. A line nearly as long as the page's longest, or
    one that stops without final punctuation before a line going on in lower case, was wrapped
    and continues on the next line; any other line ends a heading or paragraph, and gets a
    blank line after it so that sentence splitting and chunking see the paragraph.

    Args:
        page: One page's text with ``\n`` newlines.

    Returns:
        The page as paragraphs separated by blank lines.
    """
    blocks = []
    for block in re.split(r"\n[ \t]*\n", page):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        widest = max(len(line) for line in lines)
        out = lines[0]
        for prev, line in zip(lines, lines[1:], strict=False):
            wrapped = len(prev) >= _WRAPPED_SHARE * widest and len(lines) > 1
            runs_on = not prev.endswith(_FINAL) and line[:1].islower()
            out += " " + line if (wrapped or runs_on) else "\n\n" + line
        blocks.append(out)
    return "\n\n".join(blocks)


def join_hyphenated(text: str) -> str:
    """Join words hyphenated at a line end where the next line starts in lower case.

    Args:
        text: Page text with ``\\n`` newlines.

    Returns:
        The text with those line-end hyphens and newlines removed.
    """

    def join(match: re.Match[str]) -> str:
        following = text[match.end()]
        return "" if following.islower() else match.group(0)

    return _HYPHENATED.sub(join, text)


def _open(data: bytes, path: str) -> PdfReader:
    if b"%PDF-" not in data[:_HEADER_WINDOW]:
        raise IngestError(path, "is not a valid PDF (no PDF header)")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise IngestError(path, PASSWORD_REASON)
        len(reader.pages)
    except IngestError:
        raise
    except FileNotDecryptedError:
        raise IngestError(path, PASSWORD_REASON) from None
    except DependencyError:
        raise IngestError(path, CRYPTO_REASON) from None
    except Exception as exc:  # pypdf raises many types on damaged files
        raise IngestError(path, f"is not a valid PDF ({_short(exc)})") from None
    return reader


def _metadata_title(reader: PdfReader) -> str | None:
    try:
        title = reader.metadata.title if reader.metadata else None
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        logger.debug("unreadable PDF metadata: %s", exc)
        return None
    if not isinstance(title, str):
        return None
    title = " ".join(title.split())
    if not title or _JUNK_TITLE.fullmatch(title):
        return None
    return title


def _short(exc: Exception) -> str:
    message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    if len(message) > _REASON_MAX:
        message = message[: _REASON_MAX - 1].rstrip() + "…"
    return message
