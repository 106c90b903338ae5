"""Score the directory of an index against hand annotations: people, roles, organisations, events.

Run: ``.venv/bin/python bench/eval_directory.py [--annotation FILE ...] [--index DIR] [--show N]
[--json]``. With no ``--annotation`` both sets are scored: the shipped corpus
(``tests/data/directory_annotations.json``) and the realgenre development pages
(``bench/data/realgenre_directory_annotations.json``). Each set's documents are indexed with
``youthbot index --no-llm`` (a temporary index, or ``--index DIR``, kept there and reused next
time: pass ``--rebuild`` after changing youthbot), and the directory is read back with
``youthbot people|orgs|events|projects --json``, as a user would see it.

Measures (the matching rules are in ``eval_directory_lib``'s docstring):

* people / orgs / events / projects: precision and recall, one prediction to one annotated
  entry per document; entries marked ``optional`` count neither way.
* roles: the annotated roles found on the matched person, over all annotated roles (a person
  not found loses their roles); ``of found`` divides by the roles of the people found.
* person orgs: the same for the organisations the text ties each person to.
* dated events: the annotated events with a date; for each, whether it was found and whether
  its date, its place and its organisers are right (organisers: every one the text names as
  organiser found, and nothing outside those and the ``organisers_accepted``), and all three.
* event people: the annotated participants found on the matched event.

Always exits 0 unless the CLI fails.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_directory_lib import (  # noqa: E402
    REPO,
    Directory,
    PredEvent,
    PredOrg,
    PredPerson,
    PredProject,
    build_index,
    fold_ws,
    has_index,
    read_directory,
    same_date,
    same_name,
    same_org,
    same_place,
    same_role,
    stems,
)

SHIPPED = REPO / "tests" / "data" / "directory_annotations.json"
REALGENRE = REPO / "bench" / "data" / "realgenre_directory_annotations.json"

# -- the annotation, typed ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GoldPerson:
    """An annotated person: base-form name, roles, organisations (each a tuple of alternatives)."""

    name: str
    aliases: tuple[str, ...]
    roles: tuple[str, ...]
    orgs: tuple[tuple[str, ...], ...]
    optional: bool = False


@dataclass(frozen=True, slots=True)
class GoldOrg:
    """An annotated organisation and the other names it goes by."""

    name: str
    aliases: tuple[str, ...]
    optional: bool = False

    @property
    def names(self) -> tuple[str, ...]:
        """Its name and aliases."""
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True)
class GoldProject:
    """An annotated project or programme."""

    name: str
    number: str
    optional: bool = False


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """An annotated event; ``anchor`` is a substring of the sentence that reports it."""

    anchor: str
    title: str
    date: str | None
    date_end: str | None
    place: str | None
    organisers: tuple[str, ...]
    accepted: tuple[str, ...]
    people: tuple[str, ...]
    optional: bool = False


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """Everything annotated for one document."""

    key: str
    people: tuple[GoldPerson, ...]
    orgs: tuple[GoldOrg, ...]
    projects: tuple[GoldProject, ...]
    events: tuple[GoldEvent, ...]

    @property
    def name(self) -> str:
        """The file name the index is matched on."""
        return Path(self.key).name

    def org_names(self, name: str) -> tuple[str, ...]:
        """``name`` with every other name of the annotated organisation it names (if any)."""
        out = [name]
        for org in self.orgs:
            if any(stems(n) == stems(name) for n in org.names):
                out += org.names
        return tuple(dict.fromkeys(out))


@dataclass(frozen=True, slots=True)
class Annotation:
    """One annotation file: its documents and where their files are."""

    path: Path
    label: str
    documents: tuple[GoldDocument, ...]
    files: tuple[Path, ...]


def _alternatives(value: str | list[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def _shared_dir(sub: str) -> Path:
    """``shared/<sub>`` beside the checkout (``/work/shared`` for a worktree in ``/work/wt``)."""
    for root in (REPO / "shared", REPO.parent / "shared", REPO.parent.parent / "shared"):
        if (root / sub).is_dir():
            return root / sub
    raise SystemExit(f"cannot find shared/{sub} beside {REPO}; pass --docs DIR")


def load_annotation(path: Path, docs_dir: Path | None = None) -> Annotation:
    """Read an annotation file (format: tests/data/directory_annotations.json, its ``about``).

    Keys are paths relative to the repository, or, when the file has ``documents_dir``, file
    names in that folder of ``shared/`` (``docs_dir`` overrides it).
    """
    raw = json.loads(path.read_text("utf-8"))
    base = docs_dir
    if base is None:
        base = _shared_dir(raw["documents_dir"]) if raw.get("documents_dir") else REPO
    documents = []
    for key, gold in raw["documents"].items():
        documents.append(
            GoldDocument(
                key=key,
                people=tuple(
                    GoldPerson(
                        p["name"],
                        tuple(p.get("aliases", ())),
                        tuple(p.get("roles", ())),
                        tuple(_alternatives(o) for o in p.get("orgs", ())),
                        bool(p.get("optional")),
                    )
                    for p in gold.get("people", ())
                ),
                orgs=tuple(
                    GoldOrg(o["name"], tuple(o.get("aliases", ())), bool(o.get("optional")))
                    for o in gold.get("orgs", ())
                ),
                projects=tuple(
                    GoldProject(p["name"], p.get("number") or "", bool(p.get("optional")))
                    for p in gold.get("projects", ())
                ),
                events=tuple(
                    GoldEvent(
                        e["anchor"],
                        e.get("title", ""),
                        e.get("date"),
                        e.get("date_end"),
                        e.get("place"),
                        tuple(e.get("organisers", ())),
                        tuple(e.get("organisers_accepted", ())),
                        tuple(e.get("people", ())),
                        bool(e.get("optional")),
                    )
                    for e in gold.get("events", ())
                ),
            )
        )
    names = [d.name for d in documents]
    if len(set(names)) != len(names):
        raise SystemExit(f"{path}: two annotated documents share a file name")
    label = path.stem.removesuffix("_directory_annotations").removesuffix("_annotations")
    files = tuple(base / d.key for d in documents)
    return Annotation(path, label or path.stem, tuple(documents), files)


# -- counting -------------------------------------------------------------------------------


@dataclass(slots=True)
class Counts:
    """True and false positives and misses of one kind of fact."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """Share of the reported facts that are annotated (1.0 when none reported)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """Share of the annotated facts that were reported (1.0 when none annotated)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        """Counts and rounded ratios."""
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
        }


@dataclass(slots=True)
class Ratio:
    """``found`` of ``total``."""

    found: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        """Count one case."""
        self.total += 1
        self.found += int(ok)

    @property
    def ratio(self) -> float:
        """found / total (1.0 when there is nothing to find)."""
        return self.found / self.total if self.total else 1.0

    def to_dict(self) -> dict[str, float | int]:
        """Counts and the rounded ratio."""
        return {"found": self.found, "total": self.total, "ratio": round(self.ratio, 3)}


@dataclass(slots=True)
class DirectoryScore:
    """Every measure of one annotation set, with examples of what went wrong."""

    people: Counts = field(default_factory=Counts)
    orgs: Counts = field(default_factory=Counts)
    events: Counts = field(default_factory=Counts)
    projects: Counts = field(default_factory=Counts)
    roles: Ratio = field(default_factory=Ratio)
    roles_of_found: Ratio = field(default_factory=Ratio)
    person_orgs: Ratio = field(default_factory=Ratio)
    person_orgs_of_found: Ratio = field(default_factory=Ratio)
    dated_found: Ratio = field(default_factory=Ratio)
    dated_date: Ratio = field(default_factory=Ratio)
    dated_place: Ratio = field(default_factory=Ratio)
    dated_organisers: Ratio = field(default_factory=Ratio)
    dated_all: Ratio = field(default_factory=Ratio)
    event_people: Ratio = field(default_factory=Ratio)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def note(self, kind: str, text: str) -> None:
        """Keep an example of a miss or a false positive."""
        self.examples.setdefault(kind, []).append(text)

    def to_dict(self) -> dict[str, object]:
        """Every measure as plain values (examples left out)."""
        out: dict[str, object] = {}
        for name in (
            "people",
            "orgs",
            "events",
            "projects",
            "roles",
            "roles_of_found",
            "person_orgs",
            "person_orgs_of_found",
            "dated_found",
            "dated_date",
            "dated_place",
            "dated_organisers",
            "dated_all",
            "event_people",
        ):
            out[name] = getattr(self, name).to_dict()
        return out


G = TypeVar("G")
P = TypeVar("P")


@dataclass(frozen=True, slots=True)
class Assignment:
    """One-to-one pairing of annotated entries and predictions."""

    pairs: dict[int, int]  # gold index → prediction index
    false_positives: list[int]  # predictions that match no entry, or only a taken one
    ignored: list[int]  # predictions that match only optional entries


def assign(
    golds: Sequence[G],
    preds: Sequence[P],
    quality: Callable[[G, P], float | None],
    optional: Callable[[G], bool],
) -> Assignment:
    """Pair each prediction with at most one entry and back, best ``quality`` first.

    ``quality`` is None where the two do not match. Required entries are served before optional
    ones; a prediction left over that matched an optional entry is ignored, one that matched
    only entries already taken is a false positive (a duplicate, or two events merged into one).
    """
    candidates = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            q = quality(g, p)
            if q is not None:
                candidates.append((optional(g), -q, gi, pi))
    candidates.sort()
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for _opt, _q, gi, pi in candidates:
        if gi in pairs or pi in taken:
            continue
        pairs[gi] = pi
        taken.add(pi)
    matched_optional = {pi for opt, _q, _gi, pi in candidates if opt}
    false_positives, ignored = [], []
    for pi in range(len(preds)):
        if pi in taken:
            continue
        (ignored if pi in matched_optional else false_positives).append(pi)
    return Assignment(pairs, false_positives, ignored)


def _count(
    counts: Counts, golds: Sequence[G], a: Assignment, optional: Callable[[G], bool]
) -> list[int]:
    """Add one document's tp/fp/fn; returns the missed required entries."""
    missed = []
    for gi, g in enumerate(golds):
        if optional(g):
            continue
        if gi in a.pairs:
            counts.tp += 1
        else:
            counts.fn += 1
            missed.append(gi)
    counts.fp += len(a.false_positives)
    return missed


