"""The directory indexed once per generation: people, organisations, projects and events by
name stem, number, place and date, so a question looks its subject up instead of scanning.

The indexes hold names and event heads only (``entries.EntryName``, ``entries.EventHead``),
read from SQLite in a few narrow queries; the whole entry of what a question names is read
when it is found. So a cold question reads the names, not every mention in the directory.

Names are matched through Latvian case endings (``match.word_stem``: "Meldrājas" and
"Meldrāja" share ``meldraj``). A name of several words is filed under its rarest stem only:
a question holds every stem of the name, so it holds that one too, and the lookup reads one
short list per question word.
"""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Generic, TypeVar

from youthbot.directory.match import places_named_in, word_stem
from youthbot.directory.names import name_key
from youthbot.directory.tokens import fold

if TYPE_CHECKING:
    from youthbot.directory.db import FactStore
    from youthbot.directory.entries import (
        EntryName,
        EventHead,
        OrgEntry,
        PersonEntry,
        ProjectEntry,
    )
    from youthbot.directory.facts import Event

__all__ = ["DirectoryLookup", "event_stems", "org_core", "stems"]

T = TypeVar("T")
_WORDS = re.compile(r"[^\W_]+")
_QUOTED = re.compile(r"“([^”]+)”")


@functools.lru_cache(maxsize=100_000)
def stems(text: str) -> frozenset[str]:
    """The case-free stems of the words of ``text`` (``"Zanei Meldrājai"`` → zan, meldraj)."""
    return frozenset(word_stem(w) for w in _WORDS.findall(text))


def org_core(name: str) -> str:
    """The part of an organisation's name a question must hold: the quoted name when there is
    one (``biedrība “House of Hope”`` → ``House of Hope``), else the whole name."""
    quoted = _QUOTED.search(name)
    return quoted.group(1) if quoted else name


@functools.lru_cache(maxsize=100_000)
def _event_stems(title: str, quote: str, names: tuple[str, ...]) -> frozenset[str]:
    return stems(title) | stems(quote) | frozenset().union(*(stems(n) for n in names))


def event_stems(e: Event) -> frozenset[str]:
    """The stems of what an event says: its title, sentence, place, organisers, people."""
    names = (*e.organisers, *e.people, e.place or "", e.project or "")
    return _event_stems(e.title, e.quote, names)


class _RareStemIndex(Generic[T]):
    """Items filed under the rarest stem of their name; found when a text holds every stem."""

    def __init__(self, items: Iterable[tuple[T, frozenset[str]]]) -> None:
        pairs = [(item, s) for item, s in items if s]
        df = Counter(stem for _, s in pairs for stem in s)
        self._by_stem: dict[str, list[tuple[T, frozenset[str]]]] = defaultdict(list)
        for item, s in pairs:
            rare = min(s, key=lambda stem: (df[stem], stem))
            self._by_stem[rare].append((item, s))

    def within(self, held: frozenset[str], min_stems: int = 1) -> list[T]:
        """Items whose every stem (at least ``min_stems`` of them) is in ``held``."""
        out: list[T] = []
        for stem in sorted(held):
            for item, s in self._by_stem.get(stem, ()):
                if len(s) >= min_stems and s <= held:
                    out.append(item)
        return out


