"""Immutable segment files shared between generations, and when to merge them.

A part of a generation (the sentence vectors, the lexical postings) is a list of segment
files plus one small file of its own: the id stored at each row of the segments, in order,
with -1 where the row's item was removed since. A build hard-links the previous
generation's segments into the new one (no copy), writes one segment with what it added,
and merges segments when they fragment (see :func:`merge_from`).
"""

from __future__ import annotations

import json
import os
import shutil
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from youthbot.errors import IndexCorruptError

if TYPE_CHECKING:
    import numpy as np

#: A trailing run of segments is merged when it holds at least this share of the rows of the
#: segment before it (so segment sizes grow geometrically: few segments, cheap merges).
MERGE_RATIO = 0.25
#: Every segment is merged into one when more than this share of the rows are dead.
DEAD_SHARE = 0.3


@dataclass(frozen=True, slots=True)
class SegmentList:
    """The segments of one part: file names with their row counts, and the row ids."""

    files: tuple[str, ...]
    rows: tuple[int, ...]

    @property
    def total(self) -> int:
        return sum(self.rows)


def new_segment_name(prefix: str, suffix: str) -> str:
    """A file name no other segment has."""
    return f"{prefix}-{uuid.uuid4().hex[:12]}{suffix}"


def write_manifest(path: Path, segments: SegmentList, ids: np.ndarray, extra: dict) -> None:
    """Write the part's manifest (``path``, JSON) and its row ids (``path`` + ``.ids``)."""
    import numpy as np

    body = {"version": 1, "files": list(segments.files), "rows": list(segments.rows)}
    body.update(extra)
    body["live"] = int((ids >= 0).sum())
    with open(path.with_name(path.name + ".ids"), "wb") as f:
        np.save(f, np.asarray(ids, dtype=np.int64), allow_pickle=False)
    path.write_text(json.dumps(body))


def read_manifest(path: Path) -> tuple[SegmentList, np.ndarray, dict]:
    """Read what :func:`write_manifest` wrote, checking the files agree with each other.

    Raises:
        IndexCorruptError: naming the file that is missing, empty or inconsistent.
    """
    import numpy as np

    ids_path = path.with_name(path.name + ".ids")
    try:
        body = json.loads(path.read_text())
        files = tuple(str(f) for f in body["files"])
        rows = tuple(int(r) for r in body["rows"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise _broken(path, exc) from exc
    try:
        ids = np.load(ids_path, allow_pickle=False)
    except (OSError, ValueError, EOFError) as exc:
        raise _broken(ids_path, exc) from exc
    if ids.ndim != 1 or len(ids) != sum(rows) or len(files) != len(rows):
        raise _broken(ids_path, ValueError(f"{len(ids)} rows, the segments hold {sum(rows)}"))
    return SegmentList(files, rows), ids, body


def _broken(path: Path, exc: BaseException) -> IndexCorruptError:
    reason = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
    return IndexCorruptError(
        f"index file {path} is damaged ({reason}); `youthbot index` repairs it"
    )


def link_segment(source: Path, target: Path) -> None:
    """Share an immutable segment with a new generation (a copy where links are refused)."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)


def merge_from(rows: Sequence[int], dead: Sequence[int]) -> int:
    """Index of the first segment to merge into one (``len(rows)`` for none).

    ``rows`` and ``dead`` are each segment's rows and dead rows, oldest first, the new
    segment last.
    """
    total, gone = sum(rows), sum(dead)
    if total and gone / total > DEAD_SHARE:
        return 0
    start = len(rows)
    tail = 0
    while start > 1:
        tail += rows[start - 1]
        if tail < MERGE_RATIO * rows[start - 2]:
            break
        start -= 1
    return start - 1 if start < len(rows) else len(rows)


def damaged_part(what: str, path: Path, exc: BaseException) -> IndexCorruptError:
    """The one-line error for a damaged part file (``what``: "vector", "lexical index")."""
    reason = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
    return IndexCorruptError(
        f"{what} file {path} is damaged ({reason}); `youthbot index` repairs it"
    )
