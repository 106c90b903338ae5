"""The conversation: each exchange is the question, its answer as Markdown and a note line."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Markdown, Static
from textual.widgets.markdown import MarkdownStream

from youthbot.export import has_unverified
from youthbot.types import Answer
from youthbot.ui.messages import CitationSelected
from youthbot.ui.render import CITE_SCHEME, answer_markdown
from youthbot.ui.strings import Strings


class NoticeView(Markdown):
    """App text inside the conversation, such as /help."""


class ExchangeView(Vertical):
    """One question and its answer; a click on ``[n]`` posts :class:`CitationSelected`."""

    def __init__(self, exchange_id: int, question: str, strings: Strings) -> None:
        super().__init__(id=f"exchange-{exchange_id}", classes="exchange")
        self.exchange_id = exchange_id
        self.question = question
        self.strings = strings
        self._stream: MarkdownStream | None = None

    def compose(self) -> ComposeResult:
        label = Text(f"{self.strings.you}: ", style="bold")
        label.append(self.question)
        yield Static(label, classes="question")
        yield Markdown("", open_links=False, classes="answer")
        yield Static(self.strings.answer_searching, classes="note")

    @property
    def markdown(self) -> Markdown:
        """The answer's Markdown widget."""
        return self.query_one(".answer", Markdown)

    @property
    def note(self) -> Static:
        """The line under the answer: mode, waiting, cancelled."""
        return self.query_one(".note", Static)

    @on(Markdown.LinkClicked)
    def _citation_clicked(self, event: Markdown.LinkClicked) -> None:
        event.stop()
        href = event.href
        if href.startswith(CITE_SCHEME) and href[len(CITE_SCHEME) :].isdigit():
            self.post_message(CitationSelected(self.exchange_id, int(href[len(CITE_SCHEME) :])))

    def set_note(self, text: str, *, warning: bool = False) -> None:
        """Replace the note line."""
        self.note.update(Text(text))
        self.note.set_class(warning, "-warning")

    async def write(self, delta: str) -> None:
        """Append streamed answer text (LLM mode)."""
        if self._stream is None:
            self.set_note("")
            self._stream = Markdown.get_stream(self.markdown)
        await self._stream.write(delta)

    async def _stop_stream(self) -> None:
        if self._stream is not None:
            await self._stream.stop()
            self._stream = None

    async def show_answer(self, answer: Answer) -> None:
        """Show the final answer, replacing whatever was streamed, and its mode line."""
        await self._stop_stream()
        await self.markdown.update(answer_markdown(answer, self.strings))
        s = self.strings
        lines: list[str] = []
        fallback = answer.llm is not None and bool(answer.llm.fallback_reason)
        if not answer.answered:
            lines.append(s.closest_passages if answer.passages else s.not_answered)
        elif answer.mode == "llm" and answer.llm is not None:
            lines.append(s.mode_llm.format(model=answer.llm.model))
        elif fallback:
            lines.append(s.mode_fallback)
        else:
            lines.append(s.mode_extractive)
        if has_unverified(answer):
            lines.append(s.unverified_legend)
        self.set_note("\n".join(lines), warning=fallback or has_unverified(answer))

    async def show_cancelled(self) -> None:
        """Keep what was streamed and say the answer was cancelled."""
        await self._stop_stream()
        self.set_note(self.strings.answer_cancelled, warning=True)

    async def show_failed(self) -> None:
        """Say the answer could not be prepared (the notification says why)."""
        await self._stop_stream()
        self.set_note(self.strings.answer_failed, warning=True)


class Conversation(VerticalScroll):
    """The scrolling list of exchanges and notices, kept at the newest."""

    def follow(self) -> None:
        """Scroll to the end once the layout has caught up with new content."""
        self.scroll_end(animate=False)

    async def add_exchange(self, exchange_id: int, question: str, strings: Strings) -> ExchangeView:
        """Mount a view for a new exchange and return it."""
        view = ExchangeView(exchange_id, question, strings)
        await self.mount(view)
        self.follow()
        return view

    async def add_notice(self, markdown: str) -> None:
        """Mount app text (Markdown) at the end of the conversation."""
        await self.mount(NoticeView(markdown, classes="notice"))
        self.follow()

    def view_for(self, exchange_id: int) -> ExchangeView | None:
        """The view of an exchange, if it is still shown."""
        for view in self.query(ExchangeView):
            if view.exchange_id == exchange_id:
                return view
        return None

    async def clear(self) -> None:
        """Remove every exchange and notice."""
        await self.remove_children()
