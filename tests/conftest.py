"""Shared fixtures: an isolated environment and one real index of the shipped corpus per session."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "corpus"


@pytest.fixture(autouse=True)
def _isolated_env(
    monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """No user config, no YOUTHBOT_* from the developer's shell, no hub downloads."""
    for key in list(os.environ):
        if key.startswith("YOUTHBOT_"):
            monkeypatch.delenv(key)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.getbasetemp() / "xdg"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("TRANSFORMERS_OFFLINE", "1")


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The shipped corpus."""
    return CORPUS


@pytest.fixture(scope="session")
def built_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of the shipped corpus built once with the default model."""
    from youthbot.config import Settings
    from youthbot.pipeline import Pipeline

    index_dir = tmp_path_factory.mktemp("index") / "embeddings"
    pipeline = Pipeline(Settings(index=index_dir, corpus=CORPUS))
    report = pipeline.build_index([CORPUS])
    assert not report.failed, report.failed
    pipeline.close()
    return index_dir


@pytest.fixture(scope="session")
def pipeline(built_index: Path) -> Iterator[Pipeline]:  # noqa: F821
    """A pipeline over the session index (extractive: no LLM configured)."""
    from youthbot.config import Settings
    from youthbot.pipeline import Pipeline

    p = Pipeline(Settings(index=built_index, corpus=CORPUS, llm_url=None))
    yield p
    p.close()
