"""Person and organisation extraction on general Latvian news: precision, recall and F1 by span.

Run: ``.venv/bin/python bench/eval_ner.py [--index DIR] [--show N] [--json]``.

The sentences of ``shared/eval/ner/fullstack-lv-300.jsonl`` (FullStack-LV, CC BY-SA 4.0; see its
README) are written ten to a ``.txt`` file (one sentence a paragraph), indexed with
``youthbot index --no-llm`` and read back with ``youthbot people --json`` / ``orgs --json``.
Every mention those report (its ``quote`` and ``doc``) is a predicted PER or ORG span; it is
matched to a gold span of the same type in the same document by its text: equal after folding
whitespace, or one inside the other and the shorter at least two thirds of the longer. Matching
is one to one (a mention reported twice counts once; an exact match is preferred, then the one
whose offsets overlap, then the nearest). Unmatched mentions are false positives, unmatched gold
spans misses. ``--index DIR`` keeps the index there and reuses it next time (``--rebuild`` after
changing youthbot). Always exits 0 unless the CLI fails.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_directory_lib import REPO, build_index, directory_json, fold_ws, has_index  # noqa: E402

PER_FILE = 10
TYPES = ("PER", "ORG")
#: The shorter text must cover this share of the longer one for an inside-the-other match.
COVER = 2 / 3


@dataclass(frozen=True, slots=True)
class Span:
    """A gold or predicted entity span in one generated document."""

    doc: str
    type: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class NerDocument:
    """One generated ``.txt``: its text and gold spans (offsets into ``text``)."""

    name: str
    text: str
    spans: tuple[Span, ...]


def default_sample() -> Path:
    """``shared/eval/ner/fullstack-lv-300.jsonl`` beside the checkout."""
    for root in (REPO / "shared", REPO.parent / "shared", REPO.parent.parent / "shared"):
        path = root / "eval" / "ner" / "fullstack-lv-300.jsonl"
        if path.is_file():
            return path
    raise SystemExit(f"cannot find shared/eval/ner/fullstack-lv-300.jsonl beside {REPO}")


def make_documents(lines: Sequence[dict], per_file: int = PER_FILE) -> list[NerDocument]:
    """Group the sentences ``per_file`` to a document; gold offsets move with them."""
    docs = []
    for n in range(0, len(lines), per_file):
        name = f"ner-{n // per_file:03d}.txt"
        parts, spans, offset = [], [], 0
        for obj in lines[n : n + per_file]:
            for ent in obj["entities"]:
                spans.append(
                    Span(name, ent["type"], offset + ent["start"], offset + ent["end"], ent["text"])
                )
            parts.append(obj["text"])
            offset += len(obj["text"]) + 2
        docs.append(NerDocument(name, "\n\n".join(parts) + "\n", tuple(spans)))
    return docs


def text_match(pred: str, gold: str) -> bool:
    """Equal after folding whitespace, or one inside the other covering ``COVER`` of it."""
    a, b = fold_ws(pred), fold_ws(gold)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return short in long and len(short) >= COVER * len(long)


@dataclass(slots=True)
class TypeScore:
    """Counts for one entity type, with the misses and false positives."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[Span] = field(default_factory=list)
    false: list[Span] = field(default_factory=list)

    @property
    def precision(self) -> float:
        """tp / (tp + fp), 1.0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn), 1.0 when nothing is annotated."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        """Counts and rounded ratios."""
        return {
            "gold": self.tp + self.fn,
            "predicted": self.tp + self.fp,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
        }


def match_spans(
    gold: Sequence[Span], pred: Sequence[Span]
) -> tuple[list[tuple[Span, Span]], list[Span], list[Span]]:
    """One-to-one text matching of one type in one document.

    Returns:
        (matched pairs (gold, pred), missed gold spans, unmatched predictions).
    """
    pred = list(dict.fromkeys(pred))  # a span reported twice counts once
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if not text_match(p.text, g.text):
                continue
            exact = fold_ws(p.text) == fold_ws(g.text)
            overlap = p.start < g.end and g.start < p.end
            candidates.append((not exact, not overlap, abs(p.start - g.start), gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for *_, gi, pi in candidates:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gold[gi], pred[pi]))
    misses = [g for i, g in enumerate(gold) if i not in used_g]
    false = [p for i, p in enumerate(pred) if i not in used_p]
    return pairs, misses, false


def predicted_spans(index: Path) -> list[Span]:
    """Every PER mention of ``people --json`` and ORG mention of ``orgs --json``."""
    out = []
    for command, kind in (("people", "PER"), ("orgs", "ORG")):
        for row in directory_json(index, command):
            for m in row.get("mentions") or []:
                out.append(
                    Span(Path(m["doc"]).name, kind, int(m["start"]), int(m["end"]), m["quote"])
                )
    return out


def score(docs: Sequence[NerDocument], pred: Sequence[Span]) -> dict[str, TypeScore]:
    """Scores per type over all documents."""
    out = {t: TypeScore() for t in TYPES}
    for doc in docs:
        for t in TYPES:
            gold = [s for s in doc.spans if s.type == t]
            mine = [s for s in pred if s.doc == doc.name and s.type == t]
            pairs, misses, false = match_spans(gold, mine)
            out[t].tp += len(pairs)
            out[t].fn += len(misses)
            out[t].fp += len(false)
            out[t].misses += misses
            out[t].false += false
    return out


def _context(docs: dict[str, NerDocument], span: Span) -> str:
    """The sentence a span stands in (by its text when the offsets do not hold)."""
    text = docs[span.doc].text
    start = span.start if text[span.start : span.end] == span.text else text.find(span.text)
    if start < 0:
        return ""
    a = text.rfind("\n\n", 0, start)
    b = text.find("\n\n", start)
    return text[a + 2 if a >= 0 else 0 : b if b >= 0 else len(text)].strip()


def _gold_type(doc: NerDocument, span: Span) -> str:
    """The type of a gold span the prediction's text matches, if any (for false positives)."""
    for g in doc.spans:
        if text_match(span.text, g.text):
            return g.type
    return ""


