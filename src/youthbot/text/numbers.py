"""Latvian numbers: cardinal number words in every gender and case, amounts of money, counts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from youthbot.text.normalize import fold

__all__ = ["NumberMention", "find_amounts", "find_counts", "number_word_value", "parse_number"]

# The cardinal stems (one implementation of this fact). Each stem takes the adjective-like
# endings of Latvian cardinals: "viens/viena/vienam/vienu/vienā/vieni/vienas/…",
# "divi/divas/divu/diviem/divām/divos/divās", "četri/četras/četriem/…".
_UNITS: dict[str, int] = {
    "vien": 1,
    "div": 2,
    "trij": 3,
    "četr": 4,
    "piec": 5,
    "seš": 6,
    "septiņ": 7,
    "astoņ": 8,
    "deviņ": 9,
}
#: Endings a unit stem takes (masculine and feminine, every case, singular and plural).
_UNIT_ENDINGS = (
    "s", "a", "am", "u", "ā", "i", "as", "ai", "iem", "us", "os", "ām", "ās", "u", "ē", "e", "es",
)  # fmt: skip
_FOLDED_UNIT_ENDINGS = frozenset(_UNIT_ENDINGS) | {fold(e) for e in _UNIT_ENDINGS}
#: "trīs" (three) is indeclinable in the nominative/accusative; its oblique forms use "trij-".
_INDECLINABLE = {"trīs": 3, "desmit": 10, "simt": 100}
_TEENS = {
    "vienpadsmit": 11,
    "divpadsmit": 12,
    "trīspadsmit": 13,
    "četrpadsmit": 14,
    "piecpadsmit": 15,
    "sešpadsmit": 16,
    "septiņpadsmit": 17,
    "astoņpadsmit": 18,
    "deviņpadsmit": 19,
}
_TENS = {
    "divdesmit": 20,
    "trīsdesmit": 30,
    "četrdesmit": 40,
    "piecdesmit": 50,
    "sešdesmit": 60,
    "septiņdesmit": 70,
    "astoņdesmit": 80,
    "deviņdesmit": 90,
}
#: "simts/simtu/simtiem", "tūkstotis/tūkstoši/tūkstošiem", "miljons/miljoni/miljonu".
_MULTIPLIERS = {
    "simt": 100,
    "simts": 100,
    "simtu": 100,
    "simtus": 100,
    "simti": 100,
    "simtiem": 100,
    "tūkstotis": 1000,
    "tūkstoš": 1000,
    "tūkstoši": 1000,
    "tūkstošus": 1000,
    "tūkstošiem": 1000,
    "tūkstošu": 1000,
    "tūkstoti": 1000,
    "miljons": 1_000_000,
    "miljoni": 1_000_000,
    "miljonu": 1_000_000,
    "miljonus": 1_000_000,
    "miljoniem": 1_000_000,
}
#: English number words, so an English question "how many times" meets its numbers.
_ENGLISH = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "hundred": 100, "thousand": 1000,
}  # fmt: skip

#: Every indeclinable, teen, ten and multiplier word, as written and folded → its value.
_WORD_VALUES: dict[str, int] = {}
for _table in (_INDECLINABLE, _TEENS, _TENS, _MULTIPLIERS):
    for _w, _v in _table.items():
        _WORD_VALUES[_w] = _v
        _WORD_VALUES[fold(_w)] = _v

#: Currency words and signs after (or before) a number: "8500,00 eiro", "€ 500", "1 000 EUR".
_CURRENCY = r"(?:eiro|euro|eur|€|latu|lati|lats|ls)"
_NUM = r"\d{1,3}(?:[  .]\d{3})+(?:[.,]\d{1,2}(?!\d))?|\d+(?:[.,]\d+)?"
_AMOUNT = re.compile(
    rf"(?<![\w.,])(?:(?P<pre>€|EUR)\s?(?P<n1>{_NUM})|(?P<n2>{_NUM})(?:\s?(?P<mult>tūkst\.|milj\.|"
    rf"mljrd\.|tūkstoši|tūkstošiem|tūkstošu|miljoni|miljonu|miljoniem|miljons|miljardi|miljardu|"
    rf"miljardiem|miljards))?\s?(?P<cur>{_CURRENCY}))(?![^\W\d_])",
    re.IGNORECASE,
)
_DIGITS = re.compile(
    r"(?<![\w.,/-])\d{1,3}(?:[  ]\d{3})+(?![\w.,/-]\d)|(?<![\w.,/-])\d+(?![\w/-]|[.,]\d)"
)
_WORD = re.compile(r"[^\W\d_]+")
#: A share: "10.3%", "25 %", "15 procenti" (a count whose unit is "%").
_PERCENT = re.compile(
    r"(?<![\w.,])(\d+(?:[.,]\d+)?)\s?(?:%|procent(?:s|i|u|iem|us|a|am|ā)?\b)", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A number written in a text.

    Attributes:
        start: Offset of its first character.
        end: Offset just past its last character.
        value: The number (an amount keeps its cents).
        unit: ``EUR`` for an amount of money, else the counted noun's surface form ("reizes",
            "jauniešu") or "" when no noun follows.
    """

    start: int
    end: int
    value: float
    unit: str


