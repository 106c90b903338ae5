"""The OpenAI-compatible client against a real scripted HTTP server on 127.0.0.1."""

from __future__ import annotations

import logging
import threading
import time

import pytest
from conftest import API_KEY
from llm_server import Reply, ScriptedLLMServer, closed_port, text_reply

from youthbot.answer.llm import (
    LLMAuthError,
    LLMCancelledError,
    LLMClient,
    LLMEmptyAnswerError,
    LLMHTTPError,
    LLMStreamError,
    LLMTimeoutError,
    LLMUnreachableError,
    endpoint_host,
    endpoint_origin,
    retry_delay,
)
from youthbot.config import Settings
from youthbot.errors import LLMError

MESSAGES = [{"role": "user", "content": "Sveiki"}]


@pytest.fixture
def client(llm_settings: Settings) -> LLMClient:
    with LLMClient(llm_settings) as c:
        yield c


def test_streams_deltas_until_done(client: LLMClient, llm_server: ScriptedLLMServer) -> None:
    llm_server.script(Reply(chunks=["Projekts ", "ilga ", "7 mēnešus [1]."]))
    assert list(client.stream_chat(MESSAGES)) == ["Projekts ", "ilga ", "7 mēnešus [1]."]
    request = llm_server.chat_requests[0]
    assert request.body["stream"] is True
    assert request.body["model"] == "test-model"
    assert request.body["messages"] == MESSAGES
    assert request.headers["Authorization"] == f"Bearer {API_KEY}"


def test_done_without_finish_reason_is_complete(
    client: LLMClient, llm_server: ScriptedLLMServer
) -> None:
    llm_server.script(Reply(chunks=["Jā."], finish=False, raw_events=["data: [DONE]\n\n"]))
    assert client.complete(MESSAGES) == "Jā."


def test_comments_and_usage_events_are_skipped(
    client: LLMClient, llm_server: ScriptedLLMServer
) -> None:
    raw = [": keep-alive\n\n", 'data: {"choices": [], "usage": {"total_tokens": 3}}\n\n']
    llm_server.script(Reply(chunks=["A", "B"], raw_events=raw))
    assert client.complete(MESSAGES) == "AB"


def test_plain_json_completion_is_accepted(
    client: LLMClient, llm_server: ScriptedLLMServer
) -> None:
    llm_server.script(Reply(chunks=["Viss ", "kārtībā."], json_body=True))
    assert client.complete(MESSAGES) == "Viss kārtībā."


def test_malformed_event_is_a_stream_error(
    client: LLMClient, llm_server: ScriptedLLMServer
) -> None:
    llm_server.script(Reply(chunks=["Labi"], raw_events=["data: {not json\n\n"]))
    with pytest.raises(LLMStreamError, match="malformed"):
        list(client.stream_chat(MESSAGES))


def test_error_event_mid_stream(client: LLMClient, llm_server: ScriptedLLMServer) -> None:
    llm_server.script(Reply(raw_events=['data: {"error": {"message": "model crashed"}}\n\n']))
    with pytest.raises(LLMError, match="model crashed"):
        client.complete(MESSAGES)


@pytest.mark.parametrize("cut", ["chunked", "eof"])
def test_stream_cut_midway(client: LLMClient, llm_server: ScriptedLLMServer, cut: str) -> None:
    llm_server.script(Reply(chunks=["Projekts ", "ilga"], cut=cut))
    received: list[str] = []
    with pytest.raises(LLMStreamError, match="ended before it finished"):
        for delta in client.stream_chat(MESSAGES):
            received.append(delta)
    assert received == ["Projekts ", "ilga"]


def test_429_with_retry_after_then_200(client: LLMClient, llm_server: ScriptedLLMServer) -> None:
    llm_server.script(Reply(status=429, headers={"Retry-After": "0.3"}), text_reply("Labi."))
    started = time.perf_counter()
    assert client.complete(MESSAGES) == "Labi."
    assert time.perf_counter() - started >= 0.3
    first, second = llm_server.chat_requests
    assert second.received_at - first.received_at >= 0.3


def test_503_is_retried_with_backoff(client: LLMClient, llm_server: ScriptedLLMServer) -> None:
    llm_server.script(Reply(status=503), Reply(status=502), text_reply("Beidzot."))
    assert client.complete(MESSAGES) == "Beidzot."
    assert len(llm_server.chat_requests) == 3


def test_retries_run_out(client: LLMClient, llm_server: ScriptedLLMServer) -> None:
    llm_server.script(*[Reply(status=429, headers={"Retry-After": "0"})] * 3)
    with pytest.raises(LLMHTTPError, match="429 Too Many Requests") as info:
        client.complete(MESSAGES)
    assert info.value.status == 429
    assert len(llm_server.chat_requests) == 3  # one try and llm_retries=2 retries


def test_long_retry_after_is_not_waited_for(
    client: LLMClient, llm_server: ScriptedLLMServer
) -> None:
    llm_server.script(Reply(status=429, headers={"Retry-After": "3600"}))
    started = time.perf_counter()
    with pytest.raises(LLMHTTPError, match="wait 3600 s"):
        client.complete(MESSAGES)
    assert time.perf_counter() - started < 1


def test_500_fails_at_once_with_the_server_message(
    client: LLMClient, llm_server: ScriptedLLMServer
) -> None:
    llm_server.script(Reply(status=500, body=b'{"error": {"message": "CUDA out of memory"}}'))
    with pytest.raises(LLMHTTPError) as info:
        client.complete(MESSAGES)
    assert str(info.value) == "LLM endpoint returned 500 Internal Server Error: CUDA out of memory"
    assert len(llm_server.chat_requests) == 1


