"""Turn raw text bytes into a normalised str: BOMs, UTF-16, UTF-8, Windows-1257 and kin."""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata

from charset_normalizer import from_bytes

from youthbot.errors import IngestError
from youthbot.text.normalize import nfc

logger = logging.getLogger(__name__)

BINARY_REASON = "looks like a binary file, not text"

# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Letters only Baltic code pages put where Windows-1257 does.
LATVIAN_LETTERS = frozenset("āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ")

# Control bytes that plain text does carry: tab, newline, vertical tab, form feed, CR, DOS EOF.
_TEXT_CONTROLS = frozenset(b"\t\n\x0b\x0c\r\x1a")
_MAX_CONTROL_SHARE = 0.05
# NUL bytes text may carry by accident (a stray byte from a copy or a database export).
_MAX_NUL_SHARE = 0.001
_FEW_NULS = 4
_SAMPLE_BYTES = 1 << 16

_NEWLINES = re.compile(r"\r\n?|[\x0b\x85\u2028\u2029]")
_STRAY_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def decode_text(data: bytes, path: str) -> str:
    """Decode the bytes of a text file and normalise it.

    Tries, in order: a byte-order mark (UTF-8, UTF-16, UTF-32), BOM-less UTF-16 recognised by
    its NUL bytes, strict UTF-8, Windows-1257 when that yields Latvian text, and finally the
    single-byte code page charset-normalizer guesses. A file whose lines are partly UTF-8 and
    partly a code page (text pasted together from two sources) is decoded line by line. A few
    stray NUL bytes in otherwise good text are dropped, not taken for a binary file.

    Args:
        data: The raw file content.
        path: The path shown in errors.

    Returns:
        The text with ``\\n`` newlines, NFC-normalised, without stray control characters.

    Raises:
        IngestError: The bytes are not text (NUL bytes outside UTF-16, many control bytes).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            try:
                text = body.decode(encoding)
            except UnicodeDecodeError as exc:
                logger.warning("%s: invalid %s after its byte-order mark (%s)", path, encoding, exc)
                text = body.decode(encoding, errors="replace")
            return _finish(text, path)

    if b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if encoding is not None:
            try:
                text = data[: len(data) & ~1].decode(encoding)
            except UnicodeDecodeError:
                raise IngestError(path, BINARY_REASON) from None
            return _finish(text, path)
        if data.count(0) > max(_FEW_NULS, _MAX_NUL_SHARE * len(data)):
            raise IngestError(path, BINARY_REASON)

    try:
        return _finish(data.decode("utf-8"), path)
    except UnicodeDecodeError:
        pass

    if _control_share(data[:_SAMPLE_BYTES]) > _MAX_CONTROL_SHARE:
        raise IngestError(path, BINARY_REASON)
    mixed = _decode_mixed(data, path)
    if mixed is not None:
        return _finish(mixed, path)
    return _finish(_decode_single_byte(data, path), path)


def normalize_text(text: str) -> str:
    """Newlines to ``\\n``, form feeds to paragraph breaks, other controls and soft hyphens
    dropped, NFC (``youthbot.text.normalize.nfc``).

    Args:
        text: Decoded text from any reader.

    Returns:
        The normalised text.
    """
    text = _NEWLINES.sub("\n", text)
    text = text.replace("\x0c", "\n\n").replace("\ufeff", "")
    text = _STRAY_CONTROLS.sub("", text)
    return nfc(text)


def looks_latvian(text: str) -> bool:
    """True when non-ASCII letters in mostly-Latin text are nearly all Latvian ones.

    Args:
        text: Text decoded with a candidate code page.

    Returns:
        Whether the decoding reads as Latvian rather than as mojibake or another script.
    """
    latvian = foreign = ascii_letters = 0
    for char in text:
        if char.isascii():
            ascii_letters += char.isalpha()
        elif char in LATVIAN_LETTERS:
            latvian += 1
        elif char.isalpha():
            foreign += 1
    letters = latvian + foreign + ascii_letters
    return latvian > 0 and latvian >= 4 * foreign and ascii_letters >= 0.5 * letters


def _decode_mixed(data: bytes, path: str) -> str | None:
    """Lines that are UTF-8 as UTF-8 and the rest in their code page; None unless mixed.

    A line that decodes as UTF-8 and has bytes above 127 is UTF-8 beyond doubt: Windows-1257
    and its kin almost never form valid UTF-8 sequences by chance.
    """
    lines = data.split(b"\n")
    utf8: list[str | None] = []
    foreign: list[bytes] = []
    any_utf8 = False
    for line in lines:
        try:
            decoded = line.decode("utf-8")
        except UnicodeDecodeError:
            utf8.append(None)
            foreign.append(line)
            continue
        utf8.append(decoded)
        any_utf8 = any_utf8 or not line.isascii()
    if not any_utf8 or not foreign:
        return None
    rest = _decode_single_byte(b"\n".join(foreign), path).split("\n")
    if len(rest) != len(foreign):  # a code page whose newline is not 0x0a: do not guess
        return None
    others = iter(rest)
    logger.info("%s: mixes UTF-8 and another encoding; decoded line by line", path)
    return "\n".join(text if text is not None else next(others) for text in utf8)


def _decode_single_byte(data: bytes, path: str) -> str:
    """Windows-1257 when it reads as Latvian, else charset-normalizer's best single-byte guess."""
    try:
        baltic = data.decode("cp1257")
    except UnicodeDecodeError:
        baltic = None
    if baltic is not None and looks_latvian(baltic):
        return baltic
    best = from_bytes(data[: _SAMPLE_BYTES * 4]).best()
    if best is not None and best.encoding:
        try:
            text = data.decode(best.encoding)
        except (LookupError, UnicodeDecodeError):
            text = None
        if text is not None:
            logger.debug("%s: decoded as %s", path, best.encoding)
            return text
    logger.warning("%s: encoding not recognised; decoding as Windows-1257 with replacements", path)
    return baltic if baltic is not None else data.decode("cp1257", errors="replace")


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when NUL bytes fall on one side of each byte pair."""
    sample = data[: _SAMPLE_BYTES & ~1]
    pairs = len(sample) // 2
    if pairs == 0:
        return None
    even_nuls = sample[0::2].count(0) / pairs
    odd_nuls = sample[1::2].count(0) / pairs
    if odd_nuls >= 0.15 and even_nuls <= 0.02:
        return "utf-16-le"
    if even_nuls >= 0.15 and odd_nuls <= 0.02:
        return "utf-16-be"
    return None


def _control_share(data: bytes) -> float:
    """Share of bytes that are control characters plain text does not use."""
    if not data:
        return 0.0
    controls = sum(1 for byte in data if byte < 0x20 and byte not in _TEXT_CONTROLS)
    return controls / len(data)


def _finish(text: str, path: str) -> str:
    """Refuse decoded text that is mostly control characters or junk, else normalise it."""
    sample = text[:_SAMPLE_BYTES]
    if sample:
        odd = sum(1 for char in sample if _is_junk_char(char))
        if odd / len(sample) > _MAX_CONTROL_SHARE:
            raise IngestError(path, BINARY_REASON)
    return normalize_text(text)


def _is_junk_char(char: str) -> bool:
    """Control, unassigned, private-use or replacement characters."""
    if char in "\t\n\r\x0b\x0c\x1a":
        return False
    return char == "\ufffd" or unicodedata.category(char) in {"Cc", "Cs", "Co", "Cn"}
