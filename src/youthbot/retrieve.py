"""Query → ranked Passages: dense and lexical search fused by reciprocal rank, plus evidence."""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from youthbot.errors import InputError
from youthbot.types import Chunk, Passage

if TYPE_CHECKING:
    import numpy as np

    from youthbot.embed import Embedder
    from youthbot.index.dense import DenseIndex
    from youthbot.index.lexical import LexicalIndex
    from youthbot.store import Store, StoredChunk
    from youthbot.text.analyze import Analyzer

logger = logging.getLogger(__name__)

Mode = Literal["dense", "lexical", "hybrid"]
MODES: tuple[Mode, ...] = ("dense", "lexical", "hybrid")

#: Candidates taken from each side before fusion.
CANDIDATES = 50
#: Sentences taken from the dense index (several may fall in one chunk).
SENTENCE_CANDIDATES = 200
# Evidence thresholds (see Evidence.answerable). They are shares of the question's own
# content-word weight and standard deviations of its own similarity distribution, so they mean
# the same for any corpus size; they were set from first principles, not fitted to questions.
#: Half of what the question asks about is present.
FULL_COVERAGE = 0.5
#: A third is present and the best sentence clearly stands out.
PARTIAL_COVERAGE = 0.3
STANDOUT_Z = 2.5
#: Another language: some anchor word is present and the best sentence stands out strongly.
FOREIGN_COVERAGE = 0.15
FOREIGN_STANDOUT_Z = 3.0
#: Sentence vectors sampled to estimate a query's similarity distribution.
NULL_SAMPLE = 4096

#: Fused candidates re-ranked by context coverage.
RERANK_DEPTH = 30
#: The k of reciprocal rank fusion (Cormack et al. 2009).
RRF_K = 60


@dataclass(frozen=True, slots=True)
class FusionWeights:
    """Weights of each side in reciprocal rank fusion, by question language."""

    dense: float = 1.0
    lexical: float = 1.0
    #: Lexical weight for questions not in Latvian: an English question shares fewer terms
    #: with the documents even with the glossary's Latvian equivalents, so half.
    lexical_foreign: float = 0.5
    #: Share of the final score that context coverage of the question's words decides.
    context: float = 0.5
    #: The same for questions not in Latvian (concept groups carry their Latvian terms).
    context_foreign: float = 0.5


@dataclass(slots=True)
class Evidence:
    """What retrieval found, used to decide whether the corpus holds an answer.

    Attributes:
        language: Detected language of the query.
        content_terms: Analysed content words of the query.
        groups: The same, one group per concept (an English word with its Latvian terms).
        covered: Share of the query's content-word weight (IDF) found in the top passages.
        entities: Names, numbers and codes the query mentions.
        missing_entities: Those found in none of the top passages.
        agreement: True when dense and lexical search share a passage in their top 5.
        dense_top: Cosine similarity of the best dense hit (0 when none).
        dense_z: How far ``dense_top`` stands above the query's similarity to a sample of the
            corpus's sentences, in standard deviations (0 when unknown).
    """

    language: str
    content_terms: list[str] = field(default_factory=list)
    groups: list[frozenset[str]] = field(default_factory=list)
    covered: float = 0.0
    entities: list[str] = field(default_factory=list)
    missing_entities: list[str] = field(default_factory=list)
    agreement: bool = False
    dense_top: float = 0.0
    dense_z: float = 0.0

    @property
    def answerable(self) -> bool:
        """The corpus likely holds the answer.

        A question naming a place, person, organisation, number or code that none of the top
        passages mention cannot be answered from them. Otherwise the top passages must hold at
        least half of the question's content-word weight, or a smaller share backed by a best
        sentence that stands out from the corpus (``dense_z``: how many standard deviations its
        similarity lies above the query's similarity to sentences in general). Questions in
        another language than the documents share few words with them, so for those the
        dense evidence carries more and the word share needed is lower.
        """
        if not self.content_terms and not self.entities:
            return False
        if self.missing_entities:
            return False
        if self.covered >= FULL_COVERAGE:
            return True
        if self.language == "lv":
            return self.covered >= PARTIAL_COVERAGE and self.dense_z >= STANDOUT_Z
        return self.covered >= FOREIGN_COVERAGE and self.dense_z >= FOREIGN_STANDOUT_Z


