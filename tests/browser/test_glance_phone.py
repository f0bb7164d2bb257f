"""Compare's table at a glance on a phone (390x844), for every situation whose own study gave
average scores: the reader's own numbers are its first card and, with the note on the marked
levels, start within two screens of the top (5th review section 2 and M5), in every language.
A screen is 750 px of page, as in test_compare_phone.py. The positions are printed (pytest -s)."""

from __future__ import annotations

import pytest

from explorer import ratings, words
from explorer.url_params import LANG_PARAM, SITUATION_PARAM
from tests.browser.conftest import BROWSER_DATA, CONTENT, SIZES, open_at_size, screenshot
from tests.conftest import snapshot_of

TWO_SCREENS = 2 * 750
SNAPSHOT = snapshot_of(BROWSER_DATA)
# Situations whose shown options have numbers of their own study (ratings.own_numbers).
WITH_OWN_NUMBERS = [
    situation_id
    for situation_id in CONTENT.situations["situation_id"]
    if ratings.own_numbers(CONTENT, list(CONTENT.option_names()), situation_id)
]

# From the top of the page: the glance's first card (its text too) and the note's top.
MEASURE = """() => {
    const main = document.querySelector("[data-testid='stMain']");
    const top = main.getBoundingClientRect().top - main.scrollTop;
    const parts = document.querySelector(".st-key-glance-parts");
    const card = [...parts.querySelectorAll("p")].find(p => p.getBoundingClientRect().height > 0);
    const note = parts.querySelector("[data-testid='stCaptionContainer']");
    return {card: Math.round(card.getBoundingClientRect().top - top), text: card.innerText,
            note: note ? Math.round(note.getBoundingClientRect().top - top) : null};
}"""


@pytest.mark.parametrize("language", words.languages())
@pytest.mark.parametrize("situation_id", WITH_OWN_NUMBERS)
def test_the_readers_own_numbers_and_the_star_note_start_within_two_phone_screens(
    page, app_server, language, situation_id
):
    url = f"{app_server.url}/compare?{LANG_PARAM}={language}&{SITUATION_PARAM}={situation_id}"
    open_at_size(page, url, SIZES["phone"])
    page.wait_for_timeout(500)  # the last rows of tables settle
    found = page.evaluate(MEASURE)
    print(
        f"glance {language} {situation_id}: first card at {found['card']}, note at {found['note']}"
    )
    screenshot(page, f"glance-phone-{language}-{situation_id}")
    with words.speaking(language):
        content = SNAPSHOT.content(language)
        said = ratings.own_numbers(content, list(content.option_names()), situation_id)
        labels = {words.t(f"ratings.glance.own_numbers_row.{m}") for m, _ in said.values()}
    assert found["text"].splitlines()[0] in labels, found  # the card of the reader's numbers
    assert found["card"] < TWO_SCREENS, found
    assert found["note"] is None or found["note"] < TWO_SCREENS, found
