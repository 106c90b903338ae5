"""Vector and lexical segments: appended, shared by hard links, merged, and exact."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from youthbot.chunk import chunk_document
from youthbot.index.dense import SEGMENTS as VECTOR_SEGMENTS
from youthbot.index.dense import DenseIndex, write_dense
from youthbot.index.lexical import LexicalIndex, write_lexical
from youthbot.index.segments import merge_from
from youthbot.text.analyze import Analyzer, word_counts
from youthbot.types import Document

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.fixture(scope="module")
def chunks() -> list[tuple[str, list[str]]]:
    """(text, analysed terms) of the shipped corpus's chunks."""
    analyzer = Analyzer()
    out = []
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for c in chunk_document(Document(path.name, "", text, None, "txt", "")):
            out.append((c.text, analyzer.terms(c.text)))
    return out


def _generations(tmp_path: Path, batches: list[list[int]], removed: list[set[int]], write):
    """Write one generation per batch (ids added, ids removed), each from the one before."""
    live: set[int] = set()
    previous = None
    for n, (batch, gone) in enumerate(zip(batches, removed, strict=True)):
        live = (live | set(batch)) - gone
        target = tmp_path / f"gen-{n}"
        target.mkdir()
        previous = write(
            target, previous, np.asarray(sorted(live)), [i for i in batch if i in live]
        )
    return previous, live


def test_merge_policy_keeps_few_segments() -> None:
    assert merge_from([1000, 10], [0, 0]) == 2  # a small addition is its own segment
    assert merge_from([1000, 200, 60], [0, 0, 0]) == 0  # the tail reached a quarter: merge
    assert merge_from([1000, 100, 30], [0, 0, 0]) == 1  # the small ones merge together
    assert merge_from([1000, 10], [400, 0]) == 0  # too many removed rows: merge all
    rows: list[int] = []
    for _ in range(200):  # 200 one-document builds
        rows.append(5)
        first = merge_from(rows, [0] * len(rows))
        rows = rows[:first] + ([sum(rows[first:])] if first < len(rows) else [])
    assert sum(rows) == 1000 and len(rows) <= 6


def test_lexical_segments_score_as_one_bm25_index(
    tmp_path: Path, chunks: list[tuple[str, list[str]]]
) -> None:
    bm25s = pytest.importorskip("bm25s")
    texts = {i + 1: c for i, c in enumerate(chunks)}
    ids = sorted(texts)
    third = len(ids) // 3
    batches = [ids[:third], ids[third : 2 * third], ids[2 * third :]]
    removed = [set(), set(ids[1:4]), {ids[third + 1]}]

    def write(target, previous, live, batch):
        write_lexical(
            target,
            previous,
            live,
            batch,
            [texts[i][1] for i in batch],
            word_counts(texts[i][0] for i in batch),
        )
        return LexicalIndex.load(target, len(live))

    index, live = _generations(tmp_path, batches, removed, write)
    assert index.count == len(live)
    kept = sorted(live)
    oracle = bm25s.BM25(k1=1.2, b=0.75, method="lucene")
    oracle.index([texts[i][1] for i in kept], show_progress=False)
    for query in (["jauniet", "liepaj"], ["erasmus", "lietuv", "ogr"], ["projekt", "projekt"]):
        query = [t for t in query if t in oracle.vocab_dict]
        scores = oracle.get_scores(query)
        expected = sorted(
            ((kept[r], float(s)) for r, s in enumerate(scores) if s > 0),
            key=lambda h: (-h[1], h[0]),
        )[:10]
        got = index.search(query, 10)
        assert [i for i, _ in got] == [i for i, _ in expected]
        assert [s for _, s in got] == pytest.approx([s for _, s in expected], rel=1e-5)
    assert index.document_frequency("jauniet") == sum("jauniet" in texts[i][1] for i in kept)
    assert index.vocabulary.get("jauniesu") == "jauniešu"


def test_dense_segments_are_linked_merged_and_exact(tmp_path: Path) -> None:
    rng = np.random.default_rng(3)
    dim = 32
    vectors: dict[int, np.ndarray] = {}
    batches, removed = [], []
    next_id = 1
    for n in range(12):
        size = 300 if n == 0 else 7
        batch = list(range(next_id, next_id + size))
        next_id += size
        for i in batch:
            v = rng.standard_normal(dim).astype(np.float32)
            vectors[i] = v / np.linalg.norm(v)
        batches.append(batch)
        removed.append(set(rng.choice(batches[0], 3).tolist()) if n % 4 == 3 else set())

    def write(target, previous, live, batch):
        matrix = np.vstack([vectors[i] for i in batch])
        write_dense(target, previous, live, batch, matrix, dim)
        return DenseIndex.load(target, len(live))

    index, live = _generations(tmp_path, batches, removed, write)
    assert index.count == len(live)
    assert len(index.segments.files) <= 4  # merged as they fragment
    # the oldest segment is the same file in the newest and the one before (a hard link)
    first = index.segments.files[0]
    newest = tmp_path / "gen-11" / VECTOR_SEGMENTS / first
    before = tmp_path / "gen-10" / VECTOR_SEGMENTS / first
    assert newest.stat().st_ino == before.stat().st_ino
    # exact: the same order as a brute-force scan of the live (float16-stored) vectors
    kept = sorted(live)
    matrix = np.vstack([vectors[i] for i in kept]).astype(np.float16).astype(np.float32)
    query = vectors[kept[17]] + 0.1 * rng.standard_normal(dim).astype(np.float32)
    scores = matrix @ query
    expected = [kept[r] for r in np.argsort(-scores, kind="stable")[:20]]
    assert [i for i, _ in index.search(query, 20)] == expected
    got = index.vectors(kept[:5] + [max(kept) + 100])
    assert sorted(got) == kept[:5]
    assert np.allclose(got[kept[0]], vectors[kept[0]], atol=1e-3)
