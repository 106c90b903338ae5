"""Typed spans of Latvian text: people, organisations, places, dates, amounts, counts, contacts.

This is the one layer that finds "what kind of thing stands where" in a text. The directory
builds its facts from these spans at index time, and the answer stage uses the same spans to
decide whether a sentence holds what a question asks for (a person for "Kas vadīja …?", an
amount for "Cik liels ir finansējums?"). One implementation, two users.

Every span keeps the invariant ``span.text == text[span.start:span.end]``; ``value`` is the
normalised reading (a name in its base form, an ISO date, an amount in euro, a count's number).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Literal

__all__ = ["SPAN_KINDS", "Span", "SpanKind", "find_spans"]

SpanKind = Literal[
    "person",
    "org",
    "place",
    "date",
    "amount",
    "count",
    "phone",
    "email",
    "url",
    "code",
    "address",
    "venue",
]
SPAN_KINDS: tuple[SpanKind, ...] = (
    "person", "org", "place", "date", "amount", "count", "phone", "email", "url", "code",
    "address", "venue",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Span:
    """A typed stretch of a text.

    Attributes:
        kind: What it is: ``person``, ``org``, ``place``, ``date``, ``amount``, ``count``,
            ``phone``, ``email``, ``url``, ``code`` (a project or document number),
            ``address`` (a street address: "Skolas ielā 5") or ``venue`` (a facility noun in
            the locative with what qualifies it: "jauniešu centrā “Apelsīns”").
        start: Offset of its first character in the text searched.
        end: Offset just past its last character.
        text: ``text[start:end]``, as written.
        value: The normalised reading: a person, organisation or place in its base form
            ("Inārai Miglānei" → "Ināra Miglāne", "Liepājā" → "Liepāja"), a date in ISO form
            ("2024-06-05", "--06-05" without a year), an amount in euro ("8500.00"), a count's
            number with its noun ("34 reizes", "10.3 %"), a phone number's digits
            ("+37129206098"), an e-mail in lower case, a URL or code as written. A clock time
            is a ``date`` valued "T16:00", a day of the week a ``date`` valued "D1" (Monday)
            to "D7". An address or a venue is valued as written.
    """

    kind: SpanKind
    start: int
    end: int
    text: str
    value: str


#: A clock time: "16:00", "9.30" after "plkst."/"no"/"līdz" ("plkst. 23.59", "no 9.30").
_TIME = re.compile(
    r"(?<![\d:.,])(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?![\d:])"
    r"|(?<=plkst\. )(?P<h2>[01]?\d|2[0-3])\.(?P<m2>[0-5]\d)(?!\d|\.\d)"
    r"|(?:(?<=no )|(?<=līdz )|(?<=lidz ))(?P<h3>[01]?\d|2[0-3])\.(?P<m3>[0-5]\d)(?!\d|\.\d)",
    re.IGNORECASE,
)
#: Days of the week in any case ("pirmdienās", "trešdien", "Sestdiena").
_WEEKDAYS = ("pirmdien", "otrdien", "trešdien", "ceturtdien", "piektdien", "sestdien", "svētdien")
_WEEKDAY = re.compile(
    r"(?<![^\W\d_])(?P<d>"
    + "|".join(_WEEKDAYS)
    + r"|"
    + "|".join(w.replace("š", "s").replace("ē", "e") for w in _WEEKDAYS if not w.isascii())
    + r")(?:a|as|ā|ās|u|ai|ām|i|e)?(?![^\W\d_])",
    re.IGNORECASE,
)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+(?<![.])")
#: An e-mail written against harvesters: "sintija.anceva [at] preili.lv", "ilze(at)talsi.lv".
_EMAIL_AT = re.compile(
    r"(?<![\w.+-])([\w.+-]+)\s?[\[(](?:at|AT|@)[\])]\s?([\w-]+(?:\.[\w-]+)+)(?<![.])"
)
_URL = re.compile(r"(?<![\w@])(?:https?://|www\.)[^\s<>\"”»)]+(?<![.,;:!?])")
_PHONE = re.compile(r"(?<![\w+])(?:\+371[\s-]?)?(?:[26]\d[\s-]?\d{3}[\s-]?\d{3}|[26]\d{7})(?![\w])")
#: Project and document numbers: "Nr. 3.1.1.2.i.0/1/22/I/VARAM/001", "2024-LV02-KA154-YOU-…".
_CODE = re.compile(
    r"(?<![\w/.-])(?=[\w./-]*\d)(?=[\w./-]*[./-][\w./-]*[./-])[A-Za-z0-9]+(?:[./-][A-Za-z0-9]+){2,}"
)


def find_spans(
    text: str,
    start: int = 0,
    end: int | None = None,
    *,
    kinds: Collection[SpanKind] | None = None,
    sentences: list[tuple[int, int]] | None = None,
) -> list[Span]:
    """Every typed span in ``text[start:end]``, in text order.

    Contacts and codes are found first; dates, amounts and counts never overlap them (a phone
    number is not a count, "2024-LV02-KA154" is not a date). People, organisations and places
    come from the Latvian name, organisation and gazetteer recognisers, which read the whole
    text (a name's case and a capital's meaning depend on the sentence).

    Args:
        text: The whole text (offsets are into it).
        start: Where to begin.
        end: Where to stop (the end of the text when None).
        kinds: The kinds wanted (every kind when None); asking for fewer is faster.
        sentences: The text's sentence spans when the caller has them (else they are split).

    Returns:
        Spans in order of ``start`` (longer first at the same start).
    """
    stop = len(text) if end is None else min(end, len(text))
    want = set(SPAN_KINDS if kinds is None else kinds)
    out: list[Span] = []
    taken: list[tuple[int, int]] = []

    def add(kind: SpanKind, s: int, e: int, value: str) -> None:
        out.append(Span(kind, s, e, text[s:e], value))
        taken.append((s, e))

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for m in _URL.finditer(text, start, stop):
        if "url" in want or "email" in want:
            taken.append((m.start(), m.end()))
        if "url" in want:
            out.append(Span("url", m.start(), m.end(), m.group(), m.group()))
    for m in _EMAIL.finditer(text, start, stop):
        if free(m.start(), m.end()):
            if "email" in want:
                add("email", m.start(), m.end(), m.group().lower())
            else:
                taken.append((m.start(), m.end()))
    for m in _EMAIL_AT.finditer(text, start, stop):
        if free(m.start(), m.end()):
            if "email" in want:
                add("email", m.start(), m.end(), f"{m.group(1)}@{m.group(2)}".lower())
            else:
                taken.append((m.start(), m.end()))
    for m in _PHONE.finditer(text, start, stop):
        if free(m.start(), m.end()):
            digits = re.sub(r"[\s-]", "", m.group())
            value = digits if digits.startswith("+") else "+371" + digits
            if "phone" in want:
                add("phone", m.start(), m.end(), value)
            else:
                taken.append((m.start(), m.end()))
    for m in _CODE.finditer(text, start, stop):
        if free(m.start(), m.end()) and not _is_date_like(m.group()):
            if "code" in want:
                add("code", m.start(), m.end(), m.group())
            else:
                taken.append((m.start(), m.end()))
    if want & {"address", "venue", "count", "place"}:
        from youthbot.text.venues import find_addresses, find_venues

        for a, b in find_addresses(text, start, stop):
            if free(a, b):  # "Skolas ielā 5": no count 5, no place "Skolas"
                if "address" in want:
                    add("address", a, b, " ".join(text[a:b].split()))
                else:
                    taken.append((a, b))
        if "venue" in want:
            for v in find_venues(text, start, stop):
                if free(v.start, v.end):
                    out.append(
                        Span(
                            "venue",
                            v.start,
                            v.end,
                            text[v.start : v.end],
                            " ".join(text[v.start : v.end].split()),
                        )
                    )
    if want & {"date", "count"}:
        from youthbot.text.dates import find_dates

        for m in _TIME.finditer(text, start, stop):
            if free(m.start(), m.end()):
                h = m.group("h") or m.group("h2") or m.group("h3")
                mm = m.group("m") or m.group("m2") or m.group("m3")
                if "date" in want:
                    add("date", m.start(), m.end(), f"T{int(h):02d}:{mm}")
                else:
                    taken.append((m.start(), m.end()))
        if "date" in want:
            for m in _WEEKDAY.finditer(text, start, stop):
                if free(m.start(), m.end()):
                    day = _weekday_number(m.group("d"))
                    add("date", m.start(), m.end(), f"D{day}")

        for d in find_dates(text[:stop]):
            if d.start >= start and free(d.start, d.end):
                if "date" in want:
                    add("date", d.start, d.end, d.iso)
                else:
                    taken.append((d.start, d.end))
    if want & {"amount", "count"}:
        from youthbot.text.numbers import find_amounts, find_counts

        for a in find_amounts(text, start, stop):
            if free(a.start, a.end):
                if "amount" in want:
                    add("amount", a.start, a.end, f"{a.value:.2f}")
                else:
                    taken.append((a.start, a.end))
        if "count" in want:
            for c in find_counts(text, start, stop):
                if free(c.start, c.end) and not _list_number(text, c.start, c.end):
                    value = f"{c.value:g} {c.unit}".strip()
                    add("count", c.start, c.end, value)
    if want & {"person", "org", "place"}:
        addresses = [(s.start, s.end) for s in out if s.kind == "address"]
        out.extend(
            n
            for n in _named_spans(text, start, stop, want, sentences)
            if n.kind != "place" or all(n.end <= a or n.start >= b for a, b in addresses)
        )
    out.sort(key=lambda s: (s.start, -(s.end - s.start)))
    return out


def _list_number(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is the number of a list item or a clause ("2. Jauniešu
    dome darbojas …", "16. Priekšsēdētājs …"): digits and a full stop opening a line."""
    if not text[start:end].isdigit() or text[end : end + 1] != ".":
        return False
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip()


