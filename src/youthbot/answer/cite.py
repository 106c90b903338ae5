"""Verify an LLM answer's [n] citations against the passages it was given, sentence by sentence."""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from youthbot.text.lang import detect_language
from youthbot.text.sentences import split_sentences
from youthbot.tuning import DEFAULT_TUNING
from youthbot.types import AnswerSentence, Citation, Passage

if TYPE_CHECKING:
    import numpy as np

#: The stored (start, end, vector) of the sentences inside a passage (document offsets).
SentenceVectors = Callable[[Passage], "Sequence[tuple[int, int, np.ndarray]]"]

logger = logging.getLogger(__name__)

# The thresholds are documented in youthbot.tuning (one settings object for all of them).
LEXICAL_SUPPORT = DEFAULT_TUNING.lexical_support
EMBEDDING_SUPPORT = DEFAULT_TUNING.embedding_support
PAIR_PENALTY = DEFAULT_TUNING.pair_penalty
MAX_QUOTE_CHARS = DEFAULT_TUNING.max_quote_chars

#: A citation marker group: [1], [1, 3], [1; 3], [2-4], [ 2 ]. Possessive quantifiers keep
#: matching linear in the text's length, however hostile; the white space before a group is
#: trimmed separately (a leading ``[ \t]*`` would make long runs of spaces quadratic).
MARKER = re.compile(r"\[[ \t]*+(\d++(?:[ \t]*+[,;–-][ \t]*+\d++)*+)[ \t]*+\]")
#: Numbers longer than this are not read (Python refuses very long ones): they are unknown.
_MAX_DIGITS = 12
#: A range ``[a-b]`` is never expanded past the passages given; the numbers outside them
#: count as unknown, at most this many per range.
MAX_RANGE = 100
_NUMBER = re.compile(r"\d+")
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
_WORD = re.compile(r"[^\W\d_][\w\-]*")


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
    """One cited passage: its sentences (document offsets), their words, numbers and vectors."""

    passage: Passage
    document: str
    spans: list[tuple[int, int]]
    words: list[set[str]]
    all_words: set[str]
    numbers: set[str]
    language: str
    vectors: np.ndarray | None = None

    def windows(self) -> list[tuple[int, int]]:
        """Sentence index ranges [a, b] a quote may cover: one sentence or two adjacent ones."""
        count = len(self.spans)
        return [(j, j) for j in range(count)] + [(j, j + 1) for j in range(count - 1)]

    def window_words(self, a: int, b: int) -> set[str]:
        """Content words of sentences a..b."""
        return self.words[a] | self.words[b]


