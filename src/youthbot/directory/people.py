"""People of a document: text/'s person mentions merged by base name into ``Person`` facts."""

from __future__ import annotations

from youthbot.directory.facts import Mention, Person
from youthbot.text.names import name_key
from youthbot.text.people import NameHit, initial_owner
from youthbot.text.tokens import sentence_of


def build_people(
    doc: str, text: str, sentences: list[tuple[int, int]], hits: list[NameHit]
) -> list[Person]:
    """People named in a document: text/'s person mentions merged by their base name.

    ``I. Reinholde`` joins the person with that surname.

    Args:
        doc: ``Document.path``.
        text: The document text.
        sentences: Its sentence spans.
        hits: Its person mentions (``youthbot.text.named.find_named``).

    Returns:
        One ``Person`` per distinct base name, in order of first mention.
    """
    people: dict[str, Person] = {}
    for h in hits:
        key = name_key(h.name)
        if h.initial:
            owner = initial_owner(h, hits)
            key = name_key(owner.name) if owner is not None else key
        person = people.get(key)
        if person is None:
            person = people[key] = Person(name=h.name, key=key, observed=h.observed)
        elif h.observed and not person.observed and not h.initial:
            person.name, person.observed = h.name, True
        person.mentions.append(
            Mention(doc, h.start, h.end, text[h.start : h.end], sentence_of(sentences, h.start))
        )
        for attr in ("roles", "orgs", "places"):
            values = getattr(person, attr)
            values.extend(v for v in getattr(h, attr) if v not in values)
    return list(people.values())
