"""Document → Chunks of whole sentences within paragraph bounds, with character offsets (pure)."""

from __future__ import annotations

from dataclasses import dataclass

from youthbot.text.sentences import split_paragraphs, split_sentences
from youthbot.types import Chunk, Document

#: Bump when chunk boundaries change, so old indexes are rebuilt rather than mixed (2: sentence
#: splitting keeps quoted titles whole and splits "Liepa.Arī"; headlines and dates re-read).
CHUNKER_VERSION = "2"


@dataclass(frozen=True, slots=True)
class ChunkerConfig:
    """Bounds of a chunk.

    Attributes:
        max_chars: A chunk holds at most this many characters unless one sentence is longer.
        overlap_sentences: Sentences repeated at the start of the next chunk when a paragraph
            is longer than ``max_chars``.
        heading_chars: A paragraph this short without final punctuation is a heading and is
            kept with the paragraph that follows it.
    """

    max_chars: int = 700
    overlap_sentences: int = 1
    heading_chars: int = 100


def _is_heading(text: str, start: int, end: int, cfg: ChunkerConfig) -> bool:
    body = text[start:end].rstrip()
    return len(body) <= cfg.heading_chars and not body.endswith((".", "!", "?", "…", ":", "”", '"'))


def _hard_split(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """Split one over-long sentence at spaces so no piece exceeds ``limit``."""
    pieces = []
    while end - start > limit:
        cut = text.rfind(" ", start + limit // 2, start + limit)
        cut = cut if cut > start else start + limit
        pieces.append((start, cut))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        pieces.append((start, end))
    return pieces


def _sentence_spans(text: str, start: int, end: int, cfg: ChunkerConfig) -> list[tuple[int, int]]:
    spans = []
    for s, e in split_sentences(text, start, end):
        if e - s > 2 * cfg.max_chars:
            spans.extend(_hard_split(text, s, e, cfg.max_chars))
        else:
            spans.append((s, e))
    return spans


def _blocks(text: str, cfg: ChunkerConfig) -> list[list[tuple[int, int]]]:
    """Paragraphs as lists of sentence spans, headings joined to the paragraph after them."""
    blocks: list[list[tuple[int, int]]] = []
    pending: list[tuple[int, int]] = []
    for p_start, p_end in split_paragraphs(text):
        sentences = _sentence_spans(text, p_start, p_end, cfg)
        if not sentences:
            continue
        if _is_heading(text, p_start, p_end, cfg):
            pending.extend(sentences)
            continue
        blocks.append(pending + sentences)
        pending = []
    if pending:
        blocks.append(pending)
    return blocks


def chunk_document(doc: Document, cfg: ChunkerConfig | None = None) -> list[Chunk]:
    """Split a document into chunks of whole sentences (see :func:`split_document`)."""
    return split_document(doc, cfg)[0]


def split_document(
    doc: Document, cfg: ChunkerConfig | None = None
) -> tuple[list[Chunk], list[tuple[int, int]]]:
    """Split a document into chunks of whole sentences, and list those sentences.

    Short paragraphs are packed together up to ``max_chars``; a longer paragraph is cut into
    windows of whole sentences that overlap by ``overlap_sentences``. A chunk never starts or
    ends inside a sentence, and ``chunk.text == doc.text[chunk.start:chunk.end]``.

    Args:
        doc: The document (its ``text`` is what offsets point into).
        cfg: Chunk bounds; the defaults suit multilingual-e5-small.

    Returns:
        The chunks in document order, numbered from 0, and the (start, end) spans of every
        sentence (each lies inside at least one chunk).
    """
    cfg = cfg or ChunkerConfig()
    text = doc.text
    windows: list[tuple[int, int]] = []
    all_sentences: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None  # packed short paragraphs
    for sentences in _blocks(text, cfg):
        all_sentences.extend(sentences)
        b_start, b_end = sentences[0][0], sentences[-1][1]
        if b_end - b_start <= cfg.max_chars:
            if current and b_end - current[0] <= cfg.max_chars:
                current = (current[0], b_end)
            else:
                if current:
                    windows.append(current)
                current = (b_start, b_end)
            continue
        if current:
            windows.append(current)
            current = None
        windows.extend(_windows(sentences, cfg))
    if current:
        windows.append(current)
    chunks = [Chunk(doc.path, i, s, e, text[s:e]) for i, (s, e) in enumerate(windows)]
    return chunks, all_sentences


def _windows(sentences: list[tuple[int, int]], cfg: ChunkerConfig) -> list[tuple[int, int]]:
    """Sentence windows over one long paragraph, each within ``max_chars``, overlapping."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(sentences):
        j = i
        while j + 1 < len(sentences) and sentences[j + 1][1] - sentences[i][0] <= cfg.max_chars:
            j += 1
        out.append((sentences[i][0], sentences[j][1]))
        if j + 1 >= len(sentences):
            break
        i = max(i + 1, j + 1 - cfg.overlap_sentences)
    return out
