"""People of a document: text/'s person mentions merged by base name into ``Person`` facts."""

from __future__ import annotations

from youthbot.directory.facts import Mention, Person
from youthbot.text.names import name_key
from youthbot.text.people import NameHit
from youthbot.text.person_links import initial_owner
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
    return _merge_misspelt(list(people.values()))


def _merge_misspelt(people: list[Person]) -> list[Person]:
    """One person written two ways in a document ("Daina Sproģe", "Daiina Sproģe"): the same
    surname and given names one letter apart are one person, under the name written more."""
    out: list[Person] = []
    for p in people:
        parts = p.key.split(" ")
        twin = next(
            (
                q
                for q in out
                if len(parts) == 2
                and q.key.split(" ")[1:] == parts[1:]
                and _one_apart(q.key.split(" ")[0], parts[0])
            ),
            None,
        )
        if twin is None:
            out.append(p)
            continue
        if len(p.mentions) > len(twin.mentions):
            twin.name, twin.key = p.name, p.key
        twin.mentions = sorted(twin.mentions + p.mentions, key=lambda m: m.start)
        for attr in ("roles", "orgs", "places"):
            values = getattr(twin, attr)
            values.extend(v for v in getattr(p, attr) if v not in values)
    return out


def _one_apart(a: str, b: str) -> bool:
    """Whether two words (four letters or more) differ by one letter added, dropped or changed."""
    if a == b or min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))
