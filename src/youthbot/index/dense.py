"""Exact inner-product search over unit sentence vectors, stored once, in float16 segments.

The vectors live only here (not in SQLite): ``vectors/`` in a generation holds immutable
FAISS scalar-quantiser (float16) segment files, memory-mapped on open and shared between
generations by hard links, and ``vectors.json`` (+ ``.ids``) naming them with the sentence
id of each row. Search is an exact scan of every segment (no approximate graph to rebuild:
about 10 ms per 150,000 vectors on one core), so an update writes only its new vectors.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from youthbot.errors import IndexCorruptError
from youthbot.index.segments import (
    SegmentList,
    damaged_part,
    link_segment,
    merge_from,
    new_segment_name,
    read_manifest,
    write_manifest,
)

if TYPE_CHECKING:
    import numpy as np

logger = logging.getLogger(__name__)

#: The part's manifest inside a generation, and the folder of its segments.
MANIFEST = "vectors.json"
SEGMENTS = "vectors"
#: The first bytes of a FAISS scalar-quantiser index file.
_MAGIC = b"IxSQ"


def set_faiss_threads(threads: int) -> None:
    """Set FAISS's OpenMP threads (single queries run fastest on one thread here: see bench/)."""
    import faiss

    faiss.omp_set_num_threads(max(1, threads))


def _new_index(dim: int) -> Any:
    import faiss

    return faiss.IndexScalarQuantizer(
        dim, faiss.ScalarQuantizer.QT_fp16, faiss.METRIC_INNER_PRODUCT
    )


