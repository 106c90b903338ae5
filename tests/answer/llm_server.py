"""A real OpenAI-compatible HTTP server on 127.0.0.1 that streams scripted replies."""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    """One scripted response to ``POST /v1/chat/completions``.

    Attributes:
        chunks: Content deltas, each sent as one ``data:`` event (any iterable: a generator
            streams without end).
        status: HTTP status; anything but 200 sends ``body`` (or an OpenAI error) instead.
        headers: Extra response headers (e.g. ``Retry-After``).
        body: Raw body for an error status.
        delay_s: Silence before the status line (a stall past the read timeout).
        chunk_delay_s: Silence before each chunk after the first.
        raw_events: Raw SSE lines sent after the chunks (malformed data, errors).
        finish: Send a final event with ``finish_reason: stop`` and ``data: [DONE]``.
        cut: ``"chunked"`` closes the socket mid-way through a chunked body; ``"eof"`` ends a
            close-delimited body without a finish event; None finishes normally.
        json_body: Answer with one ``application/json`` completion instead of a stream.
        echo_auth: Put the request's ``Authorization`` header and URL query into the answer,
            as an endpoint that echoes what it was sent.
        raw_body: Bytes sent as the whole 200 body (any iterable of bytes), with
            ``content_type``: a body no honest server sends.
    """

    chunks: Iterable[str] = field(default_factory=list)
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None
    delay_s: float = 0.0
    chunk_delay_s: float = 0.0
    raw_events: list[str] = field(default_factory=list)
    finish: bool = True
    cut: str | None = None
    json_body: bool = False
    echo_auth: bool = False
    raw_body: Iterable[bytes] | None = None
    content_type: str = "text/event-stream"


