"""Unicode normalisation and diacritic folding that keeps one output character per input one."""

from __future__ import annotations

import unicodedata

__all__ = ["SOFT_HYPHEN", "fold", "has_diacritics", "nfc"]

# Letters that Unicode does not decompose into base + mark but that readers fold anyway, and
# the non-breaking hyphen, which keys treat as a hyphen ("Bērziņa‑Igaune").
_EXTRA = {"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "ŀ": "l", "ŧ": "t", "\u2011": "-"}


#: U+00AD, a hyphenation hint that is invisible unless a line breaks there: "jaunat\u00adnes"
#: is the word "jaunatnes", so every text drops it before words are read.
SOFT_HYPHEN = "\u00ad"


def nfc(s: str) -> str:
    """The NFC (composed) form of ``s`` without soft hyphens, so "ā" is one code point and
    "jaunat\u00adnes" is one word wherever the text came from."""
    return unicodedata.normalize("NFC", s.replace(SOFT_HYPHEN, "") if SOFT_HYPHEN in s else s)


def _fold_char(ch: str) -> str:
    """Fold one character: lower-case it and drop its diacritics, keeping one character."""
    if unicodedata.combining(ch):
        return ""  # a stray combining mark (NFD input) carries no letter of its own
    low = ch.lower()
    if len(low) != 1:  # "İ".lower() is two code points; keep the length
        low = ch
    low = _EXTRA.get(low, low)
    base = unicodedata.normalize("NFD", low)[0].lower()
    return base if len(base) == 1 and not unicodedata.combining(base) else low


class _FoldTable(dict):
    """``str.translate`` table filled on first sight of each code point."""

    def __missing__(self, key: int) -> str:
        value = _fold_char(chr(key))
        self[key] = value
        return value


_TABLE = _FoldTable()


def fold(s: str) -> str:
    """Lower-case ``s`` and strip its diacritics ("Liepājā" → "liepaja", "Elektrėnų" → "elektrenu").

    Every character maps to exactly one character (ā→a, č→c, ē→e, ģ→g, ī→i, ķ→k, ļ→l, ņ→n,
    š→s, ū→u, ž→z, ė→e, ų→u, į→i, …), so for NFC text ``len(fold(s)) == len(s)`` and an
    offset into the folded string is an offset into ``s``. Stray combining marks are dropped.

    Args:
        s: Any text, preferably NFC.

    Returns:
        The folded text.
    """
    return s.translate(_TABLE)


def has_diacritics(s: str) -> bool:
    """True when folding would change a letter of ``s`` beyond its case."""
    return fold(s) != s.lower()


def strip_diacritics(s: str) -> str:
    """``s`` without diacritics, case kept ("Kurā datumā" → "Kura datuma")."""
    decomposed = unicodedata.normalize("NFD", s)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )
