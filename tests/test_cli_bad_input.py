"""Bad input at the command line: one line on stderr and a non-zero exit, never a traceback."""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from youthbot.cli import cli
from youthbot.config import Settings
from youthbot.index.layout import IndexLayout
from youthbot.pipeline import Pipeline

YOUTHBOT = str(Path(sys.executable).parent / "youthbot")

ARTICLE = (
    "Jauniešu centrs Ventspilī rīkoja vasaras nometni. Nometnē piedalījās trīsdesmit jaunieši "
    "no Kurzemes novadiem.\n\nNometni vadīja jaunatnes darbiniece Ilze Kalniņa.\n"
)


@pytest.fixture
def small_index(tmp_path: Path) -> tuple[Path, Path]:
    """(index directory, corpus) of one short article."""
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "nometne.txt").write_text(ARTICLE, encoding="utf-8")
    index = tmp_path / "idx"
    p = Pipeline(Settings(index=index, corpus=docs))
    p.build_index([docs])
    p.close()
    return index, docs


def _one_error_line(stderr: str) -> str:
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert "Traceback" not in stderr
    errors = [line for line in lines if line.startswith("Error:")]
    assert len(errors) == 1, stderr
    return errors[0]


def test_full_disk_during_a_build_is_one_line_and_keeps_the_index(
    small_index: tuple[Path, Path],
) -> None:
    index, docs = small_index
    live = IndexLayout(index).current()
    assert live is not None
    db_size = (live / "index.sqlite").stat().st_size
    sentences = [
        f"Jauniešu centrs {n}. reizi rīkoja semināru par brīvprātīgo darbu Kurzemē."
        for n in range(300)
    ]
    (docs / "liels.txt").write_text(" ".join(sentences), encoding="utf-8")

    def small_files() -> None:  # no file may grow past the current database plus a little
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        limit = db_size + 16 * 1024
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    env = {k: v for k, v in os.environ.items() if not k.startswith("YOUTHBOT_")}
    done = subprocess.run(
        [YOUTHBOT, "--index", str(index), "index", str(docs)],
        capture_output=True,
        text=True,
        preexec_fn=small_files,
        env=env,
        timeout=300,
    )
    assert done.returncode == 1, done.stderr
    line = _one_error_line(done.stderr)
    assert "could not write the new index" in line and "previous index is kept" in line
    p = Pipeline(Settings(index=index, corpus=docs))
    assert IndexLayout(index).current() == live
    assert p.stats().documents == 1
    assert p.search("vasaras nometne", 1, "lexical")
    assert not list(index.glob("*.building"))


def test_ask_json_stdin_with_bytes_that_are_not_utf8(built_index: Path) -> None:
    questions = (
        "Kur atrodas Zinātnes centrs Vizium?\n".encode()
        + b"Kas organiz\xe7ja tik\xf0anos?\n"  # Windows-1257 bytes, not UTF-8
        + "Kas finansē projektu?\n".encode()
    )
    result = CliRunner().invoke(
        cli, ["--index", str(built_index), "ask", "--json", "-"], input=questions
    )
    objects = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(objects) == 3
    assert objects[0]["question"].startswith("Kur atrodas") and "answer" in objects[0]
    assert "not UTF-8" in objects[1]["error"] and objects[1]["line"] == 2
    assert objects[2]["question"] == "Kas finansē projektu?" and "answer" in objects[2]
    assert result.exit_code == 1
    assert "Traceback" not in result.output


def test_question_in_argv_that_is_not_utf8(built_index: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("YOUTHBOT_")}
    done = subprocess.run(
        [YOUTHBOT, "--index", str(built_index), "ask", b"Kas \xe7?"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode != 0
    assert "not UTF-8" in _one_error_line(done.stderr)


# -- settings and options ------------------------------------------------------------------


def test_config_file_that_is_not_utf8(
    built_index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.toml"
    config.write_bytes('corpus = "dokumenti/jaunieši"\n'.encode("cp1257"))
    monkeypatch.setenv("YOUTHBOT_CONFIG", str(config))
    result = CliRunner().invoke(cli, ["--index", str(built_index), "stats"])
    assert result.exit_code == 1
    line = _one_error_line(result.output)
    assert str(config) in line and "not UTF-8" in line


def test_unknown_config_keys_are_named(
    built_index: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('llm_ulr = "http://127.0.0.1:9/v1"\ntop_k = 3\n', encoding="utf-8")
    monkeypatch.setenv("YOUTHBOT_CONFIG", str(config))
    result = CliRunner().invoke(cli, ["--index", str(built_index), "stats"])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if "llm_ulr" in line]
    assert len(warnings) == 1 and str(config) in warnings[0] and "unknown" in warnings[0]
    assert "top_k" not in result.stderr


def test_negative_threads_are_refused(built_index: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("YOUTHBOT_THREADS", "-5")
    result = CliRunner().invoke(cli, ["--index", str(built_index), "stats"])
    assert result.exit_code == 1
    assert "threads" in _one_error_line(result.output)


@pytest.mark.parametrize("command", [["search", "nometne"], ["index"]])
def test_model_that_does_not_exist_says_it_cannot_be_loaded(
    command: list[str], small_index: tuple[Path, Path]
) -> None:
    index, docs = small_index
    args = ["--index", str(index), "--corpus", str(docs), "--model", "nav/tada-modela", *command]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    line = _one_error_line(result.output)
    assert "nav/tada-modela" in line and "could not load" in line
    assert "--rebuild" not in line


@pytest.mark.parametrize("value", ["2025-13", "2025-02-30", "2025-00", "20x5"])
def test_impossible_dates_are_refused(value: str, built_index: Path) -> None:
    result = CliRunner().invoke(cli, ["--index", str(built_index), "events", "--from", value])
    assert result.exit_code == 2
    assert "--from" in result.output and value in result.output
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", ["people", "orgs", "events", "projects", "stats", "search"])
def test_global_options_after_the_command_name(
    command: str, small_index: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index, docs = small_index
    monkeypatch.chdir(tmp_path)  # no embeddings/ or corpus/ here: the options must be used
    extra = ["vasaras nometne"] if command == "search" else []
    args = [command, *extra, "--index", str(index), "--model", "multilingual-e5-small"]
    result = CliRunner().invoke(cli, [*args, "--corpus", str(docs), "-v", "--json"])
    assert result.exit_code == 0, result.output
    json.loads(result.stdout)


def test_question_longer_than_the_limit(built_index: Path) -> None:
    question = "Kas rīkoja jauniešu nometni Ventspilī? " * 200
    result = CliRunner().invoke(cli, ["--index", str(built_index), "ask", question])
    assert result.exit_code == 1
    line = _one_error_line(result.output)
    assert "characters long" in line and "1000" in line


def test_progress_lines_when_stderr_is_not_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import youthbot.cli

    monkeypatch.setattr(youthbot.cli, "PROGRESS_EVERY_S", 0.01)
    docs = tmp_path / "docs"
    docs.mkdir()
    sentences = [
        f"Jaunieši {n}. nometnē Ventspilī apguva laivošanu un peldēšanu." for n in range(60)
    ]
    (docs / "garš.txt").write_text(" ".join(sentences), encoding="utf-8")
    result = CliRunner().invoke(cli, ["--index", str(tmp_path / "idx"), "index", str(docs)])
    assert result.exit_code == 0, result.output
    progress = [line for line in result.stderr.splitlines() if line.startswith("… ")]
    assert progress, result.stderr
    # the model embeds the sentences in one step: the ticking goes on meanwhile, naming the file
    assert any("garš.txt" in line for line in progress), progress
