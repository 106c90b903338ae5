"""Typed answers: the sentence holding a span of the type asked for, tied to the subject.

A typed question (who, which organisation, when, until when, where, how much, how many,
contact) is answered only by a sentence that holds a span of the type it asks for (a person, a
date, an amount …, found by ``youthbot.text.spans``) that the question does not already give,
tied to what the question is about: the sentence itself, the sentence its pronoun points back
to ("To vada …", "Esmu …") and its document's title (the rest of the document at partial
credit) must hold enough of the question's subject, and the document must mention every name,
number and code the question does. Where the question names a relation ("Kas vadīja …?"), a
sentence stating it (the verb, its agent noun or action noun: vadīja, vadītāja, vadībā) is
preferred, and for "who" required, unless the sentence is the document's byline for "who
wrote". No qualifying sentence means no answer.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from youthbot.answer.units import BACK_REFERENCE, Candidate, Scorer, Unit, is_line
from youthbot.question import Question
from youthbot.text.spans import Span, SpanKind, find_spans
from youthbot.tuning import Tuning

if TYPE_CHECKING:
    from youthbot.retrieve import Evidence
    from youthbot.text.analyze import Analyzer

__all__ = ["english_span", "typed_candidates"]

#: Relations whose agent is a document's byline (its author) when no sentence states them.
_BYLINE_RELATIONS = frozenset({"write", "prepare", "say"})
#: Question kinds that ask for the agent of the relation they name ("Kas vadīja …?"); a
#: where- or when-question naming one ("Where will the camp be held?") asks for its scene.
_AGENT_KINDS = frozenset({"who", "which_org"})
#: A byline stands in the last this many characters of a document.
_BYLINE_TAIL = 400

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


def typed_candidates(
    q: Question,
    units: list[Unit],
    scorer: Scorer,
    analyzer: Analyzer,
    document_text: Callable[[str], str],
    tuning: Tuning,
    evidence: Evidence,
) -> list[Candidate]:
    """The sentences holding a span of the expected type tied to the question's subject.

    Args:
        q: The analysed question (``q.typed`` is True).
        units: The answer units of the retrieved passages.
        scorer: Their scores against the question.
        analyzer: The lexical analyser.
        document_text: The stored text of a document, by path.
        tuning: Weights and thresholds (``typed_tie``, ``relation_weight``, …).
        evidence: What retrieval found (the query's similarity baseline).

    Returns:
        The best candidate first, with close runners-up of the same document; [] when no
        sentence qualifies (the question is then declined).
    """
    from youthbot.retrieve import near, spells_acronym

    question_terms = set(q.terms) | {t for g in q.groups for t in g}
    counted = _counted(q)
    counted_terms = frozenset(analyzer.terms(_counted_word(q))) if counted else frozenset()
    need = tuning.typed_tie if q.language == "lv" else tuning.foreign_typed_tie
    by_passage: dict[int, list[Unit]] = {}
    for u in units:
        by_passage.setdefault(id(u.passage), []).append(u)
    anchor_terms = [(a, analyzer.terms(a)) for a in q.anchors]
    named = [t for t in (frozenset(analyzer.content_words(x)) for x in q.titles) if t]
    by_verb: set[int] = set()  # units stating the question's relation with its verb
    out: list[Candidate] = []
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
        if any(not t <= setting for t in named):
            continue  # "… konkursā “Jauniešu iniciatīvu projekti 2025”": its page names it
        spans = _answer_spans(q, u, analyzer, question_terms)
        if not spans:
            continue
        antecedent = _antecedent(u, by_passage[id(u.passage)])
        byline = _is_byline(u, document_text)
        counting = [
            s
            for s in spans
            if s.kind == "count" and counted and _counts(s, counted, counted_terms, analyzer)
        ]
        covered = frozenset(
            t for g in q.groups for t in g if counting and (_stem(t, counted) or t in counted_terms)
        )
        tie = scorer.tie(u, antecedent, whole_document=byline, covered=covered)
        standout = evidence.standout(u.dense)
        if tie < need and not (
            tie >= tuning.standout_alone_coverage and standout >= tuning.standout_alone_z
        ):
            continue  # the span answers something else than the question is about
        relation = _states_relation(q, u, spans, byline)
        if q.relation is not None and q.kind == "who" and not relation:
            continue  # "Kas vada X?": a name beside X is no answer unless the sentence says so
        span = _best_span(q, u, spans, analyzer)
        bonus = tuning.relation_weight if relation else 0.0
        if relation and _states_by_verb(q, u):
            by_verb.add(id(u))
        elif relation:
            bonus *= tuning.noun_relation_share  # "priekšsēdētāja X" says less than "vadīja X"
        if q.happening is not None and q.kind in ("where", "when") and _reports(u.text):
            bonus += tuning.happening_weight  # "Kur notiks …?" → "Forums notiks … centrā"
        if counting:
            span = counting[0]
            bonus += tuning.cue_weight
        elif span.kind == "date" and _precise(q, u, span):
            bonus += tuning.cue_weight
        elif q.kind == "where" and q.expected[0] != "place" and _says_where(u.text, span):
            bonus += tuning.cue_weight  # a venue, an address, a town in the locative
        elif span.kind == "count" and q.expected[0] == "count" and q.kind == "until_when":
            if _noun_stem(span.value.partition(" ")[2]) in _TIME_UNITS:
                bonus += tuning.cue_weight  # "Cik ilgi …?" → "7 mēnešus"
        out.append(Candidate(u, scorer.base[id(u)] + bonus, span, antecedent, relation))
    if q.relation is not None and q.kind in _AGENT_KINDS and any(c.states for c in out):
        out = [c for c in out if c.states]  # where the subject and the relation meet
        if any(id(c.unit) in by_verb for c in out):  # "Forumu vadīja X", not "priekšsēdētāja Y"
            out = [c for c in out if id(c.unit) in by_verb]
    if q.relation is not None and q.kind in ("when", "until_when"):
        # "Kad tika atklāts centrs?": the date of a sentence that says it was opened, not of
        # any sentence about the centre
        out = [c for c in out if c.states]
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


def _best_span(q: Question, u: Unit, spans: list[Span], analyzer: Analyzer) -> Span:
    """The span that answers: the one nearest the relation the question names ("Ance
    Medne-Strazda, Jauniešu mājas vadītāja"), the most precise date, else the first of the
    best expected kind."""
    from youthbot.text.relations import find_relations

    if q.relation is not None:
        at = [(a, b) for a, b, rel in find_relations(u.text, nouns=True) if rel == q.relation]
        if at:
            best_kind = [s for s in spans if s.kind == spans[0].kind]
            return min(best_kind, key=lambda s: min(_gap(u.text, s, a, b) for a, b in at))
    amounts = [s for s in spans if s.kind == "amount"]
    if q.kind == "how_much" and len(amounts) > 1:
        return _nearest_to_question(q, u, amounts, analyzer)
    if q.kind in ("when", "until_when"):
        dated = [s for s in spans if s.kind == "date"]
        if dated and q.clock:
            return max(dated, key=lambda s: (s.value.startswith("T"), _precision(s.value)))
        if dated:
            return max(
                dated, key=lambda s: (q.kind == "until_when" and _until(u, s), _precision(s.value))
            )
    return spans[0]


def _nearest_to_question(q: Question, u: Unit, spans: list[Span], analyzer: Analyzer) -> Span:
    """Of several amounts in one sentence, the one nearest a word the question uses ("Dalības
    maksa ir 85 eiro, bet kopējās izmaksas ir 9800 eiro" for "the total cost" → 9800)."""
    wanted = {t for g in q.groups for t in g}
    at = [
        (m.start(), m.end())
        for m in re.finditer(r"[^\W\d_]+", u.text)
        if set(analyzer.terms(m.group())) & wanted
    ]
    if not at:
        return spans[0]
    return min(spans, key=lambda s: min(max(0, a - s.end, s.start - b) for a, b in at))


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


def _until(u: Unit, s: Span) -> bool:
    """Whether a date is given as an end ("līdz 4. martam", "termiņš – 4. marts")."""
    before = u.text[max(0, s.start - 20) : s.start].lower()
    return bool(re.search(r"(līdz|lidz|termiņ\w*|until|by)\W*(\w+\W+)?$", before))


def _precise(q: Question, u: Unit, s: Span) -> bool:
    """A date as precise as a when-question wants: a day (an end date for until-when, a
    clock time for "Cikos …?")."""
    if q.kind == "until_when":
        return _until(u, s)
    if q.clock:
        return s.value.startswith("T")
    return _precision(s.value) >= 3 or s.value.startswith(("T", "D"))


def _answer_spans(q: Question, u: Unit, analyzer: Analyzer, question_terms: set[str]) -> list[Span]:
    """Spans of the expected kinds in the unit that the question does not itself give."""
    kinds = tuple(q.expected)
    anchor_terms = {t for a in q.anchors for t in analyzer.terms(a)}
    spans = [
        s
        for s in _spans(u.text, kinds)
        if s.kind in kinds and not _echoes(s, q, analyzer, question_terms, anchor_terms)
    ]
    if q.role and not _DEPUTY.search(q.text):  # "Kas ir priekšsēdētājs?": not the deputy
        spans = [
            s
            for s in spans
            if s.kind != "person" or not _DEPUTY.search(u.text[max(0, s.start - 25) : s.start])
        ]
    if q.dates:  # "Līdz kuram datumam 2024. gadā …?" wants more than the year it gives
        given = max(_precision(d.value) for d in q.dates)
        spans = [
            s
            for s in spans
            if s.kind != "date" or s.value.startswith(("T", "D")) or _precision(s.value) > given
        ]
    if q.kind == "where" and kinds[0] != "place":  # "Kur notiks …?", not "Kurā pilsētā …?"
        spans.sort(key=lambda s: (not _says_where(u.text, s), kinds.index(s.kind)))
    else:
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
    if q.kind == "who" and not spans and q.relation is not None and not q.role:
        # "Kas koordinē …?" → "jaunatnes lietu speciālists"; "Kas ir priekšsēdētājs?" asks
        # for the person who holds it, and another role noun is no answer
        spans = _role_spans(u.text, analyzer, question_terms)
    if q.kind == "which_org" and not spans:  # "Kuras struktūras …?" → "skolēnu pašpārvaldēm"
        spans = _org_noun_spans(u.text, analyzer, question_terms)
    return spans


#: "priekšsēdētāja vietniece X", "deputy chair X": the deputy, not the holder of the role.
_DEPUTY = re.compile(r"\b(vietniek\w*|vietniec\w*|deputy|vice)\b", re.IGNORECASE)
#: Prepositions before a place that say where to or where at ("uz Rietavu", "pie Saieta
#: laukuma", "to Tartu"): the place answers "where" in whatever case it stands.
_WHERE_PREPOSITION = re.compile(
    r"(?:\b(?:uz|pie|pretī|netālu no|līdz|in|at|to|near)\s+)$", re.IGNORECASE
)
_QUOTED_PART = re.compile(r"[“„«\"][^”“„«»\"]*[”»\"]")


def _says_where(text: str, s: Span) -> bool:
    """Whether span ``s`` names where something is or happens: a venue or an address; a place
    or organisation in the locative ("Valmierā", "Sabiles kultūras namā") or after a
    preposition of place ("uz Rietavu"). An organiser in the nominative ("Forumu organizē
    Cēsu novada pašvaldība") or a place in the genitive ("Cēsu novada …") does not."""
    from youthbot.text.venues import is_locative

    if s.kind in ("venue", "address"):
        return True
    if s.kind not in ("place", "org"):
        return True
    if _WHERE_PREPOSITION.search(text[max(0, s.start - 12) : s.start]):
        return True
    words = re.findall(r"[^\W\d_]+", _QUOTED_PART.sub(" ", s.text))
    return bool(words) and is_locative(words[-1])


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
    if q.kind == "where" and s.kind not in ("venue", "address") and words & anchor_terms:
        return True  # a venue may carry the town asked about: "Madonas Kultūras namā"
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


def _antecedent(u: Unit, siblings: list[Unit]) -> Unit | None:
    """The unit before ``u`` when ``u`` opens with a back-reference ("To vada …")."""
    if not BACK_REFERENCE.match(u.text):
        return None
    before = [s for s in siblings if s.start < u.start]
    return before[-1] if before else None


def _states_relation(q: Question, u: Unit, spans: list[Span], byline: bool) -> bool:
    """Whether the unit states the question's relation, or is the byline that answers it."""
    from youthbot.text.relations import find_relations

    if q.relation is None:
        return False
    if any(rel == q.relation for _, _, rel in find_relations(u.text, nouns=True)):
        return True
    return byline and q.relation in _BYLINE_RELATIONS and any(s.kind == "person" for s in spans)


def _states_by_verb(q: Question, u: Unit) -> bool:
    """Whether the unit states the question's relation with the question's own verb
    ("Kas vadīja …?" → "Forumu vadīja …"), not only with an agent or action noun
    ("priekšsēdētāja", "vadībā") or another verb sharing its stem ("pavadīju": spent)."""
    from youthbot.text.normalize import fold
    from youthbot.text.relations import find_relations, relation_of

    asked = next(
        (fold(w.lower()) for w in re.findall(r"[^\W\d_]+", q.text) if relation_of(w) == q.relation),
        "",
    )
    if not asked or _agent_noun(asked):
        return False
    return any(
        rel == q.relation
        and not _agent_noun(u.text[a:b])
        and fold(u.text[a:b].lower())[:3] == asked[:3]
        for a, b, rel in find_relations(u.text, nouns=False)
    )


def _agent_noun(word: str) -> bool:
    """A role or agent noun ("priekšsēdētāja", "vadītājs", "direktore"), not a verb."""
    from youthbot.text.roles import is_role

    return is_role(word) or re.search(r"(tāj|tor|niek|niec)\w*$", word, re.IGNORECASE) is not None


def _reports(text: str) -> bool:
    """Whether a sentence reports a happening ("notiks", "norisinājās", "took place")."""
    from youthbot.text.happenings import happenings_in

    return bool(happenings_in(re.findall(r"[^\W\d_]+", text)))


def _is_byline(u: Unit, document_text: Callable[[str], str]) -> bool:
    """Whether the unit is the document's byline: a name line (or label) at its very end."""
    text = document_text(u.passage.chunk.doc).rstrip()
    first = u.text.split("\n", 1)[0].strip()
    return u.start >= len(text) - _BYLINE_TAIL and (is_line(first) or first.endswith(":"))


def _counted(q: Question) -> str:
    """The noun a how-many question counts, as a folded stem ("Cik reižu …?" → "reiz")."""
    word = _counted_word(q)
    return _noun_stem(word) if word else ""


def _counted_word(q: Question) -> str:
    """The noun a how-many question counts, as written ("Cik jauniešu …?" → "jauniešu")."""
    if q.kind != "how_many":
        return ""
    m = _COUNTED.search(q.text)
    return m.group(1) if m else ""


def _noun_stem(word: str) -> str:
    """A noun's folded stem, case endings off ("stāvu", "stāvos" → "stav")."""
    from youthbot.text.normalize import fold
    from youthbot.text.stem import stem

    return fold(stem(word.lower()))


def _counts(s: Span, counted: str, counted_terms: frozenset[str], analyzer: Analyzer) -> bool:
    """Whether a count span counts the question's noun ("34 reizes" for "Cik reižu"; "14
    jaunieši" for "Cik jauniešu": the analyser reads both as one term)."""
    unit = s.value.split(" ", 1)[1] if " " in s.value else ""
    if unit == "%":
        return counted.startswith("procent") or counted.startswith("percent")
    if not unit:
        return False
    return _noun_stem(unit) == counted or bool(counted_terms & set(analyzer.terms(unit)))


def _stem(term: str, counted: str) -> bool:
    """Whether an analysed question term is the counted noun (its stem starts the same)."""
    return len(counted) >= 3 and (term.startswith(counted) or counted.startswith(term[:4]))


@functools.lru_cache(maxsize=2048)
def _spans(text: str, kinds: tuple[SpanKind, ...]) -> tuple[Span, ...]:
    return tuple(find_spans(text, kinds=kinds))


_MONTHS_EN = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def english_span(span: Span) -> str:
    """A typed span said in English: a date as "6 December 2024", an amount as "8,500.00 EUR"."""
    if span.kind == "date" and span.value.startswith("T"):
        return span.value[1:]  # "T15:00" → "15:00"
    if span.kind == "date" and span.value.startswith("D"):
        return _WEEKDAYS_EN[int(span.value[1:]) - 1]
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
