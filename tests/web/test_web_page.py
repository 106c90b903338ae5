"""The page in a real browser (Debian's Chromium via Playwright), as a staff member uses it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
from web_helpers import (
    FOLLOW_UP,
    PHONE,
    QUESTION,
    SCREENSHOTS,
    UNANSWERABLE,
    LiveServer,
)

from youthbot.pipeline import Pipeline
from youthbot.web.strings import EN, LV


def shot(page: Any, name: str) -> None:
    """Save a full-page screenshot of the current view (named in the README)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size
    page.screenshot(
        path=str(SCREENSHOTS / f"{name}-{size['width']}x{size['height']}.png"), full_page=True
    )


def ask(page: Any, question: str) -> Any:
    """Type a question, press Enter and wait for its answer; returns the exchange element."""
    count = page.locator("article.exchange:not(.pending)").count()
    page.fill("#question", question)
    page.press("#question", "Enter")
    page.wait_for_function(
        "n => document.querySelectorAll('article.exchange:not(.pending)').length > n", arg=count
    )
    return page.locator("article.exchange").last


def test_cited_answer_marker_opens_the_highlighted_span_and_the_whole_document(
    server: LiveServer, page: Any, pipeline: Pipeline
) -> None:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(server.url + "/")
    assert page.locator("html").get_attribute("lang") == "lv"
    assert page.locator("label[for=question]").inner_text() == LV.question_label
    assert page.evaluate("document.activeElement.id") == "question"  # ready to type
    shot(page, "chat-empty")

    exchange = ask(page, QUESTION)
    expected = pipeline.ask(QUESTION, use_llm=False)
    citation = expected.citations[0]
    assert exchange.locator(".answer a.cite").first.inner_text() == "[1]"
    assert "26.janvārī" in exchange.locator(".answer").inner_text()
    assert exchange.locator(".note").inner_text() == LV.mode_extractive
    sources = exchange.locator(".source")
    assert sources.count() == len(expected.citations)
    first = sources.first
    assert citation.passage.title.split()[0] in first.locator(".title").inner_text()
    assert Path(citation.passage.chunk.doc).name in first.locator(".meta").inner_text()
    assert not first.locator(".passage").is_visible()

    # Keyboard only: Tab from the question box to the first [1] marker, Enter opens it.
    page.focus("#question")
    for _ in range(40):
        page.keyboard.press("Shift+Tab")
        if page.evaluate("document.activeElement.classList.contains('cite')"):
            break
    while page.evaluate("document.activeElement.getAttribute('data-source')") != "1":
        page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    passage = first.locator(".passage")
    assert passage.is_visible()
    assert passage.locator("mark.span").inner_text() == citation.quote.strip()
    assert first.locator(".source-toggle").get_attribute("aria-expanded") == "true"
    shot(page, "chat-answer")

    # A click on the other source shows its span; the first closes.
    if sources.count() > 1:
        sources.nth(1).locator(".source-toggle").click()
        assert sources.nth(1).locator(".passage").is_visible()
        assert not passage.is_visible()
        sources.first.locator(".source-toggle").click()

    # The whole document, scrolled to the highlighted span.
    first.locator("a.open-doc").click()
    page.wait_for_url("**/document?**")
    mark = page.locator("mark#span")
    assert mark.inner_text() == citation.quote.strip()
    assert page.evaluate(
        "() => { const r = document.getElementById('span').getBoundingClientRect();"
        " return r.top >= 0 && r.top < window.innerHeight; }"
    )
    shot(page, "document")
    hosts = {urlsplit(u).netloc for u in requests if not u.startswith("data:")}
    assert hosts == {f"127.0.0.1:{server.port}"}  # nothing is loaded from anywhere else


def test_no_answer_says_so_and_still_shows_the_closest_passages(
    server: LiveServer, page: Any
) -> None:
    page.goto(server.url + "/")
    exchange = ask(page, UNANSWERABLE)
    assert exchange.locator(".note").inner_text() == LV.not_answered_closest
    assert exchange.locator(".sources h3").inner_text() == LV.closest_title
    assert exchange.locator(".source").count() >= 1
    assert exchange.locator("a.cite").count() == 0
    exchange.locator(".source-toggle").first.click()
    assert exchange.locator(".passage").first.is_visible()


