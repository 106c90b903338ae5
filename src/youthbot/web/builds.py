"""Index builds for the server: one at a time on a thread, with progress; the corpus watch."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from youthbot.errors import YouthbotError

if TYPE_CHECKING:
    from youthbot.indexing import BuildProgress, IndexReport
    from youthbot.pipeline import Pipeline

logger = logging.getLogger(__name__)

#: Milliseconds watchfiles waits for a burst of file changes to end before a build starts.
WATCH_DEBOUNCE_MS = 800


@dataclass(frozen=True, slots=True)
class BuildFailure:
    """A file a build could not read, and why (the same line `youthbot index` prints)."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class BuildSummary:
    """What the last finished build did."""

    added: list[str]
    changed: list[str]
    removed: list[str]
    unchanged: int
    failed: list[BuildFailure]
    notes: list[str]
    documents: int
    chunks: int
    seconds: float
    finished_at: float

    @classmethod
    def of(cls, report: IndexReport) -> BuildSummary:
        """The summary of an :class:`~youthbot.indexing.IndexReport`."""
        return cls(
            added=list(report.added),
            changed=list(report.changed),
            removed=list(report.removed),
            unchanged=len(report.skipped),
            failed=[BuildFailure(f.path, f.reason) for f in report.failed],
            notes=list(report.notes),
            documents=report.documents,
            chunks=report.chunks,
            seconds=round(report.seconds, 2),
            finished_at=time.time(),
        )


