"""Verbs that report an event: it happened, people went to it or took part, someone did it.

"Kad notika forums?", "Kas no Ogres devās uz Lietuvu?", "Ko darījis projekts?": these verbs
say a question is about an event (not "Kur atrodas centrs?", where something is). They are
listed as word forms, not stems, because the short Latvian stems meet auxiliaries ("tiek",
"tika" are not "tikties"). Verbs that tie a person to an action (vadīja, organizēja,
piedalījās …) are relations (``youthbot.text.relations``), not repeated here.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from youthbot.text.normalize import fold

__all__ = ["HAPPENINGS", "Happening", "happening_of", "happenings_in"]

Happening = Literal["happen", "attend", "do"]

#: Each kind of happening → its Latvian verb forms (present, past, future, participles) and
#: English forms ("did" and "does" are auxiliaries, so not ``do``). "take place" is read as
#: one verb by ``happenings_in``.
HAPPENINGS: dict[Happening, tuple[str, ...]] = {
    "happen": (
        "notiek notika notiks notikt notikusi notikušo notikušā notikušajā notikušais "
        "notikuši notikušas norisinās norisinājās norisināsies norisināties norisinājies "
        "norisinājusies norit noritēja noritēs noritēt pulcējās pulcējas pulcēsies pulcēja "
        "pulcē pulcēs aizvadīja aizvadīts aizvadīta aizvadīti aizvadītas sākās sāksies "
        "happen happens happened happening start starts started begin begins began"
    ).split(),
    "attend": (
        "devās dodas dosies doties devāmies devos brauca brauc brauks braukt braucām "
        "aizbrauca aizbrauks tikās tiksies tikties tikāmies satikās uzstājās uzstājas "
        "uzstāsies uzstāties ieradās ierodas ieradīsies viesojās viesojas viesosies "
        "went go goes travelled traveled visited met meet spoke performed"
    ).split(),
    "do": (
        "darīja dara darīs darīt darījis darījusi darījuši paveica paveic paveiks paveikt "
        "paveicis paveikusi paveikuši do done doing"
    ).split(),
}

_FORMS: dict[str, Happening] = {
    fold(form): kind for kind, forms in HAPPENINGS.items() for form in forms
}
_TAKE = frozenset({"take", "takes", "took", "taken", "taking"})


def happening_of(word: str) -> Happening | None:
    """The happening a verb form reports ("notika" → ``happen``, "devās" → ``attend``,
    "darījis" → ``do``), None for other words; read folded, so diacritics are optional."""
    return _FORMS.get(fold(word))


def happenings_in(words: Sequence[str]) -> list[tuple[int, Happening]]:
    """``(index, happening)`` of each word of ``words`` that reports one, in order.

    English "take place" / "took place" counts as ``happen`` at the index of "place" (and of
    "take").
    """
    out: list[tuple[int, Happening]] = []
    for i, word in enumerate(words):
        low = word.lower()
        if low == "place" and i and words[i - 1].lower() in _TAKE:
            out += [(i - 1, "happen"), (i, "happen")]
            continue
        kind = happening_of(word)
        if kind is not None:
            out.append((i, kind))
    return out
