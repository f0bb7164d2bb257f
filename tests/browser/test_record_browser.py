"""The record features as a clinician uses them in a browser: the FHIR file for the record,
downloaded in each language, holds the note the page shows and the person's leaning."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from fhir.resources.R4B import get_fhir_model_class

from explorer import words
from explorer.fhir import questionnaires
from explorer.url_params import LANG_PARAM, LEAN_PARAM
from tests.browser.conftest import open_page, screenshot
from tests.browser.test_decide_browser import RATED, THREE, THREE_IDS


@pytest.mark.parametrize("language", words.languages())
def test_the_record_file_is_a_valid_bundle_holding_the_pages_note(page, app_server, language):
    page.set_viewport_size({"width": 1280, "height": 800})
    leaning = THREE_IDS[-1]
    open_page(
        page,
        f"{app_server.url}/summary?{THREE}&{RATED}&{LEAN_PARAM}={leaning}&{LANG_PARAM}={language}",
    )
    note = page.locator("[data-testid='stCode'] code").first.inner_text()
    label = words.say(language, "record.download")
    button = page.locator(".st-key-download-fhir").get_by_role("button", name=label)
    button.scroll_into_view_if_needed()
    screenshot(page, f"record-download-{language}")
    with page.expect_download() as download:  # made by the app when clicked, in the page's language
        button.click()
    assert download.value.suggested_filename.endswith(".json")
    made = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    get_fhir_model_class("Bundle").model_validate(made)
    [reference] = [
        e["resource"] for e in made["entry"] if e["resource"]["resourceType"] == "DocumentReference"
    ]
    [text] = [
        c["attachment"]
        for c in reference["content"]
        if "text/plain" in c["attachment"]["contentType"]
    ]
    assert text["language"] == language
    assert base64.b64decode(text["data"]).decode("utf-8") == note
    # The leaning, as a coded answer of the what-matters response.
    answered = [
        item
        for e in made["entry"]
        if e["resource"]["resourceType"] == "QuestionnaireResponse"
        for item in e["resource"]["item"]
    ]
    [lean] = [item for item in answered if item["linkId"] == questionnaires.LEANING]
    assert lean["answer"][0]["valueCoding"]["code"] == leaning
