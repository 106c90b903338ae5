"""Extractive answers: the retrieved sentences that answer the question, each with its citation."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from youthbot.text.normalize import strip_diacritics
from youthbot.types import Answer, AnswerSentence, Chunk, Citation, Passage

if TYPE_CHECKING:
    import numpy as np

    from youthbot.retrieve import Retrieval
    from youthbot.text.analyze import Analyzer

logger = logging.getLogger(__name__)

QuestionType = Literal["contact", "who", "when", "where", "count", "other"]

NO_ANSWER = {
    "lv": "Dokumentos neatradu atbildi uz šo jautājumu. Tuvākie fragmenti ir zemāk.",
    "en": "I found no answer to this question in the documents. The closest passages are below.",
}

#: How many passages (best first) the answer sentences may come from.
SOURCE_PASSAGES = 3
#: A further sentence joins the answer when it scores at least this share of the best one.
FOLLOWER_SHARE = 0.8
MAX_SENTENCES = 3
#: How much a sentence's score shrinks per rank its passage stands below the first.
RANK_DECAY = 0.15

_TYPE_PATTERNS: list[tuple[QuestionType, re.Pattern[str]]] = [
    (
        "contact",
        re.compile(
            r"\b(tālru\w*|telefon\w*|e-?past\w*|kontakt\w*|sazināties|phone|e-?mail|contact)\b",
            re.I,
        ),
    ),
    ("when", re.compile(r"\b(kad|kurā (datumā|dienā|gadā|mēnesī)|cikos|when|what date)\b", re.I)),
    ("where", re.compile(r"\b(kur|kurā (vietā|pilsētā|novadā|valstī)|uz kurieni|where)\b", re.I)),
    ("count", re.compile(r"\b(cik|how (many|much))\b", re.I)),
    (
        "who",
        re.compile(
            r"^\s*(kas(?!\s+(ir|bija|tiek|notika)\b)|kurš|kura|kuri|kuras|kam|who|whom)\b", re.I
        ),
    ),
]

_PERSON = re.compile(
    r"\b[A-ZĀČĒĢĪĶĻŅŠŪŽ][a-zāčēģīķļņšūž]+(?:-\s?[A-ZĀČĒĢĪĶĻŅŠŪŽ][a-zāčēģīķļņšūž]+)?\s+[A-ZĀČĒĢĪĶĻŅŠŪŽ][a-zāčēģīķļņšūžė]+(?:-\s?[A-ZĀČĒĢĪĶĻŅŠŪŽ][a-zāčēģīķļņšūž]+)?"
)
_ORG = re.compile(
    r"\b(biedrīb|pašvaldīb|reģion|centr|aģentūr|ministrij|pārvald|komisij|fond|nodaļ)\w*", re.I
)
_PLACE = re.compile(r"\b[A-ZĀČĒĢĪĶĻŅŠŪŽ][a-zāčēģīķļņšūž]+(ā|ī|ē|os|ās|ū|u)\b")
_NUMBER = re.compile(r"\d")
_CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+|(\+371)?\s?\d{8}\b|\b\d{2}\s?\d{3}\s?\d{3}\b")


#: The same patterns without diacritics, matched against the question without them, so a
#: question typed as "Kura datuma notika …" is still a "when" question.
_PLAIN_PATTERNS = [
    (kind, re.compile(strip_diacritics(p.pattern), p.flags)) for kind, p in _TYPE_PATTERNS
]


def question_type(question: str) -> QuestionType:
    """What kind of answer the question asks for (Latvian or English interrogatives)."""
    plain = strip_diacritics(question)
    for kind, pattern in _PLAIN_PATTERNS:
        if pattern.search(plain):
            return kind
    return "other"


def _cue(kind: QuestionType, sentence: str) -> float:
    """1 when the sentence holds the kind of thing the question asks for, else 0."""
    if kind == "contact":
        return 1.0 if _CONTACT.search(sentence) else 0.0
    if kind == "who":
        return 1.0 if _PERSON.search(sentence) or _ORG.search(sentence) else 0.0
    if kind == "when":
        from youthbot.text.dates import find_dates

        return 1.0 if find_dates(sentence) else 0.0
    if kind == "where":
        return 1.0 if _PLACE.search(sentence) else 0.0
    if kind == "count":
        return 1.0 if _NUMBER.search(sentence) else 0.0
    return 0.0


@dataclass(frozen=True, slots=True)
class _Candidate:
    passage: Passage
    start: int
    end: int
    score: float


def extractive_answer(
    question: str,
    retrieval: Retrieval,
    *,
    analyzer: Analyzer,
    idf: Callable[[str], float],
    sentence_vectors: Callable[[Passage], Sequence[tuple[int, int, np.ndarray]]],
    document_text: Callable[[str], str],
    context_terms: Callable[[str], tuple[frozenset[str], frozenset[str]]],
) -> Answer:
    """Answer from the retrieved passages by quoting the sentences that answer the question.

    Each candidate sentence of the best passages is scored by its cosine similarity to the
    question, the IDF-weighted share of the question's content words it contains, whether it
    holds what the question asks for (a person for "who", a date for "when", …), and the rank
    of its passage. The best sentence answers; close runners-up join it.

    Args:
        question: The question as asked.
        retrieval: Ranked passages with the evidence about them.
        analyzer: The Latvian analyser the lexical index uses.
        idf: Inverse document frequency of an analysed term.
        sentence_vectors: (start, end, vector) of the embedded sentences inside a passage.
        document_text: The stored text of a document, by path.
        context_terms: (title terms, all terms) of a document, by path: a question word found
            anywhere in the sentence's document earns half its weight (it sets the scene).

    Returns:
        An extractive answer; ``answered`` is False with the closest passages when the
        evidence says the corpus does not hold the answer.
    """
    language = "lv" if retrieval.evidence.language == "lv" else "en"
    passages = retrieval.passages
    if not passages or not retrieval.evidence.answerable:
        return Answer(question, False, NO_ANSWER[language], "extractive", passages=passages)
    candidates = _score_sentences(
        question, retrieval, analyzer, idf, sentence_vectors, context_terms
    )
    if not candidates:
        return Answer(question, False, NO_ANSWER[language], "extractive", passages=passages)
    best = candidates[0].score
    chosen = [c for c in candidates if c.score >= FOLLOWER_SHARE * best][:MAX_SENTENCES]
    if question_type(question) == "other":
        chosen = _with_continuations(chosen, candidates, document_text)
    citations: list[Citation] = []
    sentences: list[AnswerSentence] = []
    texts: dict[str, str] = {}
    for n, cand in enumerate(chosen, start=1):
        doc = cand.passage.chunk.doc
        text = texts.setdefault(doc, document_text(doc))
        quote = text[cand.start : cand.end]
        citations.append(Citation(n, cand.passage, cand.start, cand.end, quote))
        sentences.append(AnswerSentence(_one_line(quote), [n], True))
    answer_text = " ".join(f"{s.text} [{s.citations[0]}]" for s in sentences)
    return Answer(question, True, answer_text, "extractive", citations, passages, sentences)


def _score_sentences(
    question: str,
    retrieval: Retrieval,
    analyzer: Analyzer,
    idf: Callable[[str], float],
    sentence_vectors: Callable[[Passage], Sequence[tuple[int, int, np.ndarray]]],
    context_terms: Callable[[str], tuple[frozenset[str], frozenset[str]]],
) -> list[_Candidate]:
    import numpy as np

    kind = question_type(question)
    weights = [(g, max(idf(t) for t in g)) for g in retrieval.evidence.groups if g]
    total = sum(w for _, w in weights) or 1.0
    raw: list[tuple[Passage, int, int, float, float, float]] = []
    for passage in retrieval.passages[:SOURCE_PASSAGES]:
        chunk = passage.chunk
        title_terms, doc_terms = context_terms(chunk.doc)
        setting = title_terms | doc_terms
        for start, end, vector, labelled in _answer_units(chunk, sentence_vectors(passage)):
            sentence = chunk.text[start - chunk.start : end - chunk.start]
            if not labelled and _is_heading(sentence):
                continue
            terms = set(analyzer.terms(sentence))
            lexical = (
                sum(
                    w if not g.isdisjoint(terms) else (0.0 if g.isdisjoint(setting) else 0.5 * w)
                    for g, w in weights
                )
                / total
            )
            dense = (
                float(np.dot(vector, retrieval.query_vector))
                if retrieval.query_vector is not None
                else 0.0
            )
            raw.append((passage, start, end, dense, lexical, _cue(kind, sentence)))
    if not raw:
        return []
    dense_values = [r[3] for r in raw]
    lo, hi = min(dense_values), max(dense_values)
    spread = hi - lo
    out = []
    for passage, start, end, dense, lexical, cue in raw:
        dense_norm = (dense - lo) / spread if spread > 1e-6 else 0.0
        prior = 1.0 / (1.0 + RANK_DECAY * (passage.rank - 1))
        score = (0.5 * dense_norm + 0.5 * lexical + 0.25 * cue) * prior
        out.append(_Candidate(passage, start, end, score))
    out.sort(key=lambda c: (-c.score, c.passage.rank, c.start))
    return out


#: Words that open a sentence continuing the one before it ("To īsteno …" after "Projekts …").
_ANAPHORA = re.compile(
    r"^(to|tā|tas|tie|tās|tam|tai|šis|šī|šo|šie|šīs|tajā|tur|viņš|viņa|viņi|it|this|they|there)\b",
    re.I,
)


def _with_continuations(
    chosen: list[_Candidate], candidates: list[_Candidate], document_text: Callable[[str], str]
) -> list[_Candidate]:
    """Add the sentence right after a chosen one when it refers back to it ("To īsteno …").

    An explanation ("Kā darbojas …?") often runs over two sentences, the second naming its
    subject only by a pronoun, so lexical scoring alone leaves it out.
    """
    out = list(chosen)
    for cand in chosen:
        if len(out) >= MAX_SENTENCES:
            break
        following = [
            c
            for c in candidates
            if c.passage is cand.passage and c.start > cand.end and c not in out
        ]
        if not following:
            continue
        nxt = min(following, key=lambda c: c.start)
        text = document_text(nxt.passage.chunk.doc)
        if "\n\n" in text[cand.end : nxt.start]:
            continue  # another paragraph
        if _ANAPHORA.match(text[nxt.start : nxt.end]):
            out.insert(out.index(cand) + 1, nxt)
    return out


def _answer_units(
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
        if texts[i].endswith(":") or _is_line(texts[i]):
            while j + 1 < len(sentences) and _is_line(texts[j + 1]):
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


def _is_line(text: str) -> bool:
    """A short line that is no sentence: a name, a post, a phone number, a list item."""
    return len(text) < 80 and not text.endswith((".", "!", "?", "…"))


def _is_heading(sentence: str) -> bool:
    """A short line without final punctuation (a title or a section heading)."""
    body = sentence.strip().rstrip('”"’»)')
    return len(body) < 100 and not body.endswith((".", "!", "?", "…", ":"))


def _one_line(text: str) -> str:
    return " ".join(text.split())
