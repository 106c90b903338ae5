"""Answer and retrieval figures by question type, with counts and the ids that fail.

Run: ``.venv/bin/python bench/eval_by_type.py [QUESTIONS.jsonl] [--corpus DIR] [--index DIR]
[--model M] [--mode hybrid] [--from-json FILE] [--json]``.

Runs ``youthbot eval QUESTIONS --json`` (default: the realgenre questions over their ``docs/``
folder, the default model, hybrid mode; ``--index DIR`` keeps the eval's indexes there so a
second run only re-reads changed files) or reads a saved ``--json`` output with ``--from-json``,
and prints, per backend and mode, each question type (who/when/where/how/en/para/none …) with
its count, hit@5, answers right (``x/n``) and the ids of the questions it got wrong. For
``none`` the right outcome is a declined question. Always exits 0 unless the CLI fails.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_directory_lib import REPO  # noqa: E402

#: The order types are printed in; others follow alphabetically.
TYPE_ORDER = ("who", "when", "where", "how", "en", "para", "none")


@dataclass(frozen=True, slots=True)
class Outcome:
    """One question's result as ``youthbot eval --json`` reports it."""

    id: str
    type: str
    rank: int | None
    answered: bool
    correct: bool


@dataclass(frozen=True, slots=True)
class TypeRow:
    """The figures of one question type."""

    type: str
    n: int
    hit5: int
    answerable: int
    right: int
    wrong_ids: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        """Plain values."""
        return {
            "type": self.type,
            "n": self.n,
            "hit@5": f"{self.hit5}/{self.answerable}" if self.answerable else None,
            "right": f"{self.right}/{self.n}",
            "accuracy": round(self.right / self.n, 3) if self.n else None,
            "wrong": list(self.wrong_ids),
        }


def rows_by_type(outcomes: Sequence[Outcome]) -> list[TypeRow]:
    """One row per question type, plus ``all answerable`` and ``all`` rows at the end."""
    kinds = sorted(
        {o.type for o in outcomes},
        key=lambda k: (k not in TYPE_ORDER, TYPE_ORDER.index(k) if k in TYPE_ORDER else 0, k),
    )

    def row(label: str, items: Sequence[Outcome]) -> TypeRow:
        answerable = [o for o in items if o.type != "none"]
        return TypeRow(
            label,
            len(items),
            sum(1 for o in answerable if o.rank is not None and o.rank <= 5),
            len(answerable),
            sum(1 for o in items if o.correct),
            tuple(o.id for o in items if not o.correct),
        )

    out = [row(k, [o for o in outcomes if o.type == k]) for k in kinds]
    out.append(row("answerable", [o for o in outcomes if o.type != "none"]))
    out.append(row("all", list(outcomes)))
    return out


def run_eval(
    questions: Path, corpus: Path, index: Path | None, models: Sequence[str], modes: Sequence[str]
) -> list[dict]:
    """``youthbot eval … --json`` with this interpreter; its parsed output."""
    cmd = [
        sys.executable,
        "-m",
        "youthbot",
        "eval",
        str(questions),
        "--corpus",
        str(corpus),
        "--json",
    ]
    if index is not None:
        cmd += ["--index", str(index)]
    for m in models:
        cmd += ["--model", m]
    for m in modes:
        cmd += ["--mode", m]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO)
    if proc.returncode != 0:
        raise SystemExit(f"youthbot eval failed ({proc.returncode}): {proc.stderr.strip()[-2000:]}")
    return json.loads(proc.stdout)


def default_questions() -> Path:
    """``shared/eval/realgenre/questions.jsonl`` beside the checkout."""
    for root in (REPO / "shared", REPO.parent / "shared", REPO.parent.parent / "shared"):
        path = root / "eval" / "realgenre" / "questions.jsonl"
        if path.is_file():
            return path
    raise SystemExit(f"cannot find shared/eval/realgenre/questions.jsonl beside {REPO}")


def main(argv: Sequence[str] | None = None) -> int:
    """Run (or read) the eval and print the by-type tables."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("questions", nargs="?", type=Path, help="JSONL questions (default: realgenre)")
    ap.add_argument("--corpus", type=Path, help="documents (default: docs/ beside the questions)")
    ap.add_argument("--index", type=Path, help="keep the eval's indexes here (reused next run)")
    ap.add_argument(
        "--model",
        action="append",
        default=[],
        help="backend (repeatable; default: multilingual-e5-small)",
    )
    ap.add_argument(
        "--mode", action="append", default=[], help="retrieval mode (repeatable; default: hybrid)"
    )
    ap.add_argument("--from-json", type=Path, help="read a saved `youthbot eval --json` output")
    ap.add_argument("--json", action="store_true", help="print JSON")
    args = ap.parse_args(argv)
    if args.from_json:
        results = json.loads(args.from_json.read_text("utf-8"))
    else:
        questions = args.questions or default_questions()
        corpus = args.corpus or questions.parent / "docs"
        results = run_eval(
            questions,
            corpus,
            args.index,
            args.model or ["multilingual-e5-small"],
            args.mode or ["hybrid"],
        )
    tables = []
    for r in results:
        outcomes = [
            Outcome(q["id"], q["type"], q["rank"], q["answered"], q["correct"])
            for q in r["questions"]
        ]
        tables.append((r["backend"], r["mode"], rows_by_type(outcomes)))
    if args.json:
        print(
            json.dumps(
                [
                    {"backend": b, "mode": m, "types": [x.to_dict() for x in rows]}
                    for b, m, rows in tables
                ],
                indent=1,
            )
        )
        return 0
    for backend, mode, rows in tables:
        print(f"== {backend} / {mode}  (none: right = declined)")
        print(f"{'type':<11} {'n':>3} {'hit@5':>7} {'right':>7} {'acc':>6}  wrong")
        for x in rows:
            hit = f"{x.hit5}/{x.answerable}" if x.answerable else "–"
            acc = f"{x.right / x.n:.2f}" if x.n else "–"
            wrong = " ".join(x.wrong_ids) if x.type not in ("answerable", "all") else ""
            print(f"{x.type:<11} {x.n:>3} {hit:>7} {x.right:>3}/{x.n:<3} {acc:>6}  {wrong}")
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