def text_reply(text: str, *, pieces: int = 4, **kwargs: Any) -> Reply:
    """A 200 reply streaming ``text`` in about ``pieces`` deltas."""
    size = max(1, len(text) // pieces)
    return Reply(chunks=[text[i : i + size] for i in range(0, len(text), size)], **kwargs)


@dataclass
class RecordedRequest:
    """What the server received."""

    method: str
    path: str
    headers: dict[str, str]
    body: dict[str, Any] | None
    received_at: float


Script = Callable[[dict[str, Any]], Reply]


def _route(path: str) -> str:
    """A request path without its query (``?api-key=…``)."""
    return path.split("?", 1)[0]


class _QuietServer(ThreadingHTTPServer):
    """A threading server that does not print clients hanging up (the tests cut them off)."""

    daemon_threads = True
    block_on_close = False

    def handle_error(self, request: Any, client_address: Any) -> None:
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


class ScriptedLLMServer:
    """Serves ``/v1/models`` and ``/v1/chat/completions`` from a queue of scripted replies.

    Each chat request takes the next queued :class:`Reply` (or a callable that builds one from
    the request body); when the queue is empty, ``default`` is used. Requests are recorded.
    """

    def __init__(self, default: Reply | Script | None = None, model: str = "test-model") -> None:
        self.default: Reply | Script = default or text_reply("Labi.")
        self.model = model
        self.requests: list[RecordedRequest] = []
        self.server_seconds: list[float] = []
        self._queue: deque[Reply | Script] = deque()
        self._closing = threading.Event()
        self._lock = threading.Lock()
        self._httpd = _QuietServer(("127.0.0.1", 0), self._handler_class())
        self._thread = threading.Thread(target=self._httpd.serve_forever, args=(0.05,), daemon=True)

    @property
    def port(self) -> int:
        """The port the server listens on."""
        return self._httpd.server_address[1]

    @property
    def base_url(self) -> str:
        """The base URL to configure, as OpenAI clients take it."""
        return f"http://127.0.0.1:{self.port}/v1"

    @property
    def chat_requests(self) -> list[RecordedRequest]:
        """The chat-completion requests received so far."""
        return [r for r in self.requests if _route(r.path).endswith("/chat/completions")]

    def start(self) -> ScriptedLLMServer:
        """Start serving in a background thread."""
        self._thread.start()
        return self

    def close(self) -> None:
        """Stop serving and wake any handler that is stalling."""
        self._closing.set()
        self._httpd.shutdown()
        self._httpd.server_close()

    def script(self, *replies: Reply | Script) -> None:
        """Queue replies for the next chat requests, in order."""
        with self._lock:
            self._queue.extend(replies)

    def reset(self) -> None:
        """Forget queued replies and recorded requests."""
        with self._lock:
            self._queue.clear()
            self.requests.clear()
            self.server_seconds.clear()

    def _next(self, body: dict[str, Any]) -> Reply:
        with self._lock:
            item = self._queue.popleft() if self._queue else self.default
        return item(body) if callable(item) else item

    def _sleep(self, seconds: float) -> None:
        if seconds > 0:
            self._closing.wait(seconds)

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                pass

            def _record(self, body: dict[str, Any] | None) -> None:
                with server._lock:
                    server.requests.append(
                        RecordedRequest(
                            self.command, self.path, dict(self.headers), body, time.perf_counter()
                        )
                    )

            def _send_json(self, status: int, payload: object, headers: dict[str, str]) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

            def do_GET(self) -> None:  # noqa: N802
                self._record(None)
                if _route(self.path).rstrip("/").endswith("/models"):
                    self._send_json(200, {"data": [{"id": server.model, "object": "model"}]}, {})
                else:
                    self._send_json(404, {"error": {"message": "not found"}}, {})

            def do_POST(self) -> None:  # noqa: N802
                started = time.perf_counter()
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                try:
                    body = json.loads(raw)
                except ValueError:
                    body = None
                self._record(body)
                if not _route(self.path).endswith("/chat/completions"):
                    self._send_json(404, {"error": {"message": "not found"}}, {})
                    return
                reply = server._next(body or {})
                server._sleep(reply.delay_s)
                if server._closing.is_set():
                    return
                if reply.echo_auth:
                    echoed = f"Jūsu atslēga ir {self.headers.get('Authorization')} {self.path}."
                    reply.chunks = [*reply.chunks, echoed]
                if reply.status != 200:
                    self._send_error(reply)
                elif reply.raw_body is not None:
                    self._send_raw(reply)
                elif reply.json_body:
                    message = {"role": "assistant", "content": "".join(reply.chunks)}
                    payload = {"choices": [{"index": 0, "message": message}]}
                    self._send_json(200, payload, reply.headers)
                else:
                    self._stream(reply)
                server.server_seconds.append(time.perf_counter() - started)

            def _send_error(self, reply: Reply) -> None:
                data = reply.body
                if data is None:
                    data = json.dumps({"error": {"message": f"scripted {reply.status}"}}).encode()
                self.send_response(reply.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)

            def _send_raw(self, reply: Reply) -> None:
                self.send_response(200)
                self.send_header("Content-Type", reply.content_type)
                self.send_header("Connection", "close")
                self.close_connection = True
                self.end_headers()
                try:
                    for piece in reply.raw_body or ():
                        if server._closing.is_set():
                            return
                        self.wfile.write(piece)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def _stream(self, reply: Reply) -> None:
                chunked = reply.cut != "eof"
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Cache-Control", "no-cache")
                if chunked:
                    self.send_header("Transfer-Encoding", "chunked")
                else:
                    self.send_header("Connection", "close")
                    self.close_connection = True
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                self.end_headers()

                def write(text: str) -> None:
                    data = text.encode()
                    if chunked:
                        self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
                    else:
                        self.wfile.write(data)
                    self.wfile.flush()

                def event(delta: dict[str, Any], finish: str | None = None) -> str:
                    choice = {"index": 0, "delta": delta, "finish_reason": finish}
                    payload = {"id": "c1", "object": "chat.completion.chunk", "choices": [choice]}
                    return f"data: {json.dumps(payload, ensure_ascii=False)}\n\n"

                try:
                    write(event({"role": "assistant", "content": ""}))
                    for i, piece in enumerate(reply.chunks):
                        if i:
                            server._sleep(reply.chunk_delay_s)
                        if server._closing.is_set():
                            return
                        write(event({"content": piece}))
                    for line in reply.raw_events:
                        write(line)
                    if reply.cut == "chunked":
                        self.wfile.write(b'40\r\ndata: {"choi')  # half a chunk, then close
                        self.wfile.flush()
                        self.close_connection = True
                        return
                    if reply.cut == "eof":
                        return
                    if reply.finish:
                        write(event({}, "stop"))
                        write("data: [DONE]\n\n")
                    if chunked:
                        self.wfile.write(b"0\r\n\r\n")
                        self.wfile.flush()
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True

        return Handler


# -- hostile endpoints ----------------------------------------------------------------------

#: A sentence that cites passage 1, repeated to make long answers.
CITED = "Projekts ilga septiņus mēnešus [1]. "


@dataclass(frozen=True)
class Fault:
    """One way an endpoint can misbehave, and what youthbot must do about it.

    Attributes:
        reply: Builds a fresh reply for each request.
        outcome: ``fallback`` (the answer comes from the documents, with a reason) or
            ``answer`` (the LLM's answer is used, sanitised).
        reason: Text the fallback reason contains (``fallback`` only).
    """

    reply: Callable[[], Reply]
    outcome: str
    reason: str = ""


def _forever(piece: str) -> Iterable[str]:
    return itertools.repeat(piece)


#: Every hostile endpoint the tests run: add a line here and the fault is tested end to end
#: (tests/answer/test_llm_hostile.py), through Pipeline.ask against a real index.
HOSTILE_FAULTS: dict[str, Fault] = {
    # a model that never stops: 30 MB of answer
    "endless answer": Fault(lambda: Reply(chunks=_forever(CITED * 3)), "fallback", "longer than"),
    # one 30 MB line with no newline
    "endless line": Fault(
        lambda: Reply(raw_body=itertools.repeat(b"data: " + b"x" * 65536, 500)),
        "fallback",
        "longer than",
    ),
    # a 30 MB JSON completion
    "huge json body": Fault(
        lambda: Reply(
            raw_body=itertools.chain(
                [b'{"choices": [{"message": {"content": "'], itertools.repeat(b"a" * 65536, 500)
            ),
            content_type="application/json",
        ),
        "fallback",
        "longer than",
    ),
    # a 30 MB error body
    "huge error body": Fault(
        lambda: Reply(status=500, body=b'{"error": {"message": "' + b"e" * 30_000_000 + b'"}}'),
        "fallback",
        "500",
    ),
    # one delta every 0.3 s, forever: each arrives within the read timeout
    "slow drip": Fault(
        lambda: Reply(chunks=_forever("Projekts "), chunk_delay_s=0.3), "fallback", "longer than"
    ),
    # a range marker that would expand to ten billion numbers
    "huge range marker": Fault(
        lambda: text_reply("Projekts ilga septiņus mēnešus [1-9999999999]."), "answer"
    ),
    # markers with absurd numbers and whitespace runs that make a naive regex quadratic
    "marker flood": Fault(
        lambda: text_reply(CITED * 200 + " " * 10_000 + "[" * 5_000 + "[99999999999999]"),
        "answer",
    ),
    # an endpoint that repeats the API key and the URL's secrets in its answer
    "echoes the key": Fault(lambda: Reply(chunks=[CITED], echo_auth=True), "answer"),
}


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
