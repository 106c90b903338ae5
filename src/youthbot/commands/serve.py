"""`youthbot serve`: the web page and the JSON API for everyone in the office, one process."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from youthbot.commands.options import INDEX_DIR, hidden_corpus_and_verbose

DEFAULT_PORT = 8765


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(0, 65535), help="Port."
)
@click.option(
    "--token",
    envvar="YOUTHBOT_TOKEN",
    help="Access token every request must carry; needed (or generated) when --host is not"
    " a loopback address. [env: YOUTHBOT_TOKEN]",
)
@click.option(
    "--watch",
    is_flag=True,
    help="Index files added, changed or removed in the corpus folder as it happens.",
)
@click.option(
    "--index",
    "index_dir",
    type=INDEX_DIR,
    help="Index directory (default: embeddings). [env: YOUTHBOT_INDEX]",
)
@click.option("--model", help="Embedding model (as for `youthbot index`). [env: YOUTHBOT_MODEL]")
@hidden_corpus_and_verbose
@click.pass_obj
def serve(
    state: Any,
    host: str,
    port: int,
    token: str | None,
    watch: bool,
    index_dir: Path | None,
    model: str | None,
) -> None:
    """Serve the assistant as a web page (and a JSON API under /api) at http://HOST:PORT/.

    On 127.0.0.1 (the default) only this computer can open it. On any other address every
    request needs the access token: give one with --token or YOUTHBOT_TOKEN, or one is made
    and the address to open is printed with it once. The model loads once; each browser
    keeps its own conversation. Without an index, one is built from the corpus in the
    background and the page shows the progress.
    """
    import uvicorn

    from youthbot.errors import YouthbotError
    from youthbot.pipeline import Pipeline
    from youthbot.web.app import make_web_app
    from youthbot.web.auth import is_loopback, new_token

    if index_dir is not None:
        state.overrides["index"] = index_dir
    if model is not None:
        state.overrides["model"] = model
    settings = state.settings
    printed_token = False
    if token is not None and not token.strip():
        raise click.BadParameter("the token is empty", param_hint="--token")
    if token is None and not is_loopback(host):
        token, printed_token = new_token(), True

    pipeline = Pipeline(settings)
    pipeline.layout.check_usable()  # a folder that is not youthbot's: one line, no server
    folders = [Path(settings.corpus)] if watch else []
    app = make_web_app(pipeline, settings, token=token, watch=folders)
    shown_host = f"[{host}]" if ":" in host else host
    address = f"http://{shown_host}:{port}/"
    if host in ("0.0.0.0", "::"):
        address = f"http://<this computer's address>:{port}/"
    click.echo(f"youthbot: serving {settings.index} at {address}", err=True)
    if printed_token:
        click.echo(f"open {address}?token={token}  (the access token is shown only now)", err=True)
    elif token is not None:
        click.echo("every request needs the access token (--token / YOUTHBOT_TOKEN)", err=True)
    llm = pipeline.llm_info(None)
    click.echo(
        "LLM: " + (f"{llm.model} at {llm.url_host}" if settings.llm_configured else "off"), err=True
    )
    if watch:
        click.echo(f"watching {settings.corpus}/ for changes", err=True)
    click.echo("Ctrl+C stops the server.", err=True)
    if pipeline.index_exists():
        try:
            pipeline.warm_up()  # the first question is then answered at once
        except YouthbotError as exc:
            click.echo(f"warning: {exc}", err=True)
    try:
        uvicorn.run(
            app,
            host=host,
            port=port,
            log_level="info" if state.verbose else "warning",
            access_log=state.verbose,
            server_header=False,
        )
    finally:
        pipeline.close()
