"""The conversation the chat app holds: exchanges, question history and the LLM switch."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from youthbot.export import closest_sources
from youthbot.types import Answer, Citation, Turn

ExchangeStatus = Literal["pending", "answered", "cancelled", "failed"]


@dataclass(slots=True)
class Exchange:
    """One question of the conversation and what became of it.

    Attributes:
        id: Its number in the conversation, from 1; widgets and messages refer to it.
        question: The question as typed.
        answer: The answer, once there is one.
        status: ``pending`` while it runs, then ``answered``, ``cancelled`` or ``failed``.
        streamed: Text received so far from the LLM (kept when the answer is cancelled).
    """

    id: int
    question: str
    answer: Answer | None = None
    status: ExchangeStatus = "pending"
    streamed: str = ""

    @property
    def sources(self) -> list[Citation]:
        """What the sources panel lists: the citations, or else the closest passages.

        An answer that found nothing cites nothing; its retrieved passages are then offered
        as whole-chunk spans, numbered by rank, so the user can still read them.
        """
        if self.answer is None:
            return []
        return closest_sources(self.answer)

    def citation(self, n: int) -> Citation | None:
        """Source ``[n]`` of the answer (see :attr:`sources`), or None when there is none."""
        return next((c for c in self.sources if c.n == n), None)


@dataclass(slots=True)
class ChatSession:
    """All exchanges of one chat, in order, and the questions typed (for ↑/↓)."""

    use_llm: bool = False
    exchanges: list[Exchange] = field(default_factory=list)
    _next_id: int = 1

    def start(self, question: str) -> Exchange:
        """Add a pending exchange for ``question`` and return it."""
        exchange = Exchange(id=self._next_id, question=question)
        self._next_id += 1
        self.exchanges.append(exchange)
        return exchange

    def get(self, exchange_id: int) -> Exchange | None:
        """The exchange with this id, if it is still in the conversation."""
        return next((e for e in self.exchanges if e.id == exchange_id), None)

    def latest_answered(self) -> Exchange | None:
        """The most recent exchange that has an answer."""
        return next((e for e in reversed(self.exchanges) if e.answer is not None), None)

    def history(self) -> list[Turn]:
        """Earlier answered exchanges as turns, for follow-up questions."""
        return [
            Turn(question=e.question, answer=e.answer.text)
            for e in self.exchanges
            if e.answer is not None and e.status == "answered"
        ]

    def clear(self) -> None:
        """Forget every exchange (the question history of the input box is kept)."""
        self.exchanges.clear()
