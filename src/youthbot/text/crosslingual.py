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
    the glossary does not know it."""
    return _glossary().get(word.lower(), ())
