"""Every weight and threshold of retrieval, answer selection, no-answer and citation checks."""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import Any

__all__ = ["DEFAULT_TUNING", "Tuning", "describe"]


def _knob(default: float, doc: str) -> Any:
    """A field with its default and the sentence that documents it (``describe`` reads it)."""
    return field(default=default, metadata={"doc": doc})


@dataclass(frozen=True, slots=True)
class Tuning:
    """The numbers that decide which passages are found, which sentence answers, and when not.

    They were set from first principles (shares of a question's own weight, standard deviations
    of its own similarity distribution, ranks), not fitted to particular questions;
    ``bench/sensitivity.py`` moves each by ±20 % and shows how much the scores care. Each
    field's documentation is in its ``metadata["doc"]`` (see ``describe``).
    """

    # -- retrieval ---------------------------------------------------------------------
    candidates: int = _knob(
        50, "Candidates taken from the dense and the lexical side before fusion."
    )
    sentence_candidates: int = _knob(
        200, "Sentences taken from the dense index (several may fall in one chunk)."
    )
    rrf_k: float = _knob(60, "The k of reciprocal rank fusion (Cormack et al. 2009).")
    dense_weight: float = _knob(1.0, "Weight of the dense ranking in the fusion.")
    lexical_weight: float = _knob(1.0, "Weight of the lexical (BM25) ranking in the fusion.")
    lexical_weight_foreign: float = _knob(
        0.5,
        "Lexical weight for questions not in Latvian: an English question shares fewer terms"
        " with the documents even with the glossary's Latvian equivalents.",
    )
    rerank_depth: int = _knob(30, "Fused candidates re-ranked by context coverage.")
    context_share: float = _knob(
        0.5, "Share of the final passage score that context coverage of the question decides."
    )
    context_share_foreign: float = _knob(
        0.5, "The same for questions not in Latvian (concept groups carry their Latvian terms)."
    )
    document_credit: float = _knob(
        0.5,
        "Credit a question term earns when found elsewhere in the passage's document rather"
        " than near the sentence (the document sets the scene), as a share of its weight.",
    )
    null_sample: int = _knob(
        4096, "Sentence vectors sampled to estimate a query's similarity distribution."
    )
    # -- evidence: does the corpus hold an answer at all ---------------------------------
    full_coverage: float = _knob(
        0.5, "Share of the question's content-word weight (IDF) the top passages must hold."
    )
    partial_coverage: float = _knob(
        0.3, "A smaller share that suffices when the best sentence clearly stands out."
    )
    standout_z: float = _knob(
        2.5,
        "Standard deviations by which the best sentence's similarity must exceed the query's"
        " similarity to sentences in general, to back a partial coverage.",
    )
    foreign_coverage: float = _knob(
        0.15, "Coverage needed for a question in another language than the documents."
    )
    foreign_standout_z: float = _knob(
        3.0, "Standout needed for a question in another language than the documents."
    )
    standout_alone_z: float = _knob(
        4.0,
        "A sentence this many standard deviations above the query's typical similarity is"
        " evidence on its own: a paraphrase shares few words with its answer.",
    )
    standout_alone_coverage: float = _knob(
        0.1, "The least share of the question's weight that must still be found beside it."
    )
    evidence_passages: int = _knob(3, "Top passages whose words count as the found evidence.")
    # -- answer selection ----------------------------------------------------------------
    source_passages: int = _knob(3, "Passages (best first) an explanation may be quoted from.")
    typed_passages: int = _knob(
        5, "Passages (best first) searched for a sentence holding a typed answer."
    )
    follower_share: float = _knob(
        0.8, "A further sentence joins the answer when it scores this share of the best one."
    )
    max_sentences: int = _knob(3, "Most sentences an extractive answer quotes.")
    rank_decay: float = _knob(
        0.15, "How much a sentence's score shrinks per rank its passage stands below the first."
    )
    dense_share: float = _knob(
        0.5, "Weight of a sentence's (normalised) similarity to the question in its score."
    )
    lexical_share: float = _knob(
        0.5, "Weight of the question's IDF-weighted terms found in the sentence in its score."
    )
    cue_weight: float = _knob(
        0.25,
        "Bonus of a typed answer whose span fits the question best: a count of the counted"
        " noun ('Cik reižu' → '34 reizes'), a day-precise date, an end date for 'līdz kuram'.",
    )
    relation_weight: float = _knob(
        0.25,
        "Bonus of a sentence where the question's relation (its verb, agent noun or action"
        " noun: vadīja, vadītāja, vadībā) meets the answer.",
    )
    happening_weight: float = _knob(
        0.15,
        "Bonus of a sentence answering 'Kur/Kad notiks …?' that reports a happening itself"
        " (notiks, norisinājās, pulcējās): the venue of the event, not the organiser's town.",
    )
    noun_relation_share: float = _knob(
        0.5,
        "Share of relation_weight a sentence earns when it states the question's relation"
        " only by an agent or action noun (a title: 'priekšsēdētāja X') rather than its verb.",
    )
    typed_tie: float = _knob(
        0.5,
        "Share of the question's subject weight a typed answer's sentence (with the sentence"
        " its pronoun points back to, and its document at partial credit) must hold; below"
        " it the span answers something else and the question is declined.",
    )
    foreign_typed_tie: float = _knob(
        0.45, "The same for a question in another language than the documents."
    )
    # -- citation verification (LLM answers) ---------------------------------------------
    lexical_support: float = _knob(
        0.65,
        "Share of an LLM answer sentence's content words that one or two adjacent sentences of"
        " each cited passage must hold (together) to back it, besides every name and number.",
    )
    embedding_support: float = _knob(
        0.86,
        "Cosine similarity (e5 query to passage) to a cited sentence in another language that"
        " backs a sentence words cannot; unrelated pairs still score about 0.8 on"
        " multilingual-e5-small, so within one language words decide.",
    )
    pair_penalty: float = _knob(
        0.2, "Coverage two adjacent sentences must add over one to be quoted together."
    )
    max_quote_chars: int = _knob(
        600, "A quote of several passage sentences is kept only up to this many characters."
    )

    def scaled(self, name: str, factor: float) -> Tuning:
        """A copy with field ``name`` multiplied by ``factor`` (integers rounded, at least 1)."""
        value = getattr(self, name)
        if isinstance(value, int) and not isinstance(value, bool):
            return replace(self, **{name: max(1, round(value * factor))})
        return replace(self, **{name: value * factor})


DEFAULT_TUNING = Tuning()


def describe() -> list[tuple[str, float, str]]:
    """``(name, default, documentation)`` of every field, in order."""
    return [(f.name, getattr(DEFAULT_TUNING, f.name), f.metadata["doc"]) for f in fields(Tuning)]
