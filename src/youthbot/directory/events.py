"""Events: dated sentences that report a meeting, a training or a visit, with place and people."""

from __future__ import annotations

import re
from dataclasses import dataclass

from youthbot.directory.facts import Event, Mention, Person, Project
from youthbot.text.dates import DateMention, find_dates, resolve_year
from youthbot.text.morphology import decline, stem_key
from youthbot.text.org_words import VENUE_KINDS
from youthbot.text.orgs import OrgMention, is_modifier
from youthbot.text.places import PlaceMention
from youthbot.text.roles import role_readings
from youthbot.text.tokens import is_verb, quoted, squash, tokens
from youthbot.text.venues import find_named_venues

_EVENT_NOUNS: tuple[str, ...] = (
    "pasākums", "tikšanās", "apmācības", "mācības", "seminārs", "konference", "forums",
    "nometne", "darbnīca", "diskusija", "sanāksme", "apmaiņa", "vizīte", "festivāls",
    "sacensības", "koncerts", "akcija", "talka", "lekcija", "kursi", "salidojums", "izstāde",
    "ekskursija", "sesija", "svētki", "hakatons", "kongress", "brauciens", "svinības",
    "atklāšana", "pārgājiens", "meistarklase", "treniņš", "turnīrs", "nodarbība", "notikums",
    "fotoizstāde", "viktorīna", "balle", "tirdziņš", "izrāde", "izbraukums", "spēle",
)  # fmt: skip
_INDECLINABLE = {"tikšanās": ("tikšanās", "tikšanos", "tikšanām")}


def _event_forms() -> dict[str, str]:
    out: dict[str, str] = {}
    for base in _EVENT_NOUNS:
        if base in _INDECLINABLE:
            forms = list(_INDECLINABLE[base])
        elif base.endswith(("as", "i")):  # plural nouns: apmācības, kursi, svētki
            sg = base[:-2] + "a" if base.endswith("as") else base[:-1] + "s"
            forms = [f for (n, _), f in decline(sg).items() if n == "pl"]
        else:
            forms = list(decline(base).values())
        for f in forms:
            out.setdefault(f, base)
    return out


