"""Which document is which: identity independent of the working directory, and what is removed."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from youthbot.cli import cli
from youthbot.config import Settings
from youthbot.errors import NoDocumentsError
from youthbot.index.layout import IndexLayout
from youthbot.indexing import BuildProgress
from youthbot.pipeline import Pipeline

NOMETNE = (
    "Jauniešu centrs Ventspilī rīkoja vasaras nometni. Nometnē piedalījās trīsdesmit jaunieši "
    "no Kurzemes novadiem.\n\nNometni vadīja jaunatnes darbiniece Ilze Kalniņa.\n"
)
FORUMS = (
    "Liepājas Jauniešu māja 5. jūnijā rīkoja jauniešu forumu. Forumā runāja par brīvprātīgo "
    "darbu.\n\nForuma dalībnieki apmeklēja arī Liepājas teātri.\n"
)
SEMINARS = (
    "Ogres novada jauniešu centrs rīkoja semināru par projektu rakstīšanu. Seminārā piedalījās "
    "divdesmit jaunatnes darbinieki.\n"
)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A user's folder: ``docs/`` with two articles, and an article elsewhere."""
    docs = tmp_path / "home" / "docs"
    docs.mkdir(parents=True)
    (docs / "nometne.txt").write_text(NOMETNE, encoding="utf-8")
    (docs / "forums.txt").write_text(FORUMS, encoding="utf-8")
    other = tmp_path / "elsewhere"
    other.mkdir()
    (other / "seminars.txt").write_text(SEMINARS, encoding="utf-8")
    return tmp_path / "home"


def _pipeline(index: Path) -> Pipeline:
    return Pipeline(Settings(index=index, corpus=Path("docs")))


