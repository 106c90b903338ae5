"""Precision and recall of the directory's extraction against tests/data/directory_annotations.json.

Run: ``.venv/bin/python bench/eval_directory.py [--json]``. Documents are read as the ingest
reads them (date from ``youthbot.text.dates.document_date``); always exits 0.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from youthbot.directory.extract import extract_facts
from youthbot.directory.scoring import load_annotation, score_facts
from youthbot.text.dates import document_date
from youthbot.types import Document

REPO = Path(__file__).resolve().parents[1]
ANNOTATION = REPO / "tests" / "data" / "directory_annotations.json"


def main() -> int:
    """Extract from every annotated document, score, and print a table (or JSON)."""
    annotation = load_annotation(ANNOTATION)
    facts = {}
    started = time.perf_counter()
    for doc_path in annotation:
        text = (REPO / doc_path).read_text("utf-8")
        doc = Document(
            path=doc_path,
            title=text.splitlines()[0],
            text=text,
            date=document_date(text),
            format="txt",
            sha256="",
        )
        facts[doc_path] = extract_facts(doc)
    elapsed = time.perf_counter() - started
    scores = score_facts(facts, annotation)
    if "--json" in sys.argv:
        print(json.dumps(scores, ensure_ascii=False, indent=1))
        return 0
    print(f"directory extraction on {len(annotation)} documents ({elapsed * 1000:.0f} ms)")
    print(f"{'kind':<10} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>8}")
    for kind in ("people", "orgs", "places", "projects", "events"):
        s = scores[kind]
        print(
            f"{kind:<10} {s['tp']:>4} {s['fp']:>4} {s['fn']:>4} {s['precision']:>10.3f}"
            f" {s['recall']:>8.3f}"
        )
    print()
    for key in (
        "events_place_date",
        "people_roles",
        "people_orgs",
        "event_people",
        "event_organisers",
    ):
        s = scores[key]
        print(f"{key:<18} {s['found']:>3}/{s['total']:<3} {s['ratio']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
