"""FactStore: schema, per-document replace/remove without committing, and the filtered queries."""

from __future__ import annotations

import sqlite3

import pytest

from youthbot.directory.db import FactStore
from youthbot.directory.entries import PersonEntry
from youthbot.directory.extract import extract_facts
from youthbot.directory.facts import DocumentFacts, Event, Mention
from youthbot.types import Document

LIEPAJA = "corpus/2024-01-kurzeme-jaunatnes-specialisti-liepaja.txt"


def test_schema_is_idempotent_and_prefixed() -> None:
    conn = sqlite3.connect(":memory:")
    store = FactStore(conn)
    store.create_schema()
    store.create_schema()
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables and all(t.startswith("dir_") for t in tables)


def test_queries_on_a_database_without_the_tables_return_nothing() -> None:
    store = FactStore(sqlite3.connect(":memory:"))
    assert store.people() == [] and store.events() == []
    assert store.counts() == {"people": 0, "orgs": 0, "places": 0, "projects": 0, "events": 0}


def test_replace_and_remove_do_not_commit(corpus_facts: dict[str, DocumentFacts]) -> None:
    conn = sqlite3.connect(":memory:")
    store = FactStore(conn)
    store.create_schema()
    conn.commit()
    store.replace_document(LIEPAJA, corpus_facts[LIEPAJA])
    assert conn.in_transaction
    conn.rollback()
    assert store.counts()["people"] == 0
    store.replace_document(LIEPAJA, corpus_facts[LIEPAJA])
    store.replace_document(LIEPAJA, corpus_facts[LIEPAJA])  # replacing twice keeps one copy
    assert store.counts()["people"] == 6
    store.remove_document(LIEPAJA)
    assert store.counts() == {"people": 0, "orgs": 0, "places": 0, "projects": 0, "events": 0}


def test_counts_over_the_corpus(fact_store: FactStore) -> None:
    counts = fact_store.counts()
    assert counts["people"] == 15
    assert counts["events"] >= 5
    assert counts["projects"] >= 4


def test_people_shape_and_filters(fact_store: FactStore) -> None:
    (zita,) = fact_store.people(person="Zita")
    assert isinstance(zita, PersonEntry)
    assert zita.mentions[0].quote == "Zita Bērziņa- Igaune"
    to_lithuania = {p.name for p in fact_store.people(place="Lietuvā")}
    assert to_lithuania == {
        "Dace Veiliņa",
        "Aleksejs Solovjovs",
        "Zita Bērziņa-Igaune",
        "Zanda Bieziņa",
    }
    from_ogre = {p.name for p in fact_store.people(place="Ogre")}
    assert to_lithuania | {"Ilona Reinholde"} == from_ogre
    assert [p.name for p in fact_store.people(person="Meldrājas")] == ["Zane Meldrāja"]
    hope = {p.name for p in fact_store.people(org="House of Hope")}
    assert hope == {"Tatjana Makovija", "Kristīne Reine-Saponaro"}


def test_events_filters(fact_store: FactStore) -> None:
    by_kpr = fact_store.events(org="Kurzemes plānošanas reģions")
    assert [(e.date, e.place) for e in by_kpr] == [("--01-26", "Liepāja")]
    assert isinstance(by_kpr[0], Event)
    assert by_kpr[0].evidence and all(isinstance(m, Mention) for m in by_kpr[0].evidence.values())
    assert [e.place for e in fact_store.events(place="Ventspilī")] == ["Ventspils"]
    assert [e.place for e in fact_store.events(date_from="2023", date_to="2023-12-31")] == [
        "Kuldīga"
    ]
    assert fact_store.events(date_from="2030") == []
    project = fact_store.events(project="3.1.1.2.i.0/1/22/I/VARAM/001")
    assert {e.place for e in project} == {"Liepāja", "Kuldīga", "Ventspils"}
    assert [e.place for e in fact_store.events(person="Tatjanu Makoviju")] == ["Liepāja"]


