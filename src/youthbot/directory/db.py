"""The directory in SQLite: per-document fact rows (tables ``dir_*``) and the queries over them.

Facts are written per document (``replace_document``) and read back as typed entries
(``directory.entries``: one ``PersonEntry`` per person across documents, …) and as
``facts.Event``. Each kind is read in one pass the first time it is asked for and kept until
the next write, so every later query of an index generation reads memory, not SQLite.
"""

from __future__ import annotations

import contextlib
import gc
import json
import logging
import sqlite3
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from youthbot.directory.entries import (
    EntryName,
    EventHead,
    OrgEntry,
    PersonEntry,
    PlaceEntry,
    ProjectEntry,
)
from youthbot.directory.facts import DocumentFacts, Event, Mention
from youthbot.directory.match import (
    at_place,
    date_in_range,
    name_matches,
    org_matches,
    place_set,
    project_matches,
)
from youthbot.directory.projects import project_key
from youthbot.directory.tokens import fold

if TYPE_CHECKING:
    from youthbot.directory.lookup import DirectoryLookup

__all__ = ["FactStore"]

logger = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS dir_people (
    doc TEXT NOT NULL, key TEXT NOT NULL, name TEXT NOT NULL, observed INTEGER NOT NULL,
    roles TEXT NOT NULL, orgs TEXT NOT NULL, places TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS dir_people_doc ON dir_people(doc);
CREATE INDEX IF NOT EXISTS dir_people_key ON dir_people(key);
CREATE TABLE IF NOT EXISTS dir_orgs (
    doc TEXT NOT NULL, key TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL,
    abbreviation TEXT NOT NULL, places TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS dir_orgs_doc ON dir_orgs(doc);
CREATE INDEX IF NOT EXISTS dir_orgs_key ON dir_orgs(key);
CREATE TABLE IF NOT EXISTS dir_places (doc TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS dir_places_doc ON dir_places(doc);
CREATE TABLE IF NOT EXISTS dir_projects (
    doc TEXT NOT NULL, key TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL,
    number TEXT NOT NULL, funders TEXT NOT NULL, orgs TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS dir_projects_doc ON dir_projects(doc);
CREATE INDEX IF NOT EXISTS dir_projects_key ON dir_projects(key);
CREATE TABLE IF NOT EXISTS dir_events (
    doc TEXT NOT NULL, ordinal INTEGER NOT NULL, title TEXT NOT NULL, date TEXT, date_end TEXT,
    place TEXT, organisers TEXT NOT NULL, people TEXT NOT NULL, project TEXT,
    start_pos INTEGER NOT NULL, end_pos INTEGER NOT NULL, quote TEXT NOT NULL,
    evidence TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS dir_events_doc ON dir_events(doc);
CREATE TABLE IF NOT EXISTS dir_docs (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS dir_mentions (
    doc INTEGER NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL,
    start_pos INTEGER NOT NULL, end_pos INTEGER NOT NULL, quote TEXT NOT NULL,
    ctx_start INTEGER, ctx_end INTEGER
);
CREATE INDEX IF NOT EXISTS dir_mentions_doc ON dir_mentions(doc);
CREATE INDEX IF NOT EXISTS dir_mentions_key ON dir_mentions(kind, key);
"""
#: The tables whose rows name their document by its path. ``dir_mentions``, the largest, names
#: it by a ``dir_docs`` id instead: a path in every mention took a tenth of the index's disk.
_TABLES = ("dir_people", "dir_orgs", "dir_places", "dir_projects", "dir_events")


def _row(m: Mention) -> tuple[Any, ...]:
    ctx = m.context or (None, None)
    return (m.start, m.end, m.quote, ctx[0], ctx[1])


#: Mentions of one kind of fact grouped by (key, document), each list in text order.
_Mentions = dict[tuple[str, str], list[Mention]]


class FactStore:
    """The directory's facts in the index database; written per document, read by queries.

    Writes never commit: the caller commits the transaction around a document's update.
    Queries on a database built before the directory existed return nothing. The entries
    and events returned are shared between queries until the next write: do not change them.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        """Wrap an open connection.

        Args:
            conn: The index database (the same connection the caller commits).
        """
        self.conn = conn
        self._forget()

    def _forget(self) -> None:
        """Drop everything read so far (after a write)."""
        self._events: tuple[Event, ...] | None = None
        self._people: tuple[PersonEntry, ...] | None = None
        self._orgs: tuple[OrgEntry, ...] | None = None
        self._projects: tuple[ProjectEntry, ...] | None = None
        self._places: tuple[PlaceEntry, ...] | None = None
        self._lookup: DirectoryLookup | None = None
        # what a question reads: names, event heads, and the entries it names, one by one
        self._heads: tuple[EventHead, ...] | None = None
        self._event_by_id: dict[int, Event] = {}
        self._person_names: tuple[EntryName, ...] | None = None
        self._org_names: tuple[EntryName, ...] | None = None
        self._project_names: tuple[EntryName, ...] | None = None
        self._parts: dict[str, set[str]] | None = None
        self._numbers: dict[str, str] | None = None
        self._project_events: dict[str, list[str]] | None = None
        self._person_by_key: dict[str, PersonEntry | None] = {}
        self._org_by_key: dict[str, OrgEntry | None] = {}
        self._project_by_key: dict[str, ProjectEntry | None] = {}

    # -- writing ---------------------------------------------------------------------------
    def create_schema(self) -> None:
        """Create the ``dir_*`` tables and indexes when missing (idempotent)."""
        self._forget()
        for statement in _SCHEMA.strip().split(";"):
            if statement.strip():
                self.conn.execute(statement)

    def upgrade(self) -> None:
        """Bring the tables of a database copied from an older schema to this one (no
        commit). Mentions named their document by path then: the table is dropped and made
        again, and every document's facts are written again by the build that upgrades."""
        columns = {r[1]: r[2] for r in self.conn.execute("PRAGMA table_info(dir_mentions)")}
        if columns.get("doc", "").upper() == "TEXT":
            self.conn.execute("DROP TABLE dir_mentions")
        self.create_schema()

    def remove_document(self, doc_path: str) -> None:
        """Delete every fact read from ``doc_path`` (no commit)."""
        self._forget()
        for table in _TABLES:
            self.conn.execute(f"DELETE FROM {table} WHERE doc = ?", (doc_path,))
        row = self.conn.execute("SELECT id FROM dir_docs WHERE path = ?", (doc_path,)).fetchone()
        if row is not None:
            self.conn.execute("DELETE FROM dir_mentions WHERE doc = ?", row)
            self.conn.execute("DELETE FROM dir_docs WHERE id = ?", row)

    def rename_document(self, old: str, new: str) -> None:
        """Move every fact read from ``old`` to the document path ``new`` (no commit)."""
        self._forget()
        for table in _TABLES:
            self.conn.execute(f"UPDATE {table} SET doc = ? WHERE doc = ?", (new, old))
        self.conn.execute("UPDATE dir_docs SET path = ? WHERE path = ?", (new, old))

    def _doc_id(self, doc_path: str) -> int:
        """The ``dir_docs`` id of a document path (given one when it has none)."""
        self.conn.execute("INSERT OR IGNORE INTO dir_docs(path) VALUES (?)", (doc_path,))
        row = self.conn.execute("SELECT id FROM dir_docs WHERE path = ?", (doc_path,)).fetchone()
        return int(row[0])

    def replace_document(self, doc_path: str, facts: DocumentFacts) -> None:
        """Replace the facts of ``doc_path`` with ``facts`` (no commit).

        Args:
            doc_path: ``Document.path``.
            facts: From ``extract_facts``.
        """
        self._forget()
        self.remove_document(doc_path)
        ex = self.conn.execute
        doc_id = self._doc_id(doc_path)
        mentions: list[tuple[Any, ...]] = []
        for p in facts.people:
            ex(
                "INSERT INTO dir_people VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    doc_path,
                    p.key,
                    p.name,
                    int(p.observed),
                    json.dumps(p.roles, ensure_ascii=False),
                    json.dumps(p.orgs, ensure_ascii=False),
                    json.dumps(p.places, ensure_ascii=False),
                ),
            )
            mentions += [(doc_id, "person", p.key, *_row(m)) for m in p.mentions]
        for o in facts.orgs:
            ex(
                "INSERT INTO dir_orgs VALUES (?, ?, ?, ?, ?, ?)",
                (
                    doc_path,
                    o.key,
                    o.name,
                    o.kind,
                    o.abbreviation,
                    json.dumps(o.places, ensure_ascii=False),
                ),
            )
            mentions += [(doc_id, "org", o.key, *_row(m)) for m in o.mentions]
        for pl in facts.places:
            ex("INSERT INTO dir_places VALUES (?, ?, ?)", (doc_path, pl.name, pl.kind))
            mentions += [(doc_id, "place", pl.name, *_row(m)) for m in pl.mentions]
        for pr in facts.projects:
            ex(
                "INSERT INTO dir_projects VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    doc_path,
                    pr.key,
                    pr.name,
                    pr.kind,
                    pr.number,
                    json.dumps(pr.funders, ensure_ascii=False),
                    json.dumps(pr.orgs, ensure_ascii=False),
                ),
            )
            mentions += [(doc_id, "project", pr.key, *_row(m)) for m in pr.mentions]
        for i, e in enumerate(facts.events):
            evidence = {k: _evidence_value(v, e) for k, v in e.evidence.items()}
            ex(
                "INSERT INTO dir_events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    doc_path,
                    i,
                    e.title,
                    e.date,
                    e.date_end,
                    e.place,
                    json.dumps(e.organisers, ensure_ascii=False),
                    json.dumps(e.people, ensure_ascii=False),
                    e.project,
                    e.start,
                    e.end,
                    e.quote,
                    json.dumps(evidence, ensure_ascii=False),
                ),
            )
        self.conn.executemany("INSERT INTO dir_mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?)", mentions)
        logger.debug("directory: %s %s", doc_path, facts.counts())

    # -- reading: one pass per kind, kept until the next write ---------------------------
    def _rows(self, sql: str, args: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        try:
            return self.conn.execute(sql, tuple(args)).fetchall()
        except sqlite3.OperationalError as exc:
            if "no such table" in str(exc):
                return []
            raise

    def _mentions(self, kind: str, keys: Collection[str] | None = None) -> _Mentions:
        """Mentions of one kind of fact (of these keys only, when given), grouped by
        (key, document) in one pass."""
        sql = (
            "SELECT m.key, d.path, m.start_pos, m.end_pos, m.quote, m.ctx_start, m.ctx_end"
            " FROM dir_mentions m JOIN dir_docs d ON d.id = m.doc WHERE m.kind = ?"
        )
        args: list[Any] = [kind]
        if keys is not None:
            sql += f" AND m.key IN ({', '.join('?' * len(keys))})"
            args += list(keys)
        out: _Mentions = defaultdict(list)
        for key, doc, start, end, quote, ctx_start, ctx_end in self._rows(sql, args):
            context = None if ctx_start is None else (ctx_start, ctx_end)
            out[key, doc].append(Mention(doc, start, end, quote, context))
        for found in out.values():  # written in text order; kept so when sorted
            if len(found) > 1:
                found.sort(key=lambda m: m.start)
        return out

    # events
    def all_events(self) -> list[Event]:
        """Every event, in document and text order."""
        if self._events is None:
            with _bulk():
                self._events = tuple(
                    _event(r) for r in self._rows(_EVENTS + " ORDER BY doc, ordinal")
                )
        return list(self._events)

    def event_heads(self) -> list[EventHead]:
        """Every event without its sentence and evidence, in document and text order."""
        if self._heads is None:
            with _bulk():
                rows = self._rows(
                    "SELECT rowid, title, date, date_end, place, organisers, people, project, doc"
                    " FROM dir_events ORDER BY doc, ordinal"
                )
                self._heads = tuple(
                    EventHead(
                        i, title, date, end, place, tuple(_list(org)), tuple(_list(ppl)), pr, d
                    )
                    for i, title, date, end, place, org, ppl, pr, d in rows
                )
        return list(self._heads)

    def events_by_id(self, ids: Sequence[int]) -> list[Event]:
        """The events of these ``EventHead.id`` s, in that order."""
        missing = [i for i in ids if i not in self._event_by_id]
        for start in range(0, len(missing), 500):
            part = missing[start : start + 500]
            sql = f"{_EVENTS_BY_ID} WHERE rowid IN ({', '.join('?' * len(part))})"
            for row in self._rows(sql, part):
                self._event_by_id[row[0]] = _event(row[1:])
        return [self._event_by_id[i] for i in ids if i in self._event_by_id]

    # people
    def all_people(self) -> list[PersonEntry]:
        """Every person across documents, sorted by name."""
        if self._people is None:
            with _bulk():
                rows = self._rows(f"{_PEOPLE} ORDER BY doc")
                people = _join_people(rows, self._mentions("person"))
                self._people = tuple(sorted(people, key=lambda p: fold(p.name)))
        return list(self._people)

    def person(self, key: str) -> PersonEntry | None:
        """The person of this key (``PersonEntry.key``), or None."""
        if key not in self._person_by_key:
            if self._people is not None:
                self._person_by_key.update((p.key, p) for p in self._people)
                self._person_by_key.setdefault(key, None)
            else:
                rows = self._rows(f"{_PEOPLE} WHERE key = ? ORDER BY doc", (key,))
                found = _join_people(rows, self._mentions("person", [key]))
                self._person_by_key[key] = found[0] if found else None
        return self._person_by_key.get(key)

    def person_keys_in(self, docs: Collection[str]) -> list[str]:
        """The keys of the people these documents name."""
        if not docs:
            return []
        sql = f"SELECT DISTINCT key FROM dir_people WHERE doc IN ({', '.join('?' * len(docs))})"
        return sorted(k for (k,) in self._rows(sql, list(docs)))

    def person_names(self) -> list[EntryName]:
        """Every person by name alone (the name ``all_people`` gives them: the first seen
        written in document order, else the first rebuilt one)."""
        if self._person_names is None:
            with _bulk():
                best: dict[str, tuple[bool, str, str]] = {}
                for key, name, observed, doc in self._rows(
                    "SELECT key, name, observed, doc FROM dir_people"
                ):
                    rank = (not observed, doc, name)
                    held = best.get(key)
                    if held is None or rank < held:
                        best[key] = rank
                self._person_names = tuple(EntryName(k, n) for k, (_, _, n) in best.items())
        return list(self._person_names)

    # organisations
    def all_orgs(self) -> list[OrgEntry]:
        """Every organisation across documents, sorted by name."""
        if self._orgs is None:
            with _bulk():
                rows = self._rows(f"{_ORGS} ORDER BY doc")
                orgs = _join_orgs(rows, self._mentions("org"), self._people_of_orgs())
                self._orgs = tuple(sorted(orgs, key=lambda o: fold(o.name)))
        return list(self._orgs)

    def org(self, key: str) -> OrgEntry | None:
        """The organisation of this key (``OrgEntry.key``), or None."""
        if key not in self._org_by_key:
            if self._orgs is not None:
                self._org_by_key.update((o.key, o) for o in self._orgs)
                self._org_by_key.setdefault(key, None)
            else:
                rows = self._rows(f"{_ORGS} WHERE key = ? ORDER BY doc", (key,))
                name = rows[0][1] if rows else ""
                people_of = {name: self._people_tied_to(name)}
                found = _join_orgs(rows, self._mentions("org", [key]), people_of)
                self._org_by_key[key] = found[0] if found else None
        return self._org_by_key.get(key)

    def _people_of_orgs(self) -> dict[str, list[str]]:
        """Organisation name → the names of the people tied to it, sorted by name (read
        without the people's mentions)."""
        names = {n.key: n.name for n in self.person_names()}
        tied: dict[str, dict[str, None]] = defaultdict(dict)
        for key, orgs in self._rows("SELECT key, orgs FROM dir_people WHERE orgs != '[]'"):
            for org in _list(orgs):
                tied[org].setdefault(names[key], None)
        return {org: sorted(people, key=fold) for org, people in tied.items()}

    def _people_tied_to(self, org: str) -> list[str]:
        """Names of the people the documents tie to organisation ``org``, sorted by name."""
        quoted = json.dumps(org, ensure_ascii=False)
        rows = self._rows("SELECT key, orgs FROM dir_people WHERE instr(orgs, ?) > 0", (quoted,))
        keys = {key for key, orgs in rows if org in _list(orgs)}
        names = [n.name for n in self.person_names() if n.key in keys]
        return sorted(names, key=fold)

    def org_names(self) -> list[EntryName]:
        """Every organisation by name and abbreviation alone (as ``all_orgs`` gives them)."""
        if self._org_names is None:
            with _bulk():
                first: dict[str, tuple[str, str, str]] = {}
                abbreviations: dict[str, tuple[str, str]] = {}
                for key, name, abbreviation, kind, doc in self._rows(
                    "SELECT key, name, abbreviation, kind, doc FROM dir_orgs"
                ):
                    held = first.get(key)
                    if held is None or doc < held[0]:
                        first[key] = (doc, name, kind)
                    if abbreviation and (key not in abbreviations or doc < abbreviations[key][0]):
                        abbreviations[key] = (doc, abbreviation)
                self._org_names = tuple(
                    EntryName(key, name, abbreviations.get(key, ("", ""))[1], kind=kind)
                    for key, (_, name, kind) in first.items()
                )
        return list(self._org_names)

    # projects
    def all_projects(self) -> list[ProjectEntry]:
        """Every project and programme, joined across documents by number, sorted by name."""
        if self._projects is None:
            with _bulk():
                rows = self._rows(f"{_PROJECTS} ORDER BY doc")
                projects = _join_projects(
                    rows, self._numbered(), self._mentions("project"), self._events_of_projects()
                )
                self._projects = tuple(sorted(projects, key=lambda p: fold(p.name)))
        return list(self._projects)

    def project(self, key: str) -> ProjectEntry | None:
        """The project of this key (``ProjectEntry.key``: ``nr:…`` or ``name:…``), or None."""
        if key not in self._project_by_key:
            if self._projects is not None:
                self._project_by_key.update((p.key, p) for p in self._projects)
                self._project_by_key.setdefault(key, None)
            else:
                keys = sorted(self._project_parts().get(key, ()))
                rows = self._rows(
                    f"{_PROJECTS} WHERE key IN ({', '.join('?' * len(keys))}) ORDER BY doc", keys
                )
                found = [
                    p
                    for p in _join_projects(
                        rows,
                        self._numbered(),
                        self._mentions("project", keys),
                        self._events_of_projects(),
                    )
                    if p.key == key
                ]
                self._project_by_key[key] = found[0] if found else None
        return self._project_by_key.get(key)

    def project_names(self) -> list[EntryName]:
        """Every project and programme by name, number and kind alone (joined as
        ``all_projects`` joins them: by number, the first name in document order that is
        more than the number)."""
        if self._project_names is None:
            with _bulk():
                numbered = self._numbered()
                first: dict[str, tuple[str, str, str, str]] = {}
                named: dict[str, tuple[str, str]] = {}
                parts: dict[str, set[str]] = defaultdict(set)
                for key, name, kind, number, doc in self._rows(
                    "SELECT key, name, kind, number, doc FROM dir_projects"
                ):
                    number = number or numbered.get(fold(name), "")
                    joined = project_key(name, number)
                    parts[joined].add(key)
                    if joined not in first or doc < first[joined][0]:
                        first[joined] = (doc, name, kind, number)
                    if name != number and (joined not in named or doc < named[joined][0]):
                        named[joined] = (doc, name)
                names = []
                for joined, (_, name, kind, number) in first.items():
                    if name == number and joined in named:
                        name = named[joined][1]
                    names.append(EntryName(joined, name, number=number, kind=kind))
                self._project_names = tuple(names)
                self._parts = dict(parts)
        return list(self._project_names)

    def _project_parts(self) -> dict[str, set[str]]:
        """Joined project key → the per-document keys it joins."""
        if self._parts is None:
            self.project_names()
        return self._parts or {}

    def _numbered(self) -> dict[str, str]:
        """Folded project name → its number, where any document gives one."""
        if self._numbers is None:
            rows = self._rows("SELECT DISTINCT name, number FROM dir_projects WHERE number != ''")
            self._numbers = {fold(name): number for name, number in rows}
        return self._numbers

    def _events_of_projects(self) -> dict[str, list[str]]:
        """Folded project name → the titles of its events (made once, kept until a write:
        each project a question names reads it)."""
        if self._project_events is None:
            events_of: dict[str, list[str]] = defaultdict(list)
            for e in self.event_heads():
                if e.project:
                    events_of[fold(e.project)].append(e.title)
            self._project_events = dict(events_of)
        return self._project_events

    def places(self) -> list[PlaceEntry]:
        """Every place with its kind and mentions, most mentioned first."""
        if self._places is None:
            with _bulk():
                self._places = self._load_places()
        return list(self._places)

    def _load_places(self) -> tuple[PlaceEntry, ...]:
        by_name: dict[str, list[Mention]] = defaultdict(list)
        for (name, _doc), found in self._mentions("place").items():
            by_name[name].extend(found)
        kinds = dict(self._rows("SELECT name, kind FROM dir_places"))
        out = [PlaceEntry(n, kind, tuple(by_name.get(n, ()))) for n, kind in kinds.items()]
        return tuple(sorted(out, key=lambda p: (-len(p.mentions), p.name)))

    def lookup(self) -> DirectoryLookup:
        """The directory indexed by name stem, place, number and date (built once)."""
        if self._lookup is None:
            from youthbot.directory.lookup import DirectoryLookup

            self._lookup = DirectoryLookup(self)
        return self._lookup

    # -- queries -------------------------------------------------------------------------
    def events(
        self,
        place: str | None = None,
        org: str | None = None,
        person: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        project: str | None = None,
    ) -> list[Event]:
        """Events matching every filter given.

        Args:
            place: A place in any case form (``Liepājā``); a novads matches its town.
            org: Part of an organiser's name or its abbreviation (also matches the
                organisations of the people taking part).
            person: A person's name in any case form.
            date_from: Earliest date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``).
            date_to: Latest date, same forms.
            project: A project's name (part of it) or number.

        Returns:
            The events in document order.
        """
        events = self.all_events()
        if org is not None:
            people_orgs = {fold(p.name): p.orgs for p in self.all_people()}
        if project is not None:
            projects = {fold(p.name) for p in self.all_projects() if project_matches(project, p)}
        places = place_set(place) if place else None
        out = []
        for e in events:
            if places is not None and not at_place(e.place, places):
                continue
            if person is not None and not any(name_matches(person, n) for n in e.people):
                continue
            if org is not None:
                names = list(e.organisers)
                for n in e.people:
                    names += people_orgs.get(fold(n), ())
                if not any(org_matches(org, n) for n in names):
                    continue
            if (date_from or date_to) and not date_in_range(e.date, e.date_end, date_from, date_to):
                continue
            if project is not None and not (e.project and fold(e.project) in projects):
                continue
            out.append(e)
        return out

    def people(
        self,
        place: str | None = None,
        org: str | None = None,
        person: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
    ) -> list[PersonEntry]:
        """People matching every filter given, sorted by name.

        ``place`` matches the places of a person's role and organisations and of the events
        they took part in; the dates match the events they took part in.
        """
        needs_events = place is not None or date_from is not None or date_to is not None
        events_of = _index_by(self.all_events() if needs_events else (), "people")
        org_places = {fold(o.name): o.places for o in self.all_orgs()} if place else {}
        places = place_set(place) if place else None
        out = []
        for p in self.all_people():
            if person is not None and not name_matches(person, p.name):
                continue
            if org is not None and not any(org_matches(org, o) for o in p.orgs):
                continue
            mine = events_of.get(p.name, [])
            if places is not None:
                where = set(p.places) | {e.place for e in mine}
                for o in p.orgs:
                    where.update(org_places.get(fold(o), ()))
                if not where & places and not any(at_place(e.place, places) for e in mine):
                    continue
            if not _any_in_dates(mine, date_from, date_to):
                continue
            out.append(p)
        return out

    def orgs(
        self,
        place: str | None = None,
        org: str | None = None,
        person: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
    ) -> list[OrgEntry]:
        """Organisations matching every filter given, sorted by name.

        ``place`` matches places in the name and of the events it organised; ``person``
        matches the organisations of that person; the dates match the events it organised.
        """
        needs_events = place is not None or date_from is not None or date_to is not None
        events_run = _index_by(self.all_events() if needs_events else (), "organisers")
        places = place_set(place) if place else None
        out = []
        for o in self.all_orgs():
            if org is not None and not org_matches(org, o.name, o.abbreviation):
                continue
            if person is not None and not any(name_matches(person, n) for n in o.people):
                continue
            run = events_run.get(o.name, [])
            if places is not None and not (
                set(o.places) & places or any(at_place(e.place, places) for e in run)
            ):
                continue
            if not _any_in_dates(run, date_from, date_to):
                continue
            out.append(o)
        return out

    def projects(
        self,
        place: str | None = None,
        org: str | None = None,
        person: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
    ) -> list[ProjectEntry]:
        """Projects and programmes matching every filter given, sorted by name.

        ``org`` matches funders and runners; ``place``, ``person`` and the dates match the
        project's events.
        """
        by_project: dict[str, list[Event]] = defaultdict(list)
        if place is not None or person is not None or date_from or date_to:
            for e in self.all_events():
                if e.project:
                    by_project[fold(e.project)].append(e)
        out = []
        places = place_set(place) if place else None
        for p in self.all_projects():
            mine = by_project.get(fold(p.name), [])
            if org is not None and not any(org_matches(org, n) for n in p.funders + p.orgs):
                continue
            if places is not None and not any(at_place(e.place, places) for e in mine):
                continue
            if person is not None and not any(
                name_matches(person, n) for e in mine for n in e.people
            ):
                continue
            if not _any_in_dates(mine, date_from, date_to):
                continue
            out.append(p)
        return out

    def counts(self) -> dict[str, int]:
        """How many distinct people, organisations, places, projects and events are held
        (from the names alone: no mention is read)."""
        return {
            "people": len(self.person_names()),
            "orgs": len(self.org_names()),
            "places": len(self._rows("SELECT DISTINCT name FROM dir_places")),
            "projects": len(self.project_names()),
            "events": len(self._rows("SELECT 1 FROM dir_events")),
        }


_EVENT_COLUMNS = (
    "title, date, date_end, place, organisers, people, project, doc, start_pos, end_pos, quote,"
    " evidence"
)
_EVENTS = f"SELECT {_EVENT_COLUMNS} FROM dir_events"
_EVENTS_BY_ID = f"SELECT rowid, {_EVENT_COLUMNS} FROM dir_events"
_PEOPLE = "SELECT key, name, observed, roles, orgs, places, doc FROM dir_people"
_ORGS = "SELECT key, name, kind, abbreviation, places, doc FROM dir_orgs"
_PROJECTS = "SELECT key, name, kind, number, funders, orgs, doc FROM dir_projects"


def _event(row: Sequence[Any]) -> Event:
    title, date, date_end, place, organisers, people, project, doc, s, e, q, ev = row
    return Event(
        title=title,
        date=date,
        date_end=date_end,
        place=place,
        organisers=_list(organisers),
        people=_list(people),
        project=project,
        doc=doc,
        start=s,
        end=e,
        quote=q,
        evidence={k: _evidence_mention(v, doc, s, e, q) for k, v in json.loads(ev).items()},
    )


def _evidence_value(m: Mention, event: Event) -> Any:
    """An event's evidence mention as stored: ``[]`` for the event's own sentence,
    ``[start, end, quote]`` for another span of its document, else the whole mention."""
    if m.doc != event.doc or m.context is not None:
        return m.to_dict()
    if (m.start, m.end, m.quote) == (event.start, event.end, event.quote):
        return []
    return [m.start, m.end, m.quote]


def _evidence_mention(value: Any, doc: str, start: int, end: int, quote: str) -> Mention:
    """The mention of ``_evidence_value`` (of the event at ``doc``, ``start:end``)."""
    if isinstance(value, dict):
        return _mention_of(value)
    if not value:
        return Mention(doc, start, end, quote)
    return Mention(doc, value[0], value[1], value[2])


def _join_people(rows: Iterable[tuple[Any, ...]], mentions: _Mentions) -> list[PersonEntry]:
    """People from their per-document rows (in document order), joined by key."""
    merged: dict[str, _Joined] = {}
    for key, name, observed, roles, orgs, places, doc in rows:
        p = merged.get(key)
        if p is None:
            p = merged[key] = _Joined(name, bool(observed))
        elif observed and not p.observed:
            p.name, p.observed = name, True
        p.add("roles", _list(roles))
        p.add("orgs", _list(orgs))
        p.add("places", _list(places))
        p.seen(doc, mentions.get((key, doc), ()))
    return [
        PersonEntry(
            name=p.name,
            key=key,
            roles=p.values("roles"),
            orgs=p.values("orgs"),
            places=p.values("places"),
            docs=tuple(p.docs),
            mentions=tuple(p.mentions),
        )
        for key, p in merged.items()
    ]


def _join_orgs(
    rows: Iterable[tuple[Any, ...]], mentions: _Mentions, people_of: Mapping[str, list[str]]
) -> list[OrgEntry]:
    """Organisations from their per-document rows, joined by key."""
    merged: dict[str, _Joined] = {}
    for key, name, kind, abbr, places, doc in rows:
        o = merged.get(key)
        if o is None:
            o = merged[key] = _Joined(name, True, kind=kind, abbreviation=abbr)
        o.abbreviation = o.abbreviation or abbr
        o.add("places", _list(places))
        o.seen(doc, mentions.get((key, doc), ()))
    return [
        OrgEntry(
            name=o.name,
            key=key,
            kind=o.kind,
            abbreviation=o.abbreviation,
            places=o.values("places"),
            people=tuple(people_of.get(o.name, ())),
            docs=tuple(o.docs),
            mentions=tuple(o.mentions),
        )
        for key, o in merged.items()
    ]


def _join_projects(
    rows: Iterable[tuple[Any, ...]],
    numbered: Mapping[str, str],
    mentions: _Mentions,
    events_of: Mapping[str, list[str]],
) -> list[ProjectEntry]:
    """Projects from their per-document rows, joined by number (or name when unnumbered)."""
    merged: dict[str, _Joined] = {}
    for key, name, kind, number, funders, orgs, doc in rows:
        number = number or numbered.get(fold(name), "")
        joined = project_key(name, number)
        p = merged.get(joined)
        if p is None:
            p = merged[joined] = _Joined(name, True, kind=kind, number=number)
        if p.name == p.number and name != number:
            p.name = name
        p.add("funders", _list(funders))
        p.add("orgs", _list(orgs))
        p.seen(doc, mentions.get((key, doc), ()))
    return [
        ProjectEntry(
            name=p.name,
            key=joined,
            number=p.number,
            kind=p.kind,
            funders=p.values("funders"),
            orgs=p.values("orgs"),
            events=tuple(events_of.get(fold(p.name), ())),
            docs=tuple(p.docs),
            mentions=tuple(p.mentions),
        )
        for joined, p in merged.items()
    ]


class _Joined:
    """What several documents say about one person, organisation or project, while reading."""

    __slots__ = (
        "abbreviation",
        "docs",
        "kind",
        "mentions",
        "name",
        "number",
        "observed",
        "_values",
    )

    def __init__(
        self, name: str, observed: bool, kind: str = "", abbreviation: str = "", number: str = ""
    ) -> None:
        self.name = name
        self.observed = observed
        self.kind = kind
        self.abbreviation = abbreviation
        self.number = number
        self.docs: list[str] = []
        self.mentions: list[Mention] = []
        self._values: dict[str, dict[str, None]] = defaultdict(dict)

    def add(self, field: str, values: Iterable[str]) -> None:
        """Add values to a list field, keeping the first order and no repeats."""
        held = self._values[field]
        for v in values:
            held.setdefault(v, None)

    def values(self, field: str) -> tuple[str, ...]:
        """A list field's values."""
        return tuple(self._values.get(field, ()))

    def seen(self, doc: str, mentions: Iterable[Mention]) -> None:
        """Record that ``doc`` names it, with its mentions there."""
        self.docs.append(doc)
        self.mentions.extend(mentions)


@contextlib.contextmanager
def _bulk() -> Iterator[None]:
    """Read many small objects without the cyclic collector rescanning them as they come
    (it made a 50k-chunk directory's load about a third slower); it runs again after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _list(value: str) -> list[str]:
    """A JSON list column ("[]" most of the time: read without the parser)."""
    return [] if value == "[]" else json.loads(value)


def _mention_of(value: dict[str, Any]) -> Mention:
    """A mention from its JSON object (``Mention.to_dict``)."""
    context = value.get("context")
    return Mention(
        value["doc"],
        value["start"],
        value["end"],
        value["quote"],
        None if context is None else (context[0], context[1]),
    )


def _index_by(events: Iterable[Event], field: str) -> dict[str, list[Event]]:
    """Name → the events whose ``field`` (``people`` or ``organisers``) holds it, in order."""
    out: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        for name in getattr(e, field):
            out[name].append(e)
    return out


def _any_in_dates(events: list[Event], date_from: str | None, date_to: str | None) -> bool:
    """True without a date filter, else when one of ``events`` falls within it."""
    if not (date_from or date_to):
        return True
    return any(date_in_range(e.date, e.date_end, date_from, date_to) for e in events)
