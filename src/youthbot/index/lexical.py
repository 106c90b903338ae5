"""BM25 (Lucene variant) over pre-analysed Latvian terms, in segments a build appends to.

``lexical/`` in a generation holds immutable segment files (``.npz``: each term's postings
with their term frequencies, each chunk's length, and the surface words counted for query
repair), shared between generations by hard links; ``lexical.json`` (+ ``.ids``) names them
with the chunk id of each row. Document frequencies and the average length are taken over
the live rows when the index is opened, so scores are those of one BM25 index over the
whole corpus (the Lucene formula bm25s uses: ``idf = ln(1 + (N - df + .5) / (df + .5))``,
``tf / (tf + k1 (1 - b + b dl / avgdl))``).
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

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

MANIFEST = "lexical.json"
SEGMENTS = "lexical"
K1 = 1.2
B = 0.75


class _Segment:
    """One segment's postings (term → rows, term frequencies) and row lengths."""

    def __init__(
        self,
        terms: list[str],
        indptr: np.ndarray,
        rows: np.ndarray,
        tf: np.ndarray,
        lengths: np.ndarray,
        words: Counter[str],
    ) -> None:
        self.vocab = {t: i for i, t in enumerate(terms)}
        self.indptr = indptr
        self.rows = rows
        self.tf = tf
        self.lengths = lengths
        self._words: Counter[str] | None = words
        self.path: Path | None = None

    @property
    def terms(self) -> list[str]:
        return list(self.vocab)  # in term-id order (dicts keep insertion order)

    @property
    def words(self) -> Counter[str]:
        """Surface-word counts (read again from the file once released)."""
        if self._words is None:
            import numpy as np

            assert self.path is not None
            with np.load(self.path, allow_pickle=False) as z:
                words = _split(z["words"])
                counts = z["word_counts"].tolist()
            return Counter(dict(zip(words, counts, strict=True)))
        return self._words

    def release_words(self) -> None:
        """Drop the word counts from memory (the vocabulary is built; merges re-read them)."""
        if self.path is not None:
            self._words = None

    @classmethod
    def build(cls, terms: Sequence[Sequence[str]], words: Counter[str]) -> _Segment:
        import numpy as np

        postings: dict[str, list[tuple[int, int]]] = {}
        for row, chunk_terms in enumerate(terms):
            for term, n in Counter(chunk_terms).items():
                postings.setdefault(term, []).append((row, n))
        vocab = sorted(postings)
        indptr = np.zeros(len(vocab) + 1, dtype=np.int64)
        for i, t in enumerate(vocab):
            indptr[i + 1] = indptr[i] + len(postings[t])
        flat = [p for t in vocab for p in postings[t]]
        rows = np.fromiter((r for r, _ in flat), dtype=np.int32, count=len(flat))
        tf = np.fromiter((n for _, n in flat), dtype=np.float32, count=len(flat))
        lengths = np.fromiter((len(t) for t in terms), dtype=np.float32, count=len(terms))
        return cls(vocab, indptr, rows, tf, lengths, words)

    def postings(self, term: str) -> tuple[np.ndarray, np.ndarray] | None:
        tid = self.vocab.get(term)
        if tid is None:
            return None
        a, b = int(self.indptr[tid]), int(self.indptr[tid + 1])
        return self.rows[a:b], self.tf[a:b]

    def chunk_terms(self) -> list[list[str]]:
        """Each row's terms (as a bag: order is lost, counts kept), for merging."""
        out: list[list[str]] = [[] for _ in range(len(self.lengths))]
        for tid, term in enumerate(self.vocab):
            a, b = int(self.indptr[tid]), int(self.indptr[tid + 1])
            for row, n in zip(self.rows[a:b].tolist(), self.tf[a:b].tolist(), strict=True):
                out[row].extend([term] * int(n))
        return out

    def save(self, path: Path) -> None:
        import numpy as np

        words = sorted(self.words)
        with open(path, "wb") as f:
            np.savez(
                f,
                terms=_utf8("\n".join(self.vocab)),
                indptr=self.indptr,
                rows=self.rows,
                tf=self.tf,
                lengths=self.lengths,
                words=_utf8("\n".join(words)),
                word_counts=np.asarray([self.words[w] for w in words], dtype=np.int32),
            )

    @classmethod
    def load(cls, path: Path) -> _Segment:
        import numpy as np

        with np.load(path, allow_pickle=False) as z:
            terms = _split(z["terms"])
            words = _split(z["words"])
            counts = z["word_counts"].tolist()
            seg = cls(
                terms,
                z["indptr"],
                z["rows"],
                z["tf"],
                z["lengths"],
                Counter(dict(zip(words, counts, strict=True))),
            )
        if len(seg.indptr) != len(terms) + 1 or int(seg.indptr[-1]) != len(seg.rows):
            raise ValueError("postings do not match the terms")
        seg.path = path
        return seg


