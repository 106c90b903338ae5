"""Organisations: head nouns with their genitive modifiers, quoted names and abbreviations."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from youthbot.text.dates import month_number
from youthbot.text.morphology import ADJECTIVE, CASES, adjective_nominative, decline
from youthbot.text.names import read_given
from youthbot.text.normalize import fold
from youthbot.text.org_words import (
    CAP_MODIFIERS,
    COMPOUND_HEADS,
    DESCRIPTOR_HEADS,
    HEADS,
    LEGAL_FORMS,
    MOD_ENDINGS,
    NEEDS_BEFORE,
    NOT_ORG_ACRONYMS,
    PART_HEADS,
    QUOTE_HEADS,
    STOP,
    TITLE_STEMS,
)
from youthbot.text.places import gazetteer
from youthbot.text.stopwords import LATVIAN_STOPWORDS
from youthbot.text.tokens import Token, is_common_word, is_verb, quoted, tokens

_ROMAN = re.compile(r"[IVXLCDM]+")


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
    declined = decline(base)
    out: dict[str, tuple[str, str, bool]] = {}
    for (number, case), form in declined.items():
        if number == "pl":
            out.setdefault(form, (base, case, True))
    for (number, case), form in declined.items():
        if number == "sg":
            out[form] = (base, case, False)
    return out


@lru_cache(maxsize=1)
def head_forms() -> dict[str, tuple[str, str, bool]]:
    """Every case form of every head noun → ``(base, case, plural)``."""
    out: dict[str, tuple[str, str, bool]] = {}
    for base in HEADS:
        out.update(_forms(base))
    return out


@lru_cache(maxsize=20_000)
def head_reading(word: str) -> tuple[str, str, bool] | None:
    """``(base, case, plural)`` when ``word`` is a form of a head noun, compounds included
    (``pamatskolām`` → ``("pamatskola", "dat", True)``); None otherwise."""
    low = word.lower()
    reading = head_forms().get(low)
    if reading is not None:
        return reading
    for head in COMPOUND_HEADS:
        stem = head[:-1] if head.endswith(("a", "s")) else head
        i = low.rfind(stem)
        if i >= 3:
            reading = head_forms().get(low[i:])
            if reading is not None and reading[0] == head:
                return low[:i] + reading[0], reading[1], reading[2]
    return None


@lru_cache(maxsize=1)
def _known_rows() -> list[tuple[str, str, str]]:
    raw = resources.files("youthbot.text").joinpath("data/orgs_lv.tsv").read_text("utf-8")
    rows = []
    for line in raw.splitlines():
        if line and not line.startswith("#"):
            name, abbr, kind = (line.split("\t") + ["", ""])[:3]
            rows.append((name, abbr, kind))
    return rows


@lru_cache(maxsize=1)
def known_abbreviations() -> dict[str, tuple[str, str]]:
    """Abbreviation → ``(full name, kind)`` from the shipped ``data/orgs_lv.tsv``."""
    out: dict[str, tuple[str, str]] = {}
    for name, abbr, kind in _known_rows():
        if abbr:
            out.setdefault(abbr, (name, kind))
    return out


@lru_cache(maxsize=1)
def known_names() -> dict[str, tuple[str, str]]:
    """Case form of a one-word institution's name (``Saeimā``) → ``(name, case)``."""
    out: dict[str, tuple[str, str]] = {}
    for name, _, _ in _known_rows():
        if " " not in name:
            for (number, case), form in decline(name).items():
                if number == "sg":
                    out.setdefault(form, (name, case))
    return out


@lru_cache(maxsize=1)
def _abbreviation_of() -> dict[str, str]:
    return {fold(full): abbr for abbr, (full, _) in known_abbreviations().items()}


def head_gender(base: str) -> str:
    """``f`` for a feminine head noun (``-a``, ``-e``), else ``m``."""
    return "f" if base.endswith(("a", "e")) else "m"


