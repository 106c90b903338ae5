"""Thin commands; the one place typed errors become user text."""

from __future__ import annotations

import json
import logging
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from youthbot import __version__
from youthbot.commands.options import INDEX_DIR
from youthbot.errors import InputError, YouthbotError
from youthbot.ingest.paths import printable

if TYPE_CHECKING:
    from youthbot.config import Settings
    from youthbot.indexing import BuildProgress, IndexReport
    from youthbot.pipeline import Pipeline
    from youthbot.types import Answer, Passage

logger = logging.getLogger(__name__)


class CliState:
    """What every command needs: settings from options and environment, and one pipeline."""

    def __init__(self, overrides: dict[str, Any], verbose: bool) -> None:
        self.overrides = overrides
        self.verbose = verbose
        self._settings: Settings | None = None
        self._pipeline: Pipeline | None = None

    @property
    def settings(self) -> Settings:
        """Settings: options over YOUTHBOT_* variables over the config file."""
        if self._settings is None:
            from pydantic import ValidationError

            from youthbot.config import load_settings

            try:
                self._settings = load_settings(
                    warn=lambda message: click.echo(f"Warning: {message}", err=True),
                    **self.overrides,
                )
            except YouthbotError as exc:
                raise click.ClickException(str(exc)) from None
            except ValidationError as exc:
                first = exc.errors()[0]
                where = ".".join(str(p) for p in first["loc"])
                message = str(first["msg"]).removeprefix("Value error, ")
                raise click.ClickException(f"setting {where}: {message}") from None
        return self._settings

    def pipeline(self, *, build_if_missing: bool = True) -> Pipeline:
        """The pipeline, building the index from the corpus (with a progress bar) if missing."""
        if self._pipeline is None:
            from youthbot.pipeline import Pipeline

            self._pipeline = Pipeline(self.settings)
        if build_if_missing and not self._pipeline.index_exists():
            self._pipeline.layout.check_usable()  # a folder not youthbot's: one line, no build
            click.echo(
                f"No index in {self.settings.index} yet: building it from {self.settings.corpus}/",
                err=True,
            )
            with _progress_bar() as progress:
                report = self._pipeline.build_index(None, progress=progress)
            _print_report(report)
            if not self._pipeline.index_exists():
                raise click.ClickException(
                    f"no index could be built from {self.settings.corpus}/: none of its files"
                    " could be read (see above)"
                )
        return self._pipeline


def _model_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """--index and --model (passed as ``index_dir`` and ``model``), --corpus and -v, accepted
    on the group and on each command."""
    from youthbot.commands.options import INDEX_HELP, MODEL_HELP, hidden_corpus_and_verbose

    f = hidden_corpus_and_verbose(f)
    f = click.option("--model", help=MODEL_HELP)(f)
    f = click.option(
        "--index",
        "index_dir",
        type=INDEX_DIR,
        help=INDEX_HELP,
    )(f)
    return f


def _state(ctx: click.Context, index_dir: Path | None, model: str | None) -> CliState:
    state: CliState = ctx.ensure_object(CliState)
    if index_dir is not None:
        state.overrides["index"] = index_dir
    if model is not None:
        state.overrides["model"] = model
    return state


