"""Extraction on the shipped corpus against the hand annotation in tests/data/."""

from __future__ import annotations

from pathlib import Path

from youthbot.directory.facts import DocumentFacts
from youthbot.directory.scoring import load_annotation, score_facts
from youthbot.types import Document

ANNOTATION = Path(__file__).resolve().parents[1] / "data" / "directory_annotations.json"


def test_every_fact_quotes_its_document_exactly(
    corpus_docs: dict[str, Document], corpus_facts: dict[str, DocumentFacts]
) -> None:
    for path, facts in corpus_facts.items():
        text = corpus_docs[path].text
        for group in (facts.people, facts.orgs, facts.places, facts.projects):
            for fact in group:
                assert fact.mentions
                for m in fact.mentions:
                    assert m.doc == path and text[m.start : m.end] == m.quote
                    if m.context is not None:
                        assert m.context[0] <= m.start < m.end <= m.context[1]
        for e in facts.events:
            assert text[e.start : e.end] == e.quote
            for m in e.evidence.values():
                assert text[m.start : m.end] == m.quote


def test_quality_targets_against_the_annotation(corpus_facts: dict[str, DocumentFacts]) -> None:
    scores = score_facts(corpus_facts, load_annotation(ANNOTATION))
    assert scores["people"]["recall"] >= 0.95
    assert scores["people"]["precision"] >= 0.9
    assert scores["events_place_date"]["ratio"] >= 0.8
    for kind in ("orgs", "places", "projects", "events"):
        assert scores[kind]["recall"] >= 0.8, kind
        assert scores[kind]["precision"] >= 0.8, kind


def test_corpus_people_in_base_form_with_roles(corpus_facts: dict[str, DocumentFacts]) -> None:
    erasmus = corpus_facts["corpus/2023-11-ogre-erasmus-lietuva.txt"]
    assert "Zita Bērziņa-Igaune" in [p.name for p in erasmus.people]
    liepaja = corpus_facts["corpus/2024-01-kurzeme-jaunatnes-specialisti-liepaja.txt"]
    kristine = next(p for p in liepaja.people if p.name == "Kristīne Reine-Saponaro")
    assert kristine.orgs == ["biedrība “House of Hope”"]
    proti = corpus_facts["corpus/proti-un-dari-ogre-jauniesi-no-ukrainas.txt"]
    (ilona,) = proti.people
    assert [m.quote for m in ilona.mentions] == [
        "Ilona Reinholde",
        "I.Reinholde",
        "Ilona Reinholde",
    ]


def test_corpus_events_keep_partial_dates(corpus_facts: dict[str, DocumentFacts]) -> None:
    ventspils = corpus_facts["corpus/kurzeme-jaunatnes-specialisti-ventspils.txt"]
    (event,) = ventspils.events
    assert (event.date, event.place) == ("--06-05", "Ventspils")  # "Šī gada" without a doc date
    liepaja = corpus_facts["corpus/2024-01-kurzeme-jaunatnes-specialisti-liepaja.txt"]
    assert liepaja.events[0].organisers == ["Kurzemes plānošanas reģions"]
