"""What only a browser shows on the charts page: the charts draw, carry their accessible names,
fit a phone and a laptop, and the picked attribute is written to the address."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect

from explorer import ratings
from explorer.rules.vocabulary import MILESTONES
from explorer.url_params import ATTRIBUTE_PARAM, OPTIONS_PARAM
from explorer.words import t
from tests.browser.conftest import (
    CONTENT,
    SIZES,
    horizontal_overflow,
    open_at_size,
    open_page,
    screenshot,
    wait_for_app,
)

CHART = "[data-testid='stVegaLiteChart']"
# Fixed by code (views/charts.py): the overview, the one-quality chart, one per recovery milestone.
CHARTS = 2 + len(MILESTONES)


@pytest.mark.parametrize("size", SIZES)
def test_charts_render_with_names_and_no_sideways_scroll(page, app_server, size):
    open_at_size(page, app_server.url + "/charts", SIZES[size])
    charts = page.locator(CHART)
    assert charts.count() == CHARTS
    for index in range(CHARTS):
        chart = charts.nth(index)
        assert chart.locator("svg").count() == 1  # drawn, not an empty frame
        assert chart.get_attribute("role") == "graphics-document"
        assert len(chart.get_attribute("aria-label") or "") > 20
        assert chart.bounding_box()["width"] <= SIZES[size][0]
    assert horizontal_overflow(page) <= 0
    screenshot(page, f"charts-{size}")


def test_the_picked_attribute_is_kept_in_the_address(page, app_server):
    # Two options, not all: the first and the last that are not the no-procedure option.
    procedures = [o for o in CONTENT.options["option_id"] if o != CONTENT.no_procedure_option]
    shown = urlencode({OPTIONS_PARAM: [procedures[0], procedures[-1]]}, doseq=True)
    # A quality other than the one the chart opens on (that one is left out of the address).
    names = ratings.attribute_names(CONTENT)
    attribute_id = [a for a in names if a != ratings.first_pick(CONTENT)][-1]
    open_page(page, f"{app_server.url}/charts?{shown}")
    picker = page.get_by_role("combobox", name=t("charts.page.one_thing_picker"))
    picker.click()
    name = names[attribute_id]
    picker.fill(name)
    page.get_by_role("option", name=name, exact=True).wait_for()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{app_server.url}/charts?{shown}&{ATTRIBUTE_PARAM}={attribute_id}")
    wait_for_app(page)
    assert name in page.locator(CHART).nth(1).get_attribute("aria-label")
