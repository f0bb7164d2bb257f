"""What each person came for, one tap from their first two phone screens (5th review, section 2;
issue 33's "done when"): the leaning question on What matters, the cost and the questions in the
"offered by a clinic?" card, an option's harms on Chances. Each link is within two screens
(750 px each, as in test_compare_phone.py) of the page's top at 390x844, and a real click on it
brings its heading onto the screen. The positions are printed (pytest -s)."""

from __future__ import annotations

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from explorer import chances, matched, situation, words
from explorer.rules.vocabulary import HARM, INVESTIGATIONAL
from explorer.ui.offer_card import OPEN_OFFER, OPEN_PARAM
from explorer.url_params import LANG_PARAM, OPTION_PARAM, OPTIONS_PARAM, SITUATION_PARAM
from tests.browser.conftest import CONTENT, SIZES, open_at_size, screenshot

WITHIN = 2 * 750
# Each situation and option whose results are said beside another's: every one's harms drawn.
BESIDE = [
    (situation_id, option_id, [option_id, *matched.also_said(CONTENT, situation_id, option_id)])
    for situation_id in CONTENT.situations["situation_id"]
    for option_id in situation.aimed_options(CONTENT, situation_id)
    if matched.also_said(CONTENT, situation_id, option_id)
]
OFFERED = list(CONTENT.options.loc[CONTENT.options["status"] == INVESTIGATIONAL, "option_id"])

# The link's place from the page's top (Streamlit scrolls inside its main block).
FROM_TOP = """link => {
    const main = document.querySelector("[data-testid='stMain']");
    return Math.round(link.getBoundingClientRect().top - main.getBoundingClientRect().top
                      + main.scrollTop);
}"""


def _follow(page, language: str, key: str, name: str, link=None) -> None:
    """Find the link saying `key`'s words (or the `link` given) within two screens, click it, and
    check its heading is then on the screen."""
    if link is None:
        link = page.locator("[data-testid='stMarkdown'] a", has_text=words.say(language, key))
        link = link.first
    at = link.evaluate(FROM_TOP)
    print(f"{name} {language}: link at {at} px")
    assert at <= WITHIN, at
    target = link.get_attribute("href")
    assert target.startswith("#")
    link.click()
    top = settled_top(page, f"[id='{target[1:]}']")
    screenshot(page, f"reach-{name}-{language}")
    assert 0 <= top < SIZES["phone"][1] - 100, top  # on the screen, with room under it
    page.evaluate(TO_TOP)  # as a person who comes back for the next link


# The heading's place on the screen once the scroll its link started has ended: unchanged
# since the last look (a tenth of a second before) and on the screen, or else after 5 s.
SETTLED_ON_SCREEN = """([selector, bottom]) => {
    const top = document.querySelector(selector).getBoundingClientRect().top;
    const settled = top === window.lastTop;
    window.lastTop = top;
    return settled && 0 <= top && top < bottom;
}"""
TO_TOP = """() => document.querySelector("[data-testid='stMain']").scrollTo(0, 0)"""


def settled_top(page, selector: str) -> float:
    """Where the heading is once the scroll to it has ended: waits as long as the scroll takes,
    no longer (a fixed wait took 0.8 s a link)."""
    page.evaluate("window.lastTop = null")
    try:
        page.wait_for_function(
            SETTLED_ON_SCREEN, arg=[selector, SIZES["phone"][1] - 100], polling=100, timeout=5_000
        )
    except PlaywrightTimeoutError:
        pass  # the assertion says where it stayed
    return page.locator(selector).evaluate("h => h.getBoundingClientRect().top")


@pytest.mark.parametrize("language", words.languages())
def test_the_leaning_question_is_one_tap_from_the_top_of_what_matters(page, app_server, language):
    open_at_size(page, f"{app_server.url}/what_matters?{LANG_PARAM}={language}", SIZES["phone"])
    _follow(page, language, "what_matters.to_leaning", "leaning")


@pytest.mark.parametrize("language", words.languages())
@pytest.mark.parametrize("option_id", OFFERED)
def test_the_offer_cards_cost_and_questions_are_one_tap_from_its_top(
    page, app_server, language, option_id
):
    url = (
        f"{app_server.url}/compare?{LANG_PARAM}={language}&{OPTIONS_PARAM}={option_id}"
        f"&{OPEN_PARAM}={OPEN_OFFER}"
    )
    open_at_size(page, url, SIZES["phone"])
    for part in ("cost", "questions"):  # one page: each link is measured from the page's top
        _follow(page, language, f"offer.contents.{part}", f"offer-{option_id}-{part}")


@pytest.mark.parametrize("language", words.languages())
@pytest.mark.parametrize("option_id", OFFERED)
def test_an_options_harms_are_one_tap_from_the_top_of_chances(
    page, app_server, language, option_id
):
    url = f"{app_server.url}/chances?{LANG_PARAM}={language}&{OPTION_PARAM}={option_id}"
    open_at_size(page, url, SIZES["phone"])
    _follow(page, language, "chances.page.to_harms", f"harms-{option_id}")


@pytest.mark.parametrize("language", words.languages())
@pytest.mark.parametrize(("situation_id", "option_id", "shown"), BESIDE[:1])
def test_each_shown_options_harms_are_one_tap_from_the_top_of_chances(
    page, app_server, language, situation_id, option_id, shown
):
    """6th review N4: the benefits say both options; each one's harms is one tap from the top."""
    url = (
        f"{app_server.url}/chances?{LANG_PARAM}={language}"
        f"&{SITUATION_PARAM}={situation_id}&{OPTION_PARAM}={option_id}"
    )
    open_at_size(page, url, SIZES["phone"])
    for each in shown:
        anchor = chances.section_anchor(HARM, "" if each == option_id else each)
        link = page.locator(f".st-key-to-harms a[href='#{anchor}']")
        _follow(page, language, "", f"harms-{situation_id}-{option_id}-{each}", link)