def _utf8(text: str) -> np.ndarray:
    import numpy as np

    return np.frombuffer(text.encode("utf-8"), dtype=np.uint8)


def _split(array: np.ndarray) -> list[str]:
    text = array.tobytes().decode("utf-8")
    return text.split("\n") if text else []


class LexicalIndex:
    """BM25 over terms produced by ``youthbot.text.analyze.Analyzer``."""

    def __init__(
        self,
        directory: Path | None,
        segments: SegmentList,
        parts: list[_Segment],
        ids: np.ndarray,
    ) -> None:
        import numpy as np

        from youthbot.text.analyze import vocabulary_from_counts

        self.directory = directory
        self.segments = segments
        self._parts = parts
        self.ids = ids
        self._alive = ids >= 0
        self._starts = np.cumsum([0, *segments.rows]).tolist()
        lengths = np.concatenate([p.lengths for p in parts]) if parts else np.zeros(0, np.float32)
        self._lengths = lengths
        live = int(self._alive.sum())
        self._n = live
        avg = float(lengths[self._alive].sum()) / live if live else 1.0
        self._norm = (K1 * (1 - B + B * lengths / max(avg, 1e-9))).astype(np.float32)
        counts: Counter[str] = Counter()
        for p in parts:
            counts.update(p.words)
            p.release_words()
        #: Folded surface word → the corpus's spelling with diacritics (for query repair).
        self.vocabulary = vocabulary_from_counts(counts)

    @classmethod
    def empty(cls) -> LexicalIndex:
        import numpy as np

        return cls(None, SegmentList((), ()), [], np.zeros(0, dtype=np.int64))

    @property
    def count(self) -> int:
        """Number of chunks indexed."""
        return self._n

    def _postings(self, term: str) -> tuple[np.ndarray, np.ndarray]:
        """Global live rows holding ``term`` with its frequency there."""
        import numpy as np

        rows, tfs = [], []
        for part, start in zip(self._parts, self._starts, strict=False):
            found = part.postings(term)
            if found is None:
                continue
            r = found[0].astype(np.int64) + start
            keep = self._alive[r]
            rows.append(r[keep])
            tfs.append(found[1][keep])
        if not rows:
            return np.zeros(0, np.int64), np.zeros(0, np.float32)
        return np.concatenate(rows), np.concatenate(tfs)

    def knows(self, term: str) -> bool:
        """True when ``term`` occurs in the indexed corpus."""
        return self.document_frequency(term) > 0

    def document_frequency(self, term: str) -> int:
        """Number of chunks that contain ``term``."""
        return len(self._postings(term)[0])

    def search(self, terms: Sequence[str], k: int) -> list[tuple[int, float]]:
        """The best ``k`` chunk ids for the query ``terms`` with their BM25 score (none zero)."""
        import math

        import numpy as np

        if not self._n or k <= 0:
            return []
        scores: np.ndarray | None = None
        cache: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for term in terms:  # a repeated term counts again, as in bm25s
            if term not in cache:
                cache[term] = self._postings(term)
            rows, tf = cache[term]
            if not len(rows):
                continue
            df = len(rows)
            idf = math.log(1 + (self._n - df + 0.5) / (df + 0.5))
            if scores is None:
                scores = np.zeros(len(self.ids), dtype=np.float32)
            scores[rows] += np.float32(idf) * (tf / (tf + self._norm[rows]))
        if scores is None:
            return []
        hit = np.flatnonzero(scores > 0)
        if not len(hit):
            return []
        k = min(k, len(hit))
        top = hit[np.argpartition(-scores[hit], k - 1)[:k]]
        top = top[np.lexsort((self.ids[top], -scores[top]))]
        return [(int(self.ids[i]), float(scores[i])) for i in top]

    # -- files --------------------------------------------------------------------------
    @classmethod
    def load(cls, generation: Path, expected: int | None = None) -> LexicalIndex:
        """Open the lexical index of a generation.

        Args:
            generation: The generation directory.
            expected: The number of chunks SQLite holds; a different count is damage.

        Raises:
            IndexCorruptError: naming the file that is missing, empty or does not agree.
        """
        found = cls._read(generation, expected)
        if found is None:
            return cls.empty()
        return cls(generation, *found)

    @classmethod
    def check(cls, generation: Path, expected: int) -> None:
        """Raise IndexCorruptError as :meth:`load` would, without building the index."""
        cls._read(generation, expected)

    @classmethod
    def _read(
        cls, generation: Path, expected: int | None
    ) -> tuple[SegmentList, list[_Segment], np.ndarray] | None:
        manifest = generation / MANIFEST
        if not manifest.exists() and expected == 0:
            return None
        segments, ids, _ = read_manifest(manifest)
        parts = []
        for name, rows in zip(segments.files, segments.rows, strict=True):
            path = generation / SEGMENTS / name
            try:
                part = _Segment.load(path)
            except (OSError, ValueError, KeyError, EOFError) as exc:
                raise _damaged(path, exc) from exc
            if len(part.lengths) != rows:
                raise _damaged(path, ValueError(f"{len(part.lengths)} chunks, expected {rows}"))
            parts.append(part)
        live = int((ids >= 0).sum())
        if expected is not None and live != expected:
            raise _damaged(manifest, ValueError(f"{live} chunks, SQLite holds {expected}"))
        return segments, parts, ids



