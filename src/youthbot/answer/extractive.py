"""Extractive answers: the retrieved sentences that answer the question, each with its citation.

An explanation ("Kā darbojas …?") is answered by the sentences that score best against the
question. A typed question (who, which organisation, when, until when, where, how much, how
many, contact) is answered only by a sentence that holds a span of the type it asks for (a
person, a date, an amount …, found by ``youthbot.text.spans``), tied to what the question is
about: the sentence itself, the sentence its pronoun points back to ("To vada …", "Esmu …"),
its document's title and, at partial credit, the rest of its document must hold enough of the
question's subject, and its document must mention every name, number and code the question
does. Where the question names a relation ("Kas vadīja …?"), the sentence must state it (the
verb, its agent noun or action noun: vadīja, vadītāja, vadībā), or be the document's byline for
"who wrote". When no retrieved sentence qualifies, the answer is "no answer" with the closest
passages: it is better to decline than to quote a related sentence as if it answered.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from youthbot.question import Question, analyse_question
from youthbot.text.spans import Span, SpanKind, find_spans
from youthbot.tuning import DEFAULT_TUNING, Tuning
from youthbot.types import Answer, AnswerSentence, Chunk, Citation, Passage

if TYPE_CHECKING:
    import numpy as np

    from youthbot.retrieve import Evidence, Retrieval
    from youthbot.text.analyze import Analyzer

logger = logging.getLogger(__name__)

NO_ANSWER = {
    "lv": "Dokumentos neatradu atbildi uz šo jautājumu. Tuvākie fragmenti ir zemāk.",
    "en": "I found no answer to this question in the documents. The closest passages are below.",
}

#: Relations whose agent is a document's byline (its author) when no sentence states them.
_BYLINE_RELATIONS = frozenset({"write", "prepare", "say"})
#: A byline stands in the last this many characters of a document.
_BYLINE_TAIL = 400

#: Words that open a sentence continuing the one before it: "To vada …", "Viņa stāsta …",
#: "Esmu …", "Mans vārds ir …" name their subject in the sentence before.
_BACK_REFERENCE = re.compile(
    r"^[\"“„«(]*(to|tā|tas|tie|tās|tam|tai|šis|šī|šo|šie|šīs|tajā|tur|viņš|viņa|viņi|viņas|"
    r"viņu|esmu|esam|mans vārds|mani sauc|mūsu|es|it|this|they|there|he|she)\b",
    re.IGNORECASE,
)
#: A place the gazetteer may not know: a capitalised word in the locative ("Brančotavā"), or a
#: street address ("Skolotāju ielā 8").
_LOCATIVE = re.compile(
    r"(?<![\w.])[A-ZĀČĒĢĪĶĻŅŠŪŽ][a-zāčēģīķļņšūž]{2,}(?:ā|ī|ē|os|ās|ūs|iešos)(?![\w])"
    r"|(?<![\w.])[A-ZĀČĒĢĪĶĻŅŠŪŽ][\w-]+\s+(?:ielā|iela|ielas|bulvārī|bulvāris|prospektā|"
    r"laukumā|gatvē|krastmalā)\s+\d+[a-zA-Z]?"
)
#: A name given in quotes: an organisation or a centre ("“Curba de Cultura”", "«Mērķis»").
_QUOTED_NAME = re.compile(r"[“„«\"]([A-ZĀČĒĢĪĶĻŅŠŪŽ][^”“„«»\".!?:;]{1,50}?)[”»\"]")
#: Stems of the nouns a duration is counted in ("7 mēnešus", "divas nedēļas", "3 dienas").
_TIME_UNITS = frozenset(
    {"gad", "gads", "mēnes", "menes", "nedēļ", "nedel", "dien", "stund", "minūt", "minut"}
)
_COUNTED = re.compile(r"\b(?:cik|how many|number of)\s+([^\W\d_]+)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Unit:
    """One answer unit (a sentence, or a label with its value lines) of a passage."""

    passage: Passage
    start: int  # document offsets
    end: int
    text: str
    dense: float
    terms: frozenset[str]
    labelled: bool


@dataclass(frozen=True, slots=True)
class _Candidate:
    unit: _Unit
    score: float
    span: Span | None = None  # the typed span that answers, for typed questions
    antecedent: _Unit | None = None  # the sentence its back-reference points to
    states: bool = False  # whether it states the question's relation


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
    units = _units(retrieval, passages[:depth], analyzer, sentence_vectors)
    if not units:
        return declined
    weights = [(g, max(idf(t) for t in g)) for g in q.groups if g]
    scorer = _Scorer(q, weights, units, context_terms, tuning)
    if q.typed:
        chosen = _typed(q, units, scorer, analyzer, document_text, tuning, retrieval.evidence)
    else:
        chosen = _untyped(units, scorer, tuning, passages[: tuning.source_passages])
        if q.kind in ("what", "how", "why", "other"):
            chosen = _with_continuations(chosen, scorer.ranked, document_text, tuning)
    if not chosen:
        return declined
    return _phrase(q, chosen, document_text, passages)


# -- units and scores -------------------------------------------------------------------


def _units(
    retrieval: Retrieval,
    passages: Sequence[Passage],
    analyzer: Analyzer,
    sentence_vectors: Callable[[Passage], Sequence[tuple[int, int, np.ndarray]]],
) -> list[_Unit]:
    import numpy as np

    out: list[_Unit] = []
    for passage in passages:
        chunk = passage.chunk
        for start, end, vector, labelled in _answer_units(chunk, sentence_vectors(passage)):
            text = chunk.text[start - chunk.start : end - chunk.start]
            if not labelled and _is_heading(text):
                continue
            dense = (
                float(np.dot(vector, retrieval.query_vector))
                if retrieval.query_vector is not None
                else 0.0
            )
            terms = frozenset(analyzer.terms(text))
            out.append(_Unit(passage, start, end, text, dense, terms, labelled))
    return out


class _Scorer:
    """Scores units against one question: similarity, term coverage, passage rank."""

    def __init__(
        self,
        q: Question,
        weights: list[tuple[frozenset[str], float]],
        units: list[_Unit],
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
            (_Candidate(u, self.base[id(u)]) for u in units),
            key=lambda c: (-c.score, c.unit.passage.rank, c.unit.start),
        )

    def _base(self, u: _Unit) -> float:
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
        u: _Unit,
        antecedent: _Unit | None,
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


def _untyped(
    units: list[_Unit], scorer: _Scorer, tuning: Tuning, sources: Sequence[Passage]
) -> list[_Candidate]:
    allowed = {id(p) for p in sources}
    ranked = [c for c in scorer.ranked if id(c.unit.passage) in allowed]
    if not ranked:
        return []
    best = ranked[0].score
    return [c for c in ranked if c.score >= tuning.follower_share * best][: tuning.max_sentences]


# -- typed questions --------------------------------------------------------------------


def _typed(
    q: Question,
    units: list[_Unit],
    scorer: _Scorer,
    analyzer: Analyzer,
    document_text: Callable[[str], str],
    tuning: Tuning,
    evidence: Evidence,
) -> list[_Candidate]:
    """The sentences holding a span of the expected type tied to the question's subject."""
    from youthbot.retrieve import near, spells_acronym

    question_terms = set(q.terms) | {t for g in q.groups for t in g}
    counted = _counted(q)
    need = tuning.typed_tie if q.language == "lv" else tuning.foreign_typed_tie
    by_passage: dict[int, list[_Unit]] = {}
    for u in units:
        by_passage.setdefault(id(u.passage), []).append(u)
    anchor_terms = [(a, analyzer.terms(a)) for a in q.anchors]
    out: list[_Candidate] = []
    for u in units:
        doc_path = u.passage.chunk.doc
        title, doc = scorer.context_terms(doc_path)
        setting = title | doc
        if any(
            ts
            and not any(near(t, setting) for t in ts)
            and not spells_acronym(a, document_text(doc_path))
            for a, ts in anchor_terms
        ):
            continue  # the document never mentions a name or number the question gives
        spans = _answer_spans(q, u, analyzer, question_terms)
        if not spans:
            continue
        antecedent = _antecedent(u, by_passage[id(u.passage)])
        byline = _is_byline(u, document_text)
        counting = [s for s in spans if s.kind == "count" and counted and _counts(s, counted)]
        covered = frozenset(t for g in q.groups for t in g if counting and _stem(t, counted))
        tie = scorer.tie(u, antecedent, whole_document=byline, covered=covered)
        standout = evidence.standout(u.dense)
        if tie < need and not (
            tie >= tuning.standout_alone_coverage and standout >= tuning.standout_alone_z
        ):
            continue  # the span answers something else than the question is about
        relation = _states_relation(q, u, spans, byline)
        if q.relation is not None and q.kind == "who" and not relation:
            continue  # "Kas vada X?": a name beside X is no answer unless the sentence says so
        span = _best_span(q, u, spans)
        bonus = tuning.relation_weight if relation else 0.0
        if counting:
            span = counting[0]
            bonus += tuning.cue_weight
        elif span.kind == "date" and _precise(q, u, span):
            bonus += tuning.cue_weight
        elif span.kind == "count" and q.expected[0] == "count" and q.kind == "until_when":
            if _noun_stem(span.value.partition(" ")[2]) in _TIME_UNITS:
                bonus += tuning.cue_weight  # "Cik ilgi …?" → "7 mēnešus"
        out.append(_Candidate(u, scorer.base[id(u)] + bonus, span, antecedent, relation))
    if q.relation is not None and any(c.states for c in out):
        out = [c for c in out if c.states]  # where the subject and the relation meet
    out.sort(key=lambda c: (-c.score, c.unit.passage.rank, c.unit.start))
    if not out:
        return []
    best = out[0]
    return [
        c
        for c in out
        if c.score >= tuning.follower_share * best.score
        and c.unit.passage.chunk.doc == best.unit.passage.chunk.doc
    ][: tuning.max_sentences]


