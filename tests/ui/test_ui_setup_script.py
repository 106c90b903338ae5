"""scripts/setup.sh prints a cited sample answer, then how to open the chat or the page."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_setup_prints_the_answer_and_then_says_how_to_open_the_chat(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("YOUTHBOT_")}
    env.update(YOUTHBOT_INDEX=str(tmp_path / "embeddings"), YOUTHBOT_CONFIG=os.devnull)
    result = subprocess.run(
        ["bash", str(REPO / "scripts/setup.sh"), "--no-install"],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "[1]" in out and "Avoti:" in out  # the cited answer stays on screen
    answer_at = out.index("Avoti:")
    chat_at = out.index(".venv/bin/youthbot ")
    serve_at = out.index(".venv/bin/youthbot serve")
    assert answer_at < chat_at < serve_at  # printed after the answer, nothing opens over it
    assert "http://127.0.0.1:8765/" in out
