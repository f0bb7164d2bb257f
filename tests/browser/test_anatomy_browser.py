"""What only a browser shows for the disc anatomy page: layout at phone and laptop width, the
state switch by keyboard and in the address, and the link into the comparison."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import horizontal_overflow, open_page, screenshot, wait_for_app
from tests.browser.test_core_browser import SIZES, chosen_tags


@pytest.mark.parametrize("size", SIZES)
def test_herniation_renders_without_error_or_sideways_scroll(page, app_server, size):
    width, height = SIZES[size]
    page.set_viewport_size({"width": width, "height": height})
    open_page(page, app_server.url + "/anatomy?state=herniation")
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.locator("h1").count() == 1
    assert horizontal_overflow(page) <= 0
    pictures = page.locator("[data-testid='stImage'] img")
    assert pictures.count() == 3  # top view, side view, the three kinds of herniation
    names = pictures.evaluate_all("images => images.map(image => image.alt)")
    assert all(names) and "herniated disc" in names[0]
    # Each picture fits its column: drawn no wider than the space it is given.
    widths = pictures.evaluate_all("images => images.map(i => i.getBoundingClientRect().right)")
    assert max(widths) <= width
    assert page.locator("[data-testid='stVegaLiteChart']").count() == 1
    screenshot(page, f"anatomy-herniation-{size}")


def test_the_state_switch_works_by_keyboard_and_is_kept_in_the_address(page, app_server):
    open_page(page, app_server.url + "/anatomy")
    page.wait_for_url("**/anatomy?state=healthy")
    page.get_by_role("radio", name="Healthy disc").focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_url("**/anatomy?state=tear")
    wait_for_app(page)
    assert page.get_by_role("heading", name="Annular tear (fissure)").count() == 1
    assert "tear (fissure)" in page.locator("[data-testid='stImage'] img").first.get_attribute(
        "alt"
    )


def test_the_compare_link_opens_the_comparison_with_the_states_options(page, app_server):
    open_page(page, app_server.url + "/anatomy?state=herniation")
    page.get_by_role("link", name="Compare these options side by side").click()
    page.wait_for_url("**/compare?options=conservative&options=esi&options=discectomy")
    wait_for_app(page)
    assert chosen_tags(page) == [
        "No procedure: keep up conservative care",
        "Epidural steroid injection",
        "Discectomy",
    ]
    assert page.get_by_text("Spinal fusion", exact=True).count() == 0


def test_no_serious_accessibility_problems(page, app_server):
    open_page(page, app_server.url + "/anatomy?state=degenerated")
    violations = Axe().run(page).response["violations"]
    serious = [
        (v["id"], v["nodes"][0]["target"])
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
