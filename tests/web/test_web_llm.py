"""With an LLM configured: the answer streams into the page and unverified sentences are marked."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from web_helpers import QUESTION, REPO, LiveServer

from youthbot.config import Settings
from youthbot.pipeline import Pipeline
from youthbot.web.app import make_web_app
from youthbot.web.strings import LV

sys.path.insert(0, str(REPO / "tests" / "answer"))
from llm_server import Reply, ScriptedLLMServer  # noqa: E402

REPLY = (
    "Speciālisti pulcējās 26.janvārī Liepājas valstspilsētas pašvaldībā [1]."
    " Pēc tam viņi lidoja uz Mēnesi [1]."
)


@pytest.fixture
def llm_site(
    built_index: Path, pipeline: Pipeline
) -> Iterator[tuple[LiveServer, ScriptedLLMServer]]:
    pieces = [REPLY[i : i + 12] for i in range(0, len(REPLY), 12)]
    llm = ScriptedLLMServer(default=Reply(chunks=pieces, chunk_delay_s=0.05)).start()
    settings = Settings(
        index=built_index,
        llm_url=llm.base_url,
        llm_model="test-model",
        llm_api_key="sk-web-test-key",
        llm_retries=0,
    )
    site = Pipeline(settings)
    site._embedder = pipeline.embedder()  # the session's loaded model
    live = LiveServer(make_web_app(site, settings, build_if_missing=False)).start()
    yield live, llm
    live.close()
    site.close()
    llm.close()


def test_api_streams_tokens_then_the_checked_answer(
    llm_site: tuple[LiveServer, ScriptedLLMServer],
) -> None:
    live, _llm = llm_site
    with httpx.stream(
        "POST",
        f"{live.url}/api/ask",
        json={"question": QUESTION},
        headers={"Accept": "text/event-stream"},
        timeout=60,
    ) as response:
        text = "".join(response.iter_text())
    events = [b.splitlines() for b in text.split("\n\n") if b.strip()]
    names = [e[0].removeprefix("event: ") for e in events]
    assert names.count("token") >= 3 and names[-1] == "answer"
    deltas = "".join(json.loads(e[1].removeprefix("data: "))["delta"] for e in events[:-1])
    assert deltas == REPLY
    answer = json.loads(events[-1][1].removeprefix("data: "))
    assert answer["mode"] == "llm"
    assert [s["verified"] for s in answer["sentences"]] == [True, False]
    assert "sk-web-test-key" not in text


def test_page_streams_the_answer_and_marks_the_unverified_sentence(
    llm_site: tuple[LiveServer, ScriptedLLMServer], page: Any
) -> None:
    live, _llm = llm_site
    page.goto(live.url + "/")
    page.fill("#question", QUESTION)
    page.press("#question", "Enter")
    page.wait_for_selector("article.pending .answer.streaming:not(:empty)")  # text before the end
    page.wait_for_selector("article.exchange:not(.pending)")
    exchange = page.locator("article.exchange").last
    answer = exchange.locator(".answer")
    assert "Speciālisti pulcējās 26.janvārī" in answer.inner_text()
    assert exchange.locator(".unverified").count() == 1
    assert "Mēnesi" in answer.inner_text().split("⚠")[0]  # the mark follows that sentence
    assert LV.unverified_legend in exchange.locator(".note").inner_text()
    assert "LLM" in exchange.locator(".note").inner_text()
    assert "sk-web-test-key" not in page.content()
