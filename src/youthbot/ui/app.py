"""The chat app: conversation with cited answers, sources beside them, built by make_app()."""

from __future__ import annotations

import asyncio
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import App
from textual.css.query import NoMatches
from textual.screen import Screen

from youthbot.errors import DocumentNotFoundError
from youthbot.types import Citation, Document
from youthbot.ui.export import write_conversation
from youthbot.ui.keys import localised
from youthbot.ui.messages import (
    BuildProgressed,
    CitationSelected,
    CommandSubmitted,
    OpenDocumentRequested,
    QuestionSubmitted,
    TokenReceived,
)
from youthbot.ui.pipeline_thread import PipelineThread
from youthbot.ui.render import describe_error, os_error_text
from youthbot.ui.screens import ChatScreen, DocumentScreen
from youthbot.ui.session import ChatSession, Exchange
from youthbot.ui.strings import Strings, strings_for
from youthbot.ui.widgets import (
    BuildBar,
    Conversation,
    ExchangeView,
    QuestionBox,
    SourcesPanel,
    StatusLine,
)
from youthbot.ui.widgets.status import IndexState

if TYPE_CHECKING:
    from youthbot.config import Settings
    from youthbot.indexing import BuildProgress, IndexReport
    from youthbot.pipeline import IndexStats, Pipeline


#: Seconds an error notification stays (and an identical one is not shown again).
ERROR_TIMEOUT_S = 10


