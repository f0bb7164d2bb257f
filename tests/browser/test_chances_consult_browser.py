"""Chances where a study's results are said in words beside another option's (4th review): on a
shared screen at 1280x800 every bar of the 0 to 10 chart, the later time's difference too, is on
the first screen (N5); under the harms heading, one tap views the other option's harms, keeping
the situation, language and mode in the address (N3); a picture of fewer than 100 people says
it shows them all (N7)."""

from __future__ import annotations

from collections import Counter

import pytest
from playwright.sync_api import expect

from explorer import chances, matched, short_answers, situation, words
from explorer.rules.vocabulary import HARM
from explorer.url_params import LANG_PARAM, MODE_PARAM, OPTION_PARAM, SITUATION_PARAM
from tests.browser.conftest import CONTENT, SIZES, open_at_size, screenshot, wait_for_app

# Each situation and option whose benefit is drawn as 0 to 10 bars, from the content in data/.
SCORED = [
    (situation_id, option_id)
    for situation_id in CONTENT.situations["situation_id"]
    if situation_id != situation.NOT_SURE
    for option_id in situation.aimed_options(CONTENT, situation_id)
    if matched.scores(CONTENT, situation_id, option_id, "benefit")
]
# Beside an option, another said under its headings: its harms one tap away.
BESIDE = [
    (situation_id, option_id, other)
    for situation_id, option_id in SCORED
    for other in matched.also_said(CONTENT, situation_id, option_id)[:1]
]

# The tops of the first chart's bars (Vega's SVG marks), from the top of the window.
BAR_TOPS = """() => {
    const chart = document.querySelector("[data-testid='stVegaLiteChart']");
    return [...chart.querySelectorAll('path, rect')].map(m => m.getBoundingClientRect())
        .filter(b => b.height > 10 && b.height < 30 && b.width > 10).map(b => Math.round(b.top));
}"""


@pytest.mark.parametrize("language", words.languages())
@pytest.mark.parametrize(("situation_id", "option_id"), SCORED[:2])
def test_on_a_shared_screen_every_bar_is_on_the_first_screen(
    page, app_server, language, situation_id, option_id
):
    url = (
        f"{app_server.url}/chances?{LANG_PARAM}={language}&{MODE_PARAM}=consult"
        f"&{SITUATION_PARAM}={situation_id}&{OPTION_PARAM}={option_id}"
    )
    open_at_size(page, url, SIZES["laptop"])
    page.wait_for_timeout(500)  # the chart settles
    tops = page.evaluate(BAR_TOPS)
    print(f"consult {language} {situation_id} {option_id}: bars at {tops}")
    screenshot(page, f"chances-consult-bars-{language}-{situation_id}-{option_id}")
    [scored] = matched.scores(CONTENT, situation_id, option_id, "benefit")[:1]
    assert len(tops) == len(scored.rows)  # every bar found
    assert max(tops) < SIZES["laptop"][1], tops


@pytest.mark.parametrize("language", words.languages())
@pytest.mark.parametrize(("situation_id", "option_id", "other"), BESIDE[:1])
def test_the_other_options_harms_are_one_tap_away(
    page, app_server, language, situation_id, option_id, other
):
    # On a shared screen: elsewhere its harms are drawn on the page (6th review N4).
    url = (
        f"{app_server.url}/chances?{LANG_PARAM}={language}&{MODE_PARAM}=consult"
        f"&{SITUATION_PARAM}={situation_id}&{OPTION_PARAM}={option_id}"
    )
    open_at_size(page, url, SIZES["phone"])
    link = page.locator(f"[class*='st-key-see-too-{other}'] button")
    with words.speaking(language):
        harms = words.t("chances.page.heading.harm", option="")
    # Right under the harms heading: the next thing after it on the page.
    gap = link.evaluate(
        """(a, heading) => {
            const h = [...document.querySelectorAll('h2')].find(
                h => h.innerText.startsWith(heading));
            return a.getBoundingClientRect().top - h.getBoundingClientRect().bottom;
        }""",
        harms.rstrip(": "),
    )
    assert -20 <= gap < 40, gap  # a heading's box reaches a little below its line
    before = page.locator("h2", has_text=harms.rstrip(": ")).inner_text()
    link.click()
    wait_for_app(page)
    # The address says the option viewed, and keeps the situation and language.
    page.wait_for_function(f"() => location.search.includes('{OPTION_PARAM}={other}')")
    search = page.evaluate("location.search")
    for part in (f"{SITUATION_PARAM}={situation_id}", f"{LANG_PARAM}={language}"):
        assert part in search
    # Now the other option's harms, with the way back to the first one's.
    # (waited for: the address changes before the rerun has drawn the page)
    heading = page.locator("h2", has_text=harms.rstrip(": "))
    expect(heading).not_to_have_text(before, timeout=30_000)
    back = page.locator(f"[class*='st-key-see-too-{option_id}'] button")
    expect(back).to_have_count(1, timeout=30_000)  # and the way back
    screenshot(page, f"chances-see-too-{language}-{situation_id}-{other}")


# A picture of a study of fewer than 100 people (3 of 15), from the content in data/.
FEW = [
    (chance, count)
    for chance in chances.all_chances(CONTENT)
    for count in chance.counts
    if count.few and chance.drawable
][:1]


@pytest.mark.parametrize(("chance", "count"), FEW)
def test_a_picture_of_fewer_than_100_people_says_it_shows_them_all(page, app_server, chance, count):
    """4th review N7: '3 of 15' drawn as 15 people, said plainly under the picture."""
    open_at_size(
        page, f"{app_server.url}/chances?{OPTION_PARAM}={chance.option_id}", SIZES["phone"]
    )
    line = page.get_by_text(words.t("chances.all_drawn", size=count.size)).first
    line.scroll_into_view_if_needed()
    assert line.is_visible()
    screenshot(page, f"chances-all-drawn-{chance.option_id}")


@pytest.mark.parametrize(("situation_id", "option_id", "other"), BESIDE[:1])
def test_whose_numbers_are_said_once_under_a_heading(
    page, app_server, situation_id, option_id, other
):
    """4th review N7: a picture about the same people as the words above it does not say again
    whose numbers they are: each line once under each heading that says it (the option's own
    headings, and the harms heading of each option drawn beside it, 6th review N4)."""
    url = f"{app_server.url}/chances?{SITUATION_PARAM}={situation_id}&{OPTION_PARAM}={other}"
    open_at_size(page, url, SIZES["phone"])
    headings = [
        *matched.in_words(CONTENT, situation_id, other).values(),
        *(
            matched.in_words(CONTENT, situation_id, beside).get(HARM, [])
            for beside in matched.also_said(CONTENT, situation_id, other)
        ),
    ]
    said = Counter(
        line
        for shorts in headings
        for line in set(short_answers.whose_lines(CONTENT, shorts, situation_id))
    )
    assert said
    for line, headings_saying_it in said.items():
        assert page.get_by_text(line, exact=True).count() == headings_saying_it, line
