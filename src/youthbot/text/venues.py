"""Venues and street addresses: where in a town something happens or stands.

Two readings share one table of facility nouns: ``find_venues`` gives a venue as written, any
facility noun in the locative with what qualifies it (for typed answer spans);
``find_named_venues`` gives a named venue that is no one's organisation in the nominative
("Iecavas parkā" → "Iecavas parks", "Ludzas Lielajās pilsdrupās" → "Ludzas Lielās pilsdrupas")
for the directory's event places; ``venue_locative`` turns such a name back for a sentence.

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

from youthbot.text.morphology import adjective_nominative, analyse, decline
from youthbot.text.tokens import Token, tokens

__all__ = [
    "VENUE_NOUNS",
    "Venue",
    "VenueMention",
    "find_named_venues",
    "find_addresses",
    "find_venues",
    "is_locative",
    "locative_forms",
]

#: Nouns that name a place where people meet: base form (plural-only nouns in the nominative
#: plural), declension, number, and whether the noun is a venue of its own rather than the head
#: of an organisation's name ("parks", "pils" are venues; "centrs", "skola" head organisations,
#: which ``youthbot.text.orgs`` finds). A venue in the locative ("centrā", "zālē", "pilī",
#: "telpās") answers "Kur notiks …?".
_FACILITY_TABLE: tuple[tuple[str, str, str, bool], ...] = (
    ("centrs", "m1", "sg", False), ("nams", "m1", "sg", False), ("komplekss", "m1", "sg", False),
    ("stadions", "m1", "sg", True), ("parks", "m1", "sg", True), ("mežaparks", "m1", "sg", True),
    ("muzejs", "m1", "sg", False), ("klubs", "m1", "sg", False), ("birojs", "m1", "sg", False),
    ("dārzs", "m1", "sg", True), ("pagalms", "m1", "sg", False), ("laukums", "m1", "sg", True),
    ("tehnikums", "m1", "sg", False), ("baseins", "m1", "sg", False),
    ("peldbaseins", "m1", "sg", False), ("angārs", "m1", "sg", False),
    ("skvērs", "m1", "sg", True), ("krogs", "m1", "sg", True),
    ("teātris", "m2", "sg", False), ("kinoteātris", "m2", "sg", False),
    ("māja", "f4", "sg", False), ("bibliotēka", "f4", "sg", False), ("skola", "f4", "sg", False),
    ("vidusskola", "f4", "sg", False), ("pamatskola", "f4", "sg", False),
    ("ģimnāzija", "f4", "sg", False), ("telpa", "f4", "sg", False), ("muiža", "f4", "sg", True),
    ("baznīca", "f4", "sg", True), ("viesnīca", "f4", "sg", True), ("kafejnīca", "f4", "sg", False),
    ("istaba", "f4", "sg", False), ("bāze", "f5", "sg", False), ("zāle", "f5", "sg", True),
    ("estrāde", "f5", "sg", True), ("halle", "f5", "sg", True), ("pārvalde", "f5", "sg", False),
    ("galerija", "f4", "sg", False), ("auditorija", "f4", "sg", False), ("aula", "f4", "sg", False),
    ("koledža", "f4", "sg", False), ("universitāte", "f5", "sg", False),
    ("manēža", "f4", "sg", True), ("sēta", "f4", "sg", True), ("pils", "f6", "sg", True),
    ("pludmale", "f5", "sg", True), ("promenāde", "f5", "sg", True),
    ("pilsdrupas", "f4", "pl", True),
)  # fmt: skip
#: Facility nouns by the singular form ``decline`` takes, with their declension.
_FACILITIES: tuple[tuple[str, str], ...] = tuple(
    (base[:-2] + "a" if number == "pl" else base, decl) for base, decl, number, _ in _FACILITY_TABLE
)
#: Venue nouns that are no one's organisation: base form → (declension, number).
VENUE_NOUNS: dict[str, tuple[str, str]] = {
    base: (decl, number) for base, decl, number, venue in _FACILITY_TABLE if venue
}
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


@dataclass(frozen=True, slots=True)
class VenueMention:
    """A venue in the locative, in the nominative (``name``), with its offsets."""

    name: str
    start: int
    end: int


@functools.lru_cache(maxsize=1)
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


def find_named_venues(text: str, start: int = 0, end: int | None = None) -> list[VenueMention]:
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
