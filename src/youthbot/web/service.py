"""What the page and the API do over the one pipeline: ask, search, documents, uploads."""

from __future__ import annotations

import dataclasses
import logging
import os
import re
import threading
import time
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from youthbot.errors import DocumentNotFoundError, InputError
from youthbot.web.builds import BuildManager
from youthbot.web.conversations import ConversationStore

if TYPE_CHECKING:
    import threading as _threading

    from youthbot.config import Settings
    from youthbot.pipeline import IndexStats, Pipeline
    from youthbot.types import Answer, Document, Passage

logger = logging.getLogger(__name__)

#: Longest question accepted, in characters (longer ones are refused with a 400).
MAX_QUESTION_CHARS = 2000
#: Seconds an LLM reachability probe is trusted before the endpoint is asked again.
LLM_PROBE_TTL_S = 30.0
#: Questions answered at the same time (one per core); more wait their turn. The model runs
#: outside the GIL and the rest of an answer inside it, so one per core keeps the cores busy,
#: while twenty at once only queue for the GIL (bench/bench_serve.py: p50 776 ms with 2,
#: 1,160 ms with 40 on the same loaded machine).
ANSWER_SLOTS = max(2, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 2)
#: Name of the page conversations' database in the index directory.
CONVERSATIONS_NAME = "web-conversations.sqlite"


class QuestionEmptyError(InputError):
    """The question has no words."""


class QuestionTooLongError(InputError):
    """The question is longer than :data:`MAX_QUESTION_CHARS`; ``length`` says how long."""

    def __init__(self, length: int) -> None:
        self.length = length
        super().__init__(
            f"the question is too long ({length} characters; at most {MAX_QUESTION_CHARS})"
        )


DirectoryKind = Literal["events", "people", "orgs", "projects"]
LLMState = Literal["off", "connected", "unreachable"]


@dataclass(frozen=True, slots=True)
class DirectoryFilters:
    """The directory filters of the CLI (``--place --org --person --from --to``)."""

    place: str | None = None
    org: str | None = None
    person: str | None = None
    date_from: str | None = None
    date_to: str | None = None

    def kwargs(self) -> dict[str, str | None]:
        """Keyword arguments of the directory's queries."""
        return dataclasses.asdict(self)

    @property
    def any(self) -> bool:
        """True when some filter is set."""
        return any(self.kwargs().values())


