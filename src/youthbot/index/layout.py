"""On-disk layout of an index directory: atomic generations, a CURRENT pointer and a build lock.

```
embeddings/
  CURRENT               name of the live generation (replaced atomically)
  gen-<time>-<pid>/     index.sqlite; vectors/ + vectors.json(.ids); lexical/ + lexical.json(.ids)
  sessions.sqlite       conversation history (ask --session)
  .build.lock
```
A build writes a new generation beside the live one and switches CURRENT only when every file
is complete, so a build killed half-way leaves the previous index in use. A generation is cheap:
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

from youthbot.errors import IndexLockedError, IndexNotWritableError

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

    def current(self) -> Path | None:
        """The live generation directory, or None when no complete index exists."""
        try:
            name = (self.root / _CURRENT).read_text().strip()
        except OSError:
            return None
        gen = self.root / name
        return gen if name and (gen / DB_NAME).is_file() else None

    def ensure_writable(self) -> None:
        """Create the directory and check it can be written.

        Raises:
            IndexNotWritableError: when it cannot.
        """
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            probe = self.root / f".probe-{os.getpid()}"
            probe.write_text("")
            probe.unlink()
        except OSError as exc:
            raise IndexNotWritableError(
                f"index directory {self.root} is not writable ({exc.strerror or exc});"
                " choose another with --index DIR or YOUTHBOT_INDEX"
            ) from exc

    def lock(self) -> FileLock:
        """An acquired build lock; raises IndexLockedError when another build holds it."""
        lock = FileLock(str(self.root / ".build.lock"))
        try:
            lock.acquire(timeout=0)
        except Timeout as exc:
            raise IndexLockedError(
                f"another youthbot build is running on {self.root}; wait for it to finish"
            ) from exc
        return lock

    def new_generation(self) -> Path:
        """A fresh, empty generation directory (not yet live)."""
        self._sweep()
        name = f"gen-{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**6}"
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
        """Remove an unfinished generation."""
        shutil.rmtree(building, ignore_errors=True)

    def _sweep(self, keep: str | None = None) -> None:
        """Delete generations that are neither live nor ``keep`` (and unfinished ones)."""
        live = self.current()
        for child in self.root.glob("gen-*"):
            if child.name in (keep, live.name if live else None):
                continue
            if child.name.endswith(_BUILDING) and keep is None:
                # an unfinished build of a killed process; safe to drop under the lock
                shutil.rmtree(child, ignore_errors=True)
            elif not child.name.endswith(_BUILDING):
                shutil.rmtree(child, ignore_errors=True)


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