def parse_number(written: str) -> float | None:
    """The value of a number written with digits: "8500,00" → 8500.0, "1 000" → 1000.0."""
    s = written.replace(" ", "").replace(" ", "")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", s):
        s = s.replace(".", "")
    s = s.replace(",", ".")
    try:
        return float(s)
    except ValueError:
        return None


@lru_cache(maxsize=8192)
def number_word_value(word: str) -> int | None:
    """The value of one Latvian (or English) number word in any case, else None.

    "četras" → 4, "trīsdesmit" → 30, "divpadsmit" → 12, "simtiem" → 100, "trijiem" → 3,
    "septiņām" → 7. Folded input ("cetras") is read too.
    """
    low = word.lower()
    if low in _ENGLISH:
        return _ENGLISH[low]
    if low in _WORD_VALUES:
        return _WORD_VALUES[low]
    folded_word = fold(low)
    for stem, value in _UNITS.items():
        for candidate, st in ((low, stem), (folded_word, fold(stem))):
            if candidate.startswith(st) and candidate[len(st) :] in _FOLDED_UNIT_ENDINGS:
                return value
    return None


def _word_run_value(words: list[str]) -> int | None:
    """The value of a run of number words: "trīsdesmit četras" → 34, "divi simti" → 200."""
    total, current = 0, 0
    for w in words:
        v = number_word_value(w)
        if v is None:
            return None
        if v >= 100:
            current = (current or 1) * v
            if v >= 1000:
                total, current = total + current, 0
        else:
            current += v
    return total + current


def find_amounts(text: str, start: int = 0, end: int | None = None) -> list[NumberMention]:
    """Amounts of money in ``text[start:end]``: "8500,00 eiro", "€ 500", "1,2 milj. EUR"."""
    stop = len(text) if end is None else end
    out: list[NumberMention] = []
    for m in _AMOUNT.finditer(text, start, stop):
        value = parse_number(m.group("n1") or m.group("n2"))
        if value is None:
            continue
        mult = (m.group("mult") or "").lower()
        if mult.startswith("tūkst"):
            value *= 1000
        elif mult.startswith(("miljard", "mljrd")):
            value *= 1_000_000_000
        elif mult.startswith("milj"):
            value *= 1_000_000
        out.append(NumberMention(m.start(), m.end(), value, "EUR"))
    return out


def find_counts(text: str, start: int = 0, end: int | None = None) -> list[NumberMention]:
    """Counts in ``text[start:end]``: numbers in digits or words with the noun they count.

    "trīsdesmit četras reizes" → 34 "reizes"; "145 stundas" → 145 "stundas"; "20 jauniešu"
    → 20 "jauniešu"; a share "10.3%" → 10.3 "%". Amounts of money are left to
    ``find_amounts``; callers drop counts that
    overlap a date, a phone number or a code.
    """
    stop = len(text) if end is None else end
    out: list[NumberMention] = []
    taken = [(a.start, a.end) for a in find_amounts(text, start, stop)]

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for m in _PERCENT.finditer(text, start, stop):
        value = parse_number(m.group(1))
        if value is not None and free(m.start(), m.end()):
            out.append(NumberMention(m.start(), m.end(), value, "%"))
            taken.append((m.start(), m.end()))

    for m in _DIGITS.finditer(text, start, stop):
        if not free(m.start(), m.end()):
            continue
        value = parse_number(m.group())
        if value is None:
            continue
        noun = _WORD.match(text, _skip_space(text, m.end(), stop))
        unit = noun.group() if noun and noun.start() - m.end() <= 2 else ""
        out.append(NumberMention(m.start(), m.end(), value, unit))
    words = list(_WORD.finditer(text, start, stop))
    i = 0
    while i < len(words):
        j = i
        while j < len(words) and number_word_value(words[j].group()) is not None:
            if j > i and not text[words[j - 1].end() : words[j].start()].isspace():
                break
            j += 1
        if j > i and free(words[i].start(), words[j - 1].end()):
            value = _word_run_value([w.group() for w in words[i:j]])
            if value is not None and not _is_pronoun_use(words, i, j):
                unit = words[j].group() if j < len(words) else ""
                out.append(NumberMention(words[i].start(), words[j - 1].end(), float(value), unit))
        i = max(j, i + 1)
    out.sort(key=lambda n: n.start)
    return out


def _skip_space(text: str, pos: int, stop: int) -> int:
    while pos < stop and text[pos] in "  \t":
        pos += 1
    return pos


def _is_pronoun_use(words: list[re.Match[str]], i: int, j: int) -> bool:
    """ "viens no …", "vienā vietā": a lone "viens/viena" is mostly a pronoun, not a count."""
    return j - i == 1 and number_word_value(words[i].group()) == 1
