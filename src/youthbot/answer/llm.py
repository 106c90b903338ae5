"""OpenAI-compatible chat-completions client on httpx: streaming, timeouts, retries, cancelling."""

from __future__ import annotations

import email.utils
import json
import logging
import queue
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from http import HTTPStatus
from typing import Any

import httpx

from youthbot.config import Settings
from youthbot.errors import LLMError

logger = logging.getLogger(__name__)

#: Statuses that mean "try again shortly"; anything else >= 400 fails at once.
RETRY_STATUSES = frozenset({429, 502, 503})
#: A Retry-After longer than this is not waited for: the answer falls back instead.
MAX_RETRY_WAIT_S = 30.0
#: First backoff delay when the server gives no Retry-After; doubles on each retry.
BACKOFF_BASE_S = 0.5
#: Timeout of :meth:`LLMClient.ping` and of the one-off model lookup.
PING_TIMEOUT_S = 2.0
#: Model name sent when none is configured and the server lists none.
FALLBACK_MODEL = "default"
#: Sampling temperature: low, because the answer must stay close to the passages.
TEMPERATURE = 0.1
#: How often a waiting stream checks its cancel event (seconds).
CANCEL_POLL_S = 0.05
#: Stream bytes read per character of reply allowed (SSE events carry JSON around each delta).
STREAM_BYTES_PER_CHAR = 64
#: The longest single line of a stream, in bytes.
MAX_LINE_BYTES = 1_000_000
#: Error bodies and the model list are read up to this many bytes.
MAX_SMALL_BODY_BYTES = 65_536
#: Secrets shorter than this are not redacted (they would blank out ordinary words).
MIN_SECRET_CHARS = 4
#: Loggers that print request URLs (httpx at INFO, httpcore at DEBUG): their records are
#: redacted, since a URL may carry credentials (``user:password@``, ``?api-key=``).
HTTP_LOGGERS = (
    "httpx",
    "httpcore",
    "httpcore.connection",
    "httpcore.http11",
    "httpcore.http2",
    "httpcore.proxy",
)


class LLMUnreachableError(LLMError):
    """The endpoint could not be connected to (refused, unknown host, network down)."""


class LLMTimeoutError(LLMError):
    """The endpoint did not connect, or stopped sending, within the configured timeout."""


class LLMHTTPError(LLMError):
    """The endpoint answered with an HTTP error status."""

    def __init__(self, message: str, status: int) -> None:
        self.status = status
        super().__init__(message)


class LLMAuthError(LLMHTTPError):
    """The endpoint refused the API key (401 or 403)."""


class LLMStreamError(LLMError):
    """The stream was malformed, or ended before the model finished."""


class LLMEmptyAnswerError(LLMError):
    """The model finished without writing anything."""


class LLMCancelledError(LLMError):
    """The caller cancelled the request through its cancel event."""


class LLMTooLongError(LLMError):
    """The reply grew past the size youthbot reads (a model that does not stop)."""


class _Redactor(logging.Filter):
    """Blanks every registered secret out of log records (installed on the HTTP loggers)."""

    def __init__(self) -> None:
        super().__init__("youthbot-redact")
        self.secrets: set[str] = set()
        self.lock = threading.Lock()

    def add(self, secrets: set[str]) -> None:
        with self.lock:
            self.secrets |= secrets

    def redact(self, text: str) -> str:
        with self.lock:
            secrets = sorted(self.secrets, key=len, reverse=True)
        for secret in secrets:
            if secret in text:
                text = text.replace(secret, "***")
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        if self.secrets:
            try:
                message = record.getMessage()
            except Exception:  # noqa: BLE001 - a broken record is logging's business
                return True
            redacted = self.redact(message)
            if redacted != message:
                record.msg, record.args = redacted, None
        return True


_REDACTOR = _Redactor()
for _name in HTTP_LOGGERS:
    logging.getLogger(_name).addFilter(_REDACTOR)


def url_secrets(url: str) -> set[str]:
    """The credentials a URL carries: its user name, password and every query value."""
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL:
        return set()
    found = {parsed.username, parsed.password, *(v for _, v in parsed.params.multi_items())}
    found |= {httpx.URL(url).userinfo.decode("ascii", "replace")}
    encoded = {str(httpx.QueryParams({"v": v}))[2:] for v in found if v}
    return {v for v in found | encoded if v and len(v) >= MIN_SECRET_CHARS}