def _person_quality(g: GoldPerson, p: PredPerson) -> float | None:
    if same_name(g.name, p.name):
        return 2.0
    return 1.0 if any(same_name(a, p.name) for a in g.aliases) else None


def _org_quality(g: GoldOrg, p: PredOrg) -> float | None:
    if stems(g.name) == stems(p.name):
        return 2.0
    return 1.0 if same_org(g.names, p.name, p.abbreviation) else None


def _project_quality(g: GoldProject, p: PredProject) -> float | None:
    if g.number and p.number:
        return 2.0 if g.number == p.number else None
    if stems(g.name) == stems(p.name):
        return 2.0
    return 1.0 if same_org((g.name,), p.name) else None


def _in_quote(anchor: str, quote: str) -> bool:
    return fold_ws(anchor) in fold_ws(quote)


def organisers_right(doc: GoldDocument, g: GoldEvent, found: Sequence[str]) -> bool:
    """Every organiser the text names found, and nothing outside those and the accepted ones."""

    def matches(gold_name: str, pred: str) -> bool:
        return same_name(gold_name, pred) or same_org(doc.org_names(gold_name), pred)

    if not all(any(matches(o, p) for p in found) for o in g.organisers):
        return False
    allowed = (*g.organisers, *g.accepted)
    return all(any(matches(o, p) for o in allowed) for p in found)


