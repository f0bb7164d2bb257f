"""What only a browser shows on the chances page: the pictures of 100 people draw with their
names, fit a laptop and a phone, print in greyscale with the controls hidden, and the chosen
option is kept in the address."""

from __future__ import annotations

import subprocess

import pytest
from playwright.sync_api import expect

from explorer import chances, situation
from explorer.charts import ICON_CELL, ICONS_PER_ROW
from explorer.situation import NOT_SURE
from explorer.url_params import OPTION_PARAM, SITUATION_PARAM
from explorer.words import t
from tests.browser.conftest import (
    ARTIFACTS,
    CONTENT,
    SIZES,
    horizontal_overflow,
    open_at_size,
    open_change,
    open_page,
    screenshot,
    wait_for_app,
)
from tests.conftest import require_program

CHART = "[data-testid='stVegaLiteChart']"
EVERY_CHANCE = chances.all_chances(CONTENT)
NAMES = CONTENT.option_names()


def pictures_of(option_id: str) -> list[chances.Chance]:
    """The chances the page draws for an option, in page order (no situation chosen)."""
    return [
        c
        for shown in chances.by_kind(EVERY_CHANCE, option_id).values()
        for c in shown.about
        if c.drawable
    ]


def picture_names(option_id: str) -> list[str]:
    """The accessible name of every picture the page draws, one per group, in page order."""
    return [alt_text for c in pictures_of(option_id) for alt_text in c.alt_texts()]


def compared(chance: chances.Chance) -> bool:
    return len(chance.counts) > 1  # drawn beside the study's comparison group


# Options whose page draws a picture of two groups: the one with the most pictures (the longest
# page) and the one with the fewest, each chosen from the content in data/.
WITH_COMPARISON = [
    option_id for option_id in NAMES if any(compared(c) for c in pictures_of(option_id))
]
PICTURE_OPTIONS = sorted(
    {
        max(WITH_COMPARISON, key=lambda option_id: len(pictures_of(option_id))),
        min(WITH_COMPARISON, key=lambda option_id: len(pictures_of(option_id))),
    },
    key=list(NAMES).index,
)
# The option printed: one with a picture of two groups, which greyscale must keep apart.
PRINTED = PICTURE_OPTIONS[0]


def wait_for_pictures(page, pictures: int) -> None:
    page.locator(CHART).nth(pictures - 1).locator("svg").wait_for()


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("option_id", PICTURE_OPTIONS)
def test_pictures_draw_with_their_names_and_fit_the_screen(page, app_server, option_id, size):
    open_at_size(page, f"{app_server.url}/chances?{OPTION_PARAM}={option_id}", SIZES[size])
    expected = picture_names(option_id)
    charts = page.locator(CHART)
    wait_for_pictures(page, charts.count())
    # The pictures of 100 people, in page order, among the page's other charts (how soon each
    # group had it, drawn as bars before its pictures).
    names = [charts.nth(index).get_attribute("aria-label") for index in range(charts.count())]
    assert [name for name in names if name in expected] == expected
    full_width = round((ICONS_PER_ROW + 0.4) * ICON_CELL)  # each person about 17 px wide
    for index, name in enumerate(names):
        chart = charts.nth(index)
        assert chart.locator("svg").count() == 1  # drawn, not an empty frame
        box = chart.locator("svg").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= SIZES[size][0]
        if name in expected:
            assert box["width"] >= full_width - 1  # never shrunk: two groups stack on a phone
    assert horizontal_overflow(page) <= 0
    charts.first.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / f"chances-{option_id}-{size}-first-picture.png"))
    screenshot(page, f"chances-{option_id}-{size}")


def test_print_is_greyscale_readable_without_the_controls(page, app_server):
    open_page(page, f"{app_server.url}/chances?{OPTION_PARAM}={PRINTED}")
    wait_for_pictures(page, len(picture_names(PRINTED)))
    # The sources are drawn only once opened: a person who prints them opens them first.
    page.locator("summary", has_text=t("sources.heading")).click()
    # Every source the printed picture cites, drawn before printing (a loaded machine draws late).
    for cited in next(c for c in pictures_of(PRINTED) if compared(c)).source_ids:
        page.get_by_text(f"{cited}:").first.wait_for()
    page.emulate_media(media="print")
    for hidden in ("stSidebar", "stSelectbox", "stDataFrame"):
        locator = page.locator(f"[data-testid='{hidden}']")
        assert locator.count() == 0 or not locator.first.is_visible(), hidden
    assert page.locator(CHART).first.is_visible()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pdf_path = ARTIFACTS / "chances-print.pdf"
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
    two_groups = next(c for c in pictures_of(PRINTED) if compared(c))
    assert all(" ".join(sentence.split()) in text for sentence in two_groups.sentences())
    # The sources print as text: "S31: ClinicalTrials.gov ...".
    citations = CONTENT.sources.set_index("source_id")["citation"]
    for source_id in two_groups.source_ids:
        assert f"{source_id}: {citations[source_id].split()[0]}" in text
    assert t("chances.page.option_picker") not in text


def test_the_chosen_option_is_kept_in_the_address(page, app_server):
    # Not the first option (the default, left out of the address), and one with a picture.
    option_id = next(o for o in list(NAMES)[1:] if pictures_of(o))
    open_page(page, f"{app_server.url}/chances")
    open_change(page)  # the picker is behind the Showing line's Change button
    picker = page.get_by_role("combobox", name=t("chances.page.option_picker"))
    picker.click()
    picker.fill(NAMES[option_id])
    page.get_by_role("option", name=NAMES[option_id], exact=True).wait_for()
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{app_server.url}/chances?{OPTION_PARAM}={option_id}")
    wait_for_app(page)
    page.reload()
    wait_for_app(page)
    first_picture = picture_names(option_id)[0]
    assert page.locator(CHART).first.get_attribute("aria-label") == first_picture


def test_a_situation_chosen_here_is_carried_by_the_header_links(page, app_server):
    # Only the part of the page under the title reruns; the header's links are redrawn with it.
    situation_id, words = next(
        (key, value) for key, value in situation.choices(CONTENT).items() if key != NOT_SURE
    )
    open_page(page, f"{app_server.url}/chances")
    open_change(page)
    page.get_by_role("radio", name=words, exact=True).click()
    expect(page).to_have_url(f"{app_server.url}/chances?{SITUATION_PARAM}={situation_id}")
    wait_for_app(page)
    links = page.locator(".st-key-step-bar [data-testid='stPageLink'] a")
    assert links.count() > 0
    for href in (links.nth(i).get_attribute("href") for i in range(links.count())):
        assert href.endswith(f"?{SITUATION_PARAM}={situation_id}")