def _held_back(text: str, secrets: Sequence[str]) -> int:
    """How many characters at the end of ``text`` could begin one of ``secrets``."""
    longest = 0
    for secret in secrets:
        for n in range(min(len(secret) - 1, len(text)), longest, -1):
            if secret.startswith(text[-n:]):
                longest = n
                break
    return longest


def endpoint_origin(url: str) -> str:
    """``scheme://host[:port]`` of ``url``: safe to show, without credentials, path or query."""
    parsed = httpx.URL(url)
    port = f":{parsed.port}" if parsed.port is not None else ""
    return f"{parsed.scheme}://{parsed.host}{port}"


def endpoint_host(url: str) -> str:
    """``host[:port]`` of ``url`` (the ``url_host`` of the JSON contract)."""
    parsed = httpx.URL(url)
    return parsed.host if parsed.port is None else f"{parsed.host}:{parsed.port}"


def retry_delay(retry_after: str | None, attempt: int) -> float:
    """Seconds to wait before retry number ``attempt`` (from 0).

    Args:
        retry_after: The ``Retry-After`` header: delta seconds or an HTTP date; None if absent.
        attempt: How many retries were made already.

    Returns:
        The server's delay when it gave a readable one, else exponential backoff.
    """
    if retry_after:
        value = retry_after.strip()
        try:
            return max(0.0, float(value))
        except ValueError:
            pass
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            when = None
        if when is not None:
            return max(0.0, when.timestamp() - time.time())
    return BACKOFF_BASE_S * (2**attempt)


def _seconds(value: float) -> str:
    """A duration as people write it: ``60 s``, ``0.5 s``."""
    return f"{value:g} s"


