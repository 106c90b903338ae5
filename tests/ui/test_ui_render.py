"""Pure helpers of the chat app: answer Markdown, spans, export, strings, the pipeline thread."""

from __future__ import annotations

import asyncio
import dataclasses
import re
import string
import threading

import pytest

from youthbot.errors import DocumentNotFoundError, IndexMismatchError, LLMError
from youthbot.types import Answer, AnswerSentence, Chunk, Citation, LLMInfo, Passage
from youthbot.ui.export import conversation_markdown
from youthbot.ui.pipeline_thread import PipelineThread
from youthbot.ui.render import answer_markdown, describe_error, escape_markdown
from youthbot.ui.session import ChatSession
from youthbot.ui.spans import context_bounds, highlight, paragraph_bounds
from youthbot.ui.strings import EN, LV, Strings, strings_for

DOC_TEXT = (
    "Projekts “Starpnovadu tīklošanās”\n\n"
    "Projekts ilgs 7 mēnešus. Galvenais mērķis ir veidot vienotu jaunatnes darbinieku vienību.\n"
    "Finansējums nāk no valsts budžeta."
)


def _citation(n: int, quote: str) -> Citation:
    start = DOC_TEXT.index(quote)
    chunk = Chunk("corpus/sigulda.txt", 0, 35, len(DOC_TEXT), DOC_TEXT[35:])
    passage = Passage(chunk, 0.9, "Starpnovadu tīklošanās", "2020-10-01", rank=1)
    return Citation(n, passage, start, start + len(quote), quote)


def _answer(mode: str = "extractive", verified: bool = True) -> Answer:
    c1 = _citation(1, "Projekts ilgs 7 mēnešus.")
    c2 = _citation(2, "Finansējums nāk no valsts budžeta.")
    s1, s2 = "Projekts ilgs 7 mēnešus.", "Finansējums nāk no *valsts* budžeta."
    return Answer(
        question="Cik ilgi?",
        answered=True,
        text=f"{s1} [1] {s2} [2]",
        mode=mode,  # type: ignore[arg-type]
        citations=[c1, c2],
        passages=[c1.passage],
        sentences=[
            AnswerSentence(s1, [1], True),
            AnswerSentence(s2, [2], verified),
        ],
        llm=LLMInfo("test-model", "localhost", 12.0) if mode == "llm" else None,
    )


def test_markers_become_citation_links_and_quotes_are_escaped() -> None:
    markdown = answer_markdown(_answer(), LV)
    assert r"[\[1\]](cite:1)" in markdown
    assert r"[\[2\]](cite:2)" in markdown
    assert r"\*valsts\*" in markdown  # extractive text is shown literally


def test_unverified_llm_sentences_are_marked() -> None:
    markdown = answer_markdown(_answer("llm", verified=False), LV)
    assert markdown.endswith(f"(cite:2) {LV.unverified_mark}")
    assert markdown.count(LV.unverified_mark) == 1
    assert "*valsts*" in markdown  # LLM Markdown is kept


def test_uncited_marker_stays_plain_text() -> None:
    answer = dataclasses.replace(_answer(), text="Teikums. [7]")
    assert answer_markdown(answer, LV) == r"Teikums. \[7\]"


def test_escape_keeps_list_and_heading_syntax_literal() -> None:
    assert escape_markdown("1. Sākums\n# virsraksts\n- punkts") == (
        "1\\. Sākums\n\\# virsraksts\n\\- punkts"
    )


def test_spans_cut_context_at_line_ends() -> None:
    start = DOC_TEXT.index("Galvenais")
    end = DOC_TEXT.index("vienību.") + len("vienību.")
    first, last = paragraph_bounds(DOC_TEXT, start, end)
    assert DOC_TEXT[first:last].startswith("Projekts ilgs")
    assert DOC_TEXT[last] == "\n"
    lo, hi = context_bounds(DOC_TEXT, start, end, radius=10)
    assert lo <= start and hi >= end
    assert DOC_TEXT[lo - 1] in " \n" and DOC_TEXT[hi] in " \n"
    text = highlight(DOC_TEXT[lo:hi], start - lo, end - lo, "bold", cut_before=True)
    assert text.plain.startswith("… ")
    (span,) = text.spans
    assert text.plain[span.start : span.end] == DOC_TEXT[start:end]


def test_export_lists_citations_with_quoted_spans() -> None:
    session = ChatSession()
    exchange = session.start("Cik ilgi?")
    exchange.answer, exchange.status = _answer(), "answered"
    cancelled = session.start("Un tālāk?")
    cancelled.status, cancelled.streamed = "cancelled", "Daļēja atbilde"
    markdown = conversation_markdown(session.exchanges, LV)
    assert markdown.startswith(f"# {LV.export_heading}\n")
    assert f"## 1. {LV.export_question}: Cik ilgi?" in markdown
    assert "**[1]** Starpnovadu tīklošanās — 2020-10-01 — `corpus/sigulda.txt`" in markdown
    assert "> Projekts ilgs 7 mēnešus." in markdown
    assert "> Finansējums nāk no valsts budžeta." in markdown
    assert "Daļēja atbilde" in markdown and f"*{LV.answer_cancelled}*" in markdown


def test_error_text_says_what_to_do() -> None:
    text = describe_error(DocumentNotFoundError("corpus/x.txt is not in the index"), LV)
    assert text.startswith("corpus/x.txt is not in the index.")  # a path keeps its case
    assert LV.hint_document_missing in text
    assert describe_error(LLMError("connection refused"), EN).endswith(EN.hint_llm)
    mismatch = IndexMismatchError("rebuild it with `youthbot index --rebuild`")
    assert describe_error(mismatch, EN) == "Rebuild it with `youthbot index --rebuild`."
    assert "ValueError" in describe_error(ValueError("boom"), EN)


def test_both_languages_have_every_string_with_the_same_placeholders() -> None:
    fields = [f.name for f in dataclasses.fields(Strings)]
    formatter = string.Formatter()
    for name in fields:
        lv, en = getattr(LV, name), getattr(EN, name)
        assert lv.strip() and en.strip(), name
        names_lv = {f for _, f, _, _ in formatter.parse(lv) if f}
        names_en = {f for _, f, _, _ in formatter.parse(en) if f}
        assert names_lv == names_en, name
    assert strings_for("en") is EN and strings_for("lv") is LV and strings_for("xx") is LV


def test_ui_strings_live_in_one_module() -> None:
    """No widget, screen or app module carries Latvian interface text of its own."""
    from pathlib import Path

    from youthbot import ui

    latvian = re.compile(r"[āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ]")
    root = Path(ui.__file__).parent
    for path in root.rglob("*.py"):
        if path.name == "strings.py":
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip().startswith("#") and '"""' not in line:
                assert not latvian.search(line), f"{path.name}: {line}"


async def test_pipeline_thread_runs_calls_in_order_on_one_thread() -> None:
    runner = PipelineThread()
    seen: list[tuple[int, str]] = []

    def record(n: int) -> int:
        seen.append((n, threading.current_thread().name))
        return n * 2

    results = await asyncio.gather(*(runner.call(record, n) for n in range(5)))
    assert results == [0, 2, 4, 6, 8]
    assert [n for n, _ in seen] == [0, 1, 2, 3, 4]
    assert {name for _, name in seen} == {"youthbot-pipeline"}
    with pytest.raises(ZeroDivisionError):
        await runner.call(lambda: 1 / 0)
    assert runner.stop(5.0)
