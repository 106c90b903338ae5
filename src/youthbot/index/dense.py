"""FAISS inner-product index over unit vectors, keyed by chunk id."""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from youthbot.errors import IndexCorruptError

if TYPE_CHECKING:
    import numpy as np

logger = logging.getLogger(__name__)

#: Above this many vectors an HNSW graph replaces exact search.
HNSW_THRESHOLD = 20_000


def set_faiss_threads(threads: int) -> None:
    """Set FAISS's OpenMP threads (single queries run fastest on one thread here: see bench/)."""
    import faiss

    faiss.omp_set_num_threads(max(1, threads))


class DenseIndex:
    """Nearest-neighbour search by cosine similarity (vectors are L2-normalised)."""

    def __init__(self, index: Any) -> None:
        self._index = index

    @classmethod
    def build(cls, ids: Sequence[int], vectors: np.ndarray) -> DenseIndex:
        """Index ``vectors`` (rows) under chunk ``ids``: exact for small sets, HNSW above."""
        import faiss
        import numpy as np

        dim = int(vectors.shape[1]) if vectors.ndim == 2 and len(vectors) else 0
        if dim == 0:
            return cls(None)
        if len(ids) > HNSW_THRESHOLD:
            inner = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
            inner.hnsw.efConstruction = 80
            inner.hnsw.efSearch = 128
        else:
            inner = faiss.IndexFlatIP(dim)
        index = faiss.IndexIDMap2(inner)
        index.add_with_ids(
            np.ascontiguousarray(vectors, dtype=np.float32), np.asarray(ids, dtype=np.int64)
        )
        return cls(index)

    @property
    def count(self) -> int:
        """Number of vectors indexed."""
        return 0 if self._index is None else int(self._index.ntotal)

    def search(self, query: np.ndarray, k: int) -> list[tuple[int, float]]:
        """The ``k`` nearest chunk ids with their cosine similarity, best first."""
        import numpy as np

        if self._index is None or k <= 0:
            return []
        q = np.ascontiguousarray(query.reshape(1, -1), dtype=np.float32)
        scores, ids = self._index.search(q, min(k, self.count))
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True) if i >= 0]

    def save(self, path: Path) -> None:
        """Write the index to ``path`` (via a temporary file and rename)."""
        import faiss

        if self._index is None:
            path.write_bytes(b"")
            return
        tmp = path.with_suffix(path.suffix + ".tmp")
        faiss.write_index(self._index, str(tmp))
        os.replace(tmp, path)

    @classmethod
    def load(cls, path: Path) -> DenseIndex:
        """Read an index written by :meth:`save`.

        Raises:
            IndexCorruptError: when the file is missing or not a FAISS index.
        """
        import faiss

        try:
            if path.stat().st_size == 0:
                return cls(None)
            return cls(faiss.read_index(str(path)))
        except (OSError, RuntimeError) as exc:
            raise IndexCorruptError(
                f"vector index {path} cannot be read ({str(exc).splitlines()[0][:120]});"
                " rebuild it with `youthbot index --rebuild`"
            ) from exc
