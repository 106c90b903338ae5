"""Selecting the facts that answer a directory question: the events, people and roles it holds.

An event answers only when it matches everything the question says: its places, people,
organisation, project, dates and quoted name, the kind of event it names ("forums" is not a
"seminārs"; "pasākums" and "tikšanās" say nothing), and every other word of its subject. A
question naming nothing the directory holds gets nothing, so passage search answers it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from youthbot.directory.events import EVENT_NOUNS
from youthbot.directory.match import (
    at_place,
    date_parts,
    org_matches,
    place_set,
    stem_variants,
    stems_meet,
    word_stem,
)
from youthbot.directory.tokens import fold

if TYPE_CHECKING:
    from youthbot.directory.entries import EventHead, PersonEntry
    from youthbot.directory.facts import Event
    from youthbot.directory.lookup import DirectoryLookup
    from youthbot.directory.query import DirectoryQuery

__all__ = ["events_for", "heads_for", "people_from"]

#: Roles that head an organisation (the stem a role word starts with).
HEAD_ROLES = ("vadītāj", "direktor", "priekšsēdētāj", "izpilddirektor", "valdes priekšsēdētāj")
#: The role that leads a project.
PROJECT_LEAD_ROLE = "projekta vadītāj"
#: Topic words needed when a question names no place, person, organisation, project, date or
#: event name: two, or one beside a kind of event ("nometne").
TOPIC_ALONE = 2
#: Events read whole at a time while matching (the rest are not read once enough match).
BATCH = 64

_NOUN_STEMS: dict[str, frozenset[str]] = {}
for _form, _base in EVENT_NOUNS.items():
    _NOUN_STEMS[_base] = _NOUN_STEMS.get(_base, frozenset()) | {word_stem(_form)}


def events_for(
    q: DirectoryQuery, lookup: DirectoryLookup, org_filter: bool = True, limit: int | None = None
) -> list[Event]:
    """The held events that match everything the question says about its event.

    Args:
        q: The question read against the directory.
        lookup: The directory's indexes.
        org_filter: Whether the organisation it names must be an organiser (not when it asks
            who organised: then the organisation is the answer, not the filter).
        limit: Stop after this many (a question about one event needs to know only whether
            a second one fits too).

    Returns:
        The matching events in document order (empty when it names too little to tell).
    """
    if not q.anchored and len(q.topic) < (1 if q.nouns else TOPIC_ALONE):
        return []
    wanted = frozenset().union(*(place_set(p) for p in q.places)) if q.places else None
    names = {p.name for p in q.people} if q.people and q.ask != "participants" else set()
    projects = {fold(p.name) for p in q.projects}
    org = q.orgs[0].name if q.orgs and org_filter else None
    out: list[Event] = []
    batch: list[EventHead] = []
    candidates = _candidates(q, lookup, wanted, names, projects, org)
    for i, e in enumerate(candidates):
        if wanted is not None and not at_place(e.place, wanted):
            pass
        elif names and not names & set(e.people):
            pass
        elif projects and not (e.project and fold(e.project) in projects):
            pass
        elif org is not None and not any(org_matches(org, o) for o in e.organisers):
            pass
        elif q.named and fold(q.named) not in fold(e.title):
            pass
        elif q.dates and not any(_date_hits(e.date, d) for d in q.dates):
            pass
        else:
            batch.append(e)
        if batch and (len(batch) == BATCH or i == len(candidates) - 1):
            out += _said_enough(q, lookup, lookup.events(batch))
            batch = []
            if limit is not None and len(out) >= limit:
                return out[:limit]
    return out


def _said_enough(q: DirectoryQuery, lookup: DirectoryLookup, events: list[Event]) -> list[Event]:
    """Those of ``events`` that say the kind of event and every word the question asks for."""
    out = []
    for e in events:
        said = lookup.said(e)
        if q.nouns and not any(_NOUN_STEMS.get(n, frozenset()) & said for n in q.nouns):
            continue  # "forums" asked, a seminar held
        if not all(stems_meet(alternatives, said) for alternatives in q.topic):
            continue  # a word of the question's subject the event does not say
        out.append(e)
    return out


def _candidates(
    q: DirectoryQuery,
    lookup: DirectoryLookup,
    wanted: frozenset[str] | None,
    names: set[str],
    projects: set[str],
    org: str | None,
) -> list[EventHead]:
    """The shortest list of events that must hold the answer, from the indexes."""
    lists: list[list[EventHead]] = []
    if wanted is not None:
        lists.append(lookup.at(wanted))
    if names:
        lists.append(lookup.with_people(names))
    if projects:
        lists.append(lookup.of_projects(projects))
    if q.named:
        lists.append(lookup.titled(q.named))
    if q.dates and all(m for _, m, _ in q.dates):
        lists.append(
            [
                e
                for _, m, d in q.dates
                for e in (lookup.on_day(m, d) if m and d else lookup.in_month(m or 0))
            ]
        )
    if org is not None and not lists:
        exact = lookup.organised_by([org])  # else matched by part of their name, below
        lists.append(exact or lookup.heads())
    if not lists and (q.topic or q.nouns):
        said = {v for alts in q.topic for a in alts for v in stem_variants(a)}
        said |= {s for n in q.nouns for s in _NOUN_STEMS.get(n, ())}
        lists.append(lookup.titled_with(said))
    if not lists:
        return []
    return min(lists, key=len)


def _date_hits(iso: str | None, want: tuple[int | None, int | None, int | None]) -> bool:
    """Whether an event's date is the date asked (each part the question gives must agree;
    a year asked is not confirmed by a date without one)."""
    if not iso:
        return False
    year, month, day = date_parts(iso)
    y, m, d = want
    return (y is None or y == year) and (m is None or m == month) and (d is None or d == day)


def event_list(q: DirectoryQuery, lookup: DirectoryLookup) -> list[Event]:
    """The events a "which events …?" question lists: those matching it; when it names an
    organisation and nothing else matches, every event that organisation organised."""
    events = events_for(q, lookup)
    if q.orgs and not events:
        org = q.orgs[0].name
        heads = lookup.organised_by([org]) or [
            e for e in lookup.heads() if any(org_matches(org, o) for o in e.organisers)
        ]
        events = lookup.events(heads)
    return events


def people_from(names: list[str], origins: frozenset[str], lookup: DirectoryLookup) -> list[str]:
    """Those of ``names`` whose own or organisation's places are among ``origins``."""
    wanted = frozenset().union(*(place_set(p) for p in origins))
    kept = []
    for n in names:
        p = lookup.person(n)
        if p is None:
            continue
        where = set(p.places)
        for o in p.orgs:
            org = lookup.org(o)
            if org is not None:
                where.update(org.places)
        if where & wanted:
            kept.append(n)
    return kept


def heads_for(q: DirectoryQuery, lookup: DirectoryLookup) -> list[PersonEntry]:
    """Who heads the organisation (or leads the project) the question names."""
    if q.orgs:
        people = [lookup.person(n) for n in q.orgs[0].people]
        return [p for p in people if p and any(r.startswith(HEAD_ROLES) for r in p.roles)]
    if q.projects:
        docs = {d for pr in q.projects for d in pr.docs}
        return [
            p
            for p in lookup.people_in(docs)
            if any(r.startswith(PROJECT_LEAD_ROLE) for r in p.roles)
        ]
    return []
