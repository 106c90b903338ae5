"""Answer who/when/where questions from the directory, citing the sentences the facts came from."""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from youthbot.directory.db import FactStore
from youthbot.directory.events import EVENT_NOUNS
from youthbot.directory.match import name_matches, org_matches, place_set, word_stem
from youthbot.directory.places import find_places, locative, normalise_place
from youthbot.directory.tokens import fold
from youthbot.text.dates import find_dates
from youthbot.text.normalize import strip_diacritics
from youthbot.types import Answer, AnswerSentence, Citation, Passage

logger = logging.getLogger(__name__)

PassageForSpan = Callable[[str, int, int], Passage]

_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "organiser",
        re.compile(
            r"\b(kas|kurš|kura|kuri|kuras)\b.*\b(organizēja|rīkoja|organizē|rīko|organizētāj\w*|"
            r"rīkotāj\w*)|\bwho\b.*\b(organi[sz]ed|organi[sz]es|hosted|ran|held)\b",
            re.I,
        ),
    ),
    (
        "events",
        re.compile(
            r"\b(kādus|kādi|kādas|kuri|kuras|kurus|kādos)\b.*\b(pasākum\w*|notikum\w*|aktivitāt\w*|"
            r"tikšan\w*|apmācīb\w*)|\bko\b.*\b(darījis|darījusi|paveicis|paveikusi|darīja|īstenoj\w*)"
            r"|\b(which|what)\b.*\b(events?|activities|meetings?|trainings?)\b"
            r"|\bwhat\b.*\b(done|did\b.*\bdo)\s*\??\s*$",
            re.I,
        ),
    ),
    (
        "role",
        re.compile(
            r"\bkas\b.*\b(vada|vadīja|vadītāj\w*)\b|\bwho\b.*\b(leads?|led|heads?|manages?)\b"
            r"|^\s*(kas ir|who is)\b",
            re.I,
        ),
    ),
    ("when", re.compile(r"\b(kad|when)\b", re.I)),
    ("where", re.compile(r"\b(kur|where)\b", re.I)),
    (
        "who",
        re.compile(
            r"\b(kas|kuri|kurš|kura)\b.*\b(devās|piedalījās|brauca|apmeklēja|tikās|uzstājās|stāstīja|"
            r"runāja|dalījās)\b|\bwho\b.*\b(went|attended|took part|participated|spoke|"
            r"travel\w*|visited|met)\b",
            re.I,
        ),
    ),
)
# a when/where/who question must be about something happening
_HAPPENING = re.compile(
    r"\b(notika|notiek|notiks|norisinājās|norisināsies|tikās|devās|brauca|piedalījās|uzstājās|"
    r"rīkoja|organizēja|stāstīja|runāja|dalījās|happened|took place|held|met|went|travel\w*|"
    r"attended|organi[sz]ed|hosted|spoke)\b",
    re.I,
)
_QUESTION_STEMS = {
    word_stem(w)
    for w in (
        "kas kad kur kurš kura kuri kādus kādi notika norisinājās organizēja rīkoja vadīja devās "
        "piedalījās who when where which what organised organized took place event events the"
    ).split()
}
# place forms that are also common words ("amatu" = the post, "baloži" = pigeons)
_COMMON_WORDS = {"amata", "amatu", "amatā", "amatam", "baloži", "ērgļi", "ērgļu", "sēja", "ape"}
_HEAD_ROLE = re.compile(r"(vadītāj|direktor|priekšsēdētāj|izpilddirektor|valdes priekšsēdētāj)\w*$")
_ENGLISH = re.compile(r"\b(who|when|where|which|what|did|the|of|in)\b", re.I)
_ENGLISH_PLACES = {
    "lithuania": "Lietuva",
    "latvia": "Latvija",
    "estonia": "Igaunija",
    "norway": "Norvēģija",
    "ukraine": "Ukraina",
    "finland": "Somija",
    "sweden": "Zviedrija",
    "poland": "Polija",
    "germany": "Vācija",
    "riga": "Rīga",
    "liepaja": "Liepāja",
    "ventspils": "Ventspils",
}
_ENGLISH_NOUNS = {
    "meeting": "tikšanās",
    "training": "apmācības",
    "seminar": "seminārs",
    "conference": "konference",
    "forum": "forums",
    "camp": "nometne",
    "workshop": "darbnīca",
    "visit": "vizīte",
    "event": "pasākums",
}
_MONTHS_LOC = (
    "janvārī",
    "februārī",
    "martā",
    "aprīlī",
    "maijā",
    "jūnijā",
    "jūlijā",
    "augustā",
    "septembrī",
    "oktobrī",
    "novembrī",
    "decembrī",
)
_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(slots=True)
class _Query:
    kind: str
    english: bool
    places: set[str] = field(default_factory=set)
    origins: set[str] = field(default_factory=set)
    orgs: list[dict[str, Any]] = field(default_factory=list)
    people: list[dict[str, Any]] = field(default_factory=list)
    projects: list[dict[str, Any]] = field(default_factory=list)
    nouns: set[str] = field(default_factory=set)
    dates: list[tuple[int | None, int | None]] = field(default_factory=list)

    topic: set[str] = field(default_factory=set)
    named: str = ""

    @property
    def has_entity(self) -> bool:
        """Whether the question names something the directory holds."""
        return bool(
            self.places or self.orgs or self.people or self.projects or self.dates or self.named
        )