def test_follow_up_in_the_same_conversation_survives_a_reload_and_exports(
    server: LiveServer, page: Any, tmp_path: Path
) -> None:
    page.goto(server.url + "/")
    ask(page, QUESTION)
    second = ask(page, FOLLOW_UP)
    assert LV.searched_as.split(":")[0] in second.locator(".searched-as").inner_text()
    page.reload()
    questions = page.locator("article.exchange .question").all_inner_texts()
    assert questions == [f"{LV.you}: {QUESTION}", f"{LV.you}: {FOLLOW_UP}"]

    # Export: the same Markdown exporter as the terminal app, quotes and all.
    with page.expect_download() as info:
        page.click("#export-link")
    target = tmp_path / "saruna.md"
    info.value.save_as(target)
    markdown = target.read_text(encoding="utf-8")
    assert markdown.startswith(f"# {LV.export_heading}\n")
    assert f"## 1. {LV.export_question}: {QUESTION}" in markdown
    assert f"## 2. {LV.export_question}: {FOLLOW_UP}" in markdown
    assert "**[1]**" in markdown and "\n> " in markdown

    # Another browser has its own conversation; a new conversation starts empty.
    other = page.context.browser.new_context()
    other_page = other.new_page()
    other_page.goto(server.url + "/")
    assert other_page.locator("article.exchange").count() == 0
    other.close()
    page.click("#clear-button")
    page.wait_for_load_state()
    assert page.locator("article.exchange").count() == 0


def test_directory_filter_narrows_the_events_and_rows_open_their_source(
    server: LiveServer, page: Any, pipeline: Pipeline
) -> None:
    everything = pipeline.facts.events()
    liepaja = pipeline.facts.events(place="Liepājā")
    page.goto(server.url + "/directory")
    assert page.locator("#events-table tbody tr").count() == len(everything)
    page.fill("#f-place", "Liepājā")
    page.press("#f-place", "Enter")
    page.wait_for_url("**place=**")
    rows = page.locator("#events-table tbody tr")
    assert rows.count() == len(liepaja)
    shot(page, "directory")
    event = liepaja[0]
    quote = event["quote"] if isinstance(event, dict) else event.quote
    rows.first.locator("a.source-link").click()
    page.wait_for_url("**/document?**")
    assert page.locator("mark#span").inner_text() == quote.strip()

    page.goto(server.url + "/directory?from=vakar")
    assert "GGGG" in page.locator("#directory-error").inner_text()


def test_upload_shows_progress_and_the_file_becomes_answerable(
    own_server: Callable[..., LiveServer], page: Any, tmp_path: Path
) -> None:
    live = own_server()
    documents = httpx.get(f"{live.url}/api/stats").json()["documents"]
    upload = tmp_path / "valka-jauniesi.txt"
    upload.write_text(
        "Valkas jauniešu dome\n\n"
        "2024. gada 3. aprīlī Valkas novada jauniešu dome rīkoja debates par brīvprātīgo darbu."
        " Debates vadīja jaunatnes lietu speciāliste Līga Ozoliņa.\n",
        encoding="utf-8",
    )
    page.goto(live.url + "/documents")
    page.set_input_files("#files", str(upload))
    page.click("#upload-button")
    page.wait_for_selector("#upload-result .ok")
    page.wait_for_selector("#build .build-done", timeout=90_000)
    assert "pievienoti 1" in page.locator("#build .build-done").inner_text()
    page.wait_for_function(
        "n => document.getElementById('status-line').textContent.includes('Dokumenti: ' + n)",
        arg=documents + 1,
    )
    shot(page, "documents")
    page.goto(live.url + "/")
    exchange = ask(page, "Kas vadīja debates par brīvprātīgo darbu Valkā?")
    assert exchange.locator("a.cite").count() >= 1
    assert "valka-jauniesi.txt" in exchange.locator(".sources").inner_text()


def test_request_without_the_token_is_refused_when_bound_beyond_localhost(
    own_server: Callable[..., LiveServer], page: Any
) -> None:
    live = own_server(host="0.0.0.0", token="browser-test-token")
    response = page.goto(live.url + "/")
    assert response.status == 401
    assert "access token required" in page.content()
    page.goto(live.url + "/?token=browser-test-token")
    assert page.url == live.url + "/"  # the token is not left in the address bar
    assert page.locator("#question").is_visible()
    ask(page, QUESTION)


def test_english_switch_and_phone_width(server: LiveServer, browser: Any) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    try:
        page.goto(server.url + "/")
        page.click("a.lang-switch")
        assert page.locator("html").get_attribute("lang") == "en"
        assert page.locator("label[for=question]").inner_text() == EN.question_label
        exchange = ask(page, QUESTION)
        exchange.locator("a.cite").first.click()
        assert exchange.locator(".passage").first.is_visible()
        page.goto(server.url + "/")  # the language is remembered
        assert page.locator("html").get_attribute("lang") == "en"
        for path, name in (
            ("/", "chat-answer"),
            ("/directory", "directory"),
            ("/documents", "documents"),
        ):
            page.goto(server.url + path)
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{path} scrolls sideways at phone width ({overflow} px)"
            shot(page, name)
    finally:
        context.close()
