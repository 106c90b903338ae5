"""Query → ranked Passages: dense and lexical search fused by reciprocal rank, plus evidence."""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from youthbot.errors import InputError
from youthbot.question import Question, analyse_question
from youthbot.tuning import DEFAULT_TUNING, Tuning
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
        null_mean: The mean of that similarity (see ``standout``).
        null_spread: Its standard deviation (0 when unknown).
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
    null_mean: float = 0.0
    null_spread: float = 0.0
    tuning: Tuning = DEFAULT_TUNING

    def standout(self, similarity: float) -> float:
        """How many standard deviations ``similarity`` (a sentence's cosine to the query) lies
        above the query's similarity to the corpus's sentences in general (0 when unknown)."""
        if self.null_spread <= 1e-6:
            return 0.0
        return (similarity - self.null_mean) / self.null_spread

    @property
    def answerable(self) -> bool:
        """The corpus likely holds the answer.

        A question naming a place, person, organisation, number or code that none of the top
        passages mention cannot be answered from them. Otherwise the top passages must hold at
        least half of the question's content-word weight, or a smaller share backed by a best
        sentence that stands out from the corpus (``dense_z``: how many standard deviations its
        similarity lies above the query's similarity to sentences in general). Questions in
        another language than the documents share few words with them, so for those the
        dense evidence carries more and the word share needed is lower. A sentence that stands
        out very far (``standout_alone_z``) needs only a trace of the words: a paraphrase.
        """
        if not self.content_terms and not self.entities:
            return False
        if self.missing_entities:
            return False
        t = self.tuning
        if self.covered >= t.full_coverage:
            return True
        if self.covered >= t.standout_alone_coverage and self.dense_z >= t.standout_alone_z:
            return True  # a paraphrase: few shared words, a sentence that stands far out
        if self.language == "lv":
            return self.covered >= t.partial_coverage and self.dense_z >= t.standout_z
        return self.covered >= t.foreign_coverage and self.dense_z >= t.foreign_standout_z


@dataclass(slots=True)
class Retrieval:
    """Ranked passages for one query with the evidence behind them."""

    query: str
    passages: list[Passage]
    evidence: Evidence
    #: The embedded query (None in lexical mode); reused to score answer sentences.
    query_vector: np.ndarray | None = None
    #: The analysed question the passages were found for.
    question: Question | None = None


