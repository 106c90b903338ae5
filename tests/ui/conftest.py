"""Fixtures for the chat-app tests: real pipelines over the session index, local LLM servers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from ui_helpers import CORPUS, LocalLLMServer

from youthbot.config import Settings
from youthbot.pipeline import Pipeline


@pytest.fixture(autouse=True)
def _no_user_config(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No config file and no YOUTHBOT_* variables from the developer's shell."""
    monkeypatch.setenv("YOUTHBOT_CONFIG", str(tmp_path / "no-config.toml"))


@pytest.fixture
def llm_pipeline(built_index: Path) -> Iterator[Callable[[str], Pipeline]]:
    """Makes real pipelines over the session index that use an LLM at a given URL."""
    made: list[Pipeline] = []

    def make(url: str) -> Pipeline:
        settings = Settings(
            index=built_index,
            corpus=CORPUS,
            llm_url=url,
            llm_model="test-model",
            llm_connect_timeout=1.0,
            llm_read_timeout=5.0,
            llm_retries=0,
        )
        pipeline = Pipeline(settings)
        made.append(pipeline)
        return pipeline

    yield make
    for pipeline in made:
        pipeline.close()


@pytest.fixture
def failing_llm() -> Iterator[LocalLLMServer]:
    """An endpoint that answers every request with HTTP 500."""
    server = LocalLLMServer(status=500).start()
    yield server
    server.close()


@pytest.fixture
def slow_llm() -> Iterator[LocalLLMServer]:
    """An endpoint that streams one short token every 100 ms for 20 s."""
    server = LocalLLMServer().start()
    yield server
    server.close()
