"""Cited answers written by an LLM from retrieved passages, with every citation checked."""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from youthbot.answer.cite import EMBEDDING_SUPPORT, MARKER, SentenceVectors, verify_answer
from youthbot.answer.llm import LLMClient, LLMEmptyAnswerError
from youthbot.answer.prompts import (
    NO_ANSWER_SENTINEL,
    NO_ANSWER_TEXT,
    NOT_FOUND_PATTERNS,
    answer_messages,
    visible_text,
)
from youthbot.types import Answer, LLMInfo, Passage

if TYPE_CHECKING:
    import numpy as np

logger = logging.getLogger(__name__)

_SENTINEL = re.compile(r"[*_`\"'“”„]*" + NO_ANSWER_SENTINEL + r"[*_`\"'“”.]*", re.IGNORECASE)


def says_no_answer(text: str) -> bool:
    """True when the model's reply says the passages do not contain the answer.

    Either it wrote the sentinel line and cited nothing else, or it cited nothing and said in
    words (Latvian or English) that the passages do not say.
    """
    cites = MARKER.search(text) is not None
    if _SENTINEL.search(text):
        return not cites or not _SENTINEL.sub("", text).strip()
    return not cites and NOT_FOUND_PATTERNS.search(text) is not None


_OPEN_THINK = re.compile(re.escape("<think>"), re.IGNORECASE)
_CLOSE_THINK = re.compile(re.escape("</think>"), re.IGNORECASE)


def _partial_tag(text: str, tag: str) -> int:
    """Length of the longest end of ``text`` that begins ``tag`` (case-insensitive)."""
    for n in range(min(len(tag) - 1, len(text)), 0, -1):
        if tag.startswith(text[-n:].lower()):
            return n
    return 0


class _TokenRelay:
    """Passes streamed text to a callback, hiding reasoning blocks and the no-answer sentinel.

    Each delta is looked at once (the work is linear in the reply's length): reasoning
    blocks (``<think>…</think>``, an unclosed one hiding the rest) are cut as they stream,
    the start is held while it could still become the sentinel, and nothing more is sent
    once the sentinel appears.
    """

    def __init__(self, sink: Callable[[str], None] | None) -> None:
        self.sink = sink
        self.tail = ""  # raw text not yet known to be visible or hidden (a partial tag)
        self.in_think = False
        self.pending = ""  # visible text not yet sent
        self.recent = ""  # the end of the text sent, to find a sentinel split over deltas
        self.started = False
        self.stopped = False

    def feed(self, delta: str) -> None:
        if self.sink is None or self.stopped:
            return
        self.tail += delta
        visible: list[str] = []
        while self.tail:
            if self.in_think:
                close = _CLOSE_THINK.search(self.tail)
                if close is None:
                    keep = _partial_tag(self.tail, "</think>")
                    self.tail = self.tail[len(self.tail) - keep :] if keep else ""
                    break
                self.tail = self.tail[close.end() :]
                self.in_think = False
                continue
            opening = _OPEN_THINK.search(self.tail)
            if opening is None:
                cut = len(self.tail) - _partial_tag(self.tail, "<think>")
                visible.append(self.tail[:cut])
                self.tail = self.tail[cut:]
                break
            visible.append(self.tail[: opening.start()])
            self.tail = self.tail[opening.end() :]
            self.in_think = True
        self._show("".join(visible))

    def _show(self, text: str) -> None:
        self.pending += text
        if not self.pending:
            return
        if not self.started:
            head = self.pending.strip().upper()
            if head and NO_ANSWER_SENTINEL.startswith(head):
                return  # could still become the sentinel: hold it back
            self.started = True
        if NO_ANSWER_SENTINEL in (self.recent + self.pending).upper():
            self.stopped = True
            return
        assert self.sink is not None
        self.sink(self.pending)
        self.recent = (self.recent + self.pending)[-len(NO_ANSWER_SENTINEL) :]
        self.pending = ""


def answer_with_llm(
    question: str,
    passages: list[Passage],
    *,
    client: LLMClient,
    document_text: Callable[[str], str],
    content_words: Callable[[str], list[str]],
    embed: Callable[[list[str]], np.ndarray] | None = None,
    sentence_vectors: SentenceVectors | None = None,
    embedding_support: float = EMBEDDING_SUPPORT,
    language: str = "lv",
    on_token: Callable[[str], None] | None = None,
    cancel: threading.Event | None = None,
) -> Answer:
    """Ask the LLM for an answer drawn only from ``passages`` and check its citations.

    Args:
        question: The standalone question (after any follow-up rewrite).
        passages: Retrieved passages, best first; the prompt numbers them from 1.
        client: The LLM endpoint.
        document_text: The stored text of a document, by path (for exact quotes).
        content_words: Latvian-normalised content words of a text.
        embed: Vectors for answer sentences (e5: the ``query`` kind), or None to verify by
            words only. Called only for sentences whose words the passages do not cover.
        sentence_vectors: Stored (start, end, vector) of a passage's sentences (e5: the
            ``passage`` kind); without it the cited passages' sentences are embedded too.
        embedding_support: Cosine similarity that backs a sentence (see ``cite``).
        language: ISO 639-1 code of the question's language; the answer is written in it.
        on_token: Called with each piece of visible text as it streams in.
        cancel: Set from another thread to abandon the request.

    Returns:
        An answer with mode ``llm``: each sentence carries its citations and whether they back
        it; ``answered`` is False when the model says the passages do not hold the answer.

    Raises:
        LLMError: Any endpoint failure (unreachable, timeout, HTTP error, malformed or cut
            stream, cancelled) or an empty reply; the caller falls back to an extractive answer.
    """
    no_answer = NO_ANSWER_TEXT.get(language, NO_ANSWER_TEXT["en"])
    if not passages:
        info = LLMInfo(client.model, client.url_host, latency_ms=0.0)
        return Answer(question, False, no_answer, "llm", llm=info)
    messages = answer_messages(question, passages, language=language)
    relay = _TokenRelay(on_token)
    parts: list[str] = []
    started = time.perf_counter()
    for delta in client.stream_chat(messages, cancel=cancel):
        parts.append(delta)
        relay.feed(delta)
    info = LLMInfo(client.model, client.url_host, (time.perf_counter() - started) * 1000)
    text = visible_text("".join(parts)).strip()
    if not text:
        raise LLMEmptyAnswerError("LLM returned an empty answer")
    if says_no_answer(text):
        return Answer(question, False, no_answer, "llm", passages=list(passages), llm=info)
    checked = verify_answer(
        _SENTINEL.sub("", text),
        passages,
        document_text=document_text,
        content_words=content_words,
        embed=embed,
        sentence_vectors=sentence_vectors,
        embedding_support=embedding_support,
    )
    if not checked.text:
        raise LLMEmptyAnswerError("LLM returned an empty answer")
    info = replace(info, removed_markers=checked.unknown_markers)
    if checked.unknown_markers or checked.unverified:
        logger.info(
            "LLM answer: %d unknown marker(s) removed, %d of %d sentence(s) unverified",
            checked.unknown_markers,
            checked.unverified,
            len(checked.sentences),
        )
    return Answer(
        question,
        True,
        checked.text,
        "llm",
        citations=checked.citations,
        passages=list(passages),
        sentences=checked.sentences,
        llm=info,
    )