class Retriever:
    """Searches one index generation (store, dense and lexical indexes) with one analyser."""

    def __init__(
        self,
        store: Store,
        dense: DenseIndex,
        lexical: LexicalIndex,
        embedder: Callable[[], Embedder],
        analyzer: Analyzer,
        tuning: Tuning | None = None,
    ) -> None:
        self.store = store
        self.dense = dense
        self.lexical = lexical
        self._embedder = embedder
        self.analyzer = analyzer
        self.tuning = tuning or DEFAULT_TUNING
        self._doc_terms: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
        self._chunk_terms: dict[tuple[str, int, int], list[frozenset[str]]] = {}
        self._null: np.ndarray | None = None

    def set_tuning(self, tuning: Tuning) -> None:
        """Search with other weights and thresholds from now on."""
        if tuning.null_sample != self.tuning.null_sample:
            self._null = None
        self.tuning = tuning

    # -- public -------------------------------------------------------------------
    def search(self, query: Question | str, k: int = 5, mode: Mode = "hybrid") -> Retrieval:
        """Rank passages for ``query``.

        Args:
            query: The analysed question (``analyse_question``), or search words, which are
                analysed here.
            k: Passages to return.
            mode: ``dense``, ``lexical`` or ``hybrid`` (reciprocal rank fusion of both).

        Raises:
            InputError: when the query is empty or the mode unknown.
        """
        if isinstance(query, str):
            if not query.strip():
                raise InputError("the question is empty; type a question or search words")
            query = self.analyse(query)
        if not query.text.strip():
            raise InputError("the question is empty; type a question or search words")
        if mode not in MODES:
            raise InputError(f"unknown search mode {mode!r}; use one of {', '.join(MODES)}")
        t = self.tuning
        foreign = query.language != "lv"
        groups = list(query.groups)
        terms = [term for g in groups for term in sorted(g)]
        vector = self._embedder().embed_query(query.text) if mode != "lexical" else None
        dense_hits = self._dense(vector) if vector is not None else []
        lexical_hits = self.lexical.search(terms, t.candidates) if mode != "dense" else []
        if mode == "dense":
            ranked = dense_hits
        elif mode == "lexical":
            ranked = lexical_hits
        else:
            w_lex = t.lexical_weight_foreign if foreign else t.lexical_weight
            ranked = _rrf([(dense_hits, t.dense_weight), (lexical_hits, w_lex)], t.rrf_k)
        stored = self.store.chunks([cid for cid, _ in ranked[: t.rerank_depth]])
        candidates = [(stored[cid], score) for cid, score in ranked if cid in stored]
        if mode == "hybrid" and terms:
            share = t.context_share_foreign if foreign else t.context_share
            candidates = self._rerank(candidates, groups, share)
        passages = _merge_overlaps(candidates, k)
        evidence = self._evidence(query, groups, passages, dense_hits, lexical_hits, vector)
        return Retrieval(query.text, passages, evidence, vector, query)

    def analyse(self, text: str) -> Question:
        """``text`` analysed as a question, with this index's spelling of its words."""
        return analyse_question(text, self.analyzer, self.lexical.vocabulary)

    # -- internals ------------------------------------------------------------------
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
        half = self.tuning.document_credit
        sentences = self._sentence_terms(chunk)
        best = 0.0
        for i in range(len(sentences)):
            window = title_terms.union(*sentences[max(0, i - 1) : i + 2])
            got = sum(
                w if not g.isdisjoint(window) else (0.0 if g.isdisjoint(doc_terms) else half * w)
                for g, w in weights
            )
            best = max(best, got)
        return best / total

    def _sentence_terms(self, chunk: Chunk) -> list[frozenset[str]]:
        """The analysed terms of each sentence of a chunk (cached: the index never changes)."""
        key = (chunk.doc, chunk.start, chunk.end)
        terms = self._chunk_terms.get(key)
        if terms is None:
            # analysed once, at index time (the terms of the sentence's text)
            terms = [
                frozenset(t)
                for _, _, t in self.store.sentence_terms(chunk.doc, chunk.start, chunk.end)
            ] or [frozenset(self.analyzer.terms(chunk.text))]
            if len(self._chunk_terms) > 8192:
                self._chunk_terms.clear()
            self._chunk_terms[key] = terms
        return terms

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
        hits = self.dense.search(vector, self.tuning.sentence_candidates)
        owners = self.store.sentence_chunks([sid for sid, _ in hits])
        best: dict[int, float] = {}
        for sid, score in hits:
            cid = owners.get(sid)
            if cid is not None and cid not in best:
                best[cid] = score
        return list(best.items())[: self.tuning.candidates]

    def _evidence(
        self,
        query: Question,
        groups: Sequence[frozenset[str]],
        passages: Sequence[Passage],
        dense_hits: Sequence[tuple[int, float]],
        lexical_hits: Sequence[tuple[int, float]],
        query_vector: np.ndarray | None,
    ) -> Evidence:
        ev = Evidence(
            language=query.language,
            dense_top=dense_hits[0][1] if dense_hits else 0.0,
            tuning=self.tuning,
        )
        if query_vector is not None and dense_hits:
            ev.dense_z, ev.null_mean, ev.null_spread = self._standout(query_vector, ev.dense_top)
        ev.groups = list(groups)
        ev.content_terms = [t for g in groups for t in sorted(g)]
        top_terms: set[str] = set()
        for p in passages[: self.tuning.evidence_passages]:
            top_terms.update(self.analyzer.terms(p.chunk.text))
        weights = self.group_weights(groups)
        total = sum(w for _, w in weights)
        if total:
            ev.covered = sum(w for g, w in weights if not g.isdisjoint(top_terms)) / total
        ev.entities = list(query.anchors)
        top_text = " ".join(p.chunk.text for p in passages[: self.tuning.evidence_passages])
        for entity in ev.entities:
            entity_terms = self.analyzer.query_terms(entity, self.lexical.vocabulary)
            if entity_terms and not any(near(t, top_terms) for t in entity_terms):
                if not spells_acronym(entity, top_text):
                    ev.missing_entities.append(entity)
        d5 = {cid for cid, _ in dense_hits[:5]}
        ev.agreement = any(cid in d5 for cid, _ in lexical_hits[:5])
        return ev

    def _standout(self, query_vector: np.ndarray, top: float) -> tuple[float, float, float]:
        """(z, mean, spread): standard deviations by which ``top`` exceeds the query's typical
        similarity to the corpus's sentences, and that similarity's mean and spread."""
        import numpy as np

        if self._null is None:
            self._null = self.dense.sample(self.tuning.null_sample)
            if not len(self._null):
                self._null = np.zeros((0, query_vector.shape[0]), dtype=np.float32)
        if len(self._null) < 8:
            return 0.0, 0.0, 0.0
        sims = self._null @ query_vector
        spread, mean = float(sims.std()), float(sims.mean())
        return ((top - mean) / spread if spread > 1e-6 else 0.0), mean, spread

    def idf(self, term: str) -> float:
        """Inverse document frequency; a term the corpus never uses weighs as the rarest."""
        n = max(1, self.lexical.count)
        df = self.lexical.document_frequency(term)
        return math.log(1 + (n - df + 0.5) / (df + 0.5))