def nominative_phrase(words: list[str], head_base: str, case: str) -> list[str]:
    """Turn a head's agreeing adjectives to the nominative (``Sociālā fonda`` → ``Sociālais``).

    Genitives may stand between the adjective and its head (``Multifunkcionālā jaunatnes
    iniciatīvu centra``): every word carrying the definite ending of the head's case turns.
    """
    if case == "nom":
        return list(words)
    gender = head_gender(head_base)
    ending = ADJECTIVE[gender]["sg"][CASES.index(case)]  # type: ignore[index, arg-type]
    out = list(words)
    for k, w in enumerate(out):
        if w.endswith(ending) and not (gender == "f" and case == "gen" and k < len(out) - 1):
            out[k] = adjective_nominative(w, gender, case)  # type: ignore[arg-type]
    return out


def is_modifier(tok: Token) -> bool:
    """Whether a word can stand before a head noun in a name (a genitive or an adjective).

    Capitalised words qualify unless they read as a nominative name (``Didzis``, ``Zemmers``):
    a place form or ``Valsts`` still does.
    """
    if tok.is_cap:
        if tok.is_upper or tok.text in CAP_MODIFIERS or gazetteer().lookup(tok.text):
            return True
        if tok.text.lower() in LATVIAN_STOPWORDS:
            return False
        if any(r.case == "nom" for r in read_given(tok.text)):
            return False
        if len(tok.text) == 1:
            return True  # an initial: "A.Brigaderes pamatskola"
        return tok.text.endswith(MOD_ENDINGS) and not re.search(r"([^aeiuāēīū]s|is|š)$", tok.text)
    low = tok.text
    if low in STOP or low in LATVIAN_STOPWORDS or is_verb(low) or month_number(low):
        return False  # "14. martā Kuldīgas … centrs": a date is no part of a name
    return low == "valsts" or low.endswith(MOD_ENDINGS)


def _person_word(tok: Token) -> bool:
    """Whether a word is a given name in a case no name of a thing takes (not the genitive)."""
    readings = read_given(tok.text)
    return bool(readings) and not any(r.case == "gen" for r in readings)


def _only_spaces(text: str, a: Token, b: Token) -> bool:
    return re.fullmatch(r" {1,3}", text[a.end : b.start]) is not None


