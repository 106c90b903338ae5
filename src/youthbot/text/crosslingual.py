"""Latvian equivalents of English words, so English questions meet Latvian text lexically."""

from __future__ import annotations

import functools
from importlib import resources


@functools.cache
def _glossary() -> dict[str, tuple[str, ...]]:
    """The shipped English → Latvian glossary of the domain (text/data/en_lv.tsv)."""
    text = resources.files("youthbot.text").joinpath("data/en_lv.tsv").read_text("utf-8")
    out: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        english, _, latvian = line.partition("\t")
        if latvian.strip():
            out[english.strip().lower()] = tuple(latvian.split())
    return out


def latvian_equivalents(word: str) -> tuple[str, ...]:
    """Latvian base forms for an English word ("funds" → finansēt, finansējums, fonds); () if
    the glossary does not know it, in this form or as the base its ending leaves
    ("applying", "costs", "registered", "activities" are read as "apply", "cost", "register",
    "activity")."""
    glossary = _glossary()
    low = word.lower()
    for form in (low, *english_bases(low)):
        found = glossary.get(form)
        if found:
            return found
    return ()


#: English inflections, longest first: (ending, what replaces it). "-ies" → "-y"
#: ("activities"), "-ing"/"-ed" with and without a final "e" ("organising" → "organise",
#: "applied" → "apply"), a doubled consonant ("planned" → "plan"), plural and 3rd person "-s".
_ENGLISH_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ies", ("y",)),
    ("ied", ("y",)),
    ("ing", ("", "e")),
    ("ed", ("", "e")),
    ("es", ("", "e")),
    ("s", ("",)),
)


def english_bases(word: str) -> list[str]:
    """Base forms an inflected English word may come from, most likely first ("registered" →
    "register", "registere"; "planned" → "plann", "plane", "plan")."""
    out: list[str] = []
    for ending, replacements in _ENGLISH_ENDINGS:
        if not word.endswith(ending) or len(word) - len(ending) < 3:
            continue
        stem = word[: -len(ending)]
        out.extend(stem + r for r in replacements)
        if ending in ("ing", "ed") and len(stem) > 3 and stem[-1] == stem[-2]:
            out.append(stem[:-1])  # "planned" → "plan"
        break
    return out