def _best_span(q: Question, u: _Unit, spans: list[Span]) -> Span:
    """The span that answers: the one nearest the relation the question names ("Ance
    Medne-Strazda, Jauniešu mājas vadītāja"), the most precise date, else the first of the
    best expected kind."""
    from youthbot.text.relations import find_relations

    if q.relation is not None:
        at = [(a, b) for a, b, rel in find_relations(u.text, nouns=True) if rel == q.relation]
        if at:
            best_kind = [s for s in spans if s.kind == spans[0].kind]
            return min(best_kind, key=lambda s: min(_gap(u.text, s, a, b) for a, b in at))
    if q.kind in ("when", "until_when"):
        dated = [s for s in spans if s.kind == "date"]
        if dated:
            return max(
                dated, key=lambda s: (q.kind == "until_when" and _until(u, s), _precision(s.value))
            )
    return spans[0]


def _gap(text: str, s: Span, a: int, b: int) -> int:
    """Characters between span ``s`` and the relation word ``text[a:b]``.

    An agent noun belongs to the name before it ("Ance Medne-Strazda, Jauniešu mājas
    vadītāja, un Zane …"), so a name after one is far from it; a verb is near on both sides.
    """
    from youthbot.text.roles import is_role

    word = text[a:b]
    if is_role(word) or re.search(r"(tāj|tor)\w*$", word, re.IGNORECASE):
        return a - s.end if s.end <= a else len(text) + (s.start - b)
    return max(0, a - s.end, s.start - b)


