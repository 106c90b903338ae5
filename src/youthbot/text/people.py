"""Person names in text: by the given-name lexicon, by name shape, and by the contexts that
introduce people (role words, verbs of saying, "Mans vārds ir", bylines and photo credits).

A name is a run of capitalised words. It is a person when its first word is a known given
name in some case ("Inārai Miglānei"), an initial ("I.Reinholde"), or when two unknown words
agree in case and gender as a given name and a surname do ("Henrijam Žakarītim"). A single
word is a person when it is a known given name, the surname or given name of a person the
text names in full, or a capitalised word inside a sentence that has a name's shape and
none of a place's or an organisation's context ("… sacīja Godmanis"). Words inside an
organisation's or a place's name are never people ("A.Brigaderes pamatskola", "Jāņa iela").
Each name comes back in its base form with the gender its context gives it ("Vladislava
Ozola ir …" is a woman; "Andra Kalniņa vadībā" is the genitive of "Andris Kalniņš").
"""

from __future__ import annotations

import bisect
import re
import sys
from dataclasses import dataclass, field

from youthbot.text.morphology import name_endings
from youthbot.text.names import (
    NOT_NAMES,
    clean_name,
    is_common_word_name,
    read_given,
    surname_base,
    surname_readings,
)
from youthbot.text.orgs import OrgMention, head_reading
from youthbot.text.places import PlaceMention, gazetteer
from youthbot.text.relations import relation_of
from youthbot.text.roles import role_readings
from youthbot.text.stopwords import LATVIAN_STOPWORDS
from youthbot.text.tokens import Token, is_common_word, is_verb, quoted, tokens

__all__ = ["NameHit", "find_person_mentions", "name_tokens"]

_SPACES = re.compile(r"[ \t]{1,2}")
_HYPHEN = re.compile(r"[ \t]?[-‑][ \t]?")
_INITIAL_GAP = re.compile(r"\.[ \t]?")
# What stands right before a word whose capital letter says nothing (a new clause or line).
_OPENING = re.compile(r"(?:^|[\n“„\"«(:–—•*>]|[.!?…][\"”»)]*)[ \t]*$")
# Words after a genitive that make it the name of a thing: streets, awards, schools, "vārdā".
_NAMED_AFTER = frozenset(
    "iela ielā ielas ielu ielai laukums laukumā laukuma prospekts prospektā prospekta bulvāris "
    "bulvārī bulvāra gatve gatvē gatves ceļš ceļā ceļa krastmala krastmalā aleja alejā parks "
    "parkā parka tilts tiltā tilta balva balvu balvas balvai prēmija prēmiju prēmijas "
    "stipendija stipendiju stipendijas piemineklis piemineklī pieminekļa muzejs muzejā muzeja "
    "vārdā vārdu vārda vārds kauss kausu kausa kausā memoriāls memoriālu memoriālā fonds "
    "fondu fonda teātris teātrī teātra pamatskola pamatskolā pamatskolas pamatskolu "
    "vidusskola vidusskolā vidusskolas vidusskolu ģimnāzija ģimnāzijā ģimnāzijas ģimnāziju "
    "skola skolā skolas skolu mūzikas mākslas sākumskola sākumskolā sākumskolas".split()
)
# Words after a capitalised word that make it a place: "Lociku ciemā", "Gaujas krastā".
_PLACE_AFTER = frozenset(
    "ciems ciemā ciema ciemu ciemats ciematā ciemata pagasts pagastā pagasta pagastu novads "
    "novadā novada novadu pilsēta pilsētā pilsētas pilsētu upe upē upes upi ezers ezerā ezera "
    "ezeru jūra jūrā jūras kalns kalnā kalna sala salā salas līcis līcī līča apriņķis apriņķī "
    "apriņķa rajons rajonā rajona reģions reģionā reģiona province provincē provinces štats "
    "štatā štata muiža muižā muižas krasts krastā krasta mežs mežā meža".split()
)
# Prepositions after which a capitalised word is rather a place than a person.
_TOWARDS = frozenset({"uz", "līdz", "caur", "Uz", "Līdz", "Caur"})
# Prepositions governing the genitive or the accusative (a name's case after them).
_GEN_PREPOSITIONS = frozenset({"no", "pie", "bez", "līdz", "pēc", "aiz", "virs", "zem", "uz"})
_ACC_PREPOSITIONS = frozenset({"par", "ar", "pa", "caur", "gar", "pret", "starp", "ap"})
# Words that open a name whatever follows: "Mans vārds ir …", "Foto: …", "Autore: …".
_INTRODUCTIONS = re.compile(
    r"(?:\b(?:mans|mani|manu)\s+vārd[su]\s+(?:ir\s+)?|\bmani\s+sauc\s+|\bsauc\s+mani\s+|"
    r"\b(?:foto|fotogrāfija|autors|autore|teksts|teksta autore|teksta autors|"
    r"informāciju sagatavoja|sagatavoja)\s*[:–-]\s*)$",
    re.I,
)
_PERSON_AFTER = frozenset({"kungs", "kunga", "kungam", "kungu", "kundze", "kundzes", "kundzei"})
_LOCATIVE = ("ā", "ē", "ī", "ū", "os", "ās", "ēs", "īs")
_PLURAL_DATIVE = ("iem", "ām", "ēm", "īm")

