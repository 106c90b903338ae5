"""Place names: the shipped gazetteer, Latvian case forms, and place mentions in text."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from youthbot.text.morphology import CASES, decline
from youthbot.text.normalize import fold, has_diacritics
from youthbot.text.stopwords import LATVIAN_STOPWORDS
from youthbot.text.tokens import Token, is_common_word, tokens

logger = logging.getLogger(__name__)


# paradigm -> (ending removed from the base, endings for nom, gen, dat, acc, loc)
# gazetteer paradigm code -> (declension, number, nominative ending, its singular's ending)
_PARADIGMS: dict[str, tuple[str, str, str, str]] = {
    "a": ("f4", "sg", "a", "a"),
    "e": ("f5", "sg", "e", "e"),
    "f6": ("f6", "sg", "s", "s"),
    "f6pl": ("f6", "pl", "is", "s"),
    "m1": ("m1", "sg", "", ""),
    "m3": ("m3", "sg", "us", "us"),
    "mpl": ("m1", "pl", "i", "s"),
    "fpl": ("f4", "pl", "as", "a"),
}
_UNITS = ("novads", "pagasts", "ciems", "apriņķis")
_UNIT_WORDS = {  # administrative unit word -> its singular case forms (nom, gen, dat, acc, loc)
    unit: tuple(decline(unit)[("sg", case)] for case in CASES) for unit in _UNITS
}
_UNIT_PLURALS = {  # plural form -> (unit, case): "Rugāju, Balvu un Baltinavas novados"
    decline(unit)[("pl", case)]: (unit, case) for unit in _UNITS for case in CASES
}
_TOWN_WORDS = {"pilsēta", "pilsētā", "pilsētas", "pilsētu", "pilsētai"}
# "Eiropas Savienība", "Eiropas Komisija": the place word begins an organisation's name.
_NOT_PLACE_BEFORE_CAP = {"Eiropas", "Eiropa", "Eiropai", "Baltijas"}


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One place the package knows.

    Attributes:
        base: The base (nominative) name, e.g. ``Liepāja`` or ``Ogres novads``.
        kind: ``valstspilseta``, ``pilseta``, ``ciems``, ``novads``, ``regions``, ``valsts``
            or ``arvalstu_pilseta``.
        center: For a novads, the town it is named after (else empty).
    """

    base: str
    kind: str
    center: str
    paradigm: str = ""


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place named in the text.

    Attributes:
        base: The base name.
        kind: The gazetteer kind, or ``vieta`` for a place found only by its pattern.
        case: ``nom``, ``gen``, ``dat``, ``acc`` or ``loc`` (the first reading when ambiguous).
        start: Offset of the mention's first character.
        end: Offset just past it.
    """

    base: str
    kind: str
    case: str
    start: int
    end: int


def inflect(base: str, paradigm: str) -> dict[str, str]:
    """The case forms of a one-word place name.

    Args:
        base: The nominative, e.g. ``Ventspils``.
        paradigm: A paradigm code from the gazetteer (``a``, ``e``, ``f6``, ``m1`` ...).

    Returns:
        Case name → form; an indeclinable name gives the base for every case.
    """
    spec = _PARADIGMS.get(paradigm)
    if spec is None or not base.endswith(spec[2]) or (paradigm == "m1" and base[-1] not in "sš"):
        return {case: base for case in CASES}
    declension, number, ending, singular = spec
    stem_base = base[: len(base) - len(ending)] + singular if ending else base
    forms = decline(stem_base, declension, alternate=False)
    return {
        case: (base if case == "nom" else forms[(number, case)])  # type: ignore[index]
        for case in CASES
    }


class Gazetteer:
    """The shipped list of Latvian and neighbouring places with every case form."""

    def __init__(self, rows: list[tuple[str, str, str, str]]) -> None:
        """Build the form index.

        Args:
            rows: ``(base, kind, paradigm, center)`` tuples as in ``data/places_lv.tsv``.
        """
        self.entries: dict[str, GazetteerEntry] = {}
        self.forms: dict[str, list[tuple[str, str]]] = {}
        self.unit_forms: dict[str, str] = {}  # genitive "Ogres" -> "Ogres novads"
        #: Folded form → readings, for words typed without diacritics ("Liepaja").
        self.folded: dict[str, list[tuple[str, str]]] = {}
        for base, kind, paradigm, center in rows:
            self.entries[base] = GazetteerEntry(base, kind, center, paradigm)
            if paradigm == "novads":
                self.unit_forms[base.split(" ")[0]] = base
                continue
            for case, form in inflect(base, paradigm).items():
                self.forms.setdefault(form, [])
                if (base, case) not in self.forms[form]:
                    self.forms[form].append((base, case))
                readings = self.folded.setdefault(fold(form), [])
                if (base, case) not in readings:
                    readings.append((base, case))

    def lookup(self, word: str) -> list[tuple[str, str]]:
        """Readings ``(base, case)`` of one word, e.g. ``Liepājā`` → ``[("Liepāja", "loc")]``.

        A capitalised word written without any diacritics ("Liepaja", "Cesis") is also read
        through its folded form, as long as that names a single place: people type place names
        that way, and no Latvian word is spelt so by rule.
        """
        exact = self.forms.get(word)
        if exact:
            return exact
        if word[:1].isupper() and not has_diacritics(word):
            readings = self.folded.get(fold(word), [])
            if len({base for base, _ in readings}) == 1:
                return readings
        return []

    def related(self, base: str) -> set[str]:
        """The base and the places it stands for: a novads and its town, either way round."""
        out = {base}
        entry = self.entries.get(base)
        if entry and entry.center:
            out.add(entry.center)
        for other in self.entries.values():
            if other.center == base:
                out.add(other.base)
        return out


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer shipped as ``data/places_lv.tsv`` (Latvia and its neighbours) and
    ``data/places_world.tsv`` (the world's countries and cities in Latvian), loaded once."""
    rows = []
    seen: set[str] = set()
    for name in ("data/places_lv.tsv", "data/places_world.tsv"):
        raw = resources.files("youthbot.text").joinpath(name).read_text("utf-8")
        for line in raw.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            base, kind, paradigm, center = (line.split("\t") + ["", "", ""])[:4]
            if base not in seen:
                seen.add(base)
                rows.append((base, kind, paradigm, center))
    logger.debug("gazetteer: %d places", len(rows))
    return Gazetteer(rows)


