"""Organisations: head nouns with their genitive modifiers, quoted names and abbreviations."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from youthbot.text.names import read_given
from youthbot.text.normalize import fold
from youthbot.text.places import gazetteer
from youthbot.text.tokens import Token, is_verb, quoted, tokens

# head noun -> gender (paradigm follows from its ending); strong heads may open a sentence
_HEADS: dict[str, bool] = {
    "pašvaldība": True,
    "ministrija": True,
    "aģentūra": True,
    "pārvalde": True,
    "biedrība": True,
    "nodaļa": False,
    "skola": False,
    "ģimnāzija": False,
    "universitāte": True,
    "koledža": False,
    "bibliotēka": False,
    "māja": False,
    "komisija": True,
    "padome": True,
    "dome": True,
    "savienība": True,
    "asociācija": True,
    "apvienība": True,
    "organizācija": False,
    "inspekcija": True,
    "kanceleja": True,
    "akadēmija": False,
    "draudze": False,
    "valde": False,
    "policija": True,
    "slimnīca": False,
    "fundācija": True,
    "centrs": False,
    "nams": False,
    "fonds": True,
    "dienests": True,
    "birojs": False,
    "departaments": True,
    "institūts": True,
    "klubs": False,
    "muzejs": False,
    "teātris": False,
    "sekretariāts": True,
    "parlaments": True,
    "reģions": False,
    "nodibinājums": True,
    "komiteja": True,
    "tīkls": False,
    "kustība": False,
}
# heads whose own name may follow in quotes: biedrība “House of Hope”, centrs “Vizium”
_QUOTE_HEADS = {
    "biedrība",
    "centrs",
    "nodibinājums",
    "klubs",
    "nams",
    "māja",
    "fonds",
    "skola",
    "apvienība",
    "organizācija",
    "muzejs",
    "teātris",
    "ģimnāzija",
    "koledža",
    "asociācija",
    "kustība",
    "tīkls",
}
_NEEDS_BEFORE = {"reģions": {"plānošanas"}}  # "Kurzemes reģions" is a place, not a body
_CASES = ("nom", "gen", "dat", "acc", "loc")
_ADJ = {  # definite adjective endings agreeing with a head: gender -> case -> ending
    "m": {"nom": "ais", "gen": "ā", "dat": "ajam", "acc": "o", "loc": "ajā"},
    "f": {"nom": "ā", "gen": "ās", "dat": "ajai", "acc": "o", "loc": "ajā"},
}
_STOP = {
    "ar",
    "uz",
    "no",
    "par",
    "pie",
    "kā",
    "ka",
    "arī",
    "to",
    "tā",
    "šī",
    "jau",
    "gan",
    "bet",
    "vai",
    "pēc",
    "pret",
    "starp",
    "caur",
    "līdz",
    "bez",
    "kas",
    "kur",
    "kura",
    "kuru",
    "ko",
    "lai",
    "tiek",
    "tika",
    "bija",
    "ir",
    "ietvaros",
    "laikā",
    "tas",
    "tās",
    "visas",
    "savas",
    "savu",
    "mūsu",
    "viņu",
    "tajā",
    "šajā",
    "kopā",
    "tad",
    "tur",
    "citu",
    "citas",
    "ļoti",
    "sadarbībā",
    "iespēja",
    "iespējas",
    "reizēm",
    "tostarp",
    "tikai",
    "vairāk",
    "mazāk",
}
_CAP_MODIFIERS = {"Valsts", "Plus"}
_MOD_ENDINGS = ("as", "es", "us", "u", "a", "ā", "ās", "o", "ais", "ajam", "ajā", "ajai")


@dataclass(frozen=True, slots=True)
class OrgMention:
    """An organisation named in the text.

    Attributes:
        name: Its base name, e.g. ``Ogres novada pašvaldība`` or ``biedrība “House of Hope”``.
        kind: The head noun's base form (``pašvaldība``, ``biedrība``, ``centrs`` ...).
        abbreviation: Its abbreviation when the text or the shipped list gives one.
        case: The case its head noun is in.
        start: Offset of the mention's first character.
        end: Offset just past it.
    """

    name: str
    kind: str
    abbreviation: str
    case: str
    start: int
    end: int


def _forms(base: str) -> dict[str, tuple[str, str, bool]]:
    if base.endswith("a"):
        sg, pl, stem = ("a", "as", "ai", "u", "ā"), ("as", "u", "ām", "as", "ās"), base[:-1]
    elif base.endswith("e"):
        sg, pl, stem = ("e", "es", "ei", "i", "ē"), ("es", "u", "ēm", "es", "ēs"), base[:-1]
    elif base.endswith("is"):
        sg, pl, stem = ("is", "a", "im", "i", "ī"), ("i", "u", "iem", "us", "os"), base[:-2]
    elif base.endswith("s"):
        sg, pl, stem = ("s", "a", "am", "u", "ā"), ("i", "u", "iem", "us", "os"), base[:-1]
    else:
        return {base: (base, "nom", False)}
    out: dict[str, tuple[str, str, bool]] = {}
    for case, ending in zip(_CASES, pl, strict=True):
        out.setdefault(stem + ending, (base, case, True))
    for case, ending in zip(_CASES, sg, strict=True):
        out[stem + ending] = (base, case, False)
    return out


@lru_cache(maxsize=1)
def head_forms() -> dict[str, tuple[str, str, bool]]:
    """Every case form of every head noun → ``(base, case, plural)``."""
    out: dict[str, tuple[str, str, bool]] = {}
    for base in _HEADS:
        out.update(_forms(base))
    return out


@lru_cache(maxsize=1)
def known_abbreviations() -> dict[str, tuple[str, str]]:
    """Abbreviation → ``(full name, kind)`` from the shipped ``data/orgs_lv.tsv``."""
    raw = resources.files("youthbot.text").joinpath("data/orgs_lv.tsv").read_text("utf-8")
    out: dict[str, tuple[str, str]] = {}
    for line in raw.splitlines():
        if line and not line.startswith("#"):
            name, abbr, kind = line.split("\t")[:3]
            out.setdefault(abbr, (name, kind))
    return out


@lru_cache(maxsize=1)
def _abbreviation_of() -> dict[str, str]:
    return {fold(full): abbr for abbr, (full, _) in known_abbreviations().items()}


def head_gender(base: str) -> str:
    """``f`` for a feminine head noun (``-a``, ``-e``), else ``m``."""
    return "f" if base.endswith(("a", "e")) else "m"


def nominative_phrase(words: list[str], head_base: str, case: str) -> list[str]:
    """Turn a head's agreeing adjectives to the nominative (``Sociālā fonda`` → ``Sociālais``)."""
    ends = _ADJ[head_gender(head_base)]
    out = list(words)
    for k in range(len(out) - 1, -1, -1):
        w = out[k]
        if case != "nom" and w.endswith(ends[case]) and len(w) > len(ends[case]) + 3:
            out[k] = w[: -len(ends[case])] + ends["nom"]
        elif not w.endswith(tuple(ends.values())):
            break
    return out


