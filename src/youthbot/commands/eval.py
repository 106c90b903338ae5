"""`youthbot eval`: retrieval and answer metrics for each mode and each installed backend."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import click

from youthbot.commands.options import verbose_option


@click.command("eval")
@click.argument("questions_file", type=click.Path(path_type=Path, dir_okay=False))
@click.option(
    "--index",
    "index_dir",
    type=click.Path(path_type=Path, file_okay=False),
    help="Where the per-backend indexes are kept (default: a temporary directory).",
)
@click.option(
    "--corpus",
    type=click.Path(path_type=Path, file_okay=False),
    help="Documents to index (default: the configured corpus).",
)
@click.option(
    "--model",
    "models",
    multiple=True,
    help="Backend/model to evaluate (repeatable; default: every bundled one).",
)
@click.option(
    "--mode",
    "modes",
    multiple=True,
    type=click.Choice(["dense", "lexical", "hybrid"]),
    help="Retrieval mode (repeatable; default: all three).",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@verbose_option
@click.pass_obj
def eval_command(
    state: Any,
    questions_file: Path,
    index_dir: Path | None,
    corpus: Path | None,
    models: tuple[str, ...],
    modes: tuple[str, ...],
    as_json: bool,
) -> None:
    """Score QUESTIONS_FILE (JSONL): hit@1, hit@5, MRR, answer and no-answer accuracy.

    Every mode and every backend run in one go over the same questions, so the rows compare.
    Totals come first, then a table per backend and mode with the figures of each question
    type (who, when, where, how, en, para, none, …) and how many of each were right.
    """
    from youthbot.config import load_settings
    from youthbot.embed import installed_backends
    from youthbot.evaluate import evaluate, load_questions
    from youthbot.pipeline import Pipeline

    questions = load_questions(questions_file)
    base = state.settings
    corpus = corpus or base.corpus
    models = models or tuple(installed_backends())
    modes = modes or ("dense", "lexical", "hybrid")
    with tempfile.TemporaryDirectory(prefix="youthbot-eval-") as tmp:
        root = index_dir or Path(tmp)
        results = []
        for model in models:
            slug = "".join(ch if ch.isalnum() else "-" for ch in model.lower()).strip("-")
            settings = load_settings(
                index=root / slug, corpus=corpus, model=model, threads=base.threads
            )
            settings.llm_url = None  # extractive answers: the eval measures retrieval
            pipeline = Pipeline(settings)
            try:
                pipeline.build_index([Path(corpus)])
                results.extend(evaluate(pipeline, questions, modes, model))  # type: ignore[arg-type]
            finally:
                pipeline.close()
    if as_json:
        click.echo(json.dumps([r.to_dict() for r in results], ensure_ascii=False))
        return
    _print_tables(results)


def _print_tables(results: list[Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    def fmt(v: float | int | None) -> str:
        return "–" if v is None else (f"{v:.2f}" if isinstance(v, float) else str(v))

    console = Console(width=None if Console().is_terminal else 140)
    cols = ["hit@1", "hit@5", "mrr", "answer_acc", "no_answer_acc"]
    table = Table(title="Overall")
    for c in ["backend", "mode", "n", *cols]:
        table.add_column(c)
    for r in results:
        s = r.summary()
        table.add_row(r.backend, r.mode, str(s["n"]), *(fmt(s[c]) for c in cols))
    console.print(table)
    for r in results:
        console.print(_by_type_table(r, fmt))


#: Question types in the order the tables list them (others follow, sorted).
TYPE_ORDER = ("who", "when", "where", "how", "en", "para", "none")


def _by_type_table(result: Any, fmt: Any) -> Any:
    """One row per question type: counts, retrieval and answer figures."""
    from rich.table import Table

    present = {o.type for o in result.outcomes}
    kinds = [k for k in TYPE_ORDER if k in present] + sorted(present - set(TYPE_ORDER))
    table = Table(title=f"By question type — {result.backend}, {result.mode}")
    for c in ["type", "n", "hit@1", "hit@5", "mrr", "answer_acc", "no_answer_acc", "right"]:
        table.add_column(c)
    for k in [*kinds, None]:
        s = result.summary(k)
        rows = [o for o in result.outcomes if k is None or o.type == k]
        right = sum(1 for o in rows if o.correct)
        table.add_row(
            k or "all",
            str(s["n"]),
            *(fmt(s[c]) for c in ("hit@1", "hit@5", "mrr", "answer_acc", "no_answer_acc")),
            f"{right}/{len(rows)}",
        )
    return table