def _damaged(path: Path, exc: BaseException) -> IndexCorruptError:
    return damaged_part("lexical index", path, exc)

def write_lexical(
    target: Path,
    previous: LexicalIndex | None,
    live: np.ndarray,
    new_ids: Sequence[int],
    new_terms: Sequence[Sequence[str]],
    new_words: Mapping[str, int],
) -> None:
    """Write a generation's lexical index: previous segments linked, one segment appended.

    Args:
        target: The new generation directory.
        previous: The live generation's index (None for a fresh one).
        live: Every chunk id the new generation holds (sorted).
        new_ids: Chunk ids the previous index does not hold, with their ``new_terms``.
        new_terms: The analysed terms of each new chunk.
        new_words: Surface words of the new chunks with their counts (``word_counts``).
    """
    import numpy as np

    folder = target / SEGMENTS
    folder.mkdir(parents=True, exist_ok=True)
    names: list[str] = []
    rows: list[int] = []
    id_parts: list[np.ndarray] = []
    old = previous._parts if previous is not None else []
    if previous is not None:
        kept = np.where(np.isin(previous.ids, live), previous.ids, -1)
        for s, (name, n) in enumerate(
            zip(previous.segments.files, previous.segments.rows, strict=True)
        ):
            names.append(name)
            rows.append(n)
            id_parts.append(kept[previous._starts[s] : previous._starts[s] + n])
    if len(new_ids):
        rows.append(len(new_ids))
        id_parts.append(np.asarray(new_ids, dtype=np.int64))
    first = merge_from(rows, [int((p < 0).sum()) for p in id_parts])
    if len(new_ids):
        first = min(first, len(rows) - 1)
    out_files, out_rows, out_ids = [], [], []
    for i in range(min(first, len(names))):
        link_segment(previous.directory / SEGMENTS / names[i], folder / names[i])  # type: ignore[union-attr]
        out_files.append(names[i])
        out_rows.append(rows[i])
        out_ids.append(id_parts[i])
    if first < len(rows):
        terms: list[Sequence[str]] = []
        ids: list[np.ndarray] = []
        words: Counter[str] = Counter()
        for i in range(first, len(rows)):
            if i < len(names):
                keep = id_parts[i] >= 0
                if not keep.any():
                    continue  # every row removed: nothing of it is carried on
                bags = old[i].chunk_terms()
                terms.extend(b for b, k in zip(bags, keep.tolist(), strict=True) if k)
                ids.append(id_parts[i][keep])
                # surface-word counts of a segment cannot lose its dead rows; they are kept
                # (a spelling stays known a little longer), and exact again after a rebuild
                words.update(old[i].words)
            else:
                terms.extend(new_terms)
                ids.append(id_parts[i])
                words.update(new_words)
        if terms:
            name = new_segment_name("seg", ".npz")
            _Segment.build(terms, words).save(folder / name)
            out_files.append(name)
            out_rows.append(len(terms))
            out_ids.append(np.concatenate(ids))
    all_ids = np.concatenate(out_ids) if out_ids else np.zeros(0, dtype=np.int64)
    write_manifest(target / MANIFEST, SegmentList(tuple(out_files), tuple(out_rows)), all_ids, {})