# The same patterns without diacritics, matched against the question without them, so
# "Kas organizeja tiksanos Liepaja?" is read like "Kas organizēja tikšanos Liepājā?".
_PLAIN_KINDS = tuple((k, re.compile(strip_diacritics(p.pattern), p.flags)) for k, p in _KINDS)
_PLAIN_HAPPENING = re.compile(strip_diacritics(_HAPPENING.pattern), _HAPPENING.flags)


def _kind(question: str) -> str | None:
    plain = strip_diacritics(question)
    for kind, pattern in _PLAIN_KINDS:
        if pattern.search(plain):
            return kind
    return None


def _question_places(question: str) -> tuple[set[str], set[str]]:
    """Places in the question: where (or where to), and where from (``no Ogres``)."""
    where: set[str] = set()
    origin: set[str] = set()
    capitalised = question
    if not re.search(r"\s[A-ZĀČĒĢĪĶĻŅŠŪŽ]", question):  # typed all in lower case: try place names
        capitalised = re.sub(
            r"\b([a-zāčēģīķļņšūž])(?=[a-zāčēģīķļņšūž]{3,})",
            lambda m: m.group(1).upper(),
            question,
        )
    for p in find_places(capitalised):
        if question[p.start : p.end].lower() in _COMMON_WORDS:
            continue
        before = capitalised[max(0, p.start - 5) : p.start].lower()
        (origin if re.search(r"\b(no|from)\s+$", before) else where).add(p.base)
    for word in re.findall(r"[^\W\d_]+", question):
        base = _ENGLISH_PLACES.get(fold(word))
        if base:
            where.add(base)
    return {normalise_place(p) or p for p in where}, origin


@functools.lru_cache(maxsize=50_000)
def _stems(text: str) -> frozenset[str]:
    return frozenset(word_stem(w) for w in re.findall(r"[^\W_]+", text))


def _org_in_question(org: dict[str, Any], question: str, q_stems: frozenset[str]) -> bool:
    if org["abbreviation"] and re.search(rf"\b{re.escape(org['abbreviation'])}\b", question):
        return True
    quoted = re.search(r"“([^”]+)”", org["name"])
    core = quoted.group(1) if quoted else org["name"]
    stems = _stems(core)
    return len(stems) >= 2 and stems <= q_stems