def near(term: str, terms: set[str] | frozenset[str]) -> bool:
    """``term`` or a word sharing its first five letters (Latvia/latvij, Liepaja/liepaj)."""
    if term in terms:
        return True
    if len(term) < 5 or term.isdigit():
        return False
    stem = term[:5]
    return any(t.startswith(stem) for t in terms)


_ACRONYM = re.compile(r"[A-ZĀČĒĢĪĶĻŅŠŪŽ]{2,6}")
_LETTERS = re.compile(r"[^\W\d_]+")
#: Words an acronym skips: "Izglītības un zinātnes ministrija" is IZM.
_ACRONYM_SKIPS = frozenset({"un", "ar", "par", "and", "of", "for", "the"})


def spells_acronym(word: str, text: str) -> bool:
    """Whether ``word`` is an acronym (2–6 capitals) of consecutive words of ``text``.

    "JIC" is spelled by "Jauniešu iniciatīvu centrs", "IZM" by "Izglītības un zinātnes
    ministrija" (joining words such as "un" skipped).
    """
    from youthbot.text.normalize import fold

    if not _ACRONYM.fullmatch(word):
        return False
    target = fold(word.lower())
    initials = [
        fold(w[0].lower()) for w in _LETTERS.findall(text) if w.lower() not in _ACRONYM_SKIPS
    ]
    joined = "".join(initials)
    return target in joined and _whole_words(target, initials)


def _whole_words(target: str, initials: list[str]) -> bool:
    n = len(target)
    return any("".join(initials[i : i + n]) == target for i in range(len(initials) - n + 1))


def _rrf(
    runs: Sequence[tuple[Sequence[tuple[int, float]], float]], rrf_k: float
) -> list[tuple[int, float]]:
    """Reciprocal rank fusion of ranked (id, score) lists with a weight per list."""
    fused: dict[int, float] = {}
    for hits, weight in runs:
        if weight <= 0:
            continue
        for rank, (cid, _) in enumerate(hits, start=1):
            fused[cid] = fused.get(cid, 0.0) + weight / (rrf_k + rank)
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
