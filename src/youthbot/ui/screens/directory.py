"""The directory: events and people found in the documents; each row opens its source span."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Grid
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static, TabbedContent, TabPane

from youthbot.text.dates import format_date
from youthbot.ui.keys import Key
from youthbot.ui.messages import OpenDocumentRequested
from youthbot.ui.pipeline_thread import PipelineThread
from youthbot.ui.render import describe_error
from youthbot.ui.strings import Strings

if TYPE_CHECKING:
    from youthbot.directory.entries import PersonEntry
    from youthbot.directory.facts import Event
    from youthbot.pipeline import Pipeline

#: Seconds to wait after the last keystroke in a filter before querying.
FILTER_DELAY_S = 0.25

#: Widest a directory column may grow, in cells; longer text is cut (the detail line has all).
COLUMN_WIDTHS = {"title": 34, "organisers": 26, "people": 30, "roles": 26, "orgs": 30}

FILTERS = ("place", "org", "person", "date_from", "date_to")
"""Keyword arguments of ``FactStore.events`` and ``FactStore.people``, one input each."""


def _joined(value: Any) -> str:
    """A list as ``a, b``; anything else as text; None as empty."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value if v)
    return str(value)


class DirectoryScreen(Screen[None]):
    """Tabs of events and people from ``pipeline.facts``; Enter on a row opens its span."""

    #: Narrow terminals lay the filters out in two rows so their hints are not cut.
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = [
        (0, "-narrow"),
        (110, "-wide"),
    ]

    KEYS: ClassVar[tuple[Key, ...]] = (
        Key("escape", "app.pop_screen", "key_close"),
        Key("ctrl+q", "app.quit", "key_quit", priority=True),
    )

    def __init__(self, pipeline: Pipeline, runner: PipelineThread, strings: Strings) -> None:
        super().__init__()
        self.pipeline = pipeline
        self.runner = runner
        self.strings = strings
        self.events: list[Event] = []
        self.people: list[PersonEntry] = []

    def compose(self) -> ComposeResult:
        s = self.strings
        yield Static(s.directory_title, id="directory-title")
        with Grid(classes="filters"):
            yield Input(placeholder=s.filter_place, id="filter-place")
            yield Input(placeholder=s.filter_org, id="filter-org")
            yield Input(placeholder=s.filter_person, id="filter-person")
            yield Input(placeholder=s.filter_date_from, id="filter-date_from")
            yield Input(placeholder=s.filter_date_to, id="filter-date_to")
        with TabbedContent(id="directory-tabs"):
            with TabPane(s.tab_events, id="events-tab"):
                yield DataTable(id="events", cursor_type="row", zebra_stripes=True)
            with TabPane(s.tab_people, id="people-tab"):
                yield DataTable(id="people", cursor_type="row", zebra_stripes=True)
        yield Static("", id="directory-detail")
        yield Static(s.directory_hint, classes="directory-hint")
        yield Footer()

    def on_mount(self) -> None:
        s = self.strings
        # place and organisers before the long title: all of them fit at 80 columns
        events = self.query_one("#events", DataTable)
        events.add_column(s.col_date)
        events.add_column(s.col_place)
        events.add_column(s.col_organisers, width=COLUMN_WIDTHS["organisers"])
        events.add_column(s.col_title, width=COLUMN_WIDTHS["title"])
        events.add_column(s.col_people, width=COLUMN_WIDTHS["people"])
        people = self.query_one("#people", DataTable)
        people.add_column(s.col_name)
        people.add_column(s.col_roles, width=COLUMN_WIDTHS["roles"])
        people.add_column(s.col_orgs, width=COLUMN_WIDTHS["orgs"])
        people.add_column(s.col_mentions)
        self.load_events()
        self.load_people()
        self.query_one("#events", DataTable).focus()

    def filters(self) -> dict[str, str | None]:
        """The filter values typed, None where empty."""
        return {
            name: (self.query_one(f"#filter-{name}", Input).value.strip() or None)
            for name in FILTERS
        }

    @on(Input.Changed)
    def _filter_changed(self) -> None:
        self.load_events(delay=FILTER_DELAY_S)
        self.load_people(delay=FILTER_DELAY_S)

    @on(Input.Submitted)
    def _filter_submitted(self) -> None:
        pane = self.query_one(TabbedContent).active_pane
        if pane is not None:
            pane.query_one(DataTable).focus()

    def _notify_error(self, error: BaseException) -> None:
        self.notify(
            describe_error(error, self.strings),
            title=self.strings.error_title,
            severity="error",
            timeout=10,
        )

    @work(exclusive=True, group="directory-events", exit_on_error=False)
    async def load_events(self, delay: float = 0.0) -> None:
        """Query events with the current filters and fill the table."""
        import asyncio

        if delay:
            await asyncio.sleep(delay)
        filters = self.filters()
        try:
            rows = await self.runner.call(lambda: self.pipeline.facts.events(**filters))
        except Exception as exc:  # noqa: BLE001 - shown, the screen stays usable
            self._notify_error(exc)
            return
        self.events = list(rows)
        table = self.query_one("#events", DataTable)
        table.clear()
        for index, event in enumerate(self.events):
            table.add_row(
                format_date(event.date, event.date_end),
                event.place or "",
                _joined(event.organisers),
                event.title,
                _joined(event.people),
                key=str(index),
            )
        if not self.events:
            table.add_row("", "", "", self.strings.directory_empty, "", key="none")
        self._show_detail(table)

    @work(exclusive=True, group="directory-people", exit_on_error=False)
    async def load_people(self, delay: float = 0.0) -> None:
        """Query people with the current filters and fill the table."""
        import asyncio

        if delay:
            await asyncio.sleep(delay)
        filters = self.filters()
        try:
            rows = await self.runner.call(lambda: self.pipeline.facts.people(**filters))
        except Exception as exc:  # noqa: BLE001
            self._notify_error(exc)
            return
        self.people = list(rows)
        table = self.query_one("#people", DataTable)
        table.clear()
        for index, person in enumerate(self.people):
            table.add_row(
                person.name,
                _joined(person.roles),
                _joined(person.orgs),
                str(len(person.mentions)),
                key=str(index),
            )
        if not self.people:
            table.add_row(self.strings.directory_empty, "", "", "", key="none")
        self._show_detail(table)

    @on(DataTable.RowHighlighted)
    def _row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail(event.data_table)

    @on(TabbedContent.TabActivated)
    def _tab_activated(self) -> None:
        pane = self.query_one(TabbedContent).active_pane
        if pane is not None:
            self._show_detail(pane.query_one(DataTable))

    def _show_detail(self, table: DataTable[Any]) -> None:
        """The highlighted row in full under the table (its cells may be cut)."""
        pane = self.query_one(TabbedContent).active_pane
        if pane is None or table not in pane.query(DataTable):
            return  # the other tab's table: not on screen
        detail = self.query_one("#directory-detail", Static)
        index = table.cursor_row
        if table.id == "events" and 0 <= index < len(self.events):
            e = self.events[index]
            text = self.strings.directory_detail.format(
                date=format_date(e.date, e.date_end) or "–",
                place=e.place or "–",
                organisers=_joined(e.organisers) or "–",
                title=e.title,
            )
        elif table.id == "people" and 0 <= index < len(self.people):
            p = self.people[index]
            text = " · ".join(
                part for part in (p.name, _joined(p.roles), _joined(p.orgs))
                if part
            )
        else:
            text = ""
        detail.update(Text(text))

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        key = event.row_key.value
        if key is None or not key.isdigit():
            return
        index = int(key)
        if event.data_table.id == "events" and index < len(self.events):
            row = self.events[index]
            doc, start, end = row.doc, row.start, row.end
        elif event.data_table.id == "people" and index < len(self.people):
            mentions = self.people[index].mentions
            if not mentions:
                return
            doc, start, end = mentions[0].doc, mentions[0].start, mentions[0].end
        else:
            return
        self.post_message(OpenDocumentRequested(doc, start, end))