def _parse(question: str, facts: FactStore) -> _Query | None:
    kind = _kind(question)
    if kind is None:
        return None
    english = len(_ENGLISH.findall(question)) >= 2
    q = _Query(kind, english)
    for p in facts.projects():
        number = p["number"]
        if number and number in question:
            q.projects.append(p)
            question = question.replace(number, " ")
    q.places, q.origins = _question_places(question)
    q_stems = _stems(question)
    orgs = [o for o in facts.orgs() if _org_in_question(o, question, q_stems)]
    orgs.sort(key=lambda o: -len(o["name"]))
    q.orgs = orgs[:1]
    for o in q.orgs:  # an organisation's own place is not the question's place
        q.places -= set(o["places"])
    for p in facts.people():
        surname = p["name"].split(" ")[-1]
        if name_matches(p["name"], question) or (
            len(surname) >= 4
            and word_stem(surname) in q_stems
            and surname[0].isupper()
            and re.search(rf"\b{re.escape(surname[:4])}", question)
        ):
            q.people.append(p)
    for p in facts.projects():
        stems = _stems(p["name"])
        if p not in q.projects and len(stems) >= 2 and stems <= q_stems and p["kind"] == "projekts":
            q.projects.append(p)
    for word in re.findall(r"[^\W\d_]+", question):
        base = EVENT_NOUNS.get(word.lower()) or _ENGLISH_NOUNS.get(word.lower().rstrip("s"))
        if base:
            q.nouns.add(base)
    q.dates = [(d.month, d.day) for d in find_dates(question) if d.month]
    quoted = re.search(r"[“„\"«]([^”\"»]{2,80})[”\"»]", question)
    if quoted and any(fold(quoted.group(1)) in fold(e["title"]) for e in facts.all_events()):
        q.named = quoted.group(1)  # an event asked for by its name: seminārs “Līderis manī”
    noun_stems = {word_stem(f) for f in EVENT_NOUNS}
    q.topic = {
        w for w in q_stems if len(w) >= 4 and w not in noun_stems and w not in _QUESTION_STEMS
    }
    return q


def _events_for(q: _Query, facts: FactStore, org_filter: bool) -> list[dict[str, Any]]:
    events = facts.all_events()
    if q.places:
        wanted = set().union(*(place_set(p) for p in q.places))
        events = [e for e in events if e["place"] in wanted]
    if q.people and q.kind not in ("who",):
        names = {p["name"] for p in q.people}
        events = [e for e in events if names & set(e["people"])]
    if q.projects:
        titles = {fold(p["name"]) for p in q.projects}
        events = [e for e in events if e["project"] and fold(e["project"]) in titles]
    if q.orgs and org_filter:
        events = [
            e for e in events if any(org_matches(q.orgs[0]["name"], o) for o in e["organisers"])
        ]
    if q.named:
        events = [e for e in events if fold(q.named) in fold(e["title"])]
    if q.dates:
        events = [
            e for e in events if e["date"] and any(_date_hits(e["date"], m, d) for m, d in q.dates)
        ]
    if q.nouns:
        named = [e for e in events if any(_mentions_noun(e, n) for n in q.nouns)]
        events = named or events
    if not q.has_entity:  # only the topic words can pick the event: demand two of them
        scored = [(len(q.topic & _stems(e["title"])), e) for e in events]
        best = max((n for n, _ in scored), default=0)
        events = [e for n, e in scored if n == best] if best >= 2 else []
    return events


def _date_hits(iso: str, month: int | None, day: int | None) -> bool:
    tail = f"-{month:02d}" + (f"-{day:02d}" if day else "")
    return tail in iso[-6:] if day else f"-{month:02d}" in iso


def _mentions_noun(event: dict[str, Any], noun: str) -> bool:
    forms = {f for f, base in EVENT_NOUNS.items() if base == noun}
    words = {w.lower() for w in re.findall(r"[^\W\d_]+", event["title"] + " " + event["quote"])}
    return bool(forms & words)


def _date_text(iso: str | None, iso_end: str | None, english: bool) -> str:
    if not iso:
        return ""
    m = re.fullmatch(r"(\d{4})?-?-?(\d{2})?-?(\d{2})?", iso)
    year, month, day = (None, None, None) if m is None else m.groups()
    end_day = iso_end[-2:] if iso_end else None
    if month is None:
        return f"in {year}" if english else f"{year}. gadā"
    mi = int(month) - 1
    days = f"{int(day)}" if day else ""
    if day and end_day:
        days = f"{int(day)}.–{int(end_day)}" if not english else f"{int(day)}–{int(end_day)}"
    if english:
        out = f"{days} {_MONTHS_EN[mi]}".strip()
        return f"on {out} {year}" if year else f"on {out}"
    out = f"{days}. {_MONTHS_LOC[mi]}" if days else _MONTHS_LOC[mi]
    return f"{year}. gada {out}" if year else out


def _place_text(place: str | None, english: bool) -> str:
    if not place:
        return ""
    if english:
        return f"in {place}"
    return locative(place) or f"vietā “{place}”"


def _title_is_phrase(title: str) -> bool:
    head = title.split(" par ")[0].split(" ")[-1].lower()
    return head in EVENT_NOUNS.values()


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _join(names: list[str], english: bool) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + (" and " if english else " un ") + names[-1]