def _precision(iso: str) -> int:
    """3 for a day ("2024-03-04", "--06-30"), 2 for a month, 1 for a year, 0 for a time."""
    if iso.startswith(("T", "D")):
        return 0
    return len([p for p in iso.split("-") if p])


def _until(u: _Unit, s: Span) -> bool:
    """Whether a date is given as an end ("līdz 4. martam", "termiņš – 4. marts")."""
    before = u.text[max(0, s.start - 20) : s.start].lower()
    return bool(re.search(r"(līdz|lidz|termiņ\w*|until|by)\W*(\w+\W+)?$", before))


def _precise(q: Question, u: _Unit, s: Span) -> bool:
    """A date as precise as a when-question wants: a day (an end date for until-when)."""
    if q.kind == "until_when":
        return _until(u, s)
    return _precision(s.value) >= 3 or s.value.startswith(("T", "D"))


def _answer_spans(
    q: Question, u: _Unit, analyzer: Analyzer, question_terms: set[str]
) -> list[Span]:
    """Spans of the expected kinds in the unit that the question does not itself give."""
    kinds = tuple(q.expected)
    anchor_terms = {t for a in q.anchors for t in analyzer.terms(a)}
    spans = [
        s
        for s in _spans(u.text, kinds)
        if s.kind in kinds and not _echoes(s, q, analyzer, question_terms, anchor_terms)
    ]
    if q.dates:  # "Līdz kuram datumam 2024. gadā …?" wants more than the year it gives
        given = max(_precision(d.value) for d in q.dates)
        spans = [
            s
            for s in spans
            if s.kind != "date" or s.value.startswith(("T", "D")) or _precision(s.value) > given
        ]
    spans.sort(key=lambda s: kinds.index(s.kind))
    if q.kind == "where" and not spans:
        spans = [
            Span("place", m.start(), m.end(), m.group(), m.group())
            for m in _LOCATIVE.finditer(u.text)
            if m.start() > 0 and not set(analyzer.content_words(m.group())) <= question_terms
        ]
    if q.kind in ("who", "which_org") and not spans:
        spans = [
            Span("org", m.start(1), m.end(1), m.group(1), m.group(1))
            for m in _QUOTED_NAME.finditer(u.text)
            if not set(analyzer.content_words(m.group(1))) <= question_terms
        ]
    if q.kind == "who" and not spans and q.relation is not None:
        spans = _role_spans(u.text, analyzer, question_terms)
    if q.kind == "which_org" and not spans:  # "Kuras struktūras …?" → "skolēnu pašpārvaldēm"
        spans = _org_noun_spans(u.text, analyzer, question_terms)
    return spans


