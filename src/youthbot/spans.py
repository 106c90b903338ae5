"""Character spans inside a document's text: clamping, their lines, a window of context (pure)."""

from __future__ import annotations


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
