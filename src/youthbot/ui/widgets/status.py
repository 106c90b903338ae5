"""The status line: documents and chunks indexed, the embedding model and the LLM state."""

from __future__ import annotations

from typing import Literal

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from youthbot.ui.strings import Strings

IndexState = Literal["checking", "building", "ready", "missing", "error"]
LLMState = Literal["off", "connected", "unreachable", "checking"]


class StatusLine(Static):
    """One line that says what the app is working with; the app sets its fields."""

    index_state: reactive[IndexState] = reactive("checking")
    documents: reactive[int] = reactive(0)
    chunks: reactive[int] = reactive(0)
    model: reactive[str] = reactive("")
    llm_state: reactive[LLMState] = reactive("off")

    def __init__(self, strings: Strings, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.strings = strings

    def render(self) -> Text:
        """``Dokumenti: 5 · fragmenti: 40 · modelis: … · LLM: izslēgts``."""
        s = self.strings
        parts: list[str] = []
        if self.index_state == "ready":
            parts.append(s.status_documents.format(n=self.documents))
            parts.append(s.status_chunks.format(n=self.chunks))
        elif self.index_state == "building":
            parts.append(s.status_building)
        elif self.index_state == "checking":
            parts.append(s.status_checking)
        else:
            parts.append(s.status_no_index)
        if self.model:
            parts.append(s.status_model.format(model=self.model))
        llm = {
            "off": s.llm_off,
            "connected": s.llm_connected,
            "unreachable": s.llm_unreachable,
            "checking": s.llm_checking,
        }[self.llm_state]
        text = Text(" · ".join(parts) + " · ")
        text.append(
            s.status_llm.format(state=llm),
            style="bold red" if self.llm_state == "unreachable" else "",
        )
        return text