Agreement = frozenset[tuple[str, str]]
_ANY: Agreement = frozenset()


def _agreement(word: str) -> Agreement:
    """The (gender, case) readings a name word's ending allows; empty means indeclinable."""
    for ending, readings in name_endings():
        if word.endswith(ending):
            return readings  # type: ignore[return-value]
    return _ANY


def _latvian_form(word: str) -> bool:
    """Whether a word is written as Latvian writes names: declined (a vowel, ``-s``, ``-š``
    or a dative ``-m`` at the end) and without capitals inside (``MeYou``, ``Achievement``
    and ``Tikmēr`` are not)."""
    parts = re.split(r"[-‑]", word)
    if any(p[1:] != p[1:].lower() for p in parts if p):
        return False
    return word[-1:].lower() in "aeiouāēīūėsšm"


def _agree(a: Agreement, b: Agreement) -> Agreement | None:
    """The readings two name words share (None when they share none)."""
    if not a or not b:
        return a or b
    both = a & b
    return both or None


@dataclass(slots=True)
class NameHit:
    """One written person name, in base form.

    Attributes:
        name: Base form (``Ināra Miglāne``); a single word when the text gives only that.
        gender: ``f``, ``m`` or empty when unknown.
        first: Index of its first token.
        last: Index of its last token.
        start: Offset of its first character.
        end: Offset just past it.
        observed: Whether it was written in the nominative.
        initial: The initial when written as ``I. Reinholde`` (surname only known).
        case: The case it is written in (``nom``, ``gen``, ``dat``, ``acc``).
        single: Whether it was written as one word (a given name or a surname alone).
        roles: Roles the text gives them, in the nominative of their gender.
        orgs: Organisations the text ties them to.
        places: Places the text ties them to.
    """

    name: str
    gender: str
    first: int
    last: int
    start: int
    end: int
    observed: bool
    initial: str = ""
    case: str = "nom"
    single: bool = False
    roles: list[str] = field(default_factory=list)
    orgs: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)


def name_tokens(text: str) -> list[Token]:
    """The word tokens person finding reads (``youthbot.text.tokens.tokens``)."""
    return tokens(text)