class YouthbotApp(App[None]):
    """Questions in, cited answers out; every pipeline call runs off the UI loop.

    Build it with :func:`make_app`. The app does not close the pipeline: its owner does,
    after ``run()`` returns.
    """

    CSS_PATH = "youthbot.tcss"
    ENABLE_COMMAND_PALETTE = False  # its texts are not translated; /help lists our commands

    def __init__(self, pipeline: Pipeline, settings: Settings) -> None:
        super().__init__()
        self.pipeline = pipeline
        self.settings = settings
        self.strings: Strings = strings_for(settings.lang)
        self.title = self.strings.app_title
        self.session = ChatSession(use_llm=settings.llm_configured)
        self.runner = PipelineThread()
        self.index_state: IndexState = "checking"
        self.ready = asyncio.Event()
        """Set once the start-up check (and first-run build) is over, whatever its outcome."""
        self.index_error: BaseException | None = None
        """Why the index cannot be used, when start-up or a build failed."""
        self._current: tuple[Exchange, threading.Event] | None = None
        self._shown_errors: dict[str, float] = {}
        """When each error text was last shown, so one failure is not stacked twice."""
        self._documents: dict[str, Document] = {}
        self.chat = localised(ChatScreen, self.strings)(self.strings)

    # -- widgets ----------------------------------------------------------------------------
    def get_default_screen(self) -> Screen[None]:
        return self.chat

    @property
    def conversation(self) -> Conversation:
        """The conversation widget of the chat screen."""
        return self.chat.query_one(Conversation)

    @property
    def sources(self) -> SourcesPanel:
        """The sources panel of the chat screen."""
        return self.chat.query_one(SourcesPanel)

    @property
    def status_line(self) -> StatusLine:
        """The status line of the chat screen."""
        return self.chat.query_one(StatusLine)

    @property
    def question_box(self) -> QuestionBox:
        """The question input of the chat screen."""
        return self.chat.query_one(QuestionBox)

    @property
    def answering(self) -> bool:
        """True while an answer is being prepared."""
        return self._current is not None

    # -- start-up and shutdown --------------------------------------------------------------
    @on(ChatScreen.Ready)
    def _chat_ready(self) -> None:
        self.status_line.llm_state = "checking" if self.session.use_llm else "off"
        self.start_up()

    async def on_unmount(self) -> None:
        if self._current is not None:
            self._current[1].set()
        await asyncio.to_thread(self.runner.stop, 10.0)

    def notify_error(self, error: BaseException | str) -> None:
        """Show what went wrong and what to do (not again while the same text is shown)."""
        text = error if isinstance(error, str) else describe_error(error, self.strings)
        now = time.monotonic()
        if now - self._shown_errors.get(text, -1e9) < ERROR_TIMEOUT_S:
            return
        self._shown_errors[text] = now
        self.notify(text, title=self.strings.error_title, severity="error", timeout=ERROR_TIMEOUT_S)

    def _document_error(self, path: str, error: BaseException) -> None:
        """A document that cannot be shown: a vanished one is said plainly, by its name."""
        if isinstance(error, DocumentNotFoundError):
            self.notify_error(self.strings.document_missing.format(name=Path(path).name))
        else:
            self.notify_error(error)

    def _set_index_state(self, state: IndexState) -> None:
        self.index_state = state
        self.status_line.index_state = state

    @work(exclusive=True, group="index", exit_on_error=False)
    async def start_up(self) -> None:
        """Check the index (building it on first run), show its figures, load the model."""
        try:
            exists = await self.runner.call(self.pipeline.index_exists)
            if exists:
                await self._refresh_stats()
                self._set_index_state("ready")
            else:
                await self.conversation.add_notice(
                    self.strings.build_first_run.format(corpus=self.settings.corpus)
                )
                await self._build(first_run=True)
        except Exception as exc:  # noqa: BLE001 - every failure becomes a notification
            self.index_error = exc
            self._set_index_state("error")
            self.notify_error(exc)
        finally:
            self.ready.set()
        self.probe_llm()
        if self.index_state == "ready":
            try:
                await self.runner.call(self.pipeline.warm_up)
            except Exception as exc:  # noqa: BLE001
                self.notify_error(exc)

    async def _refresh_stats(self) -> IndexStats:
        stats = await self.runner.call(self.pipeline.stats)
        status = self.status_line
        status.documents = stats.documents
        status.chunks = stats.chunks
        status.model = stats.model.rsplit("/", 1)[-1]
        return stats

    # -- index building ---------------------------------------------------------------------
    async def _build(self, *, first_run: bool) -> None:
        """Build (first run) or update the index with a progress bar; errors are notified."""
        bar = self.chat.query_one(BuildBar)
        self._set_index_state("building")
        bar.begin(self.strings.status_building)

        def progress(step: BuildProgress) -> None:
            self.post_message(BuildProgressed(step.stage, step.done, step.total, step.path))

        try:
            if first_run:
                report = await self.runner.call(self.pipeline.ensure_index, progress)
            else:
                report = await self.runner.call(self.pipeline.build_index, None, progress)
        except Exception as exc:  # noqa: BLE001
            self.index_error = exc
            self.notify_error(exc)
            report = None
        finally:
            bar.end()
        self._documents.clear()
        exists = await self.runner.call(self.pipeline.index_exists)
        if report is not None:
            self._report(report)
        nothing = self.strings.build_nothing_to_index.format(corpus=self.settings.corpus)
        if not exists:
            self._set_index_state("missing")
            if report is not None:
                self.notify(nothing, title=self.strings.warning_title, severity="warning")
            return
        try:
            stats = await self._refresh_stats()
        except Exception as exc:  # noqa: BLE001 - e.g. an index from another model
            self.index_error = exc
            self._set_index_state("error")
            self.notify_error(exc)
            return
        self.index_error = None
        self._set_index_state("ready")
        if stats.documents == 0:
            self.notify(nothing, title=self.strings.warning_title, severity="warning", timeout=10)

    def _report(self, report: IndexReport) -> None:
        s = self.strings
        self.notify(
            s.build_done.format(
                added=len(report.added),
                changed=len(report.changed),
                removed=len(report.removed),
                chunks=report.chunks,
            )
        )
        if report.failed:
            names = "; ".join(f"{Path(f.path).name} ({f.reason})" for f in report.failed[:3])
            if len(report.failed) > 3:
                names += "; …"
            self.notify(
                s.build_failed_files.format(n=len(report.failed), files=names),
                title=s.warning_title,
                severity="warning",
                timeout=10,
            )

    @on(BuildProgressed)
    def _build_progressed(self, message: BuildProgressed) -> None:
        s = self.strings
        stage = {"read": s.stage_read, "embed": s.stage_embed, "write": s.stage_write}.get(
            message.stage, message.stage
        )
        for bar in self.chat.query(BuildBar):  # none once the app is closing
            bar.advance_to(
                s.build_stage.format(stage=stage, done=message.done, total=message.total),
                message.done,
                message.total,
            )

    @work(exclusive=True, group="index", exit_on_error=False)
    async def reindex(self) -> None:
        """Update the index from the corpus (changed files only)."""
        await self._build(first_run=False)

    # -- LLM state --------------------------------------------------------------------------
    @work(exclusive=True, group="llm", exit_on_error=False)
    async def probe_llm(self) -> None:
        """Ask the endpoint whether it answers and show the state in the status line."""
        if not self.session.use_llm:
            self.status_line.llm_state = "off"
            return
        self.status_line.llm_state = "checking"
        try:
            state = await asyncio.to_thread(self.pipeline.llm_state)
        except Exception:  # noqa: BLE001 - a failing probe means unreachable
            state = "unreachable"
        if self.session.use_llm:
            self.status_line.llm_state = state if state in ("connected", "off") else "unreachable"

    # -- questions and answers --------------------------------------------------------------
    @on(QuestionSubmitted)
    async def _question_submitted(self, message: QuestionSubmitted) -> None:
        await self.ask(message.question)

    async def ask(self, question: str) -> None:
        """Start answering ``question`` (cancelling any answer still running)."""
        await self._cancel_running()
        exchange = self.session.start(question)
        view = await self.conversation.add_exchange(exchange.id, question, self.strings)
        cancel = threading.Event()
        self._current = (exchange, cancel)
        self.refresh_bindings()
        self._answer(exchange, view, cancel)

    @work(exclusive=True, group="answer", exit_on_error=False)
    async def _answer(
        self, exchange: Exchange, view: ExchangeView, cancel: threading.Event
    ) -> None:
        """Retrieve and answer in the pipeline thread; stream tokens into the view."""
        try:
            if not self.ready.is_set() or self.index_state == "building":
                view.set_note(self.strings.answer_waiting_index)
                await self.ready.wait()
            if self.index_state in ("missing", "error"):
                exchange.status = "failed"
                await view.show_failed()
                if self.index_error is not None:
                    self.notify_error(self.index_error)
                    return
                self.notify(
                    self.strings.no_index_yet.format(corpus=self.settings.corpus),
                    title=self.strings.error_title,
                    severity="error",
                    timeout=10,
                )
                return
            use_llm = self.session.use_llm

            def on_token(delta: str) -> None:
                if not cancel.is_set():
                    self.post_message(TokenReceived(exchange.id, delta))

            answer = await self.runner.call(
                self.pipeline.ask,
                exchange.question,
                history=self.session.history()[-6:],
                use_llm=use_llm,
                on_token=on_token if use_llm else None,
                cancel=cancel,
            )
        except asyncio.CancelledError:
            cancel.set()
            raise
        except Exception as exc:  # noqa: BLE001
            exchange.status = "failed"
            await view.show_failed()
            self.notify_error(exc)
            return
        finally:
            if self._current is not None and self._current[0] is exchange:
                self._current = None
                self.refresh_bindings()
        if cancel.is_set() or exchange.status != "pending":
            return
        exchange.answer = answer
        exchange.status = "answered"
        await view.show_answer(answer)
        self.conversation.follow()
        self.sources.show_citations(exchange.id, exchange.sources)
        self.refresh_bindings()
        self.update_shortcuts()
        if answer.llm is not None and answer.llm.fallback_reason:
            self.status_line.llm_state = "unreachable"
            self.notify(
                self.strings.llm_fallback.format(reason=answer.llm.fallback_reason),
                title=self.strings.warning_title,
                severity="warning",
                timeout=12,
            )
        elif answer.mode == "llm":
            self.status_line.llm_state = "connected"

    @on(TokenReceived)
    async def _token_received(self, message: TokenReceived) -> None:
        exchange = self.session.get(message.exchange_id)
        if exchange is None or exchange.status != "pending":
            return
        exchange.streamed += message.delta
        try:
            conversation = self.conversation
        except NoMatches:  # the app is closing
            return
        view = conversation.view_for(exchange.id)
        if view is not None:
            await view.write(message.delta)
            conversation.follow()

    async def _cancel_running(self) -> bool:
        """Cancel the running answer, if any; its view says so. True when one was running."""
        if self._current is None:
            return False
        exchange, cancel = self._current
        self._current = None
        cancel.set()
        self.workers.cancel_group(self, "answer")
        exchange.status = "cancelled"
        view = self.conversation.view_for(exchange.id)
        if view is not None:
            await view.show_cancelled()
        self.refresh_bindings()
        return True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Show Cancel only while answering, citation keys only when there are citations."""
        if action == "cancel_answer":
            return self.answering
        if action == "select_citation":
            return bool(self.sources.citations) if self.chat.is_mounted else False
        if action == "open_selected":
            return self.sources.passage.citation is not None if self.chat.is_mounted else False
        return True

    async def action_cancel_answer(self) -> None:
        """Cancel the running answer and stay in the app (Escape, Ctrl+C)."""
        await self._cancel_running()

    def update_shortcuts(self) -> None:
        """Let 1–9 and o act from the empty question box when there is a source to act on."""
        keys = {str(c.n) for c in self.sources.citations if 1 <= c.n <= 9}
        if self.sources.passage.citation is not None:
            keys.add("o")
        self.question_box.shortcut_keys = frozenset(keys)

    def action_help_quit(self) -> None:
        """Ctrl+C with nothing to cancel or copy: say how to quit."""
        self.notify(self.strings.quit_hint)

    # -- citations and documents ------------------------------------------------------------
    def action_select_citation(self, n: int) -> None:
        """Select citation ``n`` of the answer shown in the sources panel (keys 1–9)."""
        exchange_id = self.sources.exchange_id
        if exchange_id is not None:
            self.post_message(CitationSelected(exchange_id, n))

    @on(CitationSelected)
    def _citation_selected(self, message: CitationSelected) -> None:
        self.select_citation(message.exchange_id, message.n)

    def select_citation(self, exchange_id: int, n: int) -> Citation | None:
        """Show citation ``n`` of an exchange in the sources panel, in its document context."""
        exchange = self.session.get(exchange_id)
        citation = exchange.citation(n) if exchange is not None else None
        if exchange is None or exchange.answer is None or citation is None:
            self.bell()
            return None
        sources = self.sources
        if sources.has_class("-hidden"):
            sources.remove_class("-hidden")
        if sources.exchange_id != exchange_id:
            sources.show_citations(exchange_id, exchange.sources)
        sources.mark(n)
        document = self._documents.get(citation.passage.chunk.doc)
        sources.passage.show(citation, document.text if document else None)
        if document is None:
            self._load_context(citation)
        self.refresh_bindings()
        self.update_shortcuts()
        return citation

    async def _document(self, path: str) -> Document:
        document = self._documents.get(path)
        if document is None:
            document = await self.runner.call(self.pipeline.document, path)
            self._documents[path] = document
        return document

    @work(exclusive=True, group="context", exit_on_error=False)
    async def _load_context(self, citation: Citation) -> None:
        """Widen the shown passage to its document context once the text is loaded."""
        try:
            document = await self._document(citation.passage.chunk.doc)
        except Exception as exc:  # noqa: BLE001
            self._document_error(citation.passage.chunk.doc, exc)
            return
        passage = self.sources.passage
        if passage.citation is citation:
            passage.show(citation, document.text)

    def action_open_selected(self) -> None:
        """Open the whole document of the selected citation (o)."""
        self.sources.passage.action_open_document()

    @on(OpenDocumentRequested)
    def _open_requested(self, message: OpenDocumentRequested) -> None:
        self.open_document(message.doc, message.start, message.end)

    @work(exclusive=True, group="document", exit_on_error=False)
    async def open_document(self, path: str, start: int, end: int) -> None:
        """Show the whole document ``path`` scrolled to ``start:end``."""
        try:
            document = await self._document(path)
        except Exception as exc:  # noqa: BLE001
            self._document_error(path, exc)
            return
        screen = localised(DocumentScreen, self.strings)(document, start, end, self.strings)
        await self.push_screen(screen)

    # -- commands ---------------------------------------------------------------------------
    @on(CommandSubmitted)
    async def _command_submitted(self, message: CommandSubmitted) -> None:
        await self.run_command(message.name, message.argument)

    async def run_command(self, name: str, argument: str = "") -> None:
        """Run a ``/command`` typed into the question box."""
        handlers = {
            "help": self.action_help,
            "sources": self.action_toggle_sources,
            "reindex": self._command_reindex,
            "clear": self._command_clear,
            "directory": self.action_directory,
        }
        if name in handlers:
            await handlers[name]()
        elif name == "export":
            await self._command_export(argument)
        elif name == "llm":
            self._command_llm(argument)
        else:
            self.notify(
                self.strings.unknown_command.format(command=f"/{name}"),
                severity="warning",
            )

    async def action_help(self) -> None:
        """List the commands and keys in the conversation (/help, F1)."""
        await self.conversation.add_notice(
            self.strings.help_markdown.format(corpus=self.settings.corpus)
        )

    async def action_toggle_sources(self) -> None:
        """Show or hide the sources panel (/sources, F3)."""
        sources = self.sources
        sources.toggle_class("-hidden")
        focused = self.focused
        if sources.has_class("-hidden") and focused is not None and sources in focused.ancestors:
            self.question_box.focus()  # typing must not land on the hidden list's shortcuts

    async def action_directory(self) -> None:
        """Open the directory of events and people (/directory, F2)."""
        try:
            from youthbot.ui.screens.directory import DirectoryScreen
        except ImportError as exc:
            self.notify(
                self.strings.directory_unavailable.format(reason=exc),
                severity="warning",
            )
            return
        if self.index_state != "ready":
            self.notify(self.strings.no_index_yet.format(corpus=self.settings.corpus))
            return
        await self.push_screen(
            localised(DirectoryScreen, self.strings)(self.pipeline, self.runner, self.strings)
        )

    async def _command_reindex(self) -> None:
        if self.index_state == "building":
            self.notify(self.strings.build_busy, severity="warning")
            return
        self.reindex()

    async def _command_clear(self) -> None:
        await self._cancel_running()
        self.session.clear()
        await self.conversation.clear()
        self.sources.show_citations(None, [])
        self.refresh_bindings()
        self.update_shortcuts()
        self.notify(self.strings.cleared)

    async def _command_export(self, argument: str) -> None:
        s = self.strings
        target = argument.strip().strip("\"'")
        if not target:
            self.notify(s.export_usage, severity="warning")
            return
        if not any(e.status != "pending" for e in self.session.exchanges):
            self.notify(s.export_empty, severity="warning")
            return
        try:
            written = await asyncio.to_thread(
                write_conversation, Path(target), list(self.session.exchanges), s
            )
        except OSError as exc:
            self.notify(
                s.export_failed.format(path=target, reason=os_error_text(exc, s)),
                title=s.error_title,
                severity="error",
                timeout=10,
            )
            return
        self.notify(s.export_done.format(path=written))

    def _command_llm(self, argument: str) -> None:
        s = self.strings
        choice = argument.strip().lower()
        if choice not in ("on", "off"):
            self.notify(s.llm_usage, severity="warning")
        elif choice == "off":
            self.session.use_llm = False
            self.status_line.llm_state = "off"
            self.notify(s.llm_disabled)
        elif not self.settings.llm_configured:
            self.notify(s.llm_not_configured, title=s.error_title, severity="error", timeout=10)
        else:
            self.session.use_llm = True
            self.notify(s.llm_enabled)
            self.probe_llm()


def make_app(pipeline: Pipeline, settings: Settings | None = None) -> YouthbotApp:
    """The chat app over ``pipeline``; the CLI and the tests both build it here.

    Args:
        pipeline: The pipeline to answer with; the caller closes it after ``run()``.
        settings: Settings for the interface (language, corpus, LLM); default the pipeline's.

    Returns:
        The app, ready to ``run()`` (or ``run_test()``).
    """
    return YouthbotApp(pipeline, settings if settings is not None else pipeline.settings)