class _Group(click.Group):
    """Turns youthbot's typed errors into one line on stderr (a traceback only with -v)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except YouthbotError as exc:
            state = ctx.obj
            if isinstance(state, CliState) and state.verbose:
                traceback.print_exc()
            raise click.ClickException(str(exc)) from None


@click.group(cls=_Group, invoke_without_command=True)
@click.option(
    "--index",
    "index_dir",
    type=INDEX_DIR,
    help="Index directory (default: embeddings). [env: YOUTHBOT_INDEX]",
)
@click.option(
    "--model",
    help="Embedding model: multilingual-e5-small (default), all-MiniLM-L6-v2, or any "
    "sentence-transformers name or local path. [env: YOUTHBOT_MODEL]",
)
@click.option(
    "--corpus",
    type=click.Path(path_type=Path, file_okay=False),
    help="Documents indexed when no path is given (default: corpus). [env: YOUTHBOT_CORPUS]",
)
@click.option("-v", "--verbose", is_flag=True, help="Log progress and show tracebacks.")
@click.version_option(__version__, prog_name="youthbot")
@click.pass_context
def cli(
    ctx: click.Context,
    index_dir: Path | None,
    model: str | None,
    corpus: Path | None,
    verbose: bool,
) -> None:
    """Answers about youth-work projects from your documents, with cited sources.

    With no command, opens the chat app.
    """
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    overrides: dict[str, Any] = {"index": index_dir, "model": model, "corpus": corpus}
    ctx.obj = CliState({k: v for k, v in overrides.items() if v is not None}, verbose)
    if ctx.invoked_subcommand is None:
        ctx.invoke(chat)


# -- index ---------------------------------------------------------------------------------
@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option(
    "--rebuild",
    is_flag=True,
    help="Start from empty, never reading the old index (after changing model, or when the"
    " index is damaged).",
)
@click.option(
    "--no-llm",
    is_flag=True,
    help="Extract the directory by rules only, even if an LLM is configured.",
)
@_model_options
@click.pass_context
def index(
    ctx: click.Context,
    paths: tuple[Path, ...],
    rebuild: bool,
    no_llm: bool,
    index_dir: Path | None,
    model: str | None,
) -> None:
    """Index documents (default: the corpus directory); only new or changed files are embedded.

    Reads .txt, .md, .html, .htm, .pdf and .docx files. Exits with status 1 when any file
    could not be read; the others are indexed all the same.
    """
    state = _state(ctx, index_dir, model)
    pipeline = state.pipeline(build_if_missing=False)
    with _progress_bar() as progress:
        report = pipeline.build_index(
            list(paths) or None,
            progress=progress,
            rebuild=rebuild,
            use_llm=False if no_llm else None,
        )
    _print_report(report)
    if report.failed:
        ctx.exit(1)


#: Seconds between progress lines when stderr is not a terminal (a log file, a pipe).
PROGRESS_EVERY_S = 5.0

_STAGE_LABELS = {
    "read": "Reading",
    "embed": "Embedding sentences",
    "write": "Writing index",
}


class _Progress:
    """Build progress on stderr: a bar on a terminal; elsewhere a line every few seconds.

    Off a terminal a line is printed at most every ``PROGRESS_EVERY_S`` seconds, and also
    while one step takes long (a 50 MB file), so a log shows the build is alive. Use it as a
    context manager so the bar or the ticking stops however the build ends.
    """

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        console = Console(stderr=True)
        self.terminal = console.is_terminal
        self._bar = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            console=console,
            transient=True,
            disable=not self.terminal,
        )
        self._tasks: dict[str, Any] = {}
        self._last: BuildProgress | None = None
        self._started = time.monotonic()
        self._printed = self._started
        self._stop = threading.Event()
        self._ticker: threading.Thread | None = None
        self._lock = threading.Lock()

    def __enter__(self) -> _Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __call__(self, p: BuildProgress) -> None:
        if self.terminal:
            if not self._tasks:
                self._bar.start()
            if p.stage not in self._tasks:
                label = _STAGE_LABELS.get(p.stage, p.stage)
                self._tasks[p.stage] = self._bar.add_task(label, total=p.total)
            self._bar.update(self._tasks[p.stage], completed=p.done, total=p.total)
            if p.stage == "write" and p.done == p.total:
                self._bar.stop()
            return
        with self._lock:
            self._last = p
        if self._ticker is None:
            self._ticker = threading.Thread(target=self._tick, daemon=True, name="progress")
            self._ticker.start()
        if time.monotonic() - self._printed >= PROGRESS_EVERY_S:
            self._line()
        if p.stage == "write" and p.done == p.total:
            self.close()

    def _tick(self) -> None:
        while not self._stop.wait(PROGRESS_EVERY_S):
            if time.monotonic() - self._printed >= PROGRESS_EVERY_S:
                self._line()

    def _line(self) -> None:
        from youthbot.ingest.paths import printable

        with self._lock:
            p = self._last
            self._printed = time.monotonic()
        if p is None or self._stop.is_set():
            return
        where = f" {printable(p.path)}" if p.path else ""
        elapsed = self._printed - self._started
        click.echo(
            f"… {_STAGE_LABELS.get(p.stage, p.stage)} {p.done}/{p.total}{where} ({elapsed:.0f} s)",
            err=True,
        )

    def close(self) -> None:
        """Stop the bar or the ticking."""
        self._stop.set()
        if self.terminal and self._tasks:
            self._bar.stop()


def _progress_bar() -> _Progress:
    """The progress reporter for a build (see :class:`_Progress`)."""
    return _Progress()


def _print_report(report: IndexReport) -> None:
    from youthbot.ingest.paths import printable

    for failure in report.failed:
        click.echo(f"skipped {printable(failure.path)}: {printable(failure.reason)}", err=True)
    for note in report.notes:
        click.echo(note, err=True)
    moved = f", {len(report.renamed)} moved" if report.renamed else ""
    click.echo(
        f"{len(report.added)} added, {len(report.changed)} changed, {len(report.removed)} removed,"
        f" {len(report.skipped)} unchanged, {len(report.failed)} failed{moved}"
        f" — {report.documents} documents, {report.chunks} chunks in {report.seconds:.1f} s",
        err=True,
    )


# -- search --------------------------------------------------------------------------------
@cli.command()
@click.argument("query")
@click.option(
    "-k", "k", default=5, show_default=True, type=click.IntRange(1, 100), help="Passages to show."
)
@click.option(
    "--mode",
    type=click.Choice(["hybrid", "dense", "lexical"]),
    default="hybrid",
    show_default=True,
    help="Dense (embeddings), lexical (BM25) or both fused.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@_model_options
@click.pass_context
def search(
    ctx: click.Context,
    query: str,
    k: int,
    mode: str,
    as_json: bool,
    index_dir: Path | None,
    model: str | None,
) -> None:
    """Show the passages that best match QUERY."""
    state = _state(ctx, index_dir, model)
    passages = state.pipeline().search(query, k, mode)  # type: ignore[arg-type]
    if as_json:
        _echo_json({"query": query, "passages": [p.to_dict() for p in passages]})
        return
    if not passages:
        click.echo("No passages found.")
    for p in passages:
        _echo_passage(p)


def _shown(doc: str) -> str:
    """A document key as the user reads it: relative to the working directory when inside it."""
    from youthbot.ingest.paths import shown_path

    return shown_path(doc)


def _echo_passage(p: Passage) -> None:
    click.secho(f"{p.rank}. {p.title}", bold=True, nl=False)
    click.echo(f"  ({_shown(p.chunk.doc)}:{p.chunk.start}-{p.chunk.end}, score {p.score:.3f})")
    click.echo("   " + " ".join(p.chunk.text.split()))
    click.echo()


# -- ask -----------------------------------------------------------------------------------
@cli.command()
@click.argument("question")
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print JSON; with QUESTION '-', read one question per line and print JSON Lines.",
)
@click.option("--no-llm", is_flag=True, help="Answer extractively even if an LLM is configured.")
@click.option("--session", help="Keep this conversation's history, so follow-ups can refer back.")
@click.option(
    "--mode",
    type=click.Choice(["hybrid", "dense", "lexical"]),
    default="hybrid",
    show_default=True,
    help="Retrieval mode.",
)
@_model_options
@click.pass_context
def ask(
    ctx: click.Context,
    question: str,
    as_json: bool,
    no_llm: bool,
    session: str | None,
    mode: str,
    index_dir: Path | None,
    model: str | None,
) -> None:
    """Answer QUESTION with citations (QUESTION '-' reads questions from standard input).

    With '-', each line is one question; a line that cannot be asked (not UTF-8, too long)
    gets one error (with --json, an object {"line", "question", "error"}) and the other
    lines are still answered; the exit status is then 1.
    """
    state = _state(ctx, index_dir, model)
    pipeline = state.pipeline()
    use_llm = False if no_llm else None
    lines = _stdin_questions() if question == "-" else iter([(0, question, None)])
    failed = False
    for number, q, problem in lines:
        try:
            if problem is not None:
                raise InputError(problem)
            answer = pipeline.ask(q, session=session, use_llm=use_llm, mode=mode)  # type: ignore[arg-type]
        except YouthbotError as exc:
            if question != "-":
                raise
            failed = True
            shown = printable(q)
            click.echo(f"Error: line {number}: {shown!r}: {exc}", err=True)
            if as_json:
                _echo_json({"line": number, "question": shown, "error": str(exc)})
            continue
        if answer.llm and answer.llm.fallback_reason:
            click.echo(
                f"LLM unavailable, answered from the documents: {answer.llm.fallback_reason}",
                err=True,
            )
        if as_json:
            _echo_json(answer.to_dict())
        else:
            _echo_answer(answer)
    if failed:
        ctx.exit(1)


def _stdin_questions() -> Iterator[tuple[int, str, str | None]]:
    """(line number, question, why it cannot be asked or None) for each non-blank input line.

    Lines are read as bytes and decoded one by one, so a line that is not UTF-8 spoils only
    itself; questions are answered as their lines arrive.
    """
    binary = getattr(sys.stdin, "buffer", None)
    stream = (
        binary
        if binary is not None
        else (line.encode("utf-8", "surrogateescape") for line in sys.stdin)
    )
    for number, raw in enumerate(stream, start=1):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            shown = raw.decode("utf-8", "backslashreplace").strip()
            yield (
                number,
                shown,
                f"line {number} is not UTF-8 text (byte 0x{raw[exc.start]:02x} at position"
                f" {exc.start + 1}); save the questions as UTF-8",
            )
            continue
        text = text.strip().removeprefix("\ufeff")
        if text:
            yield number, text, None


def _echo_answer(answer: Answer) -> None:
    lv = _is_latvian(answer.question)
    if answer.mode == "llm" and answer.sentences:
        unverified = " (nav pārbaudīts avotos)" if lv else " (not verified against the sources)"
        for s in answer.sentences:
            click.echo(s.text + ("" if s.verified else click.style(unverified, fg="yellow")))
    else:
        click.echo(answer.text)
    if answer.citations:
        click.echo()
        click.secho("Avoti:" if lv else "Sources:", bold=True)
        for c in answer.citations:
            click.echo(
                f"[{c.n}] {c.passage.title} — {_shown(c.passage.chunk.doc)}:{c.start}-{c.end}"
            )
            click.echo(f"    “{' '.join(c.quote.split())}”")
    elif not answer.answered and answer.passages:
        click.echo()
        click.secho("Tuvākie fragmenti:" if lv else "Closest passages:", bold=True)
        for p in answer.passages[:3]:
            _echo_passage(p)


def _is_latvian(text: str) -> bool:
    from youthbot.text.lang import detect_language

    return detect_language(text) == "lv"


# -- stats ---------------------------------------------------------------------------------
@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@_model_options
@click.pass_context
def stats(ctx: click.Context, as_json: bool, index_dir: Path | None, model: str | None) -> None:
    """Show what the index holds and which model built it."""
    from dataclasses import asdict

    state = _state(ctx, index_dir, model)
    info = state.pipeline(build_if_missing=False).stats()
    if as_json:
        _echo_json(asdict(info))
        return
    click.echo(f"index:      {info.index_dir} (built {info.built_at or '?'})")
    click.echo(f"documents:  {info.documents}")
    click.echo(f"chunks:     {info.chunks} ({info.sentences} sentences embedded)")
    click.echo(f"model:      {info.model} via {info.backend}, {info.dimension} dimensions")
    if info.facts:
        click.echo("directory:  " + ", ".join(f"{v} {k}" for k, v in info.facts.items()))


def _echo_json(obj: Any) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False))


# -- chat ----------------------------------------------------------------------------------
@cli.command()
@_model_options
@click.pass_context
def chat(ctx: click.Context, index_dir: Path | None = None, model: str | None = None) -> None:
    """Open the chat app (builds the index on first run)."""
    state = _state(ctx, index_dir, model)
    from youthbot.pipeline import Pipeline
    from youthbot.ui.app import make_app

    pipeline = Pipeline(state.settings)
    try:
        make_app(pipeline, state.settings).run()
    finally:
        pipeline.close()


def _register_optional_commands() -> None:
    """Commands that live in their own modules."""
    from youthbot.commands.directory import events, orgs, people, projects
    from youthbot.commands.eval import eval_command
    from youthbot.commands.serve import serve

    for command in (people, orgs, events, projects, eval_command, serve):
        cli.add_command(command)


_register_optional_commands()


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="youthbot")
