"""The sources panel: the answer's citations and the chosen passage in context."""

from __future__ import annotations

from pathlib import PurePosixPath

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from youthbot.types import Citation
from youthbot.ui.messages import CitationSelected
from youthbot.ui.strings import Strings
from youthbot.ui.widgets.passage import PassageView


def citation_prompt(citation: Citation, strings: Strings) -> Text:
    """``[n] “start of the quote…”`` and, dimmed, ``title · date · file``; each one line.

    The quote comes first: citations of one document share its title, and a narrow panel
    would otherwise show entries that look the same.
    """
    passage = citation.passage
    quote = " ".join(citation.quote.split())
    text = Text(f"[{citation.n}] ", style="bold", no_wrap=True, overflow="ellipsis")
    text.append(f"“{quote}”")
    name = PurePosixPath(passage.chunk.doc).name
    title = " ".join(passage.title.split())
    text.append(f"\n    {title} · {passage.date or strings.no_date} · {name}", style="dim")
    return text


class SourcesPanel(Vertical):
    """Lists an exchange's citations; choosing one posts :class:`CitationSelected`."""

    def __init__(self, strings: Strings, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.strings = strings
        self.exchange_id: int | None = None
        self.citations: list[Citation] = []

    def compose(self) -> ComposeResult:
        yield Label(self.strings.sources_title, classes="panel-title")
        yield OptionList(Option(Text(self.strings.sources_empty), disabled=True), id="citations")
        yield PassageView(self.strings, id="passage")

    @property
    def passage(self) -> PassageView:
        """The passage view under the list."""
        return self.query_one(PassageView)

    def show_citations(self, exchange_id: int | None, citations: list[Citation]) -> None:
        """List ``citations`` of an exchange (an empty list shows the hint)."""
        self.exchange_id = exchange_id
        self.citations = list(citations)
        options = self.query_one("#citations", OptionList)
        if citations:
            options.set_options(
                Option(citation_prompt(c, self.strings), id=f"cite-{c.n}") for c in citations
            )
        else:
            options.set_options([Option(Text(self.strings.sources_empty), disabled=True)])
        self.passage.clear()

    def mark(self, n: int) -> None:
        """Highlight citation ``n`` in the list."""
        options = self.query_one("#citations", OptionList)
        for index, citation in enumerate(self.citations):
            if citation.n == n:
                options.highlighted = index
                return

    @on(OptionList.OptionSelected, "#citations")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id or ""
        if self.exchange_id is not None and option_id.startswith("cite-"):
            self.post_message(CitationSelected(self.exchange_id, int(option_id[5:])))
