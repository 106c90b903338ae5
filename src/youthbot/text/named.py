"""Named things of a text in one pass: places, then organisations, then people (who need both)."""

from __future__ import annotations

from dataclasses import dataclass

from youthbot.text.orgs import OrgMention, find_orgs
from youthbot.text.people import NameHit, find_person_mentions
from youthbot.text.places import PlaceMention, find_places

__all__ = ["NamedMentions", "find_named"]


@dataclass(frozen=True, slots=True)
class NamedMentions:
    """The places, organisations and people a text names, each in text order.

    Attributes:
        places: Gazetteer and pattern places, in base form.
        orgs: Organisations, in base form.
        people: Person names, in base form, with the roles and bodies the text gives them.
    """

    places: list[PlaceMention]
    orgs: list[OrgMention]
    people: list[NameHit]


def find_named(text: str, sentences: list[tuple[int, int]] | None = None) -> NamedMentions:
    """Every place, organisation and person named in ``text``.

    Places come first (a place word is not a surname), organisations next (a name inside an
    organisation's name, "A. Brigaderes pamatskola", is not a person), people last.

    Args:
        text: The whole text.
        sentences: Its sentence spans when the caller has them (else they are split).

    Returns:
        The three lists of mentions.
    """
    if sentences is None:
        from youthbot.text.sentences import split_sentences

        sentences = split_sentences(text)
    places = find_places(text)
    orgs = find_orgs(text, sentences)
    people = find_person_mentions(text, sentences, orgs, places)
    return NamedMentions(places, orgs, people)
