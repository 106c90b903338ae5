"""The directory screen: events and people from the index, filtered, each row opening its span."""

from __future__ import annotations

from textual.widgets import DataTable, Input, TabbedContent
from ui_helpers import wait_until

from youthbot.pipeline import Pipeline
from youthbot.ui import make_app
from youthbot.ui.screens import DocumentScreen
from youthbot.ui.screens.directory import DirectoryScreen


async def test_events_and_people_filter_and_open_their_source(pipeline: Pipeline) -> None:
    all_events = pipeline.facts.events()
    liepaja = pipeline.facts.events(place="Liepājā")
    assert all_events and liepaja and len(liepaja) < len(all_events)
    app = make_app(pipeline)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(lambda: app.index_state == "ready")
        await pilot.press("f2")
        await wait_until(lambda: isinstance(app.screen, DirectoryScreen))
        screen = app.screen
        assert isinstance(screen, DirectoryScreen)
        events = screen.query_one("#events", DataTable)
        await wait_until(lambda: events.row_count == len(all_events))

        # A place filter narrows the events (any case form of the place).
        place = screen.query_one("#filter-place", Input)
        place.focus()
        await pilot.press(*"Liepājā")
        await wait_until(lambda: events.row_count == len(liepaja))
        assert [e.title for e in screen.events] == [e.title for e in liepaja]

        # Enter moves to the table; Enter on a row opens the document at the event's span.
        await pilot.press("enter")
        assert app.focused is events
        await pilot.press("enter")
        await wait_until(lambda: isinstance(app.screen, DocumentScreen))
        document_screen = app.screen
        assert isinstance(document_screen, DocumentScreen)
        event = liepaja[0]
        assert document_screen.document.path == event.doc
        assert document_screen.span_text == event.quote
        await pilot.press("escape")
        await wait_until(lambda: app.screen is screen)

        # People: the same filters; a row opens the person's first mention.
        people = screen.query_one("#people", DataTable)
        screen.query_one(TabbedContent).active = "people-tab"
        await wait_until(lambda: people.row_count == len(screen.people) and people.row_count > 0)
        people.focus()
        await pilot.press("enter")
        await wait_until(lambda: isinstance(app.screen, DocumentScreen))
        mention = screen.people[0].mentions[0]
        assert app.screen.span_text == mention.quote  # type: ignore[attr-defined]
        await pilot.press("escape", "escape")
        await wait_until(lambda: app.screen is app.chat)
