"""A conversation history file SQLite cannot read: one line from the server, nothing deleted."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from web_helpers import LiveServer

from youthbot.config import Settings
from youthbot.pipeline import Pipeline
from youthbot.web.app import make_web_app

GARBAGE = b"SQLite format 3\x00" + bytes(range(256)) * 20


@pytest.fixture
def damaged_site(built_index: Path, tmp_path: Path, pipeline: Pipeline) -> Iterator[LiveServer]:
    """A server over a copy of the session index whose history files are garbage."""
    index = tmp_path / "embeddings"
    shutil.copytree(built_index, index)
    for name in ("sessions.sqlite", "web-conversations.sqlite"):
        (index / name).write_bytes(GARBAGE)
    settings = Settings(index=index, llm_url=None)
    site = Pipeline(settings)
    site._embedder = pipeline.embedder()  # the session's loaded model: no second load
    live = LiveServer(make_web_app(site, settings, build_if_missing=False)).start()
    yield live
    live.close()
    site.close()
    for name in ("sessions.sqlite", "web-conversations.sqlite"):
        assert (index / name).read_bytes() == GARBAGE  # left for the user to move away


def test_api_session_history_that_is_garbage_is_one_line(damaged_site: LiveServer) -> None:
    got = httpx.post(
        f"{damaged_site.url}/api/ask",
        json={"question": "Kas organizēja tikšanos Liepājā?", "session": "darbs"},
        timeout=60,
    )
    assert got.status_code == 503, got.text
    error = got.json()["error"]
    assert "sessions.sqlite" in error and "move the file away" in error and "\n" not in error
    # without a session the same server still answers
    plain = httpx.post(
        f"{damaged_site.url}/api/ask",
        json={"question": "Kas organizēja tikšanos Liepājā?"},
        timeout=60,
    )
    assert plain.status_code == 200 and plain.json()["answered"]


def test_page_conversations_that_are_garbage_are_one_line(damaged_site: LiveServer) -> None:
    got = httpx.get(
        f"{damaged_site.url}/", cookies={"youthbot_conversation": "saruna-0123456789"}, timeout=60
    )
    assert got.status_code == 503, got.text[:500]
    assert "web-conversations.sqlite" in got.text and "Traceback" not in got.text