@dataclass(slots=True)
class Retrieval:
    """Ranked passages for one query with the evidence behind them."""

    query: str
    passages: list[Passage]
    evidence: Evidence
    #: The embedded query (None in lexical mode); reused to score answer sentences.
    query_vector: np.ndarray | None = None


_WORD = re.compile(r"[^\W\d_][\w'-]*")
_CAPITALISED = re.compile(r"(?<![\w.])([A-ZĀČĒĢĪĶĻŅŠŪŽ][\w’'-]+)")
_NUMBERISH = re.compile(r"\b\w*\d[\w./-]*")


class Retriever:
    """Searches one index generation (store, dense and lexical indexes) with one analyser."""

    def __init__(
        self,
        store: Store,
        dense: DenseIndex,
        lexical: LexicalIndex,
        embedder: Callable[[], Embedder],
        analyzer: Analyzer,
        weights: FusionWeights | None = None,
    ) -> None:
        self.store = store
        self.dense = dense
        self.lexical = lexical
        self._embedder = embedder
        self.analyzer = analyzer
        self.weights = weights or FusionWeights()
        self._doc_terms: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
        self._chunk_terms: dict[tuple[str, int, int], list[frozenset[str]]] = {}
        self._null: np.ndarray | None = None

    # -- public -------------------------------------------------------------------
    def search(self, query: str, k: int = 5, mode: Mode = "hybrid") -> Retrieval:
        """Rank passages for ``query``.

        Args:
            query: The question or search words.
            k: Passages to return.
            mode: ``dense``, ``lexical`` or ``hybrid`` (reciprocal rank fusion of both).

        Raises:
            InputError: when the query is empty or the mode unknown.
        """
        from youthbot.text.lang import detect_language

        query = query.strip()
        if not query:
            raise InputError("the question is empty; type a question or search words")
        if mode not in MODES:
            raise InputError(f"unknown search mode {mode!r}; use one of {', '.join(MODES)}")
        language = detect_language(query)
        groups = self.term_groups(query, language)
        terms = [t for g in groups for t in sorted(g)]
        vector = self._embedder().embed_query(query) if mode != "lexical" else None
        dense_hits = self._dense(vector) if vector is not None else []
        lexical_hits = self.lexical.search(terms, CANDIDATES) if mode != "dense" else []
        if mode == "dense":
            ranked = dense_hits
        elif mode == "lexical":
            ranked = lexical_hits
        else:
            w_lex = self.weights.lexical if language == "lv" else self.weights.lexical_foreign
            ranked = _rrf([(dense_hits, self.weights.dense), (lexical_hits, w_lex)])
        stored = self.store.chunks([cid for cid, _ in ranked[:RERANK_DEPTH]])
        candidates = [(stored[cid], score) for cid, score in ranked if cid in stored]
        if mode == "hybrid" and terms:
            share = self.weights.context if language == "lv" else self.weights.context_foreign
            candidates = self._rerank(candidates, groups, share)
        passages = _merge_overlaps(candidates, k)
        evidence = self._evidence(
            query, language, groups, passages, dense_hits, lexical_hits, vector
        )
        return Retrieval(query, passages, evidence, vector)

    # -- internals ------------------------------------------------------------------
    def term_groups(self, query: str, language: str) -> list[frozenset[str]]:
        """The query's analysed terms, one group per concept.

        In a Latvian query every term is its own group. In another language, an English word
        the glossary knows joins its Latvian equivalents' terms to its group, so "funds" is
        found as "finansēts" and a concept counts once however many translations it has.
        """
        from youthbot.text.crosslingual import latvian_equivalents

        terms = self.analyzer.query_terms(query, self.lexical.vocabulary)
        groups = [{t} for t in dict.fromkeys(terms)]
        if language == "lv":
            return [frozenset(g) for g in groups]
        for word in _WORD.findall(query):
            equivalents = latvian_equivalents(word)
            if not equivalents:
                continue
            own = set(self.analyzer.query_terms(word))
            latvian = set(self.analyzer.terms(" ".join(equivalents)))
            group = next((g for g in groups if g & own), None)
            if group is None:
                groups.append(own | latvian)
            else:
                group.update(latvian)
        merged: list[frozenset[str]] = []
        for g in groups:
            if g and frozenset(g) not in merged:
                merged.append(frozenset(g))
        return merged

    def group_weights(self, groups: Sequence[frozenset[str]]) -> list[tuple[frozenset[str], float]]:
        """Each group with its weight: the IDF of its rarest term."""
        return [(g, max(self.idf(t) for t in g)) for g in groups if g]

    def _rerank(
        self,
        candidates: list[tuple[StoredChunk, float]],
        groups: Sequence[frozenset[str]],
        share: float,
    ) -> list[tuple[StoredChunk, float]]:
        """Re-order fused candidates by how well their local context covers the question.

        The fused score (scaled to the best one) and the context coverage are mixed, the
        coverage weighing ``share``.
        """
        if not candidates or share <= 0 or not groups:
            return candidates
        weights = self.group_weights(groups)
        top = candidates[0][1] or 1.0
        scored = [
            (c, (1 - share) * score / top + share * self.context_coverage(c.chunk, weights))
            for c, score in candidates
        ]
        return sorted(scored, key=lambda cs: (-cs[1], cs[0].id))

    def context_coverage(
        self, chunk: Chunk, weights: Sequence[tuple[frozenset[str], float]]
    ) -> float:
        """IDF-weighted share of the query terms found near each other in a chunk.

        For each sentence of the chunk, its window (the sentence with its neighbours) earns a
        term's full weight, and so does the document's title, which heads every part of it; a
        term found elsewhere in the same document earns half, since the document sets the
        context. The best window counts.
        """
        total = sum(w for _, w in weights)
        if total <= 0:
            return 0.0
        title_terms, doc_terms = self.document_terms(chunk.doc)
        sentences = self._sentence_terms(chunk)
        best = 0.0
        for i in range(len(sentences)):
            window = title_terms.union(*sentences[max(0, i - 1) : i + 2])
            got = sum(
                w if not g.isdisjoint(window) else (0.0 if g.isdisjoint(doc_terms) else 0.5 * w)
                for g, w in weights
            )
            best = max(best, got)
        return best / total

    def _sentence_terms(self, chunk: Chunk) -> list[frozenset[str]]:
        """The analysed terms of each sentence of a chunk (cached: the index never changes)."""
        key = (chunk.doc, chunk.start, chunk.end)
        terms = self._chunk_terms.get(key)
        if terms is None:
            terms = [
                frozenset(self.analyzer.terms(chunk.text[s - chunk.start : e - chunk.start]))
                for s, e in self._sentence_spans(chunk)
            ] or [frozenset(self.analyzer.terms(chunk.text))]
            if len(self._chunk_terms) > 8192:
                self._chunk_terms.clear()
            self._chunk_terms[key] = terms
        return terms

    def _sentence_spans(self, chunk: Chunk) -> list[tuple[int, int]]:
        return self.store.sentence_spans(chunk.doc, chunk.start, chunk.end)

    def document_terms(self, path: str) -> tuple[frozenset[str], frozenset[str]]:
        """(title terms, all terms) of a document, cached."""
        terms = self._doc_terms.get(path)
        if terms is None:
            title = self.store.document_title(path)
            terms = (
                frozenset(self.analyzer.terms(title)),
                frozenset(self.store.document_terms(path)),
            )
            if len(self._doc_terms) > 4096:
                self._doc_terms.clear()
            self._doc_terms[path] = terms
        return terms

    def _dense(self, vector: np.ndarray) -> list[tuple[int, float]]:
        """Chunks ranked by their best sentence's cosine similarity to the query."""
        hits = self.dense.search(vector, SENTENCE_CANDIDATES)
        owners = self.store.sentence_chunks([sid for sid, _ in hits])
        best: dict[int, float] = {}
        for sid, score in hits:
            cid = owners.get(sid)
            if cid is not None and cid not in best:
                best[cid] = score
        return list(best.items())[:CANDIDATES]

    def _evidence(
        self,
        query: str,
        language: str,
        groups: Sequence[frozenset[str]],
        passages: Sequence[Passage],
        dense_hits: Sequence[tuple[int, float]],
        lexical_hits: Sequence[tuple[int, float]],
        query_vector: np.ndarray | None,
    ) -> Evidence:
        ev = Evidence(language=language, dense_top=dense_hits[0][1] if dense_hits else 0.0)
        if query_vector is not None and dense_hits:
            ev.dense_z = self._standout(query_vector, ev.dense_top)
        ev.groups = list(groups)
        ev.content_terms = [t for g in groups for t in sorted(g)]
        top_terms: set[str] = set()
        for p in passages[:3]:
            top_terms.update(self.analyzer.terms(p.chunk.text))
        weights = self.group_weights(groups)
        total = sum(w for _, w in weights)
        if total:
            ev.covered = sum(w for g, w in weights if not g.isdisjoint(top_terms)) / total
        ev.entities = self._entities(query)
        for entity in ev.entities:
            entity_terms = self.analyzer.query_terms(entity, self.lexical.vocabulary)
            if entity_terms and not any(_near(t, top_terms) for t in entity_terms):
                ev.missing_entities.append(entity)
        d5 = {cid for cid, _ in dense_hits[:5]}
        ev.agreement = any(cid in d5 for cid, _ in lexical_hits[:5])
        return ev

    def _standout(self, query_vector: np.ndarray, top: float) -> float:
        """Standard deviations by which ``top`` exceeds the query's typical similarity."""
        import numpy as np

        if self._null is None:
            ids, blobs = self.store.sentence_ids_and_vectors(limit=NULL_SAMPLE)
            self._null = (
                np.frombuffer(b"".join(blobs), dtype=np.float32).reshape(len(ids), -1)
                if ids
                else np.zeros((0, query_vector.shape[0]), dtype=np.float32)
            )
        if len(self._null) < 8:
            return 0.0
        sims = self._null @ query_vector
        spread = float(sims.std())
        return (top - float(sims.mean())) / spread if spread > 1e-6 else 0.0

    def idf(self, term: str) -> float:
        """Inverse document frequency; a term the corpus never uses weighs as the rarest."""
        n = max(1, self.lexical.count)
        df = self.lexical.document_frequency(term)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))

    def _entities(self, query: str) -> list[str]:
        """Capitalised words not opening the sentence, numbers and codes in ``query``."""
        found = []
        for m in _CAPITALISED.finditer(query):
            before = query[: m.start()].rstrip()
            if not before or before[-1] in '.!?:"“„(':
                continue  # sentence-initial capital says nothing
            found.append(m.group(1))
        found.extend(m.group(0) for m in _NUMBERISH.finditer(query))
        # keep only what the analyser keeps (drops stop words such as "Who", "Kas")
        return [e for e in dict.fromkeys(found) if self.analyzer.terms(e)]


