"""Directory test fixtures: the shipped corpus as documents, its facts, a real FactStore."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from youthbot.directory.db import FactStore
from youthbot.directory.extract import extract_facts
from youthbot.directory.facts import DocumentFacts
from youthbot.text.sentences import split_paragraphs
from youthbot.types import Chunk, Document, Passage

REPO = Path(__file__).resolve().parents[2]
ANNOTATION = REPO / "tests" / "data" / "directory_annotations.json"


def read_corpus() -> dict[str, Document]:
    """The shipped corpus as ``Document`` objects keyed by ``corpus/<name>``."""
    docs = {}
    for path in sorted((REPO / "corpus").glob("*.txt")):
        text = path.read_text("utf-8")
        name = f"corpus/{path.name}"
        docs[name] = Document(
            path=name, title=text.splitlines()[0], text=text, date=None, format="txt", sha256=""
        )
    return docs


@pytest.fixture(scope="session")
def corpus_docs() -> dict[str, Document]:
    """The shipped corpus documents."""
    return read_corpus()


@pytest.fixture(scope="session")
def corpus_facts(corpus_docs: dict[str, Document]) -> dict[str, DocumentFacts]:
    """Facts extracted from each corpus document."""
    return {path: extract_facts(doc) for path, doc in corpus_docs.items()}


@pytest.fixture()
def fact_store(corpus_facts: dict[str, DocumentFacts]) -> FactStore:
    """A real FactStore over an in-memory SQLite database holding the corpus facts."""
    conn = sqlite3.connect(":memory:")
    store = FactStore(conn)
    store.create_schema()
    for path, facts in corpus_facts.items():
        store.replace_document(path, facts)
    conn.commit()
    return store


@pytest.fixture()
def passage_for_span(corpus_docs: dict[str, Document]) -> Callable[[str, int, int], Passage]:
    """Paragraph chunks of the corpus, as the pipeline's passage_for_span would give them."""

    def find(doc: str, start: int, end: int) -> Passage:
        text = corpus_docs[doc].text
        for ordinal, (s, e) in enumerate(split_paragraphs(text)):
            if s <= start < e:
                return Passage(Chunk(doc, ordinal, s, e, text[s:e]), 1.0, corpus_docs[doc].title)
        raise LookupError(f"{doc}:{start} lies in no paragraph")

    return find
