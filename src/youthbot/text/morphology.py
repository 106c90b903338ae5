"""Latvian noun morphology: case endings by declension and gender, and the nominative from any case.

One table of Latvian declensions serves every recogniser: person names ("Inārai Miglānei" →
"Ināra Miglāne"), place names ("Ventspilī" → "Ventspils"), role nouns ("koordinatorei" →
"koordinatore"), organisation heads ("aģentūrai" → "aģentūra"), event nouns and the stems
that matching uses. Forms are generated from a base and a declension (``decline``), and read
back into every base they could come from (``analyse``); a lexicon (given names, the
gazetteer) or the context then picks the reading.

Declensions (nominative singular ending → singular and plural endings, nom gen dat acc loc):

====  ======  ==========================  ==========================  ===================
name  gender  singular                    plural                      example
====  ======  ==========================  ==========================  ===================
m1    m       -s/-š -a -am -u -ā          -i -u -iem -us -os          Tukums, Kalniņš
m2    m       -is -a* -im -i -ī           -i* -u* -iem* -us* -os*     Jānis (Jāņa)
m3    m       -us -us -um -u -ū           -i -u -iem -us -os          Saldus, Mikus
f4    f       -a -as -ai -u -ā            -as -u -ām -as -ās          Liepāja, Ināra
f5    f       -e -es -ei -i -ē            -es -u* -ēm -es -ēs         Miglāne, Rēzekne
f6    f       -s -s -ij -i -ī             -is -u* -īm -is -īs         Ventspils, Cēsis
====  ======  ==========================  ==========================  ===================

``*`` marks the forms whose last stem consonant alternates (n→ņ, l→ļ, s→š, z→ž, c→č, t→š,
d→ž, p→pj, b→bj, m→mj, v→vj, f→fj, sn→šņ, zn→žņ, sl→šļ, zl→žļ, ln→ļņ, ll→ļļ). Definite
adjectives (``adj``) decline on their own endings: -ais/-ā, -ā/-ās, -ajam/-ajai, -o, -ajā.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from youthbot.text.normalize import fold

__all__ = [
    "CASES",
    "Analysis",
    "Case",
    "DECLENSIONS",
    "Declension",
    "Gender",
    "Number",
    "adjective_nominative",
    "analyse",
    "decline",
    "declension_of",
    "name_endings",
    "depalatalise",
    "forms",
    "palatalise",
    "stem_key",
]

Case = Literal["nom", "gen", "dat", "acc", "loc"]
Number = Literal["sg", "pl"]
Gender = Literal["m", "f"]
CASES: tuple[Case, ...] = ("nom", "gen", "dat", "acc", "loc")


@dataclass(frozen=True, slots=True)
class Declension:
    """One Latvian noun declension.

    Attributes:
        name: ``m1``, ``m2``, ``m3``, ``f4``, ``f5`` or ``f6``.
        gender: ``m`` or ``f``.
        endings: Nominative singular endings it takes (``("s", "š")`` for m1).
        singular: Endings for nom, gen, dat, acc, loc singular.
        plural: Endings for nom, gen, dat, acc, loc plural.
        alternates: The (number, case) forms whose last stem consonant alternates.
    """

    name: str
    gender: Gender
    endings: tuple[str, ...]
    singular: tuple[str, str, str, str, str]
    plural: tuple[str, str, str, str, str]
    alternates: frozenset[tuple[Number, Case]] = frozenset()


_PLURAL_ALL = frozenset(("pl", c) for c in CASES)
DECLENSIONS: dict[str, Declension] = {
    d.name: d
    for d in (
        Declension(
            "m1", "m", ("s", "š"), ("s", "a", "am", "u", "ā"), ("i", "u", "iem", "us", "os")
        ),
        Declension(
            "m2",
            "m",
            ("is",),
            ("is", "a", "im", "i", "ī"),
            ("i", "u", "iem", "us", "os"),
            _PLURAL_ALL | {("sg", "gen")},
        ),
        Declension("m3", "m", ("us",), ("us", "us", "um", "u", "ū"), ("i", "u", "iem", "us", "os")),
        Declension("f4", "f", ("a",), ("a", "as", "ai", "u", "ā"), ("as", "u", "ām", "as", "ās")),
        Declension(
            "f5",
            "f",
            ("e",),
            ("e", "es", "ei", "i", "ē"),
            ("es", "u", "ēm", "es", "ēs"),
            frozenset({("pl", "gen")}),
        ),
        Declension(
            "f6",
            "f",
            ("s",),
            ("s", "s", "ij", "i", "ī"),
            ("is", "u", "īm", "is", "īs"),
            frozenset({("pl", "gen")}),
        ),
    )
}
#: Definite adjective endings (the "-ais/-ā" forms that agree with a head noun).
ADJECTIVE: dict[Gender, dict[Number, tuple[str, str, str, str, str]]] = {
    "m": {"sg": ("ais", "ā", "ajam", "o", "ajā"), "pl": ("ie", "o", "ajiem", "os", "ajos")},
    "f": {"sg": ("ā", "ās", "ajai", "o", "ajā"), "pl": ("ās", "o", "ajām", "ās", "ajās")},
}

# Consonant alternation before the alternating endings; longest first.
_PALATAL: tuple[tuple[str, str], ...] = (
    ("sn", "šņ"),
    ("zn", "žņ"),
    ("sl", "šļ"),
    ("zl", "žļ"),
    ("ln", "ļņ"),
    ("ll", "ļļ"),
    ("dz", "dž"),
    ("n", "ņ"),
    ("l", "ļ"),
    ("s", "š"),
    ("z", "ž"),
    ("c", "č"),
    ("t", "š"),
    ("d", "ž"),
    ("p", "pj"),
    ("b", "bj"),
    ("m", "mj"),
    ("v", "vj"),
    ("f", "fj"),
)
# Stems ending in these never alternate (Indriķis → Indriķa, Juris → Jura).
_NO_ALTERNATION = ("ķ", "ģ", "r", "j", "k", "g", "h")


def palatalise(stem: str) -> str:
    """The stem with its last consonant alternated: ``Jān`` → ``Jāņ``, ``Grāv`` → ``Grāvj``."""
    if stem.endswith(_NO_ALTERNATION):
        return stem
    for plain, soft in _PALATAL:
        if stem.endswith(plain):
            return stem[: len(stem) - len(plain)] + soft
    return stem


def depalatalise(stem: str) -> list[str]:
    """Stems an alternated stem may come from: ``Jāņ`` → ``[Jān]``, ``Lāč`` → ``[Lāc]``.

    ``š`` may stand for ``s`` or ``t`` and ``ž`` for ``z`` or ``d``; an unalternated stem
    gives itself.
    """
    out: list[str] = []
    for plain, soft in _PALATAL:
        if stem.endswith(soft) and len(stem) > len(soft):
            candidate = stem[: len(stem) - len(soft)] + plain
            if candidate not in out:
                out.append(candidate)
    return out or [stem]


def declension_of(base: str, gender: Gender | None = None) -> str | None:
    """The declension a nominative singular follows, from its ending (and gender when known).

    ``Jānis`` → m2, ``Saldus`` → m3, ``Tukums`` → m1, ``Liepāja`` → f4, ``Ogre`` → f5;
    a feminine ``-s`` (``Ventspils``) is f6. None for an indeclinable word (``Ivo``).
    """
    if gender == "f" and base.endswith("s") and not base.endswith(("as", "es")):
        return "f6"
    if base.endswith("is"):
        return "m2"
    if base.endswith("us"):
        return "m3"
    if base.endswith(("s", "š")):
        return "m1"
    if base.endswith("a"):
        return "f4"
    if base.endswith("e"):
        return "f5"
    return None


def _stem(base: str, decl: Declension) -> str:
    for ending in sorted(decl.endings, key=len, reverse=True):
        if base.endswith(ending):
            return base[: len(base) - len(ending)]
    return base


def decline(
    base: str, declension: str | None = None, alternate: bool = True
) -> dict[tuple[Number, Case], str]:
    """Every case form of a noun, singular and plural.

    Args:
        base: The nominative singular, e.g. ``Jānis``, ``koordinatore``.
        declension: A key of ``DECLENSIONS``; guessed from the ending when None.
        alternate: Whether the stem's last consonant alternates where the declension says
            (place names keep theirs: Cēsis → Cēsu).

    Returns:
        ``(number, case)`` → form; an indeclinable word gives itself for every form.
    """
    name = declension or declension_of(base)
    if name is None or name not in DECLENSIONS:
        return {(n, c): base for n in ("sg", "pl") for c in CASES}
    decl = DECLENSIONS[name]
    stem = _stem(base, decl)
    out: dict[tuple[Number, Case], str] = {}
    for number, endings in (("sg", decl.singular), ("pl", decl.plural)):
        for case, ending in zip(CASES, endings, strict=True):
            key = (number, case)
            if key == ("sg", "nom"):
                out[key] = base
                continue
            soft = alternate and key in decl.alternates and not _keeps_stem(base, name)
            out[key] = (palatalise(stem) if soft else stem) + ending
    return out


# m2 nouns in -sis/-zis that keep their stem (viesis → viesa, viesi), unlike vēstnesis.
_KEEPS_STEM = frozenset({"viesis", "tētis", "Cēsis"})


def _keeps_stem(base: str, declension: str) -> bool:
    """Nouns whose stem does not alternate: m2 in -tis/-dis (Gatis → Gata), viesis, Cēsis."""
    if base in _KEEPS_STEM:
        return True
    if declension == "m2":
        return base.endswith(("tis", "dis"))
    return False


def forms(base: str, declension: str | None = None) -> dict[str, list[tuple[Number, Case]]]:
    """Form → the (number, case) readings it has, for a lexicon index: ``decline`` inverted."""
    out: dict[str, list[tuple[Number, Case]]] = {}
    for key, form in decline(base, declension).items():
        out.setdefault(form, []).append(key)
    return out


@dataclass(frozen=True, slots=True)
class Analysis:
    """One reading of a written word as a case form of some base.

    Attributes:
        base: The nominative singular it would come from.
        declension: The declension of that reading.
        gender: ``m`` or ``f``.
        number: ``sg`` or ``pl``.
        case: ``nom``, ``gen``, ``dat``, ``acc`` or ``loc``.
    """

    base: str
    declension: str
    gender: Gender
    number: Number
    case: Case


@lru_cache(maxsize=50_000)
def _analyse(word: str) -> tuple[Analysis, ...]:
    out: list[Analysis] = []
    seen: set[tuple[str, str, str, str]] = set()
    for decl in DECLENSIONS.values():
        for number, endings in (("sg", decl.singular), ("pl", decl.plural)):
            for case, ending in zip(CASES, endings, strict=True):
                if not word.endswith(ending) or len(word) - len(ending) < 2:
                    continue
                stem = word[: len(word) - len(ending)]
                soft = (number, case) in decl.alternates
                stems = depalatalise(stem) if soft else [stem]
                if soft and stem not in stems:
                    stems.append(stem)  # Gata ← Gatis: -tis/-dis keep their stem
                for s in stems:
                    for nom in decl.endings:
                        if decl.name == "m1" and nom == "š" and not s.endswith("ņ"):
                            continue  # -š follows ņ (Kalniņš); other -š bases are rare
                        base = s + nom
                        key = (base, decl.name, number, case)
                        if key not in seen:
                            seen.add(key)
                            out.append(Analysis(base, decl.name, decl.gender, number, case))  # type: ignore[arg-type]
    return tuple(out)


def analyse(word: str) -> list[Analysis]:
    """Every reading of ``word`` as a case form, by its ending alone (no lexicon).

    ``Miglānei`` → f5 dative of ``Miglāne``; ``Jāņa`` → m2 genitive of ``Jānis`` (and m1
    ``Jāņs``, f4 ``Jāņa``); a lexicon or the context picks among them.

    Args:
        word: A word as written (case kept).

    Returns:
        Readings, the declension table's order (m1, m2, m3, f4, f5, f6), singular first.
    """
    return list(_analyse(word))


# Lithuanian endings that names keep in Latvian text: Tomas, Petrauskienė, Tiškutės.
_LITHUANIAN_NAME_ENDINGS: dict[str, frozenset[tuple[Gender, Case]]] = {
    "as": frozenset({("m", "nom")}),
    "ė": frozenset({("f", "nom")}),
    "ės": frozenset({("f", "gen")}),
}


@lru_cache(maxsize=1)
def name_endings() -> tuple[tuple[str, frozenset[tuple[Gender, Case]]], ...]:
    """Ending → the (gender, case) readings a personal name with it can have, longest first.

    From the singular nominative, genitive, dative and accusative of the declensions names
    follow (m1, m2, m3, f4, f5), with the Lithuanian endings names keep.
    """
    out: dict[str, set[tuple[Gender, Case]]] = {}
    for name in ("m1", "m2", "m3", "f4", "f5"):
        decl = DECLENSIONS[name]
        cases = dict(zip(CASES, decl.singular, strict=True))
        cases["nom"] = decl.endings[0]
        for case in ("nom", "gen", "dat", "acc"):
            out.setdefault(cases[case], set()).add((decl.gender, case))  # type: ignore[arg-type]
        if name == "m1":
            out.setdefault("š", set()).add(("m", "nom"))
    for ending, readings in _LITHUANIAN_NAME_ENDINGS.items():
        out.setdefault(ending, set()).update(readings)
    return tuple(
        (e, frozenset(r)) for e, r in sorted(out.items(), key=lambda kv: (-len(kv[0]), kv[0]))
    )


def adjective_nominative(word: str, gender: Gender, case: Case, number: Number = "sg") -> str:
    """A definite adjective in the nominative: ``Sociālā`` (m gen) → ``Sociālais``.

    A word that does not carry the expected ending is returned as it is.
    """
    endings = ADJECTIVE[gender][number]
    ending = endings[CASES.index(case)]
    if case == "nom" or not word.endswith(ending) or len(word) <= len(ending) + 3:
        return word
    return word[: len(word) - len(ending)] + endings[0]


# Case endings stripped for matching, longest first: one list for every matcher.
_MATCH_ENDINGS = tuple(
    sorted(
        {e for d in DECLENSIONS.values() for e in d.singular + d.plural}
        | {"ys", "o", "ės", "ė"}
        | {fold(e) for d in DECLENSIONS.values() for e in d.singular + d.plural},
        key=len,
        reverse=True,
    )
)
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=200_000)
def stem_key(word: str) -> str:
    """A folded word without its case ending, for matching any form of it to any other.

    ``Meldrājas`` and ``meldraja`` both give ``meldraj``; at least three letters stay.
    """
    w = fold(word)
    for ending in _MATCH_ENDINGS:
        if w.endswith(ending) and len(w) - len(ending) >= 3:
            return w[: -len(ending)]
    return w
