"""Person names in text: found by given-name morphology or role context, with roles and bodies."""

from __future__ import annotations

import bisect
import re
import sys
from dataclasses import dataclass, field

from youthbot.text.names import clean_name, read_given, surname_base
from youthbot.text.orgs import OrgMention, head_forms, is_modifier
from youthbot.text.places import PlaceMention, gazetteer
from youthbot.text.roles import GROUP_NOUNS, is_role, role_forms, singular_role
from youthbot.text.tokens import Token, is_verb, squash, tokens

# capitalised words that open noun phrases in this genre and are never surnames
_NOT_SURNAME = {
    "Jauniešu",
    "Jaunatnes",
    "Izglītības",
    "Sabiedrības",
    "Kultūras",
    "Sporta",
    "Bērnu",
    "Projekta",
    "Projekts",
    "Projektu",
    "Pasākums",
    "Pasākuma",
    "Pašvaldības",
    "Valsts",
    "Novada",
    "Eiropas",
    "Latvijas",
    "Informāciju",
    "Tikšanās",
    "Programmas",
    "Centrs",
    "Centra",
    "Biedrība",
    "Biedrības",
    "Dome",
    "Domes",
    "Kā",
    "Un",
    "Ar",
    "Par",
    "No",
    "Uz",
    "Pie",
    "Bet",
    "Lai",
    "Vai",
}
_PROPER = {"Saeimas", "Valsts", "Eiropas", "Latvijas", "Ministru"}
_SIGNATURE = re.compile(r"(?:informāciju\s+)?sagatavoja|kontaktinformācija|kontaktpersona", re.I)
_SPACES = re.compile(r"[ \t]{1,2}")


@dataclass(slots=True)
class NameHit:
    """One written name before merging.

    Attributes:
        name: Base form.
        gender: ``f``, ``m`` or empty when unknown.
        first: Index of its first token.
        last: Index of its last token.
        start: Offset of its first character.
        end: Offset just past it.
        observed: Whether it was written in the nominative.
        initial: The initial when written as ``I. Reinholde`` (surname only known).
        roles: Roles found around it.
        orgs: Organisations found around it.
        places: Places found around it.
    """

    name: str
    gender: str
    first: int
    last: int
    start: int
    end: int
    observed: bool
    initial: str = ""
    roles: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)


def _surname_like(tok: Token, place_idx: set[int], i: int) -> bool:
    return (
        tok.is_cap
        and not tok.is_upper
        and len(tok.text) >= 2
        and i not in place_idx
        and tok.text not in _NOT_SURNAME
        and tok.text.lower() not in head_forms()
        and not is_role(tok.text)
    )


def _join_surname(text: str, toks: list[Token], j: int, place_idx: set[int]) -> int:
    """Index of the last token of a surname starting at ``j`` (``Bērziņa- Igaune`` spans two)."""
    if j + 1 < len(toks) and re.fullmatch(r"\s?[-‑]\s?", text[toks[j].end : toks[j + 1].start]):
        if _surname_like(toks[j + 1], place_idx, j + 1):
            return j + 1
    return j