class _Finder:
    """Finds the names of one text; the token tables are built once."""

    def __init__(
        self,
        text: str,
        sentences: list[tuple[int, int]],
        orgs: list[OrgMention],
        places: list[PlaceMention],
    ) -> None:
        self.text = text
        self.toks = name_tokens(text)
        self.starts = [t.start for t in self.toks]
        self.sent_starts = {s for s, _ in sentences}
        self.orgs = orgs
        self.places = places
        self.org_spans = sorted((o.start, o.end) for o in orgs)
        blocked: list[tuple[int, int]] = [(o.start, o.end) for o in orgs]
        blocked += [(p.start, p.end) for p in places]
        blocked += quoted(text)
        blocked += _page_furniture(text)
        blocked += _renamed_in_brackets(text, orgs)
        self.blocked = _covered(self.toks, self.starts, blocked)
        self.place_idx = {i for i, t in enumerate(self.toks) if gazetteer().lookup(t.text)}
        # a word the text uses as a place's name ("Veru apriņķi", "Rõuge pagastu") names that
        # place wherever it stands ("Veru kolēģiem", "Rõuge mobilais centrs")
        place_words = {text[p.start : p.end].split()[0] for p in places if p.kind in _UNIT_KINDS}
        self.place_idx |= {i for i, t in enumerate(self.toks) if t.text in place_words}

    # -- token tests -----------------------------------------------------------------

    def gap(self, a: int, b: int) -> str:
        """The text between tokens ``a`` and ``b``."""
        return self.text[self.toks[a].end : self.toks[b].start]

    def spaced(self, a: int, b: int) -> bool:
        """Whether only one or two spaces separate tokens ``a`` and ``b``."""
        return _SPACES.fullmatch(self.gap(a, b)) is not None

    def opening(self, i: int) -> bool:
        """Whether token ``i`` opens a sentence, a line, a quote or a clause after a colon."""
        tok = self.toks[i]
        if tok.start in self.sent_starts or i == 0:
            return True
        before = self.text[max(0, tok.start - 12) : tok.start]
        return _OPENING.search(before) is not None

    def namey(self, i: int) -> bool:
        """Whether token ``i`` can be part of a person's name."""
        tok = self.toks[i]
        if not tok.is_cap or tok.is_upper or len(tok.text) < 2 or i in self.blocked:
            return False
        low = tok.text.lower()
        if low in LATVIAN_STOPWORDS or head_reading(low) is not None or role_readings(low):
            return False
        if tok.text in NOT_NAMES or tok.text.endswith("+"):
            return False
        return True

    def initial(self, i: int) -> bool:
        """Whether token ``i`` is an initial (``I.`` before a surname)."""
        tok = self.toks[i]
        return (
            len(tok.text) == 1
            and tok.is_cap
            and i + 1 < len(self.toks)
            and _INITIAL_GAP.fullmatch(self.gap(i, i + 1)) is not None
            and self.namey(i + 1)
        )

    def joined(self, a: int, b: int) -> bool:
        """Whether tokens ``a`` and ``b`` stand together in one name."""
        return self.spaced(a, b) or _HYPHEN.fullmatch(self.gap(a, b)) is not None

    def next_word(self, i: int) -> Token | None:
        """The token after ``i`` when only spaces separate them."""
        if i + 1 < len(self.toks) and self.spaced(i, i + 1):
            return self.toks[i + 1]
        return None

    def prev_word(self, i: int) -> Token | None:
        """The token before ``i`` when only spaces separate them."""
        if i > 0 and self.spaced(i - 1, i):
            return self.toks[i - 1]
        return None

    # -- runs of capitalised words ------------------------------------------------------

    def runs(self) -> list[tuple[int, int]]:
        """Token ranges ``(first, last)`` of capitalised runs that may hold names."""
        out: list[tuple[int, int]] = []
        i, n = 0, len(self.toks)
        while i < n:
            if not (self.namey(i) or self.initial(i)):
                i += 1
                continue
            j = i
            while j + 1 < n and j - i < 5:
                if self.initial(j) and self.namey(j + 1):
                    j += 1
                elif self.namey(j + 1) and self.joined(j, j + 1):
                    j += 1
                else:
                    break
            out.append((i, j))
            i = j + 1
        return out

    def hits(self) -> list[NameHit]:
        """Every written name in the text, in order."""
        out: list[NameHit] = []
        for first, last in self.runs():
            if last > first and self._named_after(last) and self._all_genitive(first, last):
                continue  # "Tālivalža Lauka vārdā", "Krišjāņa Barona ielā": a thing's name
            i = first
            while i <= last:
                hit = self._full(i, last)
                if hit is None:
                    hit = self._single(i)
                if hit is not None:
                    out.append(hit)
                    i = hit.last + 1
                else:
                    i += 1
        return [h for h in out if not self._in_org(h.start, h.end)]

    def _in_org(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self.org_spans, (start, sys.maxsize))
        return any(s <= start and end <= e for s, e in self.org_spans[max(0, i - 8) : i])

    def _surname_end(self, j: int, last: int) -> int:
        """The last token of a surname starting at ``j`` (``Bērziņa- Igaune`` spans two)."""
        if j + 1 <= last and _HYPHEN.fullmatch(self.gap(j, j + 1)) and self.namey(j + 1):
            return j + 1
        return j

    def _full(self, i: int, last: int) -> NameHit | None:
        """A name of two or more words starting at token ``i`` (run ending at ``last``)."""
        toks = self.toks
        if i >= last:
            return None
        if self.initial(i):
            end = self._surname_end(i + 1, last)
            if self._named_after(end):
                return None
            word = toks[i + 1].text
            if _not_name_shape(word) or word.endswith("ie") or _COMMON_SUFFIXES_PL(word):
                return None  # "I. Vispārīgie jautājumi", "V. Finansēšana": a numbered heading
            written = self.text[toks[i + 1].start : toks[end].end]
            return NameHit(
                clean_name(f"{toks[i].text}. {written}"),
                "",
                i,
                end,
                toks[i].start,
                toks[end].end,
                False,
                initial=toks[i].text,
                case=self._case_alone(i, end),
            )
        if i in self.place_idx and not read_given(toks[i].text):
            return None
        j = i + 1
        middle = ""
        if (
            j < last
            and read_given(toks[j].text)
            and read_given(toks[i].text)
            and self.spaced(i, j)
            and j + 1 <= last
        ):
            middle, j = toks[j].text, j + 1
        if j in self.place_idx and not read_given(toks[i].text):
            return None
        end = self._surname_end(j, last)
        if not self.spaced(i, i + 1):
            return None
        surname_written = self.text[toks[j].start : toks[end].end]
        readings = read_given(toks[i].text)
        foreign = _foreign(toks[i].text) or _foreign(surname_written)
        if foreign and not middle and self._introduced(i):
            if self._named_after(end) or j in self.place_idx:
                return None
            # "vadītāja Kaja Tamm", "Mans vārds ir Lucía Fernández": kept as written
            return self._as_written(i, end, surname_written)
        if readings:
            gender, case, base = self._choose(readings, toks[j].text, i, end)
        else:
            if middle or (
                self.opening(i) and (read_given(toks[i + 1].text) or _agent_noun(toks[i].text))
            ):
                return None  # "Ciematniece Ināra …": the name starts after the opening noun
            if not (_latvian_form(toks[i].text) and _latvian_form(toks[j].text)):
                return None
            if _not_name_shape(toks[i].text) or _not_name_shape(toks[j].text):
                return None  # "Līdzdalības Projekts", "Mazā Lāsīte": a title, not a name
            if toks[j].text.endswith(_LOCATIVE):
                return None  # "Branku Brančotavā": a place in the locative
            first_agr, second_agr = _agreement(toks[i].text), _agreement(toks[j].text)
            shared = _agree(first_agr, second_agr)
            if shared is None:
                return None
            if self.opening(i) and (
                is_common_word(toks[i].text) or not first_agr or not second_agr
            ):
                return None  # "Skolas Direktore …", "Tikmēr Smukulis …": the capital opens it
            if is_common_word(toks[i].text) and is_common_word(toks[j].text):
                return None  # "Izglītības Pārvalde": two common words
            if self._named_after(end) or self._place_context(i, end):
                return None
            hint = self._case_hint(i, end)
            if hint == "nom" and shared and not any(c == "nom" for _, c in shared):
                if self._introduced(i):  # "Mani sauc Matteo Rossi": a foreign name, undeclined
                    return self._as_written(i, end, surname_written)
            gender, case = _pick(shared, hint)
            base = _given_base(toks[i].text, gender, case)
        if self._named_after(end) and case == "gen":
            return None
        surname = surname_base(surname_written, gender, case)
        given = base + (f" {middle}" if middle else "")
        return NameHit(
            clean_name(f"{given} {surname}"),
            gender,
            i,
            end,
            toks[i].start,
            toks[end].end,
            case == "nom",
            case=case,
        )

    def _single(self, i: int) -> NameHit | None:
        """A name written as one word at token ``i``, or None."""
        tok = self.toks[i]
        if self.initial(i) or not self.namey(i):
            return None
        word = tok.text
        readings = read_given(word)
        if self._after_adjective(i, readings):
            return None  # "Jaunā Gaita", "Baltā Galdauta": a noun after its adjective
        if (i in self.place_idx or self._listed_with_places(i)) and not self._person_context(
            i, i, strong=True
        ):
            return None  # "klusums un Daugava", "no Viesītes, Salas, Zasas": places
        if _COMMON_SUFFIXES_PL(word):
            return None  # "Nolikumi": a common noun's plural
        context = self._person_context(i, i)
        if readings:
            if self._named_after(i) or (self.opening(i) and not context and self._commonish(word)):
                return None
            gender, case, base = self._choose(readings, "", i, i)
            return NameHit(
                base, gender, i, i, tok.start, tok.end, case == "nom", case=case, single=True
            )
        if i in self.place_idx or word.lower().endswith(_COMMON_SUFFIXES):
            return None
        if word.lower().endswith(_DEFINITE):
            return None  # "Multifunkcionālais", "Digitālais": an adjective of a name
        if is_common_word(word) and not self._person_context(i, i, strong=True):
            return None
        if not context:
            if self.opening(i) or not self._name_shaped(word):
                return None
            prev = self.prev_word(i)
            if prev is not None and prev.text in ("no", "No"):
                return None  # "no Utenas": whence, a place rather than a person
            if self._named_after(i) or self._place_context(i, i) or self._thing_context(i):
                return None
        if word.endswith(_LOCATIVE) and not context:
            return None
        hint = self._case_hint(i, i)
        options = surname_readings(word)
        base, gender, case = next((r for r in options if r[2] == hint), options[0])
        return NameHit(
            base, gender, i, i, tok.start, tok.end, case == "nom", case=case, single=True
        )

    # -- context ------------------------------------------------------------------------

    def _commonish(self, word: str) -> bool:
        base = read_given(word)[0].base
        return is_common_word_name(base) or is_common_word(word)

    def _name_shaped(self, word: str) -> bool:
        """Whether a lone capitalised word looks like a name rather than a common word."""
        if (
            len(word) < 3
            or not _latvian_form(word)
            or not re.search(r"[aeiouāēīūyė]", word.lower())
        ):
            return False
        if word.endswith(_PLURAL_DATIVE) or word.endswith(_LOCATIVE):
            return False
        return not any(c.isdigit() for c in word)

    def _named_after(self, last: int) -> bool:
        """Whether the word after the name makes it a thing's name (``Jāņa iela``)."""
        nxt = self.next_word(last)
        return nxt is not None and nxt.text.lower() in _NAMED_AFTER

    def _after_adjective(self, i: int, readings: list) -> bool:
        """Whether token ``i`` follows a capitalised definite adjective in one name ("Jaunā
        Gaita"); after "-ā", which a locative noun also ends in ("Vakarā Zane"), only when
        the word cannot be a given name in the nominative, or is no given name and the
        adjective's capital does not open the sentence."""
        prev = self.prev_word(i)
        if prev is None or not prev.is_cap or read_given(prev.text):
            return False
        if i - 1 in self.place_idx or i - 1 in self.blocked:
            return False  # "Vizītē Īrijā Mūrniece": a place before the name
        low = prev.text.lower()
        if low.endswith(_DEFINITE + _DEFINITE_SHORT[1:]):
            return True
        if not low.endswith("ā"):
            return False
        if not readings:
            return not self.opening(i - 1)  # "Grāmatas Mazā Lāsīte": a capital inside a title
        return not any(r.case == "nom" for r in readings)

    def _as_written(self, i: int, end: int, surname: str) -> NameHit:
        """A foreign name kept as written ("vadītāja Kaja Tamm", "Mani sauc Matteo Rossi")."""
        toks = self.toks
        return NameHit(
            clean_name(f"{toks[i].text} {surname}"),
            self._gender_hint(i, end),
            i,
            end,
            toks[i].start,
            toks[end].end,
            True,
        )

    def _introduced(self, i: int) -> bool:
        """Whether the words before token ``i`` introduce a person: a role word in the
        singular right before it, or "Mans vārds ir", "Mani sauc", "Foto:"."""
        prev = self.prev_word(i)
        if prev is not None and any(r.number == "sg" for r in role_readings(prev.text)):
            return True
        before = self.text[max(0, self.toks[i].start - 40) : self.toks[i].start]
        return _INTRODUCTIONS.search(before) is not None

    def _listed_with_places(self, i: int) -> bool:
        """Whether token ``i`` stands in a list (", ", " un ") of capitalised words one of
        which is a known place ("no Viesītes, Salas, Zasas un citām vietām")."""
        for step in (-1, 1):
            k = i
            for _ in range(5):
                a, b = (k - 1, k) if step < 0 else (k, k + 1)
                if not (0 <= a and b < len(self.toks)):
                    break
                if not re.fullmatch(r",[ \t]|[ \t]un[ \t]", self.gap(a, b)):
                    break
                k += step
                if not self.toks[k].is_cap:
                    break
                if k in self.place_idx:
                    return True
        return False

    def _all_genitive(self, first: int, last: int) -> bool:
        """Whether every word of a run can be a name in the genitive."""
        return all(
            any(case == "gen" for _, case in _agreement(self.toks[k].text))
            or self.initial(k)
            or any(r.case == "gen" for r in read_given(self.toks[k].text))
            for k in range(first, last + 1)
        )

    def _place_context(self, first: int, last: int) -> bool:
        nxt = self.next_word(last)
        if nxt is not None and nxt.text.lower() in _PLACE_AFTER:
            return True
        if nxt is not None and nxt.text == "un" and last + 3 < len(self.toks):
            other, unit = self.toks[last + 2], self.toks[last + 3]
            if other.is_cap and self.spaced(last + 2, last + 3):
                if unit.text.lower() in _PLACE_AFTER:
                    return True  # "Utenas un Anīkšču rajona": both name places
        if nxt is not None and nxt.is_cap and nxt.text.endswith(_LOCATIVE):
            return True  # "Branku Brančotavā": the first word of a place in the locative
        prev = self.prev_word(first)
        return prev is not None and prev.text in _TOWARDS

    def _thing_context(self, i: int) -> bool:
        """A lone word in the genitive before a noun names a thing as often as a person
        (``Jaungada eglīte``, ``Ebolas pacienti``): without a person's context it is left."""
        after = self.text[self.toks[i].end : self.toks[i].end + 6]
        if re.match(r"[ \t]\d{1,3}\.[ \t]", after) and self.toks[i].text.endswith(("as", "es")):
            return True  # "Zemessardzes 25. kājnieku bataljona": a body's numbered unit
        nxt = self.next_word(i)
        if nxt is None:
            return False
        low = nxt.text
        if not low.islower() or low in LATVIAN_STOPWORDS or is_verb(low):
            return False
        return self.toks[i].text.endswith(("as", "es", "a", "us", "u", "o", "ės"))

    def _person_context(self, first: int, last: int, strong: bool = False) -> bool:
        """Whether the words around a name say it is a person's (``strong``: a role, a verb
        of saying or a title next to it, not only a line that introduces a name)."""
        toks, text = self.toks, self.text
        prev = self.prev_word(first)
        if prev is not None:
            agreement = _agreement(toks[first].text)
            for r in role_readings(prev.text):
                if r.number == "sg" and (not agreement or (r.gender, r.case) in agreement):
                    return True
        before = text[max(0, toks[first].start - 40) : toks[first].start]
        if not strong and _INTRODUCTIONS.search(before):
            return True
        nxt = self.next_word(last)
        if nxt is not None and nxt.text.lower() in _PERSON_AFTER:
            return True
        agreement = _agreement(toks[last].text)
        subject = not agreement or any(case == "nom" for _, case in agreement)
        for k in (last + 1, first - 1):
            if 0 <= k < len(toks) and self.spaced(min(k, first), max(k, last)):
                if subject and _says(toks[k].text):
                    return True  # "… stāsta Lauris", "Godmanis uzsvēra": the speaker
        after = text[toks[last].end : toks[last].end + 3]
        if re.match(r",\s", after) and last + 1 < len(toks):
            word = toks[last + 1]
            if role_readings(word.text):
                return True
        return False

    def _case_hint(self, first: int, last: int) -> str:
        """The case the context suggests for a name: a preposition before, a noun after."""
        prev = self.prev_word(first)
        if prev is not None:
            low = prev.text.lower()
            if low in _GEN_PREPOSITIONS:
                return "gen"
            if low in _ACC_PREPOSITIONS:
                return "acc"
            cases = {r.case for r in role_readings(low) if r.number == "sg"}
            if len(cases) == 1:
                return cases.pop()  # "koordinatorei Milānai Ločai": the role's dative
        nxt = self.next_word(last)
        if nxt is not None:
            low = nxt.text
            if low.islower() and low not in LATVIAN_STOPWORDS and not is_verb(low):
                return "gen"  # "Andra Kalniņa vadībā": a genitive before its noun
        return "nom"

    def _case_alone(self, first: int, last: int) -> str:
        return self._case_hint(first, last)

    def _gender_hint(self, first: int, last: int) -> str:
        """The gender a role word right before or in apposition after the name gives."""
        prev = self.prev_word(first)
        readings = role_readings(prev.text) if prev is not None else ()
        after = self.text[self.toks[last].end : self.toks[last].end + 4]
        if not readings and re.match(r"(,|\s[–—-])\s", after):
            for k in range(last + 1, min(last + 8, len(self.toks))):
                if k > last + 1 and (not self.spaced(k - 1, k) or self.toks[k].is_cap):
                    break
                readings = role_readings(self.toks[k].text)
                if readings:
                    break
        genders = {r.gender for r in readings if r.number == "sg"}
        return genders.pop() if len(genders) == 1 else ""

    def _choose(self, readings: list, surname: str, first: int, last: int) -> tuple[str, str, str]:
        """The reading of a given name the context supports: (gender, case, base)."""
        hint = self._case_hint(first, last)
        gender_hint = self._gender_hint(first, last)
        agreement = _agreement(surname) if surname else _ANY
        best, best_score = readings[0], -1.0
        for r in readings:
            score = 0.5 if r.case == "nom" else 0.0
            if r.case == hint:
                score += 2
            if gender_hint and r.gender == gender_hint:
                score += 3
            if agreement and (r.gender, r.case) in agreement:
                score += 1
            elif agreement:
                score -= 2
            if score > best_score:
                best, best_score = r, score
        return best.gender, best.case, best.base


