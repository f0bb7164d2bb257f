"""Consult mode, printing and share links, as only a browser shows them."""

from __future__ import annotations

import subprocess
from pathlib import Path

from playwright.sync_api import expect

from explorer import safety
from explorer.data import load_content
from explorer.words import t
from tests.browser.conftest import ARTIFACTS, open_page, screenshot, wait_for_app
from tests.conftest import DATA, require_program

THREE = "options=esi&options=discectomy&options=fusion"


def vertical_overflow(page) -> int:
    """Pixels of the main area below the window (Streamlit scrolls inside stMain)."""
    return page.evaluate(
        "(() => { const m = document.querySelector('[data-testid=stMain]'); return m.scrollHeight - m.clientHeight; })()"
    )


def test_consult_mode_with_three_options_fits_a_laptop_screen_for_every_question(page, app_server):
    page.set_viewport_size({"width": 1280, "height": 800})
    open_page(page, f"{app_server.url}/compare?mode=consult&{THREE}")
    assert page.locator("[data-testid='stSidebar'][aria-expanded='true']").count() == 0
    font_size = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector('[data-testid=stText]')).fontSize)"
    )
    assert font_size >= 20
    questions = page.locator("[data-testid='stSelectbox']")
    assert questions.count() == 1
    for step in range(10):
        overflow = vertical_overflow(page)
        assert overflow <= 0, f"question {step + 1} needs {overflow}px of scrolling"
        if step == 4:
            screenshot(page, "consult-risks-1280")
        if step < 9:
            page.get_by_role("button", name="Next →").click()
            page.wait_for_url("**question=*")
            wait_for_app(page)


def test_consult_mode_opens_the_warning_signs_from_a_button_on_screen(page, app_server):
    page.set_viewport_size({"width": 1280, "height": 800})
    open_page(page, f"{app_server.url}/compare?mode=consult&{THREE}")
    button = page.get_by_role("button", name=t("get_help.title"))
    assert button.bounding_box()["y"] < 200  # in the first screen, beside the title
    first_sign = safety.warning_groups(load_content(DATA).content)[0].signs[0]
    assert not page.get_by_text(first_sign).first.is_visible()
    button.click()
    expect(page.get_by_text(first_sign).first).to_be_visible()


def test_print_hides_the_controls_and_fits_two_pages(page, app_server, tmp_path):
    open_page(page, f"{app_server.url}/summary?{THREE}&rate=avoid_surgery.3&rate=lasting_relief.2")
    with page.expect_download() as download:  # the PDF is made by the app when clicked
        page.get_by_text("Download this summary as a PDF").click()
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF-")
    page.emulate_media(media="print")
    for hidden in ("stSidebar", "stMultiSelect", "stDownloadButton", "stCheckbox"):
        locator = page.locator(f"[data-testid='{hidden}']")
        assert locator.count() == 0 or not locator.first.is_visible(), hidden
    pdf_path = ARTIFACTS.parent / "summary-print.pdf"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(pdf_path), format="A4", print_background=False)
    pdfinfo, pdftotext = require_program("pdfinfo"), require_program("pdftotext")
    info = subprocess.run(
        [pdfinfo, str(pdf_path)], capture_output=True, text=True, check=True
    ).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert 1 <= pages <= 2
    text = subprocess.run(
        [pdftotext, str(pdf_path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Epidural steroid injection" in text and "Download this summary" not in text


def test_a_share_link_restores_the_view_in_a_fresh_browser(page, browser, app_server):
    open_page(page, f"{app_server.url}/what_matters?{THREE}&mode=consult")
    page.get_by_role("radiogroup", name="Avoiding surgery").get_by_text("Very important").click()
    wait_for_app(page)
    page.get_by_role("link", name="See, print or download your summary →").click()
    page.wait_for_url("**/summary**")
    wait_for_app(page)
    page.get_by_text("Put my ratings and answers in the link").click()
    wait_for_app(page)
    link = (
        page.locator("[data-testid='stCode'] code")
        .filter(has_text="/summary?")
        .inner_text()
        .strip()
    )
    assert "rate=avoid_surgery.3" in link and "mode=consult" in link

    fresh = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    open_page(fresh, link)
    assert (
        fresh.locator("[data-testid='stSidebar'][aria-expanded='true']").count() == 0
    )  # consult mode
    tags = fresh.locator(
        "[data-testid='stMultiSelect'] .react-aria-ComboBox [data-tag]"
    ).all_inner_texts()
    assert tags == [
        "Steroid injection",
        "Discectomy",
        "Spinal fusion",
    ]  # short names in consult mode
    assert "Very important" in fresh.locator("[data-testid='stTable']").first.inner_text()
    fresh.context.close()
