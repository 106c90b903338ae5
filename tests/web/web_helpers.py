"""Helpers for the web tests: a real uvicorn server on a free port, the browser, waiting."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "corpus"
#: Where the browser tests write their screenshots (named in the README).
SCREENSHOTS = REPO / "build" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}

#: A question the shipped corpus answers (written for these tests).
QUESTION = "Kurā datumā Liepājas pašvaldībā pulcējās Kurzemes reģiona speciālisti?"
FOLLOW_UP = "Kas tur stāstīja par darba specifiku?"
UNANSWERABLE = "Kas organizēja jauniešu sporta spēles Jelgavā 2021. gadā?"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """The web app served by uvicorn on a thread, as `youthbot serve` serves it."""

    def __init__(self, app: Any, host: str = "127.0.0.1") -> None:
        import uvicorn

        self.app = app
        self.port = free_port()
        self.host = host
        config = uvicorn.Config(
            app, host=host, port=self.port, log_level="warning", access_log=False, lifespan="on"
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)

    @property
    def url(self) -> str:
        """Base URL over the loopback address."""
        return f"http://127.0.0.1:{self.port}"

    @property
    def service(self) -> Any:
        return self.app.state.service

    def start(self) -> LiveServer:
        self._thread.start()
        deadline = time.monotonic() + 30
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        return self

    def close(self) -> None:
        self._server.should_exit = True
        self._thread.join(15)


def wait_for(condition: Callable[[], bool], timeout: float = 60.0, step: float = 0.1) -> None:
    """Wait until ``condition()`` holds; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout} s")
        time.sleep(step)


def small_corpus(folder: Path, names: list[str]) -> Path:
    """A corpus folder holding copies of some shipped documents."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(CORPUS / name, folder / name)
    return folder


def chromium_missing_message() -> str:
    return (
        f"the browser tests need Debian's chromium at {CHROMIUM}: install it with"
        " `apt-get install -y chromium` (.ci/run does this); nothing is downloaded by the tests"
    )
