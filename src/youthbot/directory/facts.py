"""The facts the directory holds: people, organisations, places, projects and events with spans."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Mention:
    """Where a fact was read: an exact span of a document's text.

    Attributes:
        doc: ``Document.path``.
        start: Offset of the first character in ``Document.text``.
        end: Offset just past the last character.
        quote: ``Document.text[start:end]``.
        context: The span of the sentence it stands in, for citing; None when not known.
    """

    doc: str
    start: int
    end: int
    quote: str
    context: tuple[int, int] | None = None

    def to_dict(self) -> dict[str, Any]:
        """The mention object of the JSON output."""
        out: dict[str, Any] = {
            "doc": self.doc,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
        }
        if self.context is not None:
            out["context"] = list(self.context)
        return out


@dataclass(slots=True)
class Person:
    """A person named in one document, with what the text says they are.

    Attributes:
        name: Base form of the name (``Zita Bērziņa-Igaune``).
        key: Folded name joining mentions across documents.
        roles: Roles as the text gives them (``projekta vadītāja``).
        orgs: Base names of the organisations the text ties them to.
        places: Places the text ties them to (their organisation's or role's place).
        mentions: Every mention, the name as written.
        observed: Whether the base form was seen written (not only rebuilt from a case form).
    """

    name: str
    key: str
    roles: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    observed: bool = True


@dataclass(slots=True)
class Organisation:
    """An organisation named in one document.

    Attributes:
        name: Base name (``Ogres novada pašvaldība``, ``biedrība “House of Hope”``).
        key: Folded name.
        kind: Head noun (``pašvaldība``, ``biedrība`` ...).
        abbreviation: Its abbreviation, or empty.
        places: Places named in it (``Ogres novads``).
        mentions: Every mention.
    """

    name: str
    key: str
    kind: str
    abbreviation: str = ""
    places: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class Place:
    """A place named in one document, normalised to its base name."""

    name: str
    kind: str
    mentions: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class Project:
    """A project or programme named in one document.

    Attributes:
        name: Its name as quoted (``PROTI un DARI 2.0``), or its number when only that is given.
        key: The number when known (projects are joined by number), else the folded name.
        kind: ``projekts`` or ``programma``.
        number: Its number (``4.2.3.4/1/2024/I/001``, ``KA205-422726D7``), or empty.
        funders: Who funds it, as the text says.
        orgs: Who runs it.
        mentions: Every mention.
    """

    name: str
    key: str
    kind: str = "projekts"
    number: str = ""
    funders: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class Event:
    """Something that happened (a meeting, a training, a visit) as one document reports it.

    Attributes:
        title: What happened, from the text.
        date: ISO date as precise as the text allows (``2024-01-26``, ``--06-05``, ``2023``),
            or None when the text gives none.
        date_end: Last day of a range, same form, or None.
        place: Base name of where it happened, or None.
        organisers: Organisations (or people) the text says organised it.
        people: Speakers and participants named.
        project: The project it belongs to (its name), or None.
        doc: ``Document.path``.
        start: Start of the sentence that reports it.
        end: End of that sentence.
        quote: That sentence.
        evidence: For ``date``, ``place``, ``organisers`` and each person: the span that says it.
    """

    title: str
    date: str | None
    date_end: str | None
    place: str | None
    organisers: list[str]
    people: list[str]
    project: str | None
    doc: str
    start: int
    end: int
    quote: str
    evidence: dict[str, Mention] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """The event object of the JSON output."""
        return {
            "title": self.title,
            "date": self.date,
            "date_end": self.date_end,
            "place": self.place,
            "organisers": list(self.organisers),
            "people": list(self.people),
            "project": self.project,
            "doc": self.doc,
            "start": self.start,
            "end": self.end,
            "quote": self.quote,
            "evidence": {k: v.to_dict() for k, v in self.evidence.items()},
        }


@dataclass(slots=True)
class DocumentFacts:
    """Everything the directory extracted from one document."""

    doc: str
    people: list[Person] = field(default_factory=list)
    orgs: list[Organisation] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """How many facts of each kind."""
        return {
            "people": len(self.people),
            "orgs": len(self.orgs),
            "places": len(self.places),
            "projects": len(self.projects),
            "events": len(self.events),
        }
