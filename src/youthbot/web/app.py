"""The ASGI app of `youthbot serve`: page, JSON API and static files, built by make_web_app()."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from youthbot import __version__
from youthbot.web import api, pages
from youthbot.web.auth import AccessGuard
from youthbot.web.errors import install_error_handlers
from youthbot.web.service import WebService

if TYPE_CHECKING:
    from youthbot.config import Settings
    from youthbot.pipeline import Pipeline

logger = logging.getLogger(__name__)

#: Nothing is loaded from anywhere but this server, and no other site may frame the page.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
    " connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)


class SecurityHeaders:
    """ASGI middleware adding the content security policy and friends to every answer."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [
                    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                ]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def make_web_app(
    pipeline: Pipeline,
    settings: Settings | None = None,
    *,
    token: str | None = None,
    watch: Sequence[Path] = (),
    build_if_missing: bool = True,
) -> FastAPI:
    """The web app over ``pipeline``; `youthbot serve` and the tests both build it here.

    Args:
        pipeline: The pipeline to answer with (its owner closes it after the server stops).
        settings: Settings (language, corpus, LLM); default the pipeline's.
        token: Access token every request must carry; None only for a loopback server.
        watch: Folders whose changes are indexed as they happen (``--watch``).
        build_if_missing: Build the index from the corpus in the background at start-up
            when there is none (the page shows the progress).

    Returns:
        The application; its ``state.service`` is the :class:`WebService`.
    """
    settings = settings if settings is not None else pipeline.settings
    service = WebService(pipeline, settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if build_if_missing and not pipeline.index_exists():
            service.builds.request(None)
        if watch:
            service.builds.watch(list(watch))
        try:
            yield
        finally:
            service.close()

    app = FastAPI(
        title="youthbot",
        version=__version__,
        summary="Cited answers about Latvian youth-work projects from your documents.",
        docs_url=None,  # the interactive docs would load scripts from the internet
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
    )
    app.state.service = service
    app.include_router(api.build_router())
    app.include_router(pages.build_router())
    app.mount("/static", StaticFiles(directory=Path(__file__).parent / "static"), name="static")
    install_error_handlers(app, pages.page_error)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(AccessGuard, token=token)  # outermost: nothing runs without the token
    return app
