"""The one analyser that turns documents and queries into BM25 terms (Latvian-aware)."""

from __future__ import annotations

import bisect
import logging
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping

from youthbot.text.dates import DateMention, find_dates
from youthbot.text.lang import guess_from_words
from youthbot.text.lemmas import dictionary_lemma
from youthbot.text.normalize import fold, nfc
from youthbot.text.stem import stem
from youthbot.text.stopwords import ENGLISH_STOPWORDS, LATVIAN_STOPWORDS

__all__ = ["ANALYZER_VERSION", "Analyzer", "content_words", "surface_vocabulary"]

logger = logging.getLogger(__name__)

#: Bump whenever the terms produced for a text change, so that old indexes are rebuilt.
ANALYZER_VERSION = "2"

# Words dropped besides stop words: abbreviations that carry no meaning of their own.
_ABBREVIATIONS = frozenset(
    "nr plkst tel mob fakss piem utt tml sk skat apm vsk psk pag nov iel str gs gg lpp tsk"
    " k-dze kdze k-gs kgs".split()
)
_DROP = LATVIAN_STOPWORDS | _ABBREVIATIONS
# An all-capitals word this long is taken for an acronym (VARAM, JSPA, NEET) and kept as
# written, besides its usual term, unless it is a stop word of three letters or fewer (UN, VAI).
_ACRONYM_LENGTH = range(2, 7)
# Per-word results kept in memory before the cache is emptied.
_CACHE_MAX = 200_000

_TOKEN = re.compile(
    r"(?P<url>(?:https?://|www\.)[^\s<>\"“”„«»]+)"
    r"|(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"
    r"|(?P<chunk>\w+(?:[./_-]\w+)*)"
)
_SEP = re.compile(r"[./_-]")
_ALPHA_DOT_NUM = re.compile(r"([^\W\d_]{1,5})\.(\d.*)")  # "Nr.4.2.3.4/1/2024/I/001"
_NUM_DOT_WORD = re.compile(r"(\d{1,4})\.([^\W\d_]+)")  # "5.klasē"
_DECIMAL = re.compile(r"\d+\.\d+")
_URL_TRAIL = ".,;:!?)]}'\"”’»"


def _lemma(word: str) -> str:
    """The lemma simplemma's Latvian dictionary gives for a lower-case word, else the word.

    Only the dictionary is consulted: simplemma's suffix rules guess badly on words typed
    without diacritics ("liepaja" → "liepa"), where the stemmer alone does better.
    """
    lemma = dictionary_lemma(word)
    if lemma is None:
        return _verb_infinitive(word)
    if lemma.startswith("ne") and not word.startswith("ne"):
        return word  # a few plain verbs have negated lemmas there ("celt" → "necelt")
    return lemma.lower()


# Verb endings of the 2nd and 3rd conjugation (past, future, reflexive) → the infinitive's,
# for words the dictionary lacks; the Lucene stemmer handles nouns and adjectives only.
# Longest first; only stems of four or more letters are touched.
_VERB_ENDINGS = (
    ("īsies", "īt"),
    ("ēsies", "ēt"),
    ("āsies", "āt"),
    ("ījās", "īt"),
    ("ējās", "ēt"),
    ("ājās", "āt"),
    ("ījies", "īt"),
    ("ējies", "ēt"),
    ("ājies", "āt"),
    ("īsim", "īt"),
    ("ēsim", "ēt"),
    ("īja", "īt"),
    ("ēja", "ēt"),
)  # not "-āja"/"-oja": surnames end so (Meldrāja), and common verbs are in the dictionary


def _verb_infinitive(word: str) -> str:
    """ "iesaistīsies" → "iesaistīt", "finansēja" → "finansēt"; other words unchanged."""
    for ending, infinitive in _VERB_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)] + infinitive
    return word


