"""A whole document, scrolled to a cited span that is highlighted."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Static

from youthbot.types import Document
from youthbot.ui.keys import Key
from youthbot.ui.spans import clamp_span, highlight, paragraph_bounds
from youthbot.ui.strings import Strings


class DocumentScreen(Screen[None]):
    """The stored text of one document; the lines holding the span are shown highlighted."""

    KEYS: ClassVar[tuple[Key, ...]] = (
        Key("escape,q", "app.pop_screen", "key_close"),
        Key("ctrl+q", "app.quit", "key_quit", priority=True),
    )

    COMPONENT_CLASSES: ClassVar[set[str]] = {"document-screen--span"}

    def __init__(self, document: Document, start: int, end: int, strings: Strings) -> None:
        super().__init__()
        self.document = document
        self.start, self.end = clamp_span(len(document.text), start, end)
        self.strings = strings
        self.highlighted = Text()

    def compose(self) -> ComposeResult:
        doc = self.document
        header = Text(doc.title, style="bold")
        header.append("\n")
        header.append(
            self.strings.document_meta.format(
                date=doc.date or self.strings.no_date,
                path=doc.path,
                start=self.start,
                end=self.end,
            ),
            style="dim",
        )
        yield Static(header, id="document-header")
        with VerticalScroll(id="document-body"):
            yield Static(id="document-before")
            yield Static(id="document-span")
            yield Static(id="document-after")
        yield Footer()

    def on_mount(self) -> None:
        text = self.document.text
        first, last = paragraph_bounds(text, self.start, self.end)
        span_style = self.get_component_rich_style("document-screen--span", partial=True)
        self.highlighted = highlight(
            text[first:last], self.start - first, self.end - first, span_style
        )
        self.query_one("#document-before", Static).update(Text(text[:first].rstrip("\n")))
        self.query_one("#document-span", Static).update(self.highlighted)
        self.query_one("#document-after", Static).update(Text(text[last:].lstrip("\n")))
        self.call_after_refresh(self._scroll_to_span)

    def _scroll_to_span(self) -> None:
        body = self.query_one("#document-body", VerticalScroll)
        span = self.query_one("#document-span", Static)
        body.scroll_to_widget(span, animate=False, top=True)

    @property
    def span_text(self) -> str:
        """The characters shown with the span style (the cited quote), for tests and checks."""
        return "".join(
            self.highlighted.plain[span.start : span.end] for span in self.highlighted.spans
        )
