"""Latvian date mentions ("5. jūnijā", "2020.gada 1.oktobri", "26.01.2024.") and search keys."""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import logging
import re
from dataclasses import dataclass

from youthbot.text.normalize import fold

__all__ = ["DateMention", "document_date", "find_dates", "month_number", "resolve_year"]

logger = logging.getLogger(__name__)

#: How far into a document ``document_date`` looks for a full date when no dateline exists.
DATELINE_WINDOW = 600

_MONTH_STEMS: tuple[tuple[str, ...], ...] = (
    ("janvāris", "janvāra", "janvārim", "janvāri", "janvārī"),
    ("februāris", "februāra", "februārim", "februāri", "februārī"),
    ("marts", "marta", "martam", "martu", "martā"),
    ("aprīlis", "aprīļa", "aprīlim", "aprīli", "aprīlī"),
    ("maijs", "maija", "maijam", "maiju", "maijā"),
    ("jūnijs", "jūnija", "jūnijam", "jūniju", "jūnijā"),
    ("jūlijs", "jūlija", "jūlijam", "jūliju", "jūlijā"),
    ("augusts", "augusta", "augustam", "augustu", "augustā"),
    ("septembris", "septembra", "septembrim", "septembri", "septembrī"),
    ("oktobris", "oktobra", "oktobrim", "oktobri", "oktobrī"),
    ("novembris", "novembra", "novembrim", "novembri", "novembrī"),
    ("decembris", "decembra", "decembrim", "decembri", "decembrī"),
)
#: Every case form of every month name, with and without diacritics → month number.
_MONTH_FORMS: dict[str, int] = {}
for _n, _forms in enumerate(_MONTH_STEMS, start=1):
    for _form in _forms:
        _MONTH_FORMS[_form] = _n
        _MONTH_FORMS[fold(_form)] = _n
_MONTH_ALT = "|".join(sorted(_MONTH_FORMS, key=len, reverse=True))
# Written alone a month name is lower-case; at a sentence start only its locative
# ("Janvārī notiks …") is taken, so that the names Maija, Marta and Augusts are not months.
_BARE_MONTH_ALT = "|".join(
    sorted(
        list(_MONTH_FORMS) + [f[0].upper() + f[1:] for f in _MONTH_FORMS if f[-1] in "āīi"],
        key=len,
        reverse=True,
    )
)

_NOT_LETTER = r"(?![^\W\d_])"
# "šī gada 5. jūnijā": a year given relative to the text's own date, looked for before a mention.
_REL_BEFORE = re.compile(
    r"(?<![^\W\d_])(?:(?P<rel>šī|šā|ši|sa|pagājušā|pagajusa|nākamā|nakama)\s+gada"
    r"|(?P<rel1>šogad|sogad|pērn|pern|nākamgad|nakamgad))\s+$",
    re.IGNORECASE,
)
_REL_OFFSETS = {"šī": 0, "šā": 0, "ši": 0, "sa": 0, "šogad": 0, "sogad": 0,
                "pagājušā": -1, "pagajusa": -1, "pērn": -1, "pern": -1,
                "nākamā": 1, "nakama": 1, "nākamgad": 1, "nakamgad": 1}  # fmt: skip
_YEAR = r"(?P<y>(?:19|20)\d{2})"
_GADA = r"\.?\s*(?:gad(?:a|ā|s|u|am|os|iem|us)|g\.)"
_DAYS = (
    r"(?P<d>\d{1,2})\.\s*"
    r"(?:(?:[-–—]|līdz|lidz|un)\s*(?P<d2>\d{1,2})\.\s*)?"
)
_FLAGS = re.IGNORECASE

