"""On-disk layout of an index directory: atomic generations, a CURRENT pointer and a build lock.

```
embeddings/
  CURRENT               name of the live generation (replaced atomically)
  gen-<time>-<pid>/     index.sqlite; vectors/ + vectors.json(.ids); lexical/ + lexical.json(.ids)
  sessions.sqlite       conversation history (ask --session)
  .build.lock
  .youthbot-index       marker: this folder is youthbot's; the generations it made
```
A build writes a new generation beside the live one and switches CURRENT only when every file
is complete, so a build killed half-way leaves the previous index in use. Only generations the
marker records are ever deleted, and a folder that is not youthbot's is refused (``guard``).
A generation is cheap:
``index.sqlite`` is copied as a file, and the immutable vector and lexical segment files of the
live generation are hard-linked into the new one (``youthbot.index.segments``), so a build
writes only the segments of what it added; sweeping an old generation removes only its links.
"""

from __future__ import annotations

import logging
import os
import shutil
import time
from pathlib import Path

from filelock import FileLock, Timeout

from youthbot.errors import IndexCorruptError, IndexLockedError, IndexNotWritableError
from youthbot.index import guard

logger = logging.getLogger(__name__)

DB_NAME = "index.sqlite"
LEXICAL_NAME = "lexical"
SESSIONS_NAME = "sessions.sqlite"
_CURRENT = "CURRENT"
_BUILDING = ".building"


class IndexLayout:
    """The files of one index directory."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def current(self, *, strict: bool = True) -> Path | None:
        """The live generation directory, or None when no complete index exists.

        Raises:
            IndexCorruptError: ``CURRENT`` is damaged (unless ``strict`` is False, for a
                rebuild that never reads the old index; a directory is refused even then).
        """
        try:
            name = guard.read_pointer(self.root)
        except IndexCorruptError:
            if strict or (self.root / _CURRENT).is_dir():
                raise
            return None
        gen = self.root / name if name else None
        return gen if gen is not None and (gen / DB_NAME).is_file() else None

    def check_usable(self) -> None:
        """Refuse a folder that is not youthbot's (writes nothing); see ``guard``.

        Raises:
            IndexForeignError: naming the folder.
        """
        guard.check_usable(self.root)

    def ensure_writable(self) -> None:
        """Check the folder is youthbot's (or new or empty), create it, check it can be
        written and mark it as youthbot's.

        Raises:
            IndexForeignError: a non-empty folder that is not youthbot's (nothing is written).
            IndexNotWritableError: when it cannot be written.
        """
        guard.check_usable(self.root)
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            probe = self.root / f".probe-{os.getpid()}"
            probe.write_text("")
            probe.unlink()
            guard.claim(self.root)
        except OSError as exc:
            raise IndexNotWritableError(
                f"index directory {self.root} is not writable ({exc.strerror or exc});"
                " choose another with --index DIR or YOUTHBOT_INDEX"
            ) from exc

    def lock(self) -> FileLock:
        """An acquired build lock; raises IndexLockedError when another build holds it.

        Raises:
            IndexCorruptError: ``.build.lock`` is a directory.
        """
        guard.check_lock_file(self.root)
        lock = FileLock(str(self.root / ".build.lock"))
        try:
            lock.acquire(timeout=0)
        except Timeout as exc:
            raise IndexLockedError(
                f"another youthbot build is running on {self.root}; wait for it to finish"
            ) from exc
        return lock

    def new_generation(self) -> Path:
        """A fresh, empty generation directory (not yet live), recorded in the marker."""
        self._sweep(unfinished_only=True)
        name = f"gen-{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**6}"
        guard.record(self.root, name)
        gen = self.root / (name + _BUILDING)
        gen.mkdir(parents=True)
        return gen

    def publish(self, building: Path) -> Path:
        """Make a finished generation live and remove older ones; returns its final path."""
        final = building.with_name(building.name.removesuffix(_BUILDING))
        for f in building.rglob("*"):
            if f.is_file():
                _fsync(f)
        os.replace(building, final)
        tmp = self.root / (_CURRENT + ".tmp")
        tmp.write_text(final.name + "\n")
        _fsync(tmp)
        os.replace(tmp, self.root / _CURRENT)
        _fsync(self.root)
        self._sweep(keep=final.name)
        return final

    def discard(self, building: Path) -> None:
        """Remove an unfinished generation (and its name from the marker's record)."""
        shutil.rmtree(building, ignore_errors=True)
        if not building.exists():
            try:
                guard.forget(self.root, [building.name])
            except OSError:
                pass  # a full disk: the record keeps a name of nothing, which sweeps nothing

    def _sweep(self, keep: str | None = None, *, unfinished_only: bool = False) -> None:
        """Under the lock, delete the generations youthbot recorded that are not ``keep``:
        only unfinished ones (of a killed build) before a build, every other one once ``keep``
        is live. Folders the marker does not record are never touched."""
        recorded = guard.recorded_generations(self.root) or set()
        swept = []
        for child in self.root.glob("gen-*"):
            if child.name == keep or not guard.is_recorded(child.name, recorded):
                continue
            if unfinished_only and not child.name.endswith(_BUILDING):
                continue
            shutil.rmtree(child, ignore_errors=True)
            if not child.exists():
                swept.append(child.name)
        try:
            guard.forget(self.root, swept)
        except OSError as exc:  # a full disk: the record keeps names of nothing, harmless
            logger.warning("could not update %s: %s", self.root / guard.MARKER_NAME, exc)


def _fsync(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
