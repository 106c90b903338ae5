"""The people/orgs/events/projects commands over a real FactStore, driven with CliRunner."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
from click.testing import CliRunner

from youthbot.commands.directory import events, orgs, people, projects
from youthbot.directory.db import FactStore


class _State:
    def __init__(self, store: FactStore) -> None:
        self.store = store

    def pipeline(self) -> SimpleNamespace:
        return SimpleNamespace(facts=self.store)


def _run(command, args: list[str], store: FactStore):  # noqa: ANN001, ANN202
    result = CliRunner().invoke(command, args, obj=_State(store), env={"COLUMNS": "220"})
    assert result.exit_code == 0, result.output
    return result


def test_people_json_with_place_filter(fact_store: FactStore) -> None:
    rows = json.loads(_run(people, ["--place", "Lietuva", "--json"], fact_store).output)
    assert sorted(r["name"] for r in rows) == [
        "Aleksejs Solovjovs",
        "Dace Veiliņa",
        "Zanda Bieziņa",
        "Zita Bērziņa-Igaune",
    ]
    assert set(rows[0]) >= {"name", "roles", "orgs", "mentions"}
    assert set(rows[0]["mentions"][0]) >= {"doc", "start", "end", "quote"}


def test_people_table_has_latvian_columns_and_sources(fact_store: FactStore) -> None:
    out = _run(people, ["--org", "House of Hope"], fact_store).output
    assert "Vārds" in out and "Organizācija" in out and "Avots" in out
    assert "Tatjana Makovija" in out and "kurzeme-jaunatnes" in out


def test_events_json_shape_and_filters(fact_store: FactStore) -> None:
    rows = json.loads(
        _run(events, ["--org", "Kurzemes plānošanas reģions", "--json"], fact_store).output
    )
    (row,) = rows
    assert set(row) >= {
        "title",
        "date",
        "place",
        "organisers",
        "people",
        "project",
        "doc",
        "start",
        "end",
        "quote",
    }
    assert row["place"] == "Liepāja"
    dated = json.loads(
        _run(events, ["--from", "2023-01", "--to", "2023", "--json"], fact_store).output
    )
    assert [r["place"] for r in dated] == ["Kuldīga"]
    table = _run(events, ["--person", "Reinholde"], fact_store).output
    assert "Datums" in table and "Pasākums pulcēja" in table


def test_orgs_and_projects(fact_store: FactStore) -> None:
    rows = json.loads(_run(orgs, ["--org", "JSPA", "--json"], fact_store).output)
    assert [r["abbreviation"] for r in rows] == ["JSPA"]
    rows = json.loads(_run(projects, ["--place", "Ventspils", "--json"], fact_store).output)
    assert [r["number"] for r in rows] == ["3.1.1.2.i.0/1/22/I/VARAM/001"]
    assert "Finansētāji" in _run(projects, [], fact_store).output


def test_nothing_found_is_said_in_latvian(fact_store: FactStore) -> None:
    assert "Nekas netika atrasts" in _run(people, ["--place", "Daugavpils"], fact_store).output


@pytest.mark.parametrize("bad", ["2024/01", "janvāris", "24-1"])
def test_bad_dates_are_refused(fact_store: FactStore, bad: str) -> None:
    result = CliRunner().invoke(events, ["--from", bad], obj=_State(fact_store))
    assert result.exit_code == 2 and "YYYY" in result.output


def test_json_objects_keep_their_fields(fact_store: FactStore) -> None:
    # The JSON contract of the four commands (README "The directory"): exactly these fields.
    expected = {
        people: {"name", "roles", "orgs", "places", "docs", "mentions"},
        orgs: {"name", "kind", "abbreviation", "places", "docs", "mentions", "people"},
        projects: {"name", "number", "kind", "funders", "orgs", "docs", "mentions", "events"},
        events: {
            "title", "date", "date_end", "place", "organisers", "people", "project", "doc",
            "start", "end", "quote", "evidence",
        },
    }  # fmt: skip
    for command, fields in expected.items():
        rows = json.loads(_run(command, ["--json"], fact_store).output)
        assert rows and all(set(r) == fields for r in rows), command.name
    (event,) = json.loads(_run(events, ["--place", "Liepāja", "--json"], fact_store).output)
    assert set(event["evidence"]["date"]) >= {"doc", "start", "end", "quote"}
