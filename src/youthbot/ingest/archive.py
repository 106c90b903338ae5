"""A ZIP-based file (DOCX, and any later ZIP format) checked before a parser inflates any of it."""

from __future__ import annotations

import zipfile

from youthbot.errors import IngestError

#: The most a ZIP-based document may unpack to, all parts together. A long report with
#: pictures unpacks to a few tens of MB; parsing the XML of much more takes gigabytes.
MAX_UNPACKED_BYTES = 100_000_000
#: A part larger than ``RATIO_FLOOR_BYTES`` may unpack to at most this many times its packed
#: size. Word's XML packs about 5–30 times; a zip bomb packs a thousand times or more.
MAX_RATIO = 100
#: Parts smaller than this are not held to ``MAX_RATIO`` (a tiny repetitive part is harmless).
RATIO_FLOOR_BYTES = 1_000_000

_MB = 1_000_000


def check_archive(archive: zipfile.ZipFile, path: str) -> None:
    """Refuse an archive whose parts unpack to too much, or far more than they pack to.

    Only the sizes the archive declares are read; Python's ``zipfile`` never inflates a part
    past its declared size, so a lying header cannot get past this.

    Args:
        archive: The opened archive.
        path: The display path, for the error.

    Raises:
        IngestError: naming the part and the sizes.
    """
    total = 0
    for info in archive.infolist():
        size, packed = info.file_size, max(info.compress_size, 1)
        if size > RATIO_FLOOR_BYTES and size > MAX_RATIO * packed:
            raise IngestError(
                path,
                f"looks like a zip bomb: its part {info.filename} unpacks from"
                f" {packed / _MB:.2f} MB to {size / _MB:.0f} MB, more than {MAX_RATIO} times"
                " its compressed size",
            )
        total += size
        if total > MAX_UNPACKED_BYTES:
            raise IngestError(
                path,
                f"unpacks to more than {MAX_UNPACKED_BYTES // _MB} MB, more than a document"
                " is read from",
            )
