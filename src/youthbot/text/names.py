"""Personal names: the given-name lexicon, and names in any case back to their base form."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from youthbot.text.morphology import CASES, DECLENSIONS, Case, Gender, analyse, depalatalise
from youthbot.text.normalize import fold

__all__ = [
    "NOT_NAMES",
    "GivenName",
    "clean_name",
    "given_names",
    "is_common_word_name",
    "name_key",
    "read_given",
    "surname_base",
    "surname_readings",
]

_NAME_PART = re.compile(r"^[^\W\d_]+$")
#: Capitalised words that name neither a person nor a place: feasts, brands, programmes.
NOT_NAMES = frozenset(
    "Ziemassvētki Ziemassvētkos Ziemassvētkiem Ziemassvētku Lieldienas Lieldienās Lieldienām "
    "Lieldienu Jāņi Jāņos Jāņiem Jāņu Līgo Vasarsvētki Vasarsvētkos Mārtiņdiena Mārtiņdienā "
    "Miķeļdiena Miķeļdienā Dievs Dieva Dievam Dievu Kristus Erasmus Youthpass Facebook "
    "Instagram YouTube Zoom Google Twitter TikTok Teams Skype Internets Internetā".split()
)
# Lithuanian feminine names in -ė keep their own endings in Latvian text (Tiškutės, Tiškutei).
_LITHUANIAN_F = (("ės", "gen"), ("ei", "dat"), ("ę", "acc"))
_CASE_ORDER: tuple[Case, ...] = ("nom", "gen", "dat", "acc")


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
def _lexicon() -> dict[str, tuple[str, bool, int]]:
    """Name → (gender, common word, rank of its source: calendar 0, other 1, extended 2)."""
    raw = resources.files("youthbot.text").joinpath("data/given_names.tsv").read_text("utf-8")
    out: dict[str, tuple[str, bool, int]] = {}
    ranks = {"c": 0, "o": 1, "x": 2}
    for line in raw.splitlines():
        if line and not line.startswith("#"):
            parts = line.split("\t") + ["o", "0"]
            out[parts[0]] = (parts[1], parts[3] == "1", ranks.get(parts[2], 1))
    return out


@lru_cache(maxsize=1)
def given_names() -> dict[str, str]:
    """Nominative given names → gender, from the shipped ``data/given_names.tsv``.

    The list is the Latvian name-day calendar (traditional and extended, about 5,500 names)
    with names common in Latvia and Lithuania; the file names its source.
    """
    return {name: gender for name, (gender, _, _) in _lexicon().items()}


def is_common_word_name(base: str) -> bool:
    """Whether a given name is also a common Latvian word (Liepa, Saule, Līga, Maija)."""
    entry = _lexicon().get(base)
    return entry is not None and entry[1]


@lru_cache(maxsize=50_000)
def _read_given(word: str) -> tuple[GivenName, ...]:
    names = given_names()
    out: list[GivenName] = []
    if word in names:
        out.append(GivenName(word, names[word], "nom"))
    for a in analyse(word):
        if a.number != "sg" or a.case == "nom" or a.case == "loc":
            continue
        if names.get(a.base) == a.gender:
            reading = GivenName(a.base, a.gender, a.case)
            if reading not in out:
                out.append(reading)
    for ending, case in _LITHUANIAN_F:
        base = word[: len(word) - len(ending)] + "ė"
        if word.endswith(ending) and names.get(base) == "f":
            out.append(GivenName(base, "f", case))
    lexicon = _lexicon()
    out.sort(key=lambda r: (_CASE_ORDER.index(r.case), lexicon[r.base][2]))  # type: ignore[arg-type]
    return tuple(out)


def read_given(word: str) -> list[GivenName]:
    """Readings of ``word`` as a known given name in some case, nominative first.

    Args:
        word: A capitalised word, e.g. ``Astas``, ``Jāņa``, ``Zane``, ``Inārai``.

    Returns:
        Every ``GivenName`` whose nominative is in the lexicon with the reading's gender
        (``Andra`` gives both the woman's nominative and the genitive of ``Andris``); empty
        when none.
    """
    return list(_read_given(word))


def _ending(declension: str, case: str) -> str:
    return DECLENSIONS[declension].singular[CASES.index(case)]  # type: ignore[arg-type]


def _surname_part(word: str, gender: str, case: str) -> str:
    if case == "nom" or case not in ("gen", "dat", "acc") or not _NAME_PART.match(word):
        return word
    if gender == "f":
        pairs = [("ės", "ė")] if case == "gen" else []  # Lithuanian: Tiškutės → Tiškutė
        pairs += [(_ending(d, case), DECLENSIONS[d].endings[0]) for d in ("f4", "f5")]
        for written, nominative in pairs:
            if word.endswith(written) and len(word) > len(written) + 1:
                return word[: len(word) - len(written)] + nominative
        return word
    if case == "gen" and word.endswith("us"):
        return word  # m3: Saldus, Mikus
    for declension in ("m2", "m3"):  # Kārlim, Kārli; Mikum
        written = _ending(declension, case)
        if case != "gen" and word.endswith(written) and written != _ending("m1", case):
            return word[: len(word) - len(written)] + DECLENSIONS[declension].endings[0]
    ending = _ending("m1", case)
    if not word.endswith(ending) or len(word) <= len(ending) + 1:
        return word
    stem = word[: -len(ending)]
    if stem.endswith("ņ"):
        return stem + "š"  # Bērziņa → Bērziņš, Kalniņam → Kalniņš
    if stem[-1] in "ļčž" or stem.endswith(("vj", "bj", "pj", "mj")):
        return depalatalise(stem)[0] + "is"  # Zvirbuļa → Zvirbulis, Grāvja → Grāvis, Lāča → Lācis
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


# A surname alone: the endings that say its case and gender without a given name.
_LONE_SURNAME: tuple[tuple[str, Gender, Case], ...] = (
    ("iem", "m", "dat"),  # plural: Jansoniem (read as one person's case for the base)
    ("am", "m", "dat"),
    ("im", "m", "dat"),
    ("um", "m", "dat"),
    ("ai", "f", "dat"),
    ("ei", "f", "dat"),
    ("ės", "f", "gen"),
    ("as", "f", "gen"),
    ("es", "f", "gen"),
    ("is", "m", "nom"),
    ("us", "m", "nom"),
    ("s", "m", "nom"),
    ("š", "m", "nom"),
    ("a", "f", "nom"),
    ("e", "f", "nom"),
    ("ė", "f", "nom"),
)


def surname_readings(word: str) -> list[tuple[str, Gender, Case]]:
    """The likeliest ``(base, gender, case)`` of a surname written alone (``Kalniņam``).

    The ending decides where it can (-am/-im/-um: a man's dative; -ai/-ei: a woman's; -as/-es:
    a woman's genitive, -s/-š/-is/-us: a man's nominative); an ``-a`` reads as a woman's
    nominative first and a man's genitive second, ``-u``/``-i`` as accusatives of either.

    Args:
        word: The surname as written.

    Returns:
        Readings, likeliest first; the word itself (nominative, gender unknown as ``m``)
        when no ending tells.
    """
    out: list[tuple[str, Gender, Case]] = []
    for ending, gender, case in _LONE_SURNAME:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            written = word[:-3] + "am" if ending == "iem" else word
            base = surname_base(written, gender, case)
            out.append((base, gender, case))
            if ending == "a":
                out.append((surname_base(word, "m", "gen"), "m", "gen"))
            break
    else:
        if word.endswith("u") and len(word) > 3:
            out += [(surname_base(word, "m", "acc"), "m", "acc"), (word[:-1] + "a", "f", "acc")]
        elif word.endswith("i") and len(word) > 3:
            out += [(word[:-1] + "e", "f", "acc"), (word[:-1] + "s", "m", "nom")]
    return out or [(word, "m", "nom")]


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