def _event_quality(doc: GoldDocument) -> Callable[[GoldEvent, PredEvent], float | None]:
    def quality(g: GoldEvent, p: PredEvent) -> float | None:
        if not _in_quote(g.anchor, p.quote):
            return None
        date_ok = same_date(g.date, p.date)
        return (
            4.0 * date_ok
            + 2.0 * same_place(g.place, p.place)
            + 1.0 * organisers_right(doc, g, p.organisers)
        )

    return quality


def _person_org_found(doc: GoldDocument, alternatives: Sequence[str], p: PredPerson) -> bool:
    names = tuple(n for a in alternatives for n in doc.org_names(a))
    return any(same_org(names, o) for o in p.orgs)


def score_document(doc: GoldDocument, got: Directory, score: DirectoryScore) -> None:
    """Add one document's figures to ``score`` (``got`` holds this document's predictions)."""
    tag = doc.name
    # people, their roles and organisations
    a = assign(doc.people, got.people, _person_quality, lambda g: g.optional)
    for gi in _count(score.people, doc.people, a, lambda g: g.optional):
        score.note("people missed", f"{tag}: {doc.people[gi].name}")
    for pi in a.false_positives:
        p = got.people[pi]
        written = ", ".join(dict.fromkeys(q.text for q in p.quotes))
        score.note("people false", f"{tag}: {p.name} (written: {written})")
    for gi, g in enumerate(doc.people):
        if g.optional:
            continue
        p = got.people[a.pairs[gi]] if gi in a.pairs else None
        for role in g.roles:
            ok = p is not None and same_role(role, p.roles)
            score.roles.add(ok)
            if p is not None:
                score.roles_of_found.add(ok)
            if not ok and p is not None:
                score.note("roles missed", f"{tag}: {g.name}: “{role}” (got {list(p.roles)})")
        for alternatives in g.orgs:
            ok = p is not None and _person_org_found(doc, alternatives, p)
            score.person_orgs.add(ok)
            if p is not None:
                score.person_orgs_of_found.add(ok)
            if not ok and p is not None:
                score.note(
                    "person orgs missed",
                    f"{tag}: {g.name}: “{alternatives[0]}” (got {list(p.orgs)})",
                )
    # organisations and projects
    a = assign(doc.orgs, got.orgs, _org_quality, lambda g: g.optional)
    for gi in _count(score.orgs, doc.orgs, a, lambda g: g.optional):
        score.note("orgs missed", f"{tag}: {doc.orgs[gi].name}")
    for pi in a.false_positives:
        score.note("orgs false", f"{tag}: {got.orgs[pi].name}")
    a = assign(doc.projects, got.projects, _project_quality, lambda g: g.optional)
    for gi in _count(score.projects, doc.projects, a, lambda g: g.optional):
        score.note("projects missed", f"{tag}: {doc.projects[gi].name}")
    for pi in a.false_positives:
        score.note("projects false", f"{tag}: {got.projects[pi].name}")
    # events
    a = assign(doc.events, got.events, _event_quality(doc), lambda g: g.optional)
    for gi in _count(score.events, doc.events, a, lambda g: g.optional):
        score.note("events missed", f"{tag}: {doc.events[gi].title} [{doc.events[gi].anchor}]")
    for pi in a.false_positives:
        e = got.events[pi]
        score.note("events false", f"{tag}: {e.title} ({e.date}, {e.place}) [{e.quote[:80]}]")
    for gi, g in enumerate(doc.events):
        if g.optional:
            continue
        e = got.events[a.pairs[gi]] if gi in a.pairs else None
        for person in g.people:
            score.event_people.add(e is not None and any(same_name(person, x) for x in e.people))
        if g.date is None:
            continue
        date_ok = (
            e is not None
            and same_date(g.date, e.date)
            and (g.date_end is None or same_date(g.date_end, e.date_end))
        )
        place_ok = e is not None and same_place(g.place, e.place)
        org_ok = e is not None and organisers_right(doc, g, e.organisers)
        score.dated_found.add(e is not None)
        score.dated_date.add(date_ok)
        score.dated_place.add(place_ok)
        score.dated_organisers.add(org_ok)
        score.dated_all.add(date_ok and place_ok and org_ok)
        if e is not None and not (date_ok and place_ok and org_ok):
            score.note(
                "dated events wrong",
                f"{tag}: {g.title}: want {g.date}–{g.date_end} @ {g.place} by {list(g.organisers)}"
                f"; got {e.date}–{e.date_end} @ {e.place} by {list(e.organisers)}",
            )