class LLMClient:
    """Talks to one OpenAI-compatible ``/v1/chat/completions`` endpoint.

    The API key is sent as a bearer token and kept out of every log line, error and repr.
    One client holds one connection pool; it is safe to share between threads.
    """

    def __init__(self, settings: Settings, *, transport: httpx.BaseTransport | None = None) -> None:
        """Build a client from ``settings.llm_*``.

        Args:
            settings: Settings with ``llm_url`` set.
            transport: An httpx transport to use instead of the network (tests).

        Raises:
            LLMError: ``llm_url`` is missing or not an http(s) URL.
        """
        if not settings.llm_url:
            raise LLMError("No LLM endpoint is configured; set YOUTHBOT_LLM_URL.")
        try:
            url = httpx.URL(settings.llm_url.strip())
        except httpx.InvalidURL as exc:
            raise LLMError(f"YOUTHBOT_LLM_URL is not a valid URL ({exc}).") from None
        if url.scheme not in ("http", "https") or not url.host:
            raise LLMError("YOUTHBOT_LLM_URL must be an http:// or https:// URL.")
        # the query (?api-key=…, ?api-version=…) goes after the endpoint's path, not before it
        self._params = url.params
        self.base_url = str(url.copy_with(query=None, fragment=None)).rstrip("/")
        self.origin = endpoint_origin(self.base_url)
        self.url_host = endpoint_host(self.base_url)
        self.connect_timeout = settings.llm_connect_timeout
        self.read_timeout = settings.llm_read_timeout
        self.retries = settings.llm_retries
        self.max_tokens = settings.llm_max_tokens
        self.max_reply_chars = settings.llm_max_reply_chars
        self.deadline = settings.llm_deadline
        self._model = settings.llm_model or None
        key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else ""
        self._api_key = key.strip()
        secrets = url_secrets(str(url))
        if len(self._api_key) >= MIN_SECRET_CHARS:
            secrets.add(self._api_key)
        self._secrets = sorted(secrets, key=len, reverse=True)
        _REDACTOR.add(secrets)
        headers = {"Accept": "text/event-stream, application/json"}
        if self._api_key:
            headers["Authorization"] = f"Bearer {self._api_key}"
        self._http = httpx.Client(
            headers=headers,
            timeout=httpx.Timeout(
                connect=self.connect_timeout,
                read=self.read_timeout,
                write=self.read_timeout,
                pool=self.connect_timeout,
            ),
            transport=transport,
            follow_redirects=False,
        )
        self._model_lock = threading.Lock()

    def __repr__(self) -> str:
        return f"LLMClient(url={self.origin!r}, model={self._model!r})"

    def __enter__(self) -> LLMClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the connection pool."""
        self._http.close()

    @property
    def model(self) -> str:
        """The configured model, else the first one the server lists, else ``default``."""
        if self._model is None:
            with self._model_lock:
                if self._model is None:
                    self._model = self._first_listed_model() or FALLBACK_MODEL
                    logger.info("No LLM model configured; using %r", self._model)
        return self._model

    def ping(self) -> bool:
        """True when ``GET {base}/models`` answers 200 within a couple of seconds; never raises."""
        try:
            with self._http.stream(
                "GET", f"{self.base_url}/models", params=self._params, timeout=PING_TIMEOUT_S
            ) as response:
                return response.status_code == 200
        except httpx.HTTPError as exc:
            logger.debug("LLM ping to %s failed: %s", self.origin, type(exc).__name__)
            return False

    def complete(
        self, messages: Sequence[Mapping[str, str]], *, cancel: threading.Event | None = None
    ) -> str:
        """The whole reply to ``messages`` as one string.

        Raises:
            LLMError: Any endpoint failure, as in :meth:`stream_chat`, or an empty reply.
        """
        text = "".join(self.stream_chat(messages, cancel=cancel)).strip()
        if not text:
            raise LLMEmptyAnswerError("LLM returned an empty answer")
        return text

    def stream_chat(
        self, messages: Sequence[Mapping[str, str]], *, cancel: threading.Event | None = None
    ) -> Iterator[str]:
        """Stream the reply to ``messages``, yielding content deltas as they arrive.

        Retries on 429/502/503 (honouring ``Retry-After``) before the first token; never
        after one. Setting ``cancel`` stops the stream within a few tens of milliseconds,
        even while the server is silent. ``max_tokens`` is sent; a reply longer than
        ``llm_max_reply_chars``, or one not finished within ``llm_deadline`` seconds
        (retries included), is abandoned with an error. The configured key and the URL's
        credentials are blanked out (``***``) of the text yielded, even split over deltas.

        Args:
            messages: Chat messages, each with ``role`` and ``content``.
            cancel: Set it from another thread to abandon the request.

        Yields:
            Pieces of the reply's text, in order.

        Raises:
            LLMError: A subclass saying what went wrong: unreachable, timeout, HTTP status,
                malformed or truncated stream, or cancelled.
        """
        body = {
            "model": self.model,
            "messages": [dict(m) for m in messages],
            "stream": True,
            "temperature": TEMPERATURE,
            "max_tokens": self.max_tokens,
        }
        events: queue.Queue[tuple[str, Any]] = queue.Queue()
        stop = threading.Event()
        worker = threading.Thread(
            target=self._stream_worker, args=(body, events, stop), daemon=True, name="llm-stream"
        )
        worker.start()
        deadline = time.monotonic() + self.deadline
        pending = ""
        try:
            while True:
                if cancel is not None and cancel.is_set():
                    raise LLMCancelledError("LLM request cancelled")
                if time.monotonic() > deadline:
                    raise LLMTimeoutError(
                        f"LLM answer took longer than {_seconds(self.deadline)} in all"
                        " (YOUTHBOT_LLM_DEADLINE); stopped waiting"
                    )
                try:
                    kind, value = events.get(timeout=CANCEL_POLL_S)
                except queue.Empty:
                    continue
                if kind == "delta":
                    pending = self.redact(pending + value)
                    keep = _held_back(pending, self._secrets)
                    if len(pending) > keep:
                        yield pending[: len(pending) - keep]
                        pending = pending[len(pending) - keep :]
                elif kind == "error":
                    raise value
                else:
                    if pending:
                        yield self.redact(pending)
                    return
        finally:
            stop.set()

    # -- worker thread -----------------------------------------------------------------

    def _stream_worker(
        self, body: dict[str, Any], events: queue.Queue[tuple[str, Any]], stop: threading.Event
    ) -> None:
        """Run one streamed request, putting ("delta", str), then ("done"|"error", ...)."""
        try:
            response = self._open(body, stop)
            if response is None:
                return
            try:
                self._read_stream(response, events, stop)
            finally:
                response.close()
            events.put(("done", None))
        except LLMError as exc:
            events.put(("error", exc))
        except httpx.HTTPError as exc:
            events.put(("error", self._translate(exc)))
        except Exception as exc:  # a bug: hand it to the caller rather than lose it
            events.put(("error", exc))

    def _open(self, body: dict[str, Any], stop: threading.Event) -> httpx.Response | None:
        """POST the request, retrying on 429/502/503; None when stopped while waiting."""
        url = f"{self.base_url}/chat/completions"
        attempt = 0
        while True:
            logger.debug("LLM request to %s (try %d)", self.origin, attempt)
            request = self._http.build_request("POST", url, json=body, params=self._params)
            response = self._http.send(request, stream=True)
            status = response.status_code
            if status in RETRY_STATUSES and attempt < self.retries:
                delay = retry_delay(response.headers.get("retry-after"), attempt)
                response.close()
                if delay > MAX_RETRY_WAIT_S:
                    raise LLMHTTPError(
                        f"LLM endpoint returned {status} {_phrase(status)} and asks to wait"
                        f" {delay:.0f} s",
                        status,
                    )
                logger.info("LLM endpoint returned %d; retrying in %.2f s", status, delay)
                if stop.wait(delay):
                    return None
                attempt += 1
                continue
            if status >= 400:
                try:
                    text = _read_capped(response, MAX_SMALL_BODY_BYTES, truncate=True)
                    raise self._status_error(response, text.decode("utf-8", "replace"))
                finally:
                    response.close()
            return response

    def _read_stream(
        self, response: httpx.Response, events: queue.Queue[tuple[str, Any]], stop: threading.Event
    ) -> None:
        """Parse server-sent events (or a plain JSON completion) into content deltas.

        Reads at most ``STREAM_BYTES_PER_CHAR * max_reply_chars`` bytes, lines of at most
        ``MAX_LINE_BYTES`` and ``max_reply_chars`` characters of content.
        """
        content_type = response.headers.get("content-type", "")
        byte_cap = STREAM_BYTES_PER_CHAR * self.max_reply_chars
        if "json" in content_type and "event-stream" not in content_type:
            body = _read_capped(response, byte_cap, too_long=self._too_long())
            events.put(("delta", _message_content(_json(body.decode("utf-8", "replace")))))
            return
        finished = False
        written = 0
        for line in _capped_lines(response, byte_cap, self._too_long()):
            if stop.is_set():
                return
            if not line.startswith("data:"):
                continue  # blank separators, ": keep-alive" comments, event:/id: fields
            data = line[5:].strip()
            if data == "[DONE]":
                return
            event = _json(data)
            if event.get("error"):
                raise LLMError(f"LLM endpoint reported an error: {self._detail(event)}")
            choices = event.get("choices") or []
            if not choices or not isinstance(choices[0], dict):
                continue  # e.g. a trailing usage event
            choice = choices[0]
            delta = choice.get("delta") or choice.get("message") or {}
            content = delta.get("content") if isinstance(delta, dict) else None
            if isinstance(content, str) and content:
                written += len(content)
                if written > self.max_reply_chars:
                    raise self._too_long()
                events.put(("delta", content))
            if choice.get("finish_reason"):
                finished = True
                if choice["finish_reason"] == "length":
                    logger.warning("LLM answer was cut at the model's token limit")
        if not finished:
            raise LLMStreamError("LLM stream ended before it finished")

    def _too_long(self) -> LLMTooLongError:
        return LLMTooLongError(
            f"LLM answer was longer than {self.max_reply_chars} characters"
            " (YOUTHBOT_LLM_MAX_REPLY_CHARS); stopped reading"
        )

    def redact(self, text: str) -> str:
        """``text`` with the API key and the URL's credentials blanked out (``***``)."""
        for secret in self._secrets:
            if secret in text:
                text = text.replace(secret, "***")
        return text

    # -- errors ------------------------------------------------------------------------

    def _translate(self, exc: httpx.HTTPError) -> LLMError:
        """An httpx exception as an LLMError whose message a person can act on."""
        if isinstance(exc, httpx.ConnectTimeout):
            return LLMTimeoutError(
                f"LLM endpoint {self.origin} did not accept a connection within"
                f" {_seconds(self.connect_timeout)}"
            )
        if isinstance(exc, httpx.TimeoutException):
            return LLMTimeoutError(f"LLM endpoint timed out after {_seconds(self.read_timeout)}")
        if isinstance(exc, httpx.ConnectError):
            return LLMUnreachableError(
                f"LLM endpoint {self.origin} unreachable ({self.redact(_connect_reason(exc))})"
            )
        if isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError)):
            return LLMStreamError("LLM stream ended before it finished")
        return LLMError(f"LLM endpoint {self.origin} failed ({type(exc).__name__})")

    def _status_error(self, response: httpx.Response, text: str) -> LLMHTTPError:
        """The error for an HTTP status >= 400, with the server's own message when short."""
        status = response.status_code
        head = f"LLM endpoint returned {status} {_phrase(status)}"
        if status in (401, 403):
            return LLMAuthError(f"{head} — check YOUTHBOT_LLM_API_KEY", status)
        try:
            detail = self._detail(json.loads(text))
        except ValueError:
            detail = ""
        if status == 404:
            hint = " — check YOUTHBOT_LLM_URL (it ends in /v1) and YOUTHBOT_LLM_MODEL"
            return LLMHTTPError(f"{head}{': ' + detail if detail else ''}{hint}", status)
        return LLMHTTPError(f"{head}{': ' + detail if detail else ''}", status)

    def _detail(self, payload: object) -> str:
        """The server's error message from an OpenAI-style error body, short and key-free."""
        message: object = ""
        if isinstance(payload, dict):
            error = payload.get("error", payload)
            message = error.get("message", "") if isinstance(error, dict) else error
        text = " ".join(str(message or "").split())[:160]
        return self.redact(text)

    def _first_listed_model(self) -> str | None:
        """The first model id ``GET {base}/models`` lists, or None."""
        try:
            with self._http.stream(
                "GET", f"{self.base_url}/models", params=self._params, timeout=PING_TIMEOUT_S
            ) as response:
                if response.status_code != 200:
                    return None
                body = _read_capped(response, MAX_SMALL_BODY_BYTES * 16)
            data = json.loads(body).get("data")
        except (httpx.HTTPError, LLMError, ValueError, AttributeError):
            return None
        if isinstance(data, list) and data and isinstance(data[0], dict):
            model = data[0].get("id")
            return model if isinstance(model, str) and model else None
        return None


