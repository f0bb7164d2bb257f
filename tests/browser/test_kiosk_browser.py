"""Kiosk mode in the browser, on an app whose idle time is a few seconds (EXPLORER_KIOSK_IDLE_S):
a person makes choices and answers; left alone, the screen asks "still there?" (a press of its
button, by keyboard, keeps everything); left alone again, it returns to the start page in the
kiosk's language, and no address, summary, share link or note holds anything of theirs."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from explorer import kiosk
from explorer.url_params import KIOSK, LANG_PARAM, MODE_PARAM, SITUATION_PARAM
from explorer.words import catalogue
from tests.browser.conftest import BROWSER_DATA, CONTENT, open_page, screenshot, wait_for_app
from tests.live import AppServer

IDLE_S = 5  # long enough for a page to open between two clicks on a busy machine
WARNING = "[role='alertdialog'].kiosk-warning"
STEP_BAR = ".st-key-step-bar"  # the header's links to the steps
SPANISH = catalogue("es")


@pytest.fixture(scope="module")
def kiosk_server():
    server = AppServer(data_dir=BROWSER_DATA, settings={kiosk.IDLE_VARIABLE: str(IDLE_S)})
    yield server
    server.stop()


def address(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def go_to(page, page_path: str) -> None:
    page.locator(f"{STEP_BAR} a[href^='{page_path}?']").first.click()
    wait_for_app(page)


def wait_for_warning(page, seconds: float) -> None:
    page.wait_for_selector(WARNING, timeout=seconds * 1000)


def test_a_kiosk_left_alone_asks_then_clears_everything_and_starts_again(kiosk_server, page):
    page.set_viewport_size({"width": 1280, "height": 800})
    open_page(page, f"{kiosk_server.url}/?{LANG_PARAM}=es&{MODE_PARAM}={KIOSK}")
    situation_id, situation_name = next(
        zip(CONTENT.situations["situation_id"], CONTENT.situations["name"])
    )
    # The person's choices and answers.
    page.locator(".st-key-picked_situation button").nth(1).click()
    wait_for_app(page)
    assert address(page)[SITUATION_PARAM] == [situation_id]
    go_to(page, "what_matters")
    rating = page.locator("[data-testid='stMain'] [data-testid='stRadio'] label").nth(3)
    rating.click()
    expect(rating.locator("input")).to_be_checked()  # the click reached the page: then its run
    wait_for_app(page)
    go_to(page, "summary")
    page.get_by_text(SPANISH["summary.link_answers"]).click()
    wait_for_app(page)
    shared = page.locator("[data-testid='stMain'] [data-testid='stCode']").last
    expect(shared).to_contain_text("rate=")  # the click's run may start after the wait looked
    assert situation_id in shared.inner_text()
    assert address(page)[MODE_PARAM] == [KIOSK]  # kept from page to page

    # Left alone: the warning, in the kiosk's language, its button focused; Enter keeps all.
    wait_for_warning(page, IDLE_S + 10)
    warning = page.locator(WARNING)
    assert warning.get_by_role("heading").inner_text() == SPANISH["kiosk.still_there"]
    assert SPANISH["kiosk.clearing_soon"] in warning.inner_text()
    assert page.evaluate("document.activeElement.innerText") == SPANISH["kiosk.continue"]
    screenshot(page, "kiosk-warning-es")
    page.keyboard.press("Enter")
    assert page.locator(WARNING).count() == 0
    assert address(page)[SITUATION_PARAM] == [situation_id]

    # Left alone again: the start page, in Spanish, still a kiosk, nothing of the person.
    wait_for_warning(page, IDLE_S + 10)
    page.wait_for_function(
        "situation => !location.search.includes(situation)",
        arg=f"{SITUATION_PARAM}=",
        timeout=(kiosk.warning_seconds(IDLE_S) + 10) * 1000,
    )
    wait_for_app(page)
    assert urlsplit(page.url).path == "/"
    assert address(page) == {LANG_PARAM: ["es"], MODE_PARAM: [KIOSK]}
    assert page.locator("h1").first.inner_text() == SPANISH["pages.home.title"]
    assert page.locator(WARNING).count() == 0
    assert page.evaluate("document.querySelector('.stMain').scrollTop") == 0  # from its top
    pills = page.locator(".st-key-picked_situation button")
    assert pills.nth(0).get_attribute("aria-checked") == "true"  # "not sure" again
    screenshot(page, "kiosk-after-clearing-es")

    go_to(page, "summary")
    main = page.locator("[data-testid='stMain']")
    # Waits for the summary's run: under load the click's run may begin after wait_for_app looked.
    expect(main).to_contain_text(SPANISH["summary.not_rated"], timeout=30_000)
    page.get_by_text(SPANISH["summary.link_answers"]).click()
    wait_for_app(page)
    codes = [code.inner_text() for code in main.locator("[data-testid='stCode']").all()]
    note, link = codes[0], codes[-1]
    assert "rate=" not in link and "quiz=" not in link and situation_id not in link
    assert situation_name not in note
    assert address(page) == {LANG_PARAM: ["es"], MODE_PARAM: [KIOSK]}
