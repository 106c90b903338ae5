"""SQLite store of documents, chunks and sentences (with their lexical terms) and the manifest.

Sentence vectors are not kept here: they live once, in the generation's vector segments
(``youthbot.index.dense``), under the sentence ids of this database.
"""

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

#: 2: vectors moved out to segment files; per-sentence terms stored.
#: 3: a chunk's text is not stored twice: it is read as its span of the document's text.
SCHEMA_VERSION = 3

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
    terms TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sentences_by_doc ON sentences(doc_id, start);
CREATE INDEX IF NOT EXISTS sentences_by_chunk ON sentences(chunk_id);
"""
#: A chunk's text, its span of the document's text (SQLite counts characters, as Python does).
_CHUNK_TEXT = 'substr(d.text, c.start + 1, c."end" - c.start)'


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
        self._next_chunk = self._next_sentence = 0

    def ids_above(self, chunk: int, sentence: int) -> None:
        """Give chunks and sentences stored from now on ids above these (and above every id
        stored), so an id the vector or lexical segments still hold is never reused."""
        top_c = self.conn.execute("SELECT coalesce(max(id), 0) FROM chunks").fetchone()[0]
        top_s = self.conn.execute("SELECT coalesce(max(id), 0) FROM sentences").fetchone()[0]
        self._next_chunk = max(chunk, int(top_c)) + 1
        self._next_sentence = max(sentence, int(top_s)) + 1

    def schema_version(self) -> int:
        """The schema this database was written with (1 before the version was recorded)."""
        value = self.manifest().get("schema_version", "1")
        try:
            return int(value)
        except ValueError:
            return 1

    def upgrade(self) -> None:
        """Bring a database copied from an older schema (2) to this one, before it is
        written: the chunk texts it stored beside the document texts are dropped (no commit).
        The caller re-stores every document and compacts the file after the build."""
        columns = {r[1] for r in self.conn.execute("PRAGMA table_info(chunks)")}
        if "text" in columns:
            self.conn.execute("ALTER TABLE chunks DROP COLUMN text")

    def compact(self) -> None:
        """Give the file's free pages back to the disk (after ``upgrade``; commits first)."""
        self.conn.commit()
        self.conn.execute("VACUUM")

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

    def sentence_ids_for(self, path: str) -> dict[str, int]:
        """Sentence text hash → sentence id, for the sentences of the document at ``path``."""
        return dict(
            self.conn.execute(
                "SELECT s.hash, s.id FROM sentences s JOIN documents d ON d.id = s.doc_id"
                " WHERE d.path = ?",
                (path,),
            ).fetchall()
        )

    def legacy_vectors_for(self, path: str) -> dict[str, bytes]:
        """Sentence text hash → vector bytes, from a schema-1 database (vectors in SQLite)."""
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
        sentences: Sequence[tuple[int, int, str, Sequence[str]]],
    ) -> tuple[list[int], list[int]]:
        """Replace the document at ``doc.path`` with this version (no commit).

        Args:
            doc: The document.
            chunks: Its chunks, in order.
            terms: The analysed lexical terms of each chunk.
            sentences: (start, end, text hash, analysed terms) of each embedded sentence.

        Returns:
            The ids given to its chunks and to its sentences, in order.
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
                'INSERT INTO chunks(id, doc_id, ordinal, start, "end", terms) VALUES (?,?,?,?,?,?)',
                (self._take("chunk"), doc_id, c.ordinal, c.start, c.end, " ".join(t)),
            )
            chunk_ids.append((c.start, c.end, cur.lastrowid))
        rows = []
        for start, end, h, sentence_terms in sentences:
            owner = next((cid for cs, ce, cid in chunk_ids if cs <= start and end <= ce), None)
            if owner is None:
                raise ValueError(f"sentence {start}:{end} of {doc.path} lies in no chunk")
            rows.append(
                (self._take("sentence"), doc_id, owner, start, end, h, " ".join(sentence_terms))
            )
        self.conn.executemany(
            'INSERT INTO sentences(id, doc_id, chunk_id, start, "end", hash, terms)'
            " VALUES (?,?,?,?,?,?,?)",
            rows,
        )
        return [cid for _, _, cid in chunk_ids], [r[0] for r in rows]

    def _take(self, kind: str) -> int | None:
        """The next explicit id of a chunk or sentence (None: SQLite picks, see ids_above)."""
        if kind == "chunk":
            if not self._next_chunk:
                return None
            self._next_chunk += 1
            return self._next_chunk - 1
        if not self._next_sentence:
            return None
        self._next_sentence += 1
        return self._next_sentence - 1

    # chunks -------------------------------------------------------------------
    def sentence_ids(self) -> list[int]:
        """Every sentence id, ascending."""
        return [r[0] for r in self.conn.execute("SELECT id FROM sentences ORDER BY id")]

    def chunk_ids(self) -> list[int]:
        """Every chunk id, ascending."""
        return [r[0] for r in self.conn.execute("SELECT id FROM chunks ORDER BY id")]

    def sentence_count(self) -> int:
        """Number of embedded sentences stored."""
        return int(self.conn.execute("SELECT count(*) FROM sentences").fetchone()[0])

    def sentence_texts(self, ids: Sequence[int]) -> dict[int, str]:
        """Sentence id → its text (re-embedding the vectors of a damaged segment)."""
        out: dict[int, str] = {}
        for b in range(0, len(ids), 500):
            part = list(ids[b : b + 500])
            marks = ",".join("?" * len(part))
            for sid, text, start, end in self.conn.execute(
                f'SELECT s.id, d.text, s.start, s."end" FROM sentences s'
                f" JOIN documents d ON d.id = s.doc_id WHERE s.id IN ({marks})",
                part,
            ):
                out[sid] = text[start:end]
        return out

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

    def sentence_terms(self, path: str, start: int, end: int) -> list[tuple[int, int, list[str]]]:
        """(start, end, analysed terms) of the embedded sentences inside ``start:end`` of a
        document, in order."""
        return [
            (s, e, terms.split())
            for s, e, terms in self.conn.execute(
                'SELECT s.start, s."end", s.terms FROM sentences s JOIN documents d'
                ' ON d.id = s.doc_id WHERE d.path = ? AND s.start >= ? AND s."end" <= ?'
                " ORDER BY s.start",
                (path, start, end),
            )
        ]

    def sentence_rows(self, path: str, start: int, end: int) -> list[tuple[int, int, int]]:
        """(start, end, sentence id) of the embedded sentences inside ``start:end`` of a doc."""
        return self.conn.execute(
            'SELECT s.start, s."end", s.id FROM sentences s JOIN documents d'
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
        rows = self.conn.execute(
            f"SELECT {_CHUNK_TEXT} FROM chunks c JOIN documents d ON d.id = c.doc_id ORDER BY c.id"
        )
        return (r[0] for r in rows)

    def chunks(self, ids: Sequence[int]) -> dict[int, StoredChunk]:
        """The chunks with these ids (missing ids are left out)."""
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self.conn.execute(
            f'SELECT c.id, d.path, c.ordinal, c.start, c."end", {_CHUNK_TEXT}, d.title, d.date'
            f" FROM chunks c JOIN documents d ON d.id = c.doc_id WHERE c.id IN ({marks})",
            list(ids),
        ).fetchall()
        return {
            r[0]: StoredChunk(r[0], Chunk(r[1], r[2], r[3], r[4], r[5]), r[6], r[7]) for r in rows
        }

    def chunks_of(self, path: str) -> list[StoredChunk]:
        """Every chunk of one document, in order."""
        rows = self.conn.execute(
            f'SELECT c.id, d.path, c.ordinal, c.start, c."end", {_CHUNK_TEXT}, d.title, d.date'
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
