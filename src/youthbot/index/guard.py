"""Whose folder an index directory is, and which of its files youthbot may replace or delete.

youthbot writes a marker file, ``.youthbot-index``, into every index directory it creates or
adopts. The marker records each generation (``gen-…``) youthbot made there; only those are ever
swept. A folder that is not empty and has no marker is someone else's and is refused before
anything is written. An index made before the marker existed (``CURRENT`` naming a generation
that holds an ``index.sqlite``) is adopted: the marker is written, recording only that
generation, so an older youthbot's leftovers are never deleted unasked.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from youthbot.errors import IndexCorruptError, IndexForeignError

if TYPE_CHECKING:
    from youthbot.store import Store

MARKER_NAME = ".youthbot-index"
CURRENT_NAME = "CURRENT"
LOCK_NAME = ".build.lock"
BUILDING_SUFFIX = ".building"
#: Files youthbot itself leaves in an index directory besides generations (a build that wrote
#: no index, a conversation kept before the first build): a folder holding only these is ours.
OWN_FILES = frozenset(
    {LOCK_NAME, CURRENT_NAME, CURRENT_NAME + ".tmp", "sessions.sqlite", "web-conversations.sqlite"}
)

REBUILD_HINT = (
    "`youthbot index --rebuild` starts a fresh index (the damaged one is removed only"
    " once the new one is live)"
)


def read_pointer(root: Path) -> str | None:
    """The generation name ``CURRENT`` holds, or None when there is no ``CURRENT``.

    Raises:
        IndexCorruptError: ``CURRENT`` is a directory, cannot be read, is not UTF-8 text, or
            holds something that is not a generation name.
    """
    path = root / CURRENT_NAME
    if path.is_dir():
        raise IndexCorruptError(
            f"{path} is a directory, but youthbot keeps the name of the live index there;"
            " move it out of the index folder and run the command again"
        )
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise IndexCorruptError(
            f"index pointer {path} cannot be read ({exc.strerror or exc}); {REBUILD_HINT}"
        ) from None
    try:
        name = data.decode("utf-8").strip()
    except UnicodeDecodeError:
        raise IndexCorruptError(
            f"index pointer {path} is damaged (not UTF-8 text); {REBUILD_HINT}"
        ) from None
    if name and (not name.startswith("gen-") or "/" in name or "\\" in name or "\0" in name):
        raise IndexCorruptError(
            f"index pointer {path} names no generation ({name[:40]!r}); {REBUILD_HINT}"
        )
    return name or None


def check_lock_file(root: Path) -> None:
    """Refuse a build lock that is not a file (a directory of that name).

    Raises:
        IndexCorruptError: naming it and what to do.
    """
    path = root / LOCK_NAME
    if path.exists() and not path.is_file():
        raise IndexCorruptError(
            f"{path} is a directory, but youthbot keeps its build lock there; move it out of"
            " the index folder and run the command again"
        )


def recorded_generations(root: Path) -> set[str] | None:
    """Names of the generations youthbot made in ``root`` (without ``.building``); None when
    ``root`` has no marker. An unreadable marker records none (nothing is swept)."""
    path = root / MARKER_NAME
    if not path.exists():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        names = data["generations"]
        return {str(n) for n in names if isinstance(n, str)}
    except (OSError, ValueError, KeyError, TypeError):
        return set()


def check_usable(root: Path) -> None:
    """Refuse a folder that is not youthbot's; writes nothing.

    ``root`` is usable when it does not exist, is empty, holds only youthbot's own files,
    has the marker, or is an index made before the marker existed.

    Raises:
        IndexForeignError: naming the folder and what to do.
    """
    if not root.is_dir() or (root / MARKER_NAME).exists() or _legacy_live(root) is not None:
        return
    try:
        entries = {child.name for child in root.iterdir()}
    except OSError:
        return  # ensure_writable says why it cannot be used
    foreign = sorted(name for name in entries if name not in OWN_FILES)
    if not foreign:
        return
    raise IndexForeignError(
        f"{root.resolve()} is not a youthbot index folder (no {MARKER_NAME} marker, and it"
        f" holds other files, e.g. {foreign[0]!r}); nothing was written. Choose an empty or"
        " new folder with --index DIR or YOUTHBOT_INDEX"
    )


def claim(root: Path) -> None:
    """Write the marker into ``root`` when it has none (after :func:`check_usable` passed).

    An older youthbot's index is adopted: its live generation is recorded, nothing else.
    """
    if (root / MARKER_NAME).exists():
        return
    live = _legacy_live(root)
    write_record(root, [live] if live else [])


def write_record(root: Path, generations: Iterable[str]) -> None:
    """Replace the marker with one recording ``generations`` (atomically)."""
    tmp = root / (MARKER_NAME + ".tmp")
    body = {"youthbot": "index", "version": 1, "generations": sorted(set(generations))}
    try:
        tmp.write_text(json.dumps(body, indent=1) + "\n", encoding="utf-8")
        os.replace(tmp, root / MARKER_NAME)
    except OSError:
        tmp.unlink(missing_ok=True)  # a full disk: the marker as it was stays
        raise


def record(root: Path, name: str) -> None:
    """Add generation ``name`` (``.building`` or not) to the marker's record."""
    known = recorded_generations(root) or set()
    write_record(root, known | {name.removesuffix(BUILDING_SUFFIX)})


