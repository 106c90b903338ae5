"""Answers, passages and documents as HTML for the page: ``[n]`` links, marked spans, escaping."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import PurePosixPath
from urllib.parse import urlencode

from markupsafe import Markup, escape

from youthbot import errors
from youthbot.export import MARKER, closest_sources, has_unverified, mark_unverified
from youthbot.spans import clamp_span, context_bounds
from youthbot.types import Answer, Citation, Document
from youthbot.web.strings import WebStrings

#: Characters of document text shown on each side of a cited span (cut at a line or word).
CONTEXT_CHARS = 240
#: A private-use character that stands for an unverified sentence's mark while rendering.
_UNVERIFIED = "\ue000"


@lru_cache(maxsize=1)
def _markdown():  # type: ignore[no-untyped-def]
    """Markdown for LLM answers: no raw HTML, no links or images (answers are untrusted)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).disable(["link", "image", "autolink"])


def document_href(doc: str, start: int, end: int) -> str:
    """The address of the whole-document page scrolled to the span ``start:end``."""
    return "/document?" + urlencode({"doc": doc, "start": start, "end": end}) + "#span"


def source_id(exchange: int, n: int) -> str:
    """The element id of source ``n`` of exchange ``exchange``."""
    return f"ex-{exchange}-src-{n}"


def answer_html(answer: Answer, exchange: int, strings: WebStrings) -> Markup:
    """The answer with each ``[n]`` a link to its source and unverified sentences marked.

    Extractive answers quote document text and are escaped; LLM answers are Markdown and are
    rendered with raw HTML, links and images switched off.
    """
    if not answer.text.strip():
        return Markup("<p>{}</p>").format(strings.not_answered)
    cited = {c.n for c in answer.citations}
    raw = mark_unverified(answer, _UNVERIFIED)
    if answer.mode == "llm":
        html = _markdown().render(raw)
    else:
        paragraphs = [p.strip() for p in re.split(r"\n\s*\n", raw) if p.strip()]
        html = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)

    def link(match: re.Match[str]) -> str:
        n = int(match.group(1))
        if n not in cited:
            return match.group(0)
        label = escape(strings.cite_label.format(n=n))
        return (
            f'<a class="cite" href="#{source_id(exchange, n)}" data-source="{n}"'
            f' aria-label="{label}">[{n}]</a>'
        )

    html = MARKER.sub(link, html)
    mark = (
        f'<span class="unverified" title="{escape(strings.unverified_text)}">'
        f"{escape(strings.unverified_mark)}"
        f'<span class="visually-hidden"> {escape(strings.unverified_text)}</span></span>'
    )
    html = html.replace(f" {_UNVERIFIED}", " " + mark).replace(_UNVERIFIED, mark)
    return Markup(html)


def answer_note(answer: Answer, strings: WebStrings) -> tuple[str, bool]:
    """The line under an answer (its mode, or that nothing was found) and whether it warns."""
    fallback = answer.llm is not None and bool(answer.llm.fallback_reason)
    if not answer.answered:
        text = strings.not_answered_closest if answer.passages else strings.not_answered
        return text, True
    if answer.mode == "llm" and answer.llm is not None:
        text = strings.mode_llm.format(model=answer.llm.model)
    elif fallback:
        text = strings.mode_fallback
    else:
        text = strings.mode_extractive
    if has_unverified(answer):
        text += " " + strings.unverified_legend
    return text, fallback or has_unverified(answer)


@dataclass(frozen=True, slots=True)
class SourceView:
    """One source as the page lists it: meta line and the passage around the cited span."""

    n: int
    element_id: str
    title: str
    date: str
    file: str
    doc: str
    start: int
    end: int
    before: str
    span: str
    after: str
    cut_before: bool
    cut_after: bool
    in_document: bool

    @property
    def href(self) -> str:
        """The whole document, scrolled to the span."""
        return document_href(self.doc, self.start, self.end)


def source_views(
    answer: Answer,
    exchange: int,
    strings: WebStrings,
    document: Callable[[str], Document | None],
) -> list[SourceView]:
    """The sources of an answer (or its closest passages), each in its document's context.

    Args:
        answer: The answer.
        exchange: The exchange's number (for element ids).
        strings: The page's texts.
        document: Returns an indexed document by path, or None when it is gone.
    """
    views: list[SourceView] = []
    for citation in closest_sources(answer):
        views.append(_source_view(citation, exchange, strings, document))
    return views


def _source_view(
    citation: Citation,
    exchange: int,
    strings: WebStrings,
    document: Callable[[str], Document | None],
) -> SourceView:
    passage = citation.passage
    chunk = passage.chunk
    doc = document(chunk.doc)
    if doc is not None and doc.text[citation.start : citation.end] == citation.quote:
        text, base = doc.text, 0
        lo, hi = context_bounds(text, citation.start, citation.end, CONTEXT_CHARS)
        in_document = True
    else:  # the document changed or vanished since: show the passage as it was saved
        text, base = chunk.text, chunk.start
        lo, hi = 0, len(text)
        in_document = False
    start, end = clamp_span(len(text), citation.start - base, citation.end - base)
    return SourceView(
        n=citation.n,
        element_id=source_id(exchange, citation.n),
        title=" ".join(passage.title.split()),
        date=passage.date or strings.no_date,
        file=PurePosixPath(chunk.doc).name,
        doc=chunk.doc,
        start=citation.start,
        end=citation.end,
        before=text[lo:start],
        span=text[start:end],
        after=text[end:hi],
        cut_before=lo > 0 or base > 0,
        cut_after=hi < len(text) or not in_document,
        in_document=in_document,
    )


@dataclass(frozen=True, slots=True)
class DocumentView:
    """A whole document split around the highlighted span."""

    title: str
    path: str
    date: str
    start: int
    end: int
    before: str
    span: str
    after: str


def document_view(document: Document, start: int, end: int, strings: WebStrings) -> DocumentView:
    """The document's stored text around ``start:end`` (clamped to the text)."""
    start, end = clamp_span(len(document.text), start, end)
    text = document.text
    return DocumentView(
        title=document.title,
        path=document.path,
        date=document.date or strings.no_date,
        start=start,
        end=end,
        before=text[:start],
        span=text[start:end],
        after=text[end:],
    )


def describe_error(error: BaseException, strings: WebStrings) -> str:
    """One line for the page saying what went wrong (the API returns the library's message)."""
    from youthbot.web.service import MAX_QUESTION_CHARS, QuestionEmptyError, QuestionTooLongError

    if isinstance(error, errors.IndexMissingError):
        return strings.no_index
    if isinstance(error, QuestionEmptyError):
        return strings.question_empty
    if isinstance(error, QuestionTooLongError):
        return strings.question_too_long.format(n=error.length, limit=MAX_QUESTION_CHARS)
    if isinstance(error, errors.YouthbotError):
        message = str(error).strip()
        return strings.error_title + ": " + message if message else strings.error_title
    return strings.unexpected_error.format(error=type(error).__name__)
