"""Role nouns (vadītāja, eksperte, pārstāvji …) in every case and number, with their gender."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from youthbot.text.morphology import ADJECTIVE, CASES, Case, Gender, Number, decline

__all__ = [
    "GROUP_NOUNS",
    "RoleReading",
    "is_role",
    "role_forms",
    "role_readings",
    "singular_role",
]

# masculine base, feminine base: the posts, trades and functions that introduce a person
_ROLE_PAIRS: tuple[tuple[str, str], ...] = (
    ("vadītājs", "vadītāja"),
    ("eksperts", "eksperte"),
    ("speciālists", "speciāliste"),
    ("koordinators", "koordinatore"),
    ("direktors", "direktore"),
    ("priekšsēdētājs", "priekšsēdētāja"),
    ("vietnieks", "vietniece"),
    ("mentors", "mentore"),
    ("pārstāvis", "pārstāve"),
    ("darbinieks", "darbiniece"),
    ("konsultants", "konsultante"),
    ("psihologs", "psiholoģe"),
    ("treneris", "trenere"),
    ("skolotājs", "skolotāja"),
    ("mērs", "mēre"),
    ("deputāts", "deputāte"),
    ("ministrs", "ministre"),
    ("lektors", "lektore"),
    ("dibinātājs", "dibinātāja"),
    ("loceklis", "locekle"),
    ("pedagogs", "pedagoģe"),
    ("organizators", "organizatore"),
    ("moderators", "moderatore"),
    ("referents", "referente"),
    ("padomnieks", "padomniece"),
    ("kurators", "kuratore"),
    ("prezidents", "prezidente"),
    ("izpilddirektors", "izpilddirektore"),
    ("sekretārs", "sekretāre"),
    ("asistents", "asistente"),
    ("jurists", "juriste"),
    ("audzinātājs", "audzinātāja"),
    ("metodiķis", "metodiķe"),
    ("menedžeris", "menedžere"),
    ("administrators", "administratore"),
    ("aktīvists", "aktīviste"),
    ("līderis", "līdere"),
    ("vēstnesis", "vēstnese"),
    ("analītiķis", "analītiķe"),
    ("priekšnieks", "priekšniece"),
    ("pārvaldnieks", "pārvaldniece"),
    ("valdnieks", "valdniece"),
    ("fotogrāfs", "fotogrāfe"),
    ("žurnālists", "žurnāliste"),
    ("redaktors", "redaktore"),
    ("autors", "autore"),
    ("dalībnieks", "dalībniece"),
    ("pasniedzējs", "pasniedzēja"),
    ("instruktors", "instruktore"),
    ("rektors", "rektore"),
    ("dekāns", "dekāne"),
    ("profesors", "profesore"),
    ("docents", "docente"),
    ("pētnieks", "pētniece"),
    ("zinātnieks", "zinātniece"),
    ("inspektors", "inspektore"),
    ("ārsts", "ārste"),
    ("advokāts", "advokāte"),
    ("prokurors", "prokurore"),
    ("tiesnesis", "tiesnese"),
    ("premjerministrs", "premjerministre"),
    ("premjers", "premjere"),
    ("valdītājs", "valdītāja"),
    ("uzņēmējs", "uzņēmēja"),
    ("īpašnieks", "īpašniece"),
    ("mākslinieks", "māksliniece"),
    ("rakstnieks", "rakstniece"),
    ("dzejnieks", "dzejniece"),
    ("komponists", "komponiste"),
    ("diriģents", "diriģente"),
    ("dziedātājs", "dziedātāja"),
    ("režisors", "režisore"),
    ("sportists", "sportiste"),
    ("runātājs", "runātāja"),
    ("viesis", "viešņa"),
    ("students", "studente"),
    ("skolēns", "skolniece"),
    ("audzēknis", "audzēkne"),
    ("absolvents", "absolvente"),
    ("animators", "animatore"),
    ("dizainers", "dizainere"),
    ("psihoterapeits", "psihoterapeite"),
    ("kolēģis", "kolēģe"),
    ("kapelāns", "kapelāne"),
    ("vēstnieks", "vēstniece"),
    ("kancleris", "kanclere"),
    ("rīkotājs", "rīkotāja"),
    ("iniciators", "iniciatore"),
    ("brīvprātīgais", "brīvprātīgā"),
    ("gids", "gide"),
)
#: Nouns for a group whose members are listed after a dash or colon.
GROUP_NOUNS = frozenset(
    {
        "komanda",
        "komandas",
        "grupa",
        "delegācija",
        "pārstāvji",
        "pārstāves",
        "dalībnieki",
        "dalībnieces",
        "lektori",
        "viesi",
        "organizatori",
        "vadītāji",
    }
)
_ADJECTIVE_ROLES = {"brīvprātīgais", "brīvprātīgā"}


@dataclass(frozen=True, slots=True)
class RoleReading:
    """One reading of a word as a role noun form.

    Attributes:
        masculine: The masculine base (``vadītājs``).
        feminine: The feminine base (``vadītāja``).
        gender: The gender of this form.
        number: ``sg`` or ``pl``.
        case: The case of this form.
    """

    masculine: str
    feminine: str
    gender: Gender
    number: Number
    case: Case


def _declined(base: str, gender: Gender) -> dict[tuple[Number, Case], str]:
    if base in _ADJECTIVE_ROLES:
        stem = base[:-3] if gender == "m" else base[:-1]
        return {
            (n, c): stem + ADJECTIVE[gender][n][i]
            for n in ("sg", "pl")
            for i, c in enumerate(CASES)
        }
    return decline(base, "f4" if gender == "f" and base.endswith("a") else None)


@lru_cache(maxsize=1)
def _readings() -> dict[str, tuple[RoleReading, ...]]:
    out: dict[str, list[RoleReading]] = {}
    for masc, fem in _ROLE_PAIRS:
        for base, gender in ((masc, "m"), (fem, "f")):
            for (number, case), form in _declined(base, gender).items():
                reading = RoleReading(masc, fem, gender, number, case)  # type: ignore[arg-type]
                if reading not in out.setdefault(form, []):
                    out[form].append(reading)
    return {form: tuple(r) for form, r in out.items()}


def role_readings(word: str) -> tuple[RoleReading, ...]:
    """Every reading of ``word`` (any capitalisation) as a role noun form; empty when none.

    ``vadītāja`` reads as the feminine nominative and the masculine genitive; ``koordinatorei``
    as the feminine dative.
    """
    return _readings().get(word.lower(), ())


@lru_cache(maxsize=1)
def role_forms() -> dict[str, tuple[str, str, bool]]:
    """Role noun form → ``(masculine base, feminine base, plural)``, every case and number."""
    out: dict[str, tuple[str, str, bool]] = {}
    for form, readings in _readings().items():
        first = readings[0]
        plural = all(r.number == "pl" for r in readings)
        out[form] = (first.masculine, first.feminine, plural)
    return out


def is_role(word: str) -> bool:
    """Whether ``word`` (any capitalisation) is a role noun form."""
    return word.lower() in _readings()


def singular_role(word: str, gender: str) -> str:
    """A plural role noun as one person's role: ``pārstāvji`` → ``pārstāve`` for a woman."""
    entry = role_forms().get(word.lower())
    if entry is None or not entry[2]:
        return word
    return entry[1] if gender == "f" else entry[0]