def _unit_case(word: str) -> tuple[str, str] | None:
    low = word.lower()
    for unit, forms in _UNIT_WORDS.items():
        if low in forms:
            return unit, CASES[forms.index(low)]
    return None


def find_places(text: str, start: int = 0, end: int | None = None) -> list[PlaceMention]:
    """Place mentions in ``text[start:end]``, each normalised to its base name.

    Gazetteer places in any case (``Ventspilī`` → ``Ventspils``), ``<genitive> novads`` and
    ``<genitive> pagasts`` phrases, and an unknown town given as ``pilsētā Elektrēni``.

    Args:
        text: The whole document text.
        start: Where to begin.
        end: Where to stop.

    Returns:
        Mentions in text order.
    """
    gz = gazetteer()
    toks = tokens(text, start, end)
    out: list[PlaceMention] = []
    i = 0
    while i < len(toks):
        tok = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        gap_ok = nxt is not None and re.fullmatch(r"[ \t]+", text[tok.end : nxt.start]) is not None
        unit = _unit_case(nxt.text) if (nxt is not None and gap_ok and tok.is_cap) else None
        if unit and tok.text.endswith(("s", "u", "a")) and not tok.is_upper:
            name = f"{tok.text} {unit[0]}"
            if unit[0] == "novads":
                name = gz.unit_forms.get(tok.text, name)
            kind = gz.entries[name].kind if name in gz.entries else unit[0]
            out.append(PlaceMention(name, kind, unit[1], tok.start, nxt.end))
            i += 2
            continue
        plural_unit = _UNIT_PLURALS.get(nxt.text) if (nxt is not None and gap_ok) else None
        if plural_unit and tok.is_cap and not tok.is_upper:
            listed = _listed_names(text, toks, i)
            if len(listed) >= 2:
                unit, case = plural_unit
                first = listed[0].start
                out = [p for p in out if p.end <= first]
                for t in listed:
                    name = f"{t.text} {unit}"
                    if unit == "novads":
                        name = gz.unit_forms.get(t.text, name)
                    kind = gz.entries[name].kind if name in gz.entries else unit
                    out.append(PlaceMention(name, kind, case, t.start, t.end))
                i += 2
                continue
        readings = gz.lookup(tok.text)
        if readings:
            if tok.text in _NOT_PLACE_BEFORE_CAP and nxt is not None and nxt.is_cap and gap_ok:
                i += 1
                continue
            base, case = readings[0]
            out.append(PlaceMention(base, gz.entries[base].kind, case, tok.start, tok.end))
        elif _locative_place(text, toks, i):
            k = i
            while k > 0 and _genitive_modifier(text, toks, k - 1) and i - k < 2:
                k -= 1
            words = [t.text for t in toks[k:i]] + [_locative_base(tok.text)]
            out = [p for p in out if p.end <= toks[k].start]  # "Mazsalacas Skaņkalnē" is one
            out.append(PlaceMention(" ".join(words), "vieta", "loc", toks[k].start, tok.end))
        elif (
            tok.text.lower() in _TOWN_WORDS
            and nxt is not None
            and nxt.is_cap
            and gap_ok
            and not nxt.is_upper
            and not gz.lookup(nxt.text)
        ):
            out.append(PlaceMention(nxt.text, "vieta", "nom", nxt.start, nxt.end))
            i += 2
            continue
        i += 1
    return out


_LOCATIVE_BASES = (("os", "i"), ("ās", "as"), ("ēs", "es"), ("īs", "is"), ("ā", "a"), ("ē", "e"),
                   ("ī", "s"), ("ū", "us"))  # fmt: skip
_OPENING = re.compile(r"(?:^|[\n“„\"«(:–—•*>]|[.!?…][\"”»)]*)[ \t]*$")