# Tried where a four-digit run starts, most telling first.
_YEAR_FIRST: tuple[re.Pattern[str], ...] = (
    # 2020. gada 1. oktobrī, 2020.gada 1.oktobri, 2024. g. 5. martā, 2024. gada 21.–25. maijā
    re.compile(rf"(?<![\w.]){_YEAR}\.?\s*(?:gada|g\.)\s*{_DAYS}(?P<m>{_MONTH_ALT}){_NOT_LETTER}",
               _FLAGS),
    # 2024-01-26
    re.compile(r"(?<![\w.-])(?P<y>(?:19|20)\d{2})-(?P<mn>\d{2})-(?P<d>\d{2})(?![\w-])"),
    # 2024. gada janvārī
    re.compile(rf"(?<![\w.]){_YEAR}\.?\s*(?:gada|g\.)\s*(?P<m>{_MONTH_ALT}){_NOT_LETTER}", _FLAGS),
    # 2016.-2020.gadam (two years)
    re.compile(rf"(?<![\w.]){_YEAR}\.?\s*[-–—]\s*(?P<y2>(?:19|20)\d{{2}}){_GADA}{_NOT_LETTER}"),
    # 2023. gadā, 2023.gada nogalē
    re.compile(rf"(?<![\w.]){_YEAR}{_GADA}{_NOT_LETTER}"),
)  # fmt: skip
# Tried where a one- or two-digit run starts.
_DAY_FIRST: tuple[re.Pattern[str], ...] = (
    # 26.01.2024.
    re.compile(
        r"(?<![\w.])(?P<d>\d{1,2})\.(?P<mn>\d{1,2})\.(?P<y>(?:19|20)\d{2})(?![\w/]|\.\d)\.?"
    ),
    # 5. jūnijā, 26.janvārī, 21. līdz 25. novembrim, 21.–25. novembrī
    re.compile(rf"(?<![\w.,/-]){_DAYS}(?P<m>{_MONTH_ALT}){_NOT_LETTER}", _FLAGS),
)  # fmt: skip
# A month named alone: "novembrī", "Janvārī notiks …".
_BARE_MONTH = re.compile(rf"(?<![^\W\d_])(?P<m>{_BARE_MONTH_ALT}){_NOT_LETTER}")
_DIGITS = re.compile(r"\d+")
# Lower-case beginnings that every month form (with or without diacritics) starts with.
_MONTH_PREFIXES = ("janv", "febr", "mart", "apr", "maij", "jūni", "juni", "jūli", "juli",
                   "aug", "sept", "okt", "nov", "dec")  # fmt: skip