def is_modifier(tok: Token) -> bool:
    """Whether a word can stand before a head noun in a name (a genitive or an adjective).

    Capitalised words qualify unless they read as a nominative name (``Didzis``, ``Zemmers``):
    a place form or ``Valsts`` still does.
    """
    if tok.is_cap:
        if tok.is_upper or tok.text in _CAP_MODIFIERS or gazetteer().lookup(tok.text):
            return True
        if any(r.case == "nom" for r in read_given(tok.text)):
            return False
        return not re.search(r"([^aeiuāēīū]s|is|š)$", tok.text)
    low = tok.text
    if low in _STOP or is_verb(low):
        return False
    return low == "valsts" or low.endswith(_MOD_ENDINGS)


def _only_spaces(text: str, a: Token, b: Token) -> bool:
    return re.fullmatch(r" {1,3}", text[a.end : b.start]) is not None


def find_orgs(text: str, sentences: list[tuple[int, int]]) -> list[OrgMention]:
    """Organisations named in each sentence.

    Args:
        text: The whole document text.
        sentences: Sentence spans (capitalised first words are judged with them).

    Returns:
        Mentions in text order; a plural head after a list of places
        (``Siguldas, Krimuldas un Mālpils pašvaldībām``) gives one organisation per place.
    """
    out: list[OrgMention] = []
    heads = head_forms()
    abbrs = known_abbreviations()
    gz = gazetteer()
    for s, e in sentences:
        toks = tokens(text, s, e)
        first_word = toks[0].start if toks else -1
        before = len(out)
        for i, tok in enumerate(toks):
            if any(o.start < tok.start < o.end and "“" in o.name for o in out[before:]):
                continue  # a head word inside a quoted name: biedrība “Jauniešu iniciatīvu fonds”
            in_code = (
                text[tok.start - 1 : tok.start] in "/.-"
                and tok.start > 0
                or text[tok.end : tok.end + 1] in ("/", "-")
            )
            if in_code and tok.is_upper:
                continue  # "…/22/I/VARAM/001" is a project number, not the ministry
            if tok.is_upper and tok.text in abbrs and (len(tok.text) >= 3 or tok.text == "ES"):
                name, kind = abbrs[tok.text]
                out.append(OrgMention(name, kind, tok.text, "nom", tok.start, tok.end))
                continue
            reading = heads.get(tok.text.lower())
            if reading is None:
                continue
            base, case, plural = reading
            need = _NEEDS_BEFORE.get(base)
            if need and (i == 0 or toks[i - 1].text not in need):
                continue
            if plural:
                out.extend(_place_list(text, toks, i, base))
                continue
            mention = _singular(text, toks, i, base, case, first_word, abbrs, gz.lookup)
            if mention is not None:
                out.append(mention)
    return out


