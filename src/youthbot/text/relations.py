"""Relation verbs: the words that tie people and organisations to what they do, in every form.

"Kas vadīja forumu?" and "Forumu vadīja Ieva Garjāne" meet on the relation ``lead``;
"Pieteikumu uzrakstīja Limbažu Jauniešu centrs" and "Kas uzrakstīja projektu?" on ``write``.
The same table serves the question analysis, the answer stage (a sentence where the asked
relation and the subject meet is preferred) and the directory (who organised, who led).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from youthbot.text.normalize import fold

__all__ = ["RELATIONS", "Relation", "find_relations", "relation_of"]

Relation = Literal[
    "lead",
    "organise",
    "write",
    "implement",
    "coordinate",
    "fund",
    "administer",
    "say",
    "take_part",
    "open",
    "found",
    "host",
    "prepare",
    "support",
]

# relation → Latvian verb stems (the infinitive without -t / -ties) and English forms.
# A Latvian stem is followed by a verbal ending (present, past, future, participles,
# reflexive, the agent noun in -tājs/-tāja), optionally after a prefix ("no-", "sa-", …).
RELATIONS: dict[Relation, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "lead": (
        # heads are leaders: "X vada", "X ir vadītāja", "priekšsēdētāja X", "direktore X"
        (
            "vadī",
            "vad",
            "moderē",
            "moderēj",
            "moderator",
            "vadītāj",
            "priekšsēdētāj",
            "direktor",
            "izpilddirektor",
            "priekšniek",
            "priekšniec",
        ),
        (
            "lead",
            "leads",
            "led",
            "leading",
            "head",
            "heads",
            "headed",
            "chair",
            "chairs",
            "chaired",
            "run",
            "runs",
            "ran",
            "manage",
            "manages",
            "managed",
            "moderated",
            "moderate",
            "hosted",
        ),
    ),
    "organise": (
        ("organizē", "organizēj", "rīko", "rīkoj", "organizator"),
        (
            "organise",
            "organises",
            "organised",
            "organize",
            "organizes",
            "organized",
            "held",
            "hold",
            "holds",
            "arranged",
            "arrange",
        ),
    ),
    "write": (
        ("rakstī", "izstrādā", "izstrādāj", "autor"),
        ("wrote", "write", "writes", "written", "drafted", "developed", "authored"),
    ),
    "implement": (
        ("īsteno", "īstenoj", "realizē", "realizēj", "istenoj", "isteno"),
        (
            "implement",
            "implements",
            "implemented",
            "carried",
            "carries",
            "delivers",
            "delivered",
            "runs",
        ),
    ),
    "coordinate": (
        ("koordinē", "koordinēj", "koordinator"),
        ("coordinate", "coordinates", "coordinated", "coordinator"),
    ),
    "fund": (
        (
            "finansē",
            "finansēj",
            "līdzfinansē",
            "līdzfinansēj",
            "apmaksā",
            "apmaksāj",
            "piešķīr",
            "piešķir",
        ),
        (
            "fund",
            "funds",
            "funded",
            "finance",
            "finances",
            "financed",
            "pays",
            "paid",
            "granted",
            "awards",
            "awarded",
        ),
    ),
    "administer": (
        ("administrē", "administrēj", "pārvalda", "pārvaldī"),
        ("administer", "administers", "administered", "administrates", "manages"),
    ),
    "say": (
        (
            "stāstī",
            "stāsta",
            "teic",
            "teik",
            "sak",
            "uzsvē",
            "uzsver",
            "skaidro",
            "skaidroj",
            "norādī",
            "norāda",
            "atzī",
            "atzīst",
            "dalī",
            "run",
            "runā",
            "runāj",
            "uzrunā",
            "uzrunāj",
            "pauž",
            "pau",
        ),
        (
            "said",
            "says",
            "say",
            "told",
            "tells",
            "explained",
            "explains",
            "noted",
            "stressed",
            "spoke",
            "speaks",
        ),
    ),
    "take_part": (
        ("piedalī", "piedal", "apmeklē", "apmeklēj", "iesaistī", "iesaist"),
        (
            "took",
            "take",
            "takes",
            "attended",
            "attend",
            "attends",
            "participated",
            "participate",
            "joined",
        ),
    ),
    "open": (
        ("atklā", "atklāj", "atvē", "atver"),
        ("opened", "open", "opens", "inaugurated", "launched"),
    ),
    "found": (
        ("dibinā", "dibināj", "izveido", "izveidoj", "izveid"),
        ("founded", "found", "established", "establish", "created", "set"),
    ),
    "host": (
        ("uzņēm", "uzņem", "viesoj", "viesoja", "uzņēma"),
        ("hosted", "host", "hosts", "welcomed", "received"),
    ),
    "prepare": (
        ("sagatavo", "sagatavoj", "sagatavot"),
        ("prepared", "prepare", "prepares", "compiled"),
    ),
    "support": (
        ("atbalstī", "atbalsta", "atbalst", "palīdz", "palīdzē"),
        ("support", "supports", "supported", "helped", "helps", "assisted"),
    ),
}

# Verbal endings after a stem: present (-a, -ā, -u, -i, -ām, -at, -ē), past (-ja, -jām,
# -jāt, -ju, -ji), future (-s, -šu, -sim, -siet), participles (-jis, -jusi, -ts, -ta, -tie,
# -tās, -ot, -dams, -dama, -ošs), reflexive (-ās, -jās, -ties), debitive is "jā-" + stem,
# and the agent noun (-tājs, -tāja, -tāji, -tājas, -tājam, -tājai).
_ENDINGS = re.compile(
    fold(
        r"(t|ties|a|ā|u|i|e|ē|ām|āt|at|ja|jām|jāt|ju|ji|jis|jusi|jušas|juši|s|šu|sim|siet|sies|"
        r"ts|ta|tas|tie|tās|tu|tā|ot|oties|dams|dama|ošs|oša|ās|jās|jāmies|ies|"
        r"tājs|tāja|tāji|tājas|tājam|tājai|tājiem|tājām|tāju|šana|šanā|šanu|šanas|"
        r"ja|jot|joties|ti|tīs|tīsim)?"
    )
)
#: Case endings of an agent-noun stem ("koordinator-s", "direktor-e", "priekšsēdētāj-am").
_AGENT_ENDINGS = re.compile(fold(r"(s|a|e|am|ai|u|i|us|iem|ēm|es|as|ām|ā|ē|is)"))
#: Stems that are agent nouns themselves ("moderator", "priekšniek"), not verbs.
_AGENT_STEM = re.compile(fold(r".*(tor|tāj|niek|niec)$"))
#: Action nouns: vadība/vadībā ("X vadībā"), finansējums, organizēšana (with ``nouns=True``).
_NOUN_ENDINGS = re.compile(
    fold(r"(ba|bā|bu|bas|bai|jums|juma|jumu|jumā|jumi|jumus|jumiem|šana|šanā|šanu|šanas|s|u|a)")
)
#: A stem of three letters or fewer ("vad", "sak", "run") counts only bare and in these
#: present-tense forms ("vada", "vadu", "saka"), never after a prefix or in other forms.
_SHORT_STEM_ENDINGS = frozenset({"a", "u", "i", "ām", "āt", "am", "at"})
#: Verb prefixes, folded as the words they are matched against are ("pār" → "par").
_PREFIXES = tuple(
    fold(p)
    for p in ("", "no", "sa", "pa", "uz", "iz", "at", "ie", "ap", "pār", "pie", "līdz", "jā")
)
#: Prefixes that make another verb of a stem, so its forms name no relation: pavadīt (spend,
#: accompany), izvadīt (see off), ievadīt (enter), atvadīties (say goodbye); parakstīt (sign),
#: pierakstīt (note down), aprakstīt (describe), norakstīt (write off); sadalīt (divide),
#: izdalīt (hand out), atdalīt (separate), iedalīt (allot), padalīt (share out).
_OTHER_VERB_PREFIXES: dict[str, frozenset[str]] = {
    fold(stem): frozenset(fold(p) for p in prefixes)
    for stem, prefixes in {
        "vadī": ("pa", "iz", "ie", "at"),
        "rakstī": ("pa", "pie", "ap", "no"),
        "dalī": ("sa", "iz", "at", "ie", "pa"),
    }.items()
}
_WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _latvian_stems() -> tuple[tuple[str, Relation], ...]:
    pairs = [(fold(stem), rel) for rel, (stems, _) in RELATIONS.items() for stem in stems]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


@lru_cache(maxsize=1)
def _english_forms() -> dict[str, Relation]:
    out: dict[str, Relation] = {}
    for rel, (_, forms) in RELATIONS.items():
        for f in forms:
            out.setdefault(f, rel)
    return out


@lru_cache(maxsize=20_000)
def relation_of(word: str, *, nouns: bool = False) -> Relation | None:
    """The relation a verb form (or agent noun) names: "vadīja" → ``lead``, "rīkotājs" →
    ``organise``, "organized" → ``organise``; None for other words.

    Latvian forms are read folded, so "organizeja" typed without diacritics counts too.
    Latvian words of three letters or fewer never count ("vad" alone is no verb form). With
    ``nouns``, action nouns count too: "vadībā" (under X's lead), "finansējums", "atbalsts".
    """
    low = word.lower()
    english = _english_forms().get(low)
    if english is not None:
        return english  # "led", "ran" are English forms of three letters
    if len(low) <= 3:
        return None
    folded = fold(low)
    for prefix in _PREFIXES:
        if not folded.startswith(prefix):
            continue
        rest = folded[len(prefix) :]
        for stem, rel in _latvian_stems():
            if not rest.startswith(stem):
                continue
            ending = rest[len(stem) :]
            if prefix in _OTHER_VERB_PREFIXES.get(stem, ()):
                return None  # "pavadīju" (spent) is not "vadīju" (led)
            if _AGENT_STEM.fullmatch(stem):
                if not prefix and _AGENT_ENDINGS.fullmatch(ending):
                    return rel  # "koordinatore", "priekšsēdētājam"
                continue
            if len(stem) <= 3 and (prefix or ending not in _SHORT_STEM_ENDINGS):
                continue  # "novadā" is no-vad-ā: a region, not a verb
            if _ENDINGS.fullmatch(ending):
                return rel
            if nouns and not prefix and len(stem) > 3 and _NOUN_ENDINGS.fullmatch(ending):
                return rel  # "vadībā", "finansējumu"
    return None


def find_relations(
    text: str, start: int = 0, end: int | None = None, *, nouns: bool = False
) -> list[tuple[int, int, Relation]]:
    """``(start, end, relation)`` of every relation verb in ``text[start:end]``, in order
    (action nouns too with ``nouns``: see ``relation_of``)."""
    stop = len(text) if end is None else end
    out: list[tuple[int, int, Relation]] = []
    for m in _WORD.finditer(text, start, stop):
        rel = relation_of(m.group(), nouns=nouns)
        if rel is not None:
            out.append((m.start(), m.end(), rel))
    return out
