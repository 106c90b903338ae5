"""SQLite store of documents, chunks (with their vectors and lexical terms) and the manifest."""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from youthbot.errors import DocumentNotFoundError, IndexCorruptError
from youthbot.types import Chunk, Document, Turn

logger = logging.getLogger(__name__)

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS manifest (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    date TEXT,
    format TEXT NOT NULL,
    sha256 TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS chunks (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    terms TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_by_doc ON chunks(doc_id, ordinal);
CREATE TABLE IF NOT EXISTS sentences (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    chunk_id INTEGER NOT NULL REFERENCES chunks(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    hash TEXT NOT NULL,
    vector BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS sentences_by_doc ON sentences(doc_id, start);
"""


@dataclass(frozen=True, slots=True)
class StoredChunk:
    """A chunk row with the title and date of its document."""

    id: int
    chunk: Chunk
    title: str
    date: str | None


class Store:
    """One index generation's SQLite database."""

    def __init__(self, path: Path, *, readonly: bool = False) -> None:
        self.path = path
        try:
            if readonly:
                uri = f"file:{path}?mode=ro"
                self.conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            else:
                self.conn = sqlite3.connect(path, check_same_thread=False)
            self.conn.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                self.conn.executescript(_SCHEMA)
            self.conn.execute("SELECT count(*) FROM documents").fetchone()
        except sqlite3.DatabaseError as exc:
            if not readonly and isinstance(exc, sqlite3.OperationalError):
                raise  # a new database that cannot be written (a full disk): the builder says so
            raise IndexCorruptError(f"index database {path} cannot be read ({exc})") from exc

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    # manifest -----------------------------------------------------------------
    def manifest(self) -> dict[str, str]:
        """The manifest: model, backend, dimension, normalisation, chunker and tool versions."""
        return dict(self.conn.execute("SELECT key, value FROM manifest").fetchall())

    def set_manifest(self, values: dict[str, object]) -> None:
        """Write manifest entries (without committing)."""
        self.conn.executemany(
            "INSERT OR REPLACE INTO manifest(key, value) VALUES (?, ?)",
            [(k, json.dumps(v) if not isinstance(v, str) else v) for k, v in values.items()],
        )

    # documents ----------------------------------------------------------------
    def document_hashes(self) -> dict[str, str]:
        """Path → sha256 of every stored document."""
        return dict(self.conn.execute("SELECT path, sha256 FROM documents").fetchall())

    def document(self, path: str) -> Document:
        """The stored document at ``path``.

        Raises:
            DocumentNotFoundError: when no such document is indexed.
        """
        row = self.conn.execute(
            "SELECT path, title, text, date, format, sha256 FROM documents WHERE path = ?",
            (path,),
        ).fetchone()
        if row is None:
            raise DocumentNotFoundError(f"{path} is not in the index; run `youthbot index` again")
        return Document(*row)

    def documents(self) -> list[tuple[str, str, str | None]]:
        """(path, title, date) of every stored document, by path."""
        return self.conn.execute("SELECT path, title, date FROM documents ORDER BY path").fetchall()

    def remove_document(self, path: str) -> None:
        """Delete a document and its chunks (without committing)."""
        self.conn.execute("DELETE FROM documents WHERE path = ?", (path,))

    def rename_document(self, old: str, new: str) -> None:
        """Store the document at ``old`` under the path ``new`` (without committing)."""
        self.conn.execute("UPDATE documents SET path = ? WHERE path = ?", (new, old))

    def vectors_for(self, path: str) -> dict[str, bytes]:
        """Sentence text hash → stored vector, for the sentences of the document at ``path``."""
        return dict(
            self.conn.execute(
                "SELECT s.hash, s.vector FROM sentences s JOIN documents d ON d.id = s.doc_id"
                " WHERE d.path = ?",
                (path,),
            ).fetchall()
        )

    def put_document(
        self,
        doc: Document,
        chunks: Sequence[Chunk],
        terms: Sequence[Sequence[str]],
        sentences: Sequence[tuple[int, int, str, bytes]],
    ) -> None:
        """Replace the document at ``doc.path`` with this version (no commit).

        Args:
            doc: The document.
            chunks: Its chunks, in order.
            terms: The analysed lexical terms of each chunk.
            sentences: (start, end, text hash, vector bytes) of each embedded sentence.
        """
        self.remove_document(doc.path)
        cur = self.conn.execute(
            "INSERT INTO documents(path, title, text, date, format, sha256) VALUES (?,?,?,?,?,?)",
            (doc.path, doc.title, doc.text, doc.date, doc.format, doc.sha256),
        )
        doc_id = cur.lastrowid
        chunk_ids = []
        for c, t in zip(chunks, terms, strict=True):
            cur = self.conn.execute(
                'INSERT INTO chunks(doc_id, ordinal, start, "end", text, terms)'
                " VALUES (?,?,?,?,?,?)",
                (doc_id, c.ordinal, c.start, c.end, c.text, " ".join(t)),
            )
            chunk_ids.append((c.start, c.end, cur.lastrowid))
        rows = []
        for start, end, h, vector in sentences:
            owner = next((cid for cs, ce, cid in chunk_ids if cs <= start and end <= ce), None)
            if owner is None:
                raise ValueError(f"sentence {start}:{end} of {doc.path} lies in no chunk")
            rows.append((doc_id, owner, start, end, h, vector))
        self.conn.executemany(
            'INSERT INTO sentences(doc_id, chunk_id, start, "end", hash, vector)'
            " VALUES (?,?,?,?,?,?)",
            rows,
        )

    # chunks -------------------------------------------------------------------
    def sentence_ids_and_vectors(self, limit: int | None = None) -> tuple[list[int], list[bytes]]:
        """Sentence ids with their vector bytes, by id (``limit``: an even sample of them)."""
        if limit is None:
            rows = self.conn.execute("SELECT id, vector FROM sentences ORDER BY id").fetchall()
        else:
            total = self.conn.execute("SELECT count(*) FROM sentences").fetchone()[0]
            step = max(1, total // max(1, limit))
            rows = self.conn.execute(
                "SELECT id, vector FROM sentences WHERE id % ? = 0 ORDER BY id LIMIT ?",
                (step, limit),
            ).fetchall()
        return [r[0] for r in rows], [r[1] for r in rows]

    def sentence_chunks(self, ids: Sequence[int]) -> dict[int, int]:
        """Sentence id → id of the chunk it belongs to."""
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        return dict(
            self.conn.execute(
                f"SELECT id, chunk_id FROM sentences WHERE id IN ({marks})", list(ids)
            ).fetchall()
        )

    def sentence_spans(self, path: str, start: int, end: int) -> list[tuple[int, int]]:
        """(start, end) of the embedded sentences inside ``start:end`` of a document."""
        return self.conn.execute(
            'SELECT s.start, s."end" FROM sentences s JOIN documents d'
            ' ON d.id = s.doc_id WHERE d.path = ? AND s.start >= ? AND s."end" <= ?'
            " ORDER BY s.start",
            (path, start, end),
        ).fetchall()

    def sentence_vectors(self, path: str, start: int, end: int) -> list[tuple[int, int, bytes]]:
        """(start, end, vector bytes) of the embedded sentences inside ``start:end`` of a doc."""
        return self.conn.execute(
            'SELECT s.start, s."end", s.vector FROM sentences s JOIN documents d'
            ' ON d.id = s.doc_id WHERE d.path = ? AND s.start >= ? AND s."end" <= ?'
            " ORDER BY s.start",
            (path, start, end),
        ).fetchall()

    def chunk_ids_and_terms(self) -> tuple[list[int], list[list[str]]]:
        """Every chunk id with its analysed lexical terms, by id."""
        rows = self.conn.execute("SELECT id, terms FROM chunks ORDER BY id").fetchall()
        return [r[0] for r in rows], [r[1].split() for r in rows]

    def chunk_texts(self) -> Iterable[str]:
        """The text of every chunk."""
        return (r[0] for r in self.conn.execute("SELECT text FROM chunks"))

    def chunks(self, ids: Sequence[int]) -> dict[int, StoredChunk]:
        """The chunks with these ids (missing ids are left out)."""
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self.conn.execute(
            f'SELECT c.id, d.path, c.ordinal, c.start, c."end", c.text, d.title, d.date'
            f" FROM chunks c JOIN documents d ON d.id = c.doc_id WHERE c.id IN ({marks})",
            list(ids),
        ).fetchall()
        return {
            r[0]: StoredChunk(r[0], Chunk(r[1], r[2], r[3], r[4], r[5]), r[6], r[7]) for r in rows
        }

    def chunks_of(self, path: str) -> list[StoredChunk]:
        """Every chunk of one document, in order."""
        rows = self.conn.execute(
            'SELECT c.id, d.path, c.ordinal, c.start, c."end", c.text, d.title, d.date'
            " FROM chunks c JOIN documents d ON d.id = c.doc_id WHERE d.path = ?"
            " ORDER BY c.ordinal",
            (path,),
        ).fetchall()
        return [StoredChunk(r[0], Chunk(r[1], r[2], r[3], r[4], r[5]), r[6], r[7]) for r in rows]

    def document_title(self, path: str) -> str:
        """The title of an indexed document ('' when unknown)."""
        row = self.conn.execute("SELECT title FROM documents WHERE path = ?", (path,)).fetchone()
        return row[0] if row else ""

    def document_terms(self, path: str) -> set[str]:
        """Every lexical term of one document (the union over its chunks)."""
        out: set[str] = set()
        for (terms,) in self.conn.execute(
            "SELECT c.terms FROM chunks c JOIN documents d ON d.id = c.doc_id WHERE d.path = ?",
            (path,),
        ):
            out.update(terms.split())
        return out

    def chunk_containing(self, path: str, start: int, end: int) -> StoredChunk | None:
        """The first chunk of a document that contains ``start:end`` (or overlaps it most)."""
        rows = self.chunks_of(path)
        inside = [r for r in rows if r.chunk.start <= start and end <= r.chunk.end]
        if inside:
            return inside[0]
        overlapping = [r for r in rows if r.chunk.start < end and start < r.chunk.end]
        return max(
            overlapping,
            key=lambda r: min(end, r.chunk.end) - max(start, r.chunk.start),
            default=None,
        )

    def counts(self) -> tuple[int, int]:
        """(documents, chunks) stored."""
        docs = self.conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        chunks = self.conn.execute("SELECT count(*) FROM chunks").fetchone()[0]
        return int(docs), int(chunks)


class SessionStore:
    """Conversation history for ``ask --session NAME``, kept beside the index generations."""

    def __init__(self, path: Path) -> None:
        """Raises:
        IndexCorruptError: the file is not a readable SQLite database (it is left as is).
        """
        self.path = path
        self.conn = sqlite3.connect(path, check_same_thread=False)
        try:
            self.conn.execute(
                "CREATE TABLE IF NOT EXISTS turns (id INTEGER PRIMARY KEY, session TEXT NOT NULL,"
                " question TEXT NOT NULL, answer TEXT NOT NULL,"
                " created TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP)"
            )
            self.conn.commit()
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise history_damaged(path, exc) from None

    def history(self, session: str, limit: int = 6) -> list[Turn]:
        """The last ``limit`` turns of a session, oldest first."""
        try:
            rows = self.conn.execute(
                "SELECT question, answer FROM turns WHERE session = ? ORDER BY id DESC LIMIT ?",
                (session, limit),
            ).fetchall()
        except sqlite3.DatabaseError as exc:
            raise history_damaged(self.path, exc) from None
        return [Turn(q, a) for q, a in reversed(rows)]

    def append(self, session: str, turn: Turn) -> None:
        """Add one turn to a session."""
        try:
            with self.conn:
                self.conn.execute(
                    "INSERT INTO turns(session, question, answer) VALUES (?, ?, ?)",
                    (session, turn.question, turn.answer),
                )
        except sqlite3.DatabaseError as exc:
            raise history_damaged(self.path, exc) from None

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()


def history_damaged(path: Path, exc: sqlite3.Error) -> IndexCorruptError:
    """The one line for a conversation history file that SQLite cannot use."""
    reason = str(exc).strip().splitlines()[0][:120] if str(exc).strip() else type(exc).__name__
    return IndexCorruptError(
        f"conversation history {path} cannot be used ({reason}); move the file away (or rename"
        " it) and a new history is started; the index itself is fine"
    )
