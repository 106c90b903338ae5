"""Precision and recall of extracted facts against a hand annotation (tests/data/…json)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from youthbot.directory.facts import DocumentFacts
from youthbot.directory.names import name_key
from youthbot.directory.orgs import org_key
from youthbot.directory.places import gazetteer
from youthbot.directory.tokens import fold


@dataclass(slots=True)
class Score:
    """Counts for one kind of fact."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """Share of the facts found that the annotation holds (1.0 when none found)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Share of the annotated facts that were found (1.0 when none annotated)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def to_dict(self) -> dict[str, Any]:
        """Counts and ratios, rounded."""
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
        }


def load_annotation(path: Path) -> dict[str, Any]:
    """The annotation file's ``documents`` mapping: doc path → gold facts."""
    return json.loads(path.read_text("utf-8"))["documents"]


def _same_place(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is b
    return a == b or b in gazetteer().related(a)


def _match(
    golds: list[dict[str, Any]], preds: list[Any], same: Any, score: Score
) -> dict[int, Any]:
    """Count one kind; returns gold index → the prediction matched to it."""
    matched: dict[int, Any] = {}
    for pred in preds:
        hits = [i for i, g in enumerate(golds) if same(g, pred)]
        if not hits:
            score.fp += 1
            continue
        if all(golds[i].get("optional") for i in hits):
            continue
        for i in hits:  # counted per gold below: duplicates of one gold count once
            matched.setdefault(i, pred)
    for i, g in enumerate(golds):
        if g.get("optional"):
            continue
        if i in matched:
            score.tp += 1
        else:
            score.fn += 1
    return matched


def _head(role: str) -> str:
    return fold(role.split(" ")[-1])


def score_facts(
    facts: dict[str, DocumentFacts], annotation: dict[str, Any]
) -> dict[str, dict[str, Any]]:
    """Precision/recall per kind and the attribute figures, summed over the annotated documents.

    Args:
        facts: Doc path → extracted facts.
        annotation: From ``load_annotation``.

    Returns:
        ``people``, ``orgs``, ``places``, ``projects``, ``events`` (precision/recall) and
        ``events_place_date``, ``people_roles``, ``people_orgs``, ``event_people``,
        ``event_organisers`` (share of annotated values found).
    """
    kinds = {k: Score() for k in ("people", "orgs", "places", "projects", "events")}
    ratios = {
        k: [0, 0]
        for k in (
            "events_place_date",
            "people_roles",
            "people_orgs",
            "event_people",
            "event_organisers",
        )
    }
    for doc, gold in annotation.items():
        got = facts.get(doc) or DocumentFacts(doc=doc)
        people = _match(
            gold["people"], got.people, lambda g, p: name_key(g["name"]) == p.key, kinds["people"]
        )
        for i, p in people.items():
            g = gold["people"][i]
            for role in g["roles"]:
                ratios["people_roles"][1] += 1
                words = {fold(w) for r in p.roles for w in r.split(" ")}
                ratios["people_roles"][0] += _head(role) in words
            for org in g["orgs"]:
                ratios["people_orgs"][1] += 1
                ratios["people_orgs"][0] += org_key(org) in {org_key(o) for o in p.orgs}

        def org_same(g: dict[str, Any], o: Any) -> bool:
            keys = {org_key(g["name"])} | {fold(a) for a in g.get("aliases", [])}
            return o.key in keys or (bool(o.abbreviation) and fold(o.abbreviation) in keys)

        _match(gold["orgs"], got.orgs, org_same, kinds["orgs"])
        _match(
            gold["places"], got.places, lambda g, p: _same_place(p.name, g["name"]), kinds["places"]
        )

        def project_same(g: dict[str, Any], p: Any) -> bool:
            if g.get("number") and p.number:
                return g["number"] == p.number
            return fold(g["name"]) == fold(p.name)

        _match(gold["projects"], got.projects, project_same, kinds["projects"])
        events = _match(
            gold["events"], got.events, lambda g, e: g["anchor"] in e.quote, kinds["events"]
        )
        for i, g in enumerate(gold["events"]):
            if g.get("optional"):
                continue
            e = events.get(i)
            ratios["events_place_date"][1] += 1
            if (
                e is not None
                and _same_place(e.place, g["place"])
                and e.date == g["date"]
                and (e.date_end == g.get("date_end"))
            ):
                ratios["events_place_date"][0] += 1
            for key, field in (("event_people", "people"), ("event_organisers", "organisers")):
                for value in g[field]:
                    ratios[key][1] += 1
                    if e is not None:
                        norm = name_key if field == "people" else org_key
                        ratios[key][0] += norm(value) in {norm(v) for v in getattr(e, field)}
    out: dict[str, dict[str, Any]] = {k: s.to_dict() for k, s in kinds.items()}
    for key, (hit, total) in ratios.items():
        out[key] = {"found": hit, "total": total, "ratio": round(hit / total, 3) if total else 1.0}
    return out
