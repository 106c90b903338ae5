"""`youthbot eval`: every mode and backend scored over the same questions in one run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from youthbot.cli import cli
from youthbot.errors import InputError
from youthbot.evaluate import gold_rank, load_questions

CORPUS = Path(__file__).resolve().parents[1] / "corpus"

QUESTIONS = [
    {
        "id": "a",
        "type": "who",
        "q": "Kas sagatavoja informāciju par pieredzes apmaiņu Ventspilī?",
        "gold": "Projekta vadītāja Zane Meldrāja",
        "answer_any": ["Meldrāja"],
    },
    {
        "id": "b",
        "type": "en",
        "q": "Who funds the Cross sectorial cooperation in Youth Work project?",
        "gold": "Eiropas Komisijas",
        "answer_any": ["Eiropas Komisijas"],
    },
    {
        "id": "c",
        "type": "none",
        "q": "Kas uzvarēja basketbola turnīrā Daugavpilī 2019. gadā?",
        "gold": None,
        "answer_any": [],
    },
]


def test_eval_scores_every_mode_in_one_run(tmp_path: Path) -> None:
    path = tmp_path / "q.jsonl"
    path.write_text("\n".join(json.dumps(q, ensure_ascii=False) for q in QUESTIONS), "utf-8")
    result = CliRunner().invoke(
        cli,
        [
            "eval",
            str(path),
            "--json",
            "--model",
            "multilingual-e5-small",
            "--corpus",
            str(CORPUS),
            "--index",
            str(tmp_path / "idx"),
        ],
    )
    assert result.exit_code == 0, result.output
    runs = json.loads(result.stdout)
    assert [r["mode"] for r in runs] == ["dense", "lexical", "hybrid"]
    hybrid = runs[-1]
    assert hybrid["overall"]["hit@5"] == 1.0
    assert hybrid["overall"]["answer_acc"] == 1.0
    assert hybrid["overall"]["no_answer_acc"] == 1.0
    assert set(hybrid["by_type"]) == {"who", "en", "none"}


def test_gold_rank_folds_whitespace() -> None:
    assert gold_rank(["a b", "x  Zane\nMeldrāja y"], "Zane Meldrāja") == 2
    assert gold_rank(["a"], None) is None


def test_bad_question_file_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "q.jsonl"
    path.write_text('{"id": "a", "q": "x"}\nnot json\n', "utf-8")
    with pytest.raises(InputError, match=r"q.jsonl:2"):
        load_questions(path)
