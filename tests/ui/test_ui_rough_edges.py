"""What a new user stumbled over in the chat app (issue 13, part 2), each driven with Pilot."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input, OptionList
from ui_helpers import DEV_QUESTION, screen_text, wait_until

from youthbot.errors import IngestError
from youthbot.indexing import IndexReport
from youthbot.pipeline import Pipeline
from youthbot.ui import YouthbotApp, make_app
from youthbot.ui.screens import DocumentScreen
from youthbot.ui.screens.directory import DirectoryScreen
from youthbot.ui.session import Exchange
from youthbot.ui.strings import LV

UNANSWERABLE = "Kas organizēja jauniešu sporta spēles Jelgavā 2021. gadā?"


def notifications(app: YouthbotApp) -> list[str]:
    return [n.message for n in app._notifications]


async def ask(pilot, question: str) -> Exchange:  # type: ignore[no-untyped-def]
    app = pilot.app
    count = len(app.session.exchanges)
    app.question_box.value = question
    await pilot.press("enter")
    await wait_until(lambda: len(app.session.exchanges) > count)
    exchange = app.session.exchanges[-1]
    await wait_until(lambda: exchange.status != "pending")
    await pilot.pause()
    return exchange


async def test_keys_1_to_9_and_o_work_from_the_empty_question_box(pipeline: Pipeline) -> None:
    app = make_app(pipeline)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(lambda: app.index_state == "ready")
        box = app.question_box
        await pilot.press("1")  # no sources yet: "1" is text
        assert box.value == "1"
        box.value = ""
        exchange = await ask(pilot, DEV_QUESTION)
        assert exchange.answer is not None and exchange.answer.citations
        assert app.focused is box and box.value == ""
        await pilot.press("1")
        citation = exchange.answer.citations[0]
        await wait_until(lambda: app.sources.passage.citation is citation)
        assert box.value == ""  # nothing typed, nothing asked
        assert len(app.session.exchanges) == 1
        await pilot.press("o")
        await wait_until(lambda: isinstance(app.screen, DocumentScreen))
        await pilot.press("escape")
        await wait_until(lambda: app.screen is app.chat)
        # Once something is typed, digits and o are text again.
        box.focus()
        await pilot.press("K", "o", "1")
        assert box.value == "Ko1"
        assert app.screen is app.chat


async def test_conversation_scrolls_from_the_keyboard_at_80x24(pipeline: Pipeline) -> None:
    app = make_app(pipeline)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(lambda: app.index_state == "ready")
        for question in (DEV_QUESTION, UNANSWERABLE, "Kas ir projekta galvenais mērķis?"):
            await ask(pilot, question)
        conversation = app.conversation
        await wait_until(lambda: conversation.max_scroll_y > 0)
        conversation.scroll_end(animate=False)
        await pilot.pause()
        bottom = conversation.scroll_y
        assert app.focused is app.question_box
        await pilot.press("pageup")
        await pilot.pause()
        assert conversation.scroll_y < bottom
        assert app.focused is app.question_box  # still ready to type
        await pilot.press("pagedown")
        await pilot.pause()
        assert conversation.scroll_y == bottom


async def test_f3_twice_leaves_the_focus_where_typing_is_text(pipeline: Pipeline) -> None:
    app = make_app(pipeline)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(lambda: app.index_state == "ready")
        await ask(pilot, DEV_QUESTION)
        app.sources.query_one("#citations").focus()
        await pilot.press("f3")
        assert app.sources.has_class("-hidden")
        assert app.focused is app.question_box
        await pilot.press("f3")
        assert not app.sources.has_class("-hidden")
        assert app.focused is app.question_box
        await pilot.press("K", "a", "s")
        assert app.question_box.value == "Kas"
        assert not isinstance(app.screen, DocumentScreen)


async def test_at_80x24_sources_differ_and_the_directory_fits(pipeline: Pipeline) -> None:
    app = make_app(pipeline)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(lambda: app.index_state == "ready")
        exchange = await ask(pilot, "Kas organizēja tikšanos Liepājā?")
        assert exchange.answer is not None and len(exchange.answer.citations) >= 2
        options = app.sources.query_one("#citations", OptionList)
        region = options.region
        rows = screen_text(app)
        firsts = [
            rows[y][region.x : region.right].strip()
            for y in range(region.y, region.bottom)
            if rows[y][region.x : region.right].strip().startswith("[")
        ]
        assert len(firsts) >= 2 and len(set(firsts)) == len(firsts), firsts

        await pilot.press("f2")
        await wait_until(lambda: isinstance(app.screen, DirectoryScreen))
        screen = app.screen
        assert isinstance(screen, DirectoryScreen)
        events = screen.query_one("#events", DataTable)
        await wait_until(lambda: events.row_count == len(screen.events) and events.row_count > 0)
        await pilot.pause()
        shown = "\n".join(screen_text(app))
        for placeholder in (
            LV.filter_place,
            LV.filter_org,
            LV.filter_person,
            LV.filter_date_from,
            LV.filter_date_to,
        ):
            assert placeholder in shown, placeholder
        first = screen.events[0]
        assert LV.col_place in shown and LV.col_organisers in shown  # no Right presses needed
        if first.place:
            assert first.place in shown
        detail = str(screen.query_one("#directory-detail").render())
        assert first.title[:20] in " ".join(detail.split())
        place = screen.query_one("#filter-place", Input)
        assert place.region.width >= len(LV.filter_org) + 4


async def test_reports_and_file_errors_are_latvian(pipeline: Pipeline, tmp_path: Path) -> None:
    app = make_app(pipeline)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(lambda: app.index_state == "ready")
        report = IndexReport(failed=[IngestError("corpus/bojats.pdf", "file is empty")])
        app._report(report)
        await pilot.pause()
        failed = [m for m in notifications(app) if "bojats.pdf" in m]
        assert failed and "1 failus" not in failed[0]
        assert failed[0].startswith(LV.build_failed_files.split("(")[0])

        await ask(pilot, DEV_QUESTION)
        target = tmp_path / "nav-tadas-mapes" / "saruna.md"
        app.question_box.value = f"/export {target}"
        await pilot.press("enter")
        await wait_until(lambda: any(str(target) in m for m in notifications(app)))
        message = next(m for m in notifications(app) if str(target) in m)
        assert LV.os_not_found in message
        assert "No such file" not in message


async def test_exported_no_answer_lists_the_passages_it_mentions(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    app = make_app(pipeline)
    target = tmp_path / "saruna.md"
    async with app.run_test() as pilot:
        await wait_until(lambda: app.index_state == "ready")
        exchange = await ask(pilot, UNANSWERABLE)
        answer = exchange.answer
        assert answer is not None and not answer.answered and answer.passages
        app.question_box.value = f"/export {target}"
        await pilot.press("enter")
        await wait_until(target.exists)
    markdown = target.read_text(encoding="utf-8")
    assert f"### {LV.export_closest}" in markdown
    for n, passage in enumerate(answer.passages, start=1):
        assert f"**[{n}]** {passage.title}" in markdown
        first_line = passage.chunk.text.strip().splitlines()[0]
        assert f"> {first_line}".rstrip() in markdown