EVENT_NOUNS: dict[str, str] = _event_forms()
_VERBS = re.compile(
    r"\b(notika|notiek|notiks|norisinājās|norisinās|norisināsies|noritēja|pulcējās|pulcēja|"
    r"pulcēs|tikās|tiekas|tikāmies|tiksies|devās|dodas|dosies|devāmies|apmeklēja|viesojās|"
    r"rīkoja|organizēja|sākās|uzsāks|uzsāka|aizvadīja|aizvadīts|aizvadīta|piedalījās|ieradās|"
    r"atklāja|atklāts|atklāta|atvēra|atvērts|atvērta|vēris|vērusi|paredzēts|paredzēta|"
    r"paredzētas|iecerēts|iecerēta|plānots|plānota|notiks|rīkojām|organizējām|noorganizēja)\b",
    re.I,
)
# An opening is an event even without a date of its own (it takes the one before it).
_OPENING = re.compile(r"\b(atklāja|atklāts|atklāta|atvēra|vēris|vērusi)\b", re.I)
# A named day, week or month is an event: "no 1. līdz 28. septembrim – Jauniešu mēnesis".
_NAMED_PERIOD = re.compile(r"\b[A-ZĀČĒĢĪĶĻŅŠŪŽ]\w+\s+(?:mēnes\w*|nedēļ\w*|dien[aāu]|dienas)\b")
# A year written bare after an event noun: "Saldus novada jauniešu forumā 2023".
_BARE_YEAR = re.compile(r"\s((?:19|20)\d\d)\b(?![.\-/]\d)")
_ORGANISE = re.compile(
    r"\b(rīkoja|organizēja|organizē|rīko|organizēs|rīkos|rīkotājs|rīkotāji|organizētājs|"
    r"organizētāji|organizators|organizatori|organizatore|organizatores|rīkotāja|rīkotājas|"
    r"noorganizēja|rīkojām|organizējām|noorganizējām|rīkosim|organizēsim)\b",
    re.I,
)
# What may stand between an organiser word and the organiser: "organizators – X",
# "Organizatori: X", "rīkotājs ir X".
_ORGANISER_GAP = re.compile(r"\s{0,2}(?:[–—:-]\s{0,2}|ir\s{1,2}|bija\s{1,2})?")
# Participles that name the organiser in the genitive before them: "biedrības X rīkotajā
# nometnē", "centra organizētais pasākums".
_ORGANISED_BY = re.compile(
    r"\b(?:rīkot|organizēt)(?:ais|ā|ajā|o|ajam|ajai|ie|ās|ajos|ajās|ajiem|ajām|s|a|u|os)\b", re.I
)
_SIGNATURE = re.compile(r"informāciju sagatavoja|kontaktinformācija|sagatavoja:", re.I)
_CREDIT = re.compile(r"\s*(?:foto|fotogrāfija|autors|autore|teksts)\s*[:–-]", re.I)
_TITLE_CUT = re.compile(r",\s*(lai|kas|kur|kurā|kurš|ko|un)\b|[,:;–]")
# Dates that are not an event's: a deadline ("līdz 20. decembrim", "pieteikties līdz …"),
# a founding or "since" date ("kopš 2004. gada").
_NOT_EVENT_DATE = re.compile(
    r"(?:\b(?:līdz|kopš|pirms|termiņš|termiņu|nolikum\w*|izņemot)\s+(?:\w+\s+un\s+)?)$", re.I
)  # "izņemot jūliju": a month left out of a rule
# Sentences that report no event although they carry a date and an event word: calls,
# deadlines, regulations adopted, a project's period.
_NOT_EVENT = re.compile(
    r"\b(?:pieteik\w*|pieteikum\w*|iesniedz\w*|iesniegt\w*|iesniegum\w*|jāiesniedz|"
    r"termiņ\w*|nolikum\w*|noteikum\w*|apstiprinā\w*|stājas spēkā|stājās spēkā|"
    r"izsludin\w*|konkurs\w*)\b",
    re.I,
)
_PERIOD_SUBJECT = re.compile(
    r"^\W*(?:projekts|projekta|programma|programmas|iniciatīva|kampaņa|konkurss)\b.{0,90}?"
    r"\b(?:notiks|norisināsies|ilgs|tiks īstenots|tiks īstenota|īstenos|darbosies|notiek|"
    r"sākās|sāksies|sākas|noslēdzas|noslēgsies|noslēdzās|beidzas|beigsies|turpināsies)\b",
    re.I,
)
# Where a sentence holding several dated events is cut: "…; 11.–14. augustā notiks …, bet no
# 1. līdz 28. septembrim – Jauniešu mēnesis".
_CLAUSE = re.compile(
    r";\s+|,\s+bet\s+|,\s+savukārt\s+|(?<=\d)\.\s+(?=[A-ZĀČĒĢĪĶĻŅŠŪŽ][a-zāčēģīķļņšūž]+\s)"
)  # the last: a sentence the splitter kept whole after a number ("ielā 12. Savukārt …")
# Between two dated items of a list: ", " or " un " with at most a place's words beside it.
_LIST_GAP = re.compile(
    r"(?:[ \t]+[^\W\d_]+(?:[ \t]+[^\W\d_]+)?)?(,[ \t]+|[ \t]+un[ \t]+)"
    r"(?:[^\W\d_]+(?:[ \t]+[^\W\d_]+)?[ \t]+)?"
)


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


def _bare_year(text: str, s: int, e: int) -> list[DateMention]:
    """A year written bare right after an event noun, as the event's date."""
    for tok in tokens(text, s, e):
        if tok.text.lower() in EVENT_NOUNS:
            m = _BARE_YEAR.match(text, tok.end, e)
            if m:
                return [DateMention(m.start(1), m.end(1), int(m.group(1)), None, None)]
    return []


def _units(
    text: str, s: int, e: int, dates: list[DateMention]
) -> list[tuple[tuple[int, int], bool]]:
    """The sentence, or its clauses when more than one of them is dated, each with whether
    it is an item of a list whose first item says what happened ("Diskusijas notika Rožupē
    8.oktobrī, Turkos 10.oktobrī un Līvānos 15.oktobrī": three events)."""
    found = list(_CLAUSE.finditer(text, s, e))
    spans = [(s, e)]
    if found:
        cuts = [s] + [m.end() for m in found]
        pieces = list(zip(cuts, [m.start() for m in found] + [e]))
        dated = [sp for sp in pieces if any(sp[0] <= d.start < sp[1] for d in dates)]
        if len(dated) >= 2:
            spans = pieces
    out: list[tuple[tuple[int, int], bool]] = []
    for a, b in spans:
        days = [d for d in dates if a <= d.start < b and d.day is not None]
        cuts = []
        for d1, d2 in zip(days, days[1:]):
            gap = text[d1.end : d2.start]
            m = _LIST_GAP.fullmatch(gap)
            if m is not None:
                cuts.append((d1.end + m.start(1), d1.end + m.end(1)))
        if not cuts:
            out.append(((a, b), False))
            continue
        start = a
        for n, (c0, c1) in enumerate(cuts):
            out.append(((start, c0), n > 0))
            start = c1
        out.append(((start, b), True))
    return out


