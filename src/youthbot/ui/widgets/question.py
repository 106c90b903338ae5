"""The question box: one line of input with ↑/↓ history; posts questions and /commands."""

from __future__ import annotations

from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.widgets import Input

from youthbot.ui.messages import CommandSubmitted, QuestionSubmitted


class QuestionBox(Input):
    """An ``Input`` that remembers what was typed and tells questions from ``/commands``."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "history_previous", show=False),
        Binding("down", "history_next", show=False),
    ]

    def __init__(self, placeholder: str, *, id: str | None = None) -> None:
        super().__init__(placeholder=placeholder, id=id)
        self.history: list[str] = []
        self.shortcut_keys: frozenset[str] = frozenset()
        """Keys that act as the screen's shortcuts (not text) while the box is empty."""
        self._position: int | None = None
        self._draft = ""

    def _is_shortcut(self, character: str | None) -> bool:
        return not self.value and character is not None and character in self.shortcut_keys

    def check_consume_key(self, key: str, character: str | None) -> bool:
        """Printable keys are typed, except shortcut keys while the box is empty."""
        if self._is_shortcut(character):
            return False
        return super().check_consume_key(key, character)

    async def _on_key(self, event: events.Key) -> None:
        # Textual runs Input's own key handler after this one unless the default is
        # prevented; the key then bubbles on to the screen's binding (select, open).
        if self._is_shortcut(event.character):
            event.prevent_default()

    def remember(self, text: str) -> None:
        """Add ``text`` to the history (not twice in a row) and leave history browsing."""
        if not self.history or self.history[-1] != text:
            self.history.append(text)
        self._position = None
        self._draft = ""

    def _show(self, text: str) -> None:
        self.value = text
        self.cursor_position = len(text)

    def action_history_previous(self) -> None:
        """Show the previous question typed (↑)."""
        if not self.history:
            return
        if self._position is None:
            self._draft = self.value
            self._position = len(self.history)
        self._position = max(0, self._position - 1)
        self._show(self.history[self._position])

    def action_history_next(self) -> None:
        """Show the next question typed, then the unsent draft (↓)."""
        if self._position is None:
            return
        self._position += 1
        if self._position >= len(self.history):
            self._position = None
            self._show(self._draft)
        else:
            self._show(self.history[self._position])

    async def action_submit(self) -> None:
        """Post the text as a question or a command and clear the box (Enter)."""
        text = self.value.strip()
        if not text:
            return
        self.remember(text)
        self.value = ""
        if text.startswith("/") and len(text) > 1:
            name, _, argument = text[1:].partition(" ")
            self.post_message(CommandSubmitted(name.lower(), argument.strip()))
        else:
            self.post_message(QuestionSubmitted(text))
