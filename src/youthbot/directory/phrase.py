"""Phrasing directory answers: Latvian and English sentences, each citing the spans it rests on.

Dates are spelled by ``youthbot.text.dates.format_date`` (words=True: "26. janvārī",
"2024. gada 12. aprīlī"), places in the locative from the gazetteer ("Liepājā").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from youthbot.directory.events import EVENT_NOUNS
from youthbot.directory.match import date_parts
from youthbot.directory.places import locative
from youthbot.text.dates import find_dates, format_date
from youthbot.text.venues import venue_locative
from youthbot.types import Answer, AnswerSentence, Citation, Passage

if TYPE_CHECKING:
    from youthbot.directory.entries import PersonEntry
    from youthbot.directory.facts import Event

__all__ = ["AnswerBuilder", "PassageForSpan"]

PassageForSpan = Callable[[str, int, int], Passage]
"""Gives the indexed passage that holds a document span ``(doc, start, end)``."""

_EVENT_BASES = frozenset(EVENT_NOUNS.values())


def date_text(event: Event, english: bool) -> str:
    """When an event happened, for a sentence ("26. janvārī", "on 26 January 2024")."""
    if not event.date:
        return ""
    if not english:
        written = _written_date(event)
        if written:
            return written
    text = format_date(event.date, event.date_end, words=True, language="en" if english else "lv")
    if english:
        day = date_parts(event.date)[2]
        return f"on {text}" if day else f"in {text}"
    return text


def _written_date(event: Event) -> str:
    """The event's date as its source writes it ("6.novembrī"), when that form fits "notika …".

    A Latvian answer quotes the source's own words where it can: the reader sees the date as
    the cited sentence has it. Only a written form in the locative ("6.novembrī", "2024. gada
    5. jūnijā", "2023. gadā") or in figures ("26.01.2024.") fits the sentence; any other case
    ("6.novembra") and a year given relative to the article ("šī gada 5. jūnijā") are spelled
    by ``format_date`` instead.
    """
    mention = event.evidence.get("date")
    if mention is None:
        return ""
    year, month, day = date_parts(event.date or "")
    for d in find_dates(mention.quote):
        if (d.month, d.day) != (month, day) or (d.year and year and d.year != year):
            continue
        if event.date_end and d.end_day is None:
            continue  # a range the sentence does not write as one
        if d.year_offset is not None:
            return ""  # "šī gada 5. jūnijā" means the article's year: spell the date instead
        written = " ".join(mention.quote[d.start : d.end].split()).rstrip(",;:")
        last = re.findall(r"[^\W\d_]+", written)
        if not last or last[-1].endswith(("ī", "ā", "ē")):
            return written
    return ""


def place_text(place: str | None, english: bool) -> str:
    """Where, for a sentence: the locative ("Liepājā", "Madonas Kultūras namā"), else the
    name in quotes."""
    if not place:
        return ""
    if english:
        return f"in {place}"
    return locative(place) or venue_locative(place) or f"vietā “{place}”"


def scene(event: Event, english: bool) -> str:
    """When and where together ("26. janvārī Liepājā")."""
    return " ".join(x for x in (date_text(event, english), place_text(event.place, english)) if x)


def join_names(names: Sequence[str], english: bool) -> str:
    """ "A, B un C" (or "A, B and C")."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + (" and " if english else " un ") + names[-1]


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def _title_is_phrase(title: str) -> bool:
    """Whether an event's title is a noun phrase ("apmācības par …", "jauniešu forums
    “Balss”") rather than a clause."""
    head = re.sub(r"\s*“[^”]*”", "", title.split(" par ")[0]).split(" ")[-1].lower()
    return head in _EVENT_BASES


def subject(event: Event, english: bool) -> str:
    """The event as a sentence's subject: its title when that is a noun phrase."""
    if _title_is_phrase(event.title):
        if english and "“" not in event.title:
            return f"“{event.title}”"
        return _cap(event.title)
    return "The event" if english else "Pasākums"


class AnswerBuilder:
    """Collects answer sentences and the citations they carry."""

    def __init__(self, passage_for_span: PassageForSpan, english: bool) -> None:
        """Start an empty answer.

        Args:
            passage_for_span: Gives the indexed passage holding a document span.
            english: Whether the sentences are in English.
        """
        self.passage_for_span = passage_for_span
        self.english = english
        self.citations: list[Citation] = []
        self.sentences: list[AnswerSentence] = []
        self.passages: list[Passage] = []

    def cite(self, doc: str, start: int, end: int) -> int:
        """The number of the citation of a document span (clipped to its passage), added once."""
        for c in self.citations:
            if c.passage.chunk.doc == doc and c.start == start and c.end == end:
                return c.n
        passage = self.passage_for_span(doc, start, end)
        chunk = passage.chunk
        s, e = max(start, chunk.start), min(end, chunk.end)
        quote = chunk.text[s - chunk.start : e - chunk.start]
        n = len(self.citations) + 1
        self.citations.append(Citation(n, passage, s, e, quote))
        if all(p.chunk != chunk for p in self.passages):
            self.passages.append(passage)
        return n

    def cite_evidence(self, event: Event, key: str) -> int:
        """Cite the span that states ``key`` of an event (its sentence when none is kept)."""
        ev = event.evidence.get(key)
        if ev is not None:
            return self.cite(ev.doc, ev.start, ev.end)
        return self.cite(event.doc, event.start, event.end)

    def say(self, sentence: str, cites: list[int]) -> None:
        """Add an answer sentence backed by the given citations."""
        self.sentences.append(AnswerSentence(sentence, sorted(set(cites)), True))

    # -- the sentences ---------------------------------------------------------------
    def organisers(self, e: Event) -> None:
        """Who organised an event."""
        cites = [self.cite_evidence(e, "date"), self.cite_evidence(e, "organisers")]
        who = join_names(e.organisers, self.english)
        where_when = scene(e, self.english)
        if self.english:
            self.say(" ".join(f"The event {where_when} was organised by {who}.".split()), cites)
        elif where_when:
            self.say(f"{_cap(where_when)} notikušo pasākumu rīkoja {who}.", cites)
        else:
            self.say(f"Pasākumu “{e.title}” rīkoja {who}.", cites)

    def happened(self, e: Event, asked: str) -> None:
        """ "<event> notika <date> <place>." citing the span of what was ``asked``."""
        cites = [self.cite_evidence(e, asked)]
        what = subject(e, self.english)
        date, place = date_text(e, self.english), place_text(e.place, self.english)
        if asked == "date" and place and place in what:
            place = ""  # "Balvos jauniešu forums … notika 6. novembrī", not "… Balvos" again
        verb = "took place" if self.english else "notika"
        details = (date, place) if asked == "date" else (place, date)
        self.say(" ".join(x for x in (what, verb, *details) if x) + ".", cites)

    def participants(self, e: Event, names: list[str]) -> None:
        """Who took part in an event."""
        cites = [self.cite_evidence(e, f"person:{n}") for n in names]
        where_when = scene(e, self.english)
        joined = join_names(names, self.english)
        if self.english:
            self.say(" ".join(f"Taking part in the event {where_when}: {joined}.".split()), cites)
        elif where_when:
            self.say(f"{_cap(where_when)} notikušajā pasākumā piedalījās {joined}.", cites)
        else:
            self.say(f"Pasākumā “{e.title}” piedalījās {joined}.", cites)

    def event_line(self, e: Event) -> None:
        """One event of a list: "<when and where>: <title>."."""
        n = self.cite(e.doc, e.start, e.end)
        where_when = scene(e, self.english)
        self.say(f"{_cap(where_when)}: {e.title}." if where_when else f"{_cap(e.title)}.", [n])

    def role(self, p: PersonEntry) -> bool:
        """A person's roles and organisations, citing the sentence of a mention; False when no
        mention keeps its sentence."""
        mention = next((m for m in p.mentions if m.context is not None), None)
        if mention is None or mention.context is None:
            return False
        n = self.cite(mention.doc, *mention.context)
        role = "; ".join(p.roles)
        org = ", ".join(p.orgs)
        if self.english:
            self.say(f"{p.name}: {role}" + (f" ({org})" if org else "") + ".", [n])
        else:
            self.say(f"{p.name} – {role}" + (f", {org}" if org else "") + ".", [n])
        return True

    def answer(self, question: str) -> Answer | None:
        """The extractive answer, each sentence followed by its markers; None when empty."""
        if not self.sentences:
            return None
        parts = []
        for s in self.sentences:
            marks = "".join(f"[{n}]" for n in s.citations)
            body = s.text[:-1] if s.text.endswith(".") else s.text
            parts.append(f"{body} {marks}.")
        if self.english:  # the reader sees what the Latvian page says, as extractive answers do
            for c in self.citations:
                quote = " ".join(c.quote.split())
                parts.append(f"Latvian source: “{quote}” [{c.n}]")
        return Answer(
            question=question,
            answered=True,
            text=" ".join(parts),
            mode="extractive",
            citations=self.citations,
            passages=self.passages,
            sentences=self.sentences,
        )