# Derivational suffixes of common nouns: "Atveseļošanas", "Līdzdalības", "Enerģētikas".
_COMMON_SUFFIXES = (
    "šana", "šanas", "šanu", "šanai", "šanā", "ība", "ības", "ību", "ībai", "ībā", "ums", "uma",
    "umu", "umam", "umā", "ācija", "ācijas", "āciju", "ācijai", "ācijā", "isms", "isma", "ismu",
    "ikas", "ikai", "ikā", "ēšana", "ēšanas",
)  # fmt: skip
_AGENT_SUFFIXES = (
    "tore", "tors", "iste", "ists", "tājs", "tāja", "ējs", "ēja", "niece", "nieks", "ante",
    "ants", "ente", "ents", "loģe", "logs", "grāfe", "grāfs", "iete", "ietis",
)  # fmt: skip


# Endings of definite adjectives that no Latvian name has ("Digitālais", "Jaunajā").
_DEFINITE = ("ais", "ajā", "ajam", "ajai", "ajiem", "ajām", "ajos", "ajās", "ošais", "ošā")
# Shorter definite endings, shared with names' cases: read only before another capital.
_DEFINITE_SHORT = ("ā", "ie", "ās", "o")  # the first is read apart


# Place kinds whose first word is a place's own name ("Veru apriņķis", "Rõuge pagasts").
_UNIT_KINDS = frozenset({"novads", "pagasts", "ciems", "apriņķis", "pilsēta"})
# Letters Latvian does not write: a name with them is foreign ("Lucía", "Võru", "Fernández").
_FOREIGN_LETTERS = re.compile(r"[áàâäéèêëíìîïóòôöõúùûüýÿñçøåßqwxy]", re.I)


