"""Hostile LLM endpoints (real HTTP servers on 127.0.0.1): nothing hangs, nothing leaks."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import API_KEY
from llm_server import CITED, HOSTILE_FAULTS, Reply, ScriptedLLMServer, text_reply

from youthbot.answer.cite import MAX_RANGE, parse_markers
from youthbot.answer.llm import LLMClient
from youthbot.config import Settings
from youthbot.pipeline import Pipeline
from youthbot.types import Answer

QUESTION = "Cik ilgi ilga projekts “Starpnovadu tīklošanās”?"
#: A hang detector, not a speed target: an honest run of any case here takes seconds.
HANG_S = 120


def _within(seconds: float, work: Callable[[], Any]) -> Any:
    """``work()``, failing the test if it has not returned after ``seconds``."""
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = work()
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            box["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds} s: it hangs"
    if "error" in box:
        raise box["error"]
    return box["value"]


def _settings(server: ScriptedLLMServer, index: Path, **kw: Any) -> Settings:
    values: dict[str, Any] = {
        "index": index,
        "llm_url": server.base_url,
        "llm_model": "test-model",
        "llm_api_key": API_KEY,
        "llm_connect_timeout": 0.5,
        "llm_read_timeout": 1.0,
        "llm_retries": 0,
        "llm_deadline": 3.0,
    }
    values.update(kw)
    return Settings(**values)


@pytest.mark.parametrize("kind", sorted(HOSTILE_FAULTS))
def test_hostile_endpoint(kind: str, llm_server: ScriptedLLMServer, built_index: Path) -> None:
    fault = HOSTILE_FAULTS[kind]
    llm_server.default = lambda _body: fault.reply()
    pipeline = Pipeline(_settings(llm_server, built_index))
    try:
        answer: Answer = _within(HANG_S, lambda: pipeline.ask(QUESTION))
    finally:
        pipeline.close()
    shown = json.dumps(answer.to_dict(), ensure_ascii=False)
    assert API_KEY not in shown
    assert len(shown) < 200_000
    if fault.outcome == "fallback":
        assert answer.mode != "llm"
        assert answer.llm is not None and fault.reason in (answer.llm.fallback_reason or "")
    else:
        assert answer.mode == "llm", answer.llm
        assert "9999999999" not in answer.text


def test_max_tokens_is_sent(llm_settings: Settings, llm_server: ScriptedLLMServer) -> None:
    llm_server.script(text_reply("Labi."))
    with LLMClient(llm_settings) as client:
        client.complete([{"role": "user", "content": "Sveiki"}])
    assert llm_server.chat_requests[0].body["max_tokens"] == llm_settings.llm_max_tokens


def test_range_markers_are_bounded() -> None:
    plain, groups, unknown = _within(
        HANG_S, lambda: parse_markers("Projekts ilga septiņus mēnešus [1-9999999999].", 5)
    )
    assert plain == "Projekts ilga septiņus mēnešus."
    assert groups == [(len("Projekts ilga septiņus mēnešus"), [1, 2, 3, 4, 5])]
    assert unknown == MAX_RANGE


def test_markers_are_parsed_in_linear_time() -> None:
    text = "Teikums" + " " * 200_000 + "[1]." + "[" * 100_000 + "1" * 100_000
    plain, groups, _ = _within(HANG_S, lambda: parse_markers(text, 3))
    assert groups[0][1] == [1]


def test_citation_check_of_a_long_answer_finishes(pipeline: Pipeline) -> None:
    from youthbot.answer.cite import verify_answer

    passages = pipeline.search(QUESTION, 3)
    answer = CITED * 1000  # 36,000 characters, 1000 cited sentences
    checked = _within(
        HANG_S,
        lambda: verify_answer(
            answer,
            passages,
            document_text=lambda path: pipeline.document(path).text,
            content_words=pipeline.analyzer.content_words,
        ),
    )
    assert len(checked.sentences) == 1000


def test_secret_never_streams_even_split_across_deltas(
    llm_settings: Settings, llm_server: ScriptedLLMServer
) -> None:
    words = f"Atslēga ir {API_KEY}, paldies."
    pieces = [words[i : i + 3] for i in range(0, len(words), 3)]  # the key in 3-char deltas
    llm_server.script(Reply(chunks=pieces))
    with LLMClient(llm_settings) as client:
        streamed = list(client.stream_chat([{"role": "user", "content": "Sveiki"}]))
    assert API_KEY not in "".join(streamed)
    assert "".join(streamed) == "Atslēga ir ***, paldies."


URL_SECRETS = ("lietotajs", "parole-9f8e7d", "azure-key-3c2b1a")


def _secret_url(server: ScriptedLLMServer) -> str:
    return f"http://lietotajs:parole-9f8e7d@127.0.0.1:{server.port}/v1?api-key=azure-key-3c2b1a"


def test_url_secrets_reach_the_server_and_are_never_shown(
    llm_server: ScriptedLLMServer, built_index: Path
) -> None:
    llm_server.default = lambda _body: Reply(status=503)  # fall back: url_host is shown
    pipeline = Pipeline(_settings(llm_server, built_index, llm_url=_secret_url(llm_server)))
    try:
        answer = pipeline.ask(QUESTION)
    finally:
        pipeline.close()
    request = llm_server.chat_requests[0]
    assert request.path == "/v1/chat/completions?api-key=azure-key-3c2b1a"
    assert request.headers["Authorization"].startswith("Basic ")  # user:password@ is used
    shown = json.dumps(answer.to_dict(), ensure_ascii=False)
    assert answer.llm is not None and answer.llm.url_host == f"127.0.0.1:{llm_server.port}"
    for secret in URL_SECRETS:
        assert secret not in shown


def test_verbose_logging_never_prints_url_secrets(
    llm_server: ScriptedLLMServer, built_index: Path
) -> None:
    """httpx logs every request URL at INFO level; with -v that reaches stderr."""
    llm_server.default = lambda _body: Reply(chunks=[CITED], echo_auth=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("YOUTHBOT_")}
    env |= {"YOUTHBOT_LLM_URL": _secret_url(llm_server), "YOUTHBOT_LLM_API_KEY": API_KEY}
    youthbot = str(Path(sys.executable).parent / "youthbot")
    done = subprocess.run(
        [youthbot, "-v", "--index", str(built_index), "ask", QUESTION, "--json"],
        capture_output=True,
        text=True,
        env=env,
        timeout=HANG_S,
    )
    assert done.returncode == 0, done.stderr
    assert "HTTP Request: POST" in done.stderr  # httpx did log the request
    for secret in (*URL_SECRETS, API_KEY):
        assert secret not in done.stderr and secret not in done.stdout


def test_httpx_log_records_are_redacted_in_process(
    llm_server: ScriptedLLMServer, built_index: Path, caplog: pytest.LogCaptureFixture
) -> None:
    llm_server.default = lambda _body: text_reply(CITED)
    settings = _settings(llm_server, built_index, llm_url=_secret_url(llm_server))
    with caplog.at_level(logging.DEBUG), LLMClient(settings) as client:
        client.complete([{"role": "user", "content": "Sveiki"}])
    assert "HTTP Request" in caplog.text
    for secret in (*URL_SECRETS, API_KEY):
        assert secret not in caplog.text
