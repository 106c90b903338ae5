"""Word tokens with character offsets, and the small text tests the recognisers share."""

from __future__ import annotations

import bisect
import re
import sys
from dataclasses import dataclass
from functools import lru_cache

from youthbot.text.lemmas import dictionary_lemma, lemmatize

OPEN_QUOTES = "“„\"«‘'"
CLOSE_QUOTES = "”\"»’'“"
QUOTES = set(OPEN_QUOTES + CLOSE_QUOTES)

_WORD = re.compile(r"[^\W\d_]+(?:[-‑][^\W\d_]+)*\+?", re.UNICODE)
_QUOTED = re.compile(r"[“„\"«][“”„\"«]*([^“”„\"«»\n]{2,150}?)[”\"»]+")


@dataclass(frozen=True, slots=True)
class Token:
    """A word of the text and where it is.

    Attributes:
        text: The word as written.
        start: Offset of its first character.
        end: Offset just past its last character.
    """

    text: str
    start: int
    end: int

    @property
    def is_cap(self) -> bool:
        """Whether the word starts with an upper-case letter."""
        return self.text[:1].isupper()

    @property
    def is_upper(self) -> bool:
        """Whether the word is written all in capitals (an abbreviation such as VARAM)."""
        return _all_capitals(self.text)


@lru_cache(maxsize=50_000)
def _all_capitals(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


@lru_cache(maxsize=8)
def _text_tokens(text: str) -> tuple[list[Token], list[int]]:
    toks = [Token(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
    return toks, [t.start for t in toks]


def tokens(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """The words of ``text[start:end]`` with offsets into ``text``.

    Args:
        text: The whole document text.
        start: Where to begin.
        end: Where to stop (the end of the text when None).

    Returns:
        Tokens in order.
    """
    stop = len(text) if end is None else end
    toks, starts = _text_tokens(text)
    if start == 0 and stop >= len(text):
        return list(toks)
    i = bisect.bisect_left(starts, start)
    out = []
    for tok in toks[i:]:
        if tok.start >= stop:
            break
        if tok.end <= stop:
            out.append(tok)
    return out


def quoted(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans of the quoted names in ``text[start:end]``, quotes excluded, stray quotes trimmed.

    Args:
        text: The whole document text.
        start: Where to begin.
        end: Where to stop.

    Returns:
        ``(start, end)`` of each quoted run's inner text.
    """
    stop = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    for m in _QUOTED.finditer(text, start, stop):
        s, e = m.start(1), m.end(1)
        while s < e and (text[s] in QUOTES or text[s].isspace()):
            s += 1
        while e > s and (text[e - 1] in QUOTES or text[e - 1].isspace()):
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans


_VERB_ENDINGS = re.compile(
    r"(ējās|ījās|ājās|ojās|ikās|ākās|evās|ties|ēja|īja|āja|oja|uja|ēsies|āsies)$"
)


_NOUN_ENDINGS = (
    "tājs",
    "tāja",
    "tājas",
    "tājam",
    "tājai",
    "tāji",
    "šana",
    "šanas",
    "šanu",
    "šanai",
    "šanā",
    "ība",
    "ības",
    "ību",
    "ībai",
    "ums",
    "uma",
    "umu",
)


@lru_cache(maxsize=4096)
def is_verb(word: str) -> bool:
    """Whether a lower-case word reads as a verb form (``sniedza``, ``pulcējās``, ``apmeklēt``)."""
    if word.endswith(_NOUN_ENDINGS):
        return False
    if _VERB_ENDINGS.search(word) or word.endswith("t"):
        return True
    lemma = lemmatize(word)
    return lemma != word and lemma.endswith(("t", "ties"))


def between(text: str, a: Token, b: Token) -> str:
    """The text that separates two tokens."""
    return text[a.end : b.start]


def squash(s: str) -> str:
    """Collapse runs of white space to one space and trim."""
    return re.sub(r"\s+", " ", s).strip()


def sentence_of(sentences: list[tuple[int, int]], offset: int) -> tuple[int, int] | None:
    """The sentence span holding ``offset``, or None."""
    i = bisect.bisect_right(sentences, (offset, sys.maxsize)) - 1
    if i >= 0 and sentences[i][0] <= offset < sentences[i][1]:
        return sentences[i]
    return None


@lru_cache(maxsize=50_000)
def common_lemma(word: str) -> str | None:
    """The dictionary lemma of a common Latvian word (``daļu`` → ``daļa``), else None."""
    lemma = dictionary_lemma(word.lower())
    return lemma if lemma is not None and lemma[:1].islower() else None


@lru_cache(maxsize=50_000)
def is_common_word(word: str) -> bool:
    """Whether a word (any capitalisation) is a common Latvian word by simplemma's dictionary.

    The dictionary lemmatises proper names to capitalised lemmas (``kalniņš`` → ``Kalniņš``,
    ``rīgā`` → ``Rīga``); a lower-case lemma means a common noun, verb or adjective
    (``skolas`` → ``skola``, ``esot`` → ``būt``). Unknown words are not common.
    """
    return common_lemma(word) is not None
