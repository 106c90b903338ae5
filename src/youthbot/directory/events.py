"""Events: dated sentences that report a meeting, a training or a visit, with place and people."""

from __future__ import annotations

import re
from dataclasses import dataclass

from youthbot.directory.facts import Event, Mention, Person, Project
from youthbot.text.dates import DateMention, find_dates, resolve_year
from youthbot.text.orgs import OrgMention, is_modifier
from youthbot.text.places import PlaceMention
from youthbot.text.tokens import squash, tokens

_NOUN_STEMS: dict[str, tuple[str, ...]] = {
    "pasākums": ("pasākums", "pasākuma", "pasākumam", "pasākumu", "pasākumā"),
    "tikšanās": ("tikšanās", "tikšanos", "tikšanām"),
    "apmācības": ("apmācības", "apmācību", "apmācībām", "apmācībās"),
    "mācības": ("mācības", "mācību", "mācībām", "mācībās"),
    "seminārs": ("seminārs", "semināra", "semināram", "semināru", "seminārā"),
    "konference": ("konference", "konferences", "konferencei", "konferenci", "konferencē"),
    "forums": ("forums", "foruma", "forumam", "forumu", "forumā"),
    "nometne": ("nometne", "nometnes", "nometnei", "nometni", "nometnē"),
    "darbnīca": ("darbnīca", "darbnīcas", "darbnīcai", "darbnīcu", "darbnīcā"),
    "diskusija": ("diskusija", "diskusijas", "diskusijai", "diskusiju", "diskusijā"),
    "sanāksme": ("sanāksme", "sanāksmes", "sanāksmei", "sanāksmi", "sanāksmē"),
    "apmaiņa": ("apmaiņa", "apmaiņas", "apmaiņai", "apmaiņu", "apmaiņā"),
    "vizīte": ("vizīte", "vizītes", "vizītei", "vizīti", "vizītē"),
    "festivāls": ("festivāls", "festivāla", "festivālam", "festivālu", "festivālā"),
    "sacensības": ("sacensības", "sacensību", "sacensībām", "sacensībās"),
    "koncerts": ("koncerts", "koncerta", "koncertam", "koncertu", "koncertā"),
    "akcija": ("akcija", "akcijas", "akcijai", "akciju", "akcijā"),
    "talka": ("talka", "talkas", "talkai", "talku", "talkā"),
    "lekcija": ("lekcija", "lekcijas", "lekcijai", "lekciju", "lekcijā"),
    "kursi": ("kursi", "kursu", "kursiem", "kursus", "kursos"),
    "salidojums": ("salidojums", "salidojuma", "salidojumam", "salidojumu", "salidojumā"),
    "izstāde": ("izstāde", "izstādes", "izstādei", "izstādi", "izstādē"),
    "ekskursija": ("ekskursija", "ekskursijas", "ekskursijai", "ekskursiju", "ekskursijā"),
    "sesija": ("sesija", "sesijas", "sesijai", "sesiju", "sesijā"),
    "svētki": ("svētki", "svētku", "svētkiem", "svētkus", "svētkos"),
    "hakatons": ("hakatons", "hakatona", "hakatonam", "hakatonu", "hakatonā"),
    "kongress": ("kongress", "kongresa", "kongresam", "kongresu", "kongresā"),
    "brauciens": ("brauciens", "brauciena", "braucienam", "braucienu", "braucienā"),
}
EVENT_NOUNS: dict[str, str] = {f: base for base, forms in _NOUN_STEMS.items() for f in forms}
_VERBS = re.compile(
    r"\b(notika|notiek|notiks|norisinājās|norisinās|norisināsies|noritēja|pulcējās|pulcēja|"
    r"pulcēs|tikās|tiekas|tikāmies|tiksies|devās|dodas|dosies|apmeklēja|viesojās|rīkoja|"
    r"organizēja|sākās|uzsāks|uzsāka|aizvadīja|aizvadīts|aizvadīta|piedalījās|ieradās)\b",
    re.I,
)
_ORGANISE = re.compile(
    r"\b(rīkoja|organizēja|organizē|rīko|organizēs|rīkos|rīkotājs|rīkotāji|organizētājs|"
    r"organizētāji|organizators|organizatori)\b",
    re.I,
)
_SIGNATURE = re.compile(r"informāciju sagatavoja|kontaktinformācija|sagatavoja:", re.I)
_TITLE_CUT = re.compile(r",\s*(lai|kas|kur|kurā|kurš|ko|un)\b|[,:;–]")


