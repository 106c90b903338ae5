"""The global options (--index, --model, --corpus, -v), before or after a command's name."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

INDEX_HELP = "Index directory (default: embeddings). [env: YOUTHBOT_INDEX]"
MODEL_HELP = (
    "Embedding model: multilingual-e5-small (default), all-MiniLM-L6-v2, or any "
    "sentence-transformers name or local path. [env: YOUTHBOT_MODEL]"
)
CORPUS_HELP = "Documents indexed when no path is given (default: corpus). [env: YOUTHBOT_CORPUS]"
VERBOSE_HELP = "Log progress and show tracebacks."


class IndexDirType(click.Path):
    """An index folder: an empty value is an error (it used to mean the working directory)."""

    def __init__(self) -> None:
        super().__init__(path_type=Path, file_okay=False)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, str) and not value.strip():
            self.fail("is empty; name an index folder, or leave the option out", param, ctx)
        return super().convert(value, param, ctx)


#: The type of every --index option.
INDEX_DIR = IndexDirType()


def _state(ctx: click.Context) -> Any:
    """The CLI state the group made (anything with ``overrides`` and ``verbose``)."""
    state = ctx.find_root().obj
    if state is None or not hasattr(state, "overrides"):
        raise click.UsageError("run this command through `youthbot`")
    return state


def _override(name: str) -> Callable[[click.Context, click.Parameter, Any], None]:
    def store(ctx: click.Context, _param: click.Parameter, value: Any) -> None:
        if value is not None:
            _state(ctx).overrides[name] = value

    return store


def verbose(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    """Turn on logging and tracebacks (``-v`` given after a command's name)."""
    if value:
        _state(ctx).verbose = True
        logging.getLogger().setLevel(logging.INFO)


def verbose_option(f: Callable[..., Any]) -> Callable[..., Any]:
    """-v on a command, stored in the state (for commands whose other options differ)."""
    return click.option(
        "-v", "--verbose", is_flag=True, expose_value=False, callback=verbose, help=VERBOSE_HELP
    )(f)


def hidden_corpus_and_verbose(f: Callable[..., Any]) -> Callable[..., Any]:
    """--corpus and -v on a command, stored in the state rather than passed to the function."""
    f = verbose_option(f)
    f = click.option(
        "--corpus",
        type=click.Path(path_type=Path, file_okay=False),
        expose_value=False,
        callback=_override("corpus"),
        help=CORPUS_HELP,
    )(f)
    return f


def global_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """All four global options on a command, none passed to the function (see the state)."""
    f = hidden_corpus_and_verbose(f)
    f = click.option("--model", expose_value=False, callback=_override("model"), help=MODEL_HELP)(f)
    f = click.option(
        "--index",
        type=INDEX_DIR,
        expose_value=False,
        callback=_override("index"),
        help=INDEX_HELP,
    )(f)
    return f
