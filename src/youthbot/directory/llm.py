"""Facts an LLM proposes, kept only where the quote it gives is found verbatim in the document."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Callable
from typing import Any

from youthbot.answer.prompts import DIRECTORY_PROMPT, directory_messages
from youthbot.directory.facts import (
    DocumentFacts,
    Event,
    Mention,
    Organisation,
    Person,
    Place,
    Project,
)
from youthbot.directory.match import name_matches
from youthbot.directory.names import clean_name, name_key
from youthbot.directory.orgs import org_key
from youthbot.directory.places import normalise_place
from youthbot.directory.projects import project_key
from youthbot.directory.tokens import fold
from youthbot.text.dates import find_dates, resolve_year
from youthbot.types import Document

logger = logging.getLogger(__name__)

Complete = Callable[[list[dict[str, str]]], str]

__all__ = ["DIRECTORY_PROMPT", "merge_facts", "propose_facts_with_llm"]


def _json_object(reply: str) -> dict[str, Any]:
    cleaned = re.sub(r"^```(?:json)?|```$", "", reply.strip(), flags=re.M).strip()
    start, end = cleaned.find("{"), cleaned.rfind("}")
    if start < 0 or end <= start:
        return {}
    try:
        data = json.loads(cleaned[start : end + 1])
    except json.JSONDecodeError:
        return {}
    return data if isinstance(data, dict) else {}


def _found(doc: Document, quote: Any) -> Mention | None:
    if not isinstance(quote, str) or len(quote.strip()) < 3:
        return None
    start = doc.text.find(quote)
    if start < 0:
        return None
    return Mention(doc.path, start, start + len(quote), quote, (start, start + len(quote)))


def _items(data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    items = data.get(key)
    return [i for i in items if isinstance(i, dict)] if isinstance(items, list) else []


def _text(item: dict[str, Any], key: str) -> str:
    value = item.get(key)
    return value.strip() if isinstance(value, str) else ""


def _in_quote(value: str, quote: str) -> bool:
    """Whether every word of ``value`` stands in ``quote`` in some case form."""
    return name_matches(value, quote)


def _texts(item: dict[str, Any], key: str) -> list[str] | None:
    """The strings of a list field (empty strings dropped); None when it is not a list."""
    values = item.get(key, [])
    if values is None:
        return []
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        return None
    return [v.strip() for v in values if v.strip()]


def propose_facts_with_llm(doc: Document, complete: Complete) -> DocumentFacts:
    """Ask an LLM for the document's facts and keep those its quotes back.

    A fact is kept only when its ``quote`` occurs verbatim in ``doc.text`` and every field it
    gives (names, roles, organisations, funders, numbers, titles, places, people, dates)
    stands in that quote, in any case form; otherwise the whole fact is dropped. An event's
    date is kept only as precise as the dates written in its quote (resolved with
    ``doc.date``); a date the quote does not give drops the event.

    Args:
        doc: The document.
        complete: Sends chat messages (``[{"role", "content"}]``) and returns the reply text.

    Returns:
        The kept facts; empty when the reply is not JSON.
    """
    reply = complete(directory_messages(doc.title, doc.text))
    data = _json_object(reply)
    if not data:
        logger.warning("directory LLM reply for %s was not a JSON object", doc.path)
    facts = DocumentFacts(doc=doc.path)
    dropped = 0
    for item in _items(data, "people"):
        name, m = clean_name(_text(item, "name")), _found(doc, item.get("quote"))
        role, org = _text(item, "role"), _text(item, "org")
        if (
            m is None
            or not name
            or not _in_quote(name, m.quote)
            or (role and not _in_quote(role, m.quote))
            or (org and not _in_quote(org, m.quote))
        ):
            dropped += 1
            continue
        facts.people.append(
            Person(
                name=name,
                key=name_key(name),
                roles=[role] if role else [],
                orgs=[org] if org else [],
                mentions=[m],
            )
        )
    for item in _items(data, "orgs"):
        name, m = _text(item, "name"), _found(doc, item.get("quote"))
        if m is None or not name or not _in_quote(name, m.quote):
            dropped += 1
            continue
        facts.orgs.append(Organisation(name, org_key(name), kind="", mentions=[m]))
    for item in _items(data, "places"):
        name, m = normalise_place(_text(item, "name")), _found(doc, item.get("quote"))
        if m is None or not name or not _in_quote(name, m.quote):
            dropped += 1
            continue
        facts.places.append(Place(name, "vieta", mentions=[m]))
    for item in _items(data, "projects"):
        name, number, funder = _text(item, "name"), _text(item, "number"), _text(item, "funder")
        m = _found(doc, item.get("quote"))
        if (
            m is None
            or not (name or number)
            or (number and number not in m.quote)
            or (name and not _in_quote(name, m.quote))
            or (funder and not _in_quote(funder, m.quote))
        ):
            dropped += 1
            continue
        facts.projects.append(
            Project(
                name=name or number,
                key=project_key(name, number),
                number=number,
                funders=[funder] if funder else [],
                mentions=[m],
            )
        )
    for item in _items(data, "events"):
        m = _found(doc, item.get("quote"))
        event = _event(doc, item, m) if m is not None else None
        if event is None:
            dropped += 1
            continue
        facts.events.append(event)
    if dropped:
        logger.info(
            "directory LLM: dropped %d facts that their quotes in %s do not state",
            dropped,
            doc.path,
        )
    return facts


def _event_date(doc: Document, claimed: str, quote: str) -> tuple[bool, str | None]:
    """(backed, date): the quote's own date that the claimed one agrees with.

    No claim takes the quote's first date; a claim more precise than the quote (a year the
    text never writes) keeps the quote's precision; a claim no date of the quote agrees with
    is not backed.
    """
    dates = [resolve_year(d, doc.date).iso for d in find_dates(quote)]
    if not claimed:
        return True, dates[0] if dates else None
    for iso in dates:
        if claimed == iso or claimed.startswith(iso + "-"):
            return True, iso
        if iso.startswith("--") and claimed.endswith(iso[1:]):
            return True, iso
    return False, None


def _event(doc: Document, item: dict[str, Any], m: Mention) -> Event | None:
    """The proposed event, or None when a field of it is not in its quote."""
    title, place_name = _text(item, "title"), _text(item, "place")
    names, organisers = _texts(item, "people"), _texts(item, "organisers")
    if names is None or organisers is None:
        return None
    if title and not _in_quote(title, m.quote):
        return None
    if not all(_in_quote(v, m.quote) for v in (*names, *organisers)):
        return None
    place = normalise_place(place_name) if place_name else None
    if place_name and (place is None or not _in_quote(place, m.quote)):
        return None
    backed, date = _event_date(doc, _text(item, "date"), m.quote)
    if not backed:
        return None
    return Event(
        title=title or m.quote[:80],
        date=date,
        date_end=None,
        place=place,
        organisers=organisers,
        people=[clean_name(n) for n in names],
        project=None,
        doc=doc.path,
        start=m.start,
        end=m.end,
        quote=m.quote,
        evidence={"date": m} if date else {},
    )


def merge_facts(rules: DocumentFacts, proposed: DocumentFacts) -> DocumentFacts:
    """The rule-based facts plus the proposed ones they lack (matched by key or name)."""
    out = DocumentFacts(
        doc=rules.doc,
        people=list(rules.people),
        orgs=list(rules.orgs),
        places=list(rules.places),
        projects=list(rules.projects),
        events=list(rules.events),
    )
    have_people = {p.key for p in out.people}
    out.people += [p for p in proposed.people if p.key not in have_people]
    have_orgs = {o.key for o in out.orgs}
    out.orgs += [o for o in proposed.orgs if o.key not in have_orgs]
    have_places = {p.name for p in out.places}
    out.places += [p for p in proposed.places if p.name not in have_places]
    have_projects = {p.key for p in out.projects} | {f"name:{fold(p.name)}" for p in out.projects}
    out.projects += [p for p in proposed.projects if p.key not in have_projects]
    spans = [(e.start, e.end) for e in out.events]
    out.events += [
        e for e in proposed.events if not any(s < e.end and e.start < t for s, t in spans)
    ]
    return out
