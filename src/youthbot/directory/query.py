"""What a question asks the directory: the analysed ``Question`` read against what it holds.

The question is analysed once (``youthbot.question``: kind, relation verb, typed spans); here
its subject is looked up in the directory: the places, people, organisations, projects, dates
and event nouns it names, and the words left over (the topic), which a held event must say too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from youthbot.directory.entries import OrgEntry
from youthbot.directory.events import EVENT_NOUNS
from youthbot.directory.lookup import org_core, stems
from youthbot.directory.match import date_parts, known_place, name_matches, word_stem
from youthbot.directory.places import normalise_place
from youthbot.directory.tokens import Token, quoted, tokens
from youthbot.text.crosslingual import latvian_equivalents
from youthbot.text.happenings import happenings_in
from youthbot.text.questions import QUESTION_WORDS
from youthbot.text.relations import Relation, relation_of
from youthbot.text.stopwords import ENGLISH_STOPWORDS, LATVIAN_STOPWORDS

if TYPE_CHECKING:
    from youthbot.directory.entries import EntryName, PersonEntry, ProjectEntry
    from youthbot.directory.lookup import DirectoryLookup
    from youthbot.question import Question

__all__ = ["Ask", "DirectoryQuery", "read_question"]

Ask = Literal["organiser", "participants", "when", "where", "role", "head", "events"]
"""What the directory is asked: who organised an event, who took part in it, when or where it
happened, what a named person's role is, who heads an organisation or project, which events
there were."""

#: Event nouns that say only "an event": they name no kind of event, so they narrow nothing.
GENERIC_NOUNS = frozenset({"pasākums", "tikšanās"})
#: English event nouns → the Latvian base form the extraction gives (``EVENT_NOUNS`` values).
ENGLISH_NOUNS = {
    "meeting": "tikšanās",
    "training": "apmācības",
    "seminar": "seminārs",
    "conference": "konference",
    "forum": "forums",
    "camp": "nometne",
    "workshop": "darbnīca",
    "visit": "vizīte",
    "event": "pasākums",
    "festival": "festivāls",
    "exchange": "apmaiņa",
}
#: English names of places the gazetteer holds in Latvian.
ENGLISH_PLACES = {
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
}
#: Words that say what kind of thing a project is; the project's name or number says which.
_PROJECT_WORDS = frozenset(
    word_stem(w)
    for w in "projekts projekti programma programmas project projects programme".split()
)
#: Nouns that only say what kind of answer is wanted ("Kurā datumā …?", "Kādā pilsētā …?",
#: "On which day …?"), like the question words themselves.
_FRAME_WORDS = frozenset(
    word_stem(w)
    for w in """datums datumā dienā diena dienās gadā gads mēnesī mēnesis laikā laiks vietā vieta
    pilsētā pilsēta adresē adrese date day days year month time place city town venue""".split()
)
#: Place forms that are common words too ("amatu" = the post); read as places only capitalised.
_COMMON_WORDS = frozenset(
    {"amata", "amatu", "amatā", "amatam", "baloži", "ērgļi", "ērgļu", "sēja", "ape"}
)
#: Relations whose verb makes a when/where question one about an event.
_EVENT_RELATIONS: frozenset[Relation] = frozenset({"organise", "take_part", "open", "host", "lead"})
_STOP = LATVIAN_STOPWORDS | ENGLISH_STOPWORDS | QUESTION_WORDS
_NOUN_STEMS: dict[str, str] = {word_stem(form): base for form, base in EVENT_NOUNS.items()}


@dataclass(frozen=True, slots=True)
class DirectoryQuery:
    """A question read against the directory.

    Attributes:
        ask: What it asks (see ``Ask``).
        english: Whether the answer is to be given in English.
        places: Base names of the places it is about (where, or where to).
        origins: Base names of the places people came from ("no Ogres").
        people: The held people it names.
        orgs: The held organisation it names (the longest one), or none.
        projects: The held projects it names (by number or name).
        nouns: The kinds of event it names (base forms), generic ones left out.
        dates: ``(year, month, day)`` of each date it names (parts it leaves out are None).
        named: An event it names in quotes ("seminārs “Līderis manī”"), or empty.
        topic: Its other words, each as the stems that may say it (the word's own; for an
            English word its Latvian equivalents' too): a held event must say each of them.
        eventful: Whether it names an event (an event noun) or a verb of one happening.
    """

    ask: Ask
    english: bool
    places: frozenset[str]
    origins: frozenset[str]
    people: tuple[PersonEntry, ...]
    orgs: tuple[OrgEntry, ...]
    projects: tuple[ProjectEntry, ...]
    nouns: frozenset[str]
    dates: tuple[tuple[int | None, int | None, int | None], ...]
    named: str
    topic: tuple[frozenset[str], ...]
    eventful: bool

    @property
    def anchored(self) -> bool:
        """Whether it names a held place, person, organisation, project, date or event name."""
        return bool(
            self.places or self.origins or self.people or self.orgs or self.projects
            or self.dates or self.named
        )  # fmt: skip


def _ask(question: Question, happenings: set[str], nouns: bool) -> Ask | None:
    """What the directory is asked, from the question's kind, relation and verbs."""
    kind, relation = question.kind, question.relation
    event_verb = bool(happenings & {"happen", "attend"}) or relation in _EVENT_RELATIONS
    if relation == "organise" and kind in ("who", "which_org"):
        return "organiser"
    if kind in ("when", "where"):
        return kind if (nouns or event_verb) else None  # not "Kur atrodas …?"
    if kind == "who" and relation == "lead":
        return "head"
    if kind == "who" and (relation == "take_part" or "attend" in happenings):
        return "participants"
    if kind in ("what", "other") and ("do" in happenings or (nouns and event_verb)):
        return "events"
    if kind in ("who", "what") and relation is None and not happenings and not nouns:
        return "role"  # "Kas ir Zane Meldrāja?": checked against the people named
    return None


def read_question(question: Question, lookup: DirectoryLookup) -> DirectoryQuery | None:
    """Read ``question`` against the directory; None when it is no question for it.

    Args:
        question: The analysed question.
        lookup: The directory's indexes.

    Returns:
        What it asks and the held things it names.
    """
    text = question.text
    toks = tokens(text)
    words = [t.text for t in toks]
    happenings = {kind for _, kind in happenings_in(words)}
    used: set[int] = {i for i, _ in happenings_in(words)}
    nouns: set[str] = set()
    for i, t in enumerate(toks):
        base = _NOUN_STEMS.get(word_stem(t.text)) or ENGLISH_NOUNS.get(t.text.lower().rstrip("s"))
        if base:
            nouns.add(base)
            used.add(i)
    ask = _ask(question, happenings, bool(nouns))
    if ask is None:
        return None

    def cover(start: int, end: int) -> None:
        used.update(i for i, t in enumerate(toks) if start <= t.start and t.end <= end)

    named = _named(text, lookup)
    if named:
        cover(*named[1])
    projects = _projects(text, question, lookup, cover)
    for s in question.spans:
        if s.kind in ("date", "code", "amount", "count"):
            cover(s.start, s.end)
    held_stems = stems(text)
    orgs = _org(text, toks, held_stems, question, lookup, used)
    held_people = _people(text, toks, held_stems, question, lookup, used)
    places, origins = _places(text, toks, question, used)
    for o in orgs:  # an organisation's own place is not the question's place
        places -= set(o.places)
    for i, t in enumerate(toks):
        low = t.text.lower()
        stem = word_stem(t.text)
        if low in _STOP or relation_of(t.text) is not None or stem in _PROJECT_WORDS | _FRAME_WORDS:
            used.add(i)
    for p in projects:
        _use_stems(toks, stems(p.name), used)
    dates = tuple(date_parts(s.value) for s in question.dates)
    left = dict.fromkeys(t.text for i, t in enumerate(toks) if i not in used and len(t.text) >= 3)
    topic = tuple(_said_as(word, question.english) for word in left)
    return DirectoryQuery(
        ask=ask,
        english=question.english,
        places=frozenset(places),
        origins=frozenset(origins),
        people=tuple(held_people),
        orgs=tuple(orgs),
        projects=tuple(projects),
        nouns=frozenset(nouns - GENERIC_NOUNS),
        dates=dates,
        named=named[0] if named else "",
        topic=topic,
        eventful=bool(nouns or happenings & {"happen", "attend"}),
    )


def _said_as(word: str, english: bool) -> frozenset[str]:
    """The stems that say ``word``: its own, and its Latvian equivalents' in English."""
    said = {word_stem(word)}
    if english:
        said.update(word_stem(lv) for lv in latvian_equivalents(word))
    return frozenset(said)


def _use_stems(toks: list[Token], held: frozenset[str], used: set[int]) -> None:
    used.update(i for i, t in enumerate(toks) if word_stem(t.text) in held)


def _named(text: str, lookup: DirectoryLookup) -> tuple[str, tuple[int, int]] | None:
    """A quoted name in the question that a held event's title carries."""
    for s, e in quoted(text):
        if lookup.titled(text[s:e]):
            return text[s:e], (s, e)
    return None


def _projects(
    text: str,
    question: Question,
    lookup: DirectoryLookup,
    cover: Callable[[int, int], None],
) -> list[ProjectEntry]:
    """Held projects the question names by number (any written number) or by name."""
    numbers = [(s.start, s.end, s.text) for s in question.codes]
    offset = 0
    for word in text.split():
        start = text.index(word, offset)
        offset = start + len(word)
        bare = word.strip(".,;:!?()“”\"'«»")
        numbers.append((start, offset, bare))
    names: dict[str, EntryName] = {}
    for start, end, number in numbers:
        for n in lookup.projects_numbered(number):
            names.setdefault(n.key, n)
            cover(start, end)
    for n in lookup.projects_within(stems(text)):
        names.setdefault(n.key, n)
    found = (lookup.project_of(n) for n in names.values())
    return [p for p in found if p is not None]


def _org(
    text: str,
    toks: list[Token],
    held: frozenset[str],
    question: Question,
    lookup: DirectoryLookup,
    used: set[int],
) -> list[OrgEntry]:
    """The held organisation the question names (the longest when several), as a list."""
    spans = [(s, lookup.org(s.value)) for s in question.of_kind("org")]
    found: list[tuple[str, OrgEntry | EntryName]] = [(o.name, o) for _, o in spans if o]
    for i, t in enumerate(toks):
        if t.is_upper and i not in used:  # not "VARAM" inside a project number
            found.extend((n.name, n) for n in lookup.orgs_abbreviated(t.text))
    found.extend((n.name, n) for n in lookup.orgs_within(held))
    if not found:
        return []
    _, picked = max(found, key=lambda f: len(f[0]))
    best = picked if isinstance(picked, OrgEntry) else lookup.org_of(picked)
    if best is None:
        return []
    _use_stems(toks, stems(best.name) | stems(org_core(best.name)), used)
    for i, t in enumerate(toks):
        if best.abbreviation and t.text.upper() == best.abbreviation.upper():
            used.add(i)
    for s, org in spans:
        if org is not None and org.key == best.key:
            used.update(i for i, t in enumerate(toks) if s.start <= t.start and t.end <= s.end)
    return [best]


def _people(
    text: str,
    toks: list[Token],
    held: frozenset[str],
    question: Question,
    lookup: DirectoryLookup,
    used: set[int],
) -> list[PersonEntry]:
    """The held people the question names: whole names in any case form, or a surname."""
    found: dict[str, PersonEntry] = {}
    for s in question.of_kind("person"):
        p = lookup.person(s.value)
        if p is not None:
            found.setdefault(p.key, p)
    caps = {word_stem(t.text) for t in toks if t.is_cap}
    for stem in sorted(held):
        for n in lookup.people_with_stem(stem):
            if n.key in found:
                continue
            surname = n.name.split(" ")[-1]
            if name_matches(n.name, text) or (
                len(surname) >= 4 and word_stem(surname) in held and word_stem(surname) in caps
            ):
                p = lookup.person_of(n)
                if p is not None:
                    found[p.key] = p
    for p in found.values():
        _use_stems(toks, stems(p.name), used)
    return list(found.values())


def _places(
    text: str, toks: list[Token], question: Question, used: set[int]
) -> tuple[set[str], set[str]]:
    """Places the question names: where (or where to) and where from ("no Ogres")."""
    where: set[str] = set()
    origin: set[str] = set()
    inside = [(s.start, s.end) for s in question.of_kind("org", "person")]

    def add(base: str, start: int) -> None:
        before = text[max(0, start - 5) : start].lower()
        (origin if before.endswith(("no ", "from ")) else where).add(normalise_place(base) or base)

    for s in question.places:
        if any(a <= s.start and s.end <= b for a, b in inside):
            continue
        add(s.value, s.start)
        used.update(i for i, t in enumerate(toks) if s.start <= t.start and t.end <= s.end)
    for i, t in enumerate(toks):
        if i in used or len(t.text) < 3 or any(a <= t.start < b for a, b in inside):
            continue
        english = ENGLISH_PLACES.get(t.text.lower())
        base = english or known_place(t.text)
        if base is None or (not t.is_cap and t.text.lower() in _COMMON_WORDS):
            continue
        if t.text.lower() in _STOP:
            continue
        add(base, t.start)
        used.add(i)
    return where, origin