def _foreign(word: str) -> bool:
    """Whether a capitalised word is written as a foreign name: foreign letters, or an end
    no declined Latvian word has ("Tamm", "Kask", "Sepp")."""
    if _FOREIGN_LETTERS.search(word):
        return True
    if word.endswith("m") and word[-2:-1].lower() not in "aeiouāēīū":
        return True  # a dative ends in a vowel and "-m"; "Tamm" is no dative
    return not _latvian_form(word) and word[1:] == word[1:].lower() and word.isalpha()


def _COMMON_SUFFIXES_PL(word: str) -> bool:  # noqa: N802
    """Whether a word has the plural of a common noun's derivational suffix ("Nolikumi")."""
    low = word.lower()
    return len(low) >= 7 and low.endswith(("umi", "umiem", "umus", "umos", "šanām", "šanās"))


def _renamed_in_brackets(text: str, orgs: list[OrgMention]) -> list[tuple[int, int]]:
    """Brackets right after an organisation that hold only capitalised words: its name in
    another language ("… jauniešu centrā (Võru Avatud Noortekeskus)")."""
    out = []
    for o in orgs:
        m = re.match(r"[ \t]?\(([^()\n]{2,80})\)", text[o.end : o.end + 84])
        if m and all(w[:1].isupper() for w in m.group(1).split()):
            out.append((o.end + m.start(1), o.end + m.end(1)))
    return out


