"""Paragraph and sentence spans for Latvian news text, by rules (regexes, abbreviation lists)."""

from __future__ import annotations

import functools
import logging
import re

__all__ = [
    "ABBREVIATIONS",
    "FINAL_ABBREVIATIONS",
    "split_paragraphs",
    "split_sentences",
]

logger = logging.getLogger(__name__)

Span = tuple[int, int]

#: Abbreviations (lower-case, without their final period) after which a sentence never ends.
ABBREVIATIONS: frozenset[str] = frozenset(
    """
    nr t.sk tsk piem g gs gg plkst tel mob fakss k-dze kdze k-gs kgs sk skat apm aptuv vsk psk
    pag nov iel str raj lpp att tab prof doc asoc dr mag bak red sekr priekšs val
    t.i ti t.s ts resp sal u.t.jpr milj tūkst mljrd ekv kv st min
    janv febr apr aug sept okt dec
    biedr
    """.split()
)

#: Abbreviations that often close a sentence: a capital letter after them starts a new one.
FINAL_ABBREVIATIONS: frozenset[str] = frozenset({"u.c", "utt", "u.t.t", "u.tml", "u.t.ml", "uc"})

# A paragraph line longer than this is never taken as part of a hard-wrapped block.
_WRAP_MAX = 120
# In a hard-wrapped block, lines at least this share of the widest line are mid-paragraph.
_WRAP_FULL = 0.7
# A line that runs on into a lower-case line is one paragraph with it when at least this long.
_RUN_ON_MIN = 40

# A list item: a bullet sign, "1." / "1)" before a non-lower-case word, or "a)" / "a.".
_BULLET = re.compile(
    r"[^\S\n]*(?:[-–—•*·▪●◦○■□➢►✓]|(?P<num>\(?\d{1,3}[.)])|\(?[a-z][.)])[^\S\n]+(?P<first>\S)"
)
_LINE_END_PUNCT = frozenset(".!?…:;")
_CLOSERS = "\"'”’»)]}"
_OPENERS = "\"'“„«‘([{"
_DASHES = frozenset("–—-,;:")

# A candidate end: terminal punctuation, closing quotes or brackets, then white space.
_CANDIDATE = re.compile(r"(?P<punct>\.{2,}|…|[.!?]+)(?P<close>[\"”’»)\]]*)(?P<gap>\s+)")
_INITIAL = re.compile(r"[A-ZĀČĒĢĪĶĻŅŠŪŽ]|D[žŽ]|C[hH]")
_ORDINAL = re.compile(r"\d{1,4}")
_FULL_DATE = re.compile(r"\d{1,2}\.\d{1,2}\.\d{4}")
_DOTTED_CODE = re.compile(r"(?=[\w./-]*\d)[\w]+(?:[./-][\w]+)+")
# A clock time or a decimal ("23.59", "10.3") ends a sentence like any number: "… plkst. 23.59."
_TIME_OR_DECIMAL = re.compile(r"\d{1,4}[.:]\d{1,2}")
# A full stop glued to the next sentence: "…Anna Liepa.Arī Tukuma…" (a word of two or more
# lower-case letters, the period, a capitalised word).
_GLUED = re.compile(r"(?<=[^\W\d_][a-zāčēģīķļņšūž])\.(?=[A-ZĀČĒĢĪĶĻŅŠŪŽ][a-zāčēģīķļņšūž]{2})")
_WEB_TOKEN = re.compile(r"(?:https?://|www\.|@)|\.(?:lv|com|org|eu|net|gov|edu|info)\b", re.I)
# Quotes whose full stops are part of a title: “Kopiena. Vērtības. Līdzdalība.”
_SHORT_QUOTE = re.compile(r"[“„«]([^“”„«»\n]{1,60})[”»]|\"([^\"\n]{1,60})\"")
_WEB = re.compile(r"(?:https?://|www\.)|@")
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


def _lines(text: str, start: int, end: int) -> list[Span]:
    """Spans of the lines in ``text[start:end]``, trimmed; blank lines give (s, s)."""
    out: list[Span] = []
    pos = start
    while pos <= end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        s, e = pos, stop
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        out.append((s, e))
        if nl < 0:
            break
        pos = nl + 1
    return out


def _ends_sentence(line: str) -> bool:
    """True when the line ends in sentence punctuation (closing quotes aside)."""
    stripped = line.rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in _LINE_END_PUNCT