def parse_markers(text: str, count: int) -> tuple[str, list[tuple[int, list[int]]], int]:
    """Remove every marker group from ``text``, keeping where each stood.

    Runs in time linear in ``text``: a range is clamped to the passages given, never expanded
    past them (``[1-9999999999]`` with five passages is 1–5, and ``MAX_RANGE`` unknown).

    Args:
        text: Answer text with ``[n]`` markers.
        count: How many passages were given; valid numbers are 1..count.

    Returns:
        The text without markers (and the spaces or tabs before them), (offset in that text,
        valid numbers) for each group, and how many numbers were unknown.
    """
    plain: list[str] = []
    groups: list[tuple[int, list[int]]] = []
    unknown = 0
    last = 0
    length = 0
    for match in MARKER.finditer(text):
        piece = text[last : match.start()].rstrip(" \t")
        plain.append(piece)
        length += len(piece)
        numbers: list[int] = []
        for part in re.split(r"[ \t]*[,;][ \t]*", match.group(1)):
            ends = [
                int(x) if len(x) <= _MAX_DIGITS else 10**_MAX_DIGITS
                for x in re.split(r"[ \t]*[–-][ \t]*", part)
            ]
            if len(ends) == 2 and ends[0] <= ends[1]:
                lo, hi = max(ends[0], 1), min(ends[1], count)
                valid = range(lo, hi + 1)
                unknown += min(ends[1] - ends[0] + 1 - len(valid), MAX_RANGE)
                numbers.extend(n for n in valid if n not in numbers)
                continue
            for n in ends:
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
    starts = [claim.start for claim in claims]
    for pos, numbers in groups:
        # A marker belongs to the last sentence that starts before it ("… [1]." and "…. [1]").
        owner = claims[max(0, bisect.bisect_left(starts, pos) - 1)]
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
    cites a passage, every number it states occurs in the cited passages, and either its words
    are there (every capitalised name, and ``LEXICAL_SUPPORT`` of its content words within one
    or two adjacent sentences of each cited passage) or, when it is written in another
    language than a cited passage, it is at least ``embedding_support`` similar to one of that
    passage's sentences. Only such sentences are embedded.

    Args:
        text: The model's answer, with ``[n]`` markers numbered as in the prompt.
        passages: The passages the prompt numbered 1..len(passages).
        document_text: The stored text of a document, by path (quotes are slices of it).
        content_words: Latvian-normalised content words of a text.
        embed: Unit vectors for answer sentences (e5: the ``query`` kind), or None to check
            by words only.
        sentence_vectors: The stored (start, end, vector) of the sentences inside a passage
            (e5: the ``passage`` kind); without it, passage sentences are split here and
            embedded with ``embed`` when needed.
        embedding_support: Cosine similarity that backs a sentence on its own; the default
            suits multilingual-e5-small.

    Returns:
        The checked answer.
    """
    plain, groups, unknown = parse_markers(text, len(passages))
    if unknown:
        logger.info("Removed %d citation marker(s) naming no given passage", unknown)
    claims = _claims(plain, groups)
    cache: dict[str, set[str]] = {}

    def words(s: str) -> set[str]:
        if s not in cache:
            cache[s] = set(content_words(_BULLET.sub("", s)))
        return cache[s]

    documents: dict[str, str] = {}

    def document(path: str) -> str:
        if path not in documents:
            documents[path] = document_text(path)
        return documents[path]

    sources = {
        n: _source(passages[n - 1], document, words, sentence_vectors)
        for n in sorted({n for c in claims for n in c.cites})
    }
    lexical: list[float] = []
    facts_ok: list[bool] = []
    names_ok: list[bool] = []
    for claim in claims:
        cited = [sources[n] for n in claim.cites]
        claim_words = words(claim.text)
        pool: set[str] = set()
        for source in cited:
            pool |= max(
                (source.window_words(a, b) for a, b in source.windows()),
                key=lambda window: _coverage(claim_words, window),
            )
        everything = set().union(*(s.all_words for s in cited)) if cited else set()
        numbers = set().union(*(s.numbers for s in cited)) if cited else set()
        lexical.append(_coverage(claim_words, pool) if cited else 0.0)
        facts_ok.append(bool(cited) and set(_NUMBER.findall(claim.text)) <= numbers)
        names_ok.append(all(keys & everything for keys in _names(claim.text, words)))
    by_words = [
        facts_ok[i] and names_ok[i] and lexical[i] >= LEXICAL_SUPPORT for i in range(len(claims))
    ]
    # Words cannot meet across languages: there, and only there, meaning is compared.
    cross = {
        i: [n for n in claims[i].cites if sources[n].language != detect_language(claims[i].text)]
        for i in range(len(claims))
        if facts_ok[i] and not by_words[i]
    }
    cross = {i: ns for i, ns in cross.items() if ns}
    dense = _dense(claims, cross, sources, embed) if embed is not None and cross else {}

    sentences: list[AnswerSentence] = []
    support: list[float] = []
    picks: dict[int, list[tuple[bool, float, int, int]]] = {}
    for i, claim in enumerate(claims):
        similarity = max((max(dense.get((i, n)) or [0.0]) for n in claim.cites), default=0.0)
        verified = by_words[i] or (facts_ok[i] and similarity >= embedding_support)
        for n in claim.cites:
            quote = _quote(words(claim.text), sources[n], dense.get((i, n)))
            picks.setdefault(n, []).append((verified, *quote))
        sentences.append(AnswerSentence(claim.text.strip(), list(claim.cites), verified))
        support.append(round(max(lexical[i] if names_ok[i] else 0.0, similarity), 4))

    citations = [_citation(n, sources[n], picks[n]) for n in _first_use(claims)]
    return VerifiedAnswer(_rebuild(plain, claims), sentences, citations, unknown, support)


def _names(sentence: str, words: Callable[[str], set[str]]) -> list[set[str]]:
    """Content words of each capitalised word after the first: names the passages must hold."""
    tokens = _WORD.findall(_BULLET.sub("", sentence))
    return [keys for token in tokens[1:] if token[0].isupper() and (keys := words(token))]


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
            (s, e, v)
            for s, e, v in sentence_vectors(passage)
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
        detect_language(chunk.text),
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
    pairs: dict[int, list[int]],
    sources: dict[int, _Source],
    embed: Callable[[list[str]], np.ndarray],
) -> dict[tuple[int, int], list[float]]:
    """Cosine similarity of claims to every sentence of given cited passages.

    Args:
        claims: The answer's sentences.
        pairs: Claim index -> the cited passage numbers to compare it with.
        sources: The cited passages by number.
        embed: Vectors for texts.

    Returns:
        (claim index, passage number) -> similarity to each of the passage's sentences. One
        call to ``embed`` covers the claims and the passages without stored vectors.
    """
    doubtful = sorted(pairs)
    needed = sorted({n for ns in pairs.values() for n in ns})
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
        for n in pairs[i]:
            source_vectors = sources[n].vectors
            if source_vectors is None or source_vectors.shape[1] != vectors.shape[1]:
                continue  # stored vectors from another model: words alone decide
            out[(i, n)] = [float(x) for x in source_vectors @ vectors[row]]
    return out


def _quote(
    claim_words: set[str], source: _Source, similarities: list[float] | None
) -> tuple[float, int, int]:
    """(score, start, end) of the sentence, or two adjacent ones, that best back a claim."""
    best = (-1.0, source.spans[0][0], source.spans[0][1])
    for a, b in source.windows():
        score = _coverage(claim_words, source.window_words(a, b)) - PAIR_PENALTY * (b - a)
        if similarities:
            score += max(similarities[a : b + 1])
        if score > best[0]:
            best = (score, source.spans[a][0], source.spans[b][1])
    return best


def _first_use(claims: list[_Claim]) -> list[int]:
    """Cited passage numbers in order of first use."""
    seen: list[int] = []
    for claim in claims:
        seen.extend(n for n in claim.cites if n not in seen)
    return seen


def _citation(n: int, source: _Source, picks: list[tuple[bool, float, int, int]]) -> Citation:
    """The citation of passage ``n``: the span of the sentences backing the sentences citing it.

    Sentences it backs choose the span when there are any; a span longer than
    ``MAX_QUOTE_CHARS`` gives way to the single best choice.
    """
    chosen = [p[1:] for p in picks if p[0]] or [p[1:] for p in picks]
    start = min(p[1] for p in chosen)
    end = max(p[2] for p in chosen)
    if end - start > MAX_QUOTE_CHARS:
        _, start, end = max(chosen, key=lambda p: p[0])
    return Citation(n, source.passage, start, end, source.document[start:end])
