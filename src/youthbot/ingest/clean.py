"""Remove web-page leftovers (breadcrumbs, buttons, related news, cookie notices) from text."""

from __future__ import annotations

import logging
import re

logger = logging.getLogger(__name__)

# A line that is only page furniture wherever it stands: buttons and links around an article.
_BUTTON_LINE = re.compile(
    r"(?:(?:dalīties|kopīgot|drukāt|izdrukāt|atpakaļ(?: uz (?:sarakstu|jaunumiem|ziņām))?"
    r"|lasīt (?:vairāk|tālāk|visu)|uz augšu|saite nokopēta|kopēt saiti|nosūtīt e-pastā"
    r"|piekrītu|sapratu|pieņemt(?: visas| visus| sīkdatnes)?|noraidīt(?: visas)?"
    r"|sīkdatņu iestatījumi|mainīt sīkdatņu iestatījumus)[\s|·•,:!.»›]*)+",
    re.IGNORECASE,
)

# A line that opens the page's closing block: related news, "ask the council", comment forms.
_TRAILER_START = re.compile(
    r"(?:citi jaunumi|citas ziņas|citi raksti|vairāk jaunumu|visi jaunumi|skatīt visus"
    r"|(?:saistītie|līdzīgie|līdzīgi|jaunākie|populārākie|lasītākie) (?:raksti|jaunumi|materiāli)"
    r"|(?:saistītās|līdzīgās|jaunākās|populārākās) ziņas|pajautā (?:domei|pašvaldībai)"
    r"|uzdod (?:savu )?jautājumu|uzdot jautājumu|pievienot komentāru|atstāj(?:iet)? komentāru"
    r"|abonē(?:t)? jaunumus|piesakies jaunumiem|seko(?:jiet)? mums)\b.*",
    re.IGNORECASE,
)

# A line that opens a closing list of links ("Lasi arī"); it may also stand inside an article,
# so the block is cut only when every line after it is short, as link titles are.
_LINK_LIST_START = re.compile(
    r"(?:lasi(?:et)? arī|iesakām (?:izlasīt|arī)|komentāri)\b.*", re.IGNORECASE
)
_LINK_TITLE_MAX = 150

# A line that is page furniture when it stands among other furniture at the end of a page.
_TRAILER_LINE = re.compile(
    r"(?:kalendārs|pasākumu kalendārs|notikumu kalendārs|facebook|twitter|x|instagram|linkedin"
    r"|whatsapp|draugiem(?:\.lv)?|youtube|e-pasts|meklēt|izvēlne|aizvērt|kontakti|sīkdatnes"
    r"|privātuma politika|lapas karte|tagi|birkas|atslēgvārdi|kategorijas?)\b[\s:|·•]*"
    r"|(?:tagi|birkas|atslēgvārdi|kategorijas?)\s*:.{0,100}",
    re.IGNORECASE,
)

# A cookie-consent notice, not a sentence that merely mentions cookies.
_COOKIE_NOTICE = re.compile(
    r"(?:šī|mūsu|šajā|mēs)\b.{0,40}\b(?:izmanto|lieto)\w*\s+(?:\w+\s+){0,3}sīkdat"
    r"|sīkdatņu (?:politik|iestatīj)|sīkdatnes? un (?:līdzīg|citas)"
    r"|(?:turpinot|lietojot|izmantojot)\b.{0,80}\b(?:piekrīt|pieņem)\w*.{0,40}sīkdat"
    r"|(?:this|our) (?:web)?site uses cookies|we use cookies|cookie (?:policy|settings)",
    re.IGNORECASE,
)
_COOKIE_LINE_MAX = 400

_HOME_WORDS = frozenset({"sākums", "sākumlapa", "sākumlapā", "mājaslapa", "galvenā", "home"})
_NUMBERED_CRUMB = re.compile(r"(\s*)(\d{1,2})\.\s+(\S.*)")
_INLINE_CRUMB = re.compile(
    r"(?:jūs esat šeit:?\s*.*|(?:sākums|sākumlapa|home)\s*(?:[>›»/|→]|\s-\s).*)", re.IGNORECASE
)
_CRUMB_MAX = 100
_INLINE_CRUMB_MAX = 200

