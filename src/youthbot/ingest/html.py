"""Reader for saved web pages: trafilatura finds the article, clean.py removes what it leaves."""

from __future__ import annotations

import codecs
import logging
import re

import trafilatura
from lxml.html import HtmlElement

from youthbot.errors import IngestError
from youthbot.ingest.clean import clean_text
from youthbot.ingest.common import find_date, headline, is_furniture, make_document
from youthbot.ingest.encoding import decode_text, normalize_text
from youthbot.types import Document

logger = logging.getLogger(__name__)

NO_TEXT_REASON = "no article text found"

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HEAD_BYTES = 4096

# Containers that are never the article; trafilatura drops most, this makes sure.
_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_LOWER = "abcdefghijklmnopqrstuvwxyz"
_JUNK_CLASSES = ("cookie", "consent", "crumb", "related", "share", "social", "gdpr")
PRUNE_XPATH: list[str] = [
    "//nav",
    "//footer",
    "//aside",
    "//form",
    *(
        "//*[not(self::html or self::body or self::main or self::article)]"
        f"[contains(translate(@class, '{_UPPER}', '{_LOWER}'), '{name}')"
        f" or contains(translate(@id, '{_UPPER}', '{_LOWER}'), '{name}')]"
        for name in _JUNK_CLASSES
    ),
]

# Visible strings that carry a page's date when the article text does not.
_PUBLISHED_XPATH = (
    "//*[not(self::script or self::style)][text()[contains(., 'Publicēts')"
    " or contains(., 'publicēts') or contains(., 'Publicēšanas datums')"
    " or contains(., 'Datums:')]]"
)
_TIME_XPATH = "//time"
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATE_STRING_MAX = 200


def read_html(data: bytes, path: str) -> Document:
    """Read an ``.html``/``.htm`` page: the article text, its title and the date it shows.

    Args:
        data: The raw file bytes.
        path: The display path.

    Returns:
        The document.

    Raises:
        IngestError: The file is binary or no article text could be found.
    """
    markup = decode_html(data, path)
    tree = trafilatura.load_html(markup)
    if tree is None:
        raise IngestError(path, NO_TEXT_REASON)
    title = _title(tree)
    _prune(tree)
    try:
        extracted = trafilatura.extract(
            markup,
            output_format="txt",
            include_tables=True,
            include_comments=False,
            include_images=False,
            include_links=False,
            favor_precision=True,
            with_metadata=False,
            prune_xpath=PRUNE_XPATH,
        )
    except Exception as exc:  # trafilatura/lxml failures on odd markup are not our bugs to raise
        logger.warning("%s: trafilatura failed: %s", path, exc)
        extracted = None
    extracted = _restore_dropped(tree, extracted or "")
    text = clean_text(normalize_text(extracted))
    if not text.strip():
        raise IngestError(path, NO_TEXT_REASON)
    if not title or is_furniture(title):  # "Jaunatne", "Pirmdiena, 03.03.2025 09:15"
        title = headline(text)
    # An explicit "Publicēts …" on the page beats dates inside the article's sentences.
    date = (
        _visible_date(tree, _PUBLISHED_XPATH) or find_date(text) or _visible_date(tree, _TIME_XPATH)
    )
    return make_document(path=path, data=data, text=text, title=title, date=date, fmt="html")


def decode_html(data: bytes, path: str) -> str:
    """Decode a page: BOM or valid UTF-8 first, then its declared charset, then a guess.

    Args:
        data: The raw file bytes.
        path: The display path, for errors.

    Returns:
        The markup as text.

    Raises:
        IngestError: The file is binary.
    """
    if not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            declared = _META_CHARSET.search(data[:_HEAD_BYTES])
            if declared is not None and b"\x00" not in data:
                try:
                    return normalize_text(data.decode(declared[1].decode("ascii")))
                except (LookupError, UnicodeDecodeError):
                    logger.debug("%s: declared charset %r does not decode it", path, declared[1])
    return decode_text(data, path)


def _title(tree: HtmlElement) -> str | None:
    """trafilatura's title (single <h1>, meta tags, <title>), else the first <h1> or <title>."""
    try:
        from trafilatura.metadata import extract_title

        title = extract_title(tree)
    except Exception as exc:  # an internal helper; fall back to reading the tags ourselves
        logger.debug("trafilatura title extraction failed: %s", exc)
        title = None
    if title:
        return title
    for xpath in ("//h1", "//title"):
        for element in tree.xpath(xpath):
            text = " ".join(element.text_content().split())
            if text:
                return text
    return None


#: A dropped paragraph is put back when it has at least this many characters.
_RESTORE_MIN_CHARS = 30
_BLOCKS_XPATH = "//p | //blockquote | //h1 | //h2 | //h3"


def _restore_dropped(tree: HtmlElement, extracted: str) -> str:
    """``extracted`` with the article's paragraphs trafilatura left out put back in place.

    Never lose the article body: a paragraph of the page (after pruning navigation and side
    blocks) that stands in the same container as a paragraph or heading trafilatura kept, but
    is missing from its text, is inserted after the kept block before it. Paragraphs of other
    containers (a side block) stay out.
    """
    have = " ".join(extracted.split())
    blocks = []
    for element in tree.xpath(_BLOCKS_XPATH):
        text = " ".join(element.text_content().split())
        if text:
            blocks.append((element, text, text in have))
    kept_parents = {el.getparent() for el, _, kept in blocks if kept}
    missing = [
        i
        for i, (el, text, kept) in enumerate(blocks)
        if not kept
        and el.tag in ("p", "blockquote")
        and len(text) >= _RESTORE_MIN_CHARS
        and el.getparent() in kept_parents
    ]
    if not missing:
        return extracted
    lines = extracted.split("\n")
    for i in reversed(missing):
        before = next((blocks[j][1] for j in range(i - 1, -1, -1) if blocks[j][2]), None)
        at = 0
        if before is not None:
            tail = before[-40:]
            at = next((n + 1 for n, line in enumerate(lines) if tail in " ".join(line.split())), 0)
        lines.insert(at, blocks[i][1])
        logger.debug("restored a paragraph trafilatura dropped: %.60s", blocks[i][1])
    return "\n".join(lines)


def _prune(tree: HtmlElement) -> None:
    """Remove navigation, footers, cookie banners and related-news blocks from ``tree``."""
    for xpath in PRUNE_XPATH:
        for element in tree.xpath(xpath):
            if element.getparent() is not None:
                element.drop_tree()


def _visible_date(tree: HtmlElement, xpath: str) -> str | None:
    """The first date in the elements ``xpath`` finds, those inside <article>/<main> first."""
    elements = tree.xpath(xpath)
    in_article = [el for el in elements if el.xpath("ancestor::article or ancestor::main")]
    for element in in_article + [el for el in elements if el not in in_article]:
        text = " ".join(element.text_content().split())[:_DATE_STRING_MAX]
        date = find_date(text) if text else None
        if date:
            return date
        machine = element.get("datetime") or ""
        if _ISO_DATE.match(machine):
            return machine[:10]
    return None
