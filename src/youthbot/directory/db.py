"""The directory in SQLite: per-document fact rows (tables ``dir_*``) and the queries over them."""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Callable
from typing import Any

from youthbot.directory.facts import DocumentFacts, Mention
from youthbot.directory.match import (
    date_in_range,
    name_matches,
    org_matches,
    place_set,
    project_matches,
)
from youthbot.directory.projects import project_key
from youthbot.directory.tokens import fold

logger = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS dir_people (
    doc TEXT NOT NULL, key TEXT NOT NULL, name TEXT NOT NULL, observed INTEGER NOT NULL,
    roles TEXT NOT NULL, orgs TEXT NOT NULL, places TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS dir_people_doc ON dir_people(doc);
CREATE TABLE IF NOT EXISTS dir_orgs (
    doc TEXT NOT NULL, key TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL,
    abbreviation TEXT NOT NULL, places TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS dir_orgs_doc ON dir_orgs(doc);
CREATE TABLE IF NOT EXISTS dir_places (doc TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS dir_places_doc ON dir_places(doc);
CREATE TABLE IF NOT EXISTS dir_projects (
    doc TEXT NOT NULL, key TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL,
    number TEXT NOT NULL, funders TEXT NOT NULL, orgs TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS dir_projects_doc ON dir_projects(doc);
CREATE TABLE IF NOT EXISTS dir_events (
    doc TEXT NOT NULL, ordinal INTEGER NOT NULL, title TEXT NOT NULL, date TEXT, date_end TEXT,
    place TEXT, organisers TEXT NOT NULL, people TEXT NOT NULL, project TEXT,
    start_pos INTEGER NOT NULL, end_pos INTEGER NOT NULL, quote TEXT NOT NULL,
    evidence TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS dir_events_doc ON dir_events(doc);
CREATE TABLE IF NOT EXISTS dir_mentions (
    doc TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL,
    start_pos INTEGER NOT NULL, end_pos INTEGER NOT NULL, quote TEXT NOT NULL,
    ctx_start INTEGER, ctx_end INTEGER
);
CREATE INDEX IF NOT EXISTS dir_mentions_doc ON dir_mentions(doc);
CREATE INDEX IF NOT EXISTS dir_mentions_key ON dir_mentions(kind, key);
"""
_TABLES = ("dir_people", "dir_orgs", "dir_places", "dir_projects", "dir_events", "dir_mentions")


def _mention(row: tuple[Any, ...]) -> dict[str, Any]:
    doc, start, end, quote, ctx_start, ctx_end = row
    out: dict[str, Any] = {"doc": doc, "start": start, "end": end, "quote": quote}
    if ctx_start is not None:
        out["context"] = [ctx_start, ctx_end]
    return out


def _row(m: Mention) -> tuple[Any, ...]:
    ctx = m.context or (None, None)
    return (m.start, m.end, m.quote, ctx[0], ctx[1])


class FactStore:
    """The directory's facts in the index database; written per document, read by queries.

    Writes never commit: the caller commits the transaction around a document's update.
    Queries on a database built before the directory existed return nothing.
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        """Wrap an open connection.

        Args:
            conn: The index database (the same connection the caller commits).
        """
        self.conn = conn
        self._cache: dict[str, list[dict[str, Any]]] = {}
        self._mention_cache: dict[str, dict[str, list[dict[str, Any]]]] = {}

    # -- writing ---------------------------------------------------------------------------
    def create_schema(self) -> None:
        """Create the ``dir_*`` tables and indexes when missing (idempotent)."""
        self._cache.clear()
        self._mention_cache.clear()
        for statement in _SCHEMA.strip().split(";"):
            if statement.strip():
                self.conn.execute(statement)

    def remove_document(self, doc_path: str) -> None:
        """Delete every fact read from ``doc_path`` (no commit)."""
        self._cache.clear()
        self._mention_cache.clear()
        for table in _TABLES:
            self.conn.execute(f"DELETE FROM {table} WHERE doc = ?", (doc_path,))

    def rename_document(self, old: str, new: str) -> None:
        """Move every fact read from ``old`` to the document path ``new`` (no commit)."""
        self._cache.clear()
        self._mention_cache.clear()
        for table in _TABLES:
            self.conn.execute(f"UPDATE {table} SET doc = ? WHERE doc = ?", (new, old))

    def replace_document(self, doc_path: str, facts: DocumentFacts) -> None:
        """Replace the facts of ``doc_path`` with ``facts`` (no commit).

        Args:
            doc_path: ``Document.path``.
            facts: From ``extract_facts``.
        """
        self._cache.clear()
        self._mention_cache.clear()
        self.remove_document(doc_path)
        ex = self.conn.execute
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
            mentions += [(doc_path, "person", p.key, *_row(m)) for m in p.mentions]
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
            mentions += [(doc_path, "org", o.key, *_row(m)) for m in o.mentions]
        for pl in facts.places:
            ex("INSERT INTO dir_places VALUES (?, ?, ?)", (doc_path, pl.name, pl.kind))
            mentions += [(doc_path, "place", pl.name, *_row(m)) for m in pl.mentions]
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
            mentions += [(doc_path, "project", pr.key, *_row(m)) for m in pr.mentions]
        for i, e in enumerate(facts.events):
            evidence = {k: v.to_dict() for k, v in e.evidence.items()}
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

    # -- reading ---------------------------------------------------------------------------
    def _memo(self, name: str, build: Callable[[], list[dict[str, Any]]]) -> list[dict[str, Any]]:
        """``build()`` once per store until the next write; callers get their own dicts."""
        rows = self._cache.get(name)
        if rows is None:
            rows = self._cache[name] = build()
        return [dict(r) for r in rows]

    def _rows(self, sql: str, args: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        try:
            return self.conn.execute(sql, args).fetchall()
        except sqlite3.OperationalError as exc:
            if "no such table" in str(exc):
                return []
            raise

    def _mentions(self, kind: str) -> dict[str, list[dict[str, Any]]]:
        """Key → mentions of one kind of fact (cached until the next write; do not mutate)."""
        cached = self._mention_cache.get(kind)
        if cached is None:
            cached = self._mention_cache[kind] = self._load_mentions(kind)
        return cached

    def _load_mentions(self, kind: str) -> dict[str, list[dict[str, Any]]]:
        out: dict[str, list[dict[str, Any]]] = {}
        rows = self._rows(
            "SELECT key, doc, start_pos, end_pos, quote, ctx_start, ctx_end FROM dir_mentions"
            " WHERE kind = ?"
            " ORDER BY doc, start_pos",
            (kind,),
        )
        for key, *rest in rows:
            out.setdefault(key, []).append(_mention(tuple(rest)))
        return out

    def all_events(self) -> list[dict[str, Any]]:
        """Every event, in document and text order, as ``Event.to_dict`` gives it."""
        return self._memo("all_events", self._load_all_events)

    def _load_all_events(self) -> list[dict[str, Any]]:
        """Every event, in document and text order, as ``Event.to_dict`` gives it."""
        rows = self._rows(
            "SELECT title, date, date_end, place, organisers, people, project, doc, start_pos,"
            " end_pos, quote, evidence FROM dir_events ORDER BY doc, ordinal"
        )
        out = []
        for title, date, date_end, place, organisers, people, project, doc, s, e, q, ev in rows:
            out.append(
                {
                    "title": title,
                    "date": date,
                    "date_end": date_end,
                    "place": place,
                    "organisers": json.loads(organisers),
                    "people": json.loads(people),
                    "project": project,
                    "doc": doc,
                    "start": s,
                    "end": e,
                    "quote": q,
                    "evidence": json.loads(ev),
                }
            )
        return out

    def _people_all(self) -> list[dict[str, Any]]:
        return self._memo("_people_all", self._load_people_all)

    def _load_people_all(self) -> list[dict[str, Any]]:
        mentions = self._mentions("person")
        merged: dict[str, dict[str, Any]] = {}
        rows = self._rows(
            "SELECT key, name, observed, roles, orgs, places, doc FROM dir_people ORDER BY doc"
        )
        for key, name, observed, roles, orgs, places, doc in rows:
            p = merged.setdefault(
                key,
                {
                    "name": name,
                    "roles": [],
                    "orgs": [],
                    "places": [],
                    "docs": [],
                    "_observed": bool(observed),
                    "mentions": [],
                },
            )
            if observed and not p["_observed"]:
                p["name"], p["_observed"] = name, True
            for field, values in (("roles", roles), ("orgs", orgs), ("places", places)):
                p[field].extend(v for v in json.loads(values) if v not in p[field])
            p["docs"].append(doc)
            p["mentions"].extend(m for m in mentions.get(key, []) if m["doc"] == doc)
        for p in merged.values():
            del p["_observed"]
        return list(merged.values())

    def _orgs_all(self) -> list[dict[str, Any]]:
        return self._memo("_orgs_all", self._load_orgs_all)

    def _load_orgs_all(self) -> list[dict[str, Any]]:
        mentions = self._mentions("org")
        merged: dict[str, dict[str, Any]] = {}
        for key, name, kind, abbr, places, doc in self._rows(
            "SELECT key, name, kind, abbreviation, places, doc FROM dir_orgs ORDER BY doc"
        ):
            o = merged.setdefault(
                key,
                {
                    "name": name,
                    "kind": kind,
                    "abbreviation": abbr,
                    "places": [],
                    "docs": [],
                    "mentions": [],
                },
            )
            o["abbreviation"] = o["abbreviation"] or abbr
            o["places"].extend(p for p in json.loads(places) if p not in o["places"])
            o["docs"].append(doc)
            o["mentions"].extend(m for m in mentions.get(key, []) if m["doc"] == doc)
        return list(merged.values())

    def _projects_all(self) -> list[dict[str, Any]]:
        return self._memo("_projects_all", self._load_projects_all)

    def _load_projects_all(self) -> list[dict[str, Any]]:
        mentions = self._mentions("project")
        rows = self._rows(
            "SELECT key, name, kind, number, funders, orgs, doc FROM dir_projects ORDER BY doc"
        )
        numbered = {fold(name): number for _, name, _, number, _, _, _ in rows if number}
        merged: dict[str, dict[str, Any]] = {}
        for key, name, kind, number, funders, orgs, doc in rows:
            number = number or numbered.get(fold(name), "")
            p = merged.setdefault(
                project_key(name, number),
                {
                    "name": name,
                    "number": number,
                    "kind": kind,
                    "funders": [],
                    "orgs": [],
                    "docs": [],
                    "mentions": [],
                },
            )
            if p["name"] == p["number"] and name != number:
                p["name"] = name
            for field, values in (("funders", funders), ("orgs", orgs)):
                p[field].extend(v for v in json.loads(values) if v not in p[field])
            p["docs"].append(doc)
            p["mentions"].extend(m for m in mentions.get(key, []) if m["doc"] == doc)
        return list(merged.values())

    def places(self) -> list[dict[str, Any]]:
        """Every place with its kind and mentions, most mentioned first."""
        mentions = self._mentions("place")
        kinds = dict(self._rows("SELECT name, kind FROM dir_places"))
        out = [{"name": n, "kind": kinds[n], "mentions": mentions.get(n, [])} for n in kinds]
        return sorted(out, key=lambda p: (-len(p["mentions"]), p["name"]))

    def events(
        self,
        place: str | None = None,
        org: str | None = None,
        person: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        project: str | None = None,
    ) -> list[dict[str, Any]]:
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
            ``[{"title", "date", "date_end", "place", "organisers", "people", "project",
            "doc", "start", "end", "quote", "evidence"}]`` in document order.
        """
        events = self.all_events()
        if org is not None:
            people_orgs = {fold(p["name"]): p["orgs"] for p in self._people_all()}
        if project is not None:
            projects = [p for p in self._projects_all() if project_matches(project, p)]
        places = place_set(place) if place else None
        out = []
        for e in events:
            if places is not None and e["place"] not in places:
                continue
            if person is not None and not any(name_matches(person, n) for n in e["people"]):
                continue
            if org is not None:
                names = list(e["organisers"])
                for n in e["people"]:
                    names += people_orgs.get(fold(n), [])
                if not any(org_matches(org, n) for n in names):
                    continue
            if (date_from or date_to) and not date_in_range(
                e["date"], e["date_end"], date_from, date_to
            ):
                continue
            if project is not None and not any(
                e["project"] and fold(e["project"]) == fold(p["name"]) for p in projects
            ):
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
    ) -> list[dict[str, Any]]:
        """People matching every filter given.

        ``place`` matches the places of a person's role and organisations and of the events
        they took part in; the dates match the events they took part in.

        Returns:
            ``[{"name", "roles", "orgs", "places", "docs", "mentions": [{"doc", "start",
            "end", "quote"}]}]`` sorted by name.
        """
        people = self._people_all()
        needs_events = place is not None or date_from is not None or date_to is not None
        events = self.all_events() if needs_events else []
        org_places = {fold(o["name"]): o["places"] for o in self._orgs_all()} if place else {}
        places = place_set(place) if place else None
        events_of = _index_by(events, "people")
        out = []
        for p in people:
            if person is not None and not name_matches(person, p["name"]):
                continue
            if org is not None and not any(org_matches(org, o) for o in p["orgs"]):
                continue
            mine = events_of.get(p["name"], [])
            if places is not None:
                where = set(p["places"]) | {e["place"] for e in mine}
                for o in p["orgs"]:
                    where |= set(org_places.get(fold(o), []))
                if not where & places:
                    continue
            if not _any_in_dates(mine, date_from, date_to):
                continue
            out.append(p)
        return sorted(out, key=lambda p: fold(p["name"]))

    def orgs(
        self,
        place: str | None = None,
        org: str | None = None,
        person: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
    ) -> list[dict[str, Any]]:
        """Organisations matching every filter given.

        ``place`` matches places in the name and of the events it organised; ``person``
        matches the organisations of that person; the dates match the events it organised.

        Returns:
            ``[{"name", "kind", "abbreviation", "places", "people", "docs", "mentions"}]``.
        """
        people_of: dict[str, list[str]] = {}
        for p in self._people_all():
            for name in p["orgs"]:
                people_of.setdefault(name, []).append(p["name"])
        events_run = _index_by(self.all_events(), "organisers")
        places = place_set(place) if place else None
        out = []
        for o in self._orgs_all():
            o["people"] = people_of.get(o["name"], [])
            if org is not None and not org_matches(org, o["name"], o["abbreviation"]):
                continue
            if person is not None and not any(name_matches(person, n) for n in o["people"]):
                continue
            run = events_run.get(o["name"], [])
            if places is not None and not (set(o["places"]) | {e["place"] for e in run}) & places:
                continue
            if not _any_in_dates(run, date_from, date_to):
                continue
            out.append(o)
        return sorted(out, key=lambda o: fold(o["name"]))

    def projects(
        self,
        place: str | None = None,
        org: str | None = None,
        person: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
    ) -> list[dict[str, Any]]:
        """Projects and programmes matching every filter given.

        ``org`` matches funders and runners; ``place``, ``person`` and the dates match the
        project's events.

        Returns:
            ``[{"name", "number", "kind", "funders", "orgs", "events", "docs", "mentions"}]``
            where ``events`` lists the titles of its events.
        """
        by_project: dict[str, list[dict[str, Any]]] = {}
        for e in self.all_events():
            if e["project"]:
                by_project.setdefault(fold(e["project"]), []).append(e)
        out = []
        places = place_set(place) if place else None
        for p in self._projects_all():
            mine = by_project.get(fold(p["name"]), [])
            p["events"] = [e["title"] for e in mine]
            if org is not None and not any(org_matches(org, n) for n in p["funders"] + p["orgs"]):
                continue
            if places is not None and not {e["place"] for e in mine} & places:
                continue
            if person is not None and not any(
                name_matches(person, n) for e in mine for n in e["people"]
            ):
                continue
            if not _any_in_dates(mine, date_from, date_to):
                continue
            out.append(p)
        return sorted(out, key=lambda p: fold(p["name"]))

    def counts(self) -> dict[str, int]:
        """How many distinct people, organisations, places, projects and events are held."""
        return {
            "people": len(self._people_all()),
            "orgs": len(self._orgs_all()),
            "places": len(self._rows("SELECT DISTINCT name FROM dir_places")),
            "projects": len(self._projects_all()),
            "events": len(self._rows("SELECT 1 FROM dir_events")),
        }


def _index_by(events: list[dict[str, Any]], field: str) -> dict[str, list[dict[str, Any]]]:
    """Name → the events whose ``field`` (a list of names) holds it, in event order."""
    out: dict[str, list[dict[str, Any]]] = {}
    for e in events:
        for name in e[field]:
            out.setdefault(name, []).append(e)
    return out


def _any_in_dates(events: list[dict[str, Any]], date_from: str | None, date_to: str | None) -> bool:
    """True without a date filter, else when one of ``events`` falls within it."""
    if not (date_from or date_to):
        return True
    return any(date_in_range(e["date"], e["date_end"], date_from, date_to) for e in events)
