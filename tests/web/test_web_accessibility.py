"""Automated accessibility check of every view with axe-core (shipped in a PyPI wheel, offline)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from web_helpers import PHONE, QUESTION, UNANSWERABLE, LiveServer

#: The WCAG 2.1 A/AA rules; labels and contrast among them must run on every view.
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
MUST_RUN = {"label", "color-contrast"}


def _axe_source() -> str:
    try:
        import axe_playwright_python
    except ImportError:
        pytest.fail(
            "axe-core is missing: `pip install -e '.[dev]'` installs axe-playwright-python,"
            " whose wheel ships axe.min.js",
            pytrace=False,
        )
    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def audit(page: Any) -> dict[str, Any]:
    """axe-core's results for the page as it is now."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(content=_axe_source())
    return page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        TAGS,
    )


def violations(results: dict[str, Any]) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results["violations"]
    ]


def ran(results: dict[str, Any]) -> set[str]:
    groups = ("violations", "passes", "incomplete", "inapplicable")
    return {r["id"] for group in groups for r in results.get(group, [])}


def test_every_view_passes_the_label_and_contrast_checks(server: LiveServer, browser: Any) -> None:
    for viewport in ({"width": 1280, "height": 800}, PHONE):
        context = browser.new_context(viewport=viewport, bypass_csp=True)  # to add axe
        page = context.new_page()
        try:
            page.goto(server.url + "/")
            checked = {"empty conversation": audit(page)}
            page.fill("#question", QUESTION)
            page.press("#question", "Enter")
            page.wait_for_selector("article.exchange:not(.pending) a.cite")
            page.locator("a.cite").first.click()
            page.fill("#question", UNANSWERABLE)
            page.press("#question", "Enter")
            page.wait_for_function(
                "document.querySelectorAll('article.exchange:not(.pending)').length == 2"
            )
            checked["answers with an open source"] = audit(page)
            page.locator("a.open-doc").first.click()
            page.wait_for_selector("mark#span")
            checked["whole document"] = audit(page)
            for path in (
                "/directory",
                "/directory?place=Liep%C4%81j%C4%81&from=nekad",
                "/documents",
                "/document?doc=nav",
            ):
                page.goto(server.url + path)
                checked[path] = audit(page)
            page.goto(server.url + "/?lang=en")
            checked["English"] = audit(page)
        finally:
            context.close()
        for view, results in checked.items():
            assert MUST_RUN <= ran(results), f"{view}: {MUST_RUN - ran(results)} did not run"
            assert not violations(results), f"{view} at {viewport}: {violations(results)}"


def test_the_check_fails_on_a_missing_label_and_low_contrast(
    server: LiveServer, browser: Any
) -> None:
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.goto(server.url + "/")
    page.evaluate(
        """() => {
            const main = document.querySelector('main');
            const input = document.createElement('input');
            input.id = 'unlabelled';
            const faint = document.createElement('p');
            faint.textContent = 'Gaiši pelēks teksts uz balta fona';
            faint.style.color = '#c8c8c8';
            faint.style.background = '#ffffff';
            main.append(input, faint);
        }"""
    )
    found = {v["id"] for v in audit(page)["violations"]}
    context.close()
    assert {"label", "color-contrast"} <= found
