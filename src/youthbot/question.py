"""The question analysed once: a typed ``Question`` that retrieval, directory and answers read."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from youthbot.text.questions import QuestionKind, leans_on_conversation, question_kind
from youthbot.text.relations import Relation, relation_of
from youthbot.text.spans import Span, SpanKind, find_spans

if TYPE_CHECKING:
    from youthbot.text.analyze import Analyzer

__all__ = ["EXPECTED_SPANS", "Question", "analyse_question"]

#: The span kinds that answer each kind of question, best first; empty where the answer is
#: an explanation (what, how, why) rather than one typed thing.
EXPECTED_SPANS: dict[QuestionKind, tuple[SpanKind, ...]] = {
    "who": ("person", "org"),
    "which_org": ("org",),
    "when": ("date",),
    "until_when": ("date",),
    "where": ("place", "org"),
    "how_much": ("amount", "count"),
    "how_many": ("count",),
    "contact": ("phone", "email", "url"),
    "what": (),
    "how": (),
    "why": (),
    "other": (),
}

_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d[\w./-]*")


@dataclass(frozen=True, slots=True)
class Question:
    """A question as every stage needs it, analysed once.

    Attributes:
        text: The question as asked, white space folded.
        language: ISO 639-1 code of its language ("lv", "en", …).
        kind: What it asks for (see ``youthbot.text.questions.question_kind``).
        expected: Span kinds that answer it, best first (empty for what/how/why).
        relation: The relation its verb names ("Kas vadīja …?" → ``lead``), if any.
        subject_terms: Analysed content terms of what it is about, without question words
            and the relation verb ("Kas vadīja jauniešu forumu Balvos?" → jaunieš, forum, balv).
        spans: Typed spans it contains: names, organisations, places, dates, numbers, codes.
        followup: Whether it leans on the conversation before it ("Un kas to finansēja?").
    """

    text: str
    language: str
    kind: QuestionKind
    expected: tuple[SpanKind, ...]
    relation: Relation | None
    subject_terms: tuple[str, ...]
    spans: tuple[Span, ...]
    followup: bool

    @property
    def english(self) -> bool:
        """Whether it is asked in English."""
        return self.language == "en"

    @property
    def typed(self) -> bool:
        """Whether its answer is one typed thing (a person, a date, an amount …)."""
        return bool(self.expected)

    def of_kind(self, *kinds: SpanKind) -> tuple[Span, ...]:
        """Its spans of these kinds, in order."""
        return tuple(s for s in self.spans if s.kind in kinds)

    @property
    def names(self) -> tuple[Span, ...]:
        """People and organisations it names."""
        return self.of_kind("person", "org")

    @property
    def places(self) -> tuple[Span, ...]:
        """Places it names."""
        return self.of_kind("place")

    @property
    def dates(self) -> tuple[Span, ...]:
        """Dates it names."""
        return self.of_kind("date")

    @property
    def numbers(self) -> tuple[Span, ...]:
        """Amounts and counts it names."""
        return self.of_kind("amount", "count")

    @property
    def codes(self) -> tuple[Span, ...]:
        """Project or document numbers it names."""
        return self.of_kind("code")


def analyse_question(text: str, analyzer: Analyzer | None = None) -> Question:
    """Analyse a question once, for every later stage.

    Args:
        text: The question as typed (Latvian or English, with or without diacritics).
        analyzer: The lexical analyser whose terms ``subject_terms`` are given in (the one
            the index uses); a default one when None.

    Returns:
        The typed question.
    """
    from youthbot.text.analyze import Analyzer
    from youthbot.text.lang import detect_language

    question = " ".join(text.split())
    analyzer = analyzer or _default_analyzer(Analyzer)
    kind = question_kind(question)
    relation: Relation | None = None
    kept: list[str] = []
    for m in _WORD.finditer(question):
        rel = relation_of(m.group()) if relation is None else None
        if rel is not None:
            relation = rel
            continue
        kept.append(m.group())
    subject = tuple(analyzer.content_words(" ".join(kept))) if kept else ()
    return Question(
        text=question,
        language=detect_language(question),
        kind=kind,
        expected=EXPECTED_SPANS[kind],
        relation=relation,
        subject_terms=subject,
        spans=tuple(find_spans(question)),
        followup=leans_on_conversation(question),
    )


_ANALYZER: list[Analyzer] = []


def _default_analyzer(factory: type[Analyzer]) -> Analyzer:
    if not _ANALYZER:
        _ANALYZER.append(factory())
    return _ANALYZER[0]
