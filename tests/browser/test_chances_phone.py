"""Chances on a phone (390x844) for each long-lasting situation, before anything is opened: the
first result about people in the reader's situation (said in words, or pictured) within two
screens, and the page far shorter than the 27 screens the re-review measured (issue 33). A
screen is 750 px of page, as in test_compare_phone.py. The measured heights are printed
(pytest -s)."""

from __future__ import annotations

import pytest

from explorer import words
from explorer.populations import LONG_PAIN_WEEKS
from explorer.url_params import LANG_PARAM, OPTION_PARAM, SITUATION_PARAM
from tests.browser.conftest import CONTENT, SIZES, open_at_size, screenshot, wait_for_app

SCREEN = 750
FIRST_RESULT_WITHIN = 2 * SCREEN
PAGE_WITHIN = 10 * SCREEN
BOUNDS = CONTENT.situation_bounds
LONG_LASTING = list(BOUNDS[BOUNDS["weeks_from"] >= LONG_PAIN_WEEKS]["situation_id"])

# From the top of the page: where the first result about the reader starts (their study's
# result in words, or the first picture), and how tall the whole page is.
MEASURE = """() => {
    const main = document.querySelector("[data-testid='stMain']");
    const top = main.getBoundingClientRect().top - main.scrollTop;
    const first = document.querySelector(
        "[class*='st-key-in-words-'], [data-testid='stVegaLiteChart']");
    return {first: first ? Math.round(first.getBoundingClientRect().top - top) : null,
            height: main.scrollHeight};
}"""


@pytest.mark.parametrize("language", words.languages())
@pytest.mark.parametrize("situation_id", LONG_LASTING)
def test_chances_starts_with_the_readers_own_result_on_a_phone(
    page, app_server, language, situation_id
):
    url = f"{app_server.url}/chances?{LANG_PARAM}={language}&{SITUATION_PARAM}={situation_id}"
    open_at_size(page, url, SIZES["phone"])
    page.wait_for_timeout(500)  # the pictures settle
    found = page.evaluate(MEASURE)
    print(
        f"chances {language} {situation_id}: first result at {found['first']} px, "
        f"page {found['height']} px"
    )
    screenshot(page, f"chances-phone-{language}-{situation_id}")
    assert found["first"] is not None and found["first"] <= FIRST_RESULT_WITHIN, found
    assert found["height"] <= PAGE_WITHIN, found


# Each heading in the opened "other groups" section, its size, and the page's own heading size.
HEADINGS = """() => {
    const size = element => parseFloat(getComputedStyle(element).fontSize);
    return {page: size(document.querySelector("[data-testid='stMain'] h2")),
            others: [...document.querySelectorAll(".st-key-other-groups h3")].map(size)};
}"""


@pytest.mark.parametrize("language", words.languages())
def test_other_groups_headings_read_as_sub_headings_on_a_phone(page, app_server, language):
    situation_id = LONG_LASTING[0]
    url = f"{app_server.url}/chances?{LANG_PARAM}={language}&{SITUATION_PARAM}={situation_id}"
    open_at_size(page, url, SIZES["phone"])
    page.locator(".st-key-other-groups summary").first.click()
    page.locator(".st-key-other-groups h3").first.wait_for()
    wait_for_app(page)
    found = page.evaluate(HEADINGS)
    screenshot(page, f"chances-phone-other-groups-{language}")
    assert found["others"] and max(found["others"]) < found["page"], found
    assert max(found["others"]) <= 20, found  # a phone's sub-heading, not a section's heading


# The size of every word drawn in the page's charts, and the widest chart's right edge.
CHART_TEXT = """() => {
    const charts = [...document.querySelectorAll("[data-testid='stVegaLiteChart'] svg")];
    return {sizes: charts.flatMap(svg => [...svg.querySelectorAll("text")])
                .filter(text => text.textContent.trim())
                .map(text => parseFloat(getComputedStyle(text).fontSize)),
            right: Math.max(...charts.map(svg => svg.getBoundingClientRect().right))};
}"""


@pytest.mark.parametrize("language", words.languages())
@pytest.mark.parametrize("option_id", ["discectomy", "conservative"])
def test_the_pictures_words_are_at_least_16_px_on_a_phone(page, app_server, language, option_id):
    """Bars, picture headings and keys are read at the body text's size (second review N10),
    and no picture runs past the phone's edge."""
    situation_id = LONG_LASTING[0]
    url = (
        f"{app_server.url}/chances?{LANG_PARAM}={language}&{SITUATION_PARAM}={situation_id}"
        f"&{OPTION_PARAM}={option_id}"
    )
    open_at_size(page, url, SIZES["phone"])
    page.locator("[data-testid='stVegaLiteChart'] svg text").first.wait_for()
    found = page.evaluate(CHART_TEXT)
    screenshot(page, f"chances-phone-pictures-{language}-{option_id}")
    assert found["sizes"] and min(found["sizes"]) >= 16, found
    assert found["right"] <= SIZES["phone"][0], found
