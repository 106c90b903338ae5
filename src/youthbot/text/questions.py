"""Question words: what kind of answer a Latvian or English question asks for.

The one implementation of this fact. Patterns are written with diacritics and matched against
the question folded (lower case, no diacritics), so "Kura datuma notika …" typed without
diacritics reads like "Kurā datumā notika …".
"""

from __future__ import annotations

import re
from typing import Literal

from youthbot.text.normalize import fold, has_diacritics

__all__ = [
    "ANAPHORA",
    "CONTINUATIONS",
    "ORG_NOUN",
    "QUESTION_WORDS",
    "QuestionKind",
    "leans_on_conversation",
    "question_kind",
]

QuestionKind = Literal[
    "who",
    "which_org",
    "when",
    "until_when",
    "where",
    "how_much",
    "how_many",
    "contact",
    "what",
    "how",
    "why",
    "other",
]

#: Words that only ask (they carry no subject): dropped from a question's subject terms.
QUESTION_WORDS = frozenset(
    fold(w)
    for w in """
    kas kurš kura kuru kuri kuras kuram kurai kuriem kurām kurā kurās kuros kam ko kad kur
    cik kā kāds kāda kādu kādi kādas kādus kādā kādās kādos kādēļ kāpēc kālab kurp kurienes
    kurieni cikos cikiem
    who whom whose what which when where why how many much
    """.split()
)

# Nouns that name an organisation (any case) after "kura/kurš/kuras …" or "which/what".
#: "Which" in every case and gender ("kura", "kurā", "kuru", "kādā", …): never a word that only
#: starts with the same letters ("Kurzemes", "kādreiz").
_WHICH = (
    r"(kurš|kura|kurā|kuru|kuri|kuras|kurās|kuros|kuram|kurai|kuriem|kurām|"
    r"kāds|kāda|kādā|kādu|kādi|kādas|kādās|kādos|kādus|kādam|kādai|kādiem|kādām)"
)
_ORG_NOUNS = (
    r"(organizācij|iestād|biedrīb|pašvaldīb|aģentūr|centr|skol|ministrij|fond|institūcij|"
    r"struktūrvienīb|nodaļ|komand|apvienīb|uzņēmum|padom|dome|domes|domei|domi|pārvald|"
    r"universitāt|koledž|muzej|bibliotēk|klub|kustīb|partner|pašpārvald|parlament|"
    r"programm\w* operator)\w*"
)
_EN_ORG_NOUNS = (
    r"(organi[sz]ations?|institutions?|agenc(y|ies)|bod(y|ies)|municipalit(y|ies)|"
    r"associations?|ngos?|centres?|centers?|schools?|ministr(y|ies)|foundations?|councils?|"
    r"partners?|operators?|compan(y|ies)|firms?|businesse?s?|enterprises?|contractors?)"
)
#: One word that names a kind of organisation, in any case ("pašpārvaldēm", "biedrība").
ORG_NOUN = re.compile(rf"{_ORG_NOUNS}", re.IGNORECASE)

# Nouns that name a place (any case) after "kurā/kuru/kādā …": the question asks where.
_PLACE_NOUNS = (
    r"(viet|pilsēt|novad|pagast|valst|ciem|ēk|adres|iel|telp|reģion|apkaim|sal|"
    r"zem)(a|ā|u|ī|i|e|ē|as|ās|os|us|s|ām|iem|is|ēm|es)?\b"
)
_MONEY = (
    r"(naud\w*|eiro|euro|finansējum\w*|budžet\w*|summ\w*|apmēr\w*|maks\w*|izmaks\w*|grant\w*|"
    r"atbalst\w* apmēr\w*|līdzfinansējum\w*|stipendij\w*|piešķīr\w*)"
)
_EN_MONEY = (
    r"(money|funding|funds|budget|grants?|amount|sum|costs?|euros?|eur|fees?|prices?|"
    r"reimbursements?|compensations?|allowances?|expenses|payments?|scholarships?|stipends?|"
    r"contributions?|co-?financing|prizes?)"
)