_INNER_SPACES = re.compile(r"(?<=\S)[ \t\u00a0]{2,}(?=\S)")
_BLANK_RUNS = re.compile(r"\n{3,}")
_CONTENT_BEFORE_TRAILER = 200


def clean_text(text: str, *, keep_indent: bool = False) -> str:
    """Clean text taken from a web page without changing the article's own words.

    Drops breadcrumbs at the top, share/print/back buttons and cookie notices anywhere, and the
    closing block of a page (related news, "Pajautā domei!", calendar widgets) at the end;
    then tidies whitespace as :func:`tidy_whitespace` does.

    Args:
        text: Normalised text (``\\n`` newlines).
        keep_indent: Keep leading spaces of lines (Markdown), else strip them.

    Returns:
        The cleaned text.
    """
    lines = [_tidy_line(line, keep_indent) for line in text.split("\n")]
    lines = [line for line in lines if not _is_anywhere_junk(line)]
    lines = _drop_leading_junk(lines)
    lines = _drop_top_furniture(lines)
    lines = _drop_trailer(lines)
    return _join(lines)


def tidy_whitespace(text: str, *, keep_indent: bool = True) -> str:
    """Collapse runs of spaces inside lines, strip line ends and collapse 3+ blank lines.

    Args:
        text: Normalised text (``\\n`` newlines).
        keep_indent: Keep leading spaces of lines, else strip them.

    Returns:
        The tidied text, without blank lines at either end.
    """
    return _join([_tidy_line(line, keep_indent) for line in text.split("\n")])


def _tidy_line(line: str, keep_indent: bool) -> str:
    line = line.rstrip()
    stripped = line.lstrip()
    indent = line[: len(line) - len(stripped)] if keep_indent else ""
    stripped = _INNER_SPACES.sub(" ", stripped)
    return indent + stripped


def _join(lines: list[str]) -> str:
    return _BLANK_RUNS.sub("\n\n", "\n".join(lines)).strip("\n")


def _is_anywhere_junk(line: str) -> bool:
    """Buttons and cookie notices, which are never article content."""
    stripped = line.strip()
    if not stripped:
        return False
    if _BUTTON_LINE.fullmatch(stripped):
        return True
    return _is_cookie_line(stripped)


def _is_cookie_line(line: str) -> bool:
    return len(line) <= _COOKIE_LINE_MAX and _COOKIE_NOTICE.search(line) is not None


def _is_furniture(line: str) -> bool:
    stripped = line.strip()
    return bool(
        _TRAILER_LINE.fullmatch(stripped)
        or (_TRAILER_START.fullmatch(stripped) and len(stripped) <= _CRUMB_MAX)
    )


def _drop_leading_junk(lines: list[str]) -> list[str]:
    """Drop furniture lines and a breadcrumb trail before the first content line."""
    start = 0
    while start < len(lines) and (not lines[start].strip() or _is_furniture(lines[start])):
        start += 1
    if start < len(lines):
        stripped = lines[start].strip()
        if len(stripped) <= _INLINE_CRUMB_MAX and _INLINE_CRUMB.fullmatch(stripped):
            logger.debug("dropping breadcrumb line %r", stripped)
            start += 1
        else:
            start += _numbered_breadcrumbs(lines[start:])
    return lines[start:]


#: A breadcrumb trail anywhere in a page's top: short steps between separators ("Sākums /
#: Jaunumi / Mobilais darbs", "Aktualitātes › Jaunatne", "Jaunumi | Izglītība | Jaunatne").
_CRUMB_SEPARATOR = re.compile(r"\s[/›»>|→]\s")
_CRUMB_STEP_WORDS = 5
#: A share line: the button and the networks' names or letters ("Dalīties: f X in",
#: "Dalīties Facebook Twitter").
_SHARE_LINE = re.compile(
    r"(?:dalīties|kopīgot|share)\b[\s:|·•,]*(?:(?:facebook|twitter|x|f|in|linkedin|whatsapp|"
    r"draugiem|e-pasts|email|telegram)\b[\s:|·•,]*)*",
    re.IGNORECASE,
)
#: The top of a page ends at the first line this long or ending a sentence.
_TOP_BODY_LINE = 200
_TOP_LINES = 12


