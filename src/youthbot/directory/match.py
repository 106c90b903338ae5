"""Matching what a user types (any case form, no diacritics) against directory names and dates."""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from youthbot.directory.orgs import known_abbreviations
from youthbot.directory.places import gazetteer, normalise_place
from youthbot.directory.tokens import fold
from youthbot.text.morphology import stem_key

if TYPE_CHECKING:
    from youthbot.directory.entries import ProjectEntry


def word_stem(word: str) -> str:
    """A folded word without its case ending (``Meldrājas`` → ``meldraj``): text/'s stem key."""
    return stem_key(word)


def _words(s: str) -> list[str]:
    return re.findall(r"[^\W_]+", s)


def name_matches(query: str, name: str) -> bool:
    """Whether every word of ``query`` names a word of ``name`` in some case form.

    ``Meldrājas`` and ``zane meldraja`` both match ``Zane Meldrāja``; ``Zanda`` does not
    match ``Zane``.
    """
    q_words = _words(query)
    n_words = _words(name)
    if not q_words:
        return False
    for q in q_words:
        qs, qf = word_stem(q), fold(q)
        if not any(
            qs == word_stem(n) or (len(qf) >= 4 and fold(n).startswith(qf)) for n in n_words
        ):
            return False
    return True


def org_matches(query: str, name: str, abbreviation: str = "") -> bool:
    """Whether ``query`` names organisation ``name``: part of it, any case form, or abbreviation."""
    q = query.strip()
    if not q:
        return False
    if abbreviation and q.upper() == abbreviation.upper():
        return True
    known = known_abbreviations().get(q.upper())
    if known and fold(known[0]) == fold(name):
        return True
    if fold(q) in fold(name):
        return True
    return name_matches(q, name)


@functools.lru_cache(maxsize=4096)
def place_set(query: str) -> frozenset[str]:
    """The base names a place filter stands for: the place and its novads or town."""
    base = normalise_place(query)
    if base is None:
        return frozenset()
    return frozenset(gazetteer().related(base) | {base})


def at_place(place: str | None, wanted: frozenset[str]) -> bool:
    """Whether an event's place is one of ``wanted`` or a venue there: a venue's name holds
    its town or novads ("Valmieras jauniešu centrs “Vinda”" is in Valmiera)."""
    if place is None:
        return False
    return place in wanted or bool(places_named_in(place) & wanted)


@functools.lru_cache(maxsize=4096)
def places_named_in(name: str) -> frozenset[str]:
    """The places a venue's name holds ("Madonas Kultūras nams" → Madona), without itself."""
    from youthbot.text.places import find_places

    return frozenset(p.base for p in find_places(name)) - {name}


@functools.lru_cache(maxsize=1)
def _place_forms() -> dict[str, str]:
    gz = gazetteer()
    out = {fold(form): readings[0][0] for form, readings in gz.forms.items() if readings}
    for base in gz.entries:
        out.setdefault(fold(base), base)
    return out


def known_place(word: str) -> str | None:
    """The base name of the gazetteer place a single word names in any case, with or without
    diacritics and capital (``liepaja`` → ``Liepāja``), or None."""
    return _place_forms().get(fold(word))


def project_matches(query: str, project: ProjectEntry) -> bool:
    """Whether ``query`` names the project: part of its name, or its number (``Nr.`` optional)."""
    q = re.sub(r"^nr\.?\s*", "", query.strip(), flags=re.I)
    if not q:
        return False
    if project.number and fold(q) in fold(project.number):
        return True
    return fold(q) in fold(project.name) or name_matches(q, project.name)


def _bounds(iso: str | None, upper: bool) -> str | None:
    if not iso or iso.startswith("--"):
        return None
    parts = iso.split("-")
    if len(parts) == 1:
        return f"{parts[0]}-12-31" if upper else f"{parts[0]}-01-01"
    if len(parts) == 2:
        return f"{iso}-31" if upper else f"{iso}-01"
    return iso


def date_in_range(
    date: str | None, date_end: str | None, date_from: str | None, date_to: str | None
) -> bool:
    """Whether an event's date overlaps ``[date_from, date_to]``.

    Partial dates cover their whole year or month; a date without a year never matches a
    date filter (it cannot be placed).
    """
    lo = _bounds(date, upper=False)
    hi = _bounds(date_end or date, upper=True)
    if lo is None or hi is None:
        return False
    if date_from and hi < (_bounds(date_from, upper=False) or ""):
        return False
    if date_to and lo > (_bounds(date_to, upper=True) or "9999"):
        return False
    return True


@functools.lru_cache(maxsize=20_000)
def date_parts(iso: str) -> tuple[int | None, int | None, int | None]:
    """``(year, month, day)`` of an ISO date, full or partial (``--01-26``, ``2024-05``)."""
    parts = iso.lstrip("-").split("-")
    if iso.startswith("--"):
        month, day = (parts + [""])[:2]
        return None, int(month) if month else None, int(day) if day else None
    year, month, day = (parts + ["", ""])[:3]
    return (
        int(year) if year.isdigit() else None,
        int(month) if month.isdigit() else None,
        int(day) if day.isdigit() else None,
    )


#: Final consonants that alternate in Latvian inflection, folded ("jaunietis" → "jauniešu":
#: t/š, folded t/s; "brālis" → "brāļu" folds the same): a stem ending in one meets a stem
#: ending in the other.
_ALTERNATING = {"t": "s", "s": "t", "d": "z", "z": "d", "k": "c", "c": "k"}


def stem_variants(stem: str) -> frozenset[str]:
    """A stem and the stems it meets across a final consonant alternation (stems of five
    letters or more only: ``jauniet`` ↔ ``jaunies``)."""
    alternate = _ALTERNATING.get(stem[-1:]) if len(stem) >= 5 else None
    return frozenset({stem} if alternate is None else {stem, stem[:-1] + alternate})


def stems_meet(alternatives: frozenset[str], held: frozenset[str]) -> bool:
    """Whether one of ``alternatives`` (or its alternating variant) is among ``held``."""
    return any(not stem_variants(a).isdisjoint(held) for a in alternatives)