def _echoes(
    s: Span, q: Question, analyzer: Analyzer, question_terms: set[str], anchor_terms: set[str]
) -> bool:
    """Whether span ``s`` only repeats something the question already says.

    A place answering "where" may not contain a place the question names ("Kur mācījās Ogres
    komanda?" is not answered by "Ogres novadā"); a name answering "who" may ("Kas rīkoja
    forumu Rēzeknē?" — "Rēzeknes novada pašvaldība").
    """
    if s.kind == "date":
        # the question's own date, or a coarser one it already gives ("2024." for "2024. gadā")
        return any(d.value == s.value or d.value.startswith(s.value) for d in q.dates)
    if s.kind in ("amount", "count"):
        return any(n.value == s.value for n in q.numbers) or s.text in q.text
    words = set(analyzer.content_words(s.text))
    if q.kind == "where" and words & anchor_terms:
        return True
    return not words or words <= question_terms


def _role_spans(text: str, analyzer: Analyzer, question_terms: set[str]) -> list[Span]:
    """Role nouns the question does not name ("koordinē jaunatnes lietu speciālists")."""
    from youthbot.text.roles import is_role

    out = []
    for m in re.finditer(r"[^\W\d_]+", text):
        if is_role(m.group()) and not set(analyzer.terms(m.group())) <= question_terms:
            out.append(Span("person", m.start(), m.end(), m.group(), m.group()))
    return out


def _org_noun_spans(text: str, analyzer: Analyzer, question_terms: set[str]) -> list[Span]:
    """Nouns naming a kind of organisation the question does not name ("pašpārvaldēm")."""
    from youthbot.text.questions import ORG_NOUN

    return [
        Span("org", m.start(), m.end(), m.group(), m.group())
        for m in re.finditer(r"[^\W\d_]+", text)
        if ORG_NOUN.fullmatch(m.group()) and not set(analyzer.terms(m.group())) <= question_terms
    ]


def _antecedent(u: _Unit, siblings: list[_Unit]) -> _Unit | None:
    """The unit before ``u`` when ``u`` opens with a back-reference ("To vada …")."""
    if not _BACK_REFERENCE.match(u.text):
        return None
    before = [s for s in siblings if s.start < u.start]
    return before[-1] if before else None


