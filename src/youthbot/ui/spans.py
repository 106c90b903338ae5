"""Character-span helpers for showing a cited span inside its document (pure functions)."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text


def clamp_span(length: int, start: int, end: int) -> tuple[int, int]:
    """``start``/``end`` kept inside ``0..length`` with ``start <= end``."""
    start = max(0, min(start, length))
    end = max(start, min(end, length))
    return start, end


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The offsets of the whole lines of ``text`` that hold the span ``start:end``."""
    start, end = clamp_span(len(text), start, end)
    first = text.rfind("\n", 0, start) + 1
    last = text.find("\n", end)
    return first, len(text) if last < 0 else last


def context_bounds(text: str, start: int, end: int, radius: int = 320) -> tuple[int, int]:
    """A window of about ``radius`` characters either side of a span, cut at line or word ends.

    Args:
        text: The document text.
        start: Span start offset.
        end: Span end offset.
        radius: Roughly how many characters of context to keep on each side.

    Returns:
        ``(window_start, window_end)``, containing ``start:end``.
    """
    start, end = clamp_span(len(text), start, end)
    lo = max(0, start - radius)
    hi = min(len(text), end + radius)
    if lo > 0:
        newline = text.find("\n", lo, start)
        if newline >= 0:
            lo = newline + 1
        else:
            space = text.find(" ", lo, start)
            lo = space + 1 if space >= 0 else lo
    if hi < len(text):
        newline = text.rfind("\n", end, hi)
        if newline >= 0:
            hi = newline
        else:
            space = text.rfind(" ", end, hi)
            hi = space if space >= 0 else hi
    return lo, hi


def highlight(
    text: str,
    start: int,
    end: int,
    span_style: Style | str,
    *,
    cut_before: bool = False,
    cut_after: bool = False,
) -> Text:
    """Rich text of ``text`` with ``text[start:end]`` styled as the cited span.

    Args:
        text: The text to show.
        start: Span start, relative to ``text``.
        end: Span end, relative to ``text``.
        span_style: Style of the cited span.
        cut_before: Put ``…`` before: the window starts inside a longer text.
        cut_after: Put ``…`` after: the window ends inside a longer text.
    """
    start, end = clamp_span(len(text), start, end)
    out = Text()
    if cut_before:
        out.append("… ")
    out.append(text[:start])
    out.append(text[start:end], style=span_style)
    out.append(text[end:])
    if cut_after:
        out.append(" …")
    return out
