"""Shared parts of the directory scorers: the youthbot CLI as a subprocess and the matching rules.

The rules are written here, not imported from ``youthbot``, so that the instrument does not move
with the code it measures (a change to youthbot's folding or stemming cannot change a score by
changing the yardstick).

Matching rules (every comparison first folds: NFKD, lower case, diacritics dropped, so
``ā``/``a``, ``ņ``/``n``, ``š``/``s`` are one letter):

* **Person names** compare whole: folded, spacing around hyphens and after initials normalised
  (``I.Reinholde`` = ``I. Reinholde``, ``Bērziņa- Igaune`` = ``Bērziņa-Igaune``). No stemming:
  the base form is what is measured, so ``Inārai Miglānei`` ≠ ``Ināra Miglāne`` and
  ``Vladislavs`` ≠ ``Vladislava``.
* **Stems** (roles, organisations, places): the folded word minus one Latvian case/gender ending
  (the longest of ``ENDINGS``), then ``…iec`` → ``…iek`` (darbiniece/darbinieks) and a ``j``
  after a labial dropped (pārstāvji/pārstāvis). Words of three letters or fewer are kept whole.
* **Roles** match on the stem of their head word, the last word of the role (Latvian noun phrases
  end in their head: ``Naujenes pagasta pārvaldes vadītāja`` → ``vadītāj``). A predicted role
  counts when its own head word has that stem; the modifiers and the gender are not judged. A
  predicted role that coordinates several (``projektu vadītāja un jauniešu mentore``; split at
  ``un``, ``kā arī``, commas, semicolons and slashes) offers the head of each part.
* **Organisations** are word sequences of stems (quotes and punctuation dropped). Two names
  match when the sequences are equal, when either equals one of the gold entry's aliases or the
  predicted abbreviation, or when the shorter one (at least two words) is an in-order part of the
  longer one covering at least two thirds of its words.
* **Places** match when their stem sequences are equal, or when one is the other plus a trailing
  ``novads``/``pagasts``/``ciems``/``pilsēta`` (a novads and its town, a ciems and its name are one
  place for a coordinator).
* **Dates** are ISO strings; a gold date without a year (``--08-18``, ``--08``) matches a
  predicted date with any year and the same month and day, since the text does not say the year.
  A gold end date must be matched; a predicted end date is not judged when the gold has none.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

#: Latvian noun and adjective endings (folded), longest first; one is cut from a word.
ENDINGS = (
    "iem",
    "ais",
    "am",
    "ai",
    "as",
    "es",
    "is",
    "os",
    "us",
    "ei",
    "em",
    "im",
    "ie",
    "a",
    "e",
    "i",
    "s",
    "u",
    "o",
)

#: Trailing words that turn a town or village name into its territory.
PLACE_SUFFIXES = frozenset({"novad", "pagast", "ciem", "ciemat", "pilset"})

_QUOTES = re.compile(r"[“”„\"«»‘’'`]")
_WORDS = re.compile(r"[^\W_]+\+*")


def fold(text: str) -> str:
    """Lower case without diacritics: ``Ūdens Ķēniņš`` → ``udens kenins``."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold_ws(text: str) -> str:
    """Whitespace runs to one space, ends trimmed, NFC."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def name_key(name: str) -> str:
    """A person's name for comparison: folded, hyphens and initials spaced one way."""
    s = fold(fold_ws(name))
    s = re.sub(r"\s*[-‑–]\s*", "-", s)
    s = re.sub(r"\b(\w)\.\s*(?=\w)", r"\1. ", s)
    return " ".join(s.split())


def stem(word: str) -> str:
    """The folded word without one case or gender ending (see the module docstring)."""
    w = fold(word)
    if len(w) <= 3 or not w.isalpha():
        return w
    for ending in ENDINGS:
        if w.endswith(ending) and len(w) - len(ending) >= 2:
            w = w[: -len(ending)]
            break
    if w.endswith("iec"):
        w = w[:-1] + "k"
    if len(w) > 3 and w.endswith("j") and w[-2] in "bmpv":
        w = w[:-1]
    return w


def stems(text: str) -> tuple[str, ...]:
    """The stems of the words of ``text``, quotes and punctuation dropped."""
    return tuple(stem(w) for w in _WORDS.findall(_QUOTES.sub(" ", fold(text))))


def role_head(role: str) -> str:
    """The stem of a role's head word (its last word), or empty."""
    words = stems(role)
    return words[-1] if words else ""


def same_name(gold: str, pred: str) -> bool:
    """Whether two person names are the same base form."""
    return name_key(gold) == name_key(pred)


_COORDINATION = re.compile(r"\s*(?:[,;/]|\bun\b|\bkā arī\b)\s*")


def role_parts(role: str) -> list[str]:
    """The roles a coordinated role string holds: ``A un B`` → ``[A, B]``."""
    return [part for part in _COORDINATION.split(role) if part.strip()]


def same_role(gold: str, preds: Iterable[str]) -> bool:
    """Whether one of the predicted roles (or a coordinated part of one) has the gold head stem."""
    head = role_head(gold)
    return bool(head) and any(role_head(part) == head for p in preds for part in role_parts(p))


def _in_order(short: Sequence[str], long: Sequence[str]) -> bool:
    it = iter(long)
    return all(any(w == x for x in it) for w in short)


def same_org(gold_names: Iterable[str], pred: str, abbreviation: str = "") -> bool:
    """Whether a predicted organisation is one of ``gold_names`` (a name and its aliases)."""
    pred_stems = stems(pred)
    abbr = stems(abbreviation) if abbreviation else ()
    for name in gold_names:
        g = stems(name)
        if not g:
            continue
        if g == pred_stems or (abbr and g == abbr):
            return True
        short, long = sorted((g, pred_stems), key=len)
        if len(short) >= 2 and 3 * len(short) >= 2 * len(long) and _in_order(short, long):
            return True
    return False