def _states_relation(q: Question, u: _Unit, spans: list[Span], byline: bool) -> bool:
    """Whether the unit states the question's relation, or is the byline that answers it."""
    from youthbot.text.relations import find_relations

    if q.relation is None:
        return False
    if any(rel == q.relation for _, _, rel in find_relations(u.text, nouns=True)):
        return True
    return byline and q.relation in _BYLINE_RELATIONS and any(s.kind == "person" for s in spans)


def _is_byline(u: _Unit, document_text: Callable[[str], str]) -> bool:
    """Whether the unit is the document's byline: a name line (or label) at its very end."""
    text = document_text(u.passage.chunk.doc).rstrip()
    first = u.text.split("\n", 1)[0].strip()
    return u.start >= len(text) - _BYLINE_TAIL and (_is_line(first) or first.endswith(":"))


def _counted(q: Question) -> str:
    """The noun a how-many question counts, as a folded stem ("Cik reižu …?" → "reiz")."""
    if q.kind != "how_many":
        return ""
    m = _COUNTED.search(q.text)
    return _noun_stem(m.group(1)) if m else ""


def _noun_stem(word: str) -> str:
    """A noun's folded stem, case endings off ("stāvu", "stāvos" → "stav")."""
    from youthbot.text.normalize import fold
    from youthbot.text.stem import stem

    return fold(stem(word.lower()))


def _counts(s: Span, counted: str) -> bool:
    """Whether a count span counts the question's noun ("34 reizes" for "Cik reižu")."""
    unit = s.value.split(" ", 1)[1] if " " in s.value else ""
    if unit == "%":
        return counted.startswith("procent") or counted.startswith("percent")
    return bool(unit) and _noun_stem(unit) == counted


def _stem(term: str, counted: str) -> bool:
    """Whether an analysed question term is the counted noun (its stem starts the same)."""
    return len(counted) >= 3 and (term.startswith(counted) or counted.startswith(term[:4]))


@functools.lru_cache(maxsize=2048)
def _spans(text: str, kinds: tuple[SpanKind, ...]) -> tuple[Span, ...]:
    return tuple(find_spans(text, kinds=kinds))


# -- phrasing ---------------------------------------------------------------------------


def _phrase(
    q: Question,
    chosen: list[_Candidate],
    document_text: Callable[[str], str],
    passages: list[Passage],
) -> Answer:
    """The answer: the chosen sentences quoted with citations (led by the span in English)."""
    units: list[_Unit] = []
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
        sentences.append(AnswerSentence(f"{_english(lead.span)}.", [n], True))
        for c in citations:
            sentences.append(AnswerSentence(f"Latvian source: “{_one_line(c.quote)}”", [c.n], True))
    else:
        sentences.extend(AnswerSentence(_one_line(c.quote), [c.n], True) for c in citations)
    answer_text = " ".join(f"{s.text} [{s.citations[0]}]" for s in sentences)
    return Answer(
        q.asked or q.text, True, answer_text, "extractive", citations, passages, sentences
    )


_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


def _english(span: Span) -> str:
    """A typed span said in English: a date as "6 December 2024", an amount as "8,500.00 EUR"."""
    if span.kind == "date":
        return _english_date(span.value) or span.text
    if span.kind == "amount":
        try:
            return f"{float(span.value):,.2f} EUR"
        except ValueError:
            return span.text
    if span.kind == "count":
        return span.value.split(" ", 1)[0] if span.value else span.text
    return span.value or span.text


def _english_date(iso: str) -> str:
    m = re.fullmatch(r"(\d{4})?(?:-{1,2}(\d{2}))?(?:-(\d{2}))?", iso)
    if m is None:
        return ""
    year, month, day = m.groups()
    if month is None:
        return year or ""
    out = _MONTHS_EN[int(month) - 1]
    if day:
        out = f"{int(day)} {out}"
    return f"{out} {year}" if year else out


# -- units of a passage -----------------------------------------------------------------


def _with_continuations(
    chosen: list[_Candidate],
    candidates: list[_Candidate],
    document_text: Callable[[str], str],
    tuning: Tuning,
) -> list[_Candidate]:
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
        if _BACK_REFERENCE.match(nxt.unit.text):
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