def _is_list_item(line: str) -> bool:
    """True when the line starts like a list item ("- …", "• …", "2. Sabiedrība", "a) …").

    A number followed by a lower-case word is an ordinal running on ("1. līdz 7. jūlijam").
    """
    m = _BULLET.match(line)
    return m is not None and not (m.group("num") and m.group("first").islower())


def _starts_lower(line: str) -> bool:
    stripped = line.lstrip(_OPENERS)
    return bool(stripped) and stripped[0].islower()


def _block_paragraphs(text: str, lines: list[Span]) -> list[Span]:
    """Group the non-blank lines of one block (between blank lines) into paragraphs."""
    widths = [e - s for s, e in lines]
    widest = max(widths)
    inner = lines[:-1]
    wrapped = False
    if len(lines) >= 3 and widest <= _WRAP_MAX:
        full = sum(1 for w in widths[:-1] if w >= _WRAP_FULL * widest)
        lower_next = sum(1 for s, e in lines[1:] if _starts_lower(text[s:e]))
        wrapped = full >= 0.6 * len(inner) and lower_next >= 0.5 * len(inner)
    out: list[Span] = []
    p_start, p_end = lines[0]
    for (a_s, a_e), (b_s, b_e) in zip(lines, lines[1:]):
        a, b = text[a_s:a_e], text[b_s:b_e]
        if _is_list_item(b):
            join = False
        elif wrapped:
            join = (a_e - a_s) >= _WRAP_FULL * widest
        else:
            join = not _ends_sentence(a) and _starts_lower(b) and len(a) >= _RUN_ON_MIN
        if join:
            p_end = b_e
        else:
            out.append((p_start, p_end))
            p_start, p_end = b_s, b_e
    out.append((p_start, p_end))
    return out


@functools.lru_cache(maxsize=16)
def _paragraphs(text: str) -> tuple[Span, ...]:
    out: list[Span] = []
    block: list[Span] = []
    for s, e in _lines(text, 0, len(text)):
        if s == e:
            if block:
                out.extend(_block_paragraphs(text, block))
                block = []
        else:
            block.append((s, e))
    if block:
        out.extend(_block_paragraphs(text, block))
    return tuple(out)


def split_paragraphs(text: str) -> list[Span]:
    """Paragraph spans of ``text``, trimmed of white space, in order.

    Blank lines always separate paragraphs. Inside a block a single newline separates them
    too (web text often puts one newline between paragraphs, and headlines, signatures and
    list items stand on their own lines), except where the block is hard-wrapped (many
    lines of nearly equal width running on in lower case) or a long line without final
    punctuation runs on into a lower-case line.

    Args:
        text: The whole text.

    Returns:
        (start, end) offsets into ``text``; together they cover all its non-space characters.
    """
    return list(_paragraphs(text))


def _token_before(text: str, pos: int, floor: int) -> str:
    """The white-space-delimited token ending at ``pos``, without brackets or quotes."""
    s = pos
    while s > floor and not text[s - 1].isspace():
        s -= 1
    return text[s:pos].strip(_OPENERS + _CLOSERS)


def _plain_word(token: str) -> bool:
    """True for an ordinary word (no abbreviation, initial or number) that may end a sentence."""
    return (
        len(token) >= 2
        and _WORD.fullmatch(token) is not None
        and token.lower() not in ABBREVIATIONS
        and _INITIAL.fullmatch(token) is None
    )


def _keeps_sentence_open(token: str) -> bool:
    """True when a period after ``token`` is part of it, not a sentence end (before a capital)."""
    low = token.lower()
    if low in ABBREVIATIONS or _INITIAL.fullmatch(token) or _ORDINAL.fullmatch(token):
        return True
    if low in FINAL_ABBREVIATIONS or _WEB.search(token) or _FULL_DATE.fullmatch(token):
        return False
    if _TIME_OR_DECIMAL.fullmatch(token):
        return False
    return _DOTTED_CODE.fullmatch(token) is not None


def _is_boundary(text: str, m: re.Match[str], floor: int, ceiling: int) -> bool:
    """Decide whether the candidate ``m`` ends a sentence."""
    nxt = m.end()
    while nxt < ceiling and text[nxt] in _OPENERS:
        nxt += 1
    if nxt >= ceiling:
        return False
    first = text[nxt]
    if first.islower() or first in _DASHES:
        return False  # "“…!” skaidro I.Reinholde", "No 21. līdz 25. novembrim"
    punct = m.group("punct")
    if punct != ".":
        return True  # "!", "?", "…", "..."
    token = _token_before(text, m.start("punct"), floor)
    if not first.isupper():
        return _plain_word(token)  # "… 80 jauniešu. 2024. gadā …" but not "Nr. 3.1.1.2.i"
    if _ORDINAL.fullmatch(token) and _ends_address(text, m.start("punct"), floor):
        return True  # "… Rīgas ielā 10. Dalība …": a house number, not an ordinal
    return not _keeps_sentence_open(token)


