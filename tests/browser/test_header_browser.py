"""The header on a phone (390x844): the language switch and every step of the way in view without
opening or scrolling anything, in every language (issue 33: the step bar's last steps scrolled
off the right edge)."""

from __future__ import annotations

import itertools

import pytest

from explorer import words
from explorer.ui.shell import PAGES
from explorer.url_params import LANG_PARAM
from tests.browser.conftest import SIZES, open_at_size, screenshot

# Each control of the header: its left and right edges, and its top, in px of the window.
EDGES = """() => [...document.querySelectorAll(
    ".st-key-controls-header button, .st-key-controls-header [data-testid=stPageLink] a"
)].map(control => {
    const box = control.getBoundingClientRect();
    return {words: control.innerText.trim(), left: box.left, right: box.right, top: box.top,
            height: box.height};
})"""


@pytest.mark.parametrize("language", words.languages())
@pytest.mark.parametrize("page_id", ["compare", "what_matters"])
def test_every_step_and_the_language_switch_are_in_view_on_a_phone(
    page, app_server, language, page_id
):
    width, _ = SIZES["phone"]
    open_at_size(page, f"{app_server.url}/{page_id}?{LANG_PARAM}={language}", SIZES["phone"])
    controls = page.evaluate(EDGES)
    screenshot(page, f"header-phone-{language}-{page_id}")
    steps = [p for p in PAGES if p.step and p.in_sidebar]
    said = words.catalogue(language)
    shown = [control["words"] for control in controls]
    for step in steps:
        assert said[f"pages.{step.page_id}.step"] in shown
    assert any(said["shell.more_pages"] in text for text in shown)
    # In the window, and at least the 24 px of WCAG 2.2 target size (minimum).
    outside = [c for c in controls if c["left"] < 0 or c["right"] > width or c["height"] < 24]
    assert outside == [], outside
    tops = sorted(control["top"] for control in controls)
    rows = 1 + sum(1 for above, below in itertools.pairwise(tops) if below - above > 20)
    assert rows <= 2, controls  # two rows at most of a phone's first screen


# The bottom of Streamlit's own bar, which is drawn over the page's first row.
BAR_BOTTOM = "() => document.querySelector('[data-testid=stHeader]').getBoundingClientRect().bottom"
# Where each of Compare's short answers starts, in px of the window, when it draws a bullet.
BULLETED_LEFTS = """() => [...document.querySelectorAll('.st-key-listen-short-answers li')]
    .filter(item => getComputedStyle(item).listStyleType !== 'none')
    .map(item => item.getBoundingClientRect().left)"""


@pytest.mark.parametrize("language", words.languages())
def test_nothing_of_the_first_row_hides_under_the_bar_and_bullets_keep_their_room(
    page, app_server, language
):
    # 4th fresh review N7: the bar covered the top of the language buttons, and Compare's
    # bullets sat at the screen's very edge.
    open_at_size(page, f"{app_server.url}/compare?{LANG_PARAM}={language}", SIZES["phone"])
    tops = [control["top"] for control in page.evaluate(EDGES)]
    assert min(tops) >= page.evaluate(BAR_BOTTOM)
    assert page.locator(".st-key-listen-short-answers li").count()
    lefts = page.evaluate(BULLETED_LEFTS)
    assert all(left >= 30 for left in lefts)  # the page's 16 px edge, then room for a bullet
