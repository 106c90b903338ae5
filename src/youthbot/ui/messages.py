"""Typed messages that widgets, screens and workers post upward to the app."""

from __future__ import annotations

from textual.message import Message

from youthbot.types import Answer


class QuestionSubmitted(Message):
    """The user asked a question (text that is not a ``/command``)."""

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question


class CommandSubmitted(Message):
    """The user typed a ``/command``; ``name`` is lower-case without the slash."""

    def __init__(self, name: str, argument: str) -> None:
        super().__init__()
        self.name = name
        self.argument = argument


class CitationSelected(Message):
    """A citation ``[n]`` of an exchange was chosen (sources list, answer link or key)."""

    def __init__(self, exchange_id: int, n: int) -> None:
        super().__init__()
        self.exchange_id = exchange_id
        self.n = n


class OpenDocumentRequested(Message):
    """Show the whole document ``doc`` scrolled to the span ``start:end``."""

    def __init__(self, doc: str, start: int, end: int) -> None:
        super().__init__()
        self.doc = doc
        self.start = start
        self.end = end


class TokenReceived(Message):
    """A streamed text delta of a running LLM answer (posted from the worker thread)."""

    def __init__(self, exchange_id: int, delta: str) -> None:
        super().__init__()
        self.exchange_id = exchange_id
        self.delta = delta


class AnswerReady(Message):
    """The pipeline finished answering an exchange."""

    def __init__(self, exchange_id: int, answer: Answer) -> None:
        super().__init__()
        self.exchange_id = exchange_id
        self.answer = answer


class BuildProgressed(Message):
    """Index building moved on (posted from the worker thread)."""

    def __init__(self, stage: str, done: int, total: int, path: str | None) -> None:
        super().__init__()
        self.stage = stage
        self.done = done
        self.total = total
        self.path = path
