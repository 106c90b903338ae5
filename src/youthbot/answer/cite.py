"""Verify an LLM answer's [n] citations against the passages it was given, sentence by sentence."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from youthbot.text.sentences import split_sentences
from youthbot.types import AnswerSentence, Citation, Passage

if TYPE_CHECKING:
    import numpy as np

#: The stored (start, end, vector) of the sentences inside a passage (document offsets).
SentenceVectors = Callable[[Passage], "Sequence[tuple[int, int, np.ndarray]]"]

logger = logging.getLogger(__name__)

#: Share of a sentence's content words that the cited passages must contain to back it.
LEXICAL_SUPPORT = 0.5
#: Cosine similarity (e5 query to passage) to a cited passage's sentence that backs a sentence
#: its words do not (a paraphrase, or an answer in another language than the passages).
EMBEDDING_SUPPORT = 0.845
#: A quote made of several passage sentences is kept only up to this many characters.
MAX_QUOTE_CHARS = 600

#: A citation marker group: [1], [1, 3], [1; 3], [2-4], [ 2 ].
MARKER = re.compile(r"[ \t]*\[\s*(\d+(?:\s*[,;–-]\s*\d+)*)\s*\]")
_NUMBER = re.compile(r"\d+")
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")


@dataclass(slots=True)
class VerifiedAnswer:
    """An LLM answer after its citations were checked.

    Attributes:
        text: The answer with only valid markers, each sentence followed by its ``[n]``s.
        sentences: Each sentence (text without markers), its citations and whether they back it.
        citations: One per cited passage number, in order of first use, quoting the passage
            sentence(s) that best support the sentences citing it.
        unknown_markers: How many cited numbers named no given passage and were removed.
        support: For each sentence, the best support score found (lexical or embedding).
    """

    text: str
    sentences: list[AnswerSentence] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    unknown_markers: int = 0
    support: list[float] = field(default_factory=list)

    @property
    def unverified(self) -> int:
        """How many sentences their citations do not back."""
        return sum(not s.verified for s in self.sentences)


@dataclass(slots=True)
class _Claim:
    """One answer sentence while it is being checked."""

    start: int
    end: int
    text: str
    cites: list[int]


@dataclass(slots=True)
class _Source:
    """The sentences of one cited passage, with document offsets and content words."""

    passage: Passage
    document: str
    spans: list[tuple[int, int]]
    words: list[set[str]]
    all_words: set[str]
    numbers: set[str]
    vectors: np.ndarray | None = None


def parse_markers(text: str, count: int) -> tuple[str, list[tuple[int, list[int]]], int]:
    """Remove every marker group from ``text``, keeping where each stood.

    Args:
        text: Answer text with ``[n]`` markers.
        count: How many passages were given; valid numbers are 1..count.

    Returns:
        The text without markers, (offset in that text, valid numbers) for each group, and how
        many numbers were unknown.
    """
    plain: list[str] = []
    groups: list[tuple[int, list[int]]] = []
    unknown = 0
    last = 0
    length = 0
    for match in MARKER.finditer(text):
        piece = text[last : match.start()]
        plain.append(piece)
        length += len(piece)
        numbers: list[int] = []
        for part in re.split(r"\s*[,;]\s*", match.group(1)):
            ends = [int(x) for x in re.split(r"\s*[–-]\s*", part)]
            span = range(ends[0], ends[-1] + 1) if len(ends) == 2 and ends[0] <= ends[1] else ends
            for n in span:
                if 1 <= n <= count:
                    numbers.append(n)
                else:
                    unknown += 1
        groups.append((length, numbers))
        last = match.end()
    plain.append(text[last:])
    return "".join(plain), groups, unknown


def _claims(plain: str, groups: list[tuple[int, list[int]]]) -> list[_Claim]:
    """Split the marker-free text into sentences (line by line) and give each its markers."""
    spans: list[tuple[int, int]] = []
    offset = 0
    for line in plain.splitlines(keepends=True):
        for s, e in split_sentences(line):
            if any(ch.isalnum() for ch in line[s:e]):
                spans.append((offset + s, offset + e))
        offset += len(line)
    claims = [_Claim(s, e, plain[s:e], []) for s, e in spans]
    if not claims:
        return claims
    for pos, numbers in groups:
        # A marker belongs to the last sentence that starts before it ("… [1]." and "…. [1]").
        owner = claims[0]
        for claim in claims:
            if claim.start < pos:
                owner = claim
            else:
                break
        for n in numbers:
            if n not in owner.cites:
                owner.cites.append(n)
    return claims


def _rebuild(plain: str, claims: list[_Claim]) -> str:
    """The answer text: the model's text with each sentence's markers after it, as ``[n][m]``."""
    out: list[str] = []
    last = 0
    for claim in claims:
        out.append(plain[last : claim.start])
        out.append(claim.text)
        if claim.cites:
            out.append(" " + "".join(f"[{n}]" for n in claim.cites))
        last = claim.end
    out.append(plain[last:])
    return "".join(out).strip()


def verify_answer(
    text: str,
    passages: Sequence[Passage],
    *,
    document_text: Callable[[str], str],
    content_words: Callable[[str], list[str]],
    embed: Callable[[list[str]], np.ndarray] | None = None,
    sentence_vectors: SentenceVectors | None = None,
    embedding_support: float = EMBEDDING_SUPPORT,
) -> VerifiedAnswer:
    """Check an LLM answer's citations against the passages it was given.

    Markers naming no given passage are removed and counted. A sentence is backed when it
    cites a passage, every number it states appears in the cited passages, and either at least
    ``LEXICAL_SUPPORT`` of its content words occur there or (only then is anything embedded)
    it is at least ``embedding_support`` similar to one sentence of a cited passage.

    Args:
        text: The model's answer, with ``[n]`` markers numbered as in the prompt.
        passages: The passages the prompt numbered 1..len(passages).
        document_text: The stored text of a document, by path (quotes are slices of it).
        content_words: Latvian-normalised content words of a text.
        embed: Unit vectors for answer sentences (e5: the ``query`` kind), or None to check
            lexically only.
        sentence_vectors: The stored (start, end, vector) of the sentences inside a passage
            (e5: the ``passage`` kind); without it, passage sentences are split here and
            embedded with ``embed``.
        embedding_support: Cosine similarity that backs a sentence on its own; the default
            suits multilingual-e5-small.

    Returns:
        The checked answer.
    """
    plain, groups, unknown = parse_markers(text, len(passages))
    if unknown:
        logger.info("Removed %d citation marker(s) naming no given passage", unknown)
    claims = _claims(plain, groups)
    words_cache: dict[str, set[str]] = {}

    def words(s: str) -> set[str]:
        if s not in words_cache:
            words_cache[s] = set(content_words(_BULLET.sub("", s)))
        return words_cache[s]

    sources = {
        n: _source(passages[n - 1], document_text, words, sentence_vectors)
        for n in sorted({n for c in claims for n in c.cites})
    }
    lexical: list[float] = []
    numbers_ok: list[bool] = []
    for claim in claims:
        cited = [sources[n] for n in claim.cites]
        pool = set().union(*(s.all_words for s in cited)) if cited else set()
        numbers = set().union(*(s.numbers for s in cited)) if cited else set()
        lexical.append(_coverage(words(claim.text), pool) if cited else 0.0)
        numbers_ok.append(bool(cited) and set(_NUMBER.findall(claim.text)) <= numbers)
    # Embed only the sentences that words alone do not back, and only what they cite.
    doubtful = [
        i for i, c in enumerate(claims) if numbers_ok[i] and lexical[i] < LEXICAL_SUPPORT
    ]
    dense = _dense(claims, doubtful, sources, embed) if embed is not None and doubtful else {}

    sentences: list[AnswerSentence] = []
    support: list[float] = []
    picks: dict[int, list[tuple[float, int, int]]] = {}
    for i, claim in enumerate(claims):
        claim_words = words(claim.text)
        similarity = max((max(dense.get((i, n)) or [0.0]) for n in claim.cites), default=0.0)
        verified = numbers_ok[i] and (
            lexical[i] >= LEXICAL_SUPPORT or similarity >= embedding_support
        )
        for n in claim.cites:
            picks.setdefault(n, []).append(_best_span(claim_words, sources[n], dense.get((i, n))))
        sentences.append(AnswerSentence(claim.text.strip(), list(claim.cites), verified))
        support.append(round(max(lexical[i], similarity), 4))

    citations = [_citation(n, sources[n], picks[n]) for n in _first_use(claims)]
    return VerifiedAnswer(_rebuild(plain, claims), sentences, citations, unknown, support)


def _source(
    passage: Passage,
    document_text: Callable[[str], str],
    words: Callable[[str], set[str]],
    sentence_vectors: SentenceVectors | None,
) -> _Source:
    """A cited passage's sentences with document offsets (and stored vectors when given)."""
    chunk = passage.chunk
    try:
        document = document_text(chunk.doc)
    except Exception as exc:  # a missing document must not lose the answer
        logger.warning("Cannot read %s to quote it (%s); quoting the chunk", chunk.doc, exc)
        document = ""
    if document[chunk.start : chunk.end] != chunk.text:
        # The chunk is the truth for quoting; pad so its offsets still hold.
        document = " " * chunk.start + chunk.text
    spans: list[tuple[int, int]] = []
    vectors = None
    if sentence_vectors is not None:
        stored = [
            (s, e, v) for s, e, v in sentence_vectors(passage)
            if chunk.start <= s < e <= chunk.end and document[s:e].strip()
        ]
        if stored:
            import numpy as np

            spans = [(s, e) for s, e, _ in stored]
            vectors = _unit(np.vstack([np.asarray(v, dtype=np.float32) for _, _, v in stored]))
    if not spans:
        spans = [
            (s, e)
            for s, e in split_sentences(document, chunk.start, chunk.end)
            if document[s:e].strip()
        ] or [(chunk.start, chunk.end)]
    sentence_words = [words(document[s:e]) for s, e in spans]
    return _Source(
        passage,
        document,
        spans,
        sentence_words,
        set().union(*sentence_words) | words(chunk.text),
        set(_NUMBER.findall(chunk.text)),
        vectors,
    )


