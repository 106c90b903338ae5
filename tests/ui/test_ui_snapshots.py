"""How the chat app looks: SVG snapshots of the main screen with an answer and its sources."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot
from ui_helpers import DEV_QUESTION, wait_until

from youthbot.pipeline import Pipeline
from youthbot.ui import YouthbotApp, make_app


async def _answer_and_select_first_source(pilot: Pilot[None]) -> None:
    """Ask the dev question, wait for the answer, select citation 1 and its context."""
    app = pilot.app
    assert isinstance(app, YouthbotApp)
    await wait_until(lambda: app.index_state == "ready")
    await pilot.press(*DEV_QUESTION)
    await pilot.press("enter")
    await wait_until(lambda: bool(app.session.exchanges))
    exchange = app.session.exchanges[0]
    await wait_until(lambda: exchange.status == "answered")
    app.sources.query_one("#citations").focus()
    await pilot.press("1")
    await wait_until(lambda: app.sources.passage.in_context)
    await app.workers.wait_for_complete()
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
def test_main_screen_with_answer_and_sources(
    snap_compare: Callable[..., bool], pipeline: Pipeline, size: tuple[int, int]
) -> None:
    app = make_app(pipeline)
    assert snap_compare(app, terminal_size=size, run_before=_answer_and_select_first_source)
