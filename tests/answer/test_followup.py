"""Follow-up questions rewritten as standalone ones: by rule, and by the scripted LLM."""

from __future__ import annotations

import pytest
from llm_server import Reply, ScriptedLLMServer, closed_port, text_reply

from youthbot.answer.followup import carry_key_terms, is_followup, standalone_question
from youthbot.answer.llm import LLMClient
from youthbot.config import Settings
from youthbot.text.analyze import Analyzer
from youthbot.types import Turn

ANALYZER = Analyzer()
HISTORY = [Turn("Kurš īstenoja projektu “Starpnovadu tīklošanās” Siguldā?", "Centrs “Mērķis” [1].")]


@pytest.mark.parametrize(
    "question",
    [
        "Un kas to finansēja?",
        "Kas to finansēja?",
        "Cik ilgi tas ilga?",
        "Kas tur piedalījās?",
        "And who funded it?",
        "Kad?",
        "Cik dalībnieku?",
    ],
)
def test_followups_are_detected(question: str) -> None:
    assert is_followup(question)


@pytest.mark.parametrize(
    "question",
    [
        "Kas finansēja projektu “PROTI un DARI 2.0”?",
        "Kur notika Kurzemes jaunatnes lietu speciālistu tikšanās 2024. gada janvārī?",
        "Kas ir Erasmus+?",
        "Who organised the training in Lithuania?",
    ],
)
def test_standalone_questions_are_left_alone(question: str) -> None:
    assert not is_followup(question)
    words = ANALYZER.content_words
    assert standalone_question(question, HISTORY, client=None, content_words=words) == question


def test_no_history_leaves_the_question() -> None:
    q = "Un kas to finansēja?"
    assert standalone_question(q, [], client=None, content_words=ANALYZER.content_words) == q


def test_rule_carries_the_previous_key_terms_in_surface_form() -> None:
    rewritten = standalone_question(
        "Un kas to finansēja?", HISTORY, client=None, content_words=ANALYZER.content_words
    )
    assert rewritten == "Un kas to finansēja (projektu Starpnovadu tīklošanās Siguldā)?"


def test_rule_skips_terms_the_question_has() -> None:
    rewritten = carry_key_terms("Un cik ilgi ilga projekts?", HISTORY, ANALYZER.content_words)
    assert "projektu" not in rewritten
    assert "Starpnovadu tīklošanās Siguldā" in rewritten


def test_rule_reaches_back_past_an_earlier_followup() -> None:
    history = [*HISTORY, Turn("Un kas to finansēja?", "Ministrija [1].")]
    rewritten = carry_key_terms("Cik ilgi tas ilga?", history, ANALYZER.content_words)
    assert "Starpnovadu" in rewritten
    # what was asked before ("īstenoja", "finansēja") is not what is asked now
    assert "finansēja" not in rewritten and "īstenoja" not in rewritten


def test_llm_rewrites_a_followup(llm_settings: Settings, llm_server: ScriptedLLMServer) -> None:
    reply = "Standalone question: “Kas finansēja projektu Starpnovadu tīklošanās?”\n"
    llm_server.script(text_reply(reply))
    with LLMClient(llm_settings) as client:
        rewritten = standalone_question(
            "Un kas to finansēja?", HISTORY, client=client, content_words=ANALYZER.content_words
        )
    assert rewritten == "Kas finansēja projektu Starpnovadu tīklošanās?"
    user = llm_server.chat_requests[0].body["messages"][1]["content"]
    assert "Kurš īstenoja projektu “Starpnovadu tīklošanās” Siguldā?" in user
    assert "Last question: Un kas to finansēja?" in user


def test_llm_is_not_asked_for_a_standalone_question(
    llm_settings: Settings, llm_server: ScriptedLLMServer
) -> None:
    with LLMClient(llm_settings) as client:
        standalone_question(
            "Kas finansēja projektu “PROTI un DARI 2.0”?",
            HISTORY,
            client=client,
            content_words=ANALYZER.content_words,
        )
    assert llm_server.chat_requests == []


@pytest.mark.parametrize("reply", [Reply(status=500), Reply(chunks=["   "])])
def test_llm_failure_falls_back_to_the_rule(
    llm_settings: Settings, llm_server: ScriptedLLMServer, reply: Reply
) -> None:
    llm_server.script(reply)
    with LLMClient(llm_settings) as client:
        rewritten = standalone_question(
            "Un kas to finansēja?", HISTORY, client=client, content_words=ANALYZER.content_words
        )
    assert rewritten == "Un kas to finansēja (projektu Starpnovadu tīklošanās Siguldā)?"


def test_unreachable_llm_falls_back_to_the_rule() -> None:
    settings = Settings(llm_url=f"http://127.0.0.1:{closed_port()}/v1", llm_model="m")
    with LLMClient(settings) as client:
        rewritten = standalone_question(
            "Un kas to finansēja?", HISTORY, client=client, content_words=ANALYZER.content_words
        )
    assert "Starpnovadu" in rewritten