def _unit(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (zero rows left as they are)."""
    import numpy as np

    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return vectors / norms


def _coverage(claim_words: set[str], source_words: set[str]) -> float:
    """Share of the claim's content words found in the source (1.0 for a claim with none)."""
    if not claim_words:
        return 1.0
    return len(claim_words & source_words) / len(claim_words)


def _dense(
    claims: list[_Claim],
    doubtful: list[int],
    sources: dict[int, _Source],
    embed: Callable[[list[str]], np.ndarray],
) -> dict[tuple[int, int], list[float]]:
    """Cosine similarity of each doubtful claim to every sentence of each passage it cites.

    One call to ``embed`` covers the claims and any cited passage without stored vectors.
    """
    needed = sorted({n for i in doubtful for n in claims[i].cites})
    missing = [n for n in needed if sources[n].vectors is None]
    texts = [claims[i].text.strip() for i in doubtful]
    for n in missing:
        texts.extend(sources[n].document[s:e] for s, e in sources[n].spans)
    vectors = _unit(embed(texts))
    offset = len(doubtful)
    for n in missing:
        count = len(sources[n].spans)
        sources[n].vectors = vectors[offset : offset + count]
        offset += count
    out: dict[tuple[int, int], list[float]] = {}
    for row, i in enumerate(doubtful):
        for n in claims[i].cites:
            source_vectors = sources[n].vectors
            if source_vectors is None or source_vectors.shape[1] != vectors.shape[1]:
                continue  # stored vectors from another model: words alone decide
            out[(i, n)] = [float(x) for x in source_vectors @ vectors[row]]
    return out


def _best_span(
    claim_words: set[str], source: _Source, similarities: list[float] | None
) -> tuple[float, int, int]:
    """(score, start, end) of the cited passage's sentence that best supports a claim."""
    best = (-1.0, source.spans[0][0], source.spans[0][1])
    for j, (s, e) in enumerate(source.spans):
        score = _coverage(claim_words, source.words[j]) + (similarities[j] if similarities else 0.0)
        if score > best[0]:
            best = (score, s, e)
    return best


def _first_use(claims: list[_Claim]) -> list[int]:
    """Cited passage numbers in order of first use."""
    seen: list[int] = []
    for claim in claims:
        seen.extend(n for n in claim.cites if n not in seen)
    return seen


def _citation(n: int, source: _Source, picks: list[tuple[float, int, int]]) -> Citation:
    """The citation of passage ``n``: the span covering its best sentences, or the best one."""
    start = min(p[1] for p in picks)
    end = max(p[2] for p in picks)
    if end - start > MAX_QUOTE_CHARS:
        _, start, end = max(picks, key=lambda p: p[0])
    return Citation(n, source.passage, start, end, source.document[start:end])
