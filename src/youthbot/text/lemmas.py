"""simplemma's dictionaries, looked up word by word from a cache file instead of loaded whole.

simplemma keeps each language's dictionary as one compressed stream that must be decoded in
full before the first lookup: about 0.2 s per language, on every new process, although a
question looks up a few dozen words. This module gives simplemma a ``DictionaryFactory``
whose dictionaries are SQLite tables in the user's cache folder
(``$XDG_CACHE_HOME/youthbot``, else ``~/.cache/youthbot``), one file per language and
simplemma version, written from simplemma's own data on first use. The lookups, the lemma
rules and the language detection stay simplemma's; only where the dictionary lives changes.

A cache that cannot be written or read is not an error: simplemma's in-memory dictionary is
used, as before. Every Latvian lemma lookup in youthbot goes through here.
"""

from __future__ import annotations

import functools
import logging
import os
import sqlite3
import tempfile
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from simplemma.strategies import DefaultStrategy, DictionaryLookupStrategy

__all__ = [
    "cache_folder",
    "dictionary_lemma",
    "language_proportions",
    "lemmatize",
]

logger = logging.getLogger(__name__)

#: Rows written per statement while a cache file is made.
_BATCH = 20_000


def cache_folder() -> Path:
    """Where the dictionary files are kept (``$XDG_CACHE_HOME/youthbot`` or
    ``~/.cache/youthbot``)."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "youthbot"


#: Words whose lookups one dictionary keeps in memory (an index build meets each word often).
_KEPT_WORDS = 200_000


class _Table(Mapping[str, str]):
    """One language's dictionary as a read-only SQLite table, recent words kept in memory."""

    def __init__(self, path: Path) -> None:
        self._conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self._conn.execute("SELECT count(*) FROM lemmas WHERE k = ''").fetchone()
        self._lookup = functools.lru_cache(maxsize=_KEPT_WORDS)(self._read)

    def _read(self, key: str) -> str | None:
        with self._lock:
            row = self._conn.execute("SELECT v FROM lemmas WHERE k = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def get(self, key: str, default: Any = None) -> Any:  # the miss-cheap lookup simplemma uses
        value = self._lookup(key)
        return default if value is None else value

    def __getitem__(self, key: str) -> str:
        value = self._lookup(key)
        if value is None:
            raise KeyError(key)
        return value

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._lookup(key) is not None

    def __iter__(self) -> Iterator[str]:
        with self._lock:
            keys = [k for (k,) in self._conn.execute("SELECT k FROM lemmas")]
        return iter(keys)

    def __len__(self) -> int:
        with self._lock:
            return int(self._conn.execute("SELECT count(*) FROM lemmas").fetchone()[0])


def _version() -> str:
    from simplemma.__metadata__ import __version__

    return str(__version__)


def _write(path: Path, words: Mapping[str, str]) -> None:
    """Write ``words`` as the cache file ``path``, whole or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        conn = sqlite3.connect(tmp)
        try:
            conn.execute("PRAGMA journal_mode = OFF")
            conn.execute("CREATE TABLE lemmas (k TEXT PRIMARY KEY, v TEXT NOT NULL) WITHOUT ROWID")
            items = iter(words.items())
            while batch := [kv for _, kv in zip(range(_BATCH), items, strict=False)]:
                conn.executemany("INSERT OR REPLACE INTO lemmas VALUES (?, ?)", batch)
            conn.commit()
        finally:
            conn.close()
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _factory() -> Any:
    """simplemma's ``DictionaryFactory`` over the cache files."""
    from simplemma.strategies.dictionaries.dictionary_factory import (
        DEFAULT_DICTIONARY_FACTORY,
        CachingDictionaryFactory,
    )

    class CachedDictionaryFactory(CachingDictionaryFactory):
        """Each language's dictionary from its cache file, written on first use."""

        def _get_dictionary_uncached(self, lang: str) -> Mapping[str, str]:
            path = cache_folder() / f"lemmas-{lang}-simplemma-{_version()}.sqlite"
            for attempt in (1, 2):
                try:
                    return _Table(path)
                except sqlite3.Error:
                    if attempt == 2:
                        break
                try:  # missing or damaged: (re)written from simplemma's data
                    _write(path, DEFAULT_DICTIONARY_FACTORY.get_dictionary(lang))
                except (OSError, sqlite3.Error) as exc:
                    logger.debug("lemma cache %s not written (%s): loaded in memory", path, exc)
                    break
            return DEFAULT_DICTIONARY_FACTORY.get_dictionary(lang)

    return CachedDictionaryFactory()


@functools.cache
def _dictionaries() -> Any:
    return _factory()


@functools.cache
def _lookup_strategy() -> DictionaryLookupStrategy:
    from simplemma.strategies import DictionaryLookupStrategy

    return DictionaryLookupStrategy(dictionary_factory=_dictionaries())


@functools.cache
def _default_strategy() -> DefaultStrategy:
    from simplemma.strategies import DefaultStrategy

    return DefaultStrategy(dictionary_factory=_dictionaries())


@functools.cache
def _lemmatizer() -> Any:
    from simplemma import Lemmatizer

    return Lemmatizer(lemmatization_strategy=_default_strategy())


def dictionary_lemma(word: str, lang: str = "lv") -> str | None:
    """The lemma the dictionary of ``lang`` gives for ``word`` (its case, then the other
    case), else None: simplemma's ``DictionaryLookupStrategy``, no suffix rules."""
    return _lookup_strategy().get_lemma(word, lang)  # type: ignore[no-any-return]


def lemmatize(word: str, lang: str = "lv") -> str:
    """simplemma's lemma of ``word``: the dictionary, then its rules, else the word."""
    return str(_lemmatizer().lemmatize(word, lang))


def language_proportions(text: str, langs: tuple[str, ...]) -> list[tuple[str, float]]:
    """simplemma's ``langdetect``: each language's share of the text's words, best first
    (``"unk"`` last), with the relaxed sampler breaking a tie."""
    from simplemma.language_detector import LanguageDetector
    from simplemma.token_sampler import MostCommonTokenSampler, RelaxedMostCommonTokenSampler

    ranked: list[tuple[str, float]] = []
    for sampler in (MostCommonTokenSampler(), RelaxedMostCommonTokenSampler()):
        found = LanguageDetector(langs, sampler, _default_strategy()).proportion_in_each_language(
            text
        )
        ranked = sorted(found.items(), key=lambda item: (item[0] == "unk", -item[1]))
        if len(ranked) == 1 or ranked[0][1] != ranked[1][1]:
            return ranked
    return ranked