def _event_dates(text: str, dates: list[DateMention], s: int, e: int) -> list[DateMention]:
    """The dates of a unit that may be an event's (deadlines and "kopš" dates left out)."""
    out = []
    for d in _sentence_dates(dates, s, e):
        if _NOT_EVENT_DATE.search(text[max(s, d.start - 32) : d.start]) and d.end_day is None:
            continue
        out.append(d)
    return out


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

    A sentence (or, when several of its clauses are dated, a clause) that gives a date and
    says something took place or will (an event noun such as ``pasākums``, ``apmācības``,
    ``atklāšana`` or a verb such as ``notika``, ``pulcējās``, ``atklāja``) opens an event; an
    opening ("svinīgi atklāja", "Vispirms atklāja fotoizstādi") opens one even undated,
    taking the date of the event before it. The sentences after an event, up to the next
    one, tell its place, organisers, speakers and participants ("Vizīti rīkoja …").
    Deadlines, calls, regulations and a project's own period are not events. A report with
    no dated event gets one undated event from its first sentence that says one took place.
    Years missing from dates are taken from ``date`` (the document's) where it is known.

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
        said = False
        for (us, ue), listed in _units(text, s, e, dates):
            unit = text[us:ue]
            explicit = _HAPPENS_ON.search(unit)
            if (_NOT_EVENT.search(unit) and not explicit) or _PERIOD_SUBJECT.search(unit):
                said = False
                continue
            here = _event_dates(text, dates, us, ue) or _bare_year(text, us, ue)
            says = (
                _VERBS.search(unit)
                or _has_event_noun(unit)
                or _NAMED_PERIOD.search(unit)
                or (listed and said)
            )
            said = bool(here and says)
            if here and says:
                if here[0].month is None and not _VERBS.search(unit):
                    continue
                ranged = next((a for a in reversed(anchors) if a.date and a.date.end_day), None)
                if ranged is not None and _within(here[0], ranged.date):
                    before = _event_nouns(text[slice(*ranged.sentence)])
                    nouns = _event_nouns(unit)
                    if not nouns or any(
                        b.endswith(n) or n.endswith(b) for b in before for n in nouns
                    ):
                        continue  # "Mācību pirmā diena, 23.septembris, …": a day of the one before
                anchors.append(_Anchor((us, ue), here[0]))
            elif _OPENING.search(unit) and anchors and anchors[-1].sentence[1] >= us - 400:
                if _opens_itself(text, us, ue):
                    continue  # "Forumu atklāja …": the event before was opened, not a new one
                anchors.append(_Anchor((us, ue), anchors[-1].date))  # "Vispirms atklāja …"
    if not anchors:
        for s, e in body:
            sentence = text[s:e]
            if _NOT_EVENT.search(sentence):
                continue
            if (_has_event_noun(sentence) and _VERBS.search(sentence)) or _TRAVEL.search(sentence):
                anchors.append(_Anchor((s, e), None))
                break
    if not anchors:
        return []
    events = []
    for n, a in enumerate(anchors):
        spans = [a.sentence]
        dated_before = any(b.date is not None and b.date.day for b in anchors[:n])
        if a.date is None or a.date.day is not None or not dated_before:
            # the sentences after it, up to the next event dated to the day: a mention of a
            # year or a month in between ("Pirmo reizi … tikās 2023. gadā") does not cut it
            nxt = next(
                (b.sentence[0] for b in anchors[n + 1 :] if b.date is None or b.date.day),
                stop,
            )
            own = {b.sentence for b in anchors}
            spans += [
                sp for sp in body if a.sentence[1] <= sp[0] and sp[1] <= nxt and sp not in own
            ]
        events.append(_event(doc, text, a, spans, places, orgs, people, projects))
    return events


# "… kas notiks 2025.gada 23.–25.septembrī": a clause that says a thing happens on a date is
# an event even in a call that asks to apply for it.
_HAPPENS_ON = re.compile(
    r"\b(?:notiks|notika|norisināsies|norisinājās)\s+(?:no\s+)?(?:(?:19|20)\d\d\.\s?gada\s+)?"
    r"\d{1,2}\.|\b\d{1,2}\.\s?[a-zāčēģīķļņšūž]{4,}\b.{0,40}?\b(?:notiks|notika|norisināsies|"
    r"norisinājās)\b",
    re.I,
)  # "… kas notiks 23.septembrī", "18.martā plkst. 15.00 tiešsaistē notiks seminārs"
# Verbs that say something took place (a sentence after the event's that says where).
_TOOK_PLACE = re.compile(
    r"\b(?:notika|notiek|notiks|norisinājās|norisinās|norisināsies|noritēja|noritēs)\b", re.I
)
# Lower-case words after a genitive place ending in a noun in the locative: a venue there
# ("Vārkavas pagasta jauniešu telpā", "Rīgas skolu zālē").
_VENUE_AFTER = re.compile(
    r"(?:[ \t][a-zāčēģīķļņšūž]+){0,2}[ \t][a-zāčēģīķļņšūž]{3,}(?:ā|ē|ī|ū|os|ās|ēs|īs)(?![\w])"
)
_VISITED = re.compile(r"\b(?:apmeklēja|apmeklēs|apmeklējām|apmeklēt|apskatīja)\s+$", re.I)
# "… spēli sagatavoja X": preparing an event is organising it (after an event noun only;
# "pieteikumu sagatavoja" is not).
_PREPARED = re.compile(r"\b(?:sagatavoja|sagatavo|sagatavos)\b", re.I)
# Partners named with an organiser: "X sadarbībā ar Y", "X kopā ar Y" (and a second).
_WITH = re.compile(r"[ \t]+(?:sadarbībā|kopā)[ \t]+ar[ \t]+|[ \t]+un[ \t]+")
# A trip to a place is an event even without a date: "devās pieredzes apmaiņā uz Rietavu".
_TRAVEL = re.compile(
    r"\b(devās|devāmies|brauca|braukt|dosies|viesojās|ieradās)\b.{0,60}\buz\b", re.I
)


def _within(d: DateMention, before: DateMention | None) -> bool:
    """Whether a day falls inside the days of the event dated before ("23.–25.septembrī")."""
    if before is None or before.end_day is None or d.day is None or d.month != before.month:
        return False
    return before.day is not None and before.day <= d.day <= before.end_day and d.end_day is None


def _opens_itself(text: str, s: int, e: int) -> bool:
    """Whether an opening's object is an event noun before the verb ("Pasākumu ar uzrunu
    atklāja …", "Foruma dienu atklāja …"): the event already told was opened."""
    m = _OPENING.search(text, s, e)
    if m is None:
        return False
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", text[s : m.start()])]
    return any(w in EVENT_NOUNS or w in ("dienu", "dienas") for w in words[:4])


def _event_nouns(sentence: str) -> set[str]:
    """The base forms of the event nouns a sentence says."""
    return {
        EVENT_NOUNS[w.lower()]
        for w in re.findall(r"[^\W\d_]+", sentence)
        if w.lower() in EVENT_NOUNS
    }


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
    place = _place_in(text, (s, e), places, orgs)
    if place:
        cite("place", (s, e))
    for span in spans[1:]:
        said = text[span[0] : span[1]]
        if place or not (_has_event_noun(said) or _TOOK_PLACE.search(said)):
            continue
        place = _place_in(text, span, places, orgs)
        if place:
            cite("place", span)
    organisers: list[str] = []
    for span in spans:
        # the first sentence that names organisers names the event's: a later "rīkoja" is
        # about something else that happened there ("… kur biedrība rīkoja spēli")
        found = _organisers_in(text, span, orgs, people)
        if found:
            organisers = found
            cite("organisers", span)
            break
    names: list[str] = []
    for p in people:
        for m in p.mentions:
            line = text[text.rfind("\n", 0, m.start) + 1 : m.start]
            rest = text[m.end : text.find("\n", m.end) if "\n" in text[m.end :] else len(text)]
            if _CREDIT.match(line) or (not line.strip() and rest.strip() in ("", ",")):
                continue  # "Foto: …" or a byline of its own: the author, not a participant
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
    """Where the span says the event is, the most particular named place first:

    1. a named venue in the locative ("Madonas Kultūras namā", "Iecavas parkā", "Ludzas
       Lielajās pilsdrupās"), or one whose room it names ("Birzgales tautas nama otrajā
       stāvā");
    2. a place in the locative ("Liepājā", "Lociku ciemā"), or the place of a venue named
       in lower case ("Vārkavas pagasta jauniešu telpā", "Jaunpils filiālē");
    3. a place after "uz" ("devāmies uz Talsu novadu");
    4. a country in the locative ("Igaunijā");
    5. a venue named in lower case ("jauniešu centrā “Kvartāls”", "“Ozolzīlē”");
    6. an unknown place, a body visited ("apmeklēja Saeimu"), a place naming the event
       ("Saldus novada jauniešu forumā").
    """
    s, e = span
    org_spans = [(o.start, o.end) for o in orgs] + quoted(text, s, e)
    here = [o for o in orgs if s <= o.start < e]
    outer = [
        o
        for o in here
        if not any(x is not o and x.start <= o.start and o.end <= x.end for x in here)
    ]

    def whence(pos: int) -> bool:
        return re.search(r"\bno\s+$", text[max(s, pos - 4) : pos]) is not None

    venues: list[tuple[int, str]] = []
    lower: list[str] = []
    bodies: list[OrgMention] = []
    for o in outer:
        if whence(o.start):
            continue
        named = o.case == "loc" or (o.case == "gen" and _VENUE_AFTER.match(text, o.end))
        if o.name.startswith("“") and o.name.rstrip("”").endswith(
            ("ā", "ē", "ī", "ū", "os", "ās", "ēs")
        ):
            named = True  # "“Ozolzīlē”": a quoted name in the locative
        if not named:
            continue
        if not _is_venue(o):
            if o.case == "loc":
                bodies.append(o)  # "Liepājas valstspilsētas pašvaldībā": at the body's town
        elif o.name[:1].isupper():
            venues.append((o.start, o.name))
        else:
            lower.append(_quoted_name(o, orgs))
    venues += [(v.start, v.name) for v in find_named_venues(text, s, e) if not whence(v.start)]
    if venues:
        return min(venues)[1]
    countries: list[str] = []
    for p in places:
        if s <= p.start < e and p.case == "loc" and not any(a <= p.start < b for a, b in org_spans):
            if whence(p.start):
                continue
            if p.kind == "valsts":
                countries.append(p.base)
                continue
            return p.base
    for o in bodies:
        inner = [p for p in places if o.start <= p.start < o.end and p.kind != "valsts"]
        return inner[0].base if inner else o.name
    for p in places:
        if s <= p.start < e and p.case in ("gen", "nom"):
            if any(a <= p.start < b for a, b in org_spans):
                continue
            m = _VENUE_AFTER.match(text, p.end)
            if m and not whence(p.start) and not any(is_verb(w) for w in m.group().split()):
                return p.base  # "Jaunpils filiālē" (the genitive reads as the nominative)
    for p in places:
        if s <= p.start < e and p.case == "acc" and re.search(r"\buz\s+$", text[s : p.start]):
            return p.base
        if (
            s <= p.start < e
            and p.case == "acc"
            and _VISITED.search(text, max(s, p.start - 12), p.start)
        ):
            return p.base  # "16.maijā apmeklējām Rõuge pagastu"
    for o in orgs:
        if s <= o.start < e and o.case == "acc" and re.search(r"\buz\s+$", text[s : o.start]):
            inner = [p for p in places if o.start <= p.start < o.end and p.kind != "valsts"]
            after = [p for p in places if o.end <= p.start < o.end + 3 and p.case == "loc"]
            if after or inner:
                return (after or inner)[0].base
    if countries:
        return countries[0]
    if lower:
        return lower[0]
    for p in places:
        if s <= p.start < e and p.kind == "vieta":
            return p.base
    for o in orgs:
        if (
            s <= o.start < e
            and o.case == "acc"
            and _VISITED.search(text, max(s, o.start - 12), o.start)
        ):
            return o.name  # "apmeklēja Saeimu": the body visited is the venue
    for tok in tokens(text, s, e):
        if tok.text.lower() in EVENT_NOUNS:
            before = [p for p in places if s <= p.start and p.end <= tok.start]
            near = [p for p in before if p.case == "gen" and tok.start - p.end <= 40]
            if near and not any(a <= near[-1].start < b for a, b in org_spans):
                return near[-1].base
    return None


def _is_venue(o: OrgMention) -> bool:
    """Whether an organisation is a place things happen in (its kind, or a bare quoted name)."""
    return o.name.startswith("“") or o.kind in VENUE_KINDS or o.kind.endswith(tuple(VENUE_KINDS))


def _quoted_name(o: OrgMention, orgs: list[OrgMention]) -> str:
    """A bare quoted name in the locative ("“Ozolzīlē”") as the organisation it names
    elsewhere in the text ("jauniešu telpa “Ozolzīle”"), else as written."""
    if not o.name.startswith("“"):
        return o.name
    key = [stem_key(w) for w in o.name.strip("“”").split()]
    for other in orgs:
        if other is o or "“" not in other.name:
            continue
        inner = other.name[other.name.index("“") :].strip("“”").split()
        if [stem_key(w) for w in inner] == key and not other.name.startswith("“"):
            return other.name
    return o.name


def _organisers_in(
    text: str, span: tuple[int, int], orgs: list[OrgMention], people: list[Person]
) -> list[str]:
    """Who the span names as organiser: the organisation or person right after an organiser
    word (over a role phrase: "organizēja jaunatnes darbiniece Ilze Ozoliņa", or "organizators
    – X"), or right before it, and the genitive before a participle ("biedrības X rīkotajā
    nometnē"), with the partners named beside them ("X sadarbībā ar Y", "X kopā ar Y")."""
    s, e = span
    inside = [o for o in orgs if s <= o.start < e]
    outer = [
        o
        for o in inside
        if not any(x is not o and x.start <= o.start and o.end <= x.end for x in inside)
    ]
    mentions = [
        (pm.start, pm.end, p.name) for p in people for pm in p.mentions if s <= pm.start < e
    ]
    taken: list[tuple[int, int, str]] = []

    def after(pos: int) -> tuple[int, int, str] | None:
        gap = _ORGANISER_GAP.match(text, pos)
        at = gap.end() if gap else pos
        for o in outer:
            if at <= o.start <= at + 1:
                return o.start, o.end, o.name
        for ms, me, name in mentions:
            if at <= ms <= at + 1:
                return ms, me, name
            between = text[at:ms]
            if 0 < ms - at <= 60 and _role_phrase(between):
                return ms, me, name  # over the role: "organizēja jaunatnes darbiniece Ilze …"
        return None

    matches = list(_ORGANISE.finditer(text, s, e))
    matches += [
        m
        for m in _PREPARED.finditer(text, s, e)
        if text[: m.start()].split()[-1:] and text[: m.start()].split()[-1].lower() in EVENT_NOUNS
    ]  # "Orientēšanās spēli sagatavoja …": who prepared the event organised it
    for m in matches:
        found = after(m.end())
        if found is None:
            for o in outer:  # "Tikšanos … rīkoja" is rare; "X rīkoja" is the organiser before
                if 0 <= m.start() - o.end <= 2:
                    found = o.start, o.end, o.name
            for ms, me, name in mentions:
                if 0 <= m.start() - me <= 2:
                    found = ms, me, name
        if found is not None:
            taken.append(found)
    for m in _ORGANISED_BY.finditer(text, s, e):
        for o in outer:
            if 0 <= m.start() - o.end <= 2:
                taken.append((o.start, o.end, o.name))
    out: list[str] = []
    for _start, end, name in taken:
        out.append(name)
        pos = end
        while True:  # "X sadarbībā ar Y", "X kopā ar Y": the partners organised it with them
            partner = next(
                (
                    o
                    for o in outer
                    if pos < o.start <= pos + 40 and _WITH.fullmatch(text, pos, o.start)
                ),
                None,
            )
            if partner is None:
                break
            out.append(partner.name)
            pos = partner.end
    return list(dict.fromkeys(out))


def _role_phrase(between: str) -> bool:
    """Whether text between an organiser word and a name is a lower-case role phrase."""
    words = between.split()
    if not words or len(words) > 6 or not between.endswith((" ", "\t")):
        return False
    if any(not w.islower() or not w.isalpha() for w in words):
        return False
    return bool(role_readings(words[-1]))


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
