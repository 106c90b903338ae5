"""Mentions of one person joined: a surname or given name alone, an initial, a bracketed alias,
two given names sharing a family name."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from youthbot.text.morphology import stem_key
from youthbot.text.names import surname_base

if TYPE_CHECKING:
    from youthbot.text.people import NameHit

__all__ = ["initial_owner", "link_mentions"]


def link_mentions(text: str, hits: list[NameHit]) -> None:
    """Give each mention the full name of the person it stands for (in place)."""
    _resolve_singles(hits)
    _resolve_aliases(text, hits)
    _share_family_names(text, hits)


def _resolve_singles(hits: list[NameHit]) -> None:
    """Give a one-word mention the full name it stands for: the person whose surname or given
    name it is (the nearest one before it, else after)."""
    full = [h for h in hits if not h.single and not h.initial and " " in h.name]
    by_surname: dict[str, list[NameHit]] = {}
    by_given: dict[str, list[NameHit]] = {}
    for h in full:
        parts = h.name.split(" ")
        by_surname.setdefault(stem_key(parts[-1]), []).append(h)
        by_given.setdefault(stem_key(parts[0]), []).append(h)
    for h in hits:
        if not h.single:
            continue
        key = stem_key(h.name)
        written = stem_key(h.name if h.observed else h.name)
        options = by_surname.get(key) or by_surname.get(written) or by_given.get(key) or []
        if not options:
            continue
        before = [o for o in options if o.start < h.start]
        owner = before[-1] if before else options[0]
        h.name, h.gender, h.single = owner.name, owner.gender, False


def _resolve_aliases(text: str, hits: list[NameHit]) -> None:
    """A name in brackets right after a name is the same person written another way:
    ``Dominika Petere (Dominique Petter)``."""
    for a, b in zip(hits, hits[1:]):
        if re.fullmatch(r"\s?\(\s?", text[a.end : b.start]) and text[b.end : b.end + 1] == ")":
            b.name, b.gender, b.single = a.name, a.gender, False


def _family_forms(plural: str) -> tuple[str, str]:
    """A family name written in the plural (``Johanssoni``) as a man's and a woman's:
    ``Johanssons``, ``Johanssone``; ``Kalniņi`` → ``Kalniņš``, ``Kalniņa``."""
    stem = plural[:-1]
    if stem.endswith("ņ"):
        return stem + "š", stem + "a"
    if stem.endswith("on"):
        return stem + "s", stem + "e"
    return stem + "s", stem + "a"


def _share_family_names(text: str, hits: list[NameHit]) -> None:
    """``Ieva un Henriks Johanssoni``: two given names share one family name in the plural."""
    for a, b in zip(hits, hits[1:]):
        if not a.single or b.single or " " not in b.name or text[a.end : b.start] != " un ":
            continue
        written = text[b.start : b.end].split(" ")[-1]
        if not written.endswith("i") or a.gender not in ("m", "f") or b.case != "nom":
            continue
        masc, fem = _family_forms(written)
        given = b.name.split(" ")[0]
        b.name = f"{given} {fem if b.gender == 'f' else masc}"
        a.name = f"{a.name} {fem if a.gender == 'f' else masc}"
        a.single = False


def initial_owner(h: NameHit, hits: list[NameHit]) -> NameHit | None:
    """The full name an initialled mention (``I. Reinholde``) stands for, among ``hits``."""
    surname_written = h.name.split(" ", 1)[1]
    for other in hits:
        if other.initial or other.single or not other.name.startswith(h.initial):
            continue
        other_surname = other.name.split(" ")[-1]
        if stem_key(other_surname) == stem_key(surname_written):
            return other
        for case in ("nom", "gen", "dat", "acc"):
            if surname_base(surname_written, other.gender or "f", case) == other_surname:
                return other
    return None
