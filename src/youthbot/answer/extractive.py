"""Extractive answers: the retrieved sentences that answer the question, each with its citation.

An explanation ("Kā darbojas …?") is answered by the sentences that score best against the
question; a typed question ("Kas vadīja …?", "Cik eiro …?") only by a sentence holding what it
asks for, tied to its subject (``youthbot.answer.typed``). When no retrieved sentence
qualifies, the answer is "no answer" with the closest passages: it is better to decline than
to quote a related sentence as if it answered.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from youthbot.answer.typed import english_span, typed_candidates
from youthbot.answer.units import (
    BACK_REFERENCE,
    Candidate,
    Scorer,
    Unit,
    one_line,
    passage_units,
)
from youthbot.question import Question, analyse_question
from youthbot.tuning import DEFAULT_TUNING, Tuning
from youthbot.types import Answer, AnswerSentence, Citation, Passage

if TYPE_CHECKING:
    import numpy as np

    from youthbot.retrieve import Retrieval
    from youthbot.text.analyze import Analyzer

logger = logging.getLogger(__name__)

NO_ANSWER = {
    "lv": "Dokumentos neatradu atbildi uz šo jautājumu. Tuvākie fragmenti ir zemāk.",
    "en": "I found no answer to this question in the documents. The closest passages are below.",
}


def extractive_answer(
    question: Question | str,
    retrieval: Retrieval,
    *,
    analyzer: Analyzer,
    idf: Callable[[str], float],
    sentence_vectors: Callable[[Passage], Sequence[tuple[int, int, np.ndarray]]],
    document_text: Callable[[str], str],
    context_terms: Callable[[str], tuple[frozenset[str], frozenset[str]]],
    tuning: Tuning = DEFAULT_TUNING,
) -> Answer:
    """Answer from the retrieved passages by quoting the sentences that answer the question.

    Each candidate sentence of the best passages is scored by its cosine similarity to the
    question, the IDF-weighted share of the question's terms it contains (a term found
    elsewhere in its document earns part of its weight), and the rank of its passage. For a
    typed question only sentences holding a span of the expected type, tied to the question's
    subject, are candidates (see the module docstring); for others the best sentence answers
    and close runners-up join it.

    Args:
        question: The analysed question (or its text, analysed here).
        retrieval: Ranked passages with the evidence about them.
        analyzer: The Latvian analyser the lexical index uses.
        idf: Inverse document frequency of an analysed term.
        sentence_vectors: (start, end, vector) of the embedded sentences inside a passage.
        document_text: The stored text of a document, by path.
        context_terms: (title terms, all terms) of a document, by path.
        tuning: Weights and thresholds.

    Returns:
        An extractive answer; ``answered`` is False with the closest passages when the
        evidence says the corpus does not hold the answer.
    """
    q = analyse_question(question, analyzer) if isinstance(question, str) else question
    document_text = functools.cache(document_text)  # each document read once per answer
    language = "lv" if q.language == "lv" else "en"
    passages = retrieval.passages
    declined = Answer(
        q.asked or q.text, False, NO_ANSWER[language], "extractive", passages=passages
    )
    if not passages or not retrieval.evidence.answerable:
        return declined
    depth = max(tuning.source_passages, tuning.typed_passages if q.typed else 0)
    units = passage_units(retrieval, passages[:depth], analyzer, sentence_vectors)
    if not units:
        return declined
    weights = [(g, max(idf(t) for t in g)) for g in q.groups if g]
    scorer = Scorer(q, weights, units, context_terms, tuning)
    if q.typed:
        chosen = typed_candidates(
            q, units, scorer, analyzer, document_text, tuning, retrieval.evidence
        )
    else:
        chosen = _untyped(units, scorer, tuning, passages[: tuning.source_passages])
        if q.kind in ("what", "how", "why", "other"):
            chosen = _with_continuations(chosen, scorer.ranked, document_text, tuning)
    if not chosen:
        return declined
    return _phrase(q, chosen, document_text, passages)


def _untyped(
    units: list[Unit], scorer: Scorer, tuning: Tuning, sources: Sequence[Passage]
) -> list[Candidate]:
    allowed = {id(p) for p in sources}
    ranked = [c for c in scorer.ranked if id(c.unit.passage) in allowed]
    if not ranked:
        return []
    best = ranked[0].score
    return [c for c in ranked if c.score >= tuning.follower_share * best][: tuning.max_sentences]


def _phrase(
    q: Question,
    chosen: list[Candidate],
    document_text: Callable[[str], str],
    passages: list[Passage],
) -> Answer:
    """The answer: the chosen sentences quoted with citations (led by the span in English)."""
    units: list[Unit] = []
    for c in chosen:
        if c.antecedent is not None and c.antecedent not in units:
            units.append(c.antecedent)  # the sentence that names who "To"/"Viņa" is
        if c.unit not in units:
            units.append(c.unit)
    citations: list[Citation] = []
    sentences: list[AnswerSentence] = []
    texts: dict[str, str] = {}
    number: dict[int, int] = {}
    for n, u in enumerate(units, start=1):
        doc = u.passage.chunk.doc
        text = texts.setdefault(doc, document_text(doc))
        quote = text[u.start : u.end]
        citations.append(Citation(n, u.passage, u.start, u.end, quote))
        number[id(u)] = n
    lead = chosen[0]
    if q.language != "lv" and lead.span is not None:
        n = number[id(lead.unit)]
        sentences.append(AnswerSentence(f"{english_span(lead.span)}.", [n], True))
        for c in citations:
            sentences.append(AnswerSentence(f"Latvian source: “{one_line(c.quote)}”", [c.n], True))
    else:
        sentences.extend(AnswerSentence(one_line(c.quote), [c.n], True) for c in citations)
    answer_text = " ".join(f"{s.text} [{s.citations[0]}]" for s in sentences)
    return Answer(
        q.asked or q.text, True, answer_text, "extractive", citations, passages, sentences
    )


def _with_continuations(
    chosen: list[Candidate],
    candidates: list[Candidate],
    document_text: Callable[[str], str],
    tuning: Tuning,
) -> list[Candidate]:
    """Add the sentence right after a chosen one when it refers back to it ("To īsteno …").

    An explanation ("Kā darbojas …?") often runs over two sentences, the second naming its
    subject only by a pronoun, so lexical scoring alone leaves it out.
    """
    out = list(chosen)
    for cand in chosen:
        if len(out) >= tuning.max_sentences:
            break
        following = [
            c
            for c in candidates
            if c.unit.passage is cand.unit.passage
            and c.unit.start > cand.unit.end
            and all(c.unit is not o.unit for o in out)
        ]
        if not following:
            continue
        nxt = min(following, key=lambda c: c.unit.start)
        text = document_text(nxt.unit.passage.chunk.doc)
        if "\n\n" in text[cand.unit.end : nxt.unit.start]:
            continue  # another paragraph
        if BACK_REFERENCE.match(nxt.unit.text):
            out.insert(out.index(cand) + 1, nxt)
    return out
