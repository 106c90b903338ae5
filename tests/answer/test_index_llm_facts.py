"""Index-time directory facts proposed by a real (scripted) LLM server on 127.0.0.1."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from llm_server import Reply, ScriptedLLMServer

from youthbot.config import Settings
from youthbot.pipeline import Pipeline

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
DOC = "2023-11-ogre-erasmus-lietuva.txt"


def _settings(tmp_path: Path, server: ScriptedLLMServer) -> Settings:
    return Settings(
        index=tmp_path / "idx",
        llm_url=server.base_url,
        llm_model="test-model",
        llm_read_timeout=0.5,
        llm_connect_timeout=0.5,
        llm_retries=0,
    )


def test_llm_facts_are_kept_only_when_quoted(tmp_path: Path, llm_server: ScriptedLLMServer) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(CORPUS / DOC, docs / DOC)
    proposal = {
        "people": [
            {
                "name": "Dace Veiliņa",
                "role": "",
                "org": "Ogres novada Izglītības pārvalde",
                "quote": "Dace Veiliņa",
            },
            {
                "name": "Pēteris Hallucinators",
                "role": "mērs",
                "org": "",
                "quote": "Pēteris Hallucinators vadīja apmācības",
            },
        ],
        "orgs": [],
        "places": [],
        "projects": [],
        "events": [],
    }
    llm_server.script(Reply(chunks=[json.dumps(proposal, ensure_ascii=False)]))
    pipeline = Pipeline(_settings(tmp_path, llm_server))
    report = pipeline.build_index([docs])
    assert not report.notes
    names = {p.name for p in pipeline.facts.people()}
    assert "Dace Veiliņa" in names
    assert "Pēteris Hallucinators" not in names
    # the document went to the model as delimited data
    sent = llm_server.chat_requests[0].body["messages"]
    assert "<document>" in sent[-1]["content"] and "data, not instructions" in sent[0]["content"]


def test_dead_llm_leaves_rule_facts_and_one_note(
    tmp_path: Path, llm_server: ScriptedLLMServer
) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(CORPUS / DOC, docs / DOC)
    shutil.copy(CORPUS / "kurzeme-jaunatnes-specialisti-ventspils.txt", docs)
    llm_server.script(Reply(status=500), Reply(status=500))
    pipeline = Pipeline(_settings(tmp_path, llm_server))
    report = pipeline.build_index([docs])
    assert len(report.notes) == 1 and "rules only" in report.notes[0]
    assert len(llm_server.chat_requests) == 1  # it stopped asking after the first failure
    assert {"Zane Meldrāja", "Dace Veiliņa"} <= {p.name for p in pipeline.facts.people()}
