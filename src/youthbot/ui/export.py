"""The conversation as a Markdown document: questions, answers, citations and quoted spans."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from youthbot.types import Answer, Citation
from youthbot.ui.render import MARKER, has_unverified
from youthbot.ui.session import Exchange
from youthbot.ui.strings import Strings


def _quote_block(text: str) -> str:
    """``text`` as a Markdown block quote, one ``>`` per line."""
    lines = text.strip("\n").splitlines() or [""]
    return "\n".join(f"> {line}".rstrip() for line in lines)


def _unverified_text(answer: Answer, strings: Strings) -> str:
    """The answer text with the unverified mark after each unverified sentence."""
    text = answer.text
    for sentence in answer.sentences:
        if sentence.verified:
            continue
        probe = MARKER.sub("", sentence.text).strip()
        if probe and probe in text:
            text = text.replace(probe, f"{probe} {strings.unverified_mark}", 1)
    return text


def _citation_block(citation: Citation, strings: Strings) -> str:
    """One cited source: number, title, date, file, offsets, then the quoted span."""
    passage = citation.passage
    meta = [f"**[{citation.n}]** {passage.title}"]
    if passage.date:
        meta.append(passage.date)
    meta.append(f"`{passage.chunk.doc}`")
    meta.append(strings.export_span.format(start=citation.start, end=citation.end))
    return " — ".join(meta) + "\n\n" + _quote_block(citation.quote)


def _answer_block(exchange: Exchange, strings: Strings) -> list[str]:
    """The Markdown blocks of one answer (or of its cancellation)."""
    answer = exchange.answer
    if answer is None:
        blocks = []
        if exchange.streamed.strip():
            blocks.append(exchange.streamed.strip())
        blocks.append(strings.export_cancelled)
        return blocks
    blocks = [_unverified_text(answer, strings).strip() or strings.not_answered]
    if answer.mode == "llm" and answer.llm is not None:
        blocks.append(f"*{strings.mode_llm.format(model=answer.llm.model)}*")
    elif answer.llm is not None and answer.llm.fallback_reason:
        blocks.append(f"*{strings.mode_fallback}*")
    else:
        blocks.append(f"*{strings.mode_extractive}*")
    if has_unverified(answer):
        blocks.append(f"*{strings.unverified_legend}*")
    if answer.citations:
        blocks.append(f"### {strings.export_sources}")
        blocks.extend(_citation_block(c, strings) for c in answer.citations)
    return blocks


def conversation_markdown(exchanges: Sequence[Exchange], strings: Strings) -> str:
    """The whole conversation as Markdown.

    Each exchange becomes a ``##`` section with the question, the answer with its ``[n]``
    markers, and a list of the cited sources, each followed by its quoted span.

    Args:
        exchanges: The exchanges to write, in order; pending ones are left out.
        strings: Interface strings of the chosen language.

    Returns:
        The Markdown text, ending in a newline.
    """
    blocks = [f"# {strings.export_heading}"]
    number = 0
    for exchange in exchanges:
        if exchange.status == "pending":
            continue
        number += 1
        question = " ".join(exchange.question.split())
        blocks.append(f"## {number}. {strings.export_question}: {question}")
        blocks.extend(_answer_block(exchange, strings))
    return "\n\n".join(blocks) + "\n"


def write_conversation(path: Path, exchanges: Sequence[Exchange], strings: Strings) -> Path:
    """Write :func:`conversation_markdown` to ``path`` (UTF-8) and return the resolved path.

    Raises:
        OSError: The file cannot be written.
    """
    path = path.expanduser()
    path.write_text(conversation_markdown(exchanges, strings), encoding="utf-8")
    return path.resolve()