def _read_capped(
    response: httpx.Response,
    limit: int,
    *,
    truncate: bool = False,
    too_long: LLMError | None = None,
) -> bytes:
    """At most ``limit`` bytes of a streamed body: the first ``limit`` (``truncate``), or an
    error (``too_long``) when there are more."""
    out = bytearray()
    for piece in response.iter_bytes():
        out += piece
        if len(out) > limit:
            if truncate:
                return bytes(out[:limit])
            raise too_long or LLMTooLongError("LLM endpoint sent a body longer than youthbot reads")
    return bytes(out)


def _capped_lines(response: httpx.Response, limit: int, too_long: LLMError) -> Iterator[str]:
    """The body's lines (without line ends), reading at most ``limit`` bytes in all and
    ``MAX_LINE_BYTES`` per line."""
    buffer = bytearray()
    total = 0
    for piece in response.iter_bytes():
        total += len(piece)
        if total > limit:
            raise too_long
        buffer += piece
        while True:
            end = buffer.find(b"\n")
            if end < 0:
                break
            line = bytes(buffer[:end]).rstrip(b"\r")
            del buffer[: end + 1]
            yield line.decode("utf-8", "replace")
        if len(buffer) > MAX_LINE_BYTES:
            raise too_long
    if buffer:
        yield bytes(buffer).rstrip(b"\r").decode("utf-8", "replace")