@dataclass(frozen=True, slots=True)
class BuildState:
    """Where indexing stands: running (stage, done of total) or idle, and the last outcome."""

    running: bool = False
    stage: str | None = None
    done: int = 0
    total: int = 0
    path: str | None = None
    builds: int = 0
    last: BuildSummary | None = None
    error: str | None = None
    watching: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The ``/api/build`` object."""
        last = self.last
        return {
            "running": self.running,
            "stage": self.stage,
            "done": self.done,
            "total": self.total,
            "path": self.path,
            "builds": self.builds,
            "error": self.error,
            "watching": list(self.watching),
            "last": None
            if last is None
            else {
                "added": last.added,
                "changed": last.changed,
                "removed": last.removed,
                "unchanged": last.unchanged,
                "failed": [{"path": f.path, "reason": f.reason} for f in last.failed],
                "notes": last.notes,
                "documents": last.documents,
                "chunks": last.chunks,
                "seconds": last.seconds,
                "finished_at": last.finished_at,
            },
        }


class BuildManager:
    """Runs the pipeline's incremental builds on one thread, one at a time.

    Requests that arrive while a build runs are merged into the next build, so a burst of
    uploads or file changes costs at most one more build. Readers keep answering from the
    live generation meanwhile: a build only switches the index when it is complete.
    """

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline
        self._lock = threading.Lock()
        self._state = BuildState()
        self._pending: list[Path] | None = None  # None: nothing pending
        self._pending_corpus = False
        self._discard_unreadable: set[str] = set()
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._idle = threading.Event()
        self._idle.set()

    # -- state ---------------------------------------------------------------------------
    def state(self) -> BuildState:
        """A snapshot of the build state."""
        with self._lock:
            return self._state

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Wait until no build runs or is pending; True when that happened in time."""
        return self._idle.wait(timeout)

    # -- requests --------------------------------------------------------------------------
    def request(
        self, paths: Sequence[Path] | None = None, *, discard_unreadable: Sequence[Path] = ()
    ) -> None:
        """Ask for a build of ``paths`` (None: the whole corpus), after the running one.

        Args:
            paths: Files or folders to bring up to date; None for the configured corpus.
            discard_unreadable: Files this server saved (uploads) that are deleted again if
                the build cannot read them, so a broken upload does not fail every later build.
        """
        with self._lock:
            if paths is None:
                self._pending_corpus = True
            else:
                self._pending = [*(self._pending or []), *paths]
            self._discard_unreadable.update(str(p) for p in discard_unreadable)
            self._idle.clear()
            self._state = replace(self._state, running=True, error=None)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._serve, name="youthbot-build", daemon=True
                )
                self._thread.start()

    def _take(self) -> tuple[list[Path] | None, set[str]] | None:
        """The next build's paths (None: the corpus) and its uploads, or None when idle."""
        if self._pending_corpus:
            # the corpus holds the uploads too; a corpus build covers every pending file
            extra = [p for p in self._pending or [] if not _inside(p, self._corpus())]
            paths: list[Path] | None = [self._corpus(), *extra] if extra else None
        elif self._pending:
            paths = list(dict.fromkeys(self._pending))
        else:
            return None
        discard = set(self._discard_unreadable)
        self._pending, self._pending_corpus = None, False
        self._discard_unreadable.clear()
        return paths, discard

    def _corpus(self) -> Path:
        return Path(self.pipeline.settings.corpus)

    def _serve(self) -> None:
        while True:
            with self._lock:
                job = self._take()
                if job is None or self._stop.is_set():
                    self._thread = None  # the next request starts a new thread
                    self._state = replace(self._state, running=False, stage=None, path=None)
                    self._idle.set()
                    return
            self._build(*job)

    def _build(self, paths: list[Path] | None, discard: set[str]) -> None:
        def progress(step: BuildProgress) -> None:
            with self._lock:
                self._state = replace(
                    self._state,
                    running=True,
                    stage=step.stage,
                    done=step.done,
                    total=step.total,
                    path=step.path,
                )

        try:
            report = self.pipeline.build_index(paths, progress)
        except YouthbotError as exc:
            logger.warning("index build failed: %s", exc)
            with self._lock:
                self._state = replace(self._state, error=str(exc), builds=self._state.builds + 1)
            return
        except Exception as exc:  # noqa: BLE001 - reported on the page; the server keeps going
            logger.exception("index build failed")
            with self._lock:
                self._state = replace(
                    self._state,
                    error=f"{type(exc).__name__}: {exc}",
                    builds=self._state.builds + 1,
                )
            return
        for failure in report.failed:
            _discard_if_uploaded(failure.path, discard)
        with self._lock:
            self._state = replace(
                self._state, last=BuildSummary.of(report), builds=self._state.builds + 1
            )

    # -- watching the corpus -----------------------------------------------------------------
    def watch(self, folders: Sequence[Path]) -> threading.Thread:
        """Index the ``folders`` whenever files in them are added, changed or removed."""
        folders = [f for f in folders if f.is_dir()]
        with self._lock:
            self._state = replace(self._state, watching=[str(f) for f in folders])
        thread = threading.Thread(
            target=self._watch, args=(folders,), name="youthbot-watch", daemon=True
        )
        thread.start()
        return thread

    def _watch(self, folders: list[Path]) -> None:
        from watchfiles import watch

        from youthbot.ingest import SUPPORTED_SUFFIXES

        if not folders:
            return

        def relevant(_change: object, path: str) -> bool:
            name = Path(path).name
            return Path(path).suffix.lower() in SUPPORTED_SUFFIXES and not name.startswith(".")

        for _changes in watch(
            *folders,
            watch_filter=relevant,
            debounce=WATCH_DEBOUNCE_MS,
            stop_event=self._stop,
            rust_timeout=500,
            yield_on_timeout=False,
        ):
            if self._stop.is_set():
                return
            self.request(None)

    def stop(self) -> None:
        """Stop watching; a running build finishes on its own (it is atomic either way)."""
        self._stop.set()


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder.resolve())
    except ValueError:
        return False
    return True


def _discard_if_uploaded(shown: str, uploads: set[str]) -> None:
    """Delete a file this server saved when the build could not read it."""
    for saved in uploads:
        path = Path(saved)
        if shown in (saved, path.as_posix()) or _same_file(shown, path):
            try:
                path.unlink()
            except OSError:
                logger.warning("could not remove the unreadable upload %s", path)


def _same_file(shown: str, path: Path) -> bool:
    try:
        return Path(shown).resolve() == path.resolve()
    except OSError:
        return False
