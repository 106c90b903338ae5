"""The chat app's conversation as Markdown, written by the exporter the web page uses too."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from youthbot import export
from youthbot.ui.session import Exchange
from youthbot.ui.strings import Strings


def export_labels(strings: Strings) -> export.ExportLabels:
    """The exporter's words in the chat app's language."""
    return export.ExportLabels(
        heading=strings.export_heading,
        question=strings.export_question,
        sources=strings.export_sources,
        closest=strings.export_closest,
        span=strings.export_span,
        cancelled=strings.answer_cancelled,
        failed=strings.answer_failed,
        not_answered=strings.not_answered,
        mode_extractive=strings.mode_extractive,
        mode_llm=strings.mode_llm,
        mode_fallback=strings.mode_fallback,
        unverified_mark=strings.unverified_mark,
        unverified_legend=strings.unverified_legend,
    )


def conversation_markdown(exchanges: Sequence[Exchange], strings: Strings) -> str:
    """The whole conversation as Markdown (see :func:`youthbot.export.conversation_markdown`)."""
    return export.conversation_markdown(exchanges, export_labels(strings))


def write_conversation(path: Path, exchanges: Sequence[Exchange], strings: Strings) -> Path:
    """Write the conversation to ``path`` (UTF-8) and return the resolved path.

    Raises:
        OSError: The file cannot be written.
    """
    return export.write_conversation(path, exchanges, export_labels(strings))
