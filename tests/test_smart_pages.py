"""The EHR launch on the pages (AppTest, against the mock EHR): nothing without settings, a
server not allowed contacted by nothing, and a launch that files the note with its patient and
encounter, the code and state gone from the address."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from explorer import smart
from explorer.words import t
from tests import mock_ehr as mock
from tests.apptest import open_page

SUMMARY = "views/summary.py"


def messages(at) -> str:
    """The page's alerts as read: escaped Markdown (a backslash, a word joiner that keeps an
    address from becoming a link) back to plain text."""
    shown = " ".join(e.value for kind in (at.error, at.success, at.info) for e in kind)
    return shown.replace("\\", "").replace("\u2060", "")


def link(at, key: str) -> str:
    [button] = [b for b in at.get("link_button") if b.proto.id.endswith(key)]
    return button.proto.url


def test_without_settings_a_launch_address_changes_nothing(mock_ehr, monkeypatch):
    for name in (smart.CLIENT_ID_VARIABLE, smart.ISS_ALLOWED_VARIABLE):
        monkeypatch.delenv(name, raising=False)
    at = open_page("app.py", launch=mock_ehr.launch, iss=mock_ehr.iss)
    assert not at.exception and not at.get("link_button")
    assert messages(at) == messages(open_page("app.py"))
    assert mock_ehr.requests == []


def test_a_server_not_allowed_is_named_and_never_contacted(mock_ehr, monkeypatch):
    monkeypatch.setenv(smart.CLIENT_ID_VARIABLE, mock.CLIENT_ID)
    monkeypatch.setenv(smart.ISS_ALLOWED_VARIABLE, "https://ehr.clinic.example/fhir")
    at = open_page("app.py", launch=mock_ehr.launch, iss=mock_ehr.iss)
    assert not at.exception
    assert t("smart.problem.not_allowed", iss=mock_ehr.iss) in messages(at)
    assert not at.get("link_button")
    assert mock_ehr.requests == []


@pytest.mark.usefixtures("smart_settings")
def test_a_launch_files_the_note_with_its_patient_and_encounter(mock_ehr):
    at = open_page("app.py", launch=mock_ehr.launch, iss=mock_ehr.iss)
    assert not at.exception
    assert "launch" not in at.query_params and "iss" not in at.query_params
    authorize = link(at, "smart-connect")
    reply = requests.get(authorize, allow_redirects=False, timeout=5)  # the browser's part
    assert reply.status_code == 302, mock_ehr.problems
    back = {k: v[0] for k, v in parse_qs(urlsplit(reply.headers["Location"]).query).items()}
    at.query_params.update(back)
    at.run()
    assert not at.exception and t("smart.connected") in messages(at)
    assert "code" not in at.query_params and "state" not in at.query_params
    at.switch_page(SUMMARY).run()
    note = next(c.value for c in at.code if c.value.startswith(t("decide.note.tool")[:10]))
    at.button(key="file-note").click().run()
    assert not at.exception
    assert t(
        "smart.filed.created", status=201, location=f"{mock_ehr.iss}/DocumentReference/1/_history/1"
    ) in messages(at)
    [filed] = mock_ehr.filed
    assert filed["subject"] == {"reference": f"Patient/{mock.PATIENT}"}
    assert filed["context"]["encounter"] == [{"reference": f"Encounter/{mock.ENCOUNTER}"}]
    assert note in [c.value for c in at.code]  # the note stays on screen
    assert not mock_ehr.problems


@pytest.mark.usefixtures("smart_settings")
def test_a_return_the_app_did_not_start_connects_nothing(mock_ehr):
    at = open_page("app.py", code="stolen", state="not-ours")
    assert t("smart.problem.state") in messages(at)
    assert "code" not in at.query_params
    assert mock_ehr.requests == []
