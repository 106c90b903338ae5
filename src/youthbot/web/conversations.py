"""The web page's conversations, one per browser session, kept in SQLite so a reload keeps them."""

from __future__ import annotations

import json
import secrets
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from youthbot.export import EntryStatus
from youthbot.store import history_damaged
from youthbot.types import Answer, AnswerSentence, Chunk, Citation, LLMInfo, Passage, Turn

#: Exchanges kept per conversation; older ones are dropped first.
MAX_EXCHANGES = 100
#: Earlier exchanges a follow-up question is read against.
HISTORY_TURNS = 6

_SCHEMA = """
CREATE TABLE IF NOT EXISTS web_exchanges (
    conversation TEXT NOT NULL,
    seq INTEGER NOT NULL,
    question TEXT NOT NULL,
    status TEXT NOT NULL,
    answer TEXT,
    created REAL NOT NULL,
    PRIMARY KEY (conversation, seq)
);
"""


@dataclass(frozen=True, slots=True)
class WebExchange:
    """One question of a page conversation and its answer (None when it failed)."""

    seq: int
    question: str
    status: EntryStatus
    answer: Answer | None
    streamed: str = ""


def new_conversation_id() -> str:
    """A fresh, unguessable conversation id for a browser session's cookie."""
    return secrets.token_urlsafe(18)


class ConversationStore:
    """Exchanges by conversation id in one SQLite file; safe to use from many threads."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(path, check_same_thread=False)
        try:
            with self._damage_named(), self._conn:
                self._conn.executescript(_SCHEMA)
        except BaseException:
            self._conn.close()
            raise

    @contextmanager
    def _damage_named(self) -> Iterator[None]:
        """Hold the lock; a file SQLite cannot use becomes one ``IndexCorruptError``."""
        with self._lock:
            try:
                yield
            except sqlite3.DatabaseError as exc:
                raise history_damaged(self.path, exc) from None

    def exchanges(self, conversation: str) -> list[WebExchange]:
        """The conversation's exchanges, oldest first."""
        with self._damage_named():
            rows = self._conn.execute(
                "SELECT seq, question, status, answer FROM web_exchanges"
                " WHERE conversation = ? ORDER BY seq",
                (conversation,),
            ).fetchall()
        return [
            WebExchange(seq, question, status, answer_from_json(answer) if answer else None)
            for seq, question, status, answer in rows
        ]

    def history(self, conversation: str) -> list[Turn]:
        """The last answered exchanges as turns, for a follow-up question."""
        turns = [
            Turn(e.question, e.answer.text)
            for e in self.exchanges(conversation)
            if e.answer is not None and e.status == "answered"
        ]
        return turns[-HISTORY_TURNS:]

    def add(
        self, conversation: str, question: str, answer: Answer | None, status: EntryStatus
    ) -> WebExchange:
        """Append an exchange and return it (with its number in the conversation)."""
        data = json.dumps(answer_to_json(answer), ensure_ascii=False) if answer else None
        with self._damage_named(), self._conn:
            (last,) = self._conn.execute(
                "SELECT coalesce(max(seq), 0) FROM web_exchanges WHERE conversation = ?",
                (conversation,),
            ).fetchone()
            seq = int(last) + 1
            self._conn.execute(
                "INSERT INTO web_exchanges VALUES (?, ?, ?, ?, ?, ?)",
                (conversation, seq, question, status, data, time.time()),
            )
            self._conn.execute(
                "DELETE FROM web_exchanges WHERE conversation = ? AND seq <= ?",
                (conversation, seq - MAX_EXCHANGES),
            )
        return WebExchange(seq, question, status, answer)

    def get(self, conversation: str, seq: int) -> WebExchange | None:
        """One exchange, or None."""
        return next((e for e in self.exchanges(conversation) if e.seq == seq), None)

    def clear(self, conversation: str) -> None:
        """Forget a conversation."""
        with self._damage_named(), self._conn:
            self._conn.execute("DELETE FROM web_exchanges WHERE conversation = ?", (conversation,))

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self._conn.close()


# -- answers to and from JSON (everything the page and the exporter show) ---------------------
def _passage_json(p: Passage) -> dict[str, Any]:
    c = p.chunk
    return {
        "doc": c.doc,
        "ordinal": c.ordinal,
        "start": c.start,
        "end": c.end,
        "text": c.text,
        "score": float(p.score),
        "title": p.title,
        "date": p.date,
        "rank": p.rank,
    }


def _passage(d: dict[str, Any]) -> Passage:
    chunk = Chunk(d["doc"], int(d["ordinal"]), int(d["start"]), int(d["end"]), d["text"])
    return Passage(chunk, float(d["score"]), d["title"], d.get("date"), int(d.get("rank", 0)))


def answer_to_json(answer: Answer) -> dict[str, Any]:
    """The whole answer, passages of its citations included, as plain JSON values."""
    return {
        "question": answer.question,
        "answered": answer.answered,
        "text": answer.text,
        "mode": answer.mode,
        "citations": [
            {
                "n": c.n,
                "passage": _passage_json(c.passage),
                "start": c.start,
                "end": c.end,
                "quote": c.quote,
            }
            for c in answer.citations
        ],
        "passages": [_passage_json(p) for p in answer.passages],
        "sentences": [s.to_dict() for s in answer.sentences],
        "llm": answer.llm.to_dict() if answer.llm else None,
        "standalone": answer.standalone,
    }


def answer_from_json(data: str | dict[str, Any]) -> Answer:
    """The answer :func:`answer_to_json` wrote."""
    d = json.loads(data) if isinstance(data, str) else data
    llm = d.get("llm")
    return Answer(
        question=d["question"],
        answered=bool(d["answered"]),
        text=d["text"],
        mode=d["mode"],
        citations=[
            Citation(
                int(c["n"]), _passage(c["passage"]), int(c["start"]), int(c["end"]), c["quote"]
            )
            for c in d["citations"]
        ],
        passages=[_passage(p) for p in d["passages"]],
        sentences=[
            AnswerSentence(s["text"], [int(n) for n in s["citations"]], bool(s["verified"]))
            for s in d["sentences"]
        ],
        llm=LLMInfo(
            model=llm["model"],
            url_host=llm["url_host"],
            latency_ms=llm["latency_ms"],
            fallback_reason=llm["fallback_reason"],
            removed_markers=int(llm.get("removed_markers", 0)),
        )
        if llm
        else None,
        standalone=d.get("standalone"),
    )