@dataclass(frozen=True, slots=True)
class _Anchor:
    sentence: tuple[int, int]
    date: DateMention | None


def _iso(m: DateMention | None, day: int | None = None) -> str | None:
    if m is None:
        return None
    if day is not None:
        m = DateMention(m.start, m.end, m.year, m.month, day)
    if m.year is None and m.month is None:
        return None
    return m.iso


def _sentence_dates(dates: list[DateMention], s: int, e: int) -> list[DateMention]:
    inside = [d for d in dates if s <= d.start < e]
    return sorted(inside, key=lambda d: (d.day is None, d.month is None, d.start))


def find_events(
    doc: str,
    text: str,
    date: str | None,
    sentences: list[tuple[int, int]],
    places: list[PlaceMention],
    orgs: list[OrgMention],
    people: list[Person],
    projects: list[Project],
) -> list[Event]:
    """Events a document reports.

    A sentence that gives a date and says something took place (an event noun such as
    ``pasākums``, ``apmācības``, ``tikšanās`` or a verb such as ``notika``, ``pulcējās``,
    ``tikās``) opens an event; the sentences after the first such one tell its organisers,
    speakers and participants. A report with no such sentence gets one undated event from its
    first ``Pasākums pulcēja …`` sentence. Years missing from dates are taken from ``date``
    (the document's) where it is known, else the date stays partial (``--06-05``).

    Args:
        doc: ``Document.path``.
        text: The document text.
        date: The document's ISO date, or None.
        sentences: Its sentence spans.
        places: Its place mentions.
        orgs: Its organisation mentions.
        people: Its people.
        projects: Its projects.

    Returns:
        Events in text order.
    """
    dates = [resolve_year(d, date) for d in find_dates(text)]
    stop = len(text)
    for s, _ in sentences:
        if _SIGNATURE.search(text[s : s + 40]):
            stop = s
            break
    body = [(s, e) for s, e in sentences if s < stop]
    anchors: list[_Anchor] = []
    for s, e in body:
        sentence = text[s:e]
        here = _sentence_dates(dates, s, e)
        if not here or not (_VERBS.search(sentence) or _has_event_noun(sentence)):
            continue
        if here[0].month is None and not _VERBS.search(sentence):
            continue
        anchors.append(_Anchor((s, e), here[0]))
    if not anchors:
        for s, e in body:
            sentence = text[s:e]
            if _has_event_noun(sentence) and _VERBS.search(sentence):
                anchors.append(_Anchor((s, e), None))
                break
    if not anchors:
        return []
    primary = next((a for a in anchors if a.date and a.date.day), anchors[0])
    anchor_spans = {a.sentence for a in anchors}
    events = []
    for a in anchors:
        spans = [a.sentence]
        if a is primary:
            spans += [sp for sp in body if sp[0] > a.sentence[0] and sp not in anchor_spans]
        events.append(_event(doc, text, a, spans, places, orgs, people, projects))
    return events


def _has_event_noun(sentence: str) -> bool:
    return any(w.lower() in EVENT_NOUNS for w in re.findall(r"[^\W\d_]+", sentence))


