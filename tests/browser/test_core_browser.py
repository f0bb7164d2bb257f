"""What only a browser shows for the home and comparison pages: layout, URL state, bad data."""

from __future__ import annotations

import pytest

from tests.browser.conftest import horizontal_overflow, open_page, screenshot, wait_for_app
from tests.conftest import set_cell

SIZES = {"laptop": (1280, 800), "phone": (390, 844)}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("path", ["/", "/compare"])
def test_pages_render_without_error_or_sideways_scroll(page, app_server, path, size):
    width, height = SIZES[size]
    page.set_viewport_size({"width": width, "height": height})
    open_page(page, app_server.url + path)
    assert page.locator("[data-testid='stException']").count() == 0
    assert page.locator("h1").count() == 1
    assert horizontal_overflow(page) <= 0
    screenshot(page, f"{path.strip('/') or 'home'}-{size}")


def test_choosing_options_is_kept_in_a_link_that_reopens_the_same_view(page, browser, app_server):
    open_page(page, app_server.url + "/compare?options=fusion&options=bogus&options=esi")
    assert chosen_tags(page) == ["Epidural steroid injection", "Spinal fusion"]
    assert page.url.endswith("/compare?options=esi&options=fusion")

    # Remove one option in the browser: the address follows, and the grid loses that column.
    page.get_by_role("button", name="Remove Spinal fusion").click()
    page.wait_for_url("**/compare?options=esi")
    wait_for_app(page)
    assert page.get_by_text("Spinal fusion", exact=True).count() == 0

    fresh = browser.new_context().new_page()
    open_page(fresh, page.url)
    assert chosen_tags(fresh) == ["Epidural steroid injection"]
    fresh.context.close()


def chosen_tags(page) -> list[str]:
    return page.locator(
        "[data-testid='stMultiSelect'] .react-aria-ComboBox [data-tag]"
    ).all_inner_texts()


def test_broken_csv_shows_the_clear_message_in_the_browser(page, broken_app):
    rows = {}

    def break_data(data_dir):
        rows["row"] = set_cell(
            data_dir / "answers.csv", 4, "answer", "<script>window.hacked=1</script>"
        )

    server, data_dir = broken_app(break_data)
    before = (data_dir / "answers.csv").read_bytes()
    open_page(page, server.url + "/compare")
    assert page.locator("[data-testid='stException']").count() == 0
    assert "could not be loaded" in page.locator("h1").inner_text()
    table = page.locator("[data-testid='stTable']").inner_text()
    assert "answers.csv" in table and str(rows["row"]) in table and "answer" in table
    assert page.evaluate("window.hacked === undefined")
    assert "Traceback" not in page.content()
    assert (data_dir / "answers.csv").read_bytes() == before
    screenshot(page, "broken-data")
