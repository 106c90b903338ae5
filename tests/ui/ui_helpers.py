"""Helpers for the chat-app tests: a real local LLM endpoint and waiting on the running app."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "corpus"

#: A development question (shared/eval dev.jsonl d04) the shipped corpus answers.
DEV_QUESTION = "Kurā datumā Liepājas pašvaldībā pulcējās Kurzemes reģiona speciālisti?"


class LocalLLMServer:
    """An OpenAI-compatible endpoint on 127.0.0.1: failing with a status, or streaming slowly.

    Args:
        status: HTTP status of every reply; anything but 200 is an error with a JSON body.
        token: The content delta streamed, ``tokens`` times, ``delay_s`` apart.
        reply: Stream this text instead, in about eight deltas.
    """

    def __init__(
        self,
        status: int = 200,
        *,
        token: str = "Vārds ",
        tokens: int = 200,
        delay_s: float = 0.1,
        reply: str | None = None,
    ) -> None:
        self.status = status
        self.delay_s = delay_s
        if reply is not None:
            size = max(1, len(reply) // 8)
            self.deltas = [reply[i : i + size] for i in range(0, len(reply), size)]
        else:
            self.deltas = [token] * tokens
        self.chat_requests = 0
        self.closing = threading.Event()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True)

    @property
    def url(self) -> str:
        """Base URL to configure as ``llm_url``."""
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    def start(self) -> LocalLLMServer:
        self._thread.start()
        return self

    def close(self) -> None:
        self.closing.set()
        self._httpd.shutdown()
        self._httpd.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _json(self, status: int, payload: object) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:
                if server.status != 200:
                    self._json(server.status, {"error": {"message": "server error"}})
                else:
                    self._json(200, {"data": [{"id": "test-model", "object": "model"}]})

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                server.chat_requests += 1
                if server.status != 200:
                    self._json(server.status, {"error": {"message": "internal server error"}})
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Connection", "close")
                self.end_headers()
                try:
                    for delta in server.deltas:
                        if server.closing.wait(server.delay_s):
                            return
                        event = {"choices": [{"index": 0, "delta": {"content": delta}}]}
                        self.wfile.write(f"data: {json.dumps(event)}\n\n".encode())
                        self.wfile.flush()
                    done = {"choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
                    self.wfile.write(f"data: {json.dumps(done)}\n\ndata: [DONE]\n\n".encode())
                except OSError:
                    return  # the client went away (cancelled)

        return Handler


async def wait_until(
    condition: Callable[[], bool], *, timeout: float = 30.0, step: float = 0.02
) -> None:
    """Let the app run until ``condition()`` holds; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout} s")
        await asyncio.sleep(step)


def screen_text(app: Any) -> list[str]:
    """The characters on the app's screen, one string per row, from its SVG screenshot."""
    import html
    import re

    width, height = app.size
    svg = app.export_screenshot()
    # Rich's SVG export: 20 px font, cells 0.61 × 20 px wide, rows 1.22 × 20 px apart.
    cell_width, row_height, first_row_y = 12.2, 24.4, 20.0
    found = re.findall(r'<text class="[^"]*" x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)</text>', svg)
    rows = [[" "] * width for _ in range(height)]
    for x, y, text in found:
        row = round((float(y) - first_row_y) / row_height)
        col = round(float(x) / cell_width)
        if not 0 <= row < height:
            continue
        for offset, char in enumerate(html.unescape(text).replace("\xa0", " ").rstrip("\n")):
            if col + offset < width:
                rows[row][col + offset] = char
    return ["".join(row) for row in rows]
