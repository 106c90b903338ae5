"""The command line: the JSON contract, bad input, exit status, no tracebacks."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from youthbot.cli import cli

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.fixture
def run(built_index: Path):
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None, index: Path | None = None):
        return runner.invoke(
            cli, ["--index", str(index or built_index), "--corpus", str(CORPUS), *args], input=input
        )

    return invoke


def test_help_lists_the_commands() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for command in ("index", "search", "ask", "stats", "chat", "eval", "people", "events"):
        assert command in result.output


def test_ask_json_contract(run) -> None:
    result = run("ask", "Kas sagatavoja informāciju par pieredzes apmaiņu Ventspilī?", "--json")
    assert result.exit_code == 0, result.output
    answer = json.loads(result.stdout)
    assert set(answer) >= {"question", "answered", "answer", "mode", "citations", "passages"}
    assert answer["answered"] is True and answer["mode"] == "extractive"
    assert "Meldrāja" in answer["answer"]
    assert "[1]" in answer["answer"]
    for c in answer["citations"]:
        assert set(c) >= {"n", "doc", "title", "chunk", "start", "end", "quote"}
        text = (CORPUS / Path(c["doc"]).name).read_text(encoding="utf-8")
        assert text[c["start"] : c["end"]] == c["quote"]  # offsets point into the source
    for rank, p in enumerate(answer["passages"], start=1):
        assert p["rank"] == rank
        assert set(p) >= {"doc", "title", "chunk", "start", "end", "score", "text"}


def test_ask_reads_questions_from_stdin_as_json_lines(run) -> None:
    result = run(
        "ask",
        "--json",
        "-",
        input="Kur atrodas Zinātnes centrs Vizium?\n\n"
        "Who funds the Cross sectorial cooperation in Youth Work project?\n",
    )
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 2
    assert lines[0]["question"].startswith("Kur atrodas")
    assert "Eiropas Komisijas" in lines[1]["answer"]


def test_unanswerable_question_says_so_in_its_language(run) -> None:
    result = run("ask", "Kas organizēja jauniešu sporta spēles Jelgavā 2021. gadā?", "--json")
    answer = json.loads(result.stdout)
    assert answer["answered"] is False
    assert answer["citations"] == []
    assert answer["answer"].startswith("Dokumentos neatradu")
    assert answer["passages"]  # the closest passages are still shown
    english = json.loads(
        run("ask", "Who won the football cup in Jelgava in 2019?", "--json").stdout
    )
    assert english["answered"] is False and english["answer"].startswith("I found no answer")


def test_plain_answer_shows_sources(run) -> None:
    result = run("ask", "Kas stāstīja par darba specifiku Liepājas Jauniešu mājā?")
    assert result.exit_code == 0
    assert "Avoti:" in result.output and "[1]" in result.output
    assert "Medne-Strazda" in result.output


@pytest.mark.parametrize("question", ["", "   \t "])
def test_empty_question_is_one_clear_line(run, question: str) -> None:
    result = run("ask", question)
    assert result.exit_code != 0
    assert "question is empty" in result.output
    assert "Traceback" not in result.output


def test_search_json(run) -> None:
    result = run("search", "jauniesu maja Liepaja", "-k", "3", "--json")
    data = json.loads(result.stdout)
    assert data["query"] == "jauniesu maja Liepaja"
    assert 1 <= len(data["passages"]) <= 3
    assert "Liepāj" in data["passages"][0]["text"]


def test_search_modes(run) -> None:
    for mode in ("dense", "lexical", "hybrid"):
        result = run("search", "Ventspilī", "--mode", mode, "--json")
        assert result.exit_code == 0
        assert json.loads(result.stdout)["passages"]


def test_stats(run) -> None:
    result = run("stats", "--json")
    info = json.loads(result.stdout)
    assert info["documents"] == 5 and info["chunks"] > 5
    assert info["model"] == "intfloat/multilingual-e5-small"


def test_index_reports_failures_and_exit_status(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(CORPUS / "2023-11-ogre-erasmus-lietuva.txt", docs)
    (docs / "scan.pdf").write_bytes(b"not a pdf at all")
    runner = CliRunner()
    result = runner.invoke(cli, ["--index", str(tmp_path / "idx"), "index", str(docs)])
    assert result.exit_code == 1
    assert "scan.pdf: is not a valid PDF" in result.output
    assert "1 added" in result.output
    assert "Traceback" not in result.output
    ok = runner.invoke(
        cli,
        ["--index", str(tmp_path / "idx"), "index", str(docs / "2023-11-ogre-erasmus-lietuva.txt")],
    )
    assert ok.exit_code == 0 and "1 unchanged" in ok.output


def test_ask_builds_a_missing_index_first(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(CORPUS / "proti-un-dari-ogre-jauniesi-no-ukrainas.txt", docs)
    result = CliRunner().invoke(
        cli,
        [
            "--index",
            str(tmp_path / "idx"),
            "--corpus",
            str(docs),
            "ask",
            "Kas finansē projektu PROTI un DARI 2.0?",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "building it" in result.stderr
    assert "Eiropas Sociālā fonda" in json.loads(result.stdout)["answer"]


def test_mismatched_index_is_one_line_without_traceback(built_index: Path) -> None:
    result = CliRunner().invoke(
        cli, ["--index", str(built_index), "--model", "all-MiniLM-L6-v2", "search", "Liepāja"]
    )
    assert result.exit_code == 1
    assert "rebuild" in result.output and "Traceback" not in result.output


@pytest.mark.parametrize(
    ("content", "message"),
    [('llm_url = "http://x\n', "is not valid TOML"), ('top_k = "many"\n', "setting top_k")],
)
def test_bad_config_file_is_one_line(tmp_path: Path, monkeypatch, content: str, message: str):
    config = tmp_path / "config.toml"
    config.write_text(content, encoding="utf-8")
    monkeypatch.setenv("YOUTHBOT_CONFIG", str(config))
    result = CliRunner().invoke(cli, ["--index", str(tmp_path / "idx"), "stats"])
    assert result.exit_code == 1
    assert message in result.output and "Traceback" not in result.output


def test_config_file_settings_are_read(tmp_path: Path, monkeypatch, built_index: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f'index = "{built_index}"\ntop_k = 2\n', encoding="utf-8")
    monkeypatch.setenv("YOUTHBOT_CONFIG", str(config))
    result = CliRunner().invoke(cli, ["ask", "Kas notika Ventspilī?", "--json"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["passages"]) == 2
