"""LLM-proposed facts: only those quoted verbatim from the document survive; no guessed dates."""

from __future__ import annotations

import json

from youthbot.directory.extract import extract_facts
from youthbot.directory.llm import DIRECTORY_PROMPT, merge_facts, propose_facts_with_llm
from youthbot.types import Document

TEXT = (
    "Šī gada 3. maijā Cēsīs norisinājās Vidzemes jauniešu forums. Forumu atklāja Cēsu "
    "novada jaunatnes lietu speciāliste Dace Roze. Projektu “Jaunieši kopā” finansē "
    "Jaunatnes starptautisko programmu aģentūra. Mūziku spēlēja Ritma Vītola."
)
DOC = Document("notes/forums.txt", "Forums", TEXT, None, "txt", "")


def _scripted(reply: dict | str):  # noqa: ANN202
    calls: list[list[dict[str, str]]] = []

    def complete(messages: list[dict[str, str]]) -> str:
        calls.append(messages)
        return reply if isinstance(reply, str) else "```json\n" + json.dumps(reply) + "\n```"

    return complete, calls


def test_only_facts_whose_quotes_are_in_the_document_are_kept() -> None:
    reply = {
        "people": [
            {
                "name": "Dace Roze",
                "role": "jaunatnes lietu speciāliste",
                "org": "Cēsu novads",
                "quote": "Cēsu novada jaunatnes lietu speciāliste Dace Roze",
            },
            {"name": "Jānis Ozols", "role": "mērs", "quote": "Forumu atklāja mērs Jānis Ozols"},
            {"name": "Ilze Liepa", "quote": "Forumu atklāja Cēsu"},  # quote real, name not in it
        ],
        "orgs": [
            {
                "name": "Jaunatnes starptautisko programmu aģentūra",
                "quote": "Jaunatnes starptautisko programmu aģentūra",
            }
        ],
        "places": [{"name": "Cēsis", "quote": "Cēsīs"}, {"name": "Valka", "quote": "Valkā"}],
        "projects": [
            {
                "name": "Jaunieši kopā",
                "number": "",
                "funder": "JSPA",
                "quote": "Projektu “Jaunieši kopā”",
            },
            {"name": "Ghost", "number": "1.2.3/4", "quote": "Nr. 1.2.3/4"},
        ],
        "events": [
            {
                "title": "Vidzemes jauniešu forums",
                "date": "2024-05-03",
                "place": "Cēsis",
                "organisers": [],
                "people": ["Dace Roze"],
                "quote": "Šī gada 3. maijā Cēsīs norisinājās Vidzemes jauniešu forums.",
            },
            {"title": "Balle", "date": "2024-06-01", "quote": "Jūnijā notika balle."},
        ],
    }
    complete, calls = _scripted(reply)
    facts = propose_facts_with_llm(DOC, complete)
    assert calls[0][0]["content"] == DIRECTORY_PROMPT and TEXT in calls[0][1]["content"]
    assert [p.name for p in facts.people] == ["Dace Roze"]  # the hallucinated mayor is dropped
    assert [p.name for p in facts.places] == ["Cēsis"]
    assert [p.name for p in facts.projects] == ["Jaunieši kopā"]
    (event,) = facts.events
    assert event.date == "--05-03"  # the model's year is not in the text: not kept
    assert event.place == "Cēsis" and event.people == ["Dace Roze"]
    for group in (facts.people, facts.orgs, facts.places, facts.projects):
        for fact in group:
            for m in fact.mentions:
                assert TEXT[m.start : m.end] == m.quote


def test_a_reply_that_is_not_json_gives_no_facts() -> None:
    complete, _ = _scripted("I could not find any facts, sorry.")
    facts = propose_facts_with_llm(DOC, complete)
    assert facts.counts() == {"people": 0, "orgs": 0, "places": 0, "projects": 0, "events": 0}


def test_merge_adds_only_what_the_rules_missed() -> None:
    rules = extract_facts(DOC)
    complete, _ = _scripted(
        {
            "people": [
                {"name": "Dace Roze", "quote": "Dace Roze"},
                {"name": "Ritma Vītola", "quote": "Mūziku spēlēja Ritma Vītola."},
            ]
        }
    )
    merged = merge_facts(rules, propose_facts_with_llm(DOC, complete))
    found = [p.name for p in rules.people]
    assert "Dace Roze" in found
    missed = [n for n in ("Dace Roze", "Ritma Vītola") if n not in found]
    assert [p.name for p in merged.people] == found + missed  # each person once