_DATELINE = re.compile(
    r"^[^\S\n]*(?:publicēts|publicets|publicēšanas datums|publicesanas datums|datums|"
    r"publicēta|publicēja|published|date|atjaunots|atjaunināts)\b[^\S\n]*:?(?P<rest>[^\n]*)",
    re.IGNORECASE | re.MULTILINE,
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date written in a text, as precise as the text makes it.

    Attributes:
        start: Offset of its first character in the text searched.
        end: Offset just past its last character.
        year: The year, when written (or resolved by ``resolve_year``).
        month: The month 1–12, when written.
        day: The day of the month, when written; the first day of a range.
        end_day: The last day of a range ("No 21. līdz 25. novembrim" → 25), else None.
        year_offset: Set when the year is given relative to the text's own date: 0 for
            "šī gada" / "šogad", -1 for "pagājušā gada" / "pērn", 1 for "nākamā gada".
    """

    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    end_day: int | None = None
    year_offset: int | None = None

    def __post_init__(self) -> None:
        if self.year is None and self.month is None:
            raise ValueError("a date mention names at least a year or a month")

    @property
    def iso(self) -> str:
        """ISO 8601 form: "YYYY-MM-DD", "YYYY-MM", "YYYY", or "--MM-DD" / "--MM" without a year."""
        if self.year is None:
            if self.day is not None:
                return f"--{self.month:02d}-{self.day:02d}"
            return f"--{self.month:02d}"
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    @property
    def keys(self) -> tuple[str, ...]:
        """Search terms under which every written form of this date meets.

        ``dMMDD`` for each day (every day of a range), ``dYYYYMMDD`` as well when the year
        is known; ``mMM`` for the month and ``mYYYYMM`` with its year; ``yYYYY`` for the
        year. "26.janvārī" gives (d0126, m01); "26.01.2024." gives (d0126, d20240126, m01,
        m202401, y2024), so the two share d0126 and m01.
        """
        out: list[str] = []
        if self.month is not None and self.day is not None:
            last = self.end_day if self.end_day is not None else self.day
            days = range(self.day, last + 1)
            out.extend(f"d{self.month:02d}{d:02d}" for d in days)
            if self.year is not None:
                out.extend(f"d{self.year:04d}{self.month:02d}{d:02d}" for d in days)
        if self.month is not None:
            out.append(f"m{self.month:02d}")
            if self.year is not None:
                out.append(f"m{self.year:04d}{self.month:02d}")
        if self.year is not None:
            out.append(f"y{self.year:04d}")
        return tuple(out)

    @property
    def key(self) -> str:
        """The most exact key that every written form of this date shares (one of ``keys``).

        ``dMMDD`` whenever the day is known, with or without a year, so that "26.janvārī"
        and "26.01.2024." meet on "d0126"; else ``mYYYYMM``, ``mMM`` or ``yYYYY``.
        """
        if self.month is not None and self.day is not None:
            return f"d{self.month:02d}{self.day:02d}"
        if self.month is not None and self.year is not None:
            return f"m{self.year:04d}{self.month:02d}"
        if self.month is not None:
            return f"m{self.month:02d}"
        return f"y{self.year:04d}"


def month_number(word: str) -> int | None:
    """The month a Latvian month name in any case names ("novembrim" → 11), else None."""
    return _MONTH_FORMS.get(word.lower())


def _valid(year: int | None, month: int | None, day: int | None) -> bool:
    """True when the parts can form a calendar date (29 February allowed without a year)."""
    if month is not None and not 1 <= month <= 12:
        return False
    if day is not None:
        if month is None:
            return False
        days = calendar.monthrange(year if year is not None else 2000, month)[1]
        return 1 <= day <= days
    return True


def _int(m: re.Match[str], name: str) -> int | None:
    value = m.groupdict().get(name)
    return int(value) if value else None


def _from_match(m: re.Match[str]) -> list[DateMention]:
    """The mentions one pattern match stands for (two for a year range), validated."""
    groups = m.groupdict()
    year = _int(m, "y")
    if groups.get("y2"):
        first_end = m.end("y") + (m.string[m.end("y") : m.end("y") + 1] == ".")
        return [
            DateMention(m.start("y"), first_end, year, None, None),
            DateMention(m.start("y2"), m.end(), int(groups["y2"]), None, None),
        ]
    if groups.get("m"):
        month: int | None = _MONTH_FORMS[m.group("m").lower()]
    else:
        month = _int(m, "mn")
    day = _int(m, "d")
    end_day = _int(m, "d2")
    if end_day is not None and (day is None or end_day <= day):
        end_day = None
    if not _valid(year, month, day) or not _valid(year, month, end_day):
        return []
    return [DateMention(m.start(), m.end(), year, month, day, end_day)]


def find_dates(text: str) -> list[DateMention]:
    """Every date mention in ``text``, in order, none overlapping another.

    Handles "5. jūnijā", "26.janvārī", "2020.gada 1.oktobri", "2024. gada 5. martā",
    "26.01.2024.", "2024-01-26", "No 21. līdz 25. novembrim" (a range), "2024. gada
    janvārī", "2023. gadā" / "2023.gada nogalē" (a year), "2016.-2020.gadam" (two years),
    a month alone ("novembrī"), and "šī gada …" (a year relative to the text's date).
    Month names are read in every case, with or without diacritics. Impossible dates
    (31. jūnijs) are skipped.

    Args:
        text: Any text.

    Returns:
        The mentions with offsets into ``text``.
    """
    found: list[DateMention] = []
    for run in _DIGITS.finditer(text):
        n = run.end() - run.start()
        if n == 4:
            patterns = _YEAR_FIRST
        elif n <= 2:
            patterns = _DAY_FIRST
        else:
            continue
        for pattern in patterns:
            m = pattern.match(text, run.start())
            if m:
                found.extend(_from_match(m))
    for pos in _month_starts(text):
        m = _BARE_MONTH.match(text, pos)
        if m:
            found.extend(_from_match(m))
    found.sort(key=lambda d: (d.start, -(d.end - d.start)))
    out: list[DateMention] = []
    for mention in found:
        if out and mention.start < out[-1].end:
            continue
        if mention.month is not None and mention.year is None:
            mention = _with_relative_year(text, mention)
        out.append(mention)
    return out


def _month_starts(text: str) -> list[int]:
    """Offsets where a month name may begin (a fast scan before the regex is tried)."""
    low = text.lower()
    if len(low) != len(text):  # a character whose lower case is longer ("İ"): scan slowly
        return [m.start() for m in re.finditer(r"(?i)[jfmasond]", text)]
    out: list[int] = []
    for prefix in _MONTH_PREFIXES:
        i = low.find(prefix)
        while i >= 0:
            out.append(i)
            i = low.find(prefix, i + 1)
    return out


def _with_relative_year(text: str, mention: DateMention) -> DateMention:
    """The mention extended over a "šī gada" / "pērn" before it, with its ``year_offset``."""
    window = text[max(0, mention.start - 30) : mention.start]
    m = _REL_BEFORE.search(window)
    if m is None:
        return mention
    word = (m.group("rel") or m.group("rel1")).lower()
    start = mention.start - (len(window) - m.start())
    return dataclasses.replace(mention, start=start, year_offset=_REL_OFFSETS[word])


def _parse_iso(reference: str) -> tuple[int, int | None, int | None] | None:
    """(year, month, day) of an ISO date "YYYY[-MM[-DD]]", or None when it is not one."""
    m = re.fullmatch(r"\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?", reference)
    if not m:
        return None
    year, month, day = (int(g) if g else None for g in m.groups())
    return (year, month, day) if year is not None and _valid(year, month, day) else None


def resolve_year(m: DateMention, reference: str | None) -> DateMention:
    """Fill a missing year from the date of the text the mention comes from.

    "šī gada" (``year_offset`` 0) takes the reference year, "pagājušā gada" the one before
    and "nākamā gada" the one after. A month and day written without any year take the
    year that puts them nearest the reference date (a text of 2024-01-10 that says
    "15. decembrī" means 2023-12-15), or the reference year when the reference gives no
    month. Without a reference nothing is invented and the mention comes back unchanged.

    Args:
        m: A mention from ``find_dates``.
        reference: ISO date of the text ("YYYY-MM-DD", "YYYY-MM" or "YYYY"), or None.

    Returns:
        The mention with its year filled where that could be done, else ``m`` itself.
    """
    if m.year is not None or m.month is None or not reference:
        return m
    ref = _parse_iso(reference)
    if ref is None:
        return m
    ref_year, ref_month, ref_day = ref
    if m.year_offset is not None:
        year = ref_year + m.year_offset
    elif ref_month is None:
        year = ref_year
    else:
        anchor = dt.date(ref_year, ref_month, ref_day or 15)

        def distance(y: int) -> int:
            day = min(m.day or 15, calendar.monthrange(y, m.month)[1])
            return abs((dt.date(y, m.month, day) - anchor).days)

        year = min((ref_year, ref_year - 1, ref_year + 1), key=distance)
    if not _valid(year, m.month, m.day):  # 29 February in a common year
        return m
    return dataclasses.replace(m, year=year)


def document_date(text: str) -> str | None:
    """The date a document gives for itself (its publication date), as ISO, or None.

    In order: a dateline ("Publicēts 2024. gada 5. martā", "Datums: 26.01.2024."); a date
    line near the top (a line that is a date, maybe with a weekday and a time: "05.03.2024.
    09:15", or a date glued to the end of the headline: "…darbu02.10.2018"), one after the
    headline before one above it, where a site puts its "today"; a date line in the byline
    at the end. Dates inside the body's sentences (a deadline, a founding year, a project's
    start) are mentions, never the document's date; lines with name days ("Vārda dienas")
    are the site's calendar. A date without its year is never completed here.

    Args:
        text: The document's text.

    Returns:
        "YYYY-MM-DD" (or "YYYY-MM" / "YYYY" when a dateline is that coarse), or None.
    """
    for line in _DATELINE.finditer(text):
        for mention in find_dates(line.group("rest")):
            if mention.year is not None and mention.year_offset is None:
                return mention.iso
    lines = [ln.strip() for ln in text[:DATELINE_WINDOW].split("\n")]
    lines = [ln for ln in lines if ln][:DATELINE_LINES]
    top: list[tuple[bool, str]] = []  # (has a weekday: a site's "today" header, iso)
    for n, line in enumerate(lines):
        iso = _date_line(line, headline=n < 3)
        if iso is not None:
            top.append((_WEEKDAY_WORD.search(line) is not None, iso))
    plain = [iso for weekday, iso in top if not weekday]
    if plain or top:
        return (plain or [iso for _, iso in top])[0]
    tail = [ln.strip() for ln in text[-BYLINE_WINDOW:].split("\n") if ln.strip()][-3:]
    for line in tail:
        iso = _date_line(line, headline=False)
        if iso is not None:
            return iso
    return None


#: How many non-empty lines of the top ``document_date`` reads for a date line.
DATELINE_LINES = 8
#: How far from the end ``document_date`` reads the byline for a date line.
BYLINE_WINDOW = 300
_WEEKDAY_WORD = re.compile(
    r"\b(pirmdien|otrdien|trešdien|tresdien|ceturtdien|piektdien|sestdien|svētdien|svetdien)\w*",
    re.IGNORECASE,
)
_NAME_DAYS = re.compile(r"vārd[au]\s*dien|vardadien|varda dien", re.IGNORECASE)
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b")
_LETTERS = re.compile(r"[^\W\d_]+")
_GLUED_DATE = re.compile(r"(?<=[^\W\d_])(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})\.?\s*$")


def _date_line(line: str, *, headline: bool) -> str | None:
    """The full date a line stands for, when the line is a date line (see ``document_date``)."""
    if _NAME_DAYS.search(line) or line.rstrip().endswith((".", "!", "?")) and len(line) > 40:
        return None
    glued = _GLUED_DATE.search(line) if headline else None
    if glued is not None:  # "Pieredzes apmaiņa Rietavā par mobilu jaunatnes darbu02.10.2018"
        day, month, year = (int(g) for g in glued.groups())
        if _valid(year, month, day):
            return f"{year:04d}-{month:02d}-{day:02d}"
    full = [m for m in find_dates(line) if m.year is not None and m.year_offset is None]
    full = [m for m in full if m.day is not None or m.month is not None]
    if not full:
        return None
    rest = line
    for m in reversed(full):
        rest = rest[: m.start] + " " + rest[m.end :]
    rest = _CLOCK.sub(" ", _WEEKDAY_WORD.sub(" ", rest))
    words = [w for w in _LETTERS.findall(rest) if w.lower() not in ("plkst", "gada", "g")]
    if len(words) <= 2:
        return full[0].iso
    return None


def format_date(
    iso: str | None,
    iso_end: str | None = None,
    *,
    words: bool = False,
    language: str = "lv",
) -> str:
    """An ISO date (full or partial) as Latvians write it: "2024-01-26" → "26.01.2024.",
    "--01-26" → "26.01.", "2024-01" → "01.2024.", "2023" → "2023."; a range joins with "–".

    With ``words`` it is spelled for a sentence, the month in the locative: "2024. gada
    26. janvārī", "26. janvārī", "2024. gada janvārī", "2023. gadā", "21.–25. novembrī";
    in English (``language="en"``): "26 January 2024", "21–25 November", "2023".
    """
    if not iso:
        return ""
    if words:
        return _date_words(iso, iso_end, english=language == "en")

    def one(value: str) -> str:
        return ".".join(reversed(value.lstrip("-").split("-"))) + "."

    text = one(iso)
    if iso_end and iso_end != iso:
        text += "–" + one(iso_end)
    return text


_ENGLISH_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


def _date_parts(iso: str) -> tuple[int | None, int | None, int | None]:
    m = re.fullmatch(r"(\d{4})?-?-?(\d{2})?-?(\d{2})?", iso)
    if m is None:
        return None, None, None
    year, month, day = m.groups()
    return (
        int(year) if year else None,
        int(month) if month else None,
        int(day) if day else None,
    )


def _date_words(iso: str, iso_end: str | None, english: bool) -> str:
    year, month, day = _date_parts(iso)
    end_year, end_month, end_day = _date_parts(iso_end) if iso_end else (None, None, None)
    if month is None:
        return str(year or "") if english else (f"{year}. gadā" if year else "")

    def month_name(n: int) -> str:
        return _ENGLISH_MONTHS[n - 1] if english else _MONTH_STEMS[n - 1][4]

    def one(y: int | None, mo: int, d: int | None) -> str:
        if english:
            return " ".join(str(x) for x in (d, month_name(mo), y) if x)
        out = f"{d}. {month_name(mo)}" if d else month_name(mo)
        return f"{y}. gada {out}" if y else out

    if end_month is None or (end_month, end_day, end_year) == (month, day, year):
        return one(year, month, day)
    if end_year not in (None, year):  # across years: both dates whole
        dash = "–" if english else " – "
        return one(year, month, day) + dash + one(end_year, end_month, end_day)
    if end_month == month and day and end_day:
        days = f"{day}–{end_day}" if english else f"{day}.–{end_day}."
        return one(year, month, None).replace(month_name(month), f"{days} {month_name(month)}")
    if english:
        return f"{one(None, month, day)}–{one(year, end_month, end_day)}"
    span = f"{one(None, month, day)} – {one(None, end_month, end_day)}"
    return f"{year}. gada {span}" if year else span
