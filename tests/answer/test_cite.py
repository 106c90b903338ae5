"""Citation checks of LLM answers against real Latvian corpus passages."""

from __future__ import annotations

import numpy as np
import pytest
from real_passages import document_text, five_passages

from youthbot.answer.cite import parse_markers, verify_answer
from youthbot.text.analyze import Analyzer

ANALYZER = Analyzer()


def _verify(text: str, **kwargs: object):
    return verify_answer(
        text,
        five_passages(),
        document_text=document_text,
        content_words=ANALYZER.content_words,
        **kwargs,
    )


def test_supported_sentences_are_verified_with_exact_quotes() -> None:
    checked = _verify(
        "Projekts ilga septiņus mēnešus [1]. Apmācības par starpsektoru sadarbību notika "
        "Lietuvā no 21. līdz 25. novembrim [2]. Projektu “PROTI un DARI 2.0” finansē Eiropas "
        "Sociālā fonda Plus līdzekļi [5]."
    )
    assert [s.verified for s in checked.sentences] == [True, True, True]
    assert [s.citations for s in checked.sentences] == [[1], [2], [5]]
    assert [c.n for c in checked.citations] == [1, 2, 5]
    for citation in checked.citations:
        chunk = citation.passage.chunk
        assert citation.quote == document_text(chunk.doc)[citation.start : citation.end]
        assert chunk.start <= citation.start < citation.end <= chunk.end
    assert checked.citations[0].quote.startswith("Projekts ilgs")
    assert "7 mēnešus" in checked.citations[0].quote
    assert checked.citations[1].quote.startswith("No 21. līdz 25. novembrim")
    assert checked.citations[1].quote.endswith("Lietuvā.")
    assert "Eiropas Sociālā fonda Plus" in checked.citations[2].quote
    assert checked.unknown_markers == 0 and checked.unverified == 0


def test_unknown_marker_is_removed_and_counted() -> None:
    checked = _verify("Apmācības notika Lietuvā no 21. līdz 25. novembrim [2][9]. Tas ir viss [0].")
    assert checked.unknown_markers == 2
    assert "[9]" not in checked.text and "[0]" not in checked.text
    assert checked.sentences[0].citations == [2]
    assert checked.sentences[0].verified is True
    assert checked.sentences[1].citations == [] and checked.sentences[1].verified is False
    assert [c.n for c in checked.citations] == [2]


def test_only_unknown_markers_leave_the_sentence_uncited() -> None:
    checked = _verify("Projekts ilga septiņus mēnešus [9].")
    assert checked.unknown_markers == 1
    assert checked.sentences[0].citations == []
    assert checked.sentences[0].verified is False
    assert checked.citations == []


def test_uncited_sentence_is_unverified() -> None:
    checked = _verify(
        "Projekts ilga septiņus mēnešus [1]. Projektu finansēja Pasaules Banka. "
        "Tā mērķis ir veidot vienotu jaunatnes darbinieku vienību [1]."
    )
    assert [s.verified for s in checked.sentences] == [True, False, True]
    assert checked.sentences[1].text == "Projektu finansēja Pasaules Banka."
    assert checked.sentences[1].citations == []


@pytest.mark.parametrize(
    "claim",
    [
        "Projekts ilga 12 mēnešus [1].",  # a number the passage does not give
        "Apmācības notika Norvēģijā [2].",  # a name the cited passage does not hold
        "Projektu finansēja Eiropas Komisija [5].",
        "Projekta mērķis ir atbalstīt jauniešus no Ukrainas [1].",  # true elsewhere, not in [1]
        "Projekts ilga septiņus gadus [1].",
    ],
)
def test_cited_but_unsupported_sentence_is_unverified(claim: str) -> None:
    checked = _verify(claim)
    assert checked.sentences[0].citations
    assert checked.sentences[0].verified is False


def test_text_is_rebuilt_with_markers_after_each_sentence() -> None:
    checked = _verify(
        "Projekts ilga septiņus mēnešus [1, 2].\n\nApmācības notika Lietuvā no 21. līdz 25. "
        "novembrim. [2] Beigas [3-4]."
    )
    assert checked.text == (
        "Projekts ilga septiņus mēnešus. [1][2]\n\nApmācības notika Lietuvā no 21. līdz 25. "
        "novembrim. [2] Beigas. [3][4]"
    )
    assert [s.text for s in checked.sentences] == [
        "Projekts ilga septiņus mēnešus.",
        "Apmācības notika Lietuvā no 21. līdz 25. novembrim.",
        "Beigas.",
    ]
    # Every sentence's text is found in the answer text, as the UI marks it there.
    assert all(s.text in checked.text for s in checked.sentences)


def test_parse_markers_forms() -> None:
    plain, groups, unknown = parse_markers("A [1]. B [2, 3][4]. C [5-7]. D [ 2 ; 9 ]", 5)
    assert plain == "A. B. C. D"
    assert [g[1] for g in groups] == [[1], [2, 3], [4], [5], [2]]
    assert unknown == 3  # 6, 7 and 9


def test_english_sentence_is_checked_by_meaning_across_languages() -> None:
    claims = {
        "The training took place in Lithuania from 21 to 25 November": 2,
        "The project was funded by the World Bank": 5,
    }
    text = " ".join(f"{c} [{n}]." for c, n in claims.items())
    assert [s.verified for s in _verify(text).sentences] == [False, False]

    calls: list[list[str]] = []

    def embed(texts: list[str]) -> np.ndarray:
        """Claim 1 points the way of every passage sentence that mentions Lietuvā."""
        calls.append(texts)
        rows = [[1.0, 0.0] if ("Lithuania" in t or "Lietuvā" in t) else [0.0, 1.0] for t in texts]
        rows[1] = [0.6, 0.8]  # the World Bank claim: similarity 0.6 to the Lietuvā direction
        return np.array(rows, dtype=np.float32)

    checked = _verify(text, embed=embed)
    assert [s.verified for s in checked.sentences] == [True, False]
    assert len(calls) == 1  # claims and passage sentences in one call
    assert calls[0][:2] == [f"{c}." for c in claims]


def test_latvian_sentences_are_not_embedded() -> None:
    def embed(texts: list[str]) -> np.ndarray:
        raise AssertionError(f"embedded {texts}")

    checked = _verify("Projekts ilga 7 mēnešus [1]. Apmācības notika Norvēģijā [2].", embed=embed)
    assert [s.verified for s in checked.sentences] == [True, False]


def test_stored_sentence_vectors_are_used() -> None:
    passages = five_passages()
    seen: list[str] = []

    def sentence_vectors(passage):
        seen.append(passage.chunk.doc)
        chunk = passage.chunk
        return [(chunk.start, chunk.end, np.array([1.0, 0.0], dtype=np.float32))]

    checked = verify_answer(
        "The project lasted seven months [1].",
        passages,
        document_text=document_text,
        content_words=ANALYZER.content_words,
        embed=lambda texts: np.array([[1.0, 0.0]] * len(texts), dtype=np.float32),
        sentence_vectors=sentence_vectors,
    )
    assert seen == [passages[0].chunk.doc]
    assert checked.sentences[0].verified is True
    assert checked.citations[0].quote == passages[0].chunk.text


def test_empty_and_marker_only_answers() -> None:
    assert _verify("").sentences == []
    checked = _verify("[1]")
    assert checked.sentences == [] and checked.text == ""
