"""`youthbot serve` as a user starts it: the address it prints, the token, and no secrets shown."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from web_helpers import free_port

from youthbot.cli import cli

YOUTHBOT = Path(sys.executable).with_name("youthbot")


def _start(args: list[str], env: dict[str, str]) -> tuple[subprocess.Popen[str], list[str]]:
    process = subprocess.Popen(
        [str(YOUTHBOT), *args],
        env=env,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    lines: list[str] = []
    assert process.stderr is not None
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        if not line:
            break
        lines.append(line.rstrip("\n"))
        if "Ctrl+C" in line:
            return process, lines
    process.kill()
    raise AssertionError(f"serve did not start: {lines}")


@pytest.fixture
def serve_env(built_index: Path, tmp_path: Path) -> Iterator[dict[str, str]]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("YOUTHBOT_")}
    env.update(
        YOUTHBOT_CONFIG=str(tmp_path / "none.toml"),
        YOUTHBOT_INDEX=str(built_index),
        YOUTHBOT_LLM_URL="http://127.0.0.1:9/v1",
        YOUTHBOT_LLM_MODEL="vietējais-modelis",
        YOUTHBOT_LLM_API_KEY="sk-never-show-this-key",
    )
    yield env


def _wait_up(url: str, **kwargs: object) -> httpx.Response:
    deadline = time.monotonic() + 60
    while True:
        try:
            return httpx.get(url, timeout=5, **kwargs)  # type: ignore[arg-type]
        except httpx.TransportError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_serve_beyond_localhost_makes_a_token_prints_it_once_and_never_the_llm_key(
    serve_env: dict[str, str],
) -> None:
    port = free_port()
    process, lines = _start(["serve", "--host", "0.0.0.0", "--port", str(port)], serve_env)
    try:
        printed = "\n".join(lines)
        assert "sk-never-show-this-key" not in printed
        match = re.search(r"\?token=([\w-]+)", printed)
        assert match, printed
        token = match.group(1)
        assert printed.count(token) == 1
        assert "vietējais-modelis at 127.0.0.1:9" in printed
        assert _wait_up(f"http://127.0.0.1:{port}/api/stats").status_code == 401
        authorised = {"Authorization": f"Bearer {token}"}
        status = _wait_up(f"http://127.0.0.1:{port}/api/status", headers=authorised)
        assert status.status_code == 200
        assert "sk-never-show-this-key" not in status.text
    finally:
        process.terminate()
        process.wait(20)
        rest = process.stderr.read() if process.stderr else ""
    assert "sk-never-show-this-key" not in rest
    assert "Traceback" not in rest


def test_serve_on_localhost_needs_no_token_and_says_where_to_open(
    serve_env: dict[str, str],
) -> None:
    port = free_port()
    process, lines = _start(["serve", "--port", str(port)], serve_env)
    try:
        assert f"http://127.0.0.1:{port}/" in "\n".join(lines)
        assert "token" not in "\n".join(lines)
        assert _wait_up(f"http://127.0.0.1:{port}/api/stats").status_code == 200
    finally:
        process.terminate()
        process.wait(20)


def test_serve_help_names_the_options() -> None:
    from click.testing import CliRunner

    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--host", "--port", "--token", "--watch", "--index", "YOUTHBOT_TOKEN"):
        assert option in result.output