def _near(term: str, terms: set[str]) -> bool:
    """``term`` or a word sharing its first five letters (Latvia/latvij, Liepaja/liepaj)."""
    if term in terms:
        return True
    if len(term) < 5 or term.isdigit():
        return False
    stem = term[:5]
    return any(t.startswith(stem) for t in terms)


def _rrf(runs: Sequence[tuple[Sequence[tuple[int, float]], float]]) -> list[tuple[int, float]]:
    """Reciprocal rank fusion of ranked (id, score) lists with a weight per list."""
    fused: dict[int, float] = {}
    for hits, weight in runs:
        if weight <= 0:
            continue
        for rank, (cid, _) in enumerate(hits, start=1):
            fused[cid] = fused.get(cid, 0.0) + weight / (RRF_K + rank)
    return sorted(fused.items(), key=lambda kv: (-kv[1], kv[0]))


def _merge_overlaps(ranked: Sequence[tuple[StoredChunk, float]], k: int) -> list[Passage]:
    """Best-first passages where chunks overlapping a better one are merged into it."""
    kept: list[tuple[StoredChunk, Chunk, float]] = []
    for stored, score in ranked:
        c = stored.chunk
        for i, (first, merged, best) in enumerate(kept):
            if merged.doc == c.doc and c.start < merged.end and merged.start < c.end:
                kept[i] = (first, _union(merged, c), best)
                break
        else:
            if len(kept) < k:
                kept.append((stored, c, score))
    return [
        Passage(chunk=merged, score=score, title=first.title, date=first.date, rank=rank)
        for rank, (first, merged, score) in enumerate(kept, start=1)
    ]


def _union(a: Chunk, b: Chunk) -> Chunk:
    """One chunk spanning two overlapping chunks of the same document."""
    first, second = (a, b) if a.start <= b.start else (b, a)
    if second.end <= first.end:
        return first
    text = first.text + second.text[first.end - second.start :]
    return Chunk(first.doc, min(a.ordinal, b.ordinal), first.start, second.end, text)
