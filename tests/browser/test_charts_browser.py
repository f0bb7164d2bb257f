"""What only a browser shows on the charts page: the charts draw, carry their accessible names,
fit a phone and a laptop, and the picked attribute is written to the address."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from explorer import ratings
from explorer.data import load_content
from tests.browser.conftest import (
    horizontal_overflow,
    open_at_size,
    open_page,
    screenshot,
    wait_for_app,
)
from tests.browser.test_core_browser import SIZES
from tests.conftest import DATA

CHART = "[data-testid='stVegaLiteChart']"
CONTENT = load_content(DATA).content


@pytest.mark.parametrize("size", SIZES)
def test_charts_render_with_names_and_no_sideways_scroll(page, app_server, size):
    open_at_size(page, app_server.url + "/charts", SIZES[size])
    charts = page.locator(CHART)
    assert charts.count() == 4
    for index in range(4):
        chart = charts.nth(index)
        assert chart.locator("svg").count() == 1  # drawn, not an empty frame
        assert chart.get_attribute("role") == "graphics-document"
        assert len(chart.get_attribute("aria-label") or "") > 20
        assert chart.bounding_box()["width"] <= SIZES[size][0]
    assert horizontal_overflow(page) <= 0
    screenshot(page, f"charts-{size}")


def test_the_picked_attribute_is_kept_in_the_address(page, app_server):
    open_page(page, app_server.url + "/charts?options=esi&options=fusion")
    picker = page.get_by_role("combobox", name="What do you want to compare?")
    picker.click()
    name = ratings.attribute_names(CONTENT)["recovery_time"]
    picker.fill(name[:12])
    page.get_by_role("option", name=name).wait_for()
    page.keyboard.press("Enter")
    expect(page).to_have_url(
        app_server.url + "/charts?options=esi&options=fusion&attribute=recovery_time"
    )
    wait_for_app(page)
    assert name in page.locator(CHART).nth(1).get_attribute("aria-label")
