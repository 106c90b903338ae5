"""Venues and street addresses: where in a town something happens or stands.

"Forums notiks jauniešu centrā “Apelsīns”, Skolas ielā 5." names a venue (a facility noun in
the locative with the words that qualify it and the name it is given in quotes) and an address
(a street name, a street word and a house number). A town the gazetteer knows says less than
either: a where-question about an event is answered best by them. The facility nouns and
street words are listed once here with their declensions; every case form comes from
``youthbot.text.morphology``. ``is_locative`` says whether a word is in the locative (the case
that answers "kur?"), read from the declension table alone.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from youthbot.text.morphology import analyse, decline

__all__ = [
    "Venue",
    "find_addresses",
    "find_venues",
    "is_locative",
    "locative_forms",
]

#: Nouns that name a place where people meet (base form, declension): a venue in the
#: locative ("centrā", "zālē", "pilī", "telpās") answers "Kur notiks …?".
_FACILITIES: tuple[tuple[str, str], ...] = (
    ("centrs", "m1"), ("nams", "m1"), ("komplekss", "m1"), ("stadions", "m1"),
    ("parks", "m1"), ("muzejs", "m1"), ("klubs", "m1"), ("birojs", "m1"),
    ("dārzs", "m1"), ("pagalms", "m1"), ("laukums", "m1"), ("tehnikums", "m1"),
    ("baseins", "m1"), ("peldbaseins", "m1"), ("angārs", "m1"), ("skvērs", "m1"),
    ("teātris", "m2"), ("kinoteātris", "m2"),
    ("māja", "f4"), ("bibliotēka", "f4"), ("skola", "f4"), ("vidusskola", "f4"),
    ("pamatskola", "f4"), ("ģimnāzija", "f4"), ("telpa", "f4"), ("muiža", "f4"),
    ("baznīca", "f4"), ("viesnīca", "f4"), ("kafejnīca", "f4"), ("istaba", "f4"),
    ("bāze", "f5"), ("zāle", "f5"), ("estrāde", "f5"), ("halle", "f5"),
    ("pārvalde", "f5"), ("galerija", "f4"), ("auditorija", "f4"), ("aula", "f4"),
    ("koledža", "f4"), ("universitāte", "f5"), ("manēža", "f4"), ("sēta", "f4"),
    ("pils", "f6"), ("pludmale", "f5"),
)  # fmt: skip
#: Street words (base form, declension): "Skolas ielā 5", "Brīvības bulvārī 32".
_STREETS: tuple[tuple[str, str], ...] = (
    ("iela", "f4"), ("bulvāris", "m2"), ("prospekts", "m1"), ("laukums", "m1"),
    ("gatve", "f5"), ("krastmala", "f4"), ("šoseja", "f4"), ("aleja", "f4"),
    ("dambis", "m2"), ("līnija", "f4"), ("šķērsiela", "f4"),
)  # fmt: skip

_UPPER = "A-ZĀČĒĢĪĶĻŅŠŪŽ"
#: Capitalised street words start no street name ("Iela" in a heading).
_STREET_WORDS_START = ("Iel", "Bulvār", "Prospekt", "Laukum", "Gatv")
_LOWER = "a-zāčēģīķļņšūž"


def _forms(pairs: tuple[tuple[str, str], ...], cases: tuple[str, ...]) -> frozenset[str]:
    return frozenset(
        form
        for base, decl in pairs
        for (_, case), form in decline(base, decl).items()
        if case in cases
    )


@functools.cache
def locative_forms() -> frozenset[str]:
    """Every locative form (singular and plural) of the facility nouns ("centrā", "telpās")."""
    return _forms(_FACILITIES, ("loc",))


@functools.cache
def _street_pattern() -> re.Pattern[str]:
    words = sorted(_forms(_STREETS, ("nom", "gen", "acc", "loc")), key=len, reverse=True)
    name = rf"[{_UPPER}0-9][\w’'-]*\.?"
    return re.compile(
        rf"(?<![\w.])(?:{name}\s+){{1,3}}(?:{'|'.join(words)})(?![\w])"
        r"(?:\s+\d+[a-zA-Z]?(?:\s?[-/]\s?\d+[a-zA-Z]?)?(?:\s?k-\d+)?)?(?![\w])"
    )


def find_addresses(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """``(start, end)`` of each street address in ``text[start:end]``.

    A street address is one to three capitalised words (or a number: "1. līnija") before a
    street word in any case ("iela", "ielā", "ielu", "bulvārī"), with the house number when it
    is given ("Skolas ielā 5", "Rīgas iela 22a", "Brīvības bulvārī 32-4", "Lielo ielu 7").
    """
    from youthbot.text.stopwords import LATVIAN_STOPWORDS

    stop = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    for m in _street_pattern().finditer(text, start, stop):
        a = m.start()
        while True:  # "Pulcēšanās Tirgus laukumā 1": a capital opening the sentence is no name
            word = re.match(r"\S+", text[a:])
            nxt = word.end() + a if word else a
            rest = text[nxt : m.end()].lstrip()
            more_names = bool(re.match(rf"[{_UPPER}0-9]", rest)) and not rest.startswith(
                _STREET_WORDS_START
            )
            initial = text[:a].rstrip()[-1:] in ("", ".", "!", "?")
            if word and word.group().lower() in LATVIAN_STOPWORDS:
                a = nxt + (len(text[nxt : m.end()]) - len(rest))
                continue
            if word and initial and more_names:
                a = nxt + (len(text[nxt : m.end()]) - len(rest))
                continue
            break
        if _street_pattern().match(text, a, m.end()):
            out.append((a, m.end()))
    return out


@dataclass(frozen=True, slots=True)
class Venue:
    """A venue as written: its facility noun in the locative with what qualifies it."""

    start: int
    end: int
    head: str  # the facility noun as written ("zālē")


#: A word that may qualify a venue noun from the left: a genitive ("Madonas novada
#: bibliotēkas", "jauniešu") or an adjective in the locative ("lielajā", "Nacionālajā").
_MODIFIER = re.compile(
    rf"(?:[{_UPPER}][\w’'-]*|[{_LOWER}]+(?:u|as|es|a|us|ajā|ajās|ajos|ā|ē|ās|ēs|os))$"
)
#: Short words that never qualify a venue (prepositions, conjunctions, pronouns).
_NOT_MODIFIERS = frozenset(
    """un ar no uz par pie pēc bez līdz kā arī vai bet jo ka kas tas tā tās šā šīs tos tās
    visas visus savus savās mūsu jūsu viņu šajā tajā šajos tajos kurā kuros kurās citās
    notiks notika notiek būs bija ir atrodas""".split()
)
_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_QUOTED_AFTER = re.compile(r"\s*[“„«\"]([^”“„«»\"]{1,60})[”»\"]")


def find_venues(text: str, start: int = 0, end: int | None = None) -> list[Venue]:
    """Venues in ``text[start:end]``: a facility noun in the locative, the genitives and
    adjectives before it (up to four words), and a name in quotes right after it.

    "jauniešu centrā “Apelsīns”", "Madonas novada bibliotēkas lielajā zālē", "Ratnieku
    atpūtas kompleksā", "Latvijas Nacionālajā bibliotēkā".
    """
    stop = len(text) if end is None else end
    heads = locative_forms()
    out: list[Venue] = []
    words = list(_WORD.finditer(text, start, stop))
    for i, m in enumerate(words):
        if m.group().lower() not in heads:
            continue
        first = m.start()
        j = i - 1
        while j >= 0 and i - j <= 4:
            w = words[j]
            gap = text[w.end() : first]
            if gap.strip() or w.group().lower() in _NOT_MODIFIERS:
                break
            if not _MODIFIER.search(w.group()) or _is_verb(w.group()):
                break
            if w.group()[:1].isupper() and text[: w.start()].rstrip()[-1:] in ("", ".", "!", "?"):
                break  # a capital opening the sentence says nothing
            first = w.start()
            j -= 1
        last = m.end()
        q = _QUOTED_AFTER.match(text, last, stop)
        if q is not None and q.group(1)[:1].isupper():
            last = q.end()
        out.append(Venue(first, last, m.group()))
    return out


#: Nouns of time in the locative ("laikā", "gadā", "nedēļā"): they say when, not where.
_TIME_NOUN = re.compile(
    r"(?:laik|gad|dien|nedēļ|mēnes|mēneš|stund|brīd|posm|vakar|rīt)(?:ā|os|ās|ī)$"
)
#: Endings of reflexive and past verb forms that look like genitives ("norisināsies").
_VERB_ENDING = re.compile(r"(?:sies|ties|ījās|ājās|ējās|ojās)$")


def _is_verb(word: str) -> bool:
    """Whether ``word`` is a verb, a month or a time: it never qualifies a venue."""
    from youthbot.text.dates import month_number
    from youthbot.text.happenings import happening_of
    from youthbot.text.relations import relation_of

    low = word.lower()
    return (
        month_number(low) is not None  # "5. maijā Kuldīgas Mākslas namā": a date, no venue
        or _TIME_NOUN.match(low) is not None  # "Gada laikā centrā …": a time, no venue
        or bool(_VERB_ENDING.search(low))
        or happening_of(low) is not None
        or (relation_of(low) is not None and not word[:1].isupper())
    )


@functools.lru_cache(maxsize=8192)
def is_locative(word: str) -> bool:
    """Whether ``word`` can be read as a noun in the locative ("Valmierā", "Cēsīs",
    "novados"), by its ending (``youthbot.text.morphology.analyse``)."""
    return any(a.case == "loc" for a in analyse(word))
