"""The chat app over a damaged index: one notification naming the file and the way out."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from ui_helpers import wait_until

from youthbot.config import Settings
from youthbot.pipeline import Pipeline
from youthbot.ui import make_app


def _live_db(index: Path) -> Path:
    return index / (index / "CURRENT").read_text().strip() / "index.sqlite"


def _bad_header(index: Path) -> None:
    with open(_live_db(index), "r+b") as f:
        f.write(b"not a database, not at all")


def _garbage_mid_file(index: Path) -> None:
    db = _live_db(index)
    with open(db, "r+b") as f:
        f.seek(db.stat().st_size // 2)
        f.write(bytes(range(256)) * 160)


def _truncated(index: Path) -> None:
    db = _live_db(index)
    os.truncate(db, db.stat().st_size // 3)


@pytest.mark.parametrize("damage", [_bad_header, _garbage_mid_file, _truncated])
async def test_damaged_database_is_one_notification(
    damage, built_index: Path, tmp_path: Path, pipeline: Pipeline
) -> None:  # type: ignore[no-untyped-def]
    index = tmp_path / "embeddings"
    shutil.copytree(built_index, index)
    damage(index)
    site = Pipeline(Settings(index=index, llm_url=None))
    site._embedder = pipeline.embedder()  # the session's loaded model: no second load
    app = make_app(site)
    try:
        async with app.run_test(size=(100, 30)) as pilot:
            await wait_until(lambda: bool(app._notifications))
            await pilot.pause()
            messages = [n.message for n in app._notifications]
    finally:
        site.close()
    assert len(messages) == 1, messages
    assert "index.sqlite" in messages[0] and "youthbot index --rebuild" in messages[0]
    assert "Traceback" not in messages[0]
