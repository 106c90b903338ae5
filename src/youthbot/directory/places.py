"""The directory's view of text/'s gazetteer and place mentions (in ``youthbot.text.places``)."""

from youthbot.text.places import (
    CASES,
    Gazetteer,
    GazetteerEntry,
    PlaceMention,
    accusative,
    find_places,
    gazetteer,
    inflect,
    locative,
    normalise_place,
    place_tokens,
)

__all__ = [
    "CASES",
    "Gazetteer",
    "GazetteerEntry",
    "PlaceMention",
    "accusative",
    "find_places",
    "gazetteer",
    "inflect",
    "locative",
    "normalise_place",
    "place_tokens",
]