def test_projects_join_across_documents_by_number(fact_store: FactStore) -> None:
    rows = [p for p in fact_store.projects() if p.number == "3.1.1.2.i.0/1/22/I/VARAM/001"]
    assert len(rows) == 1
    assert len(rows[0].docs) == 2 and len(rows[0].events) == 3
    (proti,) = fact_store.projects(org="Eiropas Sociālais fonds")
    assert proti.name == "PROTI un DARI 2.0"


def test_orgs_filters(fact_store: FactStore) -> None:
    names = {o.name for o in fact_store.orgs(place="Ogres novads")}
    assert {"Ogres novada pašvaldība", "Ogres novada Izglītības pārvalde"} <= names
    (varam,) = fact_store.orgs(org="VARAM")
    assert varam.abbreviation == "VARAM"
    (house,) = fact_store.orgs(person="Tatjana Makovija")
    assert house.name == "biedrība “House of Hope”"


def test_a_person_seen_only_in_genitive_takes_the_nominative_from_another_document() -> None:
    conn = sqlite3.connect(":memory:")
    store = FactStore(conn)
    store.create_schema()
    for path, text in (
        ("a.txt", "Paldies Astas Tiškutes komandai."),
        ("b.txt", "Semināru vadīja Asta Tiškutė."),
    ):
        store.replace_document(path, extract_facts(Document(path, "t", text, None, "txt", "")))
    (asta,) = store.people()
    assert asta.name == "Asta Tiškutė"
    assert [m.quote for m in asta.mentions] == ["Astas Tiškutes", "Asta Tiškutė"]


def _reopened(store: FactStore) -> FactStore:
    """A second store over the same database, with nothing read yet."""
    return FactStore(store.conn)


def test_names_and_single_entries_agree_with_the_full_reads(fact_store: FactStore) -> None:
    # What a question reads (names, then one entry by key) is what a listing reads.
    people, orgs, projects = fact_store.people(), fact_store.orgs(), fact_store.projects()
    one = _reopened(fact_store)
    assert {(n.key, n.name) for n in one.person_names()} == {(p.key, p.name) for p in people}
    assert {(n.key, n.name, n.abbreviation) for n in one.org_names()} == {
        (o.key, o.name, o.abbreviation) for o in orgs
    }
    assert {(n.key, n.name, n.number, n.kind) for n in one.project_names()} == {
        (p.key, p.name, p.number, p.kind) for p in projects
    }
    for p in people:
        assert _reopened(fact_store).person(p.key) == p
    for o in orgs:
        assert _reopened(fact_store).org(o.key) == o
    for pr in projects:
        assert _reopened(fact_store).project(pr.key) == pr
    assert one.person("nobody") is None and one.org("nothing") is None
    heads = one.event_heads()
    assert [e.title for e in one.events_by_id([h.id for h in heads])] == [
        e.title for e in fact_store.events()
    ]
    assert one.events_by_id([h.id for h in heads]) == fact_store.events()


def test_reads_are_dropped_after_a_write(corpus_facts: dict[str, DocumentFacts]) -> None:
    conn = sqlite3.connect(":memory:")
    store = FactStore(conn)
    store.create_schema()
    store.replace_document(LIEPAJA, corpus_facts[LIEPAJA])
    before = len(store.people())
    assert store.lookup().person("Tatjana Makovija") is not None
    store.remove_document(LIEPAJA)
    assert store.people() == [] and before > 0
    assert store.lookup().person("Tatjana Makovija") is None


def test_looking_up_projects_one_by_one_reads_the_events_once(
    fact_store: FactStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A question names many projects; each single read joined them to their events by
    # scanning every event again (3 s a question at 200k chunks). The join is made once.
    projects = fact_store.projects()
    assert len(projects) >= 2 and any(p.events for p in projects)
    one = _reopened(fact_store)
    scans = []
    heads = one.event_heads
    monkeypatch.setattr(one, "event_heads", lambda: scans.append(1) or heads())
    assert [one.project(p.key) for p in projects] == projects
    assert len(scans) == 1
