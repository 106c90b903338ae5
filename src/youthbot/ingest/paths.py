"""Which file a document is (a key independent of the working directory), and how to show it.

A document's key is its absolute path with the folders resolved (``os.path.realpath`` of the
parent) and the file's own name kept, so a symbolic link is named as the link, not as its
target. It is the same whichever folder youthbot runs in, which is what lets ``youthbot index
FILE`` from anywhere add to an index without disturbing the rest. Bytes in a file name that are
not UTF-8 are kept as ``\\xNN`` escapes, so every key can be stored and compared as text.

What a person reads is :func:`shown_path`: relative to the working directory when the file is
inside it, and with newlines, other control characters and bidirectional marks escaped, so one
file is always one line.
"""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

__all__ = ["document_key", "folder_key", "is_document_key", "printable", "shown_path"]

# Characters that would break a line or reorder the text around them when printed.
_ESCAPED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
_SHORT_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _storable(text: str) -> str:
    """``text`` with undecodable file-name bytes (surrogate escapes) written as ``\\xNN``."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def document_key(path: Path, resolved: dict[str, str] | None = None) -> str:
    """The key a file is stored under: its absolute path, folders resolved, name kept.

    Args:
        path: The file as found or given (relative to the working directory, or absolute).
        resolved: Folders already resolved in this pass (a build keys thousands of files in
            a few folders; each folder is resolved once).

    Returns:
        A POSIX-style absolute path; the same from any working directory.
    """
    absolute = os.path.abspath(path)
    folder, name = os.path.split(absolute)
    if not name:  # the file-system root
        return _storable(Path(absolute).as_posix())
    parent = resolved.get(folder) if resolved is not None else None
    if parent is None:
        parent = Path(os.path.realpath(folder)).as_posix()
        if resolved is not None:
            resolved[folder] = parent
    return _storable(parent.rstrip("/") + "/" + name)


def folder_key(path: Path) -> str:
    """The key prefix of the documents under a folder (the folder fully resolved)."""
    return _storable(Path(os.path.realpath(path)).as_posix())


def is_document_key(key: str) -> bool:
    """True for a key this version writes (absolute); False for an older, cwd-relative one."""
    return Path(key).is_absolute()


def printable(text: str) -> str:
    """``text`` with control characters, line breaks and bidi marks escaped (``\\n``, ``\\x07``)."""
    if text.isprintable():
        return text
    out: list[str] = []
    for ch in text:
        if ch in _SHORT_ESCAPES:
            out.append(_SHORT_ESCAPES[ch])
        elif unicodedata.category(ch) in _ESCAPED_CATEGORIES:
            code = ord(ch)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(ch)
    return "".join(out)


def shown_path(path: Path | str) -> str:
    """How a file or key is shown: relative to the working directory when inside it, escaped.

    Args:
        path: A path as given or found (shown without resolving its links), or a stored key.

    Returns:
        One printable line.
    """
    text = _storable(os.path.abspath(path) if isinstance(path, Path) else path)
    try:
        cwd = _storable(os.getcwd())
    except OSError:  # the working directory was deleted
        cwd = ""
    if cwd and Path(text).is_absolute():
        prefix = cwd.rstrip("/") + "/"
        if text.startswith(prefix):
            text = text[len(prefix) :]
    return printable(text)