class DirectoryLookup:
    """Lookups over one store's names and events; each index is built on first use.

    Built by ``FactStore.lookup()`` and dropped with the store's reads at its next write.
    """

    def __init__(self, store: FactStore) -> None:
        """Index ``store`` lazily.

        Args:
            store: The directory of one index generation.
        """
        self.store = store
        self._said: dict[tuple[str, int], frozenset[str]] = {}

    # -- people ------------------------------------------------------------------------
    @functools.cached_property
    def _person_keys(self) -> dict[str, str]:
        return {name_key(n.name): n.key for n in self.store.person_names()}

    @functools.cached_property
    def _people_by_stem(self) -> dict[str, list[EntryName]]:
        out: dict[str, list[EntryName]] = defaultdict(list)
        for n in self.store.person_names():
            for s in stems(n.name):
                out[s].append(n)
        return out

    def person(self, name: str) -> PersonEntry | None:
        """The person of this base-form name (any spelling of its diacritics), or None."""
        key = self._person_keys.get(name_key(name))
        return None if key is None else self.store.person(key)

    def person_of(self, name: EntryName) -> PersonEntry | None:
        """The whole entry of a person found by name."""
        return self.store.person(name.key)

    def people_with_stem(self, stem: str) -> Sequence[EntryName]:
        """The people (by name) one of whose name words has this stem."""
        return self._people_by_stem.get(stem, ())

    def people_in(self, docs: Iterable[str]) -> list[PersonEntry]:
        """The people these documents name."""
        found = (self.store.person(k) for k in self.store.person_keys_in(set(docs)))
        return [p for p in found if p is not None]

    # -- organisations -----------------------------------------------------------------
    @functools.cached_property
    def _orgs_by_name(self) -> dict[str, str]:
        return {fold(n.name): n.key for n in self.store.org_names()}

    @functools.cached_property
    def _orgs_by_abbreviation(self) -> dict[str, list[EntryName]]:
        out: dict[str, list[EntryName]] = defaultdict(list)
        for n in self.store.org_names():
            if n.abbreviation:
                out[n.abbreviation.upper()].append(n)
        return out

    @functools.cached_property
    def _orgs_by_stems(self) -> _RareStemIndex[EntryName]:
        return _RareStemIndex((n, stems(org_core(n.name))) for n in self.store.org_names())

    def org(self, name: str) -> OrgEntry | None:
        """The organisation of this base name, or None."""
        key = self._orgs_by_name.get(fold(name))
        return None if key is None else self.store.org(key)

    def org_of(self, name: EntryName) -> OrgEntry | None:
        """The whole entry of an organisation found by name."""
        return self.store.org(name.key)

    def orgs_abbreviated(self, word: str) -> list[EntryName]:
        """The organisations (by name) this abbreviation (``VARAM``) stands for."""
        return list(self._orgs_by_abbreviation.get(word.upper(), ()))

    def orgs_within(self, held: frozenset[str]) -> list[EntryName]:
        """Organisations whose name (its quoted part, two words or more) ``held`` holds."""
        return self._orgs_by_stems.within(held, min_stems=2)

    # -- projects ----------------------------------------------------------------------
    @functools.cached_property
    def _projects_by_number(self) -> dict[str, list[EntryName]]:
        out: dict[str, list[EntryName]] = defaultdict(list)
        for n in self.store.project_names():
            if n.number:
                out[fold(n.number)].append(n)
        return out

    @functools.cached_property
    def _projects_by_stems(self) -> _RareStemIndex[EntryName]:
        return _RareStemIndex(
            (n, stems(n.name)) for n in self.store.project_names() if n.kind == "projekts"
        )

    def project_of(self, name: EntryName) -> ProjectEntry | None:
        """The whole entry of a project found by name or number."""
        return self.store.project(name.key)

    def projects_numbered(self, number: str) -> list[EntryName]:
        """The projects (by name) with this number (as written, ``Nr.`` left off)."""
        return list(self._projects_by_number.get(fold(number), ()))

    def projects_within(self, held: frozenset[str]) -> list[EntryName]:
        """Projects (not programmes) whose name of two words or more ``held`` holds."""
        return self._projects_by_stems.within(held, min_stems=2)

    # -- events ------------------------------------------------------------------------
    def _heads_by(self, keys: Callable[[EventHead], Iterable[str]]) -> dict[str, list[EventHead]]:
        out: dict[str, list[EventHead]] = defaultdict(list)
        for e in self.store.event_heads():
            for key in dict.fromkeys(keys(e)):
                out[key].append(e)
        return out

    @functools.cached_property
    def _by_place(self) -> dict[str, list[EventHead]]:
        return self._heads_by(lambda e: [e.place, *places_named_in(e.place)] if e.place else [])

    @functools.cached_property
    def _by_month(self) -> dict[str, list[EventHead]]:
        return self._heads_by(lambda e: [_month_key(e.date)] if e.date else [])

    @functools.cached_property
    def _by_day(self) -> dict[str, list[EventHead]]:
        return self._heads_by(lambda e: [_day_key(e.date)] if e.date else [])

    @functools.cached_property
    def _by_project(self) -> dict[str, list[EventHead]]:
        return self._heads_by(lambda e: [fold(e.project)] if e.project else [])

    @functools.cached_property
    def _by_person(self) -> dict[str, list[EventHead]]:
        return self._heads_by(lambda e: e.people)

    @functools.cached_property
    def _by_title_stem(self) -> dict[str, list[EventHead]]:
        return self._heads_by(lambda e: stems(e.title))

    @functools.cached_property
    def _by_organiser(self) -> dict[str, list[EventHead]]:
        return self._heads_by(lambda e: e.organisers)

    @functools.cached_property
    def _position(self) -> dict[int, int]:
        return {h.id: i for i, h in enumerate(self.store.event_heads())}

    def _union(self, groups: Iterable[Sequence[EventHead]]) -> list[EventHead]:
        """The heads of every group, once each, in document order."""
        groups = [g for g in groups if g]
        if len(groups) == 1:  # each index keeps document order
            return list(groups[0])
        seen: dict[int, EventHead] = {}
        for group in groups:
            for e in group:
                seen.setdefault(e.id, e)
        position = self._position
        return sorted(seen.values(), key=lambda e: position[e.id])

    def organised_by(self, names: Iterable[str]) -> list[EventHead]:
        """Events whose organisers include one of these names exactly."""
        return self._union(self._by_organiser.get(n, ()) for n in names)

    def heads(self) -> list[EventHead]:
        """Every event head, in document order."""
        return self.store.event_heads()

    def events(self, heads: Sequence[EventHead]) -> list[Event]:
        """The whole events of these heads, in that order."""
        return self.store.events_by_id([h.id for h in heads])

    def at(self, places: Iterable[str]) -> list[EventHead]:
        """Events held at any of these base-named places."""
        return self._union(self._by_place.get(p, ()) for p in places)

    def in_month(self, month: int) -> list[EventHead]:
        """Events whose date falls in this month (of any year)."""
        return list(self._by_month.get(f"{month:02d}", ()))

    def on_day(self, month: int, day: int) -> list[EventHead]:
        """Events whose date is this day of this month (of any year)."""
        return list(self._by_day.get(f"{month:02d}-{day:02d}", ()))

    def said(self, e: Event) -> frozenset[str]:
        """``event_stems(e)``, kept per event."""
        key = (e.doc, e.start)
        held = self._said.get(key)
        if held is None:
            held = self._said[key] = event_stems(e)
        return held

    def of_projects(self, names: Iterable[str]) -> list[EventHead]:
        """Events of these projects (by name)."""
        return self._union(self._by_project.get(fold(n), ()) for n in names)

    def with_people(self, names: Iterable[str]) -> list[EventHead]:
        """Events these people (base names) took part in."""
        return self._union(self._by_person.get(n, ()) for n in names)

    def titled_with(self, stems_: Iterable[str]) -> list[EventHead]:
        """Events whose title holds a word of one of these stems."""
        return self._union(self._by_title_stem.get(s, ()) for s in stems_)

    def titled(self, name: str) -> list[EventHead]:
        """Events whose title carries ``name`` (folded), e.g. a quoted name."""
        held = stems(name)
        if not held:
            return []
        want = fold(name)
        rare = min(held, key=lambda s: (len(self._by_title_stem.get(s, ())), s))
        return [e for e in self._by_title_stem.get(rare, ()) if want in fold(e.title)]


def _day_key(iso: str) -> str:
    parts = iso.lstrip("-").split("-")
    if iso.startswith("--"):
        return "-".join(parts[:2])
    return "-".join(parts[1:3])


def _month_key(iso: str) -> str:
    parts = iso.lstrip("-").split("-")
    if iso.startswith("--"):
        return parts[0]
    return parts[1] if len(parts) > 1 else ""
