"""The translation review edition (python -m explorer translation review es OUTDIR) opened from
disk in Chromium, made from the content the browser tier runs on: nothing is fetched, both
columns are there side by side on a laptop and one under the other on a phone, and it prints to
A4 on more than one sheet."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from explorer.store import load_snapshot
from explorer.translation import review
from explorer.words import LANGUAGE as ENGLISH
from explorer.words import say
from tests.browser.conftest import ARTIFACTS, BROWSER_DATA, SIZES, horizontal_overflow
from tests.conftest import require_program

LANGUAGE = "es"


@pytest.fixture(scope="module")
def edition(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("review")
    return review.write(load_snapshot(BROWSER_DATA), LANGUAGE, folder)


def open_edition(page, edition: Path, size: tuple[int, int]) -> list[str]:
    """Open the file in a window of `size`; every request the page made."""
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    width, height = size
    page.set_viewport_size({"width": width, "height": height})
    page.goto(edition.as_uri(), wait_until="load")
    return requests


def page_title(page_id: str) -> str:
    return say(ENGLISH, f"pages.{page_id}.title")


def first_pair(page, selector: str):
    return page.locator(f".pair {selector}").first.bounding_box()


@pytest.mark.parametrize("size", SIZES)
def test_the_edition_fetches_nothing_and_shows_both_languages(page, edition, size):
    requests = open_edition(page, edition, SIZES[size])
    assert requests == [edition.as_uri()]  # the file itself, nothing else
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    # The window, not the whole page: the edition is far taller than a screenshot can be.
    page.screenshot(path=str(ARTIFACTS / f"review-edition-{size}.png"))
    page.locator("h2", has_text=page_title("chances")).scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / f"review-edition-{size}-chances.png"))
    assert horizontal_overflow(page) <= 0
    english, other = first_pair(page, ".english"), first_pair(page, ".other")
    assert page.locator(".pair .english").first.get_attribute("lang") == "en"
    assert page.locator(f".pair .other[lang='{LANGUAGE}']").count() > 0
    font_px = float(
        page.locator(".pair .other").first.evaluate("e => getComputedStyle(e).fontSize")[:-2]
    )
    assert font_px >= 14
    if size == "laptop":  # side by side, each a readable width
        assert english["y"] == other["y"] and other["x"] >= english["x"] + english["width"]
        assert min(english["width"], other["width"]) > 400
    else:  # one under the other, each the width of the phone
        assert other["y"] >= english["y"] + english["height"]
        assert min(english["width"], other["width"]) > 300


def test_the_edition_prints_on_a4_sheets(page, edition):
    open_edition(page, edition, SIZES["laptop"])
    pdf = edition.with_suffix(".pdf")
    page.emulate_media(media="print")
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=True)
    info = subprocess.run(
        [require_program("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    assert pages > 1
    assert "A4" in re.search(r"^Page size:.*$", info, re.M).group(0)
    # In print the columns stay side by side: the first pair's two texts start on one line.
    english, other = first_pair(page, ".english"), first_pair(page, ".other")
    assert english["y"] == other["y"]
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            require_program("pdftoppm"),
            "-png",
            "-r",
            "60",
            "-f",
            "1",
            "-l",
            "4",
            str(pdf),
            str(ARTIFACTS / "review-edition-print"),
        ],
        check=True,
    )
