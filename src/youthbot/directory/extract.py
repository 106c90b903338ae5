"""A document's directory facts by rules: places, organisations, people, projects, events."""

from __future__ import annotations

import bisect
import logging

from youthbot.directory.events import find_events
from youthbot.directory.facts import DocumentFacts, Mention, Organisation, Place
from youthbot.directory.people import build_people
from youthbot.directory.projects import build_projects, find_projects
from youthbot.text.morphology import stem_key
from youthbot.text.named import find_named
from youthbot.text.orgs import OrgMention, org_key
from youthbot.text.places import PlaceMention
from youthbot.text.sentences import split_sentences
from youthbot.text.tokens import sentence_of
from youthbot.types import Document

logger = logging.getLogger(__name__)


def extract_facts(doc: Document) -> DocumentFacts:
    """Everything the directory can read from one document (pure; no I/O).

    Every fact keeps the exact spans it was read from (``quote == doc.text[start:end]``);
    ``doc.date`` resolves dates written without a year.

    Args:
        doc: The document.

    Returns:
        Its people, organisations, places, projects and events.
    """
    text = doc.text
    sentences = split_sentences(text)
    named = find_named(text, sentences)
    places = named.places
    aliases = _org_aliases(named.orgs)
    kinds = {o.name: o.kind for o in named.orgs if o.kind}
    org_mentions = [_renamed(o, aliases, kinds) for o in named.orgs]
    people = build_people(doc.path, text, sentences, named.people)
    for person in people:
        person.orgs = list(dict.fromkeys(aliases.get(o, o) for o in person.orgs))
    projects = build_projects(
        doc.path, text, sentences, find_projects(text, sentences, org_mentions), org_mentions
    )
    events = find_events(
        doc.path, text, doc.date, sentences, places, org_mentions, people, projects
    )
    facts = DocumentFacts(
        doc=doc.path,
        people=people,
        orgs=_organisations(doc.path, text, org_mentions, places, sentences),
        places=_places(doc.path, text, places, sentences),
        projects=projects,
        events=events,
    )
    logger.debug("%s: %s", doc.path, facts.counts())
    return facts


def _org_aliases(mentions: list[OrgMention]) -> dict[str, str]:
    """Short names to the longer name they end (``Jauniešu māja`` → ``Liepājas Jauniešu māja``)."""
    names = {o.name for o in mentions}
    out: dict[str, str] = {}
    for short in names:
        low = " " + short.lower()
        longer = [n for n in names if n != short and n.lower().endswith(low) and n[0].isupper()]
        if not longer and "“" not in short:
            # "Jauniešu centrs" for "Tukuma novada Jauniešu centrs “Pagalms”"
            longer = [
                n
                for n in names
                if n != short and _unquoted(n).lower().endswith(low) and n[0].isupper()
            ]
            if len({n[n.index("“") :] for n in longer if "“" in n}) == 1:
                longer = [max(longer, key=len)]
        if len(longer) == 1 and short[0].isupper():
            out[short] = longer[0]
    # one quoted name is one organisation: "“Pagalmu”", "Tukuma Jauniešu centrs “Pagalms”"
    # and "jauniešu centrs “Zīle”" go under the fullest name written with it
    by_quote: dict[tuple[str, ...], list[str]] = {}
    for name in names:
        if "“" in name:
            inner = name[name.index("“") :].strip("“” ")
            by_quote.setdefault(tuple(stem_key(w) for w in inner.split()), []).append(name)
    for group in by_quote.values():
        full = [n for n in group if not n.startswith("“")]
        if not full:
            continue
        canonical = max(full, key=lambda n: (n[0].isupper(), len(n)))
        for n in group:
            if n != canonical and n not in out:
                out[n] = canonical
    return out


def _unquoted(name: str) -> str:
    """An organisation's name without the quoted name after its head."""
    cut = name.find(" “")
    return name[:cut] if cut > 0 else name


def _renamed(o: OrgMention, aliases: dict[str, str], kinds: dict[str, str]) -> OrgMention:
    if o.name not in aliases:
        return o
    name = aliases[o.name]
    return OrgMention(name, o.kind or kinds.get(name, ""), o.abbreviation, o.case, o.start, o.end)


def _organisations(
    doc: str,
    text: str,
    mentions: list[OrgMention],
    places: list[PlaceMention],
    sentences: list[tuple[int, int]],
) -> list[Organisation]:
    out: dict[str, Organisation] = {}
    starts = [p.start for p in places]
    for o in mentions:
        key = org_key(o.name)
        org = out.get(key)
        if org is None:
            org = out[key] = Organisation(o.name, key, o.kind, o.abbreviation)
        if o.abbreviation and not org.abbreviation:
            org.abbreviation = o.abbreviation
        for p in places[bisect.bisect_left(starts, o.start) : bisect.bisect_left(starts, o.end)]:
            if p.base not in org.places:
                org.places.append(p.base)
        org.mentions.append(
            Mention(doc, o.start, o.end, text[o.start : o.end], sentence_of(sentences, o.start))
        )
    return list(out.values())


def _places(
    doc: str, text: str, mentions: list[PlaceMention], sentences: list[tuple[int, int]]
) -> list[Place]:
    out: dict[str, Place] = {}
    for p in mentions:
        place = out.setdefault(p.base, Place(p.base, p.kind))
        place.mentions.append(
            Mention(doc, p.start, p.end, text[p.start : p.end], sentence_of(sentences, p.start))
        )
    return list(out.values())