def _not_name_shape(word: str) -> bool:
    """Whether a capitalised word has a common noun's derivational suffix or a definite
    adjective's ending, which no given name or surname has."""
    low = word.lower()
    if read_given(word):
        return False
    return (
        low.endswith(_COMMON_SUFFIXES)
        or low.endswith(_DEFINITE)
        or (low.endswith("ā") and len(low) > 3 and not low.endswith(("ņā", "ļā")))
    )


def _agent_noun(word: str) -> bool:
    """Whether a word has the shape of a role or trade noun (``Restauratore``, ``Ciematniece``)."""
    return word.lower().endswith(_AGENT_SUFFIXES)


def _says(word: str) -> bool:
    """Whether a word is a verb of saying in a finite form (``stāsta``, ``uzsvēra``).

    Participles and reflexives of the same stems say something else ("noteikts" is
    "determined"), and "sāka" (began) folds onto "saka" (says).
    """
    if not word.islower() or word.startswith(("sāk", "sāc")):
        return False
    if word.endswith(
        ("t", "ts", "ta", "tas", "ti", "tie", "ās", "ies", "as", "šana", "šanas", "ot", "dams")
        + ("dama",)
    ):
        return False
    return relation_of(word) == "say"


_NAME_DAYS = re.compile(r"^[ \t]*vārda ?dien\w*\b.*$", re.I | re.M)
_LINE = re.compile(r"^.*$", re.M)


