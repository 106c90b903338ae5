"""Tests for youthbot.ingest.encoding: BOMs, UTF-16, Windows-1257, binary refusal."""

from __future__ import annotations

import codecs

import pytest

from youthbot.errors import IngestError
from youthbot.ingest.encoding import BINARY_REASON, decode_text, looks_latvian

LATVIAN = (
    "Jauniešu centrs “Mērķis” īsteno projektu „Starpnovadu tīklošanās”.\r\n"
    "Ņemot vērā ģimeņu vajadzības, šķēršļus un žēlumu, Ķekavas un Ļaudonas jaunieši piedalās.\r\n"
)
EXPECTED = LATVIAN.replace("\r\n", "\n")


def test_windows_1257_latvian_is_decoded_not_mistaken_for_cp1250() -> None:
    data = LATVIAN.encode("cp1257")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert decode_text(data, "old.txt") == EXPECTED


def test_windows_1257_byte_values_are_the_baltic_ones() -> None:
    data = b"Jaunie\xf0u \xc2da\xfei, \xfeurn\xe2ls, \xccimene, \xe8akls, \xd2ina, \xde\xe2klis"
    assert decode_text(data, "x.txt") == "Jauniešu Ādaži, žurnāls, Ģimene, čakls, Ņina, Žāklis"


def test_russian_windows_1251_is_not_forced_into_cp1257() -> None:
    text = "Съезд молодёжных работников прошёл в Риге. Участники обсудили проекты на следующий год."
    assert decode_text(text.encode("cp1251"), "ru.txt") == text


@pytest.mark.parametrize(
    ("bom", "encoding"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ],
)
def test_byte_order_marks(bom: bytes, encoding: str) -> None:
    text = decode_text(bom + LATVIAN.encode(encoding), "bom.txt")
    assert text == EXPECTED
    assert not text.startswith("\ufeff")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised_by_its_nul_bytes(encoding: str) -> None:
    assert decode_text(LATVIAN.encode(encoding), "u16.txt") == EXPECTED


def test_newlines_and_nfc() -> None:
    decomposed = "Ma\u0304ris\rIlze\r\nZane\n"  # "ā" as a + combining macron, old Mac newline
    assert decode_text(decomposed.encode("utf-8"), "x.txt") == "Māris\nIlze\nZane\n"


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 8,
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        bytes([0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08]) * 20 + b"\xe2\xf0",
    ],
)
def test_binary_data_is_refused(data: bytes) -> None:
    with pytest.raises(IngestError) as info:
        decode_text(data, "blob.txt")
    assert info.value.reason == BINARY_REASON
    assert info.value.path == "blob.txt"


def test_looks_latvian_rejects_cyrillic_read_as_cp1257() -> None:
    mojibake = "Съезд молодёжных работников".encode("cp1251").decode("cp1257")
    assert not looks_latvian(mojibake)
    assert looks_latvian("Jaunieši piedalās projektā")