def _json(data: str) -> dict[str, Any]:
    """One stream event or completion body as a dict, or LLMStreamError."""
    try:
        value = json.loads(data)
    except ValueError:
        message = "LLM endpoint sent a malformed stream (an event is not JSON)"
        raise LLMStreamError(message) from None
    if not isinstance(value, dict):
        raise LLMStreamError("LLM endpoint sent a malformed stream (an event is not an object)")
    return value


def _message_content(payload: dict[str, Any]) -> str:
    """The text of a non-streamed completion."""
    try:
        content = payload["choices"][0]["message"]["content"]
    except (KeyError, IndexError, TypeError):
        raise LLMStreamError("LLM endpoint sent a completion without a message") from None
    return content if isinstance(content, str) else ""


def _phrase(status: int) -> str:
    """The reason phrase of an HTTP status, e.g. ``Unauthorized``."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def _connect_reason(exc: httpx.ConnectError) -> str:
    """Why a connection failed, in a few words."""
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ConnectionRefusedError):
            return "connection refused"
        cause = cause.__cause__ or cause.__context__
    text = str(exc).lower()
    if "refused" in text:
        return "connection refused"
    if "name or service" in text or "nodename" in text or "getaddrinfo" in text:
        return "host name not found"
    return str(exc) or type(exc).__name__
