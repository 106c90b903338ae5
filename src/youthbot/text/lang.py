"""Language of a question or text: "lv", "en", or another ISO 639-1 code."""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable

from youthbot.text.normalize import nfc
from youthbot.text.stopwords import ENGLISH_STOPWORDS, LATVIAN_STOPWORDS

__all__ = ["DEFAULT_LANGUAGE", "detect_language", "guess_from_words"]

logger = logging.getLogger(__name__)

#: Returned when nothing in the text tells: the corpus language.
DEFAULT_LANGUAGE = "lv"

_WORD = re.compile(r"[^\W\d_]+")
_LV_ONLY = LATVIAN_STOPWORDS - ENGLISH_STOPWORDS
_EN_ONLY = ENGLISH_STOPWORDS - LATVIAN_STOPWORDS
_LV_LETTERS = frozenset("āēģīķļņ")  # letters Latvian has and Lithuanian lacks
_LT_LETTERS = frozenset("ąęėįų")  # letters Lithuanian has and Latvian lacks
_UK_LETTERS = frozenset("іїєґ")
_LV_LETTER_RE = re.compile("[āēģīķļņčšūž]")
#: Texts of at most this many words are judged by function words before simplemma is asked.
_SHORT = 12


def guess_from_words(words: Iterable[str]) -> str | None:
    """Latvian or English by function words and letters, or None when they do not tell.

    Args:
        words: Lower-case words of the text.

    Returns:
        "lv", "en", or None on a tie.
    """
    lv = en = 0
    for w in words:
        if w in _LV_ONLY:
            lv += 1
        elif w in _EN_ONLY:
            en += 1
        elif not w.isascii() and _LV_LETTER_RE.search(w):
            lv += 1
    if lv == en:
        return None
    return "lv" if lv > en else "en"


def _script_language(letters: str) -> str | None:
    """A language told by its alphabet alone (Cyrillic, Lithuanian letters), else None."""
    cyrillic = sum(1 for ch in letters if "\u0400" <= ch <= "\u04ff")
    if cyrillic * 2 > len(letters):
        return "uk" if any(ch in _UK_LETTERS for ch in letters) else "ru"
    lt = sum(1 for ch in letters if ch in _LT_LETTERS)
    lv = sum(1 for ch in letters if ch in _LV_LETTERS)
    if lt > lv and lt >= 2:
        return "lt"
    return None


def _simplemma_language(text: str) -> str | None:
    """simplemma's verdict among Latvian and English, or None when it is unsure."""
    from youthbot.text.lemmas import language_proportions

    ranked = language_proportions(text, ("lv", "en"))
    best, score = ranked[0]
    return best if best != "unk" and score > 0 else None


@functools.lru_cache(maxsize=4096)
def _detect(text: str) -> str:
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return DEFAULT_LANGUAGE
    by_script = _script_language("".join(words))
    if by_script is not None:
        return by_script
    if len(words) <= _SHORT:
        return guess_from_words(words) or _simplemma_language(text) or DEFAULT_LANGUAGE
    return _simplemma_language(text) or guess_from_words(words) or DEFAULT_LANGUAGE


def detect_language(text: str) -> str:
    """The language ``text`` is written in, as an ISO 639-1 code.

    Short texts (questions) are judged by function words and Latvian letters first, because
    a language model of word frequencies is unreliable on five words; longer texts go to
    ``simplemma.langdetect``. Cyrillic text gives "ru" (or "uk"), Lithuanian letters "lt".
    Results are cached.

    Args:
        text: A question or a passage.

    Returns:
        "lv" or "en" for the two languages the corpus is asked in, another code for
        Cyrillic or Lithuanian text, and "lv" when nothing tells.
    """
    return _detect(nfc(text).strip())