def find_orgs(text: str, sentences: list[tuple[int, int]]) -> list[OrgMention]:
    """Organisations named in each sentence.

    Found: a head noun (``pašvaldība``, ``centrs``, ``pamatskola`` …) with the genitives and
    adjectives before it (``Gulbenes novada domes Izglītības, kultūras un sporta nodaļa``) or
    a quoted name after it (``biedrība “House of Hope”``); a company's legal form with its
    quoted name (``SIA “Akselss”``); abbreviations, known (``VIAA``) or not (an all-capitals
    word of two to six letters inside a sentence); a plural head after a list of names
    (``Siguldas, Krimuldas un Mālpils pašvaldībām``, ``Augstkalnes, Bēnes un Bikstu
    pamatskolām``) gives one organisation per name.

    Args:
        text: The whole document text.
        sentences: Sentence spans (capitalised first words are judged with them).

    Returns:
        Mentions in text order.
    """
    out: list[OrgMention] = []
    abbrs = known_abbreviations()
    gz = gazetteer()
    for s, e in sentences:
        toks = tokens(text, s, e)
        first_word = toks[0].start if toks else -1
        before = len(out)
        lower_words = sum(1 for t in toks if t.text.islower())
        quotes = quoted(text, s, e)
        quoted_end = -1
        for i, tok in enumerate(toks):
            if len(out) > before and "“" in out[-1].name and out[-1].start < tok.start:
                quoted_end = max(quoted_end, out[-1].end)
            if tok.start < quoted_end:
                continue  # a head word inside a quoted name: biedrība “Jauniešu iniciatīvu fonds”
            in_code = (
                tok.start > 0
                and text[tok.start - 1 : tok.start] in "/.-0123456789"
                or text[tok.end : tok.end + 1] in ("/", "-")
                or text[tok.end : tok.end + 1].isdigit()
            )
            if tok.is_upper and (in_code or tok.text in LEGAL_FORMS):
                if tok.text in LEGAL_FORMS and not in_code:
                    mention = _legal_form(text, tok, quotes)
                    if mention is not None:
                        out.append(mention)
                continue  # "…/22/I/VARAM/001" is a project number, not the ministry
            if tok.is_upper and tok.text in abbrs and (len(tok.text) >= 3 or tok.text == "ES"):
                name, kind = abbrs[tok.text]
                out.append(OrgMention(name, kind, tok.text, "nom", tok.start, tok.end))
                continue
            if tok.text in known_names() and tok.start != first_word:
                name, case = known_names()[tok.text]
                out.append(OrgMention(name, name.lower(), "", case, tok.start, tok.end))
                continue
            if tok.is_upper:
                if _acronym(text, toks, i, lower_words):
                    out.append(OrgMention(tok.text, "", tok.text, "nom", tok.start, tok.end))
                continue
            reading = head_reading(tok.text)
            if reading is None:
                continue
            base, case, plural = reading
            need = NEEDS_BEFORE.get(base)
            if need and (i == 0 or toks[i - 1].text not in need):
                continue
            if plural:
                out.extend(_name_list(text, toks, i, base))
                continue
            mention = _singular(text, toks, i, base, case, first_word, abbrs, gz.lookup)
            if mention is not None and base in PART_HEADS:
                cut = mention.name.find(" “")
                words = (mention.name[:cut] if cut > 0 else mention.name).split()[:-1]
                if any(head_reading(w) is not None for w in words):
                    continue  # "… sporta centra jauniešu telpa": a room of the centre named
            if mention is not None:
                out.append(mention)
        bare = _bare_quoted(text, toks, quotes, out[before:])
        if bare:
            out.extend(bare)
            out[before:] = sorted(out[before:], key=lambda o: o.start)
    return out


def _acronym(text: str, toks: list[Token], i: int, lower_words: int) -> bool:
    """Whether an all-capitals word inside a sentence is an unknown organisation's acronym."""
    tok = toks[i]
    word = tok.text
    if not 2 <= len(word) <= 6 or word in NOT_ORG_ACRONYMS or _ROMAN.fullmatch(word):
        return False
    if lower_words < 2:
        return False  # a heading written in capitals
    for j in (i - 1, i + 1, i - 2, i + 2):
        if 0 <= j < len(toks) and toks[j].is_upper and abs(toks[j].start - tok.start) < 12:
            return False  # "PROTI un DARI": a run of capitals is a title or a heading
    return text[tok.end : tok.end + 1] not in (".", "-") or text[tok.end + 1 : tok.end + 2] == " "


def _legal_form(text: str, tok: Token, quotes: list[tuple[int, int]]) -> OrgMention | None:
    """``SIA “Akselss”``: a legal form and the quoted name right after it."""
    for qs, qe in quotes:
        if 0 < qs - tok.end <= 3 and qe - qs <= 80:
            inner = squash_quotes(text[qs:qe])
            end = qe + 1 if qe < len(text) and text[qe] in "”\"»“'’" else qe
            return OrgMention(f"{tok.text} “{inner}”", "uzņēmums", "", "nom", tok.start, end)
    return None


def _after_quote(text: str, end: int) -> int:
    """The offset just past the closing quote of a quoted run ending at ``end``."""
    return end + 1 if end < len(text) and text[end] in "”\"»“'’" else end


