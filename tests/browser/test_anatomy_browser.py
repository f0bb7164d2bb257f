"""What only a browser shows for the disc anatomy page: layout at phone and laptop width, the
state switch by keyboard and in the address, and the link into the comparison."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

from explorer import anatomy
from explorer.rules.vocabulary import DISC_STATES
from explorer.url_params import STATE_PARAM
from explorer.words import t
from tests.browser.conftest import (
    CONTENT,
    SIZES,
    horizontal_overflow,
    open_change,
    open_page,
    screenshot,
    serious_accessibility_problems,
    wait_for_app,
)
from tests.browser.test_core_browser import chosen_tags

# The state ids are fixed by code (vocabulary.DISC_STATES, one drawing each); their names and options
# are the clinic's (anatomy_states.csv), so the tests read those from the content.
STATE_NAMES = CONTENT.anatomy_states.set_index("state_id")["name"]
# The state drawn with gel pushing out: its page has a third picture, the kinds of herniation.
HERNIATED = next(state for state in DISC_STATES if anatomy.look(state).herniation)


def expected_pictures(state: str) -> list[str]:
    """The accessible names of the pictures the page draws for a state, in page order."""
    names = [anatomy.top_view_title(state), anatomy.side_view_title(state)]
    if anatomy.look(state).herniation:
        names.append(t("anatomy.herniation_types.title"))
    return names


def state_to_compare() -> str:
    """A state whose comparison link names some options but not all (so the link carries them
    and some option is left out), the one with the most; any state if none is like that."""
    all_ids = set(CONTENT.options["option_id"])

    def options_of(state: str) -> set[str]:
        return set(anatomy.state_text(CONTENT, state).option_ids)

    return max(
        list(CONTENT.anatomy_states["state_id"]),
        key=lambda state: (options_of(state) < all_ids, len(options_of(state))),
    )


@pytest.mark.parametrize("size", SIZES)
def test_herniation_renders_without_error_or_sideways_scroll(page, app_server, size):
    width, height = SIZES[size]
    page.set_viewport_size({"width": width, "height": height})
    open_page(page, f"{app_server.url}/anatomy?{STATE_PARAM}={HERNIATED}")
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.locator("h1").count() == 1
    assert horizontal_overflow(page) <= 0
    pictures = page.locator("[data-testid='stImage'] img")
    # top view, side view, the three kinds of herniation
    assert pictures.count() == len(expected_pictures(HERNIATED))
    names = pictures.evaluate_all("images => images.map(image => image.alt)")
    assert names == expected_pictures(HERNIATED)
    # Each picture fits its column: drawn no wider than the space it is given.
    widths = pictures.evaluate_all("images => images.map(i => i.getBoundingClientRect().right)")
    assert max(widths) <= width
    assert page.locator("[data-testid='stVegaLiteChart']").count() == 1
    screenshot(page, f"anatomy-herniation-{size}")


def test_the_state_switch_works_by_keyboard_and_is_kept_in_the_address(page, app_server):
    # The radio buttons, in the file's order; the first is shown when the address names none.
    first, second = list(CONTENT.anatomy_states["state_id"])[:2]
    open_page(page, app_server.url + "/anatomy")
    assert STATE_PARAM not in page.url
    page.get_by_role("radio", name=STATE_NAMES[first], exact=True).focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_url(f"**/anatomy?{STATE_PARAM}={second}")
    wait_for_app(page)
    assert page.get_by_role("heading", name=STATE_NAMES[second], exact=True).count() == 1
    top_view = page.locator("[data-testid='stImage'] img").first
    assert top_view.get_attribute("alt") == anatomy.top_view_title(second)


def test_the_compare_link_opens_the_comparison_with_the_states_options(page, app_server):
    state = state_to_compare()
    text = anatomy.state_text(CONTENT, state)
    open_page(page, f"{app_server.url}/anatomy?{STATE_PARAM}={state}")
    page.get_by_role("link", name=text.compare_label).click()
    page.wait_for_url(f"**/compare?{urlencode(text.compare_params, doseq=True)}".rstrip("?"))
    wait_for_app(page)
    names = CONTENT.option_names()
    open_change(page)  # the picker is behind the Showing line's Change button
    assert chosen_tags(page) == [names[option_id] for option_id in text.option_ids]
    for left_out in set(names) - set(text.option_ids):
        assert page.get_by_text(names[left_out], exact=True).count() == 0


def test_no_serious_accessibility_problems(page, app_server):
    # A state id fixed by code (vocabulary.DISC_STATES): the worn disc, its drawing and its text.
    open_page(page, f"{app_server.url}/anatomy?{STATE_PARAM}=degenerated")
    assert serious_accessibility_problems(page) == []