def score_directory(annotation: Annotation, got: Directory) -> DirectoryScore:
    """Score everything ``got`` reports for the annotated documents (matched by file name)."""
    score = DirectoryScore()
    for doc in annotation.documents:

        def here(items: Sequence[P]) -> list[P]:
            return [x for x in items if Path(x.doc).name == doc.name]  # type: ignore[attr-defined]

        score_document(
            doc,
            Directory(here(got.people), here(got.orgs), here(got.events), here(got.projects)),
            score,
        )
    return score


# -- running --------------------------------------------------------------------------------


def _print(annotation: Annotation, score: DirectoryScore, seconds: float, show: int) -> None:
    print(f"== {annotation.label}: {len(annotation.documents)} documents ({seconds:.1f} s)")
    print(f"{'kind':<10} {'tp':>4} {'fp':>4} {'fn':>4} {'precision':>10} {'recall':>7} {'f1':>6}")
    for name in ("people", "orgs", "events", "projects"):
        c: Counts = getattr(score, name)
        print(
            f"{name:<10} {c.tp:>4} {c.fp:>4} {c.fn:>4} {c.precision:>10.3f} {c.recall:>7.3f}"
            f" {c.f1:>6.3f}"
        )
    rows = [
        ("people with role", score.roles, score.roles_of_found),
        ("people with organisation", score.person_orgs, score.person_orgs_of_found),
        ("dated events found", score.dated_found, None),
        ("  … right date", score.dated_date, None),
        ("  … right place", score.dated_place, None),
        ("  … right organisers", score.dated_organisers, None),
        ("  … date, place and organisers", score.dated_all, None),
        ("event participants", score.event_people, None),
    ]
    for label, r, of_found in rows:
        extra = (
            f"   (of found: {of_found.found}/{of_found.total} {of_found.ratio:.3f})"
            if of_found
            else ""
        )
        print(f"{label:<31} {r.found:>3}/{r.total:<3} {r.ratio:.3f}{extra}")
    if show:
        for kind, items in score.examples.items():
            print(f"-- {kind} ({len(items)})")
            for item in items[:show]:
                print(f"   {item}")
    print()


