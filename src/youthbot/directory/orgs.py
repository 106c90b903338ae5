"""The directory's view of text/'s organisation recogniser (in ``youthbot.text.orgs``)."""

from youthbot.text.orgs import (
    OrgMention,
    find_orgs,
    head_forms,
    head_gender,
    is_modifier,
    known_abbreviations,
    nominative_phrase,
    org_key,
)

__all__ = [
    "OrgMention",
    "find_orgs",
    "head_forms",
    "head_gender",
    "is_modifier",
    "known_abbreviations",
    "nominative_phrase",
    "org_key",
]
