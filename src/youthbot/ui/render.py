"""Answers as Markdown with clickable ``[n]`` markers, citation labels and error sentences."""

from __future__ import annotations

import errno
import re

from youthbot import errors
from youthbot.export import MARKER, mark_unverified
from youthbot.types import Answer, Citation, Passage
from youthbot.ui.strings import Strings

CITE_SCHEME = "cite:"
"""Link target prefix of a rendered ``[n]`` marker: ``cite:3`` selects citation 3."""

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")
_LINE_START = re.compile(r"^(\s*)(\d+)([.)])", re.MULTILINE)
_LINE_BULLET = re.compile(r"^(\s*)([-+>=])", re.MULTILINE)
_UNVERIFIED = "\x00"


def escape_markdown(text: str) -> str:
    """``text`` escaped so that Markdown shows it literally (no emphasis, lists or links)."""
    text = _MD_SPECIAL.sub(r"\\\1", text)
    text = _LINE_START.sub(r"\1\2\\\3", text)
    return _LINE_BULLET.sub(r"\1\\\2", text)


def _mark_unverified(answer: Answer) -> str:
    """The answer text with a sentinel after each unverified sentence (and its markers)."""
    return mark_unverified(answer, _UNVERIFIED).replace(f" {_UNVERIFIED}", _UNVERIFIED)


def answer_markdown(answer: Answer, strings: Strings) -> str:
    """The answer as Markdown: ``[n]`` markers become ``cite:n`` links, unverified sentences marked.

    Extractive answers are quoted document text, so they are escaped; LLM answers are Markdown
    already and kept as written.

    Args:
        answer: The answer to render.
        strings: Interface strings (for the unverified mark and the empty answer).

    Returns:
        Markdown for a ``Markdown`` widget.
    """
    raw = _mark_unverified(answer) if answer.text.strip() else strings.not_answered
    cited = {c.n for c in answer.citations}
    escape = escape_markdown if answer.mode == "extractive" else (lambda s: s)
    parts: list[str] = []
    last = 0
    for match in MARKER.finditer(raw):
        parts.append(escape(raw[last : match.start()]))
        n = int(match.group(1))
        parts.append(rf"[\[{n}\]]({CITE_SCHEME}{n})" if n in cited else rf"\[{n}\]")
        last = match.end()
    parts.append(escape(raw[last:]))
    markdown = "".join(parts).replace(_UNVERIFIED, f" {strings.unverified_mark}")
    return markdown


def display_date(passage: Passage, strings: Strings) -> str:
    """The passage's document date, or the words for no date."""
    return passage.date or strings.no_date


def citation_title(citation: Citation) -> str:
    """``[n] Title`` for lists of sources."""
    return f"[{citation.n}] {citation.passage.title}"


_HINTS: tuple[tuple[type[errors.YouthbotError], str], ...] = (
    (errors.IndexMissingError, "hint_index_missing"),
    (errors.IndexMismatchError, ""),  # its message already says how to rebuild
    (errors.IndexCorruptError, ""),  # its message names the file and what to do
    (errors.IndexLockedError, "hint_index_locked"),
    (errors.IndexNotWritableError, "hint_index_not_writable"),
    (errors.ModelError, "hint_model"),
    (errors.LLMError, "hint_llm"),
    (errors.DocumentNotFoundError, "hint_document_missing"),
    (errors.InputError, "hint_input"),
)


def describe_error(error: BaseException, strings: Strings) -> str:
    """One notification text for ``error``: what happened and what to do.

    Typed youthbot errors carry a user-readable sentence; a hint for the chat app is added.
    Anything else is reported as unexpected, with the app still running.
    """
    if not isinstance(error, errors.YouthbotError):
        return strings.unexpected_error.format(error=f"{type(error).__name__}: {error}")
    message = str(error).strip()
    if message and not message.endswith((".", "!", "?")):
        message += "."
    first_word = message.split(" ", 1)[0]
    if "/" not in first_word and "\\" not in first_word:  # a path keeps its case
        message = message[:1].upper() + message[1:]
    for kind, field in _HINTS:
        if isinstance(error, kind):
            hint = getattr(strings, field) if field else ""
            if hint and hint.rstrip(".") not in message:
                message = f"{message.rstrip()} {hint}" if message else hint
            break
    return message


_OS_ERRORS = {
    errno.EACCES: "os_permission",
    errno.EPERM: "os_permission",
    errno.ENOENT: "os_not_found",
    errno.ENOTDIR: "os_not_found",
    errno.EISDIR: "os_is_directory",
    errno.ENOSPC: "os_no_space",
    errno.EROFS: "os_read_only",
}


def os_error_text(error: OSError, strings: Strings) -> str:
    """Why a file operation failed, in the interface's language (not the system's English)."""
    field = _OS_ERRORS.get(error.errno or -1)
    if field is not None:
        return getattr(strings, field)
    return strings.os_other.format(code=error.errno if error.errno is not None else "?")
