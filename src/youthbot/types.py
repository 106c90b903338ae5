"""Plain types that carry the story: Document → Chunk → Passage → Answer with Citations."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

AnswerMode = Literal["extractive", "llm"]


@dataclass(frozen=True, slots=True)
class Document:
    """One ingested source file, cleaned; every character offset elsewhere points into ``text``.

    Attributes:
        path: The source file path as indexed (the ``doc`` field of the JSON contract).
        title: The document's title (first heading or line, else the file name).
        text: The cleaned text that is stored, chunked and quoted.
        date: ISO date the text gives (``YYYY-MM-DD``, or ``YYYY-MM`` / ``YYYY`` when partial).
        format: Reader that produced it: ``txt``, ``md``, ``html``, ``pdf`` or ``docx``.
        sha256: Hash of the raw file bytes, used to skip unchanged files.
    """

    path: str
    title: str
    text: str
    date: str | None
    format: str
    sha256: str


@dataclass(frozen=True, slots=True)
class Chunk:
    """A run of whole sentences from one document.

    Attributes:
        doc: ``Document.path`` of the document it comes from.
        ordinal: Its position among the document's chunks, from 0 (the JSON ``chunk``).
        start: Offset of its first character in ``Document.text``.
        end: Offset just past its last character; ``text == document.text[start:end]``.
        text: The chunk's text.
    """

    doc: str
    ordinal: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Passage:
    """A chunk retrieved for a query, with its score and the document's title and date."""

    chunk: Chunk
    score: float
    title: str
    date: str | None = None
    rank: int = 0

    def to_dict(self) -> dict[str, Any]:
        """The passage object of the JSON contract."""
        return {
            "rank": self.rank,
            "doc": self.chunk.doc,
            "title": self.title,
            "chunk": self.chunk.ordinal,
            "start": self.chunk.start,
            "end": self.chunk.end,
            "score": round(float(self.score), 6),
            "text": self.chunk.text,
        }


@dataclass(frozen=True, slots=True)
class Citation:
    """The ``[n]`` an answer sentence carries: an exact span of a retrieved passage's document.

    ``quote`` is exactly ``Document.text[start:end]`` and lies inside ``passage.chunk``.
    """

    n: int
    passage: Passage
    start: int
    end: int
    quote: str

    def to_dict(self) -> dict[str, Any]:
        """The citation object of the JSON contract."""
        return {
            "n": self.n,
            "doc": self.passage.chunk.doc,
            "title": self.passage.title,
            "chunk": self.passage.chunk.ordinal,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
        }


@dataclass(frozen=True, slots=True)
class AnswerSentence:
    """One sentence of an answer with the citation numbers it carries and whether they back it."""

    text: str
    citations: list[int]
    verified: bool

    def to_dict(self) -> dict[str, Any]:
        """The sentence object of the JSON contract."""
        return {"text": self.text, "citations": list(self.citations), "verified": self.verified}


@dataclass(frozen=True, slots=True)
class LLMInfo:
    """What happened with the LLM endpoint for one answer (never holds the API key)."""

    model: str
    url_host: str
    latency_ms: float | None
    fallback_reason: str | None = None
    #: ``[n]`` markers the model wrote for passages it was not given (removed from the text).
    removed_markers: int = 0

    def to_dict(self) -> dict[str, Any]:
        """The ``llm`` object of the JSON contract."""
        return {
            "model": self.model,
            "url_host": self.url_host,
            "latency_ms": None if self.latency_ms is None else round(self.latency_ms, 1),
            "fallback_reason": self.fallback_reason,
            "removed_markers": self.removed_markers,
        }


@dataclass(slots=True)
class Answer:
    """An answer to a question with the evidence it cites and the passages it was drawn from.

    Attributes:
        question: The question as asked (after any follow-up rewrite, see ``standalone``).
        answered: False when the corpus does not hold the answer.
        text: The answer, each sentence followed by its ``[n]`` markers.
        mode: ``extractive`` or ``llm``.
        citations: The ``[n]`` targets, numbered from 1.
        passages: The retrieved passages, best first.
        sentences: The answer split into sentences with their citations and verification.
        llm: Endpoint details when an LLM was configured, else None.
        standalone: The question used for retrieval when it differs from ``question``.
    """

    question: str
    answered: bool
    text: str
    mode: AnswerMode
    citations: list[Citation] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    sentences: list[AnswerSentence] = field(default_factory=list)
    llm: LLMInfo | None = None
    standalone: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The answer object of the JSON contract (``youthbot ask --json``)."""
        out: dict[str, Any] = {
            "question": self.question,
            "answered": self.answered,
            "answer": self.text,
            "mode": self.mode,
            "citations": [c.to_dict() for c in self.citations],
            "passages": [p.to_dict() for p in self.passages],
            "sentences": [s.to_dict() for s in self.sentences],
        }
        if self.llm is not None:
            out["llm"] = self.llm.to_dict()
        if self.standalone is not None and self.standalone != self.question:
            out["standalone_question"] = self.standalone
        return out


@dataclass(frozen=True, slots=True)
class Turn:
    """One earlier exchange of a conversation: the question asked and the answer text shown."""

    question: str
    answer: str
