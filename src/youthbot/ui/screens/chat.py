"""The main screen: status line, conversation beside the sources, question box, footer."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer

from youthbot.ui.keys import Key
from youthbot.ui.strings import Strings
from youthbot.ui.widgets import (
    BuildBar,
    Conversation,
    QuestionBox,
    SourcesPanel,
    StatusLine,
)


class ChatScreen(Screen[None]):
    """Lays out the conversation; the app owns the state and runs the work."""

    KEYS: ClassVar[tuple[Key, ...]] = (
        Key("escape", "app.cancel_answer", "key_cancel"),
        Key("escape", "focus_question", show=False),
        Key("tab", "focus_sources", show=False),
        Key("ctrl+c", "app.cancel_answer", show=False, priority=True),
        Key("f1", "app.help", "key_help"),
        Key("f2", "app.directory", "key_directory"),
        Key("f3", "app.toggle_sources", "key_sources"),
        Key("1", "app.select_citation(1)", "key_citation", key_display="1–9"),
        *(Key(str(n), f"app.select_citation({n})") for n in range(2, 10)),
        Key("o", "app.open_selected", "key_open_document"),
        Key("pageup", "scroll_conversation(-1)", show=False),
        Key("pagedown", "scroll_conversation(1)", show=False),
        Key("ctrl+q", "app.quit", "key_quit", priority=True),
    )

    class Ready(Message):
        """The chat screen is mounted: its widgets can be used."""

    def __init__(self, strings: Strings) -> None:
        super().__init__()
        self.strings = strings

    def compose(self) -> ComposeResult:
        yield StatusLine(self.strings, id="status")
        with Horizontal(id="main"):
            yield Conversation(id="conversation")
            yield SourcesPanel(self.strings, id="sources")
        yield BuildBar(id="build")
        yield QuestionBox(self.strings.question_placeholder, id="question")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(QuestionBox).focus()
        self.post_message(self.Ready())

    def action_focus_question(self) -> None:
        """Back to the question box (Escape when nothing is being answered)."""
        self.query_one(QuestionBox).focus()

    def action_scroll_conversation(self, direction: int) -> None:
        """Page the conversation up or down, wherever the focus is (PgUp, PgDn)."""
        conversation = self.query_one(Conversation)
        if direction < 0:
            conversation.scroll_page_up(animate=False)
        else:
            conversation.scroll_page_down(animate=False)

    def action_focus_sources(self) -> None:
        """Tab from the question box goes straight to the sources list when it has entries."""
        sources = self.query_one(SourcesPanel)
        if isinstance(self.focused, QuestionBox) and sources.citations and sources.display:
            sources.query_one("#citations").focus()
        else:
            self.focus_next()
