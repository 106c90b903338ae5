"""Light Latvian stemmer: a Python port of Lucene's ``LatvianStemmer``."""

# Ported from Apache Lucene, org.apache.lucene.analysis.lv.LatvianStemmer
# (Copyright The Apache Software Foundation, Apache License 2.0). The algorithm is a light
# version of Kārlis Kreslins' "A stemming algorithm for Latvian": it strips only the primary
# noun and adjective inflections (case, number, gender, definiteness), keeps at least one
# vowel and three characters in the stem, and undoes palatalisation when a declension
# II, V or VI ending is removed. The affix table, its order and the rules below are Lucene's.

from __future__ import annotations

__all__ = ["stem"]

# (suffix, vowels the suffix holds, whether removing it fires the unpalatalize rules)
_AFFIXES: tuple[tuple[str, int, bool], ...] = (
    ("ajiem", 3, False), ("ajai", 3, False),
    ("ajam", 2, False), ("ajām", 2, False),
    ("ajos", 2, False), ("ajās", 2, False),
    ("iem", 2, True), ("ajā", 2, False),
    ("ais", 2, False), ("ai", 2, False),
    ("ei", 2, False), ("ām", 1, False),
    ("am", 1, False), ("ēm", 1, False),
    ("īm", 1, False), ("im", 1, False),
    ("um", 1, False), ("us", 1, True),
    ("as", 1, False), ("ās", 1, False),
    ("es", 1, False), ("os", 1, True),
    ("ij", 1, False), ("īs", 1, False),
    ("ēs", 1, False), ("is", 1, False),
    ("ie", 1, False), ("u", 1, True),
    ("a", 1, True), ("i", 1, True),
    ("e", 1, False), ("ā", 1, False),
    ("ē", 1, False), ("ī", 1, False),
    ("ū", 1, False), ("o", 1, False),
    ("s", 0, False), ("š", 0, False),
)  # fmt: skip

_VOWELS = frozenset("aeiouāīēū")

# Two-letter endings rewritten after a palatalising suffix is removed (Lucene's order).
_PAIR_RULES: tuple[tuple[str, str], ...] = (
    ("šņ", "sn"),
    ("žņ", "zn"),
    ("šļ", "sl"),
    ("žļ", "zl"),
    ("ļņ", "ln"),
    ("ļļ", "ll"),
)
_LAST_RULES = {"č": "c", "ļ": "l", "ņ": "n"}


def _unpalatalize(stem: str, removed: str) -> str:
    """Undo consonant mutation at the end of ``stem`` (Lucene's ``unpalatalize``).

    The ambiguous alternations (s→š, t→š, d→ž, z→ž) are left alone, as in Lucene.
    """
    if removed[0] == "u":
        # only the genitive plural (-u) of declensions II, V, VI can show these two
        if stem.endswith("kš"):
            return stem[:-1] + "st"
        if stem.endswith("ņņ"):
            return stem[:-2] + "nn"
    if stem.endswith(("pj", "bj", "mj", "vj")):
        return stem[:-1]  # labial consonant + epenthetic j
    for mutated, plain in _PAIR_RULES:
        if stem.endswith(mutated):
            return stem[:-2] + plain
    last = _LAST_RULES.get(stem[-1:]) if stem else None
    if last is not None:
        return stem[:-1] + last
    return stem


def stem(word: str) -> str:
    """Strip the inflectional ending of a lower-case Latvian word ("jauniešiem" → "jauniet").

    Args:
        word: One lower-case word with its diacritics (the stemmer is case-sensitive).

    Returns:
        The stem; the word itself when no ending may be removed.
    """
    n = len(word)
    vowels = sum(1 for ch in word if ch in _VOWELS)
    for suffix, suffix_vowels, palatalizes in _AFFIXES:
        if vowels > suffix_vowels and n >= len(suffix) + 3 and word.endswith(suffix):
            base = word[: n - len(suffix)]
            return _unpalatalize(base, suffix) if palatalizes else base
    return word
