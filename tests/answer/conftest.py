"""Fixtures for the answer tests: a scripted LLM server and settings that point at it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from llm_server import ScriptedLLMServer

from youthbot.config import Settings

API_KEY = "sk-test-SECRET-4f9c2b7e"


@pytest.fixture(autouse=True)
def _isolated_llm_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Keep the developer's own config file and YOUTHBOT_LLM_* variables out of the tests."""
    monkeypatch.setenv("YOUTHBOT_CONFIG", str(tmp_path / "no-config.toml"))
    for name in ("URL", "MODEL", "API_KEY", "CONNECT_TIMEOUT", "READ_TIMEOUT", "RETRIES"):
        monkeypatch.delenv(f"YOUTHBOT_LLM_{name}", raising=False)


@pytest.fixture
def llm_server() -> Iterator[ScriptedLLMServer]:
    """A running scripted OpenAI-compatible server on 127.0.0.1."""
    server = ScriptedLLMServer().start()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def llm_settings(llm_server: ScriptedLLMServer) -> Settings:
    """Settings pointing at ``llm_server`` with short timeouts and the test API key."""
    return Settings(
        llm_url=llm_server.base_url,
        llm_model="test-model",
        llm_api_key=API_KEY,
        llm_connect_timeout=0.5,
        llm_read_timeout=0.5,
        llm_retries=2,
    )
