"""The directory as it is read back: one frozen entry per person, organisation, project, place.

``facts.py`` holds what one document says (written at index time); an entry joins what every
document says about the same person (organisation, project, place) and keeps every mention.
Events are read back as ``facts.Event`` itself: an event belongs to one document.

Each entry's ``to_dict`` is its object in the JSON output of ``youthbot people|orgs|projects
--json`` (the contract documented in the README); ``Event.to_dict`` is that of ``events``.
Entries are shared by every query over one index generation: they are frozen, and the
``Event`` objects the store returns must be treated as read-only too.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from youthbot.directory.facts import Mention

__all__ = ["EntryName", "EventHead", "OrgEntry", "PersonEntry", "PlaceEntry", "ProjectEntry"]


def _mentions(mentions: tuple[Mention, ...]) -> list[dict[str, Any]]:
    return [m.to_dict() for m in mentions]


@dataclass(frozen=True, slots=True)
class PersonEntry:
    """One person across every document that names them.

    Attributes:
        name: Base form of the name (one seen written wins over one rebuilt from a case form).
        key: Folded name that joins the documents (``facts.Person.key``).
        roles: Every role the documents give them, first seen first.
        orgs: The organisations the documents tie them to.
        places: The places the documents tie them to.
        docs: The documents that name them, in path order.
        mentions: Every mention, in document and text order.
    """

    name: str
    key: str
    roles: tuple[str, ...]
    orgs: tuple[str, ...]
    places: tuple[str, ...]
    docs: tuple[str, ...]
    mentions: tuple[Mention, ...]

    def to_dict(self) -> dict[str, Any]:
        """The person object of ``youthbot people --json``."""
        return {
            "name": self.name,
            "roles": list(self.roles),
            "orgs": list(self.orgs),
            "places": list(self.places),
            "docs": list(self.docs),
            "mentions": _mentions(self.mentions),
        }


@dataclass(frozen=True, slots=True)
class OrgEntry:
    """One organisation across every document that names it.

    Attributes:
        name: Base name (``Ogres novada pašvaldība``).
        key: Folded name that joins the documents (``facts.Organisation.key``).
        kind: Head noun (``pašvaldība``, ``biedrība`` …).
        abbreviation: Its abbreviation, or empty.
        places: Places named in it.
        people: The people the documents tie to it, in name order of the directory.
        docs: The documents that name it.
        mentions: Every mention.
    """

    name: str
    key: str
    kind: str
    abbreviation: str
    places: tuple[str, ...]
    people: tuple[str, ...]
    docs: tuple[str, ...]
    mentions: tuple[Mention, ...]

    def to_dict(self) -> dict[str, Any]:
        """The organisation object of ``youthbot orgs --json``."""
        return {
            "name": self.name,
            "kind": self.kind,
            "abbreviation": self.abbreviation,
            "places": list(self.places),
            "docs": list(self.docs),
            "mentions": _mentions(self.mentions),
            "people": list(self.people),
        }


@dataclass(frozen=True, slots=True)
class ProjectEntry:
    """One project or programme across documents, joined by its number where one is given.

    Attributes:
        name: Its name (its number when no document names it otherwise).
        key: What joins the documents: the number when known, else the folded name.
        number: Its number, or empty.
        kind: ``projekts`` or ``programma``.
        funders: Who funds it.
        orgs: Who runs it.
        events: Titles of the events the documents tie to it.
        docs: The documents that name it.
        mentions: Every mention.
    """

    name: str
    key: str
    number: str
    kind: str
    funders: tuple[str, ...]
    orgs: tuple[str, ...]
    events: tuple[str, ...]
    docs: tuple[str, ...]
    mentions: tuple[Mention, ...]

    def to_dict(self) -> dict[str, Any]:
        """The project object of ``youthbot projects --json``."""
        return {
            "name": self.name,
            "number": self.number,
            "kind": self.kind,
            "funders": list(self.funders),
            "orgs": list(self.orgs),
            "docs": list(self.docs),
            "mentions": _mentions(self.mentions),
            "events": list(self.events),
        }


@dataclass(frozen=True, slots=True)
class PlaceEntry:
    """One place (base name) with every mention of it."""

    name: str
    kind: str
    mentions: tuple[Mention, ...]

    def to_dict(self) -> dict[str, Any]:
        """The place object of the JSON output."""
        return {"name": self.name, "kind": self.kind, "mentions": _mentions(self.mentions)}


@dataclass(frozen=True, slots=True)
class EntryName:
    """A held person, organisation or project by its name alone: what a lookup files.

    Attributes:
        key: The entry's key (``PersonEntry.key``, ``OrgEntry.key``, ``ProjectEntry.key``).
        name: Its name, as the entry gives it.
        abbreviation: An organisation's abbreviation, or empty.
        number: A project's number, or empty.
        kind: An organisation's head noun, or a project's kind (``projekts``, ``programma``).
    """

    key: str
    name: str
    abbreviation: str = ""
    number: str = ""
    kind: str = ""


@dataclass(frozen=True, slots=True)
class EventHead:
    """An event without its sentence and evidence: what the lookup indexes.

    Attributes:
        id: Its row in the directory (``FactStore.events_by_id`` gives the ``Event``).
        title: As ``Event.title``; the other fields likewise.
    """

    id: int
    title: str
    date: str | None
    date_end: str | None
    place: str | None
    organisers: tuple[str, ...]
    people: tuple[str, ...]
    project: str | None
    doc: str