def main(argv: Sequence[str] | None = None) -> int:
    """Write the documents, index them, read the mentions back, print the scores."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sample", type=Path, help="the JSONL sample (default: shared/eval/ner/…)")
    ap.add_argument("--index", type=Path, help="keep and reuse the index here")
    ap.add_argument("--rebuild", action="store_true", help="re-index even when --index exists")
    ap.add_argument("--show", type=int, default=0, metavar="N", help="N misses and false positives")
    ap.add_argument("--json", action="store_true", help="print JSON")
    args = ap.parse_args(argv)
    sample = args.sample or default_sample()
    lines = [json.loads(x) for x in sample.read_text("utf-8").splitlines() if x.strip()]
    docs = make_documents(lines)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="eval-ner-") as tmp:
        index = args.index or Path(tmp) / "index"
        if args.rebuild or not has_index(index):
            folder = Path(tmp) / "docs"
            folder.mkdir()
            for d in docs:
                (folder / d.name).write_text(d.text, "utf-8")
            build_index(index, [folder / d.name for d in docs], rebuild=args.rebuild)
        pred = predicted_spans(index)
    seconds = time.perf_counter() - started
    scores = score(docs, pred)
    if args.json:
        print(json.dumps({t: s.to_dict() for t, s in scores.items()}, indent=1))
        return 0
    by_name = {d.name: d for d in docs}
    print(
        f"NER on {len(lines)} sentences in {len(docs)} documents ({seconds:.1f} s): {sample.name}"
    )
    print(
        f"{'type':<5} {'gold':>5} {'found':>6} {'tp':>4} {'fp':>4} {'fn':>4}"
        f" {'precision':>10} {'recall':>7} {'f1':>6}"
    )
    for t, s in scores.items():
        print(
            f"{t:<5} {s.tp + s.fn:>5} {s.tp + s.fp:>6} {s.tp:>4} {s.fp:>4} {s.fn:>4}"
            f" {s.precision:>10.3f} {s.recall:>7.3f} {s.f1:>6.3f}"
        )
    if args.show:
        for t, s in scores.items():
            print(f"-- {t} missed ({len(s.misses)})")
            for g in s.misses[: args.show]:
                print(f"   {g.text!r}  in: {_context(by_name, g)[:160]}")
            print(f"-- {t} false positives ({len(s.false)})")
            for p in s.false[: args.show]:
                other = _gold_type(by_name[p.doc], p)
                label = f" [gold {other}]" if other else ""
                print(f"   {p.text!r}{label}  in: {_context(by_name, p)[:160]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
