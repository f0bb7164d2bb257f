"""The summary's card on a phone (390x844) fits one screen, in every language and situation, for
the options aimed at it (all of them when the person is not sure), with nothing answered and with
the longest answers the content allows (issue 33 item 7), and with a line to spare. A screen is 750 px of page (the phone's 844 minus the browser's own bars, as
the usability review counted), and Streamlit's own bar stays over the top 60 px of it as the
page scrolls: the card, scrolled up to that bar, must end within the 690 px left below it, a line
of its type (MARGIN) before the screen's end, so that a slightly longer answer does not push the
next step off the screen.

Measured from the card's own top, not the page's: the title, the header and the Showing line
come first (about 400 px), and a card that held situation, options, numbers, priorities,
leaning, questions and the next step in the 350 px left of the first screen would be too small
to read. The measured heights are printed (pytest -s)."""

from __future__ import annotations

import pytest

from explorer import decide, situation, summary_card, words
from explorer.url_params import LANG_PARAM, LEAN_PARAM, RATING_PARAM, SITUATION_PARAM
from tests.browser.conftest import BROWSER_DATA, CONTENT, SIZES, open_at_size, screenshot
from tests.conftest import snapshot_of

SCREEN = 750
SCREEN_BAR = 60  # Streamlit's own bar, over the top of the page
MARGIN = 24  # a line of the card's text and its gap
CARD_WITHIN = SCREEN - SCREEN_BAR - MARGIN
SITUATIONS = [*CONTENT.situations["situation_id"], situation.NOT_SURE]
SNAPSHOT = snapshot_of(BROWSER_DATA)  # every language's words

# The card's height in px: from its top to its bottom.
MEASURE = """() => {
    const box = document.querySelector(".st-key-summary-card").getBoundingClientRect();
    return Math.round(box.height);
}"""

# Scroll the page so that the card's top is just under Streamlit's bar, as a person would.
SCROLL_UNDER_BAR = f"""() => {{
    const main = document.querySelector("[data-testid='stMain']");
    const card = document.querySelector(".st-key-summary-card");
    main.scrollTop += card.getBoundingClientRect().top - {SCREEN_BAR};
}}"""


def longest_answers(language: str, situation_id: str) -> str:
    """The address parameters of the answers that make the card longest: the statements with
    the longest words rated very important (as many as the card names) and a leaning towards
    the aimed option with the longest short name."""
    content = SNAPSHOT.content(language)
    statements = content.statements.set_index("statement_id")["statement"]
    longest = statements.str.len().sort_values(ascending=False).index[: decide.TOP_PRIORITIES]
    very = decide.IMPORTANCE.index("very")
    short_names = content.short_names()
    leaning = max(situation.aimed_options(content, situation_id), key=lambda o: len(short_names[o]))
    rated = "&".join(f"{RATING_PARAM}={statement}.{very}" for statement in longest)
    return f"{rated}&{LEAN_PARAM}={leaning}"


@pytest.mark.parametrize("answered", [False, True], ids=["nothing-answered", "longest-answers"])
@pytest.mark.parametrize("language", words.languages())
@pytest.mark.parametrize("situation_id", SITUATIONS)
def test_the_summary_card_fits_one_phone_screen(page, app_server, language, situation_id, answered):
    url = f"{app_server.url}/summary?{LANG_PARAM}={language}&{SITUATION_PARAM}={situation_id}"
    if answered:
        url += "&" + longest_answers(language, situation_id)
    open_at_size(page, url, SIZES["phone"])
    height = page.evaluate(MEASURE)
    print(f"summary card {language} {situation_id} answered={answered}: {height} px")
    if answered:
        page.evaluate(SCROLL_UNDER_BAR)
        screenshot(page, f"summary-card-phone-{language}-{situation_id}")
    assert height <= CARD_WITHIN, height


def test_the_cards_links_lead_down_to_the_numbers_and_the_questions(page, app_server):
    open_at_size(
        page, f"{app_server.url}/summary?{SITUATION_PARAM}={SITUATIONS[0]}", SIZES["phone"]
    )
    for anchor in (summary_card.KEY_NUMBERS, summary_card.QUESTIONS):
        page.locator(f".st-key-summary-card a[href='#{anchor}']").click()
        page.wait_for_timeout(500)
        top = page.locator(f"#{anchor}").evaluate("heading => heading.getBoundingClientRect().top")
        assert 0 <= top < SIZES["phone"][1] / 2, (anchor, top)  # in view, near the top
