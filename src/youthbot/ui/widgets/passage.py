"""A cited passage in its document context, with the cited span highlighted."""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from youthbot.types import Citation
from youthbot.ui.messages import OpenDocumentRequested
from youthbot.ui.spans import context_bounds, highlight
from youthbot.ui.strings import Strings

#: Characters of document text shown on each side of the cited span (cut at a line or word).
CONTEXT_CHARS = 240


class PassageView(VerticalScroll, can_focus=True):
    """Shows one citation: title, date, file, and the text around it with the span marked."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"passage-view--span", "passage-view--meta"}

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter,o", "open_document", show=False)]

    def __init__(self, strings: Strings, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.strings = strings
        self.citation: Citation | None = None
        self.highlighted: Text = Text()
        self.in_context = False
        """True when the passage is shown within its document's text (not the chunk alone)."""

    def compose(self) -> ComposeResult:
        yield Static(Text(self.strings.passage_empty), classes="passage-header")
        yield Static("", classes="passage-body")

    def clear(self) -> None:
        """Show the hint for choosing a source."""
        self.citation = None
        self.highlighted = Text()
        self.in_context = False
        self.query_one(".passage-header", Static).update(Text(self.strings.passage_empty))
        self.query_one(".passage-body", Static).update("")

    def show(self, citation: Citation, document_text: str | None = None) -> None:
        """Show ``citation``; with the document text, a wider window around it.

        Args:
            citation: The citation to show.
            document_text: The document's stored text, or None to show the passage alone.
        """
        self.citation = citation
        chunk = citation.passage.chunk
        span_style = self.get_component_rich_style("passage-view--span", partial=True)
        if document_text is not None and document_text[citation.start : citation.end] == (
            citation.quote
        ):
            lo, hi = context_bounds(document_text, citation.start, citation.end, CONTEXT_CHARS)
            window = document_text[lo:hi]
            cut_before, cut_after = lo > 0, hi < len(document_text)
            self.in_context = True
        else:
            lo, window = chunk.start, chunk.text
            cut_before, cut_after = chunk.start > 0, True
            self.in_context = False
        self.highlighted = highlight(
            window,
            citation.start - lo,
            citation.end - lo,
            span_style,
            cut_before=cut_before,
            cut_after=cut_after,
        )
        passage = citation.passage
        meta_style = self.get_component_rich_style("passage-view--meta", partial=True)
        header = Text(f"[{citation.n}] ", style="bold")
        header.append(
            self.strings.passage_meta.format(
                date=passage.date or self.strings.no_date, path=PurePosixPath(chunk.doc).name
            ),
            style=meta_style,
        )
        header.append("\n")
        header.append(self.strings.passage_open_hint, style=meta_style)
        self.query_one(".passage-header", Static).update(header)
        self.query_one(".passage-body", Static).update(self.highlighted)
        self.scroll_home(animate=False)

    @property
    def span_text(self) -> str:
        """The characters shown with the span style (the cited quote), for tests and checks."""
        return "".join(
            self.highlighted.plain[span.start : span.end] for span in self.highlighted.spans
        )

    def action_open_document(self) -> None:
        """Ask for the whole document at this place (Enter or o)."""
        if self.citation is not None:
            chunk = self.citation.passage.chunk
            self.post_message(
                OpenDocumentRequested(chunk.doc, self.citation.start, self.citation.end)
            )
