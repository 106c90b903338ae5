"""Role nouns (vadītāja, eksperte, pārstāvji …) and their case and number forms."""

from __future__ import annotations

from functools import lru_cache

# masculine base, feminine base
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
    ("brīvprātīgais", "brīvprātīgā"),
    ("vēstnesis", "vēstnese"),
    ("analītiķis", "analītiķe"),
    ("priekšnieks", "priekšniece"),
    ("pārvaldnieks", "pārvaldniece"),
    ("valdnieks", "valdniece"),
)
_IRREGULAR = {
    "pārstāvis": ("pārstāvja", "pārstāvji", "pārstāvjus"),
    "loceklis": ("locekļa", "locekļi", "locekļus"),
    "treneris": ("trenera", "treneri", "trenerus"),
    "metodiķis": ("metodiķa", "metodiķi", "metodiķus"),
    "menedžeris": ("menedžera", "menedžeri", "menedžerus"),
    "līderis": ("līdera", "līderi", "līderus"),
    "analītiķis": ("analītiķa", "analītiķi", "analītiķus"),
    "vēstnesis": ("vēstneša", "vēstneši", "vēstnešus"),
    "brīvprātīgais": ("brīvprātīgā", "brīvprātīgie", "brīvprātīgos"),
}
#: Nouns for a group whose members are listed after a dash or colon.
GROUP_NOUNS = frozenset({"komanda", "komandas", "grupa", "delegācija", "pārstāvji", "dalībnieki"})


@lru_cache(maxsize=1)
def role_forms() -> dict[str, tuple[str, str, bool]]:
    """Role noun form → ``(masculine base, feminine base, plural)``.

    Singular nominative and genitive of both genders and the plural nominative and accusative.
    """
    out: dict[str, tuple[str, str, bool]] = {}
    for masc, fem in _ROLE_PAIRS:
        entry_sg, entry_pl = (masc, fem, False), (masc, fem, True)
        out[masc] = out[fem] = entry_sg
        if masc in _IRREGULAR:
            gen, pl, pl_acc = _IRREGULAR[masc]
        else:
            stem = masc[:-2] if masc.endswith("is") else masc[:-1]
            gen, pl, pl_acc = stem + "a", stem + "i", stem + "us"
        out.setdefault(gen, entry_sg)
        out[pl] = out[pl_acc] = entry_pl
        fem_gen = fem + "s"
        out.setdefault(fem_gen, entry_sg)
        out.setdefault(fem[:-1] + "as" if fem.endswith("a") else fem[:-1] + "es", entry_pl)
    return out


def is_role(word: str) -> bool:
    """Whether ``word`` (any capitalisation) is a role noun form."""
    return word.lower() in role_forms()


def singular_role(word: str, gender: str) -> str:
    """A plural role noun as one person's role: ``pārstāvji`` → ``pārstāve`` for a woman."""
    entry = role_forms().get(word.lower())
    if entry is None or not entry[2]:
        return word
    return entry[1] if gender == "f" else entry[0]
