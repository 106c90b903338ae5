"""`youthbot people|orgs|events|projects`: browse the directory extracted from the documents."""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import click

from youthbot.commands.options import global_options
from youthbot.text.dates import format_date

if TYPE_CHECKING:
    from youthbot.directory.entries import OrgEntry, PersonEntry, ProjectEntry
    from youthbot.directory.facts import Event, Mention


class _Row(Protocol):
    """A directory row: an entry or an event, with its JSON object."""

    def to_dict(self) -> dict[str, Any]: ...


Row = TypeVar("Row", bound=_Row)

_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def _date(_ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A filter date as typed: a real YYYY, YYYY-MM or YYYY-MM-DD ("2025-13" is refused)."""
    if value is None:
        return None
    match = _DATE.fullmatch(value.strip())
    if match is None:
        raise click.BadParameter(f"{value!r} is not a date; use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = match.groups()
    try:
        datetime.date(int(year), int(month or 1), int(day or 1))
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date ({exc})") from None
    return value.strip()


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


def _sources(mentions: Sequence[Mention]) -> str:
    spans = [f"{m.doc}:{m.start}-{m.end}" for m in mentions[:2]]
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


def _command(
    name: str,
    help_text: str,
    title: str,
    columns: list[str],
    cells: Callable[[Row], list[str]],
) -> click.Command:
    """One directory command: the shared filters, JSON or a table of ``cells`` per row."""

    @click.command(name, help=help_text)
    @_filters
    @global_options
    @click.pass_obj
    def command(
        state: Any,
        place: str | None,
        date_from: str | None,
        date_to: str | None,
        org: str | None,
        person: str | None,
        as_json: bool,
    ) -> None:
        query = getattr(state.pipeline().facts, name)
        rows = query(place=place, org=org, person=person, date_from=date_from, date_to=date_to)
        if as_json:
            click.echo(json.dumps([r.to_dict() for r in rows], ensure_ascii=False, indent=2))
        else:
            _table(title, columns, [cells(r) for r in rows])

    return command


def _joined(values: Sequence[str]) -> str:
    return "; ".join(values)


def _person(r: PersonEntry) -> list[str]:
    return [r.name, _joined(r.roles), _joined(r.orgs), _sources(r.mentions)]


def _org(r: OrgEntry) -> list[str]:
    return [r.name, r.abbreviation, _joined(r.people), _sources(r.mentions)]


def _event(r: Event) -> list[str]:
    return [
        format_date(r.date, r.date_end),
        r.title,
        r.place or "",
        _joined(r.organisers),
        _joined(r.people),
        f"{r.doc}:{r.start}-{r.end}",
    ]


def _project(r: ProjectEntry) -> list[str]:
    return [
        r.name,
        r.number,
        _joined(r.funders),
        _joined(r.orgs),
        _joined(r.events),
        _sources(r.mentions),
    ]


people = _command(
    "people",
    "People named in the documents, with their roles and organisations.",
    "Personas",
    ["Vārds", "Loma", "Organizācija", "Avots"],
    _person,
)

orgs = _command(
    "orgs",
    "Organisations named in the documents.",
    "Organizācijas",
    ["Nosaukums", "Saīsinājums", "Personas", "Avots"],
    _org,
)

events = _command(
    "events",
    "Events the documents report: what, when, where, who organised it and who took part.",
    "Notikumi",
    ["Datums", "Notikums", "Vieta", "Rīkotāji", "Personas", "Avots"],
    _event,
)

projects = _command(
    "projects",
    "Projects and programmes with their numbers, funders and events.",
    "Projekti",
    ["Nosaukums", "Numurs", "Finansētāji", "Īstenotāji", "Notikumi", "Avots"],
    _project,
)