def main(argv: Sequence[str] | None = None) -> int:
    """Index each annotation set's documents, read the directory back, print the measures."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--annotation", type=Path, action="append", help="annotation file (repeatable)")
    ap.add_argument(
        "--index",
        type=Path,
        help="keep and reuse the index here (with several annotations: one subfolder each)",
    )
    ap.add_argument("--rebuild", action="store_true", help="re-index even when --index exists")
    ap.add_argument("--docs", type=Path, help="folder of the documents (one annotation only)")
    ap.add_argument("--show", type=int, default=0, metavar="N", help="N examples of each error")
    ap.add_argument("--json", action="store_true", help="print JSON")
    args = ap.parse_args(argv)
    paths = args.annotation or [SHIPPED, REALGENRE]
    if args.docs and len(paths) != 1:
        ap.error("--docs needs exactly one --annotation")
    results = {}
    with tempfile.TemporaryDirectory(prefix="eval-directory-") as tmp:
        for path in paths:
            annotation = load_annotation(path, args.docs)
            if args.index is None:
                index = Path(tmp) / annotation.label
            else:
                index = args.index if len(paths) == 1 else args.index / annotation.label
            started = time.perf_counter()
            if args.rebuild or not has_index(index):
                build_index(index, annotation.files, rebuild=args.rebuild)
            score = score_directory(annotation, read_directory(index))
            seconds = time.perf_counter() - started
            results[annotation.label] = score
            if not args.json:
                _print(annotation, score, seconds, args.show)
    if args.json:
        payload = {label: s.to_dict() for label, s in results.items()}
        if args.show:
            for label, s in results.items():
                payload[label]["examples"] = {k: v[: args.show] for k, v in s.examples.items()}
        print(json.dumps(payload, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