# (kind, pattern) in the order they are tried; the first that matches decides.
_PATTERNS: tuple[tuple[QuestionKind, str], ...] = (
    (
        "contact",
        r"\b(tālru\w*|telefon\w*|e-?past\w*|kontakt\w*|sazināties|sazinās|rakstīt uz|"
        r"mājaslap\w*|tīmekļvietn\w*|tīmekļa vietn\w*|phone|e-?mail|contact\w*|reach|"
        r"website|web ?page|homepage)\b",
    ),
    (
        "until_when",
        r"\b(līdz kuram|līdz kurai|līdz kad|līdz kuram datumam|uz cik ilgu|cik ilgi|"
        r"kad beidzas|kad noslēdzas|kad jāiesniedz|kāds ir termiņš|kāds ir .*termiņš|termiņš|"
        r"until when|by when|deadline|how long|when does .* end|due)\b",
    ),
    (
        "when",
        r"\b(kad|kurā (datumā|dienā|gadā|mēnesī|laikā)|kura datuma|kurā gadā|cikos|kurš gads|"
        r"kurā laika posmā|(kād|kur)\w*\s+(\w+\s+)?(dien|datum|mēnes|nedēļ|stund|laik\w* posm)\w*|"
        r"no cikiem|līdz cikiem|when|what (date|day|year|time)|which (date|day|year|month)|"
        r"in what year|what time|on what days?)\b",
    ),
    (
        "where",
        rf"\b(kur|(uz |no |pie )?{_WHICH}\s+(?!no\s)(\w+\s+)?{_PLACE_NOUNS}|"
        r"uz kurieni|no kurienes|kurp|where|adrese|adresi|adreses|address|"
        r"(in|at|to|from) (which|what) (city|town|place|country|venue|building|municipality)|"
        r"(which|what) (countr(y|ies)|cit(y|ies)|towns?|villages?|municipalit(y|ies)|venues?)|"
        r"come from|comes from|came from)\b",
    ),
    (
        "how_much",
        rf"\b(cik liel\w*\s+(\w+\s+)?({_MONEY}|atbalst\w*)|cik daudz\s+(\w+\s+)?{_MONEY}|"
        rf"cik ({_MONEY}|eiro|euro|maksā|izmaksā)|"
        rf"cik liel\w* (ir|bija|būs)\b.*({_MONEY}|atbalst\w*)|kād\w* (ir|bija|būs)\b.*{_MONEY}|"
        rf"kād\w*\s+(\w+\s+)?{_MONEY}|"
        rf"{_MONEY}\b.*\bcik|(maksimāl|minimāl)\w* {_MONEY}|"
        rf"how much|what (is|was|are|were) the .*{_EN_MONEY}|"
        rf"(maximum|minimum|largest|total) (\w+ )?{_EN_MONEY})",
    ),
    ("how_many", r"\b(cik|how many|what number of|number of)\b"),
    ("why", r"\b(kāpēc|kādēļ|kālab|kāda iemesla dēļ|ar kādu mērķi|why|for what reason)\b"),
    (
        "which_org",
        rf"\b({_WHICH}|kas par)\s+(\w+\s+)?{_ORG_NOUNS}|\b(which|what)\s+(\w+\s+)?"
        rf"{_EN_ORG_NOUNS}\b",
    ),
    ("how", r"(^|[,;:]\s*|\bun\s+)kā\b|\bkādā veidā\b|\b(how|in what way)\b"),
    (
        "who",
        r"^\s*(un\s+|bet\s+)?(kas(?!\s+(ir|bija|būs|tiek|tika|notika|notiek|notiks|jādara|"
        r"jāzina|jāņem|vajadzīgs|nepieciešams|nepieciešam\w*)\b)|kurš|kura|kuri|kuras|kam|kuru|"
        r"ar ko(?!\s+(nodarboj|saistī|atšķir|sākt|sāk|beidz)\w*)|who|whom|whose)\b"
        r"|\bkas (ir|bija|būs)\s+(\w+\s+){0,3}?(vadītāj|priekšsēdētāj|direktor|koordinator|"
        r"vadīt|organizētāj|rīkotāj|autor|dibinātāj|pārstāv|speciālist|darbiniek|"
        r"lektor|eksper|treneris|trener|mentor|dalībniek|vietniek)\w*"
        r"|\b(who|whom|whose)\b",
    ),
    (
        "what",
        r"\b(kas|ko|kāds|kāda|kādu|kādi|kādas|kādus|kādā|kādās|kādos|kādām|kādiem|"
        r"what|which)\b",
    ),
)
#: Matched against the question in lower case when it has diacritics ("kā" is "how", "ka"
#: is "that"), and folded when it was typed without any.
_WRITTEN: tuple[tuple[QuestionKind, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(p, re.IGNORECASE)) for kind, p in _PATTERNS
)
_FOLDED: tuple[tuple[QuestionKind, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(fold(p), re.IGNORECASE)) for kind, p in _PATTERNS
)


