"""Behaviour of the chat app over the real pipeline, driven with Textual's Pilot."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import OptionList
from ui_helpers import CORPUS, DEV_QUESTION, LocalLLMServer, screen_text, wait_until

from youthbot.config import Settings
from youthbot.pipeline import Pipeline
from youthbot.ui import YouthbotApp, make_app
from youthbot.ui.render import answer_markdown
from youthbot.ui.screens import DocumentScreen
from youthbot.ui.session import Exchange
from youthbot.ui.strings import EN, LV
from youthbot.ui.widgets import BuildBar, NoticeView

PipelineFactory = Callable[[str], Pipeline]


def notifications(app: YouthbotApp) -> list[tuple[str, str]]:
    """(severity, message) of every notification the app has shown and not yet dismissed."""
    return [(n.severity, n.message) for n in app._notifications]


async def ask(pilot: Pilot[None], question: str) -> Exchange:
    """Type ``question`` and press Enter; return the exchange it started."""
    app = pilot.app
    assert isinstance(app, YouthbotApp)
    app.question_box.value = question
    await pilot.press("enter")
    await wait_until(lambda: bool(app.session.exchanges))
    return app.session.exchanges[-1]


async def answered(exchange: Exchange) -> Exchange:
    await wait_until(lambda: exchange.status != "pending")
    return exchange


async def test_dev_question_is_answered_with_a_citation_that_opens_its_span(
    pipeline: Pipeline,
) -> None:
    app = make_app(pipeline)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_until(lambda: app.index_state == "ready")
        await pilot.press(*DEV_QUESTION)
        await pilot.press("enter")
        await wait_until(lambda: bool(app.session.exchanges))
        exchange = await answered(app.session.exchanges[0])

        assert exchange.status == "answered"
        answer = exchange.answer
        assert answer is not None and answer.answered and answer.mode == "extractive"
        assert "26.janvārī" in answer.text
        assert answer.citations
        view = app.conversation.view_for(exchange.id)
        assert view is not None
        assert "(cite:1)" in view.markdown.source  # the [1] marker is a link
        await wait_until(lambda: len(view.markdown.children) > 0)

        options = app.sources.query_one("#citations", OptionList)
        assert options.option_count == len(answer.citations)

        # Click the [1] in the answer text: the passage shows with the cited span marked.
        rows = screen_text(app)
        region = view.markdown.region
        where = [
            (row.find("[1]", region.x), y)
            for y, row in enumerate(rows)
            if region.y <= y < region.bottom and row.find("[1]", region.x) >= 0
        ]
        assert where, rows
        x, y = where[0]
        await pilot.click(offset=(x + 1, y))
        citation = answer.citations[0]
        passage = app.sources.passage
        await wait_until(lambda: passage.citation is citation)
        assert passage.span_text == citation.quote
        app.sources.passage.clear()

        # Click the first source in the list: the same.
        await pilot.click("#citations", offset=(4, 0))
        await wait_until(lambda: passage.citation is citation)
        assert passage.span_text == citation.quote
        document = pipeline.document(citation.passage.chunk.doc)
        assert document.text[citation.start : citation.end] == citation.quote
        # Once the document is loaded the passage is widened to its context, span unchanged.
        await wait_until(lambda: passage.in_context)
        assert passage.span_text == citation.quote

        # Key 1 (focus outside the question box) selects it again; o opens the whole document.
        await pilot.press("1")
        await pilot.press("o")
        await wait_until(lambda: isinstance(app.screen, DocumentScreen))
        screen = app.screen
        assert isinstance(screen, DocumentScreen)
        assert screen.document.path == citation.passage.chunk.doc
        assert screen.span_text == citation.quote
        await pilot.press("escape")
        await wait_until(lambda: app.screen is app.chat)


async def test_follow_up_sees_history_and_question_box_recalls_questions(
    pipeline: Pipeline,
) -> None:
    app = make_app(pipeline)
    async with app.run_test() as pilot:
        await wait_until(lambda: app.ready.is_set())
        first = await answered(await ask(pilot, DEV_QUESTION))
        second = await answered(await ask(pilot, "Kas tur stāstīja par darba specifiku?"))
        assert first.status == second.status == "answered"
        assert second.answer is not None and second.answer.standalone
        # The sources panel follows the newest answer.
        assert app.sources.exchange_id == second.id

        box = app.question_box
        await pilot.press("up")
        assert box.value == "Kas tur stāstīja par darba specifiku?"
        await pilot.press("up")
        assert box.value == DEV_QUESTION
        await pilot.press("down", "down")
        assert box.value == ""


async def test_unanswerable_question_says_so_and_offers_the_closest_passages(
    pipeline: Pipeline,
) -> None:
    app = make_app(pipeline)
    async with app.run_test() as pilot:
        await wait_until(lambda: app.ready.is_set())
        exchange = await answered(
            await ask(pilot, "Kas organizēja jauniešu sporta spēles Jelgavā 2021. gadā?")
        )
        answer = exchange.answer
        assert answer is not None and not answer.answered and not answer.citations
        view = app.conversation.view_for(exchange.id)
        assert view is not None
        if answer.passages:
            assert str(view.note.render()) == LV.closest_passages
            assert len(app.sources.citations) == len(answer.passages)
            app.sources.query_one("#citations").focus()
            await pilot.press("1")
            chunk = answer.passages[0].chunk
            await wait_until(lambda: app.sources.passage.span_text == chunk.text)
        else:
            assert str(view.note.render()) == LV.not_answered


async def test_escape_and_ctrl_c_cancel_a_slow_answer_without_leaving(
    llm_pipeline: PipelineFactory, slow_llm: LocalLLMServer
) -> None:
    app = make_app(llm_pipeline(slow_llm.url))
    async with app.run_test() as pilot:
        await wait_until(lambda: app.ready.is_set())
        await wait_until(lambda: app.status_line.llm_state == "connected")
        for key in ("escape", "ctrl+c"):
            exchange = await ask(pilot, DEV_QUESTION)
            await wait_until(lambda: exchange.streamed.count("Vārds") >= 2)  # noqa: B023
            assert app.answering
            await pilot.press(key)
            assert exchange.status == "cancelled"
            assert not app.answering
            view = app.conversation.view_for(exchange.id)
            assert view is not None
            assert str(view.note.render()) == LV.answer_cancelled
            assert "Vārds" in view.markdown.source  # what was streamed stays on screen
            streamed = exchange.streamed
            await pilot.pause(0.3)
            assert exchange.streamed == streamed  # nothing more arrives after cancelling
        assert app.is_running
        await pilot.press("escape")  # nothing running: Escape does nothing harmful
        assert app.is_running and app.screen is app.chat


async def test_streamed_llm_answer_ends_in_its_checked_final_form(
    llm_pipeline: PipelineFactory,
) -> None:
    reply = (
        "Speciālisti pulcējās **26.janvārī** Liepājas valstspilsētas pašvaldībā [1]."
        " Tur viņi ēda saldējumu uz Mēness [1]."
    )
    server = LocalLLMServer(reply=reply, delay_s=0.05).start()
    try:
        app = make_app(llm_pipeline(server.url))
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_until(lambda: app.ready.is_set())
            exchange = await ask(pilot, DEV_QUESTION)
            view = app.conversation.view_for(exchange.id)
            assert view is not None
            await wait_until(lambda: "**26" in exchange.streamed)
            assert exchange.status == "pending"  # text is on screen before the answer is done
            await answered(exchange)
            await pilot.pause()
            answer = exchange.answer
            assert answer is not None and answer.mode == "llm"
            assert exchange.streamed.startswith("Speciālisti pulcējās **26.janvārī**")
            # The streamed text is replaced by the checked answer: links, unverified mark.
            assert view.markdown.source == answer_markdown(answer, LV)
            assert [s.verified for s in answer.sentences] == [True, False]
            shown = "\n".join(screen_text(app))
            assert "Speciālisti pulcējās 26.janvārī Liepājas" in shown  # bold rendered, no **
            assert "Mēness. [1] ⚠" in shown
            assert LV.unverified_legend in shown
            assert app.status_line.llm_state == "connected"
    finally:
        server.close()


async def test_endpoint_failure_notifies_and_answers_extractively(
    llm_pipeline: PipelineFactory, failing_llm: LocalLLMServer
) -> None:
    app = make_app(llm_pipeline(failing_llm.url))
    async with app.run_test() as pilot:
        await wait_until(lambda: app.ready.is_set())
        exchange = await answered(await ask(pilot, DEV_QUESTION))
        assert failing_llm.chat_requests >= 1
        answer = exchange.answer
        assert answer is not None and exchange.status == "answered"
        assert answer.mode == "extractive" and answer.citations
        assert answer.llm is not None and answer.llm.fallback_reason
        shown = notifications(app)
        assert any(
            severity == "warning" and "YOUTHBOT_LLM_URL" in message and "/llm off" in message
            for severity, message in shown
        ), shown
        assert app.status_line.llm_state == "unreachable"
        view = app.conversation.view_for(exchange.id)
        assert view is not None and str(view.note.render()) == LV.mode_fallback
        assert app.is_running


async def test_export_writes_the_conversation_with_quoted_spans(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    app = make_app(pipeline)
    target = tmp_path / "saruna.md"
    async with app.run_test() as pilot:
        await wait_until(lambda: app.ready.is_set())
        exchange = await answered(await ask(pilot, DEV_QUESTION))
        app.question_box.value = f"/export {target}"
        await pilot.press("enter")
        await wait_until(target.exists)
        await wait_until(lambda: any(str(target) in m for _, m in notifications(app)))
    markdown = target.read_text(encoding="utf-8")
    answer = exchange.answer
    assert answer is not None
    assert markdown.startswith(f"# {LV.export_heading}\n")
    assert f"## 1. {LV.export_question}: {DEV_QUESTION}" in markdown
    assert answer.text.strip() in markdown
    for citation in answer.citations:
        assert f"**[{citation.n}]** {citation.passage.title}" in markdown
        assert f"`{citation.passage.chunk.doc}`" in markdown
        quoted = "\n".join(f"> {line}".rstrip() for line in citation.quote.strip().splitlines())
        assert quoted in markdown


async def test_commands_help_sources_llm_clear_and_unknown(pipeline: Pipeline) -> None:
    app = make_app(pipeline)
    async with app.run_test() as pilot:
        await wait_until(lambda: app.ready.is_set())

        async def command(text: str) -> None:
            app.question_box.value = text
            await pilot.press("enter")
            await pilot.pause()

        await command("/help")
        notices = app.conversation.query(NoticeView)
        assert notices and "/export" in notices.last().source
        await command("/sources")
        assert app.sources.has_class("-hidden")
        await command("/sources")
        assert not app.sources.has_class("-hidden")
        await command("/llm on")
        assert ("error", LV.llm_not_configured) in notifications(app)
        assert not app.session.use_llm and app.status_line.llm_state == "off"
        await command("/llm maybe")
        assert ("warning", LV.llm_usage) in notifications(app)
        await command("/export")
        assert ("warning", LV.export_usage) in notifications(app)
        await command("/nosuch")
        assert ("warning", LV.unknown_command.format(command="/nosuch")) in notifications(app)
        await answered(await ask(pilot, DEV_QUESTION))
        await command("/clear")
        assert not app.session.exchanges and not app.conversation.children
        assert app.sources.citations == []
        assert app.is_running


async def test_first_run_builds_the_index_then_reindex_notices_a_vanished_document(
    tmp_path: Path,
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    names = [
        "2024-01-kurzeme-jaunatnes-specialisti-liepaja.txt",
        "2023-11-ogre-erasmus-lietuva.txt",
    ]
    for name in names:
        shutil.copy(CORPUS / name, corpus / name)
    settings = Settings(index=tmp_path / "embeddings", corpus=corpus)
    pipeline = Pipeline(settings)
    try:
        app = make_app(pipeline, settings)
        async with app.run_test() as pilot:
            assert not pipeline.index_exists()
            bar = app.chat.query_one(BuildBar)
            await wait_until(lambda: app.index_state == "building")
            assert bar.has_class("-active")
            await wait_until(lambda: app.index_state == "ready", timeout=60)
            assert not bar.has_class("-active")
            assert app.status_line.documents == 2
            assert any("2" in m and severity == "information" for severity, m in notifications(app))

            exchange = await answered(await ask(pilot, DEV_QUESTION))
            assert exchange.answer is not None and exchange.answer.citations
            cited = exchange.answer.citations[0].passage.chunk.doc

            # The cited file disappears; /reindex drops it, incrementally.
            (corpus / Path(cited).name).unlink()
            app.question_box.value = "/reindex"
            await pilot.press("enter")
            await wait_until(lambda: app.status_line.documents == 1, timeout=60)
            assert app.index_state == "ready"

            # Its citation can no longer be shown in context: one Latvian notification, by name.
            app.sources.query_one("#citations").focus()
            await pilot.press("1")
            missing = LV.document_missing.format(name=Path(cited).name)
            await wait_until(lambda: any(m == missing for _, m in notifications(app)))
            await pilot.press("o")  # the whole document cannot be opened either
            await pilot.press("1")
            await pilot.pause(0.5)
            shown = [m for _, m in notifications(app)]
            assert shown.count(missing) == 1, shown  # the same failure does not stack
            assert not any("Corpus/" in m or "not in the index" in m for m in shown), shown
            assert app.is_running
    finally:
        pipeline.close()


async def test_index_from_another_model_is_reported_and_app_keeps_running(
    built_index: Path,
) -> None:
    pipeline = Pipeline(Settings(index=built_index, corpus=CORPUS, model="all-MiniLM-L6-v2"))
    try:
        app = make_app(pipeline)
        async with app.run_test() as pilot:
            await wait_until(lambda: app.ready.is_set())
            assert app.index_state == "error"
            assert any(
                severity == "error" and "--rebuild" in message
                for severity, message in notifications(app)
            )
            exchange = await answered(await ask(pilot, DEV_QUESTION))
            assert exchange.status == "failed"
            assert app.is_running
    finally:
        pipeline.close()


async def test_english_interface_by_setting(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("YOUTHBOT_LANG", "en")
    settings = Settings(index=pipeline.settings.index, corpus=CORPUS)
    assert settings.lang == "en"
    app = make_app(pipeline, settings)
    async with app.run_test() as pilot:
        await wait_until(lambda: app.index_state == "ready")
        assert app.question_box.placeholder == EN.question_placeholder
        assert app.title == EN.app_title
        descriptions = {b.binding.description for b in app.active_bindings.values()}
        assert EN.key_help in descriptions and LV.key_help not in descriptions
        exchange = await answered(await ask(pilot, DEV_QUESTION))
        view = app.conversation.view_for(exchange.id)
        assert view is not None and str(view.note.render()) == EN.mode_extractive
