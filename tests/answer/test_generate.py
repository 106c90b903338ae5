"""LLM answers end to end against the scripted server: what the user would see, and --json."""

from __future__ import annotations

import json

import pytest
from llm_server import Reply, ScriptedLLMServer, text_reply
from real_passages import document_text, five_passages

from youthbot.answer.generate import answer_with_llm, says_no_answer
from youthbot.answer.llm import LLMClient, LLMEmptyAnswerError, LLMHTTPError, LLMStreamError
from youthbot.answer.prompts import NO_ANSWER_SENTINEL, NO_ANSWER_TEXT
from youthbot.config import Settings
from youthbot.errors import LLMError
from youthbot.text.analyze import Analyzer

ANALYZER = Analyzer()
QUESTION = "Cik ilgi ilga projekts “Starpnovadu tīklošanās”?"
GOOD = (
    "Projekts ilga septiņus mēnešus [1]. Apmācības par starpsektoru sadarbību notika Lietuvā "
    "no 21. līdz 25. novembrim [2]."
)


@pytest.fixture
def client(llm_settings: Settings) -> LLMClient:
    with LLMClient(llm_settings) as c:
        yield c


def _ask(client: LLMClient, **kwargs: object):
    return answer_with_llm(
        QUESTION,
        five_passages(),
        client=client,
        document_text=document_text,
        content_words=ANALYZER.content_words,
        **kwargs,
    )


def test_good_answer(client: LLMClient, llm_server: ScriptedLLMServer) -> None:
    llm_server.script(text_reply(GOOD, pieces=6))
    tokens: list[str] = []
    answer = _ask(client, on_token=tokens.append)
    assert "".join(tokens) == GOOD
    assert len(tokens) > 1
    assert answer.mode == "llm" and answer.answered is True
    assert answer.text == (
        "Projekts ilga septiņus mēnešus. [1] Apmācības par starpsektoru sadarbību notika "
        "Lietuvā no 21. līdz 25. novembrim. [2]"
    )
    assert [s.verified for s in answer.sentences] == [True, True]
    assert [c.n for c in answer.citations] == [1, 2]
    assert answer.llm.model == "test-model"
    assert answer.llm.url_host == f"127.0.0.1:{llm_server.port}"
    assert answer.llm.latency_ms > 0 and answer.llm.fallback_reason is None
    data = json.loads(json.dumps(answer.to_dict()))
    assert data["mode"] == "llm"
    assert data["sentences"][0] == {
        "text": "Projekts ilga septiņus mēnešus.",
        "citations": [1],
        "verified": True,
    }
    assert data["llm"]["fallback_reason"] is None
    assert (
        data["citations"][0]["quote"]
        == document_text(data["citations"][0]["doc"])[
            data["citations"][0]["start"] : data["citations"][0]["end"]
        ]
    )
    assert len(data["passages"]) == 5
    sent = llm_server.chat_requests[0].body["messages"]
    assert "Projekts ilgs" in sent[1]["content"] and QUESTION in sent[1]["content"]


def test_answer_citing_passage_nine_of_five(
    client: LLMClient, llm_server: ScriptedLLMServer
) -> None:
    reply = "Projekts ilga septiņus mēnešus [9]. Tas notika Siguldas novadā [1][9]."
    llm_server.script(text_reply(reply))
    answer = _ask(client)
    assert "[9]" not in answer.text
    assert [s.citations for s in answer.sentences] == [[], [1]]
    assert answer.sentences[0].verified is False
    assert [c.n for c in answer.citations] == [1]


def test_answer_with_an_uncited_sentence(client: LLMClient, llm_server: ScriptedLLMServer) -> None:
    reply = "Projekts ilga septiņus mēnešus [1]. To finansēja Pasaules Banka."
    llm_server.script(text_reply(reply))
    answer = _ask(client)
    assert answer.answered is True
    data = answer.to_dict()
    assert data["sentences"][1] == {
        "text": "To finansēja Pasaules Banka.",
        "citations": [],
        "verified": False,
    }
    assert data["sentences"][0]["verified"] is True


def test_sentinel_means_not_answered_and_is_never_streamed(
    client: LLMClient, llm_server: ScriptedLLMServer
) -> None:
    llm_server.script(text_reply(NO_ANSWER_SENTINEL, pieces=5))
    tokens: list[str] = []
    answer = _ask(client, on_token=tokens.append)
    assert answer.answered is False and answer.mode == "llm"
    assert answer.text == NO_ANSWER_TEXT["lv"]
    assert tokens == []
    assert answer.sentences == [] and answer.citations == []
    assert len(answer.passages) == 5


def test_not_found_in_words(client: LLMClient, llm_server: ScriptedLLMServer) -> None:
    llm_server.script(text_reply("Avotos nav minēts, kas finansēja šo projektu."))
    answer = _ask(client, language="en")
    assert answer.answered is False
    assert answer.text == NO_ANSWER_TEXT["en"]


def test_reasoning_block_is_hidden(client: LLMClient, llm_server: ScriptedLLMServer) -> None:
    llm_server.script(text_reply("<think>Passage 9 maybe [9]?</think>Projekts ilga 7 mēnešus [1]."))
    tokens: list[str] = []
    answer = _ask(client, on_token=tokens.append)
    assert "".join(tokens) == "Projekts ilga 7 mēnešus [1]."
    assert answer.text == "Projekts ilga 7 mēnešus. [1]"
    assert answer.sentences[0].verified is True


@pytest.mark.parametrize("reply", [Reply(chunks=[" ", "\n"]), text_reply("<think>hmm</think>")])
def test_empty_answer_raises(
    client: LLMClient, llm_server: ScriptedLLMServer, reply: Reply
) -> None:
    llm_server.script(reply)
    with pytest.raises(LLMEmptyAnswerError, match="LLM returned an empty answer"):
        _ask(client)


def test_endpoint_failures_raise_llm_errors(
    client: LLMClient, llm_server: ScriptedLLMServer
) -> None:
    llm_server.script(Reply(status=500))
    with pytest.raises(LLMHTTPError):
        _ask(client)
    llm_server.script(Reply(chunks=["Projekts ilga"], cut="chunked"))
    with pytest.raises(LLMStreamError):
        _ask(client)


def test_no_passages_needs_no_call(client: LLMClient, llm_server: ScriptedLLMServer) -> None:
    answer = answer_with_llm(
        QUESTION,
        [],
        client=client,
        document_text=document_text,
        content_words=ANALYZER.content_words,
    )
    assert answer.answered is False and answer.mode == "llm"
    assert llm_server.chat_requests == []


def test_says_no_answer() -> None:
    assert says_no_answer(NO_ANSWER_SENTINEL)
    assert says_no_answer(f"**{NO_ANSWER_SENTINEL}**")
    assert says_no_answer("The passages do not mention who funded it.")
    assert not says_no_answer("Projekts ilga 7 mēnešus [1].")
    assert not says_no_answer("Avotos nav minēts finansētājs, bet projekts ilga 7 mēnešus [1].")
    assert issubclass(LLMEmptyAnswerError, LLMError)