class DenseIndex:
    """Nearest sentences by cosine similarity (vectors are L2-normalised)."""

    def __init__(
        self,
        directory: Path | None,
        segments: SegmentList,
        parts: list[Any],
        ids: np.ndarray,
        dim: int,
    ) -> None:
        import numpy as np

        self.directory = directory
        self.segments = segments
        self._parts = parts
        self.ids = ids
        self.dim = dim
        self._dead = int((ids < 0).sum())
        self._starts = np.cumsum([0, *segments.rows])
        self._seg_dead = [
            int((ids[a : a + n] < 0).sum())
            for a, n in zip(self._starts.tolist(), segments.rows, strict=False)
        ]
        self._order: np.ndarray | None = None

    @classmethod
    def empty(cls, dim: int = 0) -> DenseIndex:
        import numpy as np

        return cls(None, SegmentList((), ()), [], np.zeros(0, dtype=np.int64), dim)

    @property
    def count(self) -> int:
        """Number of sentence vectors indexed."""
        return len(self.ids) - self._dead

    def search(self, query: np.ndarray, k: int) -> list[tuple[int, float]]:
        """The ``k`` nearest sentence ids with their cosine similarity, best first."""
        import numpy as np

        if not self.count or k <= 0:
            return []
        q = np.ascontiguousarray(query.reshape(1, -1), dtype=np.float32)
        found: list[tuple[float, int]] = []
        for part, start, rows, dead in zip(
            self._parts, self._starts, self.segments.rows, self._seg_dead, strict=False
        ):
            if rows == dead:
                continue
            scores, found_rows = part.search(q, min(rows, k + dead))
            for s, r in zip(scores[0], found_rows[0], strict=True):
                sid = int(self.ids[start + r]) if r >= 0 else -1
                if sid >= 0:
                    found.append((float(s), sid))
        found.sort(key=lambda h: (-h[0], h[1]))
        return [(sid, s) for s, sid in found[:k]]

    def vectors(self, sentence_ids: Sequence[int]) -> dict[int, np.ndarray]:
        """The stored vector (float32) of each of these sentence ids that is indexed."""
        import numpy as np

        if not sentence_ids or not self.count:
            return {}
        if self._order is None:
            self._order = np.argsort(self.ids, kind="stable")
        sorted_ids = self.ids[self._order]
        want = np.asarray(sentence_ids, dtype=np.int64)
        pos = np.searchsorted(sorted_ids, want)
        out: dict[int, np.ndarray] = {}
        for sid, p in zip(want.tolist(), pos.tolist(), strict=True):
            if p >= len(sorted_ids) or sorted_ids[p] != sid or sid < 0:
                continue
            row = int(self._order[p])
            seg = int(np.searchsorted(self._starts, row, side="right")) - 1
            out[sid] = self._parts[seg].reconstruct(row - int(self._starts[seg]))
        return out

    def segment_matrix(self, seg: int) -> np.ndarray:
        """Every row of one segment as float32 (merging, repair)."""
        return self._parts[seg].reconstruct_n(0, self.segments.rows[seg])

    def sample(self, limit: int) -> np.ndarray:
        """At most ``limit`` live vectors, evenly over the sentence ids (float32 rows)."""
        import numpy as np

        live = np.sort(self.ids[self.ids >= 0])
        if not len(live) or limit <= 0:
            return np.zeros((0, self.dim), dtype=np.float32)
        step = max(1, len(live) // max(1, limit))
        picked = live[live % step == 0][:limit].tolist()
        found = self.vectors(picked)
        rows = [found[i] for i in picked if i in found]
        return np.vstack(rows).astype(np.float32) if rows else np.zeros((0, self.dim), np.float32)

    # -- files --------------------------------------------------------------------------
    @classmethod
    def load(cls, generation: Path, expected: int | None = None) -> DenseIndex:
        """Open the vectors of a generation (memory-mapped).

        Args:
            generation: The generation directory.
            expected: The number of sentences SQLite holds; a different count is damage.

        Raises:
            IndexCorruptError: naming the file that is missing, empty or does not agree.
        """
        import faiss

        manifest = generation / MANIFEST
        if not manifest.exists() and expected == 0:
            return cls.empty()
        segments, ids, body = read_manifest(manifest)
        dim = int(body.get("dim", 0))
        parts = []
        for name, rows in zip(segments.files, segments.rows, strict=True):
            path = generation / SEGMENTS / name
            try:
                if path.stat().st_size == 0:
                    raise ValueError("the file is empty")
                part = faiss.read_index(str(path), faiss.IO_FLAG_MMAP_IFC)
            except (OSError, RuntimeError, ValueError) as exc:
                raise _damaged(path, exc) from exc
            if part.ntotal != rows or part.d != dim:
                raise _damaged(path, ValueError(f"{part.ntotal} vectors, expected {rows}"))
            parts.append(part)
        index = cls(generation, segments, parts, ids, dim)
        if expected is not None and index.count != expected:
            raise _damaged(manifest, ValueError(f"{index.count} vectors for {expected} sentences"))
        return index

    @classmethod
    def check(cls, generation: Path, expected: int) -> None:
        """Raise IndexCorruptError where :meth:`load` would find a part missing, short or
        disagreeing with ``expected``, without reading the vectors (an unchanged re-index)."""
        manifest = generation / MANIFEST
        if not manifest.exists() and expected == 0:
            return
        segments, ids, body = read_manifest(manifest)
        dim = int(body.get("dim", 0))
        for name, rows in zip(segments.files, segments.rows, strict=True):
            path = generation / SEGMENTS / name
            try:
                size = path.stat().st_size
                with open(path, "rb") as f:
                    magic = f.read(4)
            except OSError as exc:
                raise _damaged(path, exc) from exc
            if magic != _MAGIC:
                raise _damaged(path, ValueError("not a float16 vector segment"))
            if size < rows * dim * 2:
                raise _damaged(path, ValueError(f"{size} bytes, too short for {rows} vectors"))
        live = int((ids >= 0).sum())
        if live != expected:
            raise _damaged(manifest, ValueError(f"{live} vectors for {expected} sentences"))

    @classmethod
    def salvage(cls, generation: Path) -> DenseIndex:
        """The segments of a damaged part that can still be read, each with the sentence
        ids it was written with (``youthbot index`` re-embeds only what is lost)."""
        import faiss
        import numpy as np

        folder = generation / SEGMENTS
        try:
            names = list(read_manifest(generation / MANIFEST)[0].files)
        except IndexCorruptError:
            names = sorted(p.name for p in folder.glob("*.faiss"))
        files, rows, parts, ids, dim = [], [], [], [], 0
        for name in names:
            try:
                part = faiss.read_index(str(folder / name), faiss.IO_FLAG_MMAP_IFC)
                own = np.load(folder / (name + ".ids"), allow_pickle=False)
            except (OSError, RuntimeError, ValueError, EOFError):
                continue
            if part.ntotal != len(own) or (dim and part.d != dim):
                continue
            dim = part.d
            files.append(name)
            rows.append(len(own))
            parts.append(part)
            ids.append(own.astype(np.int64))
        all_ids = np.concatenate(ids) if ids else np.zeros(0, dtype=np.int64)
        return cls(generation, SegmentList(tuple(files), tuple(rows)), parts, all_ids, dim)



def _damaged(path: Path, exc: BaseException) -> IndexCorruptError:
    return damaged_part("vector", path, exc)

def write_dense(
    target: Path,
    previous: DenseIndex | None,
    live: np.ndarray,
    new_ids: Sequence[int],
    new_vectors: np.ndarray,
    dim: int,
) -> None:
    """Write a generation's vectors: the previous segments linked, ``new_vectors`` appended.

    Args:
        target: The new generation directory.
        previous: The live generation's vectors (None for a fresh index).
        live: Every sentence id the new generation holds (sorted).
        new_ids: The sentence ids of ``new_vectors`` (ids the previous vectors do not hold).
        new_vectors: float32 rows.
        dim: The vector dimension.
    """
    import numpy as np

    folder = target / SEGMENTS
    folder.mkdir(parents=True, exist_ok=True)
    files: list[str] = []
    rows: list[int] = []
    id_parts: list[np.ndarray] = []
    if previous is not None and previous.count and previous.dim == dim:
        kept = np.where(np.isin(previous.ids, live), previous.ids, -1)
        for s, (name, n) in enumerate(
            zip(previous.segments.files, previous.segments.rows, strict=True)
        ):
            start = int(previous._starts[s])
            files.append(name)
            rows.append(n)
            id_parts.append(kept[start : start + n])
    else:
        previous = None
    fresh = [(name, i) for i, name in enumerate(files)]
    if len(new_ids):
        files.append("")
        rows.append(len(new_ids))
        id_parts.append(np.asarray(new_ids, dtype=np.int64))
    dead = [int((p < 0).sum()) for p in id_parts]
    first = merge_from(rows, dead)
    if len(new_ids):
        first = min(first, len(rows) - 1)  # the new rows are written (merged or alone)
    out_files, out_rows, out_ids = [], [], []
    for name, i in fresh[:first]:
        for file in (name, name + ".ids"):
            link_segment(previous.directory / SEGMENTS / file, folder / file)  # type: ignore[union-attr]
        out_files.append(name)
        out_rows.append(rows[i])
        out_ids.append(id_parts[i])
    if first < len(rows):
        blocks, block_ids = [], []
        for i in range(first, len(rows)):
            if i < len(fresh):
                if not (id_parts[i] >= 0).any():
                    continue  # every row removed
                matrix = previous.segment_matrix(i)  # type: ignore[union-attr]
            else:
                matrix = np.ascontiguousarray(new_vectors, dtype=np.float32)
            keep = id_parts[i] >= 0
            blocks.append(matrix[keep])
            block_ids.append(id_parts[i][keep])
        merged = np.vstack(blocks) if blocks else np.zeros((0, dim), dtype=np.float32)
        if len(merged):
            name = new_segment_name("seg", ".faiss")
            own = np.concatenate(block_ids)
            _write_segment(folder / name, merged, dim)
            with open(folder / (name + ".ids"), "wb") as f:
                np.save(f, own, allow_pickle=False)
            out_files.append(name)
            out_rows.append(len(merged))
            out_ids.append(own)
    ids = np.concatenate(out_ids) if out_ids else np.zeros(0, dtype=np.int64)
    write_manifest(
        target / MANIFEST, SegmentList(tuple(out_files), tuple(out_rows)), ids, {"dim": dim}
    )


def _write_segment(path: Path, matrix: np.ndarray, dim: int) -> None:
    import faiss
    import numpy as np

    index = _new_index(dim)
    codes = np.ascontiguousarray(matrix, dtype=np.float16).view(np.uint8).reshape(-1)
    faiss.copy_array_to_vector(codes, index.codes)
    index.ntotal = len(matrix)
    faiss.write_index(index, str(path))
