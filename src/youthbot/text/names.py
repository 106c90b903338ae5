"""Latvian (and Lithuanian) personal-name morphology: case forms back to the base form."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from youthbot.text.normalize import fold

# case -> (ending as written, ending of the nominative) for feminine names (4th, 5th declension)
_FEMININE: dict[str, tuple[tuple[str, str], ...]] = {
    "nom": (("a", "a"), ("e", "e"), ("ė", "ė")),
    "gen": (("as", "a"), ("es", "e"), ("ės", "ė")),
    "dat": (("ai", "a"), ("ei", "e"), ("ei", "ė")),
    "acc": (("u", "a"), ("i", "e")),
}
# masculine names (1st, 2nd, 3rd declension; Lithuanian -as/-ys nominatives kept)
_MASCULINE: dict[str, tuple[tuple[str, str], ...]] = {
    "nom": (("s", "s"), ("š", "š"), ("o", "o")),
    "gen": (("a", "s"), ("a", "š"), ("a", "is"), ("us", "us"), ("o", "o")),
    "dat": (("am", "s"), ("am", "š"), ("im", "is"), ("um", "us")),
    "acc": (("u", "s"), ("u", "š"), ("i", "is"), ("u", "us")),
}
# 2nd declension genitives soften the last consonant: Jāņa → Jānis, Kārļa → Kārlis, Lāča → Lācis
_DEPALATALISE = {"ņ": "n", "ļ": "l", "č": "c", "ž": "z", "š": "s"}
_NAME_PART = re.compile(r"^[^\W\d_]+$")


@dataclass(frozen=True, slots=True)
class GivenName:
    """One reading of a word as a given name.

    Attributes:
        base: The nominative, e.g. ``Zane``.
        gender: ``f`` or ``m``.
        case: ``nom``, ``gen``, ``dat`` or ``acc``.
    """

    base: str
    gender: str
    case: str


@lru_cache(maxsize=1)
def given_names() -> dict[str, str]:
    """Nominative given names → gender, from the shipped ``data/given_names.tsv``."""
    raw = resources.files("youthbot.text").joinpath("data/given_names.tsv").read_text("utf-8")
    out: dict[str, str] = {}
    for line in raw.splitlines():
        if line and not line.startswith("#"):
            name, gender = line.split("\t")[:2]
            out[name] = gender
    return out


def _candidates(word: str, gender: str, case: str) -> list[str]:
    table = _FEMININE if gender == "f" else _MASCULINE
    out: list[str] = []
    for written, nominative in table.get(case, ()):
        if not word.endswith(written) or len(word) <= len(written) + 1:
            continue
        stem = word[: len(word) - len(written)]
        if gender == "m" and nominative == "is" and stem[-1] in _DEPALATALISE:
            out.append(stem[:-1] + _DEPALATALISE[stem[-1]] + "is")
        out.append(stem + nominative)
    return out


@lru_cache(maxsize=8192)
def _read_given(word: str) -> tuple[GivenName, ...]:
    return tuple(_readings(word))


def read_given(word: str) -> list[GivenName]:
    """Readings of ``word`` as a known given name in some case, nominative first.

    Args:
        word: A capitalised word, e.g. ``Astas``, ``Jāņa``, ``Zane``.

    Returns:
        Every ``GivenName`` whose nominative is in the shipped list; empty when none.
    """
    return list(_read_given(word))


def _readings(word: str) -> list[GivenName]:
    names = given_names()
    out: list[GivenName] = []
    if names.get(word):
        out.append(GivenName(word, names[word], "nom"))
    for case in ("gen", "dat", "acc"):
        for gender in ("f", "m"):
            for base in _candidates(word, gender, case):
                if names.get(base) == gender and GivenName(base, gender, case) not in out:
                    out.append(GivenName(base, gender, case))
    return out


def _surname_part(word: str, gender: str, case: str) -> str:
    if case == "nom" or not _NAME_PART.match(word):
        return word
    if gender == "f":
        for written, nominative in _FEMININE.get(case, ()):
            if word.endswith(written) and len(word) > len(written) + 1:
                return word[: len(word) - len(written)] + nominative
        return word
    if case == "gen" and word.endswith("us"):
        return word
    ending = {"gen": "a", "dat": "am", "acc": "u"}[case]
    if case in ("dat", "acc") and word.endswith("im" if case == "dat" else "i"):
        return word[: -len("im" if case == "dat" else "i")] + "is"
    if case == "dat" and word.endswith("um"):
        return word[:-2] + "us"
    if not word.endswith(ending) or len(word) <= len(ending) + 1:
        return word
    stem = word[: -len(ending)]
    if stem.endswith("ņ"):
        return stem + "š"  # Bērziņa → Bērziņš, Kalniņam → Kalniņš
    if stem[-1] in "ļč" or stem.endswith(("vj", "bj", "pj", "mj")):
        core = stem[:-1] if stem.endswith("j") else stem[:-1] + _DEPALATALISE[stem[-1]]
        return core + "is"  # Zvirbuļa → Zvirbulis, Grāvja → Grāvis, Lāča → Lācis
    return stem + "s"


def surname_base(surname: str, gender: str, case: str) -> str:
    """The nominative of a surname in the given case; each part of a double-barrelled one.

    Args:
        surname: As written, e.g. ``Meldrājas``, ``Mednes-Strazdas``, ``Punkstiņam``.
        gender: ``f`` or ``m`` (from the given name).
        case: ``nom``, ``gen``, ``dat`` or ``acc``.

    Returns:
        The base form, e.g. ``Meldrāja``, ``Medne-Strazda``, ``Punkstiņš``.
    """
    parts = re.split(r"\s*[-‑]\s*", surname.strip())
    return "-".join(_surname_part(p, gender, case) for p in parts)


def name_key(name: str) -> str:
    """The key that joins mentions of one person: folded, hyphens and spaces normalised.

    ``Asta Tiškutė`` and ``Asta Tiškute`` share a key; so do ``Bērziņa- Igaune`` and
    ``Bērziņa-Igaune``.
    """
    collapsed = re.sub(r"\s*[-‑]\s*", "-", name.strip())
    return re.sub(r"\s+", " ", fold(collapsed))


def clean_name(name: str) -> str:
    """Normalise spacing in a written name: ``Bērziņa- Igaune`` → ``Bērziņa-Igaune``."""
    return re.sub(r"\s+", " ", re.sub(r"\s*[-‑]\s*", "-", name.strip()))
