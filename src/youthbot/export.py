"""A conversation as Markdown with citations and quoted spans; the chat app and web share it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

from youthbot.types import Answer, Citation

MARKER = re.compile(r"\[(\d+)\]")
"""A citation marker ``[n]`` in answer text."""

EntryStatus = Literal["pending", "answered", "cancelled", "failed"]


class ConversationEntry(Protocol):
    """What the exporter reads of one exchange (the chat app's and the web's both fit)."""

    @property
    def question(self) -> str: ...
    @property
    def answer(self) -> Answer | None: ...
    @property
    def status(self) -> EntryStatus: ...
    @property
    def streamed(self) -> str: ...


@dataclass(frozen=True, slots=True)
class ExportLabels:
    """The words of an exported conversation, in the interface's language.

    ``span`` has ``{start}`` and ``{end}``, ``mode_llm`` has ``{model}``.
    """

    heading: str
    question: str
    sources: str
    closest: str
    span: str
    cancelled: str
    failed: str
    not_answered: str
    mode_extractive: str
    mode_llm: str
    mode_fallback: str
    unverified_mark: str
    unverified_legend: str


def has_unverified(answer: Answer) -> bool:
    """True when an LLM answer holds a sentence its citations do not back."""
    return answer.mode == "llm" and any(not s.verified for s in answer.sentences)


def unverified_ends(answer: Answer) -> list[int]:
    """Offsets in ``answer.text`` just past each unverified sentence and its own ``[n]`` markers.

    Only LLM answers are checked sentence by sentence; extractive ones quote the sources.
    """
    if answer.mode != "llm":
        return []
    text = answer.text
    trailing = re.compile(r"\s*\[\d+\]")
    ends: list[int] = []
    pos = 0
    for sentence in answer.sentences:
        probe = MARKER.sub("", sentence.text).strip()
        if not probe:
            continue
        found = text.find(probe, pos)
        if found < 0:
            continue
        end = found + len(probe)
        while (match := trailing.match(text, end)) is not None:
            end = match.end()
        if not sentence.verified:
            ends.append(end)
        pos = end
    return ends


def mark_unverified(answer: Answer, mark: str) -> str:
    """The answer text with `` {mark}`` after each unverified sentence (and its markers)."""
    text = answer.text
    out: list[str] = []
    last = 0
    for end in unverified_ends(answer):
        out.append(text[last:end])
        out.append(f" {mark}")
        last = end
    out.append(text[last:])
    return "".join(out)


def closest_sources(answer: Answer) -> list[Citation]:
    """What a reader is offered as sources: the citations, or else the closest passages.

    An answer that found nothing cites nothing; its retrieved passages are then offered as
    whole-chunk spans numbered by rank, so they can still be read (and exported).
    """
    if answer.citations:
        return list(answer.citations)
    return [
        Citation(n, p, p.chunk.start, p.chunk.end, p.chunk.text)
        for n, p in enumerate(answer.passages, start=1)
    ]


def _quote_block(text: str) -> str:
    """``text`` as a Markdown block quote, one ``>`` per line."""
    lines = text.strip("\n").splitlines() or [""]
    return "\n".join(f"> {line}".rstrip() for line in lines)


def _citation_block(citation: Citation, labels: ExportLabels) -> str:
    """One source: number, title, date, file, offsets, then the quoted span."""
    passage = citation.passage
    meta = [f"**[{citation.n}]** {passage.title}"]
    if passage.date:
        meta.append(passage.date)
    meta.append(f"`{passage.chunk.doc}`")
    meta.append(labels.span.format(start=citation.start, end=citation.end))
    return " — ".join(meta) + "\n\n" + _quote_block(citation.quote)


def _answer_blocks(entry: ConversationEntry, labels: ExportLabels) -> list[str]:
    """The Markdown blocks of one answer (or of its cancellation or failure)."""
    answer = entry.answer
    if answer is None:
        blocks = []
        if entry.streamed.strip():
            blocks.append(entry.streamed.strip())
        blocks.append(f"*{labels.failed if entry.status == 'failed' else labels.cancelled}*")
        return blocks
    blocks = [mark_unverified(answer, labels.unverified_mark).strip() or labels.not_answered]
    if answer.mode == "llm" and answer.llm is not None:
        blocks.append(f"*{labels.mode_llm.format(model=answer.llm.model)}*")
    elif answer.llm is not None and answer.llm.fallback_reason:
        blocks.append(f"*{labels.mode_fallback}*")
    elif answer.answered:
        blocks.append(f"*{labels.mode_extractive}*")
    if has_unverified(answer):
        blocks.append(f"*{labels.unverified_legend}*")
    sources = closest_sources(answer)
    if sources:
        blocks.append(f"### {labels.sources if answer.citations else labels.closest}")
        blocks.extend(_citation_block(c, labels) for c in sources)
    return blocks


def conversation_markdown(entries: Sequence[ConversationEntry], labels: ExportLabels) -> str:
    """The whole conversation as Markdown.

    Each exchange becomes a ``##`` section with the question, the answer with its ``[n]``
    markers, and its sources, each followed by its quoted span; an answer that found nothing
    lists the closest passages it offered instead.

    Args:
        entries: The exchanges to write, in order; pending ones are left out.
        labels: The words to use, in the interface's language.

    Returns:
        The Markdown text, ending in a newline.
    """
    blocks = [f"# {labels.heading}"]
    number = 0
    for entry in entries:
        if entry.status == "pending":
            continue
        number += 1
        question = " ".join(entry.question.split())
        blocks.append(f"## {number}. {labels.question}: {question}")
        blocks.extend(_answer_blocks(entry, labels))
    return "\n\n".join(blocks) + "\n"


def write_conversation(
    path: Path, entries: Sequence[ConversationEntry], labels: ExportLabels
) -> Path:
    """Write :func:`conversation_markdown` to ``path`` (UTF-8) and return the resolved path.

    Raises:
        OSError: The file cannot be written.
    """
    path = path.expanduser()
    path.write_text(conversation_markdown(entries, labels), encoding="utf-8")
    return path.resolve()