def _weekday_number(stem: str) -> int:
    """1 for Monday ("pirmdien") … 7 for Sunday, read with or without diacritics."""
    from youthbot.text.normalize import fold

    folded = [fold(w) for w in _WEEKDAYS]
    return folded.index(fold(stem.lower())) + 1


def _is_date_like(code: str) -> bool:
    """ "26.01.2024", "2024-01-26", "2016.-2020." are dates, not codes."""
    return re.fullmatch(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\.?|\d{4}\.?-\d{4}\.?", code) is not None


def _named_spans(
    text: str,
    start: int,
    stop: int,
    want: set[str],
    sentences: list[tuple[int, int]] | None,
) -> list[Span]:
    """People, organisations and places in ``text[start:stop]`` (from ``text.named``)."""
    from youthbot.text.named import find_named

    named = find_named(text, sentences)
    out: list[Span] = []
    if "place" in want:
        out.extend(
            Span("place", p.start, p.end, text[p.start : p.end], p.base)
            for p in named.places
            if start <= p.start and p.end <= stop
        )
    if "org" in want:
        out.extend(
            Span("org", o.start, o.end, text[o.start : o.end], o.name)
            for o in named.orgs
            if start <= o.start and o.end <= stop
        )
    if "person" in want:
        from youthbot.text.person_links import initial_owner

        for h in named.people:
            if start <= h.start and h.end <= stop:
                owner = initial_owner(h, named.people) if h.initial else None
                name = owner.name if owner is not None else h.name
                out.append(Span("person", h.start, h.end, text[h.start : h.end], name))
    return out
