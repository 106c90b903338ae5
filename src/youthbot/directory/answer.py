"""Answer who/when/where questions from the directory, citing the sentences the facts came from.

Three steps, one module each: ``query`` reads the analysed question against what the directory
holds, ``select`` picks the facts that answer it, ``phrase`` says them with citations. The
directory answers only a question whose subject it holds; otherwise None, and passage search
answers instead.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from youthbot.directory.phrase import AnswerBuilder, PassageForSpan
from youthbot.directory.query import read_question
from youthbot.directory.select import event_list, events_for, heads_for, people_from

if TYPE_CHECKING:
    from youthbot.directory.db import FactStore
    from youthbot.directory.lookup import DirectoryLookup
    from youthbot.directory.query import DirectoryQuery
    from youthbot.question import Question
    from youthbot.types import Answer

__all__ = ["PassageForSpan", "answer_from_directory"]

logger = logging.getLogger(__name__)

#: At most this many events in an answer that lists events.
MAX_LISTED = 10


def answer_from_directory(
    question: Question, facts: FactStore, passage_for_span: PassageForSpan
) -> Answer | None:
    """Answer a who/when/where question from the directory, or None when it cannot be sure.

    Answers "Kas organizēja/rīkoja …", "Kad notika …", "Kur notika …", "Kas no … devās …",
    "Kādus pasākumus rīkoja …", "Ko darījis projekts …", "Kas vada …", "Kas ir <person>?"
    (and their English forms) when the question's subject is something the directory holds:
    one event matching everything the question says of it (for lists, at least one), a
    person it names, or the organisation or project whose head it asks for.

    Args:
        question: The question, analysed once (``youthbot.question.analyse_question``).
        facts: The directory.
        passage_for_span: Gives the indexed passage holding a document span.

    Returns:
        An extractive answer whose citations quote the sentences the facts were read from.
    """
    lookup = facts.lookup()
    q = read_question(question, lookup)
    if q is None:
        return None
    b = AnswerBuilder(passage_for_span, q.english)
    if q.ask == "role":
        _role(q, b)
    elif q.ask == "head":
        _head(q, lookup, b)
    elif q.ask == "events":
        for e in event_list(q, lookup)[:MAX_LISTED]:
            b.event_line(e)
    else:
        _one_event(q, lookup, b)
    return b.answer(question.text)


def _one_event(q: DirectoryQuery, lookup: DirectoryLookup, b: AnswerBuilder) -> None:
    """Organisers, participants, date or place of the one event the question is about."""
    events = events_for(q, lookup, org_filter=q.ask != "organiser", limit=2)
    if len(events) != 1:
        logger.debug("directory: %d events fit", len(events))
        return
    (e,) = events
    if q.ask == "organiser":
        if e.organisers:
            b.organisers(e)
    elif q.ask == "participants":
        names = people_from(e.people, q.origins, lookup) if q.origins else list(e.people)
        if names:
            b.participants(e, names)
    elif q.ask == "when" and e.date:
        b.happened(e, "date")
    elif q.ask == "where" and e.place:
        b.happened(e, "place")


def _role(q: DirectoryQuery, b: AnswerBuilder) -> None:
    """ "Kas ir <person>?": the one person it names, with nothing else asked about them."""
    if len(q.people) != 1 or q.topic or q.projects:
        return
    (person,) = q.people
    if person.roles and all(o.name in person.orgs for o in q.orgs):
        b.role(person)


def _head(q: DirectoryQuery, lookup: DirectoryLookup, b: AnswerBuilder) -> None:
    """ "Kas vada <organisation>?": its one head (or the named person's role)."""
    if q.topic:
        return  # "Kas vada jauniešu centru biedrībā …?" asks about more than the organisation
    if len(q.people) == 1:
        candidates = list(q.people)
    else:
        candidates = heads_for(q, lookup)
    if len(candidates) == 1 and candidates[0].roles:
        b.role(candidates[0])
