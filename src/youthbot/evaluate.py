"""Retrieval and answer metrics over a JSONL question set (format: shared/eval/README.md)."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from youthbot.errors import InputError

if TYPE_CHECKING:
    from youthbot.pipeline import Pipeline
    from youthbot.retrieve import Mode

logger = logging.getLogger(__name__)

#: How deep the reciprocal rank is read.
MRR_DEPTH = 10


@dataclass(frozen=True, slots=True)
class Question:
    """One evaluation question."""

    id: str
    type: str
    q: str
    gold: str | None
    answer_any: tuple[str, ...]


@dataclass(slots=True)
class Outcome:
    """What one question got in one configuration."""

    id: str
    type: str
    rank: int | None  # rank of the first passage holding gold (None: not in the top MRR_DEPTH)
    answered: bool
    correct: bool


@dataclass(slots=True)
class Scores:
    """Metrics of one configuration (backend × mode), overall and by question type."""

    backend: str
    mode: str
    outcomes: list[Outcome] = field(default_factory=list)

    def summary(self, kind: str | None = None) -> dict[str, float | int | None]:
        """hit@1, hit@5, MRR over answerable questions; answer and no-answer accuracy."""
        rows = [o for o in self.outcomes if kind is None or o.type == kind]
        answerable = [o for o in rows if o.type != "none"]
        unanswerable = [o for o in rows if o.type == "none"]

        def share(items: Sequence[Outcome], pred: Any) -> float | None:
            return round(sum(1 for o in items if pred(o)) / len(items), 3) if items else None

        return {
            "n": len(rows),
            "hit@1": share(answerable, lambda o: o.rank == 1),
            "hit@5": share(answerable, lambda o: o.rank is not None and o.rank <= 5),
            "mrr": round(sum(1 / o.rank for o in answerable if o.rank) / len(answerable), 3)
            if answerable
            else None,
            "answer_acc": share(answerable, lambda o: o.correct),
            "no_answer_acc": share(unanswerable, lambda o: o.correct),
        }

    def to_dict(self) -> dict[str, Any]:
        """Overall and per-type summaries with every outcome."""
        kinds = sorted({o.type for o in self.outcomes})
        return {
            "backend": self.backend,
            "mode": self.mode,
            "overall": self.summary(),
            "by_type": {k: self.summary(k) for k in kinds},
            "questions": [asdict(o) for o in self.outcomes],
        }


def load_questions(path: Path) -> list[Question]:
    """Read a JSONL question file.

    Raises:
        InputError: naming the line that is not a valid question.
    """
    out = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"{path}: cannot read the question file ({exc.strerror})") from exc
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            out.append(
                Question(
                    obj["id"],
                    obj.get("type", "other"),
                    obj["q"],
                    obj.get("gold"),
                    tuple(obj.get("answer_any") or ()),
                )
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{path}:{n}: not a question object ({exc})") from exc
    if not out:
        raise InputError(f"{path}: no questions in the file")
    return out


def _fold(text: str) -> str:
    return " ".join(text.split())


def gold_rank(passage_texts: Iterable[str], gold: str | None) -> int | None:
    """1-based rank of the first passage containing ``gold`` (whitespace folded)."""
    if not gold:
        return None
    needle = _fold(gold)
    for rank, text in enumerate(passage_texts, start=1):
        if needle in _fold(text):
            return rank
    return None


def evaluate(
    pipeline: Pipeline, questions: Sequence[Question], modes: Sequence[Mode], backend: str
) -> list[Scores]:
    """Score every question in every retrieval mode with one pipeline (extractive answers)."""
    results = []
    for mode in modes:
        scores = Scores(backend, mode)
        for q in questions:
            retrieval = pipeline.retrieve(q.q, MRR_DEPTH, mode)
            answer = pipeline.ask(q.q, use_llm=False, mode=mode)
            text = _fold(answer.text)
            if q.type == "none" or q.gold is None:
                correct = not answer.answered
            else:
                correct = answer.answered and any(_fold(a) in text for a in q.answer_any)
            scores.outcomes.append(
                Outcome(
                    q.id,
                    q.type,
                    gold_rank((p.chunk.text for p in retrieval.passages), q.gold),
                    answer.answered,
                    correct,
                )
            )
        results.append(scores)
    return results
