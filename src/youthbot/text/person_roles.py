"""Roles, organisations and places tied to person names by the sentence's structure.

The constructions read, each tying a role phrase (and the organisations and places inside it)
to one name:

- a role before the name, in the name's case: "projekta vadītāja Zane …", "fotogrāfes Elīnas
  Zariņas", "koordinatorei Milānai Ločai";
- an apposition after it, by comma, dash or copula: "Māris Kļaviņš, … speciālists",
  "Marta Bērziņa – … speciāliste", "Asta Tiškutė ir … vadītāja";
- a relative clause: "…, kas ir … speciāliste", "…, kas vada jauniešu centru";
- the first person: "Mans vārds ir Līga Ozola, esmu jaunatnes darbiniece";
- a pronoun subject: "To vada jaunatnes darbiniece Ilze Kalniņa." (the organisation is the one
  the sentence before names);
- a group and its members: "pārstāvji no … domes – koordinatorei A un speciālistei B";
- a line with only the name and a line with the role under it (bylines, captions, signatures).

Two people with two roles in one sentence ("priekšsēdētājs X, kā arī viņa vietnieks Y") keep
their own; a plural role before a list is shared. An organisation in the same clause as the
person and their role is theirs.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from youthbot.text.morphology import adjective_nominative, analyse, decline
from youthbot.text.org_words import ORG_KIND_FAMILIES
from youthbot.text.orgs import OrgMention, head_reading, is_modifier
from youthbot.text.places import PlaceMention, gazetteer
from youthbot.text.relations import relation_of
from youthbot.text.roles import GROUP_NOUNS, role_readings
from youthbot.text.stopwords import LATVIAN_STOPWORDS
from youthbot.text.tokens import Token, common_lemma, is_verb, squash

if TYPE_CHECKING:
    from youthbot.text.people import NameHit

__all__ = ["attach_roles"]

_SPACES = re.compile(r"[ \t]{1,2}")
_APPOSITION = re.compile(r",[ \t]?|[ \t][–—-][ \t]")
_PROPER = {"Saeimas", "Valsts", "Eiropas", "Latvijas", "Ministru"}
# Relation verbs that make the subject the holder of a post: "…, kas vada jauniešu centru".
_AGENT_ROLES = {
    "lead": ("vadītājs", "vadītāja"),
    "coordinate": ("koordinators", "koordinatore"),
    "organise": ("organizators", "organizatore"),
    "found": ("dibinātājs", "dibinātāja"),
}
# Nouns of things that happen: leading one is not a post ("Pasākumu vadīja …").
EVENT_WORDS = frozenset(
    "pasākumu pasākumus forumu semināru diskusiju nodarbību nodarbības nodarbības darbnīcu "
    "apmācības sanāksmi sesiju konferenci nometni lekciju tikšanos sapulci ekskursiju "
    "svinības koncertu akciju talku treniņu viktorīnu spēli sacensības".split()
)
_RELATIVES = frozenset({"kas", "kurš", "kura", "kuri", "kuras"})
_RELATIVE_START = re.compile(r",[ \t](?:kas|kurš|kura|kuri|kuras|kur)\b")
# Verbs of working: "strādā par …", "darbojas kā …", "konsultē … centrā".
_WORK_VERBS = frozenset(
    "strādā strādāja strādās darbojas darbojās darbosies konsultē konsultēja atbild atbildēja "
    "palīdz palīdzēja māca mācīja".split()
)
# Possessive pronouns that stand for an organisation named before: "Tā jaunatnes darbinieks".
_POSSESSIVES = frozenset({"tā", "tās", "šī", "šā"})  # not "viņa": a person's
_PRONOUN_SUBJECTS = frozenset({"to", "tā", "tās", "tos", "šo", "šī", "viņu", "tas", "tie"})
_FIRST_PERSON = re.compile(r"\b(?:esmu|strādāju|darbojos)\b", re.I)
_MY_NAME = re.compile(r"\b(?:mans|mani)\s+vārd[su]\s+(?:ir\s+)?$|\bmani\s+sauc\s+$", re.I)
_PHRASE_GAP = re.compile(r"[ \t]{1,2}|[ \t]?[“„\"«]|[”\"»][ \t]?|[ \t][“„\"«]|[”\"»][ \t]")
_CREDIT = re.compile(r"(?:foto|autore?s?|teksts)\s*[:–-]\s*", re.I)
# What may stand between a quoted organisation and the role word after it.
_ORG_TO_ROLE = re.compile(r"[”\"»]?[ \t]{0,2}")
_SIGNATURE = re.compile(r"sagatavoja|kontaktinformācija|kontaktpersona|autor[se]", re.I)
_CLAUSE_STOP = re.compile(r"[;:()\[\]]|[ \t][–—][ \t]|\n")


def attach_roles(
    text: str,
    toks: list[Token],
    sentences: list[tuple[int, int]],
    hits: list[NameHit],
    orgs: list[OrgMention],
    places: list[PlaceMention],
) -> None:
    """Give each name the roles, organisations and places the text puts around it (in place).

    Args:
        text: The whole text.
        toks: Its word tokens (the ones ``hits`` index).
        sentences: Its sentence spans.
        hits: The person names found.
        orgs: Its organisation mentions.
        places: Its place mentions.
    """
    _Attacher(text, toks, sentences, hits, orgs, places).run()


class _Attacher:
    def __init__(
        self,
        text: str,
        toks: list[Token],
        sentences: list[tuple[int, int]],
        hits: list[NameHit],
        orgs: list[OrgMention],
        places: list[PlaceMention],
    ) -> None:
        self.text = text
        self.toks = toks
        self.sentences = sentences
        self.sent_starts = {s for s, _ in sentences}
        self.sent_begins = [s for s, _ in sentences]
        self.hits = hits
        self.hit_at = {h.first: h for h in hits}
        self.hit_tokens = {i for h in hits for i in range(h.first, h.last + 1)}
        self.orgs = orgs
        self.places = places
        self.starts = [t.start for t in toks]
        self.used: set[tuple[int, int]] = set()  # organisations inside someone's role phrase

    def gap(self, a: int, b: int) -> str:
        return self.text[self.toks[a].end : self.toks[b].start]

    def spaced(self, a: int, b: int) -> bool:
        return _SPACES.fullmatch(self.gap(a, b)) is not None

    def phrase_gap(self, a: int, b: int) -> bool:
        """Whether tokens ``a`` and ``b`` stand in one phrase (spaces, or a quoted name's
        quotes: ``SIA “Pretpils” būvdarbu vadītājs``)."""
        return _PHRASE_GAP.fullmatch(self.gap(a, b)) is not None

    def sentence(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.sent_begins, pos) - 1
        if i >= 0 and pos < self.sentences[i][1]:
            return self.sentences[i]
        for s, e in self.sentences:  # overlapping or unsorted spans: look at each
            if s <= pos < e:
                return s, e
        return 0, len(self.text)

    # -- the constructions ------------------------------------------------------------

    def run(self) -> None:
        for group in self._coordinations():
            head = group[0]
            copula = self._copula_before(head)
            if copula is not None:
                role_span, between = copula
                shared = len(group) > 1 and _plural(self.toks[role_span[1]].text, True)
                for h in group if shared else group[:1]:
                    self._apply(h, *role_span, plural=shared)
                    for o in self._outermost(*between):
                        if o.name not in h.orgs:
                            h.orgs.append(o.name)
            span = self._role_before(head.first)
            shared = span is not None and _plural(self.toks[span[1]].text, len(group) > 1)
            if span is None:
                span = self._group_before(head.first)
                shared = span is not None
            for h in group:
                own = self._role_after(h.last)
                if own is not None:
                    self._apply(h, *own)
                elif span is not None and (h is head or shared):
                    self._apply(h, *span, plural=shared)
            group_span = self._listed_under(head.first)
            if group_span is not None:
                for h in group:
                    self._apply(h, *group_span, plural=True, orgs_only=bool(h.roles))
            source = self._from_org(group[-1])
            if source is not None:
                for h in group:
                    if source.name not in h.orgs:
                        h.orgs.append(source.name)
        for h in self.hits:
            self._bracketed_org(h)
            self._apposition_org(h)
            self._relative_clause(h)
            self._works_at(h)
            if not h.roles:
                self._first_person(h)
            if not h.roles:
                self._caption(h)
            self._pronoun_subject(h)
            if not h.roles:
                self._verb_before(h)
            if not h.roles:
                self._verb_after(h)
            if h.roles and not h.orgs:
                self._possessive_before(h)
            if h.roles and not h.orgs:
                self._same_clause_org(h)

    def _coordinations(self) -> list[list[NameHit]]:
        """Names joined by ``,`` or ``un`` into lists (``A, B un C``), each hit in one list."""
        groups: list[list[NameHit]] = []
        for h in self.hits:
            if groups:
                prev = groups[-1][-1]
                if re.fullmatch(r"(,| un|, un) ", self.text[prev.end : h.start]):
                    groups[-1].append(h)
                    continue
            groups.append([h])
        return groups

    def _role_before(self, first: int) -> tuple[int, int] | None:
        """Token range of a role phrase right before a name: ``projekta vadītāja`` Zane …"""
        j = first - 1
        if j < 0 or not role_readings(self.toks[j].text) or not self.spaced(j, first):
            return None
        if j in self.hit_tokens:
            return None
        k = j
        while k - 1 >= 0 and self.spaced(k - 1, k) and j - k < 8:
            prev = self.toks[k - 1]
            if (k - 1) in self.hit_tokens or prev.text.lower() in LATVIAN_STOPWORDS - {"un"}:
                break
            if not (prev.text == "un" or role_readings(prev.text) or is_modifier(prev)):
                break
            k -= 1
            if self.toks[k].start in self.sent_starts:
                break
        while k < j and self.toks[k].text == "un":
            k += 1
        return self._extend_to_org(k), j

    def _extend_to_org(self, k: int) -> int:
        """Move a phrase start back over a quoted organisation: ``biedrības “X” pārstāvji``."""
        if k == 0:
            return k
        for o in self.orgs:
            if self.toks[k - 1].end <= o.end <= self.toks[k].start and o.start < self.toks[k].start:
                if not _ORG_TO_ROLE.fullmatch(self.text[o.end : self.toks[k].start]):
                    return k  # "… dome.\n\nJauniešu domes priekšsēdētāja": another sentence
                return self.starts.index(o.start) if o.start in self.starts else k
        return k

    def _role_after(self, last: int) -> tuple[int, int] | None:
        """Token range of an apposition after a name: ``, Jauniešu mājas vadītāja,``,
        ``– sabiedrisko attiecību speciāliste``, ``ir … vadītāja``."""
        k = last + 1
        if k >= len(self.toks):
            return None
        paren = re.match(r"\s?\([^()\n]{1,60}\)", self.text[self.toks[last].end :])
        if paren is not None:  # "Dominika Petere (Dominique Petter), … padomniece"
            stop = self.toks[last].end + paren.end()
            while k < len(self.toks) and self.toks[k].start < stop:
                k += 1
            if k >= len(self.toks) or not _APPOSITION.fullmatch(
                self.text[stop : self.toks[k].start]
            ):
                return None
            last = k - 1
        elif self.toks[k].text == "ir" and self.spaced(last, k) and k + 1 < len(self.toks):
            k += 1  # "Asta Tiškutė ir Kauņas jaunimo centra vadītāja"
        elif paren is None and not _APPOSITION.fullmatch(self.gap(last, k)):
            return None
        end = k
        while end + 1 < len(self.toks) and self.phrase_gap(end, end + 1) and end - k < 10:
            nxt = self.toks[end + 1]
            if (end + 1) in self.hit_tokens:
                break
            if nxt.text == "un" and end + 2 < len(self.toks) and (end + 2) in self.hit_tokens:
                break  # "…, A – speciāliste un B – …": the next person
            end += 1
        while end >= k and not role_readings(self.toks[end].text):
            end -= 1
        if end < k or any(i in self.hit_tokens for i in range(k, end + 1)):
            return None
        if end + 1 < len(self.toks) and (end + 1) in self.hit_at and self.spaced(end, end + 1):
            return None  # the role of the next name: "…, novada vietniece Inese Siliņa"
        words = self.toks[k : end + 1]
        if any(t.text.islower() and (is_verb(t.text) or t.text == "kas") for t in words):
            return None
        return k, end

    def _group_before(self, first: int) -> tuple[int, int] | None:
        """Token range of ``… jaunatnes komanda –`` or ``… pārstāvji`` opening a list of names."""
        j = first - 1
        if j < 0:
            return None
        gap = self.gap(j, first)
        if re.fullmatch(r"\s?[–—:-]\s?", gap) and _group_noun(self.toks[j].text):
            k = j
            while (
                k - 1 >= 0 and self.spaced(k - 1, k) and j - k < 8 and is_modifier(self.toks[k - 1])
            ):
                k -= 1
            return self._extend_to_org(k), j  # "… centra “Apelsīns” komanda – A, B un C"
        return None

    def _listed_under(self, first: int) -> tuple[int, int] | None:
        """The phrase before a dash that a list of roled names belongs to: ``viesiem no
        Daugavpils novada domes – koordinatorei A un speciālistei B`` (its bodies are theirs)."""
        k = first - 1
        while k >= 0 and first - k < 24:
            gap = self.gap(k, k + 1)
            if re.fullmatch(r"\s?[–—:]\s?", gap):
                break
            if not (self.spaced(k, k + 1) or re.fullmatch(r",\s", gap)):
                return None
            k -= 1
        if k < 0 or not re.fullmatch(r"\s?[–—:]\s?", self.gap(k, k + 1)):
            return None
        end = k
        start = k
        while start - 1 >= 0 and self.spaced(start - 1, start) and end - start < 10:
            start -= 1
            if _group_noun(self.toks[start].text):
                return start, end
        return None

    def _from_org(self, h: NameHit) -> OrgMention | None:
        """``A, B un C no attīstības platformas “YOU+”``: the body the people come from."""
        after = self.text[h.end : h.end + 5]
        m = re.match(r",?[ \t]no[ \t]", after)
        if m is None:
            return None
        pos = h.end + m.end()
        for o in self.orgs:
            if pos <= o.start <= pos + 40 and not self.text[pos : o.start].strip(" \t"):
                return o
            if pos <= o.start <= pos + 40:
                between = self.text[pos : o.start]
                if (
                    re.fullmatch(r"[^\W\d_]+(?:[ \t][^\W\d_]+)?[ \t]", between)
                    and between.islower()
                ):
                    return o  # "no attīstības platformas …": lower-case words of its name
        return None

    def _relative_clause(self, h: NameHit) -> None:
        """``…, kas ir jaunatnes lietu speciāliste …``, ``…, kurš vada Alūksnes Jauniešu
        centru``, ``…, kura iepriekš strādāja par jaunatnes darbinieci …``: the role and the
        organisations of a relative clause after the name."""
        k = h.last + 1
        if k + 1 >= len(self.toks) or self.toks[k].text not in _RELATIVES:
            return
        if not re.fullmatch(r",[ \t]?", self.gap(h.last, k)):
            return
        s, e = self.sentence(self.toks[k].start)
        stop = _CLAUSE_STOP.search(self.text, self.toks[k].end, e)
        clause_end = stop.start() if stop else e
        comma = self.text.find(",", self.toks[k].end, clause_end)
        clause_end = comma if comma > 0 else clause_end
        for i in range(k + 1, min(k + 8, len(self.toks))):
            if self.toks[i].start >= clause_end:
                break
            word = self.toks[i].text
            if word in ("ir", "bija", "būs") and i + 1 < len(self.toks):
                end = self._role_end(i + 1)
                if end is not None and self.toks[end].end <= clause_end:
                    self._apply(h, i + 1, end)
                break
            if word in _WORK_VERBS:
                start = self._after_word(i + 1, ("par", "kā"))
                if start is not None:
                    end = self._role_end(start)
                    if end is not None and self.toks[end].end <= clause_end:
                        self._apply(h, start, end)
                break
            relation = relation_of(word) if word.islower() and is_verb(word) else None
            if relation not in _AGENT_ROLES:
                continue
            masc, fem = _AGENT_ROLES[relation]
            role = fem if h.gender == "f" else masc
            unit = self._object_genitive(i + 1, clause_end)
            if unit:
                role = f"{unit} {role}"  # "…, kas vada … daļu" → "… daļas vadītāja"
            if role not in h.roles:
                h.roles.append(role)
            break
        self._clause_orgs(h, self.toks[k].end, clause_end)

    def _object_genitive(self, i: int, end: int) -> str:
        """The object noun phrase of a relation verb, turned genitive for a role:
        ``Starptautiskās sadarbības un atbalsta daļu`` → ``… daļas``; empty when the object
        is an organisation (it is the person's organisation, not part of the role)."""
        words: list[Token] = []
        while i < len(self.toks) and self.toks[i].end <= end and len(words) < 8:
            if words and not self.spaced(i - 1, i):
                break
            words.append(self.toks[i])
            i += 1
        if not words or any(o.start <= words[-1].start < o.end for o in self.orgs):
            return ""
        last = words[-1].text
        lemma = common_lemma(last)
        readings = [
            a
            for a in analyse(last)
            if a.number == "sg" and a.case == "acc" and a.declension in ("f4", "f5", "m1", "m2")
        ]
        readings.sort(key=lambda a: a.base != lemma)  # the dictionary's reading first
        genitive = (
            decline(readings[0].base, readings[0].declension)[("sg", "gen")] if readings else ""
        )
        if not genitive:
            return ""
        return " ".join([w.text for w in words[:-1]] + [genitive])

    def _after_word(self, start: int, words: tuple[str, ...]) -> int | None:
        for i in range(start, min(start + 8, len(self.toks) - 1)):
            if self.toks[i].text in words:
                return i + 1
        return None

    def _role_end(self, start: int) -> int | None:
        """The last token of a role phrase starting at ``start`` (its role noun), or None."""
        end = start
        while end + 1 < len(self.toks) and self.spaced(end, end + 1) and end - start < 9:
            end += 1
        while end >= start and not role_readings(self.toks[end].text):
            end -= 1
        return end if end >= start else None

    def _clause_orgs(self, h: NameHit, pos: int, end: int | None = None) -> None:
        """The organisations in the clause that starts at ``pos`` are the person's; when it
        names none, a head noun in it ("Jauniešu centrā", "Telpā") stands for the last
        organisation of that kind named before."""
        if end is None:
            s, e = self.sentence(pos)
            stop = _CLAUSE_STOP.search(self.text, pos, e)
            end = stop.start() if stop else e
        named = self._outermost(pos, end)
        for o in named:
            if o.name not in h.orgs:
                h.orgs.append(o.name)
        if not named:
            anaphor = self._anaphor(pos, end)
            if anaphor and anaphor not in h.orgs:
                h.orgs.append(anaphor)

    def _anaphor(self, start: int, end: int) -> str | None:
        """The organisation a bare head noun between ``start`` and ``end`` stands for."""
        i = bisect.bisect_left(self.starts, start)
        while i < len(self.toks) and self.toks[i].end <= end:
            tok = self.toks[i]
            kind = head_reading(tok.text)
            if kind is not None and not kind[2]:
                prev = self.toks[i - 1] if i else None
                if prev is None or not is_modifier(prev) or not self.spaced(i - 1, i):
                    return self._nearest_org(kind[0], start)
            i += 1
        return None

    def _first_person(self, h: NameHit) -> None:
        """``Mans vārds ir Līga Ozola, esmu jaunatnes darbiniece …``: the role after "esmu"."""
        s, e = self.sentence(h.start)
        before = self.text[s : h.start]
        if not _MY_NAME.search(before):
            return
        nxt = next(((a, b) for a, b in self.sentences if a >= e), None)
        for zone in ((h.end, e), nxt):
            if zone is None:
                continue
            m = _FIRST_PERSON.search(self.text, zone[0], zone[1])
            if m is None:
                continue
            i = next((i for i, t in enumerate(self.toks) if t.start >= m.end()), None)
            if i is None:
                return
            if m.group().lower() != "esmu":
                i = self._after_word(i, ("par", "kā")) or i
            end = self._role_end(i)
            if end is not None:
                self._apply(h, i, end)
                self._clause_orgs(h, m.end())
                return

    def _pronoun_subject(self, h: NameHit) -> None:
        """``To vada … Ilze Kalniņa.``: a pronoun object before a relation verb stands for the
        organisation the sentence before names first."""
        s, e = self.sentence(h.start)
        first = next((i for i, t in enumerate(self.toks) if t.start >= s), None)
        if first is None or first + 1 >= len(self.toks):
            return
        pronoun, verb = self.toks[first], self.toks[first + 1]
        if pronoun.text.lower() not in _PRONOUN_SUBJECTS or verb.start >= h.start:
            return
        relation = relation_of(verb.text)
        if relation not in _AGENT_ROLES or not is_verb(verb.text):
            return  # "Tās priekšsēdētājs …" is a possessive before a role, not "To vada …"
        prev = [(a, b) for a, b in self.sentences if b <= s]
        if not prev:
            return
        a, b = prev[-1]
        named = self._outermost(a, b)
        if not named:
            return
        if named[0].name not in h.orgs:
            h.orgs.append(named[0].name)
        if not h.roles:
            masc, fem = _AGENT_ROLES[relation]
            h.roles.append(fem if h.gender == "f" else masc)

    def _verb_before(self, h: NameHit) -> None:
        """``Jauniešu centru “Mozaīka” vada Sintija Kreile``, ``brīvprātīgo darbu koordinē
        Marta Siliņa``: the name after a relation verb holds that post over its object."""
        i = h.first - 1
        if i < 1 or not self.spaced(i, h.first):
            return
        verb = self.toks[i].text
        if not verb.islower() or not is_verb(verb) or relation_of(verb) not in _AGENT_ROLES:
            return
        masc, fem = _AGENT_ROLES[relation_of(verb)]  # type: ignore[index]
        role = fem if h.gender == "f" else masc
        obj = [o for o in self.orgs if 0 <= self.toks[i].start - o.end <= 1]
        if obj:
            if obj[0].name not in h.orgs:
                h.orgs.append(obj[0].name)
            h.roles.append(role)
            return
        k = i - 1
        while k - 1 >= 0 and self.spaced(k - 1, k) and i - k < 4 and is_modifier(self.toks[k - 1]):
            k -= 1
        words = self.toks[k:i]
        if not words or self.toks[i - 1].text.lower() in EVENT_WORDS:
            return  # "Pasākumu vadīja …": leading an event is not a post
        unit = self._object_genitive(k, self.toks[i - 1].end)
        if unit and not words[0].is_cap:
            h.roles.append(f"{unit} {role}")

    def _copula_before(self, h: NameHit) -> tuple[tuple[int, int], tuple[int, int]] | None:
        """``Projekta vadītāja ir Jeļena Kirilova``, ``Koncerta vadītāji bija … skolēni A un
        B``: a role phrase opening the sentence, then "ir"/"bija", then the name. Returns the
        role's token range and the text span between the copula and the name."""
        s, _ = self.sentence(h.start)
        first = bisect.bisect_left(self.starts, s)
        for c in range(first + 1, min(h.first, first + 10)):
            if self.toks[c].text not in ("ir", "bija", "būs") or not self.spaced(c - 1, c):
                continue
            if not role_readings(self.toks[c - 1].text):
                return None
            k = c - 1
            while k > first and self.spaced(k - 1, k) and is_modifier(self.toks[k - 1]):
                k -= 1
            if k != first or any(i in self.hit_tokens for i in range(first, c)):
                return None
            for i in range(c + 1, h.first):
                if is_verb(self.toks[i].text) or i in self.hit_tokens:
                    return None
            return (first, c - 1), (self.toks[c].end, h.start)
        return None

    def _apposition_org(self, h: NameHit) -> None:
        """``Foto: Rūdolfs Kalējs, Talsu novada pašvaldība``: an organisation alone after the
        name and a comma, up to the end of the line or sentence, is theirs."""
        m = re.match(r",[ \t]", self.text[h.end : h.end + 2])
        if m is None:
            return
        pos = h.end + 2
        for o in self._outermost(pos, min(len(self.text), pos + 120)):
            if o.start != pos or o.case != "nom":
                continue
            if re.match(
                r"[ \t]*(?:$|\n|[.;)]|,[ \t]*(?:tālr|e-pasts|tel))", self.text[o.end : o.end + 12]
            ):
                if o.name not in h.orgs:
                    h.orgs.append(o.name)
            return

    def _works_at(self, h: NameHit) -> None:
        """``Z.Liepiņa ikdienā konsultē jauniešus Valmieras novada Atbalsta centrā``: the
        subject of a verb of working, and the organisation in the locative after it."""
        s, e = self.sentence(h.start)
        stop = _CLAUSE_STOP.search(self.text, h.end, e)
        end = stop.start() if stop else e
        comma = self.text.find(",", h.end, end)
        end = comma if comma > 0 else end
        i = h.last + 1
        while i < len(self.toks) and self.toks[i].end <= end and i - h.last <= 4:
            if self.toks[i].text in _WORK_VERBS:
                for o in self._outermost(self.toks[i].end, end):
                    if o.case == "loc" and o.name not in h.orgs:
                        h.orgs.append(o.name)
                return
            i += 1

    def _bracketed_org(self, h: NameHit) -> None:
        """``Jānis Ozols (Talsu novada pašvaldība)``: an organisation alone in brackets after
        the name is theirs."""
        m = re.match(r"[ \t]?\(", self.text[h.end : h.end + 2])
        if m is None:
            return
        open_at = h.end + m.end()
        close = self.text.find(")", open_at, open_at + 120)
        if close < 0:
            return
        named = self._outermost(open_at, close)
        if len(named) == 1 and not self.text[open_at : named[0].start].strip():
            if not self.text[named[0].end : close].strip(" ,;") and named[0].name not in h.orgs:
                h.orgs.append(named[0].name)

    def _verb_after(self, h: NameHit) -> None:
        """``Eva Liepa vada Liepājas Jauniešu māju``: the subject of a relation verb whose
        object is an organisation holds that post in it."""
        k = h.last + 1
        if k >= len(self.toks) or not self.spaced(h.last, k):
            return
        verb = self.toks[k].text
        if not verb.islower() or not is_verb(verb) or relation_of(verb) not in _AGENT_ROLES:
            return
        obj = [o for o in self.orgs if 0 <= o.start - self.toks[k].end <= 1]
        if not obj or obj[0].case != "acc":
            return
        masc, fem = _AGENT_ROLES[relation_of(verb)]  # type: ignore[index]
        h.roles.append(fem if h.gender == "f" else masc)
        if obj[0].name not in h.orgs:
            h.orgs.append(obj[0].name)

    def _possessive_before(self, h: NameHit) -> None:
        """``… centrs “Mērķis” …. Tā jaunatnes darbinieks Kristaps Ērglis …``: a role after
        "tā"/"šī" (its) opening the sentence belongs to the organisation the sentence before
        names first."""
        s, _ = self.sentence(h.start)
        first = next((i for i, t in enumerate(self.toks) if t.start >= s), None)
        if first is None or first >= h.first - 1 or h.first - first > 8:
            return
        if self.toks[first].text.lower() not in _POSSESSIVES:
            return
        for i in range(first + 1, h.first):
            if not self.spaced(i - 1, i) or is_verb(self.toks[i].text) or i in self.hit_tokens:
                return  # another name between: "Tās priekšsēdētājs A un viņa vietnieks B"
        if not role_readings(self.toks[h.first - 1].text):
            return
        prev = [(a, b) for a, b in self.sentences if b <= s]
        if not prev:
            return
        named = self._outermost(*prev[-1])
        if named and named[0].name not in h.orgs:
            h.orgs.append(named[0].name)

    def _caption(self, h: NameHit) -> None:
        """A line that is only the name, with the role (and body) on the line below it."""
        line_start = self.text.rfind("\n", 0, h.start) + 1
        line_end = self.text.find("\n", h.end)
        line_end = len(self.text) if line_end < 0 else line_end
        own = self.text[line_start:line_end].strip().rstrip(",")
        written = self.text[h.start : h.end]
        credit = _CREDIT.match(own)
        if own != written and not (credit and own[credit.end() :] == written):
            return
        pos = line_end
        pending: list[OrgMention] = []
        for _ in range(2):
            nxt_end = self.text.find("\n", pos + 1)
            nxt_end = len(self.text) if nxt_end < 0 else nxt_end
            line = self.text[pos + 1 : nxt_end].strip()
            if not line and pos + 1 < len(self.text) and not pending:
                pos = nxt_end  # one blank line between the name and its role
                continue
            if not line or len(line.split()) > 14 or line.endswith((".", "!", "?")):
                break
            orgs = self._outermost(pos, nxt_end)
            rest = self.text[max([pos + 1] + [o.end for o in orgs]) : nxt_end].strip(" ,–-()")
            words = rest.split(" ")
            if rest and role_readings(words[-1]):
                pending += orgs
                h.orgs.extend(o.name for o in pending if o.name not in h.orgs)
                role = _nominative_role(words, h.gender, plural=False)
                role = _lower_first(role, True)
                if role not in h.roles:
                    h.roles.append(role)
                break
            if orgs and not rest:
                pending += orgs
            else:
                break
            pos = nxt_end
        if (
            pending
            and not h.roles
            and _SIGNATURE.search(self.text[max(0, line_start - 60) : line_start])
        ):
            h.orgs.extend(o.name for o in pending if o.name not in h.orgs)

    def _same_clause_org(self, h: NameHit) -> None:
        """An organisation in the clause that holds the person and their role is theirs."""
        s, e = self.sentence(h.start)
        left = s
        for m in _CLAUSE_STOP.finditer(self.text, s, h.start):
            left = m.end()
        stop = _CLAUSE_STOP.search(self.text, h.end, e)
        right = stop.start() if stop else e
        relative = _RELATIVE_START.search(self.text, h.end, right)
        right = relative.start() if relative else right  # the relative clause is read apart
        named = [o for o in self._outermost(left, right) if (o.start, o.end) not in self.used]
        if len(named) == 1 and not any(o for o in named if o.start <= h.start < o.end):
            h.orgs.append(named[0].name)
        elif not named:
            anaphor = self._anaphor(left, h.start)  # "Telpā strādās jaunatnes darbiniece …"
            if anaphor and anaphor not in h.orgs:
                h.orgs.append(anaphor)

    # -- building the role string -------------------------------------------------------

    def _outermost(self, start: int, end: int) -> list[OrgMention]:
        inside = [o for o in self.orgs if start <= o.start and o.end <= end]
        return [
            o
            for o in inside
            if not any(x is not o and x.start <= o.start and o.end <= x.end for x in inside)
        ]

    def _apply(
        self, h: NameHit, k: int, j: int, plural: bool = False, orgs_only: bool = False
    ) -> None:
        start, end = self.toks[k].start, self.toks[j].end
        org_names: list[str] = []
        cut = start
        inside = [
            o
            for o in self.orgs
            if (start <= o.start or o.start < start < o.end) and o.end <= end + 1
        ]
        for o in inside:
            if any(x is not o and x.start <= o.start and o.end <= x.end for x in inside):
                continue  # "X pašvaldības" inside "X pašvaldības izglītības pārvalde"
            org_names.append(o.name)
            cut = max(cut, o.end)
        if not org_names:
            for t in self.toks[k : j + 1]:
                kind = head_reading(t.text)
                if kind:
                    named = self._nearest_org(kind[0], start)
                    if named:
                        org_names.append(named)
                        cut = max(cut, t.end)
                    break
        for name in org_names:
            if name not in h.orgs:
                h.orgs.append(name)
        self.used.update((o.start, o.end) for o in inside)
        if orgs_only:
            return
        for p in self.places:
            if start <= p.start and p.end <= end and p.start >= cut:
                if p.base not in h.places:
                    h.places.append(p.base)
                cut = max(cut, p.end)
        role = squash(self.text[cut:end]).strip(" ,–-()")
        words = [w for w in role.split(" ") if w and w.lower() != "no"]
        while words and not role_readings(words[-1]):
            words.pop()
        if not words:
            return
        role = _nominative_role(words, h.gender, plural)
        role = _lower_first(role, self.toks[k].start in self.sent_starts)
        if role and role not in h.roles:
            h.roles.append(role)

    def _nearest_org(self, kind: str, pos: int) -> str | None:
        kinds = {kind} | ORG_KIND_FAMILIES.get(kind, frozenset())
        before = [
            o
            for o in self.orgs
            if o.start < pos and (o.kind in kinds or o.kind.endswith(kind) and len(kind) >= 4)
        ]
        quoted = [o for o in before if "“" in o.name or o.name[:1].isupper()]
        return quoted[-1].name if quoted else None


def _group_noun(word: str) -> bool:
    low = word.lower()
    if low in GROUP_NOUNS or low.rstrip("mās") in {"komand", "grup", "delegācij"}:
        return True
    return any(r.number == "pl" for r in role_readings(low)) and not any(
        r.number == "sg" for r in role_readings(low)
    )


def _plural(word: str, listed: bool = False) -> bool:
    """Whether a role form is plural (``pārstāvji``); before a list of names, a form that may
    be plural is (``speciālisti`` is also a woman's accusative)."""
    readings = role_readings(word)
    if listed:
        return any(r.number == "pl" for r in readings)
    return bool(readings) and all(r.number == "pl" for r in readings)


def _nominative_role(words: list[str], gender: str, plural: bool) -> str:
    """The role phrase with its head noun (and the adjectives agreeing with it) in the
    nominative singular of the person's gender: ``jaunatnes projektu koordinatorei`` →
    ``jaunatnes projektu koordinatore``; ``pārstāvji`` → ``pārstāve`` for a woman."""
    readings = role_readings(words[-1])
    if not readings:
        return " ".join(words)
    if gender not in ("m", "f"):
        genders = {r.gender for r in readings if r.number == "sg"} or {r.gender for r in readings}
        gender = "f" if genders == {"f"} else "m" if genders == {"m"} else ""
    pick = next((r for r in readings if r.gender == gender), readings[0])
    if not gender:
        gender = pick.gender
    base = pick.feminine if gender == "f" else pick.masculine
    head = words[-1]
    out = list(words)
    out[-1] = base if head[:1].islower() else base[:1].upper() + base[1:]
    for i in range(len(out) - 2, -1, -1):
        w = out[i]
        nominative = adjective_nominative(w, pick.gender, pick.case, pick.number)
        if nominative == w:
            break
        if pick.number == "pl" or gender != pick.gender:
            nominative = adjective_nominative(nominative, pick.gender, "nom")
        out[i] = nominative if gender == pick.gender else w
    return " ".join(out)


def _lower_first(role: str, line_start: bool) -> str:
    """``Projekta eksperte`` → ``projekta eksperte`` at a line start; ``Saeimas deputāte`` kept."""
    first = role.split(" ")[0]
    if not line_start or first.isupper() or gazetteer().lookup(first) or first in _PROPER:
        return role
    return role[:1].lower() + role[1:]