class _Builder:
    """Collects answer sentences and the citations they carry."""

    def __init__(self, passage_for_span: PassageForSpan) -> None:
        self.passage_for_span = passage_for_span
        self.citations: list[Citation] = []
        self.sentences: list[AnswerSentence] = []
        self.passages: list[Passage] = []

    def cite(self, doc: str, start: int, end: int) -> int:
        """The number of the citation of a document span (clipped to its passage), added once."""
        for c in self.citations:
            if c.passage.chunk.doc == doc and c.start == start and c.end == end:
                return c.n
        passage = self.passage_for_span(doc, start, end)
        chunk = passage.chunk
        s, e = max(start, chunk.start), min(end, chunk.end)
        quote = chunk.text[s - chunk.start : e - chunk.start]
        n = len(self.citations) + 1
        self.citations.append(Citation(n, passage, s, e, quote))
        if all(p.chunk != chunk for p in self.passages):
            self.passages.append(passage)
        return n

    def say(self, sentence: str, cites: list[int]) -> None:
        """Add an answer sentence backed by the given citations."""
        self.sentences.append(AnswerSentence(sentence, sorted(set(cites)), True))

    def answer(self, question: str) -> Answer | None:
        """The extractive answer, each sentence followed by its markers; None when empty."""
        if not self.sentences:
            return None
        parts = []
        for s in self.sentences:
            marks = "".join(f"[{n}]" for n in s.citations)
            body = s.text[:-1] if s.text.endswith(".") else s.text
            parts.append(f"{body} {marks}.")
        return Answer(
            question=question,
            answered=True,
            text=" ".join(parts),
            mode="extractive",
            citations=self.citations,
            passages=self.passages,
            sentences=self.sentences,
        )


def _span(evidence: dict[str, Any], key: str, event: dict[str, Any]) -> tuple[str, int, int]:
    ev = evidence.get(key)
    if ev:
        return ev["doc"], ev["start"], ev["end"]
    return event["doc"], event["start"], event["end"]


def answer_from_directory(
    question: str, facts: FactStore, passage_for_span: PassageForSpan
) -> Answer | None:
    """Answer a who/when/where question from the directory, or None when it cannot be sure.

    Handles "Kas organizēja/rīkoja …", "Kad notika …", "Kur notika …", "Kas no … devās …",
    "Kādus pasākumus rīkoja …", "Ko darījis projekts …", "Kas vada …" (and their English
    forms). The question must name something the directory holds (a place, organisation,
    person, project or date) and lead to one event (or, for lists, at least one); otherwise
    None, so that passage search answers instead.

    Args:
        question: The question as asked.
        facts: The directory.
        passage_for_span: Gives the indexed passage holding a document span.

    Returns:
        An extractive answer whose citations quote the sentences the facts were read from.
    """
    q = _parse(question, facts)
    if q is None or not (q.has_entity or (q.nouns and len(q.topic) >= 2)):
        return None
    if q.kind in ("organiser", "when", "where", "who") and not (
        q.nouns or _PLAIN_HAPPENING.search(strip_diacritics(question))
    ):
        return None  # "Kur atrodas …?" asks where something is, not where it happened
    b = _Builder(passage_for_span)
    if q.kind == "role":
        _role(q, facts, b)
    elif q.kind == "events":
        _event_list(q, facts, b)
    else:
        events = _events_for(q, facts, org_filter=q.kind != "organiser")
        if len(events) == 1:
            {"organiser": _organiser, "when": _when, "where": _where, "who": _who}[q.kind](
                q, events[0], facts, b
            )
        else:
            logger.debug("directory: %d events fit %r", len(events), question)
    return b.answer(question)


def _scene(event: dict[str, Any], english: bool) -> str:
    date = _date_text(event["date"], event["date_end"], english)
    place = _place_text(event["place"], english)
    return " ".join(x for x in (date, place) if x)


def _organiser(q: _Query, e: dict[str, Any], facts: FactStore, b: _Builder) -> None:
    if not e["organisers"]:
        return
    cites = [b.cite(*_span(e["evidence"], "date", e))]
    cites.append(b.cite(*_span(e["evidence"], "organisers", e)))
    who = _join(e["organisers"], q.english)
    scene = _scene(e, q.english)
    if q.english:
        b.say(f"The event {scene} was organised by {who}.".replace("  ", " "), cites)
    elif scene:
        b.say(f"{_cap(scene)} notikušo pasākumu rīkoja {who}.", cites)
    else:
        b.say(f"Pasākumu “{e['title']}” rīkoja {who}.", cites)