def _drop_top_furniture(lines: list[str]) -> list[str]:
    """Drop breadcrumb trails and share lines among the lines above the article's body.

    A site's name, a section name or a date line may stand before the trail, so the trail is
    looked for on each of the first lines until the body starts (a long line, or one ending a
    sentence), not only on the first one. The article's own lines are never touched.
    """
    out: list[str] = []
    for n, line in enumerate(lines):
        stripped = line.strip()
        body = len(stripped) > _TOP_BODY_LINE or stripped.endswith((".", "!", "?", "…"))
        if n >= _TOP_LINES or body:
            return out + lines[n:]
        if _is_crumb_trail(stripped) or (stripped and _SHARE_LINE.fullmatch(stripped)):
            logger.debug("dropping top furniture %r", stripped)
            continue
        out.append(line)
    return out


def _is_crumb_trail(line: str) -> bool:
    """Whether a line is a breadcrumb trail: two or more short steps between separators."""
    if len(line) > _INLINE_CRUMB_MAX or not _CRUMB_SEPARATOR.search(line):
        return False
    steps = [step.strip() for step in _CRUMB_SEPARATOR.split(line)]
    return len(steps) >= 2 and all(
        step and len(step.split()) <= _CRUMB_STEP_WORDS and step[-1] not in ".!?" for step in steps
    )


def _numbered_breadcrumbs(lines: list[str]) -> int:
    """How many lines at the top form a numbered breadcrumb trail ("1. Sākums", "  2. …").

    A run of short lines numbered consecutively counts when its last step repeats the heading
    that follows (the extractor may have lost the first steps); a run of two or more from 1
    counts when it starts at the home page or when the steps after the first are indented as an
    HTML list renders them.
    """
    steps: list[str] = []
    indents: list[int] = []
    first_number = 0
    for line in lines:
        match = _NUMBERED_CRUMB.fullmatch(line)
        if not match or len(match[3]) > _CRUMB_MAX:
            break
        number = int(match[2])
        if not steps:
            first_number = number
        elif number != first_number + len(steps):
            break
        indents.append(len(match[1]))
        steps.append(match[3].strip())
    if not steps:
        return 0
    following = next((line.strip() for line in lines[len(steps) :] if line.strip()), "")
    repeats_heading = steps[-1].casefold() == following.casefold()
    from_home = steps[0].casefold().rstrip(".") in _HOME_WORDS
    list_indented = indents[0] == 0 and all(indent > 0 for indent in indents[1:])
    full_trail = first_number == 1 and len(steps) >= 2 and (from_home or list_indented)
    if repeats_heading or full_trail:
        logger.debug("dropping breadcrumb trail %r", steps)
        return len(steps)
    return 0


def _drop_trailer(lines: list[str]) -> list[str]:
    """Cut the page's closing block.

    A block opened by a related-news or "ask the council" line is cut with everything after it,
    once the article has said something before it; a "Lasi arī" block only when nothing but short
    link titles follows; lines of page furniture (calendar, social links, tags) only while
    nothing but furniture follows them.
    """
    content_chars = 0
    for index, line in enumerate(lines):
        stripped = line.strip()
        if content_chars >= _CONTENT_BEFORE_TRAILER and len(stripped) <= _CRUMB_MAX:
            if _TRAILER_START.fullmatch(stripped) or (
                _LINK_LIST_START.fullmatch(stripped)
                and all(len(rest) <= _LINK_TITLE_MAX for rest in lines[index + 1 :])
            ):
                logger.debug("cutting trailing block from %r", stripped)
                return _strip_furniture_tail(lines[:index])
        if not _is_furniture(line):
            content_chars += len(stripped)
    return _strip_furniture_tail(lines)


def _strip_furniture_tail(lines: list[str]) -> list[str]:
    end = len(lines)
    while end > 0 and (not lines[end - 1].strip() or _is_furniture(lines[end - 1])):
        end -= 1
    return lines[:end]