def forget(root: Path, names: Iterable[str]) -> None:
    """Drop swept generations from the marker's record."""
    gone = {n.removesuffix(BUILDING_SUFFIX) for n in names}
    if gone:
        write_record(root, (recorded_generations(root) or set()) - gone)


def is_recorded(name: str, recorded: set[str]) -> bool:
    """True when the folder ``name`` (a generation, finished or not) is one youthbot made."""
    return name.removesuffix(BUILDING_SUFFIX) in recorded


def check_database(conn: sqlite3.Connection, path: Path) -> None:
    """Check the structure of an index database (``PRAGMA quick_check``, a few ms per MB).

    Raises:
        IndexCorruptError: naming the file, saying that a rebuild starts fresh.
    """
    try:
        rows = conn.execute("PRAGMA quick_check(1)").fetchall()
    except sqlite3.DatabaseError as exc:
        raise damaged_database(path, exc) from None
    if rows != [("ok",)]:
        first = str(rows[0][0]).splitlines()[-1] if rows else "no answer"
        raise damaged_database(path, first)


def damaged_database(path: Path, why: object) -> IndexCorruptError:
    """The one line for an ``index.sqlite`` that cannot be read."""
    reason = str(why).strip().splitlines()[0][:120] if str(why).strip() else "unreadable"
    return IndexCorruptError(f"index database {path} is damaged ({reason}); {REBUILD_HINT}")


def is_corruption(exc: BaseException) -> bool:
    """True for SQLite's "damaged file" errors (not a lock, not a full disk)."""
    if not isinstance(exc, sqlite3.DatabaseError) or isinstance(exc, sqlite3.OperationalError):
        return False
    name = getattr(exc, "sqlite_errorname", "")
    return not name or name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB"))


def _legacy_live(root: Path) -> str | None:
    """The live generation of an index made before the marker: CURRENT names a generation
    folder holding an ``index.sqlite``."""
    try:
        name = read_pointer(root)
    except IndexCorruptError:
        return None
    from youthbot.index.layout import DB_NAME

    if name is None or not (root / name / DB_NAME).is_file():
        return None
    return name


#: Beside a generation's ``index.sqlite``: its size, modification time and inode when the
#: build that wrote it closed it. A database that still matches is not checked again on open
#: (``PRAGMA quick_check`` reads the whole file: about half a second at 50,000 chunks).
CHECKED_NAME = ".index.sqlite.checked"


def _fingerprint(path: Path) -> str:
    st = path.stat()
    return f"{st.st_size} {st.st_mtime_ns} {st.st_ino}\n"


def stamp_checked(path: Path) -> None:
    """Record that the database at ``path`` was just written whole by a build (best effort)."""
    try:
        (path.parent / CHECKED_NAME).write_text(_fingerprint(path))
    except OSError:
        pass


def _unchanged_since_build(path: Path) -> bool:
    try:
        return (path.parent / CHECKED_NAME).read_text() == _fingerprint(path)
    except (OSError, UnicodeDecodeError):
        return False


def open_database(path: Path) -> Store:
    """Open a generation's ``index.sqlite`` read-only, after checking its structure (unless
    it is unchanged since the build that wrote it: see ``CHECKED_NAME``).

    Raises:
        IndexCorruptError: it is truncated, has a bad header or damaged pages; the message
            names the file and says that ``youthbot index --rebuild`` starts fresh.
    """
    from youthbot.store import Store

    try:
        store = Store(path, readonly=True)
    except IndexCorruptError as exc:
        raise damaged_database(path, exc.__cause__ or exc) from None
    try:
        if not _unchanged_since_build(path):
            check_database(store.conn, path)
    except BaseException:
        store.close()
        raise
    return store

