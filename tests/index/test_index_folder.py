"""Whose folder the index directory is: youthbot never writes into or sweeps a folder that is
not its own, and an index made before the marker existed keeps working."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from youthbot.cli import cli

ARTICLE = (
    "Jauniešu centrs Ventspilī rīkoja vasaras nometni. Nometnē piedalījās trīsdesmit jaunieši "
    "no Kurzemes novadiem.\n\nNometni vadīja jaunatnes darbiniece Ilze Kalniņa.\n"
)
MARKER = ".youthbot-index"


def _tree(root: Path) -> dict[str, str]:
    out = {}
    for path in sorted(root.rglob("*")):
        rel = str(path.relative_to(root))
        out[rel] = "dir" if path.is_dir() else hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def _one_error(output: str) -> str:
    lines = [line for line in output.splitlines() if line.strip()]
    assert "Traceback" not in output
    assert len(lines) == 1 and lines[0].startswith("Error: "), output
    return lines[0]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "nometne.txt").write_text(ARTICLE, encoding="utf-8")
    return docs


@pytest.fixture
def users_folder(tmp_path: Path) -> Path:
    """A folder of the user's own: photos in ``gen-*`` folders (the sweep's old prey) and a
    dotfile, as a home directory has."""
    folder = tmp_path / "mine"
    for name in ("gen-2023-vasara", "gen-2024-ziema"):
        (folder / name).mkdir(parents=True)
        (folder / name / "foto.jpg").write_bytes(b"\xff\xd8\xff\xe0 jpeg")
    (folder / ".bashrc").write_text("export PS1='$ '\n")
    return folder


@pytest.mark.parametrize("command", ["index", "ask"])
@pytest.mark.parametrize("given", ["--index DIR", "YOUTHBOT_INDEX=DIR", "YOUTHBOT_INDEX=~", "."])
def test_a_folder_that_is_not_youthbots_is_refused_and_untouched(
    given: str,
    command: str,
    users_folder: Path,
    corpus: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(users_folder if given == "." else work)
    monkeypatch.setenv("HOME", str(users_folder))
    options = ["--corpus", str(corpus)]
    if given == "--index DIR":
        options += ["--index", str(users_folder)]
    else:
        value = {"YOUTHBOT_INDEX=DIR": str(users_folder), "YOUTHBOT_INDEX=~": "~", ".": "."}
        monkeypatch.setenv("YOUTHBOT_INDEX", value[given])
    args = ["index", str(corpus)] if command == "index" else ["ask", "Kas vadīja nometni?"]
    before = _tree(users_folder)

    result = CliRunner().invoke(cli, [*options, *args])

    assert result.exit_code == 1, result.output
    line = _one_error(result.output)
    assert "is not a youthbot index folder" in line and "nothing was written" in line
    assert str(users_folder.resolve()) in line
    assert _tree(users_folder) == before
    assert os.listdir(work) == []


def test_serve_refuses_a_folder_that_is_not_youthbots(users_folder: Path) -> None:
    before = _tree(users_folder)
    result = CliRunner().invoke(cli, ["serve", "--index", str(users_folder)])
    assert result.exit_code == 1, result.output
    assert "is not a youthbot index folder" in _one_error(result.output)
    assert _tree(users_folder) == before


def test_the_filesystem_root_is_refused(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = sorted(os.listdir("/"))
    monkeypatch.setenv("YOUTHBOT_INDEX", "/")
    result = CliRunner().invoke(cli, ["index", str(corpus)])
    assert result.exit_code == 1, result.output
    assert "/ is not a youthbot index folder" in _one_error(result.output)
    assert sorted(os.listdir("/")) == before


def test_an_empty_index_setting_is_an_error(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("YOUTHBOT_INDEX", "")
    result = CliRunner().invoke(cli, ["--corpus", str(corpus), "ask", "Kas vadīja nometni?"])
    assert result.exit_code == 1, result.output
    assert "index: is empty" in _one_error(result.output)
    assert os.listdir(work) == []


@pytest.mark.parametrize("where", ["before", "after"])
def test_an_empty_index_option_is_an_error(
    where: str, corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    ask = ["ask", "Kas vadīja nometni?"]
    args = ["--index", "", *ask] if where == "before" else [*ask, "--index", ""]
    result = CliRunner().invoke(cli, ["--corpus", str(corpus), *args])
    assert result.exit_code == 2, result.output
    assert "Invalid value for '--index': is empty" in result.output
    assert os.listdir(work) == []


def test_an_empty_folder_becomes_an_index(corpus: Path, tmp_path: Path) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    result = CliRunner().invoke(cli, ["--index", str(folder), "index", str(corpus)])
    assert result.exit_code == 0, result.output
    assert (folder / MARKER).is_file() and (folder / "CURRENT").is_file()


def _older_index(built_index: Path, tmp_path: Path) -> Path:
    """An index as youthbot made it before the marker: CURRENT, generations, no marker."""
    index = tmp_path / "embeddings"
    shutil.copytree(built_index, index)
    (index / MARKER).unlink(missing_ok=True)
    return index


def test_an_index_made_before_the_marker_is_adopted(
    built_index: Path, corpus: Path, tmp_path: Path
) -> None:
    index = _older_index(built_index, tmp_path)
    old_live = (index / "CURRENT").read_text().strip()
    (index / "gen-piezimes").mkdir()  # the user's folder, put there later
    (index / "gen-piezimes" / "teksts.txt").write_text("Manas piezīmes.\n")

    result = CliRunner().invoke(cli, ["--index", str(index), "index", str(corpus)])

    assert result.exit_code == 0, result.output
    assert "1 added" in result.output
    assert (index / MARKER).is_file()
    live = (index / "CURRENT").read_text().strip()
    assert live != old_live and not (index / old_live).exists()  # youthbot's own: swept
    assert (index / "gen-piezimes" / "teksts.txt").read_text() == "Manas piezīmes.\n"
    search = CliRunner().invoke(cli, ["--index", str(index), "search", "Ogres novads"])
    assert search.exit_code == 0 and "ogre" in search.output.lower(), search.output


def test_an_older_folder_whose_current_names_no_generation_is_refused(
    built_index: Path, corpus: Path, tmp_path: Path
) -> None:
    index = _older_index(built_index, tmp_path)
    (index / "CURRENT").write_text("gen-20000101T000000-1-1\n")  # a generation that is gone
    before = _tree(index)
    result = CliRunner().invoke(cli, ["--index", str(index), "index", str(corpus)])
    assert result.exit_code == 1, result.output
    assert "is not a youthbot index folder" in _one_error(result.output)
    assert _tree(index) == before


def test_only_generations_youthbot_made_are_swept(
    built_index: Path, corpus: Path, tmp_path: Path
) -> None:
    index = tmp_path / "embeddings"
    shutil.copytree(built_index, index)
    old_live = (index / "CURRENT").read_text().strip()
    backup = index / "gen-rezerves-kopija"  # the user's copy of a generation
    shutil.copytree(index / old_live, backup)
    result = CliRunner().invoke(cli, ["--index", str(index), "index", str(corpus)])
    assert result.exit_code == 0, result.output
    assert not (index / old_live).exists()
    assert (backup / "index.sqlite").is_file()