def _ends_address(text: str, dot: int, floor: int) -> bool:
    """Whether the number before ``dot`` is the house number of a street address."""
    from youthbot.text.venues import find_addresses

    return any(b == dot for _, b in find_addresses(text, max(floor, dot - 80), dot))


def _sentences_in(text: str, start: int, end: int) -> list[Span]:
    """Sentence spans of one paragraph region ``text[start:end]``."""
    # a short quote with full stops inside is a title; its last one ends the sentence only
    # before a capital ("… “Kopiena. Vērtības. Līdzdalība.” 13. februārī …" is one sentence)
    titles = [
        (m.start(), m.end())
        for m in _SHORT_QUOTE.finditer(text, start, end)
        if len(re.findall(r"[.!?]\s", m.group(0))) >= 1
    ]

    def in_title(pos: int) -> bool:
        return any(a < pos < b - 1 for a, b in titles)

    cuts: list[tuple[int, int]] = []  # (end of a sentence, start of the next)
    for m in _CANDIDATE.finditer(text, start, end):
        if m.end() >= end:
            continue
        if in_title(m.start("punct")):
            if m.group("close") == "" or not text[m.end() : m.end() + 1].isupper():
                continue
        if _is_boundary(text, m, start, end):
            cuts.append((m.start("gap"), m.end()))
    for m in _GLUED.finditer(text, start, end):
        if not in_title(m.start()) and _glued_boundary(text, m.start(), start, end):
            cuts.append((m.end(), m.end()))
    out: list[Span] = []
    s = start
    for cut_end, next_start in sorted(cuts):
        out.append((s, cut_end))
        s = next_start
    out.append((s, end))
    trimmed: list[Span] = []
    for a, b in out:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            trimmed.append((a, b))
    return trimmed


def _glued_boundary(text: str, dot: int, floor: int, ceiling: int) -> bool:
    """Whether a period with no space after it ends a sentence ("Liepa.Arī").

    Not inside a web address or e-mail ("Saulkrasti.Lv", "info@Ogre.lv"), not after an
    abbreviation or a word with a capital inside it (a brand: "MeYou.One").
    """
    a = dot
    while a > floor and not text[a - 1].isspace():
        a -= 1
    b = dot
    while b < ceiling and not text[b].isspace():
        b += 1
    token = text[a:b]
    if _WEB_TOKEN.search(token):
        return False
    word = _token_before(text, dot, a)
    if not _plain_word(word) or any(ch.isupper() for ch in word[1:]):
        return False
    after = text[dot + 1 : b].rstrip(_CLOSERS + ".,;:!?")
    return not any(ch.isupper() for ch in after[1:]) and "." not in after


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans of ``text[start:end]``, as offsets into ``text``.

    Sentences never cross a paragraph (see ``split_paragraphs``, computed on the whole
    text so that a region gives the same spans as the whole). A sentence ends at "!", "?",
    "…" and at ". " before a capital letter, also after a closing quote, unless the word
    before the period is an abbreviation ("t.sk.", "plkst.", "Nr."), an initial
    ("Z. Meldrāja") or an ordinal ("5. Saeima"); it never ends before a lower-case word
    ("No 21. līdz 25. novembrim", "“…!” skaidro I.Reinholde"). Periods without a space
    after them ("26.janvārī", "2.5", "Nr.4.2.3.4/1/2024/I/001", URLs, e-mails) never end one.

    Args:
        text: The whole text.
        start: Offset where the region begins.
        end: Offset where it ends (default: the end of ``text``).

    Returns:
        Non-empty, white-space-trimmed (start, end) spans covering every non-space
        character of the region.
    """
    stop = len(text) if end is None else min(end, len(text))
    start = max(0, start)
    out: list[Span] = []
    for p_start, p_end in _paragraphs(text):
        if p_end <= start:
            continue
        if p_start >= stop:
            break
        out.extend(_sentences_in(text, max(p_start, start), min(p_end, stop)))
    return out
