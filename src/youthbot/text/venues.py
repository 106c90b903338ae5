"""Venues named in the locative: "Iecavas parkā", "Rundāles pilī", "Bauskas pilsētas estrādē".

A venue is a place-like noun (a park, a castle, a stage, ruins, a hall) in the locative with
the genitives and adjectives that name it before it, the first of them capitalised ("Durbes
pils parkā", "Ludzas Lielajās pilsdrupās"). It comes back in the nominative ("Durbes pils
parks", "Ludzas Lielās pilsdrupas"). Organisations that are also venues (a culture house, a
library, a school) are found as organisations (``youthbot.text.orgs``); this module adds the
venues that are no one's organisation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from youthbot.text.morphology import adjective_nominative, analyse, decline
from youthbot.text.tokens import Token, tokens

__all__ = ["VENUE_NOUNS", "VenueMention", "find_venues"]

#: Venue nouns: base form → (declension, number it is used in). Plural-only nouns are given
#: in the nominative plural.
VENUE_NOUNS: dict[str, tuple[str, str]] = {
    "parks": ("m1", "sg"),
    "mežaparks": ("m1", "sg"),
    "dārzs": ("m1", "sg"),
    "laukums": ("m1", "sg"),
    "stadions": ("m1", "sg"),
    "pils": ("f6", "sg"),
    "pilsdrupas": ("f4", "pl"),
    "estrāde": ("f5", "sg"),
    "muiža": ("f4", "sg"),
    "baznīca": ("f4", "sg"),
    "halle": ("f5", "sg"),
    "manēža": ("f4", "sg"),
    "pludmale": ("f5", "sg"),
    "promenāde": ("f5", "sg"),
    "skvērs": ("m1", "sg"),
    "krogs": ("m1", "sg"),
    "viesnīca": ("f4", "sg"),
    "sēta": ("f4", "sg"),
    "zāle": ("f5", "sg"),
}


@dataclass(frozen=True, slots=True)
class VenueMention:
    """A venue in the locative, in the nominative (``name``), with its offsets."""

    name: str
    start: int
    end: int


@lru_cache(maxsize=1)
def _locatives() -> dict[str, tuple[str, str]]:
    """Locative form → (base, number) of every venue noun."""
    out: dict[str, tuple[str, str]] = {}
    for base, (declension, number) in VENUE_NOUNS.items():
        singular = base[:-2] + "a" if number == "pl" else base
        out[decline(singular, declension)[(number, "loc")]] = (base, number)  # type: ignore[index]
    return out


_GAP = re.compile(r"[ \t]{1,2}")


def _genitive(word: str) -> bool:
    """Whether a lower-case word can be a genitive ("pilsētas", "pils")."""
    return any(a.case == "gen" for a in analyse(word))


def _modifier(tok: Token, head_gender: str, number: str) -> bool:
    """Whether a word can stand in a venue's name before its noun: a capitalised genitive or
    an adjective agreeing with the noun, or a lower-case genitive."""
    word = tok.text
    if tok.is_upper:
        return 2 <= len(word) <= 6  # an abbreviation, undeclined: "BJC zālē"
    if len(word) < 3:
        return False
    if word.lower() != word:
        return word.endswith(("as", "es", "us", "u", "a", "s", "ā", "ē", "ī", "ās", "os", "ajā"))
    return _genitive(word)


def find_venues(text: str, start: int = 0, end: int | None = None) -> list[VenueMention]:
    """Venues named in the locative in ``text[start:end]``.

    Args:
        text: The whole text.
        start: Where to begin.
        end: Where to stop.

    Returns:
        Venue mentions in text order; each name's first word is capitalised.
    """
    toks = tokens(text, start, end)
    out: list[VenueMention] = []
    for i, tok in enumerate(toks):
        hit = _locatives().get(tok.text)
        if hit is None:
            continue
        base, number = hit
        declension = VENUE_NOUNS[base][0]
        gender = "f" if declension.startswith("f") else "m"
        k = i
        while k > 0 and i - k < 4 and _GAP.fullmatch(text[toks[k - 1].end : toks[k].start]):
            if not _modifier(toks[k - 1], gender, number):
                break
            k -= 1
        while k < i and not (toks[k].is_cap or toks[k].is_upper):
            k += 1
        if k == i:
            continue
        words = []
        for t in toks[k:i]:
            w = t.text
            if w.endswith(("ajā", "ajās", "ajos", "ajam")):
                w = adjective_nominative(w, gender, "loc", number)  # type: ignore[arg-type]
            words.append(w)
        out.append(VenueMention(" ".join([*words, base]), toks[k].start, tok.end))
    return out


def venue_locative(name: str) -> str | None:
    """A venue's or an organisation's name with its head noun in the locative, for a
    sentence: "Madonas Kultūras nams" → "Madonas Kultūras namā", "Ludzas Lielās pilsdrupas"
    → "Ludzas Lielajās pilsdrupās", "Jelgavas Jaunatnes centrs “Kopā”" → "… centrā “Kopā”".

    The head is the last word before a quoted name; the definite adjectives right before it
    turn with it. None when the head is not a known venue or organisation noun.
    """
    from youthbot.text.orgs import head_reading

    cut = name.find("“")
    words, rest = (name[:cut].split(), name[cut - 1 :]) if cut > 0 else (name.split(), "")
    if len(words) < 2:
        return None
    head = words[-1]
    low = head.lower()
    if low in VENUE_NOUNS:
        declension, number = VENUE_NOUNS[low]
        singular = low[:-2] + "a" if number == "pl" else low
        form = decline(singular, declension)[(number, "loc")]  # type: ignore[index]
    else:
        reading = head_reading(low)
        if reading is None or reading[1] != "nom" or reading[2]:
            return None
        declension, number = None, "sg"  # type: ignore[assignment]
        form = decline(reading[0])[("sg", "loc")]
        if not form.startswith(low[: max(1, len(low) - 3)][:3]):
            return None
    if declension is not None:
        gender = "f" if declension.startswith("f") else "m"
    else:
        gender = "f" if reading[0].endswith(("a", "e")) else "m"
    ends = {("f", "sg"): ("ā", "ajā"), ("m", "sg"): ("ais", "ajā"), ("f", "pl"): ("ās", "ajās"),
            ("m", "pl"): ("ie", "ajos")}  # fmt: skip
    nominative, locative = ends[(gender, number)]
    out = list(words[:-1])
    for k in range(len(out) - 1, -1, -1):
        if out[k].endswith(nominative) and len(out[k]) > len(nominative) + 2:
            out[k] = out[k][: -len(nominative)] + locative
        else:
            break
    head_form = form if head[:1].islower() else form[:1].upper() + form[1:]
    return " ".join([*out, head_form]) + rest