def _event(
    doc: str,
    text: str,
    anchor: _Anchor,
    spans: list[tuple[int, int]],
    places: list[PlaceMention],
    orgs: list[OrgMention],
    people: list[Person],
    projects: list[Project],
) -> Event:
    s, e = anchor.sentence
    evidence: dict[str, Mention] = {}

    def cite(key: str, span: tuple[int, int]) -> None:
        """Keep the first span that states ``key``."""
        evidence.setdefault(key, Mention(doc, span[0], span[1], text[span[0] : span[1]]))

    date_iso = _iso(anchor.date)
    date_end = None
    if anchor.date is not None:
        cite("date", (s, e))
        if anchor.date.end_day:
            date_end = _iso(anchor.date, anchor.date.end_day)
    place = None
    for span in spans:
        if span != anchor.sentence and not _has_event_noun(text[span[0] : span[1]]):
            continue
        place = _place_in(text, span, places, orgs)
        if place:
            cite("place", span)
            break
    organisers: list[str] = []
    for span in spans:
        for name in _organisers_in(text, span, orgs, people):
            if name not in organisers:
                organisers.append(name)
                cite("organisers", span)
    names: list[str] = []
    for p in people:
        for m in p.mentions:
            span = next((sp for sp in spans if sp[0] <= m.start < sp[1]), None)
            if span is not None and p.name not in names:
                names.append(p.name)
                cite(f"person:{p.name}", span)
    project = _project_for(spans[:2], projects)
    return Event(
        title=_title(text, s, e),
        date=date_iso,
        date_end=date_end,
        place=place,
        organisers=organisers,
        people=names,
        project=project,
        doc=doc,
        start=s,
        end=e,
        quote=text[s:e],
        evidence=evidence,
    )


def _place_in(
    text: str, span: tuple[int, int], places: list[PlaceMention], orgs: list[OrgMention]
) -> str | None:
    s, e = span
    org_spans = [(o.start, o.end) for o in orgs]
    for p in places:
        if s <= p.start < e and p.case == "loc" and not any(a <= p.start < b for a, b in org_spans):
            return p.base
    for o in orgs:
        if s <= o.start < e and o.case == "loc":
            inner = [p for p in places if o.start <= p.start < o.end]
            if inner:
                return inner[0].base
    for p in places:
        if s <= p.start < e and p.case == "acc" and text[max(s, p.start - 4) : p.start] == "uz ":
            return p.base
    for p in places:
        if s <= p.start < e and p.kind == "vieta":
            return p.base
    return None


def _organisers_in(
    text: str, span: tuple[int, int], orgs: list[OrgMention], people: list[Person]
) -> list[str]:
    s, e = span
    out: list[str] = []
    for m in _ORGANISE.finditer(text, s, e):
        for o in orgs:
            if s <= o.start < e and (0 <= o.start - m.end() <= 2 or 0 <= m.start() - o.end <= 2):
                out.append(o.name)
        for p in people:
            for pm in p.mentions:
                if 0 <= pm.start - m.end() <= 2:
                    out.append(p.name)
    return out


def _project_for(spans: list[tuple[int, int]], projects: list[Project]) -> str | None:
    for s, e in spans:
        for p in projects:
            if p.kind == "projekts" and any(s <= m.start < e for m in p.mentions):
                return p.name
    named = [p for p in projects if p.kind == "projekts"]
    return named[0].name if len(named) == 1 else None


def _title(text: str, s: int, e: int) -> str:
    """What happened: the event noun phrase (``… pieredzes apmaiņas pasākums``), else the clause."""
    toks = tokens(text, s, e)
    for i, tok in enumerate(toks):
        base = EVENT_NOUNS.get(tok.text.lower())
        if base is None:
            continue
        if i + 1 < len(toks) and toks[i + 1].text.lower() in EVENT_NOUNS:
            continue  # "pieredzes apmaiņas pasākums": the last noun heads the phrase
        j = i
        while j > 0 and re.fullmatch(r" {1,2}", text[toks[j - 1].end : toks[j].start]):
            if not is_modifier(toks[j - 1]) or i - j >= 7:
                break
            j -= 1
        while j < i and toks[j].start == s and toks[j].is_cap and not is_modifier(toks[j]):
            j += 1
        words = [t.text for t in toks[j:i]]
        named = re.match(r"\s?[“„\"«]([^”\"»\n]{2,80})[”\"»]", text[tok.end : e])
        if not words and base in ("pasākums", "tikšanās", "apmaiņa") and not named:
            continue  # too general alone
        phrase = " ".join(words + [base])
        if named:
            return f"{phrase} “{named.group(1)}”"
        m = re.match(r"\s+(par\s[^,.;:–]{3,80})", text[tok.end : e])
        if m:
            phrase += " " + squash(m.group(1))
        return phrase
    clause = text[s:e]
    cut = _TITLE_CUT.search(clause)
    if cut and cut.start() > 20:
        clause = clause[: cut.start()]
    return squash(clause)[:140].rstrip(" .;:")
