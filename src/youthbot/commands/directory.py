"""`youthbot people|orgs|events|projects`: browse the directory extracted from the documents."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import click

_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def _date(_ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and not _DATE.fullmatch(value):
        raise click.BadParameter("use YYYY, YYYY-MM or YYYY-MM-DD", param=param)
    return value


def _filters(f: Callable[..., Any]) -> Callable[..., Any]:
    """The filter options every directory command takes."""
    f = click.option("--json", "as_json", is_flag=True, help="Print JSON.")(f)
    f = click.option("--person", help="A person's name (any case form, diacritics optional).")(f)
    f = click.option("--org", help="Part of an organisation's name, or its abbreviation.")(f)
    f = click.option("--to", "date_to", callback=_date, help="Latest date: YYYY[-MM[-DD]].")(f)
    f = click.option("--from", "date_from", callback=_date, help="Earliest date: YYYY[-MM[-DD]].")(
        f
    )
    f = click.option("--place", help="A place (Liepāja, Liepājā, Ogres novads …).")(f)
    return f


def _facts(state: Any) -> Any:
    return state.pipeline().facts


def _sources(row: dict[str, Any]) -> str:
    mentions = row.get("mentions") or []
    spans = [f"{m['doc']}:{m['start']}-{m['end']}" for m in mentions[:2]]
    more = len(mentions) - len(spans)
    return "\n".join(spans) + (f"\n(+{more})" if more > 0 else "")


def _table(title: str, columns: list[str], rows: list[list[str]]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=True)
    for column in columns:
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*row)
    console = Console()
    if rows:
        console.print(table)
    else:
        console.print("Nekas netika atrasts.")


def _emit(rows: list[dict[str, Any]], as_json: bool) -> bool:
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    return as_json


@click.command("people")
@_filters
@click.pass_obj
def people(
    state: Any,
    place: str | None,
    date_from: str | None,
    date_to: str | None,
    org: str | None,
    person: str | None,
    as_json: bool,
) -> None:
    """People named in the documents, with their roles and organisations."""
    rows = _facts(state).people(
        place=place, org=org, person=person, date_from=date_from, date_to=date_to
    )
    if _emit(rows, as_json):
        return
    _table(
        "Personas",
        ["Vārds", "Loma", "Organizācija", "Avots"],
        [[r["name"], "; ".join(r["roles"]), "; ".join(r["orgs"]), _sources(r)] for r in rows],
    )


@click.command("orgs")
@_filters
@click.pass_obj
def orgs(
    state: Any,
    place: str | None,
    date_from: str | None,
    date_to: str | None,
    org: str | None,
    person: str | None,
    as_json: bool,
) -> None:
    """Organisations named in the documents."""
    rows = _facts(state).orgs(
        place=place, org=org, person=person, date_from=date_from, date_to=date_to
    )
    if _emit(rows, as_json):
        return
    _table(
        "Organizācijas",
        ["Nosaukums", "Saīsinājums", "Personas", "Avots"],
        [[r["name"], r["abbreviation"], "; ".join(r["people"]), _sources(r)] for r in rows],
    )


@click.command("events")
@_filters
@click.pass_obj
def events(
    state: Any,
    place: str | None,
    date_from: str | None,
    date_to: str | None,
    org: str | None,
    person: str | None,
    as_json: bool,
) -> None:
    """Events the documents report: what, when, where, who organised it and who took part."""
    rows = _facts(state).events(
        place=place, org=org, person=person, date_from=date_from, date_to=date_to
    )
    if _emit(rows, as_json):
        return
    _table(
        "Notikumi",
        ["Datums", "Notikums", "Vieta", "Rīkotāji", "Personas", "Avots"],
        [
            [
                (r["date"] or "") + (f" – {r['date_end']}" if r["date_end"] else ""),
                r["title"],
                r["place"] or "",
                "; ".join(r["organisers"]),
                "; ".join(r["people"]),
                f"{r['doc']}:{r['start']}-{r['end']}",
            ]
            for r in rows
        ],
    )


@click.command("projects")
@_filters
@click.pass_obj
def projects(
    state: Any,
    place: str | None,
    date_from: str | None,
    date_to: str | None,
    org: str | None,
    person: str | None,
    as_json: bool,
) -> None:
    """Projects and programmes with their numbers, funders and events."""
    rows = _facts(state).projects(
        place=place, org=org, person=person, date_from=date_from, date_to=date_to
    )
    if _emit(rows, as_json):
        return
    _table(
        "Projekti",
        ["Nosaukums", "Numurs", "Finansētāji", "Īstenotāji", "Notikumi", "Avots"],
        [
            [
                r["name"],
                r["number"],
                "; ".join(r["funders"]),
                "; ".join(r["orgs"]),
                "; ".join(r["events"]),
                _sources(r),
            ]
            for r in rows
        ],
    )
