"""Fixtures for the web tests: real servers over real indexes, and a real headless Chromium."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from web_helpers import (
    CHROMIUM,
    CHROMIUM_ARGS,
    LiveServer,
    chromium_missing_message,
    small_corpus,
)

from youthbot.config import Settings
from youthbot.pipeline import Pipeline
from youthbot.web.app import make_web_app


@pytest.fixture(autouse=True)
def _no_user_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("YOUTHBOT_CONFIG", str(tmp_path / "no-config.toml"))


@pytest.fixture(scope="session")
def server(pipeline: Pipeline) -> Iterator[LiveServer]:
    """The web app over the session index (extractive), on 127.0.0.1."""
    live = LiveServer(make_web_app(pipeline, build_if_missing=False)).start()
    yield live
    live.close()


SMALL_CORPUS = [
    "2024-01-kurzeme-jaunatnes-specialisti-liepaja.txt",
    "2023-11-ogre-erasmus-lietuva.txt",
]


@pytest.fixture
def own_server(tmp_path: Path, pipeline: Pipeline) -> Iterator[Callable[..., LiveServer]]:
    """Makes a server over its own small corpus (two shipped documents) and index.

    The indexes are built in the test, since an index records its documents' paths.
    """
    made: list[tuple[LiveServer, Pipeline]] = []

    def make(
        *, watch: bool = False, token: str | None = None, host: str = "127.0.0.1"
    ) -> LiveServer:
        root = tmp_path / f"site{len(made)}"
        corpus = small_corpus(root / "corpus", SMALL_CORPUS)
        settings = Settings(index=root / "embeddings", corpus=corpus, llm_url=None)
        site = Pipeline(settings)
        site._embedder = pipeline.embedder()  # the session's loaded model: no second load
        report = site.build_index([corpus])
        assert not report.failed
        app = make_web_app(site, settings, token=token, watch=[corpus] if watch else [])
        live = LiveServer(app, host=host).start()
        made.append((live, site))
        return live

    yield make
    for live, site in made:
        live.close()
        site.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Debian's Chromium, headless, driven by Playwright (never downloads a browser)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(chromium_missing_message(), pytrace=False)
    from playwright.sync_api import sync_playwright

    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh browser context (its own cookies: its own conversation) at desktop size."""
    from web_helpers import DESKTOP

    context = browser.new_context(viewport=DESKTOP, accept_downloads=True)
    context.set_default_timeout(30_000)
    page = context.new_page()
    yield page
    context.close()