class _Finder:
    def __init__(
        self,
        text: str,
        sentences: list[tuple[int, int]],
        orgs: list[OrgMention],
        places: list[PlaceMention],
    ) -> None:
        self.text = text
        self.toks = tokens(text)
        self.starts = [t.start for t in self.toks]
        self.sent_starts = {s for s, _ in sentences}
        self.orgs = orgs
        self.places = places
        self.place_idx = {i for i, t in enumerate(self.toks) if gazetteer().lookup(t.text)}
        self.org_spans = sorted((o.start, o.end) for o in orgs)

    def gap(self, a: int, b: int) -> str:
        """The text between tokens ``a`` and ``b``."""
        return self.text[self.toks[a].end : self.toks[b].start]

    def spaced(self, a: int, b: int) -> bool:
        """Whether only one or two spaces separate tokens ``a`` and ``b``."""
        return _SPACES.fullmatch(self.gap(a, b)) is not None

    def in_org(self, start: int, end: int) -> bool:
        """Whether the span lies inside an organisation's name."""
        i = bisect.bisect_right(self.org_spans, (start, sys.maxsize))
        return any(s <= start and end <= e for s, e in self.org_spans[max(0, i - 8) : i])

    def hits(self) -> list[NameHit]:
        """Every written name: given-name readings, initials, and role-backed unknown names."""
        toks, out = self.toks, []
        pending: list[tuple[int, int]] = []
        i = 0
        while i < len(toks):
            hit = self._given_hit(i) or self._initial_hit(i)
            if hit is not None:
                out.append(hit)
                i = hit.last + 1
                continue
            if (
                i + 1 < len(toks)
                and _surname_like(toks[i], self.place_idx, i)
                and self.spaced(i, i + 1)
                and _surname_like(toks[i + 1], self.place_idx, i + 1)
            ):
                pending.append((i, _join_surname(self.text, toks, i + 1, self.place_idx)))
            i += 1
        for first, last in pending:
            if any(h.first <= last and first <= h.last for h in out):
                continue
            if self._role_context(first, last, out):
                written = self.text[toks[first].start : toks[last].end]
                out.append(
                    NameHit(
                        clean_name(written),
                        "",
                        first,
                        last,
                        toks[first].start,
                        toks[last].end,
                        True,
                    )
                )
        out.sort(key=lambda h: h.start)
        return [h for h in out if not self.in_org(h.start, h.end)]

    def _given_hit(self, i: int) -> NameHit | None:
        toks = self.toks
        readings = read_given(toks[i].text)
        if not readings or i + 1 >= len(toks) or not self.spaced(i, i + 1):
            return None
        j = i + 1
        middle = ""
        if read_given(toks[j].text) and j + 1 < len(toks) and self.spaced(j, j + 1):
            if _surname_like(toks[j + 1], self.place_idx, j + 1):
                middle, j = toks[j].text, j + 1
        if not _surname_like(toks[j], self.place_idx, j):
            return None
        last = _join_surname(self.text, toks, j, self.place_idx)
        surname_written = self.text[toks[j].start : toks[last].end]
        reading = readings[0]
        surname = surname_base(surname_written, reading.gender, reading.case)
        given = reading.base + (f" {middle}" if middle else "")
        return NameHit(
            clean_name(f"{given} {surname}"),
            reading.gender,
            i,
            last,
            toks[i].start,
            toks[last].end,
            reading.case == "nom",
        )

    def _initial_hit(self, i: int) -> NameHit | None:
        toks = self.toks
        tok = toks[i]
        if len(tok.text) != 1 or not tok.is_cap or i + 1 >= len(toks):
            return None
        if not re.fullmatch(r"\.\s?", self.gap(i, i + 1)):
            return None
        if not _surname_like(toks[i + 1], self.place_idx, i + 1):
            return None
        last = _join_surname(self.text, toks, i + 1, self.place_idx)
        written = self.text[toks[i + 1].start : toks[last].end]
        return NameHit(
            clean_name(f"{tok.text}. {written}"),
            "",
            i,
            last,
            tok.start,
            toks[last].end,
            False,
            initial=tok.text,
        )

    def _role_context(self, first: int, last: int, accepted: list[NameHit]) -> bool:
        if first > 0 and is_role(self.toks[first - 1].text) and self.spaced(first - 1, first):
            return True
        if self._role_after(last) is not None:
            return True
        if self._group_before(first) is not None:
            return True
        here = self.toks[first].start
        for h in accepted:
            if abs(h.start - here) > 200:
                continue
            gap_after = self.text[h.end : self.toks[first].start]
            gap_before = self.text[self.toks[last].end : h.start]
            if re.fullmatch(r"(,| un) ", gap_after) or re.fullmatch(r"(,| un) ", gap_before):
                return True
        return False

    def _role_before(self, first: int) -> tuple[int, int] | None:
        """Token range of a role phrase right before a name: ``projekta vadītāja`` Zane …"""
        j = first - 1
        if j < 0 or not is_role(self.toks[j].text) or not self.spaced(j, first):
            return None
        k = j
        while k - 1 >= 0 and self.spaced(k - 1, k) and j - k < 8:
            prev = self.toks[k - 1]
            if not (prev.text == "un" or is_role(prev.text) or is_modifier(prev)):
                break
            k -= 1
            if self._sent_initial(k):
                break
        while k < j and self.toks[k].text == "un":
            k += 1
        return self._extend_to_org(k), j

    def _extend_to_org(self, k: int) -> int:
        """Move a phrase start back over a quoted organisation: ``biedrības “X” pārstāvji``."""
        if k == 0:
            return k
        for o in self.orgs:
            if self.toks[k - 1].end <= o.end <= self.toks[k].start and o.start < self.toks[k].start:
                return self.starts.index(o.start) if o.start in self.starts else k
        return k

    def _sent_initial(self, i: int) -> bool:
        return self.toks[i].start in self.sent_starts

    def _role_after(self, last: int) -> tuple[int, int] | None:
        """Token range of an apposition ``, Jauniešu mājas vadītāja,`` after a name."""
        k = last + 1
        if k >= len(self.toks):
            return None
        if self.toks[k].text == "ir" and self.spaced(last, k) and k + 1 < len(self.toks):
            k += 1  # "Asta Tiškutė ir Kauņas jaunimo centra vadītāja"
        elif not re.fullmatch(r",\s?", self.gap(last, k)):
            return None
        end = k
        while end + 1 < len(self.toks) and self.spaced(end, end + 1) and end - k < 10:
            nxt = self.toks[end + 1]
            if nxt.text == "un" and end + 2 < len(self.toks) and self.toks[end + 2].is_cap:
                break
            end += 1
        while end >= k and not is_role(self.toks[end].text):
            end -= 1
        if end < k:
            return None
        words = self.toks[k : end + 1]
        if any(t.text.islower() and is_verb(t.text) for t in words):
            return None
        return k, end

    def _group_before(self, first: int) -> tuple[int, int] | None:
        """Token range of ``… jaunatnes komanda –`` or ``… pārstāvji`` opening a list of names."""
        j = first - 1
        if j < 0:
            return None
        gap = self.gap(j, first)
        if re.fullmatch(r"\s?[–—:-]\s?", gap) and self.toks[j].text.lower() in GROUP_NOUNS:
            k = j
            while (
                k - 1 >= 0 and self.spaced(k - 1, k) and j - k < 8 and is_modifier(self.toks[k - 1])
            ):
                k -= 1
            return k, j
        return None

    def attach(self, hits: list[NameHit]) -> None:
        """Give each name the roles, organisations and places the text puts around it."""
        lists = _coordinations(self.text, hits)
        for group in lists:
            head = group[0]
            span = self._role_before(head.first)
            shared = span is not None and _plural_role(self.toks[span[1]].text)
            if span is None:
                span = self._group_before(head.first)
                shared = span is not None
            for h in group:
                own = self._role_after(h.last)
                if own is not None:
                    self._apply(h, *own)
                elif span is not None and (h is head or shared):
                    self._apply(h, *span, plural=shared)
        for h in hits:
            if not h.roles:
                self._signature(h)

    def _apply(self, h: NameHit, k: int, j: int, plural: bool = False) -> None:
        start, end = self.toks[k].start, self.toks[j].end
        org_names: list[str] = []
        cut = start
        inside = [
            o
            for o in self.orgs
            if (start <= o.start or o.start < start < o.end) and o.end <= end + 1
        ]
        for o in inside:
            if any(x is not o and x.start <= o.start and o.end <= x.end for x in inside):
                continue  # "X pašvaldības" inside "X pašvaldības izglītības pārvalde"
            org_names.append(o.name)
            cut = max(cut, o.end)
        if not org_names:
            for t in self.toks[k : j + 1]:
                kind = head_forms().get(t.text.lower())
                if kind:
                    named = self._nearest_org(kind[0], start)
                    if named:
                        org_names.append(named)
                        cut = max(cut, t.end)
                    break
        for p in self.places:
            if start <= p.start and p.end <= end and p.start >= cut:
                h.places.append(p.base)
                cut = max(cut, p.end)
        role = squash(self.text[cut:end]).strip(" ,–-()")
        if role:
            words = role.split(" ")
            if plural or words[-1].lower() in GROUP_NOUNS:
                words[-1] = singular_role(words[-1], h.gender or "f")
            role = " ".join(words)
            role = _lower_first(role, self.toks[k].start in self.sent_starts)
            if role not in h.roles:
                h.roles.append(role)
        for name in org_names:
            if name not in h.orgs:
                h.orgs.append(name)

    def _nearest_org(self, kind: str, pos: int) -> str | None:
        before = [o for o in self.orgs if o.kind == kind and o.start < pos and "“" in o.name]
        return before[-1].name if before else None

    def _signature(self, h: NameHit) -> None:
        line_start = self.text.rfind("\n", 0, h.start) + 1
        line_end = self.text.find("\n", h.end)
        line_end = len(self.text) if line_end < 0 else line_end
        if self.text[line_start:line_end].strip() != self.text[h.start : h.end]:
            return
        before = self.text[max(0, line_start - 60) : line_start]
        if not _SIGNATURE.search(before):
            return
        pos = line_end
        for _ in range(2):
            nxt_end = self.text.find("\n", pos + 1)
            nxt_end = len(self.text) if nxt_end < 0 else nxt_end
            line = self.text[pos + 1 : nxt_end].strip()
            if not line:
                break
            orgs = [o for o in self.orgs if pos < o.start < nxt_end]
            h.orgs.extend(o.name for o in orgs if o.name not in h.orgs)
            rest = self.text[max([pos + 1] + [o.end for o in orgs]) : nxt_end].strip(" ,–-()")
            if rest and is_role(rest.split(" ")[-1]):
                h.roles.append(_lower_first(rest, True))
            pos = nxt_end


