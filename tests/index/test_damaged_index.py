"""A damaged index: each kind of damage is one line naming the file, and the index is kept.

``DAMAGE`` is the table: a copy of the session's real index (real SQLite, FAISS and BM25
files) is damaged one way per row, then the real CLI runs on it. A new kind of damage is one
row.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from youthbot.cli import cli

ARTICLE = (
    "Jauniešu centrs Ventspilī rīkoja vasaras nometni. Nometnē piedalījās trīsdesmit jaunieši "
    "no Kurzemes novadiem.\n\nNometni vadīja jaunatnes darbiniece Ilze Kalniņa.\n"
)
#: What a damaged vector or lexical part says: `index` rebuilds it from what is stored.
REPAIR = "`youthbot index` repairs it"
REBUILD = "youthbot index --rebuild"
ALL = ("search", "ask", "stats", "people", "index")


def _live(index: Path) -> Path:
    return index / (index / "CURRENT").read_text().strip()


def _overwrite(path: Path, at: float, data: bytes) -> None:
    with open(path, "r+b") as f:
        f.seek(int(path.stat().st_size * at))
        f.write(data)


def _truncate_db(index: Path) -> None:
    db = _live(index) / "index.sqlite"
    os.truncate(db, db.stat().st_size // 3)


def _bad_header(index: Path) -> None:
    _overwrite(_live(index) / "index.sqlite", 0, b"not a database, not at all")


def _garbage_mid_file(index: Path) -> None:
    _overwrite(_live(index) / "index.sqlite", 0.5, bytes(range(256)) * 160)


def _current_not_utf8(index: Path) -> None:
    (index / "CURRENT").write_bytes(_live(index).name.encode() + b"\xff\xfe\n")


def _current_a_directory(index: Path) -> None:
    (index / "CURRENT").unlink()
    (index / "CURRENT").mkdir()


def _lock_a_directory(index: Path) -> None:
    (index / ".build.lock").unlink(missing_ok=True)
    (index / ".build.lock").mkdir()


def _ids_shortened(index: Path) -> None:
    """The lexical row list, still a valid array, with its last rows gone."""
    import numpy as np

    ids = _live(index) / "lexical.json.ids"
    rows = np.load(ids)
    with open(ids, "wb") as f:
        np.save(f, rows[:-3], allow_pickle=False)


def _ids_cut(index: Path) -> None:
    ids = _live(index) / "lexical.json"
    os.truncate(ids, ids.stat().st_size // 2)


def _sessions_garbage(index: Path) -> None:
    (index / "sessions.sqlite").write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 20)


@dataclass(frozen=True)
class Damage:
    """One way to damage an index: what to do, which commands must refuse it, what the
    line names, and whether ``index --rebuild`` is the way out."""

    damage: Callable[[Path], None]
    refused_by: tuple[str, ...]
    says: tuple[str, ...]
    rebuild_fixes: bool = True


DAMAGE: dict[str, Damage] = {
    "truncated index.sqlite": Damage(_truncate_db, ALL, ("index.sqlite", REBUILD)),
    "bad header": Damage(_bad_header, ALL, ("index.sqlite", REBUILD)),
    "garbage mid-file": Damage(_garbage_mid_file, ALL, ("index.sqlite", REBUILD)),
    "CURRENT not UTF-8": Damage(_current_not_utf8, ALL, ("CURRENT", "UTF-8", REBUILD)),
    "CURRENT a directory": Damage(
        _current_a_directory, ALL, ("CURRENT", "is a directory", "move it"), False
    ),
    ".build.lock a directory": Damage(
        _lock_a_directory, ("index",), (".build.lock", "is a directory", "move it"), False
    ),
    "shortened lexical row list": Damage(_ids_shortened, ALL[:-1], ("lexical", REPAIR)),
    "cut lexical.json": Damage(_ids_cut, ALL[:-1], ("lexical", REPAIR)),
    "garbage sessions.sqlite": Damage(
        _sessions_garbage, ("ask",), ("sessions.sqlite", "move the file away"), False
    ),
}


def _args(command: str, corpus: Path) -> list[str]:
    return {
        "search": ["search", "nometne Ventspilī"],
        "ask": ["ask", "Kas vadīja nometni?", "--session", "darbs"],
        "stats": ["stats"],
        "people": ["people"],
        "index": ["index", str(corpus)],
    }[command]


def _tree(root: Path) -> dict[str, str]:
    """Every file under ``root`` with a hash of its bytes (directories as such)."""
    out = {}
    for path in sorted(root.rglob("*")):
        rel = str(path.relative_to(root))
        out[rel] = "dir" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
    return out


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A one-article corpus (what ``index`` and ``--rebuild`` read in these tests)."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "nometne.txt").write_text(ARTICLE, encoding="utf-8")
    return docs


@pytest.fixture
def damaged(request: pytest.FixtureRequest, built_index: Path, tmp_path: Path) -> Path:
    """A copy of the session's index, damaged the way ``request.param`` names."""
    index = tmp_path / "embeddings"
    shutil.copytree(built_index, index)
    DAMAGE[request.param].damage(index)
    return index


def _run(index: Path, args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["--index", str(index), *args])
    return result.exit_code, result.output


@pytest.mark.parametrize("damaged", list(DAMAGE), indirect=True)
@pytest.mark.parametrize("command", ALL)
def test_damage_is_one_line_and_the_index_is_kept(
    damaged: Path, command: str, corpus: Path, request: pytest.FixtureRequest
) -> None:
    kind = DAMAGE[request.node.callspec.params["damaged"]]
    before = _tree(damaged)
    code, output = _run(damaged, _args(command, corpus))
    if command not in kind.refused_by:
        assert "Traceback" not in output and code == 0, output
        return
    lines = [line for line in output.splitlines() if line.strip()]
    assert code == 1, output
    assert len(lines) == 1 and lines[0].startswith("Error: "), output
    for words in kind.says:
        assert words in lines[0], lines[0]
    assert _tree(damaged) == before  # nothing of the index was changed or deleted


@pytest.mark.parametrize(
    "damaged", [name for name, d in DAMAGE.items() if d.rebuild_fixes], indirect=True
)
def test_rebuild_starts_fresh_whatever_the_damage(damaged: Path, corpus: Path) -> None:
    broken = {p.name for p in damaged.glob("gen-*")}
    code, output = _run(damaged, ["index", "--rebuild", str(corpus)])
    assert code == 0, output
    assert "1 added" in output
    live = _live(damaged)
    assert live.name not in broken
    # the damaged generation is swept only now that the new one is live
    assert {p.name for p in damaged.glob("gen-*")} == {live.name}
    code, output = _run(damaged, ["search", "nometne Ventspilī", "--mode", "lexical"])
    assert code == 0 and "nometne.txt" in output, output


def test_a_database_changed_since_its_build_is_checked_again(built_index: Path, tmp_path: Path):
    """The whole-file check is skipped only for a database exactly as its build left it."""
    from youthbot.index.guard import CHECKED_NAME, stamp_checked

    index = tmp_path / "embeddings"
    shutil.copytree(built_index, index)
    db = _live(index) / "index.sqlite"
    assert (db.parent / CHECKED_NAME).is_file()  # the build stamped what it wrote
    stamp_checked(db)  # as if this copy were the build's own file
    assert _run(index, ["stats"])[0] == 0
    _garbage_mid_file(index)  # same size, changed since the stamp
    code, output = _run(index, ["stats"])
    assert code == 1 and "index.sqlite is damaged" in output, output
