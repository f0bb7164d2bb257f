"""Quality gates for every page in explorer.ui.shell.PAGES in every language, each opened by direct
link in a fresh browser context: no error, one main heading, no serious accessibility problem, nothing fetched
from outside this machine, no sideways scrolling on a phone or a laptop, and after a click on each
kind of widget the page still wholly in its language. And a keyboard-only walk through the
comparison page."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from explorer import words
from explorer.url_params import LANG_PARAM, OPTIONS_PARAM
from tests.browser.conftest import (
    CONTENT,
    horizontal_overflow,
    open_page,
    screenshot,
    serious_accessibility_problems,
    wait_for_app,
    watch_outside_requests,
)
from tests.browser.test_languages_browser import click_each_kind_of_widget, in_its_language
from tests.live import PAGE_PATHS

LAPTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("language", words.languages())
@pytest.mark.parametrize("path", PAGE_PATHS)
def test_page_passes_the_quality_gates(page, app_server, path, language):
    name = (path.strip("/") or "home") + ("" if language == words.LANGUAGE else f"-{language}")
    outside = watch_outside_requests(page)  # before the first request

    # A phone first: what a patient opening a shared link sees.
    page.set_viewport_size(PHONE)
    open_page(page, f"{app_server.url}{path}?{LANG_PARAM}={language}")
    assert page.locator("[data-testid='stException']").count() == 0
    # The document says its language, for screen readers (axe checks it is a valid one).
    page.wait_for_function(f"document.documentElement.lang === '{language}'")
    # Citations and the changelog keep the language they are published in, marked as such.
    page.wait_for_function(
        """published => [...document.querySelectorAll('[class*="st-key-published-"]')]
            .every(part => part.lang === published)""",
        arg=words.LANGUAGE,
    )
    headings = page.locator("h1")
    assert headings.count() == 1 and headings.inner_text().strip()
    assert horizontal_overflow(page) <= 0
    screenshot(page, f"gate-{name}-phone")

    # Then a laptop, where the sidebar is open too.
    page.set_viewport_size(LAPTOP)
    wait_for_app(page)  # the sidebar slides in and charts redraw at the new width
    page.wait_for_timeout(500)
    assert horizontal_overflow(page) <= 0
    assert serious_accessibility_problems(page) == []
    screenshot(page, f"gate-{name}-laptop")

    # Then a person clicks through it: every kind of widget, the page staying in its language.
    in_its_language(page, language, "opened")
    click_each_kind_of_widget(page, path, language)
    screenshot(page, f"gate-{name}-clicked")
    assert outside == []


def test_keyboard_alone_reaches_every_control_of_the_comparison_page(page, app_server):
    page.set_viewport_size(LAPTOP)
    open_page(page, app_server.url + "/compare")
    # Every link in the header, the sidebar and the page, and the Change button that opens the option
    # picker, marked to be found again.
    controls = page.evaluate(
        """() => {
            const found = [...document.querySelectorAll(
                "[data-testid=stSidebar] a[href], [data-testid=stMain] a[href], [class*=st-key-controls-change] button"
            )].filter(element => element.checkVisibility());
            found.forEach((element, i) => { element.dataset.gate = i; });
            return found.map(element => element.textContent.trim() || element.getAttribute("aria-label") || element.href);
        }"""
    )
    assert len(controls) >= 4  # three header links and the picker, at least

    reached: set[int] = set()
    for _ in range(3 * len(controls) + 40):
        page.keyboard.press("Tab")
        gate = page.evaluate("document.activeElement?.dataset?.gate ?? null")
        if gate is not None:
            reached.add(int(gate))
        if len(reached) == len(controls):
            break
    assert [controls[i] for i in range(len(controls)) if i not in reached] == []

    # The picker works from the keyboard too: Enter on Change opens it, Backspace removes the
    # last option chosen (all are chosen at first), and the address lists the others.
    page.locator("[class*='st-key-controls-change'] button").first.focus()
    page.keyboard.press("Enter")
    page.locator("[data-testid='stPopoverBody'] [data-testid='stMultiSelect'] input").focus()
    page.keyboard.press("Backspace")
    page.wait_for_url("**/compare?options=*")
    wait_for_app(page)
    all_ids = list(CONTENT.options["option_id"])
    assert parse_qs(urlsplit(page.url).query)[OPTIONS_PARAM] == all_ids[:-1]
    screenshot(page, "gate-compare-keyboard")
