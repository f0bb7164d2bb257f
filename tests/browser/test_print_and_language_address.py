"""Two things a slow reader noticed in the third review (P7, P8), as only a browser shows them: one
click on Print opens one print dialog, and after the language switch the address names the
language, so a copied link opens in it."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from explorer import words
from explorer.ui import printing
from explorer.url_params import LANG_PARAM, OPTIONS_PARAM, SITUATION_PARAM
from tests.browser.conftest import CONTENT, open_page, wait_for_app

# A situation a person picked, and two options they chose: what a copied link must keep.
SITUATION = CONTENT.situations["situation_id"].iloc[0]
TWO_OPTIONS = list(CONTENT.options["option_id"])[:2]
# Counts the print dialogs the page asks for. Put in before the page's own scripts run: the
# review's count of 2 came from its stub set by `page.evaluate("…; window.print = () => …")`,
# whose value is that function, which Playwright then calls: one "print" the page never asked for.
COUNT_PRINTS = "window.printed = 0; window.print = () => { window.printed += 1; };"


def go_by_header(page, page_id: str, language: str) -> None:
    """Another page through the header's step bar: the app's own navigation, no reload."""
    step = words.catalogue(language)[f"pages.{page_id}.step"]
    page.locator(".st-key-step-bar").get_by_role("link", name=step, exact=True).click()
    wait_for_app(page)


@pytest.mark.parametrize("language", words.languages())
def test_one_click_on_print_prints_once(page, app_server, language):
    page.add_init_script(COUNT_PRINTS)
    open_page(page, f"{app_server.url}/summary?{LANG_PARAM}={language}")
    print_button = page.locator(f"button.{printing.BUTTON_CLASS}")
    print_button.click()
    assert page.evaluate("window.printed") == 1  # freshly loaded
    go_by_header(page, "compare", language)
    go_by_header(page, "summary", language)
    print_button.click()
    assert page.evaluate("window.printed") == 2  # and once more after going away and back


@pytest.mark.parametrize("page_id", ["chances", "summary", "what_matters"])
def test_the_language_switch_names_the_language_in_the_address(page, browser, app_server, page_id):
    view = {SITUATION_PARAM: [SITUATION], OPTIONS_PARAM: TWO_OPTIONS}
    query = "&".join(f"{key}={value}" for key, values in view.items() for value in values)
    open_page(page, f"{app_server.url}/{page_id}?{query}")
    # Every other language, then back to the first (the browser's own here): each named.
    for language in [*words.languages()[1:], words.languages()[0]]:
        name = words.catalogue(language)["app.language_name"]
        page.locator(".st-key-controls-header").get_by_text(name, exact=True).click()
        wait_for_app(page)
        expect(page).to_have_url(re.compile(rf"[?&]{LANG_PARAM}={language}(&|$)"), timeout=15_000)
        address = urlsplit(page.url)
        assert address.path == f"/{page_id}" and page.url == page.evaluate("location.href")
        assert parse_qs(address.query) == {**view, LANG_PARAM: [language]}
        # The copied link, opened in a fresh window, is the same page in that language.
        copied = browser.new_page()
        try:
            open_page(copied, page.url)
            title = words.catalogue(language)[f"pages.{page_id}.title"]
            expect(copied.locator("h1").first).to_have_text(title)
            assert copied.evaluate("document.documentElement.lang") == language
        finally:
            copied.close()