def _place_list(text: str, toks: list[Token], i: int, base: str) -> list[OrgMention]:
    gz = gazetteer()
    places: list[Token] = []
    j = i - 1
    while j >= 0 and any(c == "gen" for _, c in gz.lookup(toks[j].text)):
        places.append(toks[j])
        gap = text[toks[j - 1].end : toks[j].start] if j > 0 else ""
        if j > 0 and gap.strip() == "," and any(c == "gen" for _, c in gz.lookup(toks[j - 1].text)):
            j -= 1
        elif j > 1 and toks[j - 1].text == "un":
            j -= 2
        else:
            break
    if len(places) < 2:
        return []
    head = toks[i]
    return [
        OrgMention(f"{p.text} {base}", base, "", "nom", p.start, head.end) for p in places[::-1]
    ]


def _singular(
    text: str,
    toks: list[Token],
    i: int,
    base: str,
    case: str,
    first_word: int,
    abbrs: dict[str, tuple[str, str]],
    lookup: Callable[[str], list[tuple[str, str]]],
) -> OrgMention | None:
    """The organisation whose (singular) head noun is ``toks[i]``, or None."""
    head = toks[i]
    chain: list[Token] = []
    j = i - 1
    while j >= 0 and len(chain) < 8 and _only_spaces(text, toks[j], toks[j + 1]):
        tok = toks[j]
        if tok.text == "un":
            if not chain or j == 0 or not is_modifier(toks[j - 1]):
                break
        elif not is_modifier(tok):
            break
        chain.insert(0, tok)
        j -= 1
    quoted_span = None
    rest = text[head.end : head.end + 3]
    if base == "māja" and text[head.end : head.end + 5].strip().startswith("lap"):
        return None  # "mājas lapā" is a web site
    if base in _QUOTE_HEADS and re.match(r"\s?[“„\"«]", rest):
        spans = quoted(text, head.end, min(len(text), head.end + 160))
        if spans and spans[0][0] - head.end <= 4:
            quoted_span = spans[0]
    while chain and (not chain[0].is_cap or chain[0].text == "un"):
        if quoted_span is not None and chain[0].text != "un":
            break
        chain.pop(0)
    strong = _HEADS[base]
    while chain and chain[0].start == first_word and chain[0].is_cap:
        if lookup(chain[0].text) or (strong and len([t for t in chain if t.text != "un"]) >= 2):
            break
        chain.pop(0)
        while chain and (chain[0].text == "un" or not chain[0].is_cap) and quoted_span is None:
            chain.pop(0)
    if not chain and quoted_span is None:
        return None
    words = nominative_phrase([t.text for t in chain], base, case)
    head_word = base if head.text.islower() else base[:1].upper() + base[1:]
    name = " ".join(words + [head_word])
    end = head.end
    if quoted_span is not None:
        name += f" “{text[quoted_span[0] : quoted_span[1]]}”"
        end = quoted_span[1] + 1
    elif re.match(r" Plus\b", text[head.end : head.end + 6]):
        name += " Plus"
        end = head.end + 5
    start = chain[0].start if chain else head.start
    abbreviation = ""
    m = re.match(
        r"\s?\(([A-ZĀČĒĢĪĶĻŅŠŪŽ][A-Za-zĀČĒĢĪĶĻŅŠŪŽāčēģīķļņšūž]{1,7})\)", text[end : end + 12]
    )
    if m and m.group(1).upper() == m.group(1):
        abbreviation = m.group(1)
        end += m.end()
    else:
        abbreviation = _abbreviation_of().get(fold(name), "")
    return OrgMention(name, base, abbreviation, case, start, end)


def org_key(name: str) -> str:
    """The key joining mentions of one organisation: folded, quotes and spacing dropped."""
    return re.sub(r"\s+", " ", re.sub(r"[“”„\"«»]", "", fold(name))).strip()