def _lower_first(role: str, line_start: bool) -> str:
    """``Projekta eksperte`` → ``projekta eksperte`` at a line start; ``Saeimas deputāte`` kept."""
    first = role.split(" ")[0]
    if not line_start or first.isupper() or gazetteer().lookup(first) or first in _PROPER:
        return role
    return role[:1].lower() + role[1:]


def _plural_role(word: str) -> bool:
    entry = role_forms().get(word.lower())
    return entry is not None and entry[2]


def _coordinations(text: str, hits: list[NameHit]) -> list[list[NameHit]]:
    """Names joined by ``,`` or ``un`` into lists (``A, B un C``), each hit in one list."""
    groups: list[list[NameHit]] = []
    for h in hits:
        if groups:
            prev = groups[-1][-1]
            if re.fullmatch(r"(,| un|, un) ", text[prev.end : h.start]):
                groups[-1].append(h)
                continue
        groups.append([h])
    return groups


def find_person_mentions(
    text: str,
    sentences: list[tuple[int, int]],
    orgs: list[OrgMention],
    places: list[PlaceMention],
) -> list[NameHit]:
    """Every written person name, in base form, with the roles, bodies and places around it.

    A name is taken when its first word is a known given name in some case (``Astas
    Tiškutes`` → ``Asta Tiškute``) or, for other names, when a role or a list of named
    people stands next to it. ``I. Reinholde`` is kept with its initial.

    Args:
        text: The whole text.
        sentences: Its sentence spans.
        orgs: Its organisation mentions (names inside them are not people).
        places: Its place mentions.

    Returns:
        Name hits in text order.
    """
    finder = _Finder(text, sentences, orgs, places)
    hits = finder.hits()
    finder.attach(hits)
    return hits


def initial_owner(h: NameHit, hits: list[NameHit]) -> NameHit | None:
    """The full name an initialled mention (``I. Reinholde``) stands for, among ``hits``."""
    surname_written = h.name.split(" ", 1)[1]
    for other in hits:
        if other.initial or not other.name.startswith(h.initial):
            continue
        other_surname = other.name.split(" ")[-1]
        for case in ("nom", "gen", "dat", "acc"):
            if surname_base(surname_written, other.gender or "f", case) == other_surname:
                return other
    return None