def _locative_base(word: str) -> str:
    for ending, base in _LOCATIVE_BASES:
        if word.endswith(ending):
            return word[: len(word) - len(ending)] + base
    return word


def _locative_place(text: str, toks: list[Token], i: int) -> bool:
    """A capitalised word in the locative inside a sentence names a place the gazetteer may
    not hold (``norisinājās Branku Brančotavā``, ``Kroņaucē``): people are not in the
    locative, and organisations in it carry their head noun (``jauniešu centrā``)."""
    tok = toks[i]
    word = tok.text
    if not tok.is_cap or tok.is_upper or len(word) < 4:
        return False
    from youthbot.text.names import NOT_NAMES
    from youthbot.text.orgs import head_reading, known_names

    if word in NOT_NAMES:
        return False
    if not word.endswith(tuple(e for e, _ in _LOCATIVE_BASES)) or word[1:] != word[1:].lower():
        return False
    if _OPENING.search(text[max(0, tok.start - 12) : tok.start]):
        return False
    if head_reading(word) is not None or word in known_names():
        return False
    if word.lower() in LATVIAN_STOPWORDS:
        return False
    if not is_common_word(word):
        return True
    # a common word's shape in a list of places with their dates: "Rožupē 8.oktobrī, Turkos
    # 10.oktobrī un Līvānos 15.oktobrī"
    listed = re.search(r"(?:,|\bun)[ \t]+$", text[max(0, tok.start - 4) : tok.start])
    dated = re.match(r"[ \t]+\d{1,2}\.[ \t]?[a-zāčēģīķļņšūž]{4,}", text[tok.end : tok.end + 20])
    return bool(listed and dated)


def _genitive_modifier(text: str, toks: list[Token], j: int) -> bool:
    tok = toks[j]
    return (
        tok.is_cap
        and not tok.is_upper
        and re.fullmatch(r"[ \t]{1,2}", text[tok.end : toks[j + 1].start]) is not None
        and tok.text.endswith(("as", "es", "u", "a", "us"))
        and not _OPENING.search(text[max(0, tok.start - 12) : tok.start])
    )


def _listed_names(text: str, toks: list[Token], i: int) -> list[Token]:
    """The capitalised names listed up to ``toks[i]``: ``Līksnas, Maļinovas un Višķu``."""
    out = [toks[i]]
    j = i
    while j > 0:
        gap = text[toks[j - 1].end : toks[j].start]
        if gap.strip() == "," and toks[j - 1].is_cap:
            j -= 1
        elif j > 1 and toks[j - 1].text == "un" and toks[j - 2].is_cap:
            j -= 2
        else:
            break
        out.insert(0, toks[j])
    return out


def normalise_place(name: str) -> str | None:
    """The base name of a place as a user may type it (``Liepājā``, ``ogres novadā``).

    Args:
        name: A place name in any case, any capitalisation, with or without diacritics.

    Returns:
        The gazetteer base name, the name itself title-cased when unknown, None when empty.
    """
    words = name.strip().split()
    if not words:
        return None
    gz = gazetteer()
    if len(words) == 2 and _unit_case(words[1]):
        first = words[0][:1].upper() + words[0][1:]
        if first in gz.unit_forms:
            return gz.unit_forms[first]
        for form, readings in gz.forms.items():
            if fold(form) == fold(first) and readings[0][1] == "gen":
                return gz.unit_forms.get(form, f"{form} novads")
        return f"{first} {_unit_case(words[1])[0]}"  # type: ignore[index]
    key = fold(" ".join(words))
    for _form, readings in _folded_forms().get(key, []):
        return readings[0][0]
    return " ".join(w[:1].upper() + w[1:] for w in words)


@lru_cache(maxsize=1)
def _folded_forms() -> dict[str, list[tuple[str, list[tuple[str, str]]]]]:
    out: dict[str, list[tuple[str, list[tuple[str, str]]]]] = {}
    for form, readings in gazetteer().forms.items():
        out.setdefault(fold(form), []).append((form, readings))
    for base in gazetteer().entries:
        out.setdefault(fold(base), []).insert(0, (base, [(base, "nom")]))
    return out


def locative(base: str) -> str | None:
    """The locative of a place's base name (``Liepāja`` → ``Liepājā``), None when unknown."""
    words = base.split(" ")
    if len(words) == 2 and words[1] in _UNIT_WORDS:
        return f"{words[0]} {_UNIT_WORDS[words[1]][4]}"
    entry = gazetteer().entries.get(base)
    if entry is None:
        return None
    return inflect(base, entry.paradigm)["loc"]


def accusative(base: str) -> str | None:
    """The accusative of a place's base name (``Lietuva`` → ``Lietuvu``), None when unknown."""
    entry = gazetteer().entries.get(base)
    if entry is None or " " in base:
        return None
    return inflect(base, entry.paradigm)["acc"]


def place_tokens(toks: list[Token]) -> set[int]:
    """Indexes of the tokens that are gazetteer place forms (used to keep names apart)."""
    gz = gazetteer()
    return {i for i, t in enumerate(toks) if gz.lookup(t.text)}
