"""The EHR launch in Chromium against the mock EHR, as SMART App Launch 2.0 describes it: the
EHR opens the app with `launch` and `iss`, the app sends the browser to the authorization
server, the browser comes back with a code, and the clinician files the note into the record of
the launch's patient and encounter. Also: a refused write, an expired token, a server not
allowed (which hears nothing)."""

from __future__ import annotations

import base64
from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect

from explorer import smart
from explorer.words import t
from tests.browser.conftest import BROWSER_DATA, screenshot, wait_for_app
from tests.live import AppServer
from tests.mock_ehr import CLIENT_ID, ENCOUNTER, PATIENT, MockEHR


@pytest.fixture(scope="module")
def ehr():
    server = MockEHR().start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def smart_app(ehr):
    """The app with the clinic's SMART settings trusting the mock EHR."""
    server = AppServer(
        data_dir=BROWSER_DATA,
        settings={smart.CLIENT_ID_VARIABLE: CLIENT_ID, smart.ISS_ALLOWED_VARIABLE: ehr.iss},
    )
    yield server
    server.stop()


@pytest.fixture
def fresh(ehr):
    """The mock EHR with nothing recorded yet."""
    ehr.requests.clear(), ehr.problems.clear(), ehr.filed.clear()
    ehr.refuse_writes = False
    return ehr


def as_shown(text: str) -> str:
    """Text as the page shows it: escaped Markdown keeps an address from becoming a link with a
    word joiner after its scheme."""
    return text.replace("://", ":\u2060//")


def launch(page, smart_app, ehr) -> None:
    """Open the app as the EHR does, and follow it through the sign-in back to the app."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{smart_app.url}/?{urlencode({'launch': ehr.launch, 'iss': ehr.iss})}")
    expect(page.get_by_text(t("smart.connected"))).to_be_visible(timeout=30_000)
    wait_for_app(page)
    assert "code=" not in page.url and "state=" not in page.url and "launch=" not in page.url
    assert not ehr.problems


def file_note(page) -> str:
    """Go to the summary (the header's link keeps the session), file the note; the note on
    screen."""
    page.locator(".st-key-step-bar").get_by_role("link", name=t("pages.summary.step")).click()
    page.wait_for_url("**/summary**")
    wait_for_app(page)
    note = page.locator("[data-testid='stCode'] code").first.inner_text()
    page.locator(".st-key-file-note").get_by_role("button").click()
    wait_for_app(page)
    return note


def test_a_launch_from_the_ehr_files_the_note_in_the_launchs_record(page, smart_app, fresh):
    launch(page, smart_app, fresh)
    screenshot(page, "smart-connected")
    note = file_note(page)
    location = f"{fresh.iss}/DocumentReference/1/_history/1"
    expect(
        page.get_by_text(as_shown(t("smart.filed.created", status=201, location=location)))
    ).to_be_visible()
    screenshot(page, "smart-filed")
    [filed] = fresh.filed
    assert filed["subject"] == {"reference": f"Patient/{PATIENT}"}
    assert filed["context"]["encounter"] == [{"reference": f"Encounter/{ENCOUNTER}"}]
    texts = [c for c in filed["content"] if c["attachment"]["contentType"].startswith("text/plain")]
    assert base64.b64decode(texts[0]["attachment"]["data"]).decode() == note
    assert [path for _, path in fresh.requests] == [
        "/fhir/.well-known/smart-configuration",
        "/auth/authorize",
        "/auth/token",
        "/fhir/DocumentReference",
    ]


def test_a_refused_write_and_an_expired_token_leave_the_note_to_copy(page, smart_app, fresh):
    launch(page, smart_app, fresh)
    fresh.refuse_writes = True
    note = file_note(page)
    expect(page.get_by_text(t("smart.filed.refused", status=403))).to_be_visible()
    expect(page.locator("[data-testid='stCode'] code").first).to_have_text(note)
    screenshot(page, "smart-refused")
    fresh.refuse_writes = False
    fresh.expire_tokens()
    page.locator(".st-key-file-note").get_by_role("button").click()
    wait_for_app(page)
    expect(page.get_by_text(t("smart.filed.expired"))).to_be_visible()
    expect(page.locator("[data-testid='stCode'] code").first).to_have_text(note)
    assert fresh.filed == []


def test_a_launch_from_a_server_not_allowed_contacts_nothing(page, smart_app, fresh):
    other = f"{fresh.url}/another-fhir"  # the same host, but not the server the clinic allowed
    page.goto(f"{smart_app.url}/?{urlencode({'launch': fresh.launch, 'iss': other})}")
    wait_for_app(page)
    expect(page.get_by_text(as_shown(t("smart.problem.not_allowed", iss=other)))).to_be_visible()
    screenshot(page, "smart-not-allowed")
    assert fresh.requests == []