def question_kind(question: str) -> QuestionKind:
    """What kind of answer ``question`` asks for.

    ``who`` (a person or an organisation: "Kas vadīja forumu?"), ``which_org`` ("Kura
    iestāde administrē …?"), ``when``, ``until_when`` (a deadline or an end: "Līdz kuram
    datumam …?"), ``where``, ``how_much`` (money: "Cik liels ir finansējums?"), ``how_many``
    (a count: "Cik reizes …?"), ``contact``, ``why``, ``how``, ``what`` ("Kas ir …?",
    "Kādas aktivitātes …?") or ``other``.

    Args:
        question: The question as typed, with or without diacritics, Latvian or English.

    Returns:
        The first kind whose pattern matches, in the order listed above.
    """
    text = " ".join(question.split())
    if has_diacritics(text):
        text, patterns = text.lower(), _WRITTEN
    else:
        text, patterns = fold(text), _FOLDED
    for kind, pattern in patterns:
        if pattern.search(text):
            if kind == "who" and _asks_for_a_thing(text):
                return "what"  # "Kurš priekšlikums savāca visvairāk balsu?"
            return kind
    return "other"


#: "Kurš/Kura/Kuri/Kuras" opening a question, and the word after it.
_WHICH_NOUN = re.compile(r"^\s*(?:un\s+|bet\s+)?(kurš|kurs|kura|kuri|kuras)\s+([^\W\d_]+)")
#: Nominative endings that agree with each form of "kurš" ("kurš priekšlikums", "kura ideja").
_AGREEING = {
    "kurš": ("s", "š", "is", "us"),
    "kurs": ("s", "š", "is", "us"),
    "kura": ("a", "e"),
    "kuri": ("i",),
    "kuras": ("as", "es"),
}
#: Nouns for people that are not role nouns: "Kuri jaunieši …?" asks who.
_PEOPLE_NOUNS = re.compile(
    r"^(jaunie|jauniet|cilvēk|cilvek|dalībniek|dalibniek|skolēn|skolen|student|brīvprātīg|"
    r"brivpratig|viesi|viesis|deputāt|deputat|puis|meiten|pārstāv|parstav|lektor|runātāj|"
    r"runataj|trener|darbiniek|speciālist|specialist|vadītāj|vaditaj|biedr|komand|grup|"
    r"person|autor|uzvarētāj|uzvaretaj|mentor|brīvprātīgais)",
    re.IGNORECASE,
)


def _asks_for_a_thing(question: str) -> bool:
    """Whether "Kurš/Kura …" asks which thing, not who: the word after it is a noun in the
    nominative that agrees with it and names no person ("Kurš priekšlikums …", "Kura ideja
    …"); a verb ("Kurš vadīja …"), "no" ("Kurš no viņiem …") or a person noun ("Kuri
    jaunieši …", "Kura speciāliste …") keep it a who-question."""
    from youthbot.text.happenings import happening_of
    from youthbot.text.relations import relation_of
    from youthbot.text.roles import is_role

    m = _WHICH_NOUN.match(question)
    if m is None:
        return False
    which, word = m.group(1), m.group(2)
    if not word.endswith(_AGREEING[which]) or len(word) < 4:
        return False
    if is_role(word) or _PEOPLE_NOUNS.match(word):
        return False
    if relation_of(word) is not None or happening_of(word) is not None:
        return False
    # past and present verb forms that end like nominatives ("kura organizēja", "kurš runā")
    return not re.search(r"(ēja|āja|īja|oja|uja|ēs|ās|īs|ies|ot|am|at)$", word)


#: Words that point back into the conversation (Latvian and English).
ANAPHORA = frozenset(
    {
        "to", "tā", "tas", "tie", "tās", "tam", "tai", "tajā", "tur", "turp", "šo", "šī", "šis",
        "šie", "šīs", "viņš", "viņa", "viņi", "viņas", "viņu", "viņiem", "tādu", "it", "its",
        "that", "this", "those", "these", "they", "them", "their", "there", "he", "she", "him",
        "her",
    }
)  # fmt: skip
#: First words that make a question continue the previous one.
CONTINUATIONS = frozenset({"un", "bet", "arī", "and", "but", "also", "what about"})
#: A question of at most this many words, naming nothing, is a follow-up ("Cik dalībnieku?").
SHORT_QUESTION_WORDS = 3

_TOKEN = re.compile(r"\w[\w\-]*\+?")
_NAMED = re.compile(r"\d|^[A-ZĀČĒĢĪĶĻŅŠŪŽ]")


def leans_on_conversation(question: str) -> bool:
    """True when ``question`` leans on the conversation before it (a follow-up).

    It does when it starts with "Un"/"And"/"Bet"…, uses an anaphoric word ("to", "tur",
    "that", "they"…), or is very short and names nothing (no capitalised word after the first,
    no number).
    """
    words = _TOKEN.findall(question)
    if not words:
        return False
    lower = [w.lower() for w in words]
    if lower[0] in CONTINUATIONS or " ".join(lower[:2]) in CONTINUATIONS:
        return True
    if any(w in ANAPHORA for w in lower):
        return True
    named = any(_NAMED.search(w) for w in words[1:]) or any(c.isdigit() for c in words[0])
    return len(words) <= SHORT_QUESTION_WORDS and not named
