"""A cited span shown highlighted inside its document text (Rich text for the chat app)."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text

from youthbot.spans import clamp_span, context_bounds, paragraph_bounds

__all__ = ["clamp_span", "context_bounds", "highlight", "paragraph_bounds"]


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
