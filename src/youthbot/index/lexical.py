"""BM25 over pre-analysed Latvian terms (bm25s), keyed by chunk id."""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from youthbot.errors import IndexCorruptError

logger = logging.getLogger(__name__)


def _bm25s() -> Any:
    """The bm25s module, with its DEBUG chatter (it sets on import) turned down to warnings."""
    import bm25s

    logging.getLogger("bm25s").setLevel(logging.WARNING)
    return bm25s


class LexicalIndex:
    """BM25 (Lucene variant) over terms produced by ``youthbot.text.analyze.Analyzer``."""

    def __init__(self, bm25: Any, ids: list[int], vocabulary: dict[str, str]) -> None:
        self._bm25 = bm25
        self._ids = ids
        self._known: set[str] = set(bm25.vocab_dict) if bm25 is not None else set()
        #: Folded surface word → the corpus's spelling with diacritics (for query repair).
        self.vocabulary = vocabulary

    @classmethod
    def build(
        cls, ids: Sequence[int], terms: Sequence[Sequence[str]], vocabulary: Mapping[str, str]
    ) -> LexicalIndex:
        """Index each chunk's ``terms`` under its chunk id."""
        bm25s = _bm25s()
        if not ids:
            return cls(None, [], dict(vocabulary))
        bm25 = bm25s.BM25(k1=1.2, b=0.75, method="lucene")
        bm25.index([list(t) for t in terms], show_progress=False)
        return cls(bm25, list(ids), dict(vocabulary))

    @property
    def count(self) -> int:
        """Number of chunks indexed."""
        return len(self._ids)

    def knows(self, term: str) -> bool:
        """True when ``term`` occurs in the indexed corpus."""
        return term in self._known

    def document_frequency(self, term: str) -> int:
        """Number of chunks that contain ``term``."""
        if self._bm25 is None:
            return 0
        tid = self._bm25.vocab_dict.get(term)
        if tid is None:
            return 0
        indptr = self._bm25.scores["indptr"]
        return int(indptr[tid + 1] - indptr[tid])

    def search(self, terms: Sequence[str], k: int) -> list[tuple[int, float]]:
        """The best ``k`` chunk ids for the query ``terms`` with their BM25 score (none zero)."""
        import numpy as np

        query = [t for t in terms if t in self._known]
        if not query or self._bm25 is None or k <= 0:
            return []
        scores = self._bm25.get_scores(query)
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(self._ids[i], float(scores[i])) for i in top if scores[i] > 0]

    def save(self, directory: Path) -> None:
        """Write the index into ``directory``."""
        directory.mkdir(parents=True, exist_ok=True)
        if self._bm25 is not None:
            self._bm25.save(str(directory), show_progress=False)
        (directory / "ids.json").write_text(json.dumps(self._ids))
        (directory / "vocabulary.json").write_text(json.dumps(self.vocabulary, ensure_ascii=False))

    @classmethod
    def load(cls, directory: Path) -> LexicalIndex:
        """Read an index written by :meth:`save`.

        Raises:
            IndexCorruptError: when the files are missing or unreadable.
        """
        bm25s = _bm25s()
        try:
            ids = json.loads((directory / "ids.json").read_text())
            vocabulary = json.loads((directory / "vocabulary.json").read_text())
            bm25 = (
                bm25s.BM25.load(str(directory), show_progress=False, verbosity=0) if ids else None
            )
        except (OSError, ValueError, KeyError) as exc:
            raise IndexCorruptError(
                f"lexical index in {directory} cannot be read ({exc});"
                " rebuild it with `youthbot index --rebuild`"
            ) from exc
        return cls(bm25, ids, vocabulary)