def _page_furniture(text: str) -> list[tuple[int, int]]:
    """Lines that name no one: the name-day header ("Vārda dienas: Strauja, Gudrīte") and
    menus (three or more words, nearly all capitalised, no sentence punctuation)."""
    out = [(m.start(), m.end()) for m in _NAME_DAYS.finditer(text)]
    for m in _LINE.finditer(text):
        words = m.group().split()
        if len(words) < 3 or re.search(r"[.,;:!?]", m.group()):
            continue
        caps = sum(1 for w in words if w[:1].isupper())
        if caps >= len(words) - 1 and caps >= 3:
            out.append((m.start(), m.end()))
    return out


def _covered(toks: list[Token], starts: list[int], spans: list[tuple[int, int]]) -> set[int]:
    """Indexes of the tokens that lie wholly inside one of ``spans``."""
    out: set[int] = set()
    for s, e in spans:
        i = bisect.bisect_left(starts, s)
        while i < len(toks) and toks[i].end <= e:
            out.add(i)
            i += 1
    return out


def _pick(shared: Agreement, hint: str) -> tuple[str, str]:
    """A (gender, case) from the readings two words share, the context's case first."""
    if not shared:
        return "", "nom"
    ordered = sorted(shared, key=lambda r: (r[1] != hint, r[1] != "nom", r[0]))
    return ordered[0]


def _given_base(word: str, gender: str, case: str) -> str:
    """An unknown given name's nominative (``Henrijam`` → ``Henrijs``)."""
    if not gender or case == "nom":
        return word
    return surname_base(word, gender, case)


def find_person_mentions(
    text: str,
    sentences: list[tuple[int, int]],
    orgs: list[OrgMention],
    places: list[PlaceMention],
) -> list[NameHit]:
    """Every written person name, in base form, with the roles, bodies and places around it.

    Args:
        text: The whole text.
        sentences: Its sentence spans.
        orgs: Its organisation mentions (names inside them are not people).
        places: Its place mentions.

    Returns:
        Name hits in text order; a surname or given name written alone carries the full
        name of the person it stands for when the text names them in full.
    """
    from youthbot.text.person_links import link_mentions
    from youthbot.text.person_roles import attach_roles

    finder = _Finder(text, sentences, orgs, places)
    hits = finder.hits()
    link_mentions(text, hits)
    attach_roles(text, finder.toks, sentences, hits, orgs, places)
    return hits