def _bare_quoted(
    text: str, toks: list[Token], quotes: list[tuple[int, int]], found: list[OrgMention]
) -> list[OrgMention]:
    """Quoted names standing alone (``“Lattelecom”``, ``«Lido»``): companies, media and clubs
    in news text; a quoted title (a project, an event, a work) has its noun before it."""
    out: list[OrgMention] = []
    for qs, qe in quotes:
        inner = squash_quotes(text[qs:qe])
        words = inner.split(" ")
        if not inner[:1].isupper() or len(words) > 4 or len(inner) > 40:
            continue
        if re.search(r"[.!?,;:]", inner) or any(o.start <= qs < o.end for o in found):
            continue
        if sum(1 for w in words if w[:1].islower()) > 1:
            continue  # a phrase, not a name
        before = [t for t in toks if t.end <= qs][-2:]
        after = [t for t in toks if t.start >= qe][:2]
        if any(t.text.lower().startswith(TITLE_STEMS) or _titled(t.text) for t in before + after):
            continue
        nxt = after[0] if after and after[0].start - qe <= 3 else None
        if nxt is not None and nxt.text.islower() and head_reading(nxt.text) is None:
            if nxt.text.endswith(("ā", "ē", "ī", "os", "ās", "ēs")) and not is_verb(nxt.text):
                continue  # "“Relax” pieturā": the quote names the place after it
        if before and head_reading(before[-1].text) is not None:
            continue  # "centru „Bāze”": the head's own name, found with it
        case = "loc" if words[-1].endswith(("ā", "ē", "ī", "ū", "ās", "ēs")) else "nom"
        out.append(OrgMention(f"“{inner}”", "", "", case, qs - 1, _after_quote(text, qe)))
    return out


def _titled(word: str) -> bool:
    """A compound title noun (``fotoizstādi``, ``dziesmu``): a title stem inside the word."""
    low = word.lower()
    return len(low) > 6 and any(stem in low[2:] for stem in ("izstād", "konkurs", "projekt"))


def squash_quotes(s: str) -> str:
    """A quoted name's inner text with its white space collapsed."""
    return re.sub(r"\s+", " ", s).strip()


def _item_before(text: str, toks: list[Token], j: int) -> int | None:
    """Start index of a list item (one to three capitalised genitives) ending at ``toks[j]``."""
    if not (toks[j].is_cap and is_modifier(toks[j])):
        return None
    k = j
    while k - 1 >= 0 and j - k < 2 and _only_spaces(text, toks[k - 1], toks[k]):
        prev = toks[k - 1]
        if not (prev.is_cap and is_modifier(prev)):
            break
        k -= 1
    return k


