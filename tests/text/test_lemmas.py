"""simplemma's dictionaries read word by word from the cache files of ``text/lemmas.py``:
the same lemmas and language verdicts as simplemma's own, without decoding a dictionary
whole in a process that finds its cache file."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import simplemma
from simplemma.strategies import DictionaryLookupStrategy

from youthbot.text import lemmas

#: Real sentences from youth-work pages: words in many cases, names, and an English line.
TEXT = (
    "Liepājas jauniešu centrs 5. jūnijā rīkoja semināru jaunatnes darbiniekiem par "
    "brīvprātīgo darbu; Inārai Miglānei pasniedza atzinību. Ventspilī notika nometne, "
    "kurā piedalījās 40 skolēni no Kurzemes novadiem. Projekts “PROTI un DARI 2.0” "
    "palīdz jauniešiem, kuri nemācās un nestrādā. Young people met the youth workers."
)
WORDS = sorted({w.strip(".,;:“”") for w in TEXT.split()} - {""})


def _clear() -> None:
    for cached in (
        lemmas._dictionaries,
        lemmas._lookup_strategy,
        lemmas._default_strategy,
        lemmas._lemmatizer,
    ):
        cached.cache_clear()


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    _clear()
    yield tmp_path / "cache" / "youthbot"
    _clear()


def _simplemma_lemmas() -> dict[str, str | None]:
    plain = DictionaryLookupStrategy()
    return {w: plain.get_lemma(w, "lv") for w in WORDS} | {
        w.lower(): plain.get_lemma(w.lower(), "lv") for w in WORDS
    }


def test_lookups_are_simplemmas_and_the_cache_file_is_written(cache: Path) -> None:
    want = _simplemma_lemmas()
    assert any(v is not None for v in want.values()) and None in want.values()
    got = {w: lemmas.dictionary_lemma(w) for w in want}
    assert got == want
    files = sorted(p.name for p in cache.iterdir())
    assert files == [f"lemmas-lv-simplemma-{simplemma.__version__}.sqlite"]
    assert {w: lemmas.lemmatize(w) for w in WORDS} == {
        w: simplemma.lemmatize(w, lang="lv") for w in WORDS
    }
    for text in (TEXT, "Young people met the youth workers in Riga.", "Kas organizēja?"):
        assert lemmas.language_proportions(text, ("lv", "en")) == simplemma.langdetect(
            text, lang=("lv", "en")
        )


def test_a_process_that_finds_the_cache_never_decodes_a_dictionary(cache: Path) -> None:
    lemmas.dictionary_lemma("jauniešiem")  # writes the file
    code = (
        "from simplemma.strategies.dictionaries import frontcode\n"
        "def whole(data): raise SystemExit('a dictionary was decoded whole')\n"
        "frontcode._decode_stream = whole\n"
        "from youthbot.text.lemmas import dictionary_lemma, lemmatize\n"
        "print(dictionary_lemma('jauniešiem'), dictionary_lemma('Liepājas'),"
        " dictionary_lemma('qqqzzz'), lemmatize('rīkoja'))\n"
    )
    env = os.environ | {"XDG_CACHE_HOME": str(cache.parent)}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    want = DictionaryLookupStrategy()
    assert done.stdout.split() == [
        str(want.get_lemma("jauniešiem", "lv")),
        str(want.get_lemma("Liepājas", "lv")),
        "None",
        simplemma.lemmatize("rīkoja", lang="lv"),
    ]


def test_a_damaged_cache_file_is_written_again(cache: Path) -> None:
    lemmas.dictionary_lemma("jauniešiem")
    (path,) = cache.iterdir()
    path.write_bytes(b"not a database" * 100)
    _clear()
    assert {w: lemmas.dictionary_lemma(w) for w in WORDS} == {
        w: v for w, v in _simplemma_lemmas().items() if w in WORDS
    }
    assert path.read_bytes()[:16] == b"SQLite format 3\x00"


def test_a_cache_folder_that_is_a_file_falls_back_to_memory(cache: Path) -> None:
    cache.parent.mkdir(parents=True)
    cache.write_text("a file where the folder would be")
    assert lemmas.dictionary_lemma("jauniešiem") == "jaunietis"
    assert cache.read_text() == "a file where the folder would be"