def _subject(e: dict[str, Any], english: bool) -> str:
    if _title_is_phrase(e["title"]):
        return f"“{e['title']}”" if english else _cap(e["title"])
    return "The event" if english else "Pasākums"


def _when(q: _Query, e: dict[str, Any], facts: FactStore, b: _Builder) -> None:
    _happened(q, e, b, "date")


def _where(q: _Query, e: dict[str, Any], facts: FactStore, b: _Builder) -> None:
    _happened(q, e, b, "place")


def _happened(q: _Query, e: dict[str, Any], b: _Builder, asked: str) -> None:
    """ "<event> notika <date> <place>." citing the span of what was ``asked`` (date or place)."""
    if not e[asked]:
        return
    cites = [b.cite(*_span(e["evidence"], asked, e))]
    date = _date_text(e["date"], e["date_end"], q.english)
    place = _place_text(e["place"], q.english)
    verb = "took place" if q.english else "notika"
    details = (date, place) if asked == "date" else (place, date)
    b.say(" ".join(x for x in (_subject(e, q.english), verb, *details) if x) + ".", cites)


def _who(q: _Query, e: dict[str, Any], facts: FactStore, b: _Builder) -> None:
    names = list(e["people"])
    if q.origins:
        wanted = set().union(*(place_set(p) for p in q.origins))
        org_places = {o["name"]: set(o["places"]) for o in facts.orgs()}
        people = {p["name"]: p for p in facts.people()}
        kept = []
        for n in names:
            p = people.get(n)
            where = set(p["places"]) if p else set()
            for o in p["orgs"] if p else []:
                where |= org_places.get(o, set())
            if where & wanted:
                kept.append(n)
        names = kept
    if not names:
        return
    cites = [b.cite(*_span(e["evidence"], f"person:{n}", e)) for n in names]
    scene = _scene(e, q.english)
    if q.english:
        b.say(f"Taking part in the event {scene}: {_join(names, True)}.".replace("  ", " "), cites)
    elif scene:
        b.say(f"{_cap(scene)} notikušajā pasākumā piedalījās {_join(names, False)}.", cites)
    else:
        b.say(f"Pasākumā “{e['title']}” piedalījās {_join(names, False)}.", cites)


def _event_list(q: _Query, facts: FactStore, b: _Builder) -> None:
    events = _events_for(q, facts, org_filter=True)
    if q.orgs and not events:
        events = [
            e
            for e in facts.all_events()
            if any(org_matches(q.orgs[0]["name"], o) for o in e["organisers"])
        ]
    for e in events[:10]:
        n = b.cite(e["doc"], e["start"], e["end"])
        scene = _scene(e, q.english)
        b.say(f"{_cap(scene)}: {e['title']}." if scene else f"{_cap(e['title'])}.", [n])


def _role(q: _Query, facts: FactStore, b: _Builder) -> None:
    if len(q.people) == 1:
        candidates = q.people
    elif q.orgs:
        org = q.orgs[0]["name"]
        candidates = [
            p
            for p in facts.people()
            if org in p["orgs"] and any(_HEAD_ROLE.match(r) for r in p["roles"])
        ]
    elif q.projects:
        docs = {d for pr in q.projects for d in pr["docs"]}
        candidates = [
            p
            for p in facts.people()
            if set(p["docs"]) & docs and any(r.startswith("projekta vadītāj") for r in p["roles"])
        ]
    else:
        return
    if len(candidates) != 1 or not candidates[0]["roles"]:
        return
    p = candidates[0]
    mention = next((m for m in p["mentions"] if m.get("context")), None)
    if mention is None:
        return
    n = b.cite(mention["doc"], *mention["context"])
    role = "; ".join(p["roles"])
    org = ", ".join(p["orgs"])
    if q.english:
        b.say(f"{p['name']}: {role}" + (f" ({org})" if org else "") + ".", [n])
    else:
        b.say(f"{p['name']} – {role}" + (f", {org}" if org else "") + ".", [n])
