"""Document → Chunks of whole sentences within paragraph bounds, with character offsets (pure)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from youthbot.text.sentences import split_paragraphs, split_sentences
from youthbot.types import Chunk, Document

#: Bump when chunk boundaries change, so old indexes are rebuilt rather than mixed (2: sentence
#: splitting keeps quoted titles whole and splits "Liepa.Arī"; headlines and dates re-read;
#: 3: junk words, see ``ChunkerConfig.max_word_chars``, are in no chunk).
CHUNKER_VERSION = "3"


@dataclass(frozen=True, slots=True)
class ChunkerConfig:
    """Bounds of a chunk.

    Attributes:
        max_chars: A chunk holds at most this many characters unless one sentence is longer.
        overlap_sentences: Sentences repeated at the start of the next chunk when a paragraph
            is longer than ``max_chars``.
        heading_chars: A paragraph this short without final punctuation is a heading and is
            kept with the paragraph that follows it.
        max_word_chars: A run of characters without white space longer than this is junk,
            not a word (the longest Latvian words, long URLs and e-mail addresses stay well
            below it): a pasted base64 blob, a 630 KB line of one character. Junk is left in
            the document text but is in no chunk and no embedded sentence; it separates the
            text around it like a paragraph break.
    """

    max_chars: int = 700
    overlap_sentences: int = 1
    heading_chars: int = 100
    max_word_chars: int = 100


@functools.lru_cache(maxsize=8)
def _junk_pattern(max_word_chars: int) -> re.Pattern[str]:
    return re.compile(rf"\S{{{max_word_chars + 1},}}")


def _stretches(text: str, cfg: ChunkerConfig) -> Iterator[tuple[int, int, bool]]:
    """(start, end, after_junk) of each paragraph, cut where junk words stand.

    ``after_junk`` is True when junk lies between this stretch and the one before it, so the
    two must not share a chunk.
    """
    junk = _junk_pattern(cfg.max_word_chars)
    broken = False
    for p_start, p_end in split_paragraphs(text):
        pos = p_start
        for match in junk.finditer(text, p_start, p_end):
            start, end = _trimmed(text, pos, match.start())
            if start < end:
                yield start, end, broken
            broken = True
            pos = match.end()
        start, end = _trimmed(text, pos, p_end)
        if start < end:
            yield start, end, broken
            broken = False


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``start:end`` without surrounding white space; empty when it holds no letter or digit."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if not any(ch.isalnum() for ch in text[start:end]):
        return start, start
    return start, end


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


def _blocks(text: str, cfg: ChunkerConfig) -> list[tuple[list[tuple[int, int]], bool]]:
    """Paragraphs as lists of sentence spans, headings joined to the paragraph after them;
    each with whether it may be packed with the block before it (no junk between)."""
    blocks: list[tuple[list[tuple[int, int]], bool]] = []
    pending: list[tuple[int, int]] = []
    pending_joinable = True
    for p_start, p_end, after_junk in _stretches(text, cfg):
        if after_junk and pending:  # a heading is not joined across junk
            blocks.append((pending, pending_joinable))
            pending = []
        sentences = _sentence_spans(text, p_start, p_end, cfg)
        if not sentences:
            continue
        joinable = not after_junk if not pending else pending_joinable
        if _is_heading(text, p_start, p_end, cfg):
            if not pending:
                pending_joinable = joinable
            pending.extend(sentences)
            continue
        blocks.append((pending + sentences, joinable))
        pending = []
    if pending:
        blocks.append((pending, pending_joinable))
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
    ends inside a sentence, never holds a junk word (see ``ChunkerConfig.max_word_chars``),
    and ``chunk.text == doc.text[chunk.start:chunk.end]``.

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
    for sentences, joinable in _blocks(text, cfg):
        all_sentences.extend(sentences)
        b_start, b_end = sentences[0][0], sentences[-1][1]
        if b_end - b_start <= cfg.max_chars:
            if current and joinable and b_end - current[0] <= cfg.max_chars:
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