DATE_FILTER = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
"""The dates the directory filters accept: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""


@dataclass(frozen=True, slots=True)
class SavedUpload:
    """What became of one uploaded file."""

    name: str
    path: Path | None
    error: str | None = None
    #: True when this upload wrote the file (not when identical bytes were there already).
    created: bool = False


def row_json(row: Any) -> dict[str, Any]:
    """A directory row as JSON values (the ``people|events … --json`` objects)."""
    if hasattr(row, "to_dict"):
        return row.to_dict()
    if dataclasses.is_dataclass(row) and not isinstance(row, type):
        return dataclasses.asdict(row)
    return dict(row)


class WebService:
    """The operations the page and the API share; every one is safe to call from many threads.

    Args:
        pipeline: The pipeline to answer with (the server closes it on shutdown).
        settings: Settings (corpus, file size limit, LLM).
    """

    def __init__(self, pipeline: Pipeline, settings: Settings) -> None:
        self.pipeline = pipeline
        self.settings = settings
        self.builds = BuildManager(pipeline)
        self._conversations: ConversationStore | None = None
        self._lock = threading.Lock()
        self._llm: tuple[float, LLMState] | None = None
        self._documents: dict[tuple[str, str | None], Document] = {}
        self._slots = threading.BoundedSemaphore(max(1, ANSWER_SLOTS))

    # -- conversations -------------------------------------------------------------------
    @property
    def conversations(self) -> ConversationStore:
        """The page conversations (in the index directory, created on first use)."""
        with self._lock:
            if self._conversations is None:
                self.pipeline.layout.ensure_writable()
                root = Path(self.settings.index)
                self._conversations = ConversationStore(root / CONVERSATIONS_NAME)
            return self._conversations

    # -- answers -------------------------------------------------------------------------
    def check_question(self, question: str) -> str:
        """The question with its spaces normalised.

        Raises:
            QuestionEmptyError, QuestionTooLongError: see their names.
        """
        question = " ".join(question.split())
        if not question:
            raise QuestionEmptyError("the question is empty; type a question")
        if len(question) > MAX_QUESTION_CHARS:
            raise QuestionTooLongError(len(question))
        return question

    def ask(
        self,
        question: str,
        *,
        session: str | None = None,
        conversation: str | None = None,
        use_llm: bool | None = None,
        mode: Literal["hybrid", "dense", "lexical"] = "hybrid",
        on_token: Callable[[str], None] | None = None,
        cancel: _threading.Event | None = None,
    ) -> Answer:
        """Answer ``question`` as ``youthbot ask`` does.

        Args:
            question: The question.
            session: A named ``--session`` (history kept by the pipeline, as in the CLI).
            conversation: A page conversation id: its earlier exchanges are the history.
            use_llm: False forces an extractive answer.
            mode: Retrieval mode.
            on_token: Receives streamed LLM text.
            cancel: Set to stop a streaming answer.
        """
        question = self.check_question(question)
        history = self.conversations.history(conversation) if conversation else None
        with self._slots:
            return self.pipeline.ask(
                question,
                session=session,
                history=history or None,
                use_llm=use_llm,
                on_token=on_token,
                cancel=cancel,
                mode=mode,
            )

    def search(
        self, query: str, k: int, mode: Literal["hybrid", "dense", "lexical"] = "hybrid"
    ) -> list[Passage]:
        """The ``k`` best passages (the ``search --json`` passages)."""
        query = self.check_question(query)
        return self.pipeline.search(query, k, mode)

    # -- documents -----------------------------------------------------------------------
    def document(self, path: str) -> Document:
        """An indexed document (cached per live generation).

        Raises:
            DocumentNotFoundError: when it is not in the index.
        """
        key = (path, str(self.pipeline.layout.current()))
        with self._lock:
            found = self._documents.get(key)
        if found is None:
            found = self.pipeline.document(path)
            with self._lock:
                if len(self._documents) > 256:
                    self._documents.clear()
                self._documents[key] = found
        return found

    def document_or_none(self, path: str) -> Document | None:
        """An indexed document, or None when it is gone."""
        try:
            return self.document(path)
        except DocumentNotFoundError:
            return None

    def span(self, path: str, start: int, end: int) -> tuple[Document, int, int]:
        """A document and the span ``start:end`` inside it.

        Raises:
            DocumentNotFoundError: when the document is not indexed.
            InputError: when the span does not lie inside the document's text.
        """
        document = self.document(path)
        if not 0 <= start <= end <= len(document.text):
            raise InputError(
                f"span {start}-{end} lies outside {path} (its text has {len(document.text)}"
                " characters)"
            )
        return document, start, end

    # -- directory -----------------------------------------------------------------------
    def check_filters(self, filters: DirectoryFilters) -> DirectoryFilters:
        """The filters, blanks dropped.

        Raises:
            InputError: for a date not written YYYY, YYYY-MM or YYYY-MM-DD.
        """
        values = {k: (v.strip() or None) if v else None for k, v in filters.kwargs().items()}
        for name in ("date_from", "date_to"):
            value = values[name]
            if value is not None and not DATE_FILTER.fullmatch(value):
                raise InputError(
                    f"{name.replace('_', ' ')} {value!r}: use YYYY, YYYY-MM or YYYY-MM-DD"
                )
        return DirectoryFilters(**values)

    def directory(self, kind: DirectoryKind, filters: DirectoryFilters) -> list[Any]:
        """Directory rows of one kind matching the filters (as the CLI's commands list them)."""
        filters = self.check_filters(filters)
        query = getattr(self.pipeline.facts, kind)
        return list(query(**filters.kwargs()))

    # -- status --------------------------------------------------------------------------
    def stats(self) -> IndexStats | None:
        """What the index holds, or None when there is none yet."""
        if not self.pipeline.index_exists():
            return None
        return self.pipeline.stats()

    def llm_state(self) -> LLMState:
        """``off``, ``connected`` or ``unreachable``; the endpoint is asked at most every 30 s."""
        if not self.settings.llm_configured:
            return "off"
        now = time.monotonic()
        with self._lock:
            cached = self._llm
        if cached is not None and now - cached[0] < LLM_PROBE_TTL_S:
            return cached[1]
        try:
            state: LLMState = (
                "connected" if self.pipeline.llm_state() == "connected" else "unreachable"
            )
        except Exception:  # noqa: BLE001 - a failing probe means unreachable
            state = "unreachable"
        with self._lock:
            self._llm = (now, state)
        return state

    def note_llm(self, answer: Answer) -> None:
        """Remember what an answer found out about the endpoint."""
        if answer.llm is None:
            return
        state: LLMState = "unreachable" if answer.llm.fallback_reason else "connected"
        with self._lock:
            self._llm = (time.monotonic(), state)

    def status(self) -> dict[str, Any]:
        """Index figures, model, LLM state and the build, for the page's status line."""
        stats = None
        error = None
        try:
            stats = self.stats()
        except Exception as exc:  # noqa: BLE001 - e.g. an index from another model
            error = str(exc)
        llm_state = self.llm_state()
        return {
            "index": None if stats is None else dataclasses.asdict(stats),
            "index_error": error,
            "model": self.settings.model,
            "llm": {
                "state": llm_state,
                "model": self.settings.llm_model if self.settings.llm_configured else None,
            },
            "build": self.builds.state().to_dict(),
        }

    # -- uploads -------------------------------------------------------------------------
    def save_uploads(
        self, files: Iterable[tuple[str, Callable[[int], bytes]]]
    ) -> list[SavedUpload]:
        """Save uploaded files into the corpus folder and queue an incremental build of them.

        Each file is refused, with one line saying why, when its kind cannot be read or it is
        larger than the size limit (the same checks as ``youthbot index``). A file never
        replaces another: a name already taken by a different file gets ``-2``, ``-3`` ….

        Args:
            files: ``(file name, read(n))`` pairs; ``read`` returns at most ``n`` bytes.
        """
        from youthbot.ingest import SUPPORTED_SUFFIXES, too_large_reason

        corpus = Path(self.settings.corpus)
        max_bytes = int(self.settings.max_file_mb * 1_000_000)
        results: list[SavedUpload] = []
        for raw_name, read in files:
            name = safe_file_name(raw_name)
            if name is None:
                results.append(SavedUpload(raw_name, None, "the file name cannot be used"))
                continue
            suffix = Path(name).suffix.lower()
            if suffix not in SUPPORTED_SUFFIXES:
                kinds = " ".join(sorted(SUPPORTED_SUFFIXES))
                results.append(
                    SavedUpload(
                        name, None, f"unsupported file type {suffix or '(none)'} (reads {kinds})"
                    )
                )
                continue
            data = read(max_bytes + 1)
            if len(data) > max_bytes:
                results.append(SavedUpload(name, None, too_large_reason(len(data), max_bytes)))
                continue
            try:
                corpus.mkdir(parents=True, exist_ok=True)
                path = _free_path(corpus, name, data)
                created = not path.exists()
                if created:
                    tmp = path.with_name(f".{path.name}.upload")
                    tmp.write_bytes(data)
                    tmp.replace(path)
            except OSError as exc:
                reason = f"cannot be saved in {corpus} ({exc.strerror or exc})"
                results.append(SavedUpload(name, None, reason))
                continue
            results.append(SavedUpload(name, path, created=created))
        saved = [r.path for r in results if r.path is not None]
        if saved:
            created_paths = [r.path for r in results if r.path is not None and r.created]
            self.builds.request(saved, discard_unreadable=created_paths)
        return results

    def close(self) -> None:
        """Stop watching and close the conversations (the pipeline is its owner's)."""
        self.builds.stop()
        with self._lock:
            if self._conversations is not None:
                self._conversations.close()
                self._conversations = None


_UNSAFE_NAME = re.compile(r"[\x00-\x1f/\\:*?\"<>|]+")


def safe_file_name(name: str) -> str | None:
    """The last component of an uploaded file's name, safe to save; None when nothing is left."""
    name = unicodedata.normalize("NFC", name).replace("\\", "/").rsplit("/", 1)[-1]
    name = _UNSAFE_NAME.sub("_", name).strip(" .")
    if not name or name.startswith(".") or len(name.encode()) > 200:
        return None
    return name


def _free_path(folder: Path, name: str, data: bytes) -> Path:
    """``folder/name``, or ``name-2`` … when that name holds different bytes already.

    A path that already holds exactly ``data`` is returned as it is (nothing to write).
    """
    stem, suffix = Path(name).stem, Path(name).suffix
    for i in range(1, 1000):
        candidate = folder / (name if i == 1 else f"{stem}-{i}{suffix}")
        if not candidate.exists():
            return candidate
        try:
            if candidate.is_file() and candidate.read_bytes() == data:
                return candidate
        except OSError:
            continue
    raise OSError(f"too many files named like {name}")
