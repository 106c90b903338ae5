"""What every reader shares: building the Document, finding its title and date."""

from __future__ import annotations

import hashlib
import logging
import re
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


#: Lines of the top of a page that are never its headline, read this far down.
HEADLINE_LINES = 8
#: A line this long, or ending in sentence punctuation, is the article's body, not its top.
_BODY_LINE = 200
#: Words of site sections and page furniture: a line made only of them is no headline
#: ("Jaunatne", "Jaunumi pašvaldībā Jauniešiem", "Dalīties", "Share icon").
_SECTION_WORDS = frozenset(
    """
    jaunumi jaunums aktualitātes aktuāli ziņas ziņa raksti jaunatne jauniešiem jaunieši sākums
    sabiedrība izglītība kultūra sports pašvaldība pašvaldībā pašvaldības novads novadā
    notikumi paziņojumi projekti kontakti par mums dalīties drukāt kopīgot share icon print
    tweet facebook twitter menu izvēlne meklēt search home news galvenā lapa arhīvs foto video
    galerija lasīt vairāk atpakaļ back
    """.split()
)
_JUNK_LINE = re.compile(
    r"^\W*$"  # punctuation only (".")
    r"|^(foto|attēls|attēlā|avots|autors|video|share|dalīties|vārda ?dienas?)\b"
    r"|\b\d+x\d+\b"  # a banner's file name: "23392-Erasmus+-baneri-782x100 B"
    r"|^(projekta\s+)?(nr\.|numurs)\s*\S*\d",  # a project number: "Projekta Nr. 3.1.1.2.i…"
    re.IGNORECASE,
)
_GLUED_DATE = re.compile(r"(?<=[^\W\d_])\s*(\d{1,2}\.\d{1,2}\.\d{4}\.?)\s*$")
_WORDS = re.compile(r"[^\W\d_]+")


def headline(text: str) -> str:
    """The article's headline: the last line of the page's top that is not page furniture.

    The top is the lines before the body starts (the first line ending in sentence
    punctuation or longer than a paragraph's opening). Site and section names ("Jaunatne",
    "Jaunumi pašvaldībā Jauniešiem"), date and time lines ("Pirmdiena, 03.03.2025 09:15"),
    name-day lines, share buttons, banners, captions and project numbers are skipped; a date
    glued to the headline ("…darbu02.10.2018") is cut off. Without a headline, the body's
    first sentence (shortened) is the title.

    Args:
        text: The cleaned text.

    Returns:
        The title, or "" for an empty text.
    """
    from youthbot.text.sentences import split_sentences

    chosen = ""
    for n, line in enumerate(line.strip() for line in text.split("\n") if line.strip()):
        if n >= HEADLINE_LINES or _is_body(line):
            break
        if not is_furniture(line) and not _SECTION_HEADING.match(line):
            chosen = line
    if chosen:
        return short_title(_GLUED_DATE.sub("", chosen))
    for start, end in split_sentences(text):
        sentence = text[start:end]
        if not is_furniture(sentence.split("\n", 1)[0].strip()):
            return short_title(sentence)
    return first_line_title(text)


def _is_body(line: str) -> bool:
    stripped = line.rstrip("\"'”’»)")
    if stripped != line and _QUOTED_END.search(line):
        stripped = stripped.rstrip(".!?…")  # "… projekts “Jaunieši. Laiks. Darbi.”": a title
    return len(line) > _BODY_LINE or (
        len(_WORDS.findall(line)) > 3 and stripped.endswith((".", "!", "?", "…"))
    )


#: A line ending in a quoted name whose own full stop closes it ("… “Runā. Dari. Maini.”").
_QUOTED_END = re.compile(r"[“„«\"][^”“„«»\"]{1,80}[.!?…][”»\"]\s*$")
#: A numbered section heading of a regulation ("I. Vispārīgie jautājumi", "2. Mērķi"): the
#: document's parts, never its headline.
_SECTION_HEADING = re.compile(r"^(?:[IVXLC]+|\d{1,2}(?:\.\d{1,2})*)\.\s+\S")


def is_furniture(line: str) -> bool:
    """A line of page furniture: section names, dates, share buttons, banners, numbers."""
    from youthbot.text.dates import find_dates

    if _JUNK_LINE.search(line) or line.endswith(":"):
        return True
    words = [w.lower() for w in _WORDS.findall(line)]
    if len(words) <= 1 or all(w in _SECTION_WORDS for w in words):
        return True
    dates = find_dates(line)
    if dates:  # "Pirmdiena, 03.03.2025 09:15": a date line, not a headline
        rest = line
        for d in reversed(dates):
            rest = rest[: d.start] + rest[d.end :]
        return len(_WORDS.findall(rest)) <= 2
    return False


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
