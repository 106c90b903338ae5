"""A progress bar shown while the index is being built."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label, ProgressBar


class BuildBar(Horizontal):
    """Label and progress bar; shown (class ``-active``) only while indexing."""

    def compose(self) -> ComposeResult:
        yield Label("", id="build-label")
        yield ProgressBar(total=None, show_eta=False, id="build-progress")

    def begin(self, label: str) -> None:
        """Show the bar with ``label`` and an indeterminate progress."""
        self.add_class("-active")
        self.query_one("#build-label", Label).update(label)
        self.query_one(ProgressBar).update(total=None, progress=0)

    def advance_to(self, label: str, done: int, total: int) -> None:
        """Show ``done`` of ``total`` steps of the current stage."""
        self.query_one("#build-label", Label).update(label)
        self.query_one(ProgressBar).update(total=max(total, 1), progress=done)

    def end(self) -> None:
        """Hide the bar."""
        self.remove_class("-active")
