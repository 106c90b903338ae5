"""The question analysed once: a typed ``Question`` that retrieval, directory and answers read."""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from youthbot.text.happenings import Happening, happenings_in
from youthbot.text.normalize import fold
from youthbot.text.questions import (
    QUESTION_WORDS,
    QuestionKind,
    leans_on_conversation,
    question_kind,
)
from youthbot.text.relations import Relation, relation_of
from youthbot.text.spans import Span, SpanKind, find_spans

if TYPE_CHECKING:
    from youthbot.text.analyze import Analyzer

__all__ = ["EXPECTED_SPANS", "Question", "analyse_question"]

#: The span kinds that answer each kind of question, best first; empty where the answer is
#: an explanation (what, how, why) rather than one typed thing.
EXPECTED_SPANS: dict[QuestionKind, tuple[SpanKind, ...]] = {
    "who": ("person", "org"),
    "which_org": ("org", "place"),
    "when": ("date",),
    "until_when": ("date",),
    "where": ("venue", "address", "place", "org"),
    "how_much": ("amount",),
    "how_many": ("count",),
    "contact": ("phone", "email", "url"),
    "what": (),
    "how": (),
    "why": (),
    "other": (),
}

_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d[\w./-]*")
#: Quoted titles (“…”, „…”, «…», "…", '…'): their words name the subject, never the relation.
_QUOTED = re.compile(r"[“„«\"‘'‚]([^”“«»\"’']{2,120})[”»\"’']")
_CAPITALISED = re.compile(r"(?<![\w.])([A-ZĀČĒĢĪĶĻŅŠŪŽ][\w’'+-]+)")
_NUMBERISH = re.compile(r"(?<![\w.])\w*\d[\w./-]*")
_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)", re.IGNORECASE)
_ENGLISH_WORD = re.compile(r"[^\W\d_][\w'-]*")
#: The noun after an interrogative that names the kind of answer ("Kurā datumā", "Kādās
#: dienās", "Kurā pilsētā", "which year"): not a subject term.
_ASKED_NOUN = re.compile(
    r"\b(?:kur|kād|which|what)\w*\s+((?:datum|dien|gad|mēnes|menes|laik|stund|nedēļ|nedel|"
    r"viet|pilsēt|pilset|valst|date|day|year|month|time|place|city|town|country)\w*)",
    re.IGNORECASE,
)
#: "Kurā pilsētā/novadā/valstī …?", "In which town …?": a where-question asking for a town,
#: a region or a country, answered by a place name before a venue or an address.
_ASKS_PLACE_NAME = re.compile(
    r"\b(?:kur|kād|which|what)\w*\s+(?:pilsēt|pilset|novad|pagast|valst|ciem|reģion|region|"
    r"city|cities|town|countr|municipalit|village)\w*|\b(?:come|comes|came) from\b",
    re.IGNORECASE,
)
#: Latvian gerunds and adverbial participles ("atklājot", "piedaloties", "vadīdams").
_GERUND = re.compile(r"\w{3,}(?:ot|oties|dams|dama|damies|damās)$", re.IGNORECASE)
#: "Cikos …?", "No cikiem …?", "At what time …?": a clock time, not a day.
_ASKS_CLOCK = re.compile(
    r"\b(?:cikos|no cikiem|līdz cikiem|plkst\w*|kurā stundā|(?:at )?what time|which hour)\b",
    re.IGNORECASE,
)
#: "Kāda ir biroja adrese?", "Kurā ielā …?", "What is the address …?": a street address.
_ASKS_ADDRESS = re.compile(r"\b(?:adres\w*|address\w*|kurā ielā|kura iela|which street)\b", re.I)
#: Nouns for the page itself: who wrote "the article" is its author, not a word to find.
_DOCUMENT_NOUNS = frozenset(
    """raksts raksta rakstu rakstā ziņa ziņu ziņas ziņā informācija informāciju informācijas
    materiāls materiālu materiāla publikācija publikāciju teksts tekstu article report news
    story text piece post""".split()
)
#: "Cik ilgi …?", "How long …?" ask for a duration (a count of months) as much as an end.
_DURATION = re.compile(r"\b(cik ilg\w*|uz cik ilgu|cik ilgā laikā|how long)\b", re.IGNORECASE)
#: "Kas ir/bija/būs …", "Kā sauc …", "Who is …": with a role noun, they ask who holds it.
_ASKS_WHO_HOLDS = re.compile(
    r"^\s*(?:un\s+|bet\s+)?(?:kas\s+(?:ir|bija|būs|ir bijis|bija bijis)|kā\s+sauc|ka\s+sauc|"
    r"kas\s+(?:ir|bija)\s+tagad|who\s+(?:is|was|are|were))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Question:
    """A question as every stage needs it, analysed once.

    Attributes:
        text: The question as asked, white space folded.
        language: ISO 639-1 code of its language ("lv", "en", …).
        kind: What it asks for (see ``youthbot.text.questions.question_kind``).
        expected: Span kinds that answer it, best first (empty for what/how/why).
        relation: The relation its verb names ("Kas vadīja …?" → ``lead``), if any; a verb
            inside a quoted title ("konkursā “Atbalsts …”") is part of the subject, not this.
        subject_terms: Analysed content terms of what it is about, without question words
            and the relation verb ("Kas vadīja jauniešu forumu Balvos?" → jaunieš, forum, balv).
        spans: Typed spans it contains: names, organisations, places, dates, numbers, codes.
        followup: Whether it leans on the conversation before it ("Un kas to finansēja?").
        terms: Every analysed search term, the relation verb's too, spelled the way the
            corpus spells it when a vocabulary was given (what lexical search looks up).
        groups: ``terms`` as concepts: one group per term in Latvian; in another language an
            English word the glossary knows carries its Latvian equivalents' terms in its group.
        anchors: Words an answer's document must mention: capitalised words that do not open
            the question, numbers and codes ("Limbažu", "JSPA", "2024", "KA205-422726D7").
        role: The role noun it asks about, as the question writes it ("priekšsēdētājs" in
            "Kas ir jauniešu domes priekšsēdētājs?"), else "".
        asked: The question as the user typed it, when ``text`` is a rewrite of it that stands
            alone (a follow-up); else "".
        titles: The names it quotes ("Kas vadīja forumu “Ziemeļlatgales kafija ar
            politiķiem”?" → "Ziemeļlatgales kafija ar politiķiem"): each names one thing.
        happening: The happening its verb reports ("Kur notiks forums?" → ``happen``,
            "Where did they travel?" → ``attend``), if any, outside quoted titles.
        clock: Whether it asks for a clock time ("Cikos sākas …?", "At what time …?").
    """

    text: str
    language: str
    kind: QuestionKind
    expected: tuple[SpanKind, ...]
    relation: Relation | None
    subject_terms: tuple[str, ...]
    spans: tuple[Span, ...]
    followup: bool
    terms: tuple[str, ...] = ()
    groups: tuple[frozenset[str], ...] = ()
    anchors: tuple[str, ...] = ()
    role: str = ""
    asked: str = ""
    titles: tuple[str, ...] = ()
    happening: Happening | None = None
    clock: bool = False

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
        """Calendar dates it names (ISO values; days of the week and clock times excluded)."""
        return tuple(s for s in self.of_kind("date") if not s.value.startswith(("T", "D")))

    @property
    def times(self) -> tuple[Span, ...]:
        """Days of the week ("D1" Monday … "D7") and clock times ("T16:00") it names."""
        return tuple(s for s in self.of_kind("date") if s.value.startswith(("T", "D")))

    @property
    def numbers(self) -> tuple[Span, ...]:
        """Amounts and counts it names."""
        return self.of_kind("amount", "count")

    @property
    def codes(self) -> tuple[Span, ...]:
        """Project or document numbers it names."""
        return self.of_kind("code")

    def standing_alone(
        self,
        text: str,
        analyzer: Analyzer | None = None,
        vocabulary: Mapping[str, str] | None = None,
    ) -> Question:
        """This question rewritten to stand alone (a follow-up with the earlier topic).

        The rewrite is analysed for what it is about (terms, spans, anchors); what it asks
        for stays this question's, unless the rewrite asks for something else itself (an LLM
        rewrite is a whole question; a carried "… (projekts X)?" asks what this one asked).
        """
        if text == self.text:
            return self
        whole = analyse_question(text, analyzer, vocabulary)
        kind = whole.kind if whole.kind not in ("other", "what") else self.kind
        return replace(
            whole,
            kind=kind,
            expected=whole.expected if kind == whole.kind else self.expected,
            relation=whole.relation or self.relation,
            role=whole.role or self.role,
            followup=self.followup,
            asked=self.asked or self.text,
        )


def analyse_question(
    text: str,
    analyzer: Analyzer | None = None,
    vocabulary: Mapping[str, str] | None = None,
) -> Question:
    """Analyse a question once, for every later stage.

    Args:
        text: The question as typed (Latvian or English, with or without diacritics).
        analyzer: The lexical analyser whose terms ``subject_terms`` are given in (the one
            the index uses); a default one when None.
        vocabulary: The index's folded word → spelling map (``LexicalIndex.vocabulary``), so
            that words typed without diacritics get the corpus's spelling in ``terms``.

    Returns:
        The typed question.
    """
    from youthbot.text.analyze import Analyzer
    from youthbot.text.lang import detect_language

    question = " ".join(text.split())
    analyzer = analyzer or _default_analyzer(Analyzer)
    language = detect_language(question)
    role = _role(question, analyzer)
    kind = question_kind(question)
    if role and kind in ("what", "how", "other") and _ASKS_WHO_HOLDS.match(question):
        kind = "who"  # "Kas ir centra jaunatnes lietu koordinators?", "Kā sauc direktori?"
    quoted = [(m.start(1), m.end(1)) for m in _QUOTED.finditer(question)]
    relation: Relation | None = None
    kept: list[str] = []
    held: Relation | None = None  # the relation of a role noun asked about ("vadītāja")
    asked_noun = {m.start(1): m.group(1) for m in _ASKED_NOUN.finditer(question)}
    dropped: set[str] = set(asked_noun.values())
    for m in _WORD.finditer(question):
        if m.start() in asked_noun:
            continue  # "Kurā datumā …": the kind of answer, not what it is about
        if fold(m.group().lower()) in QUESTION_WORDS:
            dropped.add(m.group())  # "how much", "kas": they ask, they name nothing
            continue
        inside = any(a <= m.start() < b for a, b in quoted)
        # a gerund ("atklājot", "organizējot") sets the scene in a clause of its own: the
        # question asks about its main verb ("Kas pārgrieza lentīti, atklājot centru?")
        gerund = _GERUND.search(m.group()) is not None
        rel = relation_of(m.group()) if relation is None and not inside and not gerund else None
        if rel is not None and m.group() == role:
            held = held or rel  # a role noun is the subject too
        elif rel is not None:
            relation = rel
            continue
        kept.append(m.group())
    if relation is None and kind in ("who", "which_org"):
        relation = held
    outside = [
        m.group()
        for m in _WORD.finditer(question)
        if not any(a <= m.start() < b for a, b in quoted)
    ]
    happenings = happenings_in(outside)
    happening: Happening | None = happenings[0][1] if happenings else None
    if relation in ("write", "prepare"):  # "Kas sagatavoja rakstu par …?": the page itself
        dropped |= {w for w in kept if w.lower() in _DOCUMENT_NOUNS}
        kept = [w for w in kept if w not in dropped]
    subject = tuple(analyzer.content_words(" ".join(kept), vocabulary)) if kept else ()
    terms = tuple(dict.fromkeys(analyzer.query_terms(question, vocabulary)))
    if dropped:
        gone = {t for w in dropped for t in analyzer.query_terms(w, vocabulary)}
        terms = tuple(t for t in terms if t not in gone)
    expected = EXPECTED_SPANS[kind]
    if kind == "who" and role:
        expected = ("person",)  # "Kas ir domes priekšsēdētājs?": a person holds a role
    if kind == "until_when" and _DURATION.search(question):
        expected = ("count", "date")  # "Cik ilgi ilga?" → "7 mēnešus" or "līdz 30. jūnijam"
    if kind == "where" and _ASKS_PLACE_NAME.search(question):
        expected = ("place", "venue", "address", "org")
    elif kind == "where" and _ASKS_ADDRESS.search(question):
        expected = ("address", "venue", "place", "org")
    return Question(
        text=question,
        language=language,
        kind=kind,
        expected=expected,
        relation=relation,
        subject_terms=subject,
        spans=tuple(find_spans(question)),
        followup=leans_on_conversation(question),
        terms=terms,
        groups=_with_happening(
            _groups(question, terms, language, analyzer, dropped), outside, analyzer
        ),
        anchors=_anchors(question, analyzer, language),
        role=role,
        titles=tuple(question[a:b].strip() for a, b in quoted),
        happening=happening,
        clock=kind == "when" and _ASKS_CLOCK.search(question) is not None,
    )


def _groups(
    question: str,
    terms: tuple[str, ...],
    language: str,
    analyzer: Analyzer,
    dropped: Collection[str] = (),
) -> tuple[frozenset[str], ...]:
    """The question's terms, one group per concept.

    In a Latvian question every term is its own group. In another language, an English word
    the glossary knows joins its Latvian equivalents' terms to its group, so "funds" is found
    as "finansēts" and a concept counts once however many translations it has.
    """
    from youthbot.text.crosslingual import latvian_equivalents

    groups = [{t} for t in terms]
    for g in groups:  # "20th" meets "20." (the Latvian ordinal)
        g.update(_ORDINAL.sub(r"\1", t) for t in list(g) if _ORDINAL.fullmatch(t))
    if language == "lv":
        return tuple(frozenset(g) for g in groups)
    for word in _ENGLISH_WORD.findall(question):
        if word in dropped:
            continue  # "what date": the kind of answer, not the subject
        equivalents = latvian_equivalents(word)
        if not equivalents:
            continue
        own = set(analyzer.query_terms(word))
        latvian = set(analyzer.terms(" ".join(equivalents)))
        group = next((g for g in groups if g & own), None)
        if group is None:
            groups.append(own | latvian)
        else:
            group.update(latvian)
    merged: list[frozenset[str]] = []
    for g in groups:
        if g and frozenset(g) not in merged:
            merged.append(frozenset(g))
    return tuple(merged)


def _with_happening(
    groups: tuple[frozenset[str], ...], words: list[str], analyzer: Analyzer
) -> tuple[frozenset[str], ...]:
    """``groups`` with the group of each verb reporting a happening joined by the terms of
    every verb reporting the same kind: "Kad sāksies forums?" is answered by "Forums notiks
    …", "Kur notika?" by "… norisinājās …" (``youthbot.text.happenings``)."""

    found = happenings_in(words)
    if not found:
        return groups
    out = list(groups)
    for i, kind in found:
        own = set(analyzer.query_terms(words[i]))
        if not own:
            continue
        same = _happening_terms(kind, analyzer)
        at = next((n for n, g in enumerate(out) if g & own), None)
        if at is not None:
            out[at] = out[at] | same
    return tuple(out)


@functools.lru_cache(maxsize=8)
def _happening_terms(kind: Happening, analyzer: Analyzer) -> frozenset[str]:
    from youthbot.text.happenings import HAPPENINGS

    return frozenset(t for form in HAPPENINGS[kind] for t in analyzer.terms(form))


def _anchors(question: str, analyzer: Analyzer, language: str) -> tuple[str, ...]:
    """Capitalised words not opening the sentence, numbers and codes in ``question``."""
    found = []
    for m in _CAPITALISED.finditer(question):
        before = question[: m.start()].rstrip()
        if not before or before[-1] in '.!?:"“„(':
            continue  # a sentence-initial capital says nothing
        found.append(m.group(1).rstrip("+"))
    for m in _NUMBERISH.finditer(question):  # "20th" is the 20th: the text writes "20."
        found.append(re.sub(r"(?<=\d)(st|nd|rd|th)$", "", m.group(0).rstrip("."), flags=re.I))
    if language != "lv":  # "Youth House": English words the glossary translates are no names
        from youthbot.text.crosslingual import latvian_equivalents

        found = [e for e in found if not latvian_equivalents(e)]
    # only what the analyser keeps (drops stop words such as "Who", "Kas")
    return tuple(e for e in dict.fromkeys(found) if e and analyzer.terms(e))


def _role(question: str, analyzer: Analyzer) -> str:
    """The first word of ``question`` that is a role noun in any case ("direktori")."""
    from youthbot.text.analyze import Analyzer

    roles = _role_terms(_default_analyzer(Analyzer))
    for m in _ENGLISH_WORD.finditer(question):
        terms = analyzer.terms(m.group())
        if terms and terms[0] in roles:
            return m.group()
    return ""


@functools.cache
def _role_terms(analyzer: Analyzer) -> frozenset[str]:
    """The analysed terms of every role noun's base forms (vadītājs, speciāliste, …)."""
    from youthbot.text.roles import role_forms

    bases = {b for masc, fem, _ in role_forms().values() for b in (masc, fem)}
    return frozenset(t for b in bases for t in analyzer.terms(b)[:1])


@functools.lru_cache(maxsize=1)
def _default_analyzer(factory: type[Analyzer]) -> Analyzer:
    return factory()
