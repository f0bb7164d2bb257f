"""What only a browser shows on the chances page: the pictures of 100 people draw with their
names, fit a laptop and a phone, print in greyscale with the controls hidden, and the chosen
option is kept in the address."""

from __future__ import annotations

import subprocess

import pytest
from playwright.sync_api import expect

from explorer import chances
from explorer.data import load_content
from tests.browser.conftest import (
    ARTIFACTS,
    horizontal_overflow,
    open_at_size,
    open_page,
    screenshot,
    wait_for_app,
)
from tests.browser.test_core_browser import SIZES
from tests.conftest import DATA, require_program

CHART = "[data-testid='stVegaLiteChart']"
EVERY_CHANCE = chances.all_chances(load_content(DATA).content)


def wait_for_pictures(page, pictures: int) -> None:
    page.locator(CHART).nth(pictures - 1).locator("svg").wait_for()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("option_id", ["fibrin", "discectomy"])  # each with a comparison group
def test_pictures_draw_with_their_names_and_fit_the_screen(page, app_server, option_id, size):
    open_at_size(page, f"{app_server.url}/chances?option={option_id}", SIZES[size])
    expected = [c for c in EVERY_CHANCE if c.option_id == option_id and c.drawable]
    charts = page.locator(CHART)
    wait_for_pictures(page, len(expected))
    assert charts.count() == len(expected)
    for index, chance in enumerate(expected):
        chart = charts.nth(index)
        assert chart.locator("svg").count() == 1  # drawn, not an empty frame
        assert chart.get_attribute("aria-label") == chance.alt_text()
        box = chart.locator("svg").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= SIZES[size][0]
    assert horizontal_overflow(page) <= 0
    charts.first.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / f"chances-{option_id}-{size}-first-picture.png"))
    screenshot(page, f"chances-{option_id}-{size}")


def test_print_is_greyscale_readable_without_the_controls(page, app_server):
    open_page(page, f"{app_server.url}/chances?option=fibrin")
    wait_for_pictures(page, 3)
    page.emulate_media(media="print")
    for hidden in ("stSidebar", "stSelectbox", "stDataFrame"):
        locator = page.locator(f"[data-testid='{hidden}']")
        assert locator.count() == 0 or not locator.first.is_visible(), hidden
    assert page.locator(CHART).first.is_visible()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pdf_path = ARTIFACTS / "chances-fibrin-print.pdf"
    page.pdf(path=str(pdf_path), format="A4", print_background=False)
    # A greyscale picture of every printed page, to look at (test-artifacts/screenshots/).
    subprocess.run(
        [
            require_program("pdftoppm"),
            "-png",
            "-gray",
            "-r",
            "80",
            str(pdf_path),
            str(pdf_path.with_suffix("")),
        ],
        check=True,
    )
    text = " ".join(
        subprocess.run(
            [require_program("pdftotext"), str(pdf_path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
    )
    fibrin = next(c for c in EVERY_CHANCE if c.outcome_id == "met_goal")
    assert all(sentence in text for sentence in fibrin.sentences())
    assert "S31: ClinicalTrials.gov" in text  # the sources print as text
    assert "Which option do you want to see?" not in text


def test_the_chosen_option_is_kept_in_the_address(page, app_server):
    open_page(page, f"{app_server.url}/chances")
    picker = page.get_by_role("combobox", name="Which option do you want to see?")
    picker.click()
    picker.fill("Spinal")
    page.get_by_role("option", name="Spinal fusion").wait_for()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{app_server.url}/chances?option=fusion")
    wait_for_app(page)
    page.reload()
    wait_for_app(page)
    assert "People who had fusion" in page.locator(CHART).first.get_attribute("aria-label")