class Analyzer:
    """Turns text into search terms; the same steps for documents and for queries.

    Steps: NFC; tokenise (URLs, e-mails, project codes and hyphenated names kept whole,
    with their parts as well); lower-case; drop Latvian stop words (English ones too when
    the text is English); the lemma from simplemma's Latvian dictionary when it has the
    word, then the Lucene Latvian stemmer (on the lemma, or on the word itself when
    simplemma does not know it), so that a form simplemma knows and a sibling form it does
    not still meet; diacritics folded last ("Liepaja" meets "Liepājā").
    Date mentions add their ``DateMention.keys`` ("d0126", "m01", …) at their position.

    Per-word results are cached, so a warm analyser is fast.
    """

    def __init__(self) -> None:
        self._words: dict[str, tuple[str, ...]] = {}

    # -- public ---------------------------------------------------------------------
    def terms(self, text: str) -> list[str]:
        """The terms a document (or passage) is indexed under, in text order, with repeats.

        Args:
            text: Document or chunk text.

        Returns:
            Terms, each occurrence listed (term frequency matters to BM25).
        """
        return self._analyse(text, vocabulary=None, english=None, content_only=False)

    def query_terms(self, text: str, vocabulary: Mapping[str, str] | None = None) -> list[str]:
        """The terms of a query, with diacritics restored from the corpus where left out.

        A query word written without diacritics that the corpus does not use as written
        gets the corpus's spelling first ("jauniesu" → "jauniešu"), so that simplemma
        lemmatises the real word.

        Args:
            text: The question or search words.
            vocabulary: Folded surface word → the corpus's spelling (``surface_vocabulary``).

        Returns:
            Terms in query order.
        """
        from youthbot.text.lang import detect_language

        english = detect_language(text) == "en"
        return self._analyse(text, vocabulary=vocabulary, english=english, content_only=False)

    def content_words(self, text: str, vocabulary: Mapping[str, str] | None = None) -> list[str]:
        """One term per content word of ``text``, without repeats, in order.

        Stop words give nothing; a project code or hyphenated name gives only its whole
        term and a date nothing beyond its words. Use it to measure how many of a
        question's content words a passage's ``terms`` cover.

        Args:
            text: Usually a question.
            vocabulary: As for ``query_terms``.

        Returns:
            Distinct terms.
        """
        from youthbot.text.lang import detect_language

        english = detect_language(text) == "en"
        terms = self._analyse(text, vocabulary=vocabulary, english=english, content_only=True)
        return list(dict.fromkeys(terms))

    # -- pipeline -------------------------------------------------------------------
    def _analyse(
        self,
        text: str,
        *,
        vocabulary: Mapping[str, str] | None,
        english: bool | None,
        content_only: bool,
    ) -> list[str]:
        text = nfc(text)
        tokens = [(m.lastgroup, m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
        if english is None:
            english = guess_from_words(t[3].lower() for t in tokens if t[0] == "chunk") == "en"
        dates = find_dates(text)
        starts = [d.start for d in dates]
        out: list[str] = []
        di = 0
        for kind, start, end, surface in tokens:
            if not content_only:
                while di < len(dates) and dates[di].start <= start:
                    out.extend(dates[di].keys)
                    di += 1
            if kind == "chunk":
                in_date = (
                    bool(dates)
                    and _SEP.search(surface) is not None
                    and _covered(text, dates, starts, start, end)
                )
                self._chunk(surface, out, vocabulary, english, content_only, in_date)
            elif kind == "email":
                self._email(surface, out, vocabulary, english, content_only)
            else:
                self._url(surface, out, content_only)
        if not content_only:
            for mention in dates[di:]:
                out.extend(mention.keys)
        return out

    def _chunk(
        self,
        chunk: str,
        out: list[str],
        vocabulary: Mapping[str, str] | None,
        english: bool,
        content_only: bool,
        in_date: bool,
    ) -> None:
        """Terms of a run of word characters, possibly joined by . / _ -."""
        if _SEP.search(chunk) is None:
            if chunk.isalpha():
                out.extend(self._word(chunk, vocabulary, english, content_only))
            else:
                out.append(fold(chunk.lower()))  # a number, or "KA205"
            return
        has_digit = any(ch.isdigit() for ch in chunk)
        if not has_digit:
            self._joined_words(chunk, out, vocabulary, english, content_only)
            return
        if in_date:  # "26.01.2024", "26.janvārī", "2020.gada": numbers and words, no code
            for part in _SEP.split(chunk):
                if part:
                    self._chunk(part, out, vocabulary, english, content_only, False)
            return
        m = _ALPHA_DOT_NUM.fullmatch(chunk)
        if m:  # "Nr.4.2.3.4/1/2024/I/001": the abbreviation, then the code
            out.extend(self._word(m.group(1), vocabulary, english))
            self._chunk(m.group(2), out, vocabulary, english, content_only, False)
            return
        m = _NUM_DOT_WORD.fullmatch(chunk)
        if m:  # "5.klasē"
            out.append(m.group(1))
            out.extend(self._word(m.group(2), vocabulary, english))
            return
        if _DECIMAL.fullmatch(chunk):
            out.append(chunk)
            return
        self._code(chunk, out, vocabulary, english, content_only)

    def _code(
        self,
        code: str,
        out: list[str],
        vocabulary: Mapping[str, str] | None,
        english: bool,
        content_only: bool,
    ) -> None:
        """A project code: the whole code, its leading sub-codes, and its parts of 2+ characters.

        "3.1.1.2.i.0/1/22/I/VARAM/001" gives the whole code, "3.1.1", "3.1.1.2",
        "3.1.1.2.i", … and "22", "varam", "001", so that "3.1.1.2.i" alone also finds it.
        """
        whole = fold(code.lower())
        out.append(whole)
        if content_only:
            return
        seen = {whole}
        parts = 0
        for m in _SEP.finditer(whole):
            parts += 1
            prefix = whole[: m.start()]
            if parts >= 3 and prefix not in seen:
                seen.add(prefix)
                out.append(prefix)
        for part in _SEP.split(code):
            if len(part) < 2:
                continue
            if part.isalpha() and not part.isupper():
                terms: Iterable[str] = self._usual(part.lower())
            else:
                terms = (fold(part.lower()),)
            for term in terms:
                if term not in seen:
                    seen.add(term)
                    out.append(term)

    def _joined_words(
        self,
        chunk: str,
        out: list[str],
        vocabulary: Mapping[str, str] | None,
        english: bool,
        content_only: bool,
    ) -> None:
        """Letters joined by - . / _: "Medne-Strazda", "I.Reinholde", "kurzemesregions.lv"."""
        parts = [p for p in _SEP.split(chunk) if p]
        hyphenated = "-" in chunk and all(sep == "-" for sep in _SEP.findall(chunk))
        if hyphenated and len(parts) > 1:
            whole = self._word(chunk, vocabulary, english, content_only)
            out.extend(whole)
            if content_only and whole:
                return
        elif "." in chunk and all(len(p) >= 2 for p in parts) and len(parts) > 1:
            out.append(fold(chunk.lower()))  # a host name such as "kurzemesregions.lv"
            if content_only:
                return
        for part in parts:
            out.extend(self._word(part, vocabulary, english, content_only))

    def _email(
        self,
        email: str,
        out: list[str],
        vocabulary: Mapping[str, str] | None,
        english: bool,
        content_only: bool,
    ) -> None:
        """An e-mail address: whole, its domain, and the words of its local part."""
        low = fold(email.lower())
        out.append(low)
        if content_only:
            return
        local, _, domain = low.partition("@")
        out.append(domain)
        for part in _SEP.split(local):
            if part.isalpha():
                out.extend(self._word(part, vocabulary, english))

    def _url(self, url: str, out: list[str], content_only: bool) -> None:
        """A URL: whole (trailing punctuation removed) and its host without "www."."""
        url = fold(url.rstrip(_URL_TRAIL).lower())
        out.append(url)
        if content_only:
            return
        host = re.sub(r"^(?:https?://)?(?:www\.)?", "", url).split("/", 1)[0]
        if host and host != url:
            out.append(host)

    def _word(
        self,
        word: str,
        vocabulary: Mapping[str, str] | None,
        english: bool,
        content_only: bool = False,
    ) -> tuple[str, ...]:
        """The term(s) of one word (letters, maybe hyphenated); () for a stop word.

        An acronym gives itself as written and, unless ``content_only``, its usual term too:
        "VARAM" → ("varam", "varet"), so that both "VARAM" and "varam" find it.
        """
        low = word.lower()
        if english and low in ENGLISH_STOPWORDS:
            return ()
        if len(word) in _ACRONYM_LENGTH and word.isupper():
            if len(word) <= 3 and low in _DROP:
                return ()
            literal = fold(low)
            if content_only:
                return (literal,)
            return (literal, *(t for t in self._usual(low) if t != literal))
        if vocabulary and fold(low) == low:
            low = vocabulary.get(low, low)
            if english and low in ENGLISH_STOPWORDS:
                return ()
        return self._usual(low)

    def _usual(self, low: str) -> tuple[str, ...]:
        """The cached term of a lower-case word: () for a stop word, else one term."""
        cached = self._words.get(low)
        if cached is None:
            cached = self._analyse_word(low)
            if len(self._words) >= _CACHE_MAX:
                self._words.clear()
            self._words[low] = cached
        return cached

    @staticmethod
    def _analyse_word(low: str) -> tuple[str, ...]:
        """Stop word → (); else the folded stem of the lemma."""
        if low in _DROP or len(low) < 2:
            return ()
        return (fold(stem(_lemma(low))),)


def _covered(text: str, dates: list[DateMention], starts: list[int], start: int, end: int) -> bool:
    """True when every letter and digit of ``text[start:end]`` lies inside a date mention."""
    i = max(0, bisect.bisect_right(starts, start) - 1)
    pos = start
    for d in dates[i:]:
        if d.start >= end:
            break
        if d.end <= pos:
            continue
        if any(ch.isalnum() for ch in text[pos : d.start]):
            return False
        pos = d.end
        if pos >= end:
            return True
    return not any(ch.isalnum() for ch in text[pos:end])


def _words(text: str) -> Iterator[str]:
    """Lower-case words (letters only) of ``text``, including those inside hyphenated names."""
    for m in _TOKEN.finditer(nfc(text)):
        if m.lastgroup != "chunk":
            continue
        for part in _SEP.split(m.group()):
            if part.isalpha():
                yield part.lower()


def surface_vocabulary(texts: Iterable[str]) -> dict[str, str]:
    """Map each folded word of ``texts`` to the spelling the texts use most for it.

    ``query_terms`` uses it to restore diacritics a user left out: "jauniesu" →
    "jauniešu" when the corpus writes "jauniešu". Words written without diacritics map to
    themselves, so a plain word the corpus uses is left alone.

    Args:
        texts: The corpus (documents or chunks).

    Returns:
        Folded lower-case word → lower-case surface word.
    """
    return vocabulary_from_counts(word_counts(texts))


def word_counts(texts: Iterable[str]) -> Counter[str]:
    """How often each lower-case surface word occurs in ``texts`` (see ``surface_vocabulary``)."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(_words(text))
    return counts


def vocabulary_from_counts(counts: Mapping[str, int]) -> dict[str, str]:
    """``surface_vocabulary`` from word counts (an index sums them over its segments)."""
    best: dict[str, tuple[int, str]] = {}
    for word, n in counts.items():
        key = fold(word)
        held = best.get(key)
        if held is None or (n, word) > held:
            best[key] = (n, word)
    return {key: word for key, (_, word) in best.items()}


_DEFAULT: Analyzer | None = None


def content_words(text: str, vocabulary: Mapping[str, str] | None = None) -> list[str]:
    """``Analyzer.content_words`` with a shared analyser."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Analyzer()
    return _DEFAULT.content_words(text, vocabulary)
