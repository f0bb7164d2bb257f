"""A person clicking through a page in its language: after a change of each kind of widget (a
situation, an option removed, a picked item, an answer, a tick, a button, the consult mode),
the page, the part that redrew alone and the sidebar are still wholly in the page's language
(`click_each_kind_of_widget`, run on every page in every language by the quality gates, in the
same browser context). And data words not yet translated, marked as English."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from explorer import words
from explorer.store import load_snapshot
from explorer.url_params import LANG_PARAM
from tests.browser.conftest import open_change, open_page, screenshot, wait_for_app
from tests.conftest import read_rows, write_rows
from tests.languages import foreign_phrases

MAIN = "[data-testid='stMain']"
# The page, and what the Showing line's Change button opens (drawn outside the page's block).
SHOWN = f":is({MAIN}, [data-testid='stPopoverBody'])"
# One widget of each kind, found as a person sees it, and how a person changes it (the consult
# mode last: it changes the page's layout).
WIDGETS = {
    "situation": f"{SHOWN} .st-key-picked_situation button[aria-checked='false']",
    "option removed": f"{SHOWN} [data-testid='stMultiSelect'] button[aria-label^='Remove']",
    "picked item": f"{SHOWN} [data-testid='stSelectbox']",
    "answer": f"{MAIN} [data-testid='stRadio'] label:has(input:not(:checked))",
    "tick": f"{MAIN} [data-testid='stCheckbox'] label",
    "button": f"{MAIN} [data-testid='stButton'] button:not([disabled])",
    "consult mode": "[data-testid='stSidebar'] [data-testid='stCheckbox'] label",
}

# Every text node a person sees, but parts in another language on purpose: rows not yet
# translated (lang="en") and what is shown as published (citations, the changelog, which may
# quote the Spanish it changed), as tests/apptest.py's shown_strings leaves them out too.
SHOWN_TEXT = """() => {
    const language = document.documentElement.lang;
    const walker = document.createTreeWalker(
        document.querySelector("[data-testid='stApp']"), NodeFilter.SHOW_TEXT);
    const shown = [];
    while (walker.nextNode()) {
        const holder = walker.currentNode.parentElement;
        if (!holder || holder.closest('style, script, template, [class*="st-key-published-"]'))
            continue;
        if (holder.closest("[lang]").lang !== language) continue;
        shown.push(walker.currentNode.textContent);
    }
    return shown.join("\\n");
}"""


def in_its_language(page, language: str, after: str) -> None:
    assert page.evaluate("document.documentElement.lang") == language, after
    assert page.locator("[data-testid='stException']").count() == 0, after
    assert foreign_phrases(page.evaluate(SHOWN_TEXT), language) == [], after


def change(page, kind: str, selector: str) -> None:
    widget = page.locator(selector).first
    widget.scroll_into_view_if_needed()
    if kind == "picked item":
        pick_another_choice(page, widget)
    else:
        widget.click()
    wait_for_app(page, paint_ms=100)  # its words are read, its layout is not measured


def pick_another_choice(page, box, tries: int = 3) -> None:
    """Open a select box's list and pick a choice not picked. A rerun still finishing from the
    last change can redraw the box and close its list under the pointer (seen once in CI): then
    wait for the page and open the list again."""
    for _ in range(tries):
        box.click()
        try:  # the first choice not picked: near the top, drawn without scrolling the list
            page.locator("[role='option'][aria-selected='false']").first.click(timeout=5_000)
            return
        except PlaywrightTimeoutError:
            page.keyboard.press("Escape")
            wait_for_app(page, paint_ms=100)
    raise AssertionError(f"the list closed {tries} times before a choice was picked")


def click_each_kind_of_widget(page, path: str, language: str) -> list[str]:
    """Change a widget of each kind on the page, one after the other as a person goes down it,
    checking after each that the page (the part that redrew alone too) is still wholly in its
    language. Returns the kinds changed."""
    changed = []
    if page.locator("[class*='st-key-controls-change'] button").count():
        open_change(page)  # the situation and the options are behind it
    for kind, selector in WIDGETS.items():
        shown = f"{selector} >> visible=true"  # not one in a closed expander (the summary's)
        if page.locator(shown).count():
            change(page, kind, shown)
            in_its_language(page, language, kind)
            changed.append(kind)
    assert "consult mode" in changed and (path in ("/about", "/data_check") or len(changed) > 1)
    return changed


def test_data_words_not_yet_translated_are_marked_english_for_screen_readers(page, broken_app):
    def untranslate_the_first_option(data: Path) -> None:
        spanish = data / "es" / "options.csv"
        rows = read_rows(spanish)
        write_rows(spanish, rows[1:], list(rows[0]))

    server, data = broken_app(untranslate_the_first_option)
    snapshot = load_snapshot(data)
    # Short names: the page names each option by its short name before anything is opened.
    english, spanish = (
        snapshot.content(language).options["short_name"] for language in ("en", "es")
    )
    page.set_viewport_size({"width": 1280, "height": 800})
    open_page(page, f"{server.url}/compare?{LANG_PARAM}=es")
    page.locator(".st-key-glance summary").click()  # five options: the glance starts closed
    page.wait_for_function("document.querySelector('[data-in-english]')")
    marked = page.evaluate(MARKED_ENGLISH)
    assert english.iloc[0] == spanish.iloc[0] and english.iloc[0] in marked
    assert not set(spanish.iloc[1:]) & set(marked)  # the translated names keep the page's language
    assert page.get_by_text(words.catalogue("es")["shell.some_in_english"]).count() == 1
    in_its_language(page, "es", "opened")
    # A click redraws the tables: the marks follow the words, not the places they were in.
    open_change(page)
    change(page, "option removed", WIDGETS["option removed"])
    page.wait_for_timeout(500)
    marked = page.evaluate(MARKED_ENGLISH)
    assert english.iloc[0] not in marked and not set(spanish.iloc[1:]) & set(marked)
    screenshot(page, "language-compare-es-untranslated-row")


# The texts marked lang="en" on a page in another language, as a screen reader gets them.
MARKED_ENGLISH = """() => [...document.querySelectorAll("[data-in-english]")]
    .filter(part => part.lang === "en").map(part => part.textContent.trim())"""