def _name_list(text: str, toks: list[Token], i: int, base: str) -> list[OrgMention]:
    """One organisation per name of a list before a plural head: ``A, B un C pamatskolām``."""
    items: list[tuple[int, int]] = []
    j = i - 1
    if j < 0 or not _only_spaces(text, toks[j], toks[i]):
        return []
    while j >= 0:
        k = _item_before(text, toks, j)
        if k is None:
            break
        items.append((k, j))
        gap = text[toks[k - 1].end : toks[k].start] if k > 0 else ""
        if k > 0 and gap.strip() == "," and toks[k - 1].is_cap:
            j = k - 1
        elif k > 1 and toks[k - 1].text == "un" and _only_spaces(text, toks[k - 2], toks[k - 1]):
            j = k - 2
        else:
            break
    if len(items) < 2:
        return []
    head = toks[i]
    out = []
    for k, j in items[::-1]:
        words = " ".join(t.text for t in toks[k : j + 1])
        out.append(OrgMention(f"{words} {base}", base, "", "nom", toks[k].start, head.end))
    return out


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
    coordinated = False
    while j >= 0 and len(chain) < 10:
        gap = text[toks[j].end : toks[j + 1].start]
        listed = coordinated and gap == ", " and toks[j + 1].text.islower()
        if not (_only_spaces(text, toks[j], toks[j + 1]) or listed):
            break  # "Izglītības, kultūras un sporta nodaļa": commas inside a coordination
        tok = toks[j]
        if tok.text == "un":
            if not chain or j == 0 or not is_modifier(toks[j - 1]):
                break
            if j >= 2 and toks[j - 1].is_cap and _person_word(toks[j - 2]):
                break  # "… vadītāju Laumu Kļaviņu un Stendes pamatskolas": a person before
            if head_reading(toks[j - 1].text) is not None:
                break  # "… ģimnāzijas un … vidusskola": two organisations, not one name
            coordinated = True
        elif not is_modifier(tok):
            break
        elif tok.is_cap and j > 0 and _nominative_given(toks[j - 1]):
            break  # "… pārstāve Inga Vītola aģentūrai LETA": a person's name, not a modifier
        chain.insert(0, tok)
        j -= 1
    if j >= 0 and len(toks[j].text) == 1 and toks[j].is_cap and chain:
        if re.fullmatch(r"\.\s?", text[toks[j].end : toks[j + 1].start]):
            chain.insert(0, toks[j])  # an initial: "A.Brigaderes pamatskola"
    quoted_span = None
    rest = text[head.end : head.end + 3]
    if base == "māja" and text[head.end : head.end + 5].strip().startswith("lap"):
        return None  # "mājas lapā" is a web site
    if base in QUOTE_HEADS and re.match(r"\s?[“„\"«]", rest):
        spans = quoted(text, head.end, min(len(text), head.end + 160))
        if spans and spans[0][0] - head.end <= 4:
            quoted_span = spans[0]
    while chain and (not chain[0].is_cap or chain[0].text == "un"):
        if quoted_span is not None and chain[0].text != "un":
            break
        chain.pop(0)
    if (
        len(chain) >= 2
        and chain[0].start == first_word
        and chain[1].is_cap
        and chain[0].text.endswith(("u", "am", "ai", "ā", "os", "ās", "iem", "ām"))
        and is_common_word(chain[0].text)
    ):
        chain.pop(0)  # "Finansējumu Jauniešu dome …": a sentence's first word, not the name's
    strong = HEADS.get(base, False)
    while chain and chain[0].start == first_word and chain[0].is_cap and quoted_span is None:
        if lookup(chain[0].text) or (strong and len([t for t in chain if t.text != "un"]) >= 2):
            break
        if chain[0].text in CAP_MODIFIERS and len(chain) >= 2:
            break  # "Valsts izglītības satura centra eksperte …": a state body's name
        chain.pop(0)
        while chain and (chain[0].text == "un" or not chain[0].is_cap) and quoted_span is None:
            chain.pop(0)
    if quoted_span is not None and base in DESCRIPTOR_HEADS and head.text.islower():
        inner = squash_quotes(text[quoted_span[0] : quoted_span[1]])
        return OrgMention(
            f"“{inner}”", base, "", case, quoted_span[0] - 1, _after_quote(text, quoted_span[1])
        )
    if not chain and quoted_span is None:
        return None
    words = nominative_phrase([t.text for t in chain], base, case)
    head_word = base if head.text.islower() else base[:1].upper() + base[1:]
    name = _join_words(text, chain, words + [head_word])
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


def _join_words(text: str, chain: list[Token], words: list[str]) -> str:
    """The name's words joined as written: "A.Brigaderes", "Izglītības, kultūras un sporta"."""
    out = ""
    for n, w in enumerate(words):
        if n == 0:
            out = w
            continue
        if n < len(chain):
            gap = text[chain[n - 1].end : chain[n].start]
            sep = ", " if gap == ", " else "." if gap == "." else ". " if gap == ". " else " "
        else:
            sep = " "
        out += sep + w
    return out


def _nominative_given(tok: Token) -> bool:
    """A capitalised word that reads only as a given name in the nominative (``Inga``)."""
    readings = read_given(tok.text)
    return bool(readings) and all(r.case == "nom" for r in readings)


def org_key(name: str) -> str:
    """The key joining mentions of one organisation: folded, quotes and spacing dropped."""
    return re.sub(r"\s+", " ", re.sub(r"[“”„\"«»]", "", fold(name))).strip()