def same_place(gold: str | None, pred: str | None) -> bool:
    """Whether two places are one for a coordinator (None only matches None)."""
    if gold is None or pred is None:
        return gold is None and pred is None
    a, b = stems(gold), stems(pred)
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    return (
        len(long) == len(short) + 1 and long[: len(short)] == short and long[-1] in PLACE_SUFFIXES
    )


def _date_parts(date: str) -> tuple[str | None, str]:
    """(year or None, the rest: ``-MM-DD``, ``-MM`` or empty)."""
    if date.startswith("--"):
        return None, date[1:]
    return date[:4], date[4:]


def same_date(gold: str | None, pred: str | None) -> bool:
    """Whether a predicted date says what the gold date says (a missing gold year is not judged)."""
    if gold is None or pred is None:
        return gold is None and pred is None
    gy, grest = _date_parts(gold)
    py, prest = _date_parts(pred)
    if gy is None:
        return grest == prest
    return gy == py and grest == prest


# -- the CLI -------------------------------------------------------------------------------


class CliError(RuntimeError):
    """The youthbot CLI failed; the message holds its stderr."""


def run_cli(args: Sequence[str], index: Path, check: bool = True) -> str:
    """Run ``python -m youthbot --index INDEX ARGS`` with this interpreter; returns stdout."""
    env = dict(os.environ)
    env.setdefault("HF_HUB_OFFLINE", "1")
    env.setdefault("TRANSFORMERS_OFFLINE", "1")
    cmd = [sys.executable, "-m", "youthbot", "--index", str(index), *args]
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=REPO)
    if check and proc.returncode != 0:
        raise CliError(
            f"{' '.join(cmd[2:])} exited {proc.returncode}: {proc.stderr.strip()[-2000:]}"
        )
    return proc.stdout


def build_index(index: Path, paths: Sequence[Path], rebuild: bool = False) -> None:
    """``youthbot index --no-llm`` of ``paths`` into ``index`` (kept, so it can be reused)."""
    flags = ["--rebuild"] if rebuild else []
    run_cli(["index", "--no-llm", *flags, *(str(p) for p in paths)], index)


def has_index(index: Path) -> bool:
    """Whether ``index`` looks like a built index directory."""
    return index.is_dir() and any(index.iterdir())


def directory_json(index: Path, command: str) -> list[dict]:
    """``youthbot people|orgs|events|projects --json`` over ``index``."""
    out = run_cli([command, "--json"], index)
    return json.loads(out) if out.strip() else []


# -- what the index reports, per document --------------------------------------------------


@dataclass(frozen=True, slots=True)
class Quote:
    """One mention as the CLI reports it."""

    doc: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class PredPerson:
    """A person the index reports in one document (roles and orgs as the CLI merges them)."""

    doc: str
    name: str
    roles: tuple[str, ...]
    orgs: tuple[str, ...]
    quotes: tuple[Quote, ...] = ()


@dataclass(frozen=True, slots=True)
class PredOrg:
    """An organisation the index reports in one document."""

    doc: str
    name: str
    abbreviation: str
    quotes: tuple[Quote, ...] = ()


@dataclass(frozen=True, slots=True)
class PredEvent:
    """An event the index reports."""

    doc: str
    title: str
    date: str | None
    date_end: str | None
    place: str | None
    organisers: tuple[str, ...]
    people: tuple[str, ...]
    quote: str


@dataclass(frozen=True, slots=True)
class PredProject:
    """A project the index reports in one document."""

    doc: str
    name: str
    number: str


@dataclass(slots=True)
class Directory:
    """Everything the index's directory reports, split by document path."""

    people: list[PredPerson] = field(default_factory=list)
    orgs: list[PredOrg] = field(default_factory=list)
    events: list[PredEvent] = field(default_factory=list)
    projects: list[PredProject] = field(default_factory=list)


def _quotes(row: dict, doc: str) -> tuple[Quote, ...]:
    return tuple(
        Quote(m["doc"], int(m["start"]), int(m["end"]), m["quote"])
        for m in row.get("mentions") or []
        if m.get("doc") == doc
    )


def read_directory(index: Path, projects: bool = True) -> Directory:
    """Read people, organisations, events (and projects) from the index through the CLI.

    The CLI merges a person's rows across documents; each document a row names gets its own
    ``PredPerson`` with the merged roles and organisations (a small leniency where one person
    appears in two documents).
    """
    out = Directory()
    for row in directory_json(index, "people"):
        for doc in dict.fromkeys(row.get("docs") or []):
            out.people.append(
                PredPerson(
                    doc,
                    row["name"],
                    tuple(row.get("roles") or ()),
                    tuple(row.get("orgs") or ()),
                    _quotes(row, doc),
                )
            )
    for row in directory_json(index, "orgs"):
        for doc in dict.fromkeys(row.get("docs") or []):
            out.orgs.append(
                PredOrg(doc, row["name"], row.get("abbreviation") or "", _quotes(row, doc))
            )
    for row in directory_json(index, "events"):
        out.events.append(
            PredEvent(
                row["doc"],
                row.get("title") or "",
                row.get("date"),
                row.get("date_end"),
                row.get("place"),
                tuple(row.get("organisers") or ()),
                tuple(row.get("people") or ()),
                row.get("quote") or "",
            )
        )
    if projects:
        for row in directory_json(index, "projects"):
            for doc in dict.fromkeys(row.get("docs") or []):
                out.projects.append(PredProject(doc, row["name"], row.get("number") or ""))
    return out
