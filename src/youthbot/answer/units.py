"""Answer units: the sentences of retrieved passages, scored against one question."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from youthbot.question import Question
from youthbot.text.spans import Span
from youthbot.tuning import Tuning
from youthbot.types import Chunk, Passage

if TYPE_CHECKING:
    import numpy as np

    from youthbot.retrieve import Retrieval
    from youthbot.text.analyze import Analyzer

__all__ = [
    "BACK_REFERENCE",
    "Candidate",
    "Scorer",
    "Unit",
    "answer_units",
    "is_heading",
    "is_line",
    "one_line",
    "passage_units",
]

#: Words that open a sentence continuing the one before it: "To vada …", "Viņa stāsta …",
#: "Esmu …", "Mans vārds ir …" name their subject in the sentence before.
BACK_REFERENCE = re.compile(
    r"^[\"“„«(]*(to|tā|tas|tie|tās|tam|tai|šis|šī|šo|šie|šīs|tajā|tur|viņš|viņa|viņi|viņas|"
    r"viņu|esmu|esam|mans vārds|mani sauc|mūsu|es|it|this|they|there|he|she)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Unit:
    """One answer unit (a sentence, or a label with its value lines) of a passage."""

    passage: Passage
    start: int  # document offsets
    end: int
    text: str
    dense: float
    terms: frozenset[str]
    labelled: bool


@dataclass(frozen=True, slots=True)
class Candidate:
    """A unit as an answer, with its score (and, for a typed question, what answers)."""

    unit: Unit
    score: float
    span: Span | None = None  # the typed span that answers, for typed questions
    antecedent: Unit | None = None  # the sentence its back-reference points to
    states: bool = False  # whether it states the question's relation


def passage_units(
    retrieval: Retrieval,
    passages: Sequence[Passage],
    analyzer: Analyzer,
    sentence_vectors: Callable[[Passage], Sequence[tuple[int, int, np.ndarray]]],
) -> list[Unit]:
    """The answer units of the passages, each with its similarity to the query and its terms.

    Headings (short lines without final punctuation) are left out unless they are part of a
    label block ("Informāciju sagatavoja:" with the name below it).

    Args:
        retrieval: The retrieval (its query vector scores the units).
        passages: The passages to read, best first.
        analyzer: The lexical analyser.
        sentence_vectors: (start, end, vector) of the embedded sentences inside a passage.

    Returns:
        Units in passage order.
    """
    import numpy as np

    out: list[Unit] = []
    for passage in passages:
        chunk = passage.chunk
        for start, end, vector, labelled in answer_units(chunk, sentence_vectors(passage)):
            text = chunk.text[start - chunk.start : end - chunk.start]
            if not labelled and is_heading(text):
                continue
            dense = (
                float(np.dot(vector, retrieval.query_vector))
                if retrieval.query_vector is not None
                else 0.0
            )
            terms = frozenset(analyzer.terms(text))
            out.append(Unit(passage, start, end, text, dense, terms, labelled))
    return out


class Scorer:
    """Scores units against one question: similarity, term coverage, passage rank."""

    def __init__(
        self,
        q: Question,
        weights: list[tuple[frozenset[str], float]],
        units: list[Unit],
        context_terms: Callable[[str], tuple[frozenset[str], frozenset[str]]],
        tuning: Tuning,
    ) -> None:
        self.q = q
        self.weights = weights
        self.total = sum(w for _, w in weights) or 1.0
        self.context_terms = context_terms
        self.t = tuning
        subject = set(q.subject_terms)
        self.subject = [(g, w) for g, w in weights if g & subject] or weights
        self.subject_total = sum(w for _, w in self.subject) or 1.0
        lo = min(u.dense for u in units)
        self.spread = max(u.dense for u in units) - lo
        self.lo = lo
        self.base = {id(u): self._base(u) for u in units}
        self.ranked = sorted(
            (Candidate(u, self.base[id(u)]) for u in units),
            key=lambda c: (-c.score, c.unit.passage.rank, c.unit.start),
        )

    def _base(self, u: Unit) -> float:
        title, doc = self.context_terms(u.passage.chunk.doc)
        setting = title | doc
        credit = self.t.document_credit
        lexical = (
            sum(
                w if not g.isdisjoint(u.terms) else (0.0 if g.isdisjoint(setting) else credit * w)
                for g, w in self.weights
            )
            / self.total
        )
        dense = (u.dense - self.lo) / self.spread if self.spread > 1e-6 else 0.0
        prior = 1.0 / (1.0 + self.t.rank_decay * (u.passage.rank - 1))
        return (self.t.dense_share * dense + self.t.lexical_share * lexical) * prior

    def tie(
        self,
        u: Unit,
        antecedent: Unit | None,
        *,
        whole_document: bool = False,
        covered: frozenset[str] = frozenset(),
    ) -> float:
        """Share of the question's subject weight the unit's context holds.

        The unit, the sentence its back-reference points to and its document's title earn a
        term's full weight; the rest of its document earns ``document_credit`` of it (all of
        it for a byline, which speaks for the whole document). Terms in ``covered`` count as
        found (the counted noun a count span carries: "Cik stāvu" by "četros stāvos").
        """
        title, doc = self.context_terms(u.passage.chunk.doc)
        near = u.terms | title | covered
        if antecedent is not None:
            near = near | antecedent.terms
        if whole_document:
            near = near | doc
        credit = self.t.document_credit
        got = sum(
            w if not g.isdisjoint(near) else (0.0 if g.isdisjoint(doc) else credit * w)
            for g, w in self.subject
        )
        return got / self.subject_total


def answer_units(
    chunk: Chunk, sentences: Sequence[tuple[int, int, np.ndarray]]
) -> list[tuple[int, int, np.ndarray, bool]]:
    """Sentences as answer units, with label and line blocks kept whole.

    "Informāciju sagatavoja:" says nothing without the name on the next line, and the lines of
    a signature or contact block (name, organisation, post, phone, e-mail) answer together; such
    a run becomes one unit (flagged True) whose vector is the mean of its lines'.
    """
    import numpy as np

    texts = [chunk.text[s - chunk.start : e - chunk.start].strip() for s, e, _ in sentences]
    units: list[tuple[int, int, np.ndarray, bool]] = []
    i = 0
    while i < len(sentences):
        j = i
        if texts[i].endswith(":") or is_line(texts[i]):
            while j + 1 < len(sentences) and is_line(texts[j + 1]):
                j += 1
            if j == i and texts[i].endswith(":") and i + 1 < len(sentences):
                j = i + 1
        if j > i:
            vector = np.mean([v for _, _, v in sentences[i : j + 1]], axis=0)
            units.append((sentences[i][0], sentences[j][1], vector, True))
        else:
            units.append((sentences[i][0], sentences[i][1], sentences[i][2], False))
        i = j + 1
    return units


def is_line(text: str) -> bool:
    """A short line that is no sentence: a name, a post, a phone number, a list item."""
    return len(text) < 80 and not text.endswith((".", "!", "?", "…"))


def is_heading(sentence: str) -> bool:
    """A short line without final punctuation (a title or a section heading)."""
    body = sentence.strip().rstrip('”"’»)')
    return len(body) < 100 and not body.endswith((".", "!", "?", "…", ":"))


def one_line(text: str) -> str:
    return " ".join(text.split())