def test_401_names_the_setting_and_hides_the_key(
    client: LLMClient, llm_server: ScriptedLLMServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    body = f'{{"error": {{"message": "Incorrect API key provided: {API_KEY}"}}}}'.encode()
    llm_server.script(Reply(status=401, body=body))
    with pytest.raises(LLMAuthError) as info:
        client.complete(MESSAGES)
    message = str(info.value)
    assert message == "LLM endpoint returned 401 Unauthorized — check YOUTHBOT_LLM_API_KEY"
    assert API_KEY not in caplog.text
    assert API_KEY not in repr(client)


def test_server_error_detail_is_redacted(client: LLMClient, llm_server: ScriptedLLMServer) -> None:
    body = f'{{"error": {{"message": "bad token {API_KEY} for model"}}}}'.encode()
    llm_server.script(Reply(status=400, body=body))
    with pytest.raises(LLMHTTPError) as info:
        client.complete(MESSAGES)
    assert API_KEY not in str(info.value)
    assert "bad token *** for model" in str(info.value)


def test_stall_past_read_timeout(client: LLMClient, llm_server: ScriptedLLMServer) -> None:
    llm_server.script(Reply(chunks=["x"], delay_s=3))
    started = time.perf_counter()
    with pytest.raises(LLMTimeoutError, match=r"^LLM endpoint timed out after 0\.5 s$"):
        client.complete(MESSAGES)
    assert time.perf_counter() - started < 2


def test_stall_between_chunks_past_read_timeout(
    client: LLMClient, llm_server: ScriptedLLMServer
) -> None:
    llm_server.script(Reply(chunks=["Projekts", " ilga"], chunk_delay_s=3))
    stream = client.stream_chat(MESSAGES)
    assert next(stream) == "Projekt"  # the "s" could begin the API key: held until more comes
    with pytest.raises(LLMTimeoutError):
        next(stream)


def test_connection_refused() -> None:
    port = closed_port()
    settings = Settings(llm_url=f"http://127.0.0.1:{port}/v1", llm_model="m", llm_api_key=API_KEY)
    with LLMClient(settings) as client, pytest.raises(LLMUnreachableError) as info:
        client.complete(MESSAGES)
    expected = f"LLM endpoint http://127.0.0.1:{port} unreachable (connection refused)"
    assert str(info.value) == expected


def test_cancel_mid_stream(client: LLMClient, llm_server: ScriptedLLMServer) -> None:
    llm_server.script(Reply(chunks=[f"t{i} " for i in range(20)], chunk_delay_s=0.2))
    cancel = threading.Event()
    received: list[str] = []
    with pytest.raises(LLMCancelledError):
        for delta in client.stream_chat(MESSAGES, cancel=cancel):
            received.append(delta)
            cancel.set()
            started = time.perf_counter()
    assert received == ["t0 "]
    assert time.perf_counter() - started < 0.15


def test_cancel_while_server_is_silent(llm_server: ScriptedLLMServer) -> None:
    settings = Settings(llm_url=llm_server.base_url, llm_model="m", llm_read_timeout=30)
    llm_server.script(Reply(chunks=["late"], delay_s=10))
    cancel = threading.Event()
    threading.Timer(0.2, cancel.set).start()
    started = time.perf_counter()
    with LLMClient(settings) as client, pytest.raises(LLMCancelledError):
        client.complete(MESSAGES, cancel=cancel)
    assert time.perf_counter() - started < 1


def test_empty_completion(client: LLMClient, llm_server: ScriptedLLMServer) -> None:
    llm_server.script(Reply(chunks=["  ", "\n"]))
    with pytest.raises(LLMEmptyAnswerError, match="LLM returned an empty answer"):
        client.complete(MESSAGES)


def test_ping(client: LLMClient, llm_server: ScriptedLLMServer) -> None:
    assert client.ping() is True
    assert llm_server.requests[-1].path == "/v1/models"
    closed = Settings(llm_url=f"http://127.0.0.1:{closed_port()}/v1")
    with LLMClient(closed) as down:
        assert down.ping() is False


def test_model_is_discovered_when_not_configured(llm_server: ScriptedLLMServer) -> None:
    with LLMClient(Settings(llm_url=llm_server.base_url + "/")) as client:
        assert client.model == "test-model"
        assert client.complete(MESSAGES) == "Labi."
    assert llm_server.chat_requests[0].body["model"] == "test-model"
    assert "Authorization" not in llm_server.chat_requests[0].headers


def test_url_helpers_hide_credentials_and_path() -> None:
    url = "https://user:pw@api.example.com:8443/v1?api-key=zzz"
    assert endpoint_origin(url) == "https://api.example.com:8443"
    assert endpoint_host(url) == "api.example.com:8443"
    assert endpoint_host("http://localhost/v1") == "localhost"


def test_bad_url_is_an_llm_error() -> None:
    with pytest.raises(LLMError, match="http"):
        LLMClient(Settings(llm_url="ftp://example.com/v1"))


def test_retry_delay() -> None:
    assert retry_delay("2", 0) == 2.0
    assert retry_delay(None, 0) == 0.5
    assert retry_delay(None, 2) == 2.0
    assert retry_delay("Wed, 21 Oct 2015 07:28:00 GMT", 0) == 0.0  # a date in the past
    assert retry_delay("soon", 1) == 1.0