def test_index_from_another_folder_keeps_what_was_indexed(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = tmp_path / "idx"
    monkeypatch.chdir(home)
    first = _pipeline(index).build_index([Path("docs")])
    assert len(first.added) == 2

    monkeypatch.chdir(tmp_path / "elsewhere")
    second = _pipeline(index).build_index([Path("seminars.txt")])
    assert len(second.added) == 1
    assert second.removed == []  # the earlier documents were not given, not gone
    assert _pipeline(index).stats().documents == 3

    monkeypatch.chdir(home)
    embedded: list[BuildProgress] = []
    third = _pipeline(index).build_index([Path("docs")], progress=embedded.append)
    assert not third.modified and len(third.skipped) == 2
    assert not [e for e in embedded if e.stage == "embed"]
    assert _pipeline(index).stats().documents == 3


def test_removal_only_for_files_gone_from_an_indexed_folder(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = tmp_path / "idx"
    monkeypatch.chdir(home)
    p = _pipeline(index)
    p.build_index([Path("docs"), tmp_path / "elsewhere" / "seminars.txt"])
    (home / "docs" / "forums.txt").unlink()
    # a run given only another file drops nothing, though forums.txt is gone
    assert p.build_index([tmp_path / "elsewhere" / "seminars.txt"]).removed == []
    report = p.build_index([home / "docs"])
    assert [Path(r).name for r in report.removed] == ["forums.txt"]
    assert p.stats().documents == 2
    # a file the index holds and the user names once it is gone is removed too
    (tmp_path / "elsewhere" / "seminars.txt").unlink()
    report = p.build_index([tmp_path / "elsewhere" / "seminars.txt"])
    assert [Path(r).name for r in report.removed] == ["seminars.txt"] and not report.failed


def test_documents_are_stored_by_absolute_path_and_shown_relative(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = tmp_path / "idx"
    monkeypatch.chdir(home)
    p = _pipeline(index)
    p.build_index([Path("docs")])
    hit = p.search("vasaras nometne Ventspilī", 1, "lexical")[0]
    assert hit.chunk.doc == (home / "docs" / "nometne.txt").resolve().as_posix()
    assert p.document(hit.chunk.doc).title.startswith("Jauniešu centrs")
    result = CliRunner().invoke(
        cli, ["--index", str(index), "search", "vasaras nometne Ventspilī", "--mode", "lexical"]
    )
    assert result.exit_code == 0, result.output
    assert "(docs/nometne.txt:" in result.output  # shown relative to the working directory


def _make_legacy(index: Path, cwd: Path) -> None:
    """Rewrite the live generation as an older youthbot wrote it: paths relative to ``cwd``."""
    live = IndexLayout(index).current()
    assert live is not None
    con = sqlite3.connect(live / "index.sqlite")
    for (path,) in con.execute("SELECT path FROM documents").fetchall():
        relative = os.path.relpath(path, cwd)
        con.execute("UPDATE documents SET path = ? WHERE path = ?", (relative, path))
        for table in ("dir_people", "dir_orgs", "dir_places", "dir_projects", "dir_events"):
            con.execute(f"UPDATE {table} SET doc = ? WHERE doc = ?", (relative, path))
        con.execute("UPDATE dir_docs SET path = ? WHERE path = ?", (relative, path))
    con.commit()
    con.close()


def test_index_with_cwd_relative_paths_is_migrated_without_re_embedding(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = tmp_path / "idx"
    monkeypatch.chdir(home)
    _pipeline(index).build_index([Path("docs")])
    _make_legacy(index, home)

    # from another folder: the old documents are found again by content and path ending
    monkeypatch.chdir(tmp_path / "elsewhere")
    embedded: list[BuildProgress] = []
    p = _pipeline(index)
    report = p.build_index([home / "docs"], progress=embedded.append)
    assert not report.added and not report.removed
    assert sorted(Path(new).name for _, new in report.renamed) == ["forums.txt", "nometne.txt"]
    assert not [e for e in embedded if e.stage == "embed"]
    docs = {h.chunk.doc for h in p.search("jaunieši", 10, "lexical")}
    assert docs == {(home / "docs" / n).as_posix() for n in ("forums.txt", "nometne.txt")}
    people = p.facts.people(
        place=None, org=None, person="Ilze Kalniņa", date_from=None, date_to=None
    )
    assert people and people[0].mentions[0].doc == (home / "docs" / "nometne.txt").as_posix()


def test_legacy_paths_resolve_against_the_folder_they_were_indexed_from(
    home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = tmp_path / "idx"
    monkeypatch.chdir(home)
    _pipeline(index).build_index([Path("docs")])
    _make_legacy(index, home)
    (home / "docs" / "forums.txt").write_text(FORUMS + "\nPapildu teikums par Grobiņu.\n")
    report = _pipeline(index).build_index([Path("docs/forums.txt")])
    # forums.txt changed: it is re-read under its new identity; nometne.txt is moved by hash
    assert [Path(c).name for c in report.changed] == ["forums.txt"]
    assert not report.added and not report.removed
    assert _pipeline(index).stats().documents == 2


def test_no_documents_and_no_index_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    p = Pipeline(Settings(index=Path("embeddings"), corpus=Path("corpus")))
    with pytest.raises(NoDocumentsError, match=str(tmp_path / "corpus")):
        p.build_index(None)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", [["ask", "Kas rīkoja nometni?"], ["search", "nometne"]])
def test_ask_without_index_or_corpus_says_where_it_looked(
    command: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, command)
    assert result.exit_code != 0
    assert "no documents" in result.output and str(tmp_path / "corpus") in result.output
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []
    stats = CliRunner().invoke(cli, ["stats"])
    assert stats.exit_code != 0 and "no index" in stats.output


def test_unreadable_files_only_write_no_index(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "tukss.txt").write_bytes(b"")
    p = Pipeline(Settings(index=tmp_path / "idx", corpus=docs))
    report = p.build_index([docs])
    assert [f.reason for f in report.failed] == ["is empty"]
    assert not p.index_exists()
    assert any("no index was written" in n for n in report.notes)


def test_symlink_loop_and_dangling_link_are_skipped_by_name(home: Path, tmp_path: Path) -> None:
    docs = home / "docs"
    os.symlink("cilpa-b.txt", docs / "cilpa-a.txt")
    os.symlink("cilpa-a.txt", docs / "cilpa-b.txt")
    os.symlink("nav-tada.txt", docs / "salauzta.txt")
    os.symlink(".", docs / "apli")  # a folder that contains itself
    os.symlink(docs / "forums.txt", docs / "saite.txt")  # a good link is read
    p = Pipeline(Settings(index=tmp_path / "idx", corpus=docs))
    report = p.build_index([docs])
    reasons = {Path(f.path).name: f.reason for f in report.failed}
    assert set(reasons) == {"cilpa-a.txt", "cilpa-b.txt", "salauzta.txt"}
    assert "loop" in reasons["cilpa-a.txt"]
    assert "nav-tada.txt" in reasons["salauzta.txt"] and "does not exist" in reasons["salauzta.txt"]
    assert sorted(Path(a).name for a in report.added) == ["forums.txt", "nometne.txt", "saite.txt"]
    # a link named on the command line is reported the same way
    loop = p.build_index([docs / "cilpa-a.txt"])
    assert [Path(f.path).name for f in loop.failed] == ["cilpa-a.txt"]
    assert "loop" in loop.failed[0].reason


def test_file_names_with_newlines_are_printed_escaped(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "labs.txt").write_text(NOMETNE, encoding="utf-8")
    (docs / "slikts\nvārds.txt").write_bytes(b"")
    (docs / "zvans\x07.txt").write_bytes(b"")
    result = CliRunner().invoke(cli, ["--index", str(tmp_path / "idx"), "index", str(docs)])
    assert result.exit_code == 1
    skipped = [line for line in result.output.splitlines() if line.startswith("skipped")]
    assert len(skipped) == 2
    assert any("slikts\\nvārds.txt: is empty" in line for line in skipped)
    assert any("zvans\\x07.txt: is empty" in line for line in skipped)
    assert "\x07" not in result.output


def test_file_names_that_are_not_utf8_are_indexed(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    name = os.fsdecode(b"caf\xe9.txt")  # Latin-1 bytes in a file name
    (docs / name).write_text(NOMETNE, encoding="utf-8")
    p = Pipeline(Settings(index=tmp_path / "idx", corpus=docs))
    report = p.build_index([docs])
    assert len(report.added) == 1 and not report.failed
    assert report.added[0].endswith("caf\\xe9.txt")
    assert not p.build_index([docs]).modified  # the same identity next time
