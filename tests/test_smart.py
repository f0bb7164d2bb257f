"""SMART App Launch 2.0 (EHR launch, public client, PKCE) against the mock EHR: what the app
sends, what it checks, what it keeps, and that a server not allowed hears nothing."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
import requests

from explorer import smart
from tests import mock_ehr as mock

REDIRECT = "http://127.0.0.1:9/"  # never opened: the test follows the redirect itself


def chosen(ehr, **overrides) -> smart.Settings:
    return smart.Settings(mock.CLIENT_ID, (ehr.iss,), None, **overrides)


def authorize(ehr, url: str) -> dict[str, str]:
    """What the browser does with the authorization address: the mock's redirect back."""
    reply = requests.get(url, allow_redirects=False, timeout=5)
    assert reply.status_code == 302, ehr.problems
    return {k: v[0] for k, v in parse_qs(urlsplit(reply.headers["Location"]).query).items()}


def launched(ehr) -> smart.Connection:
    with requests.Session() as http:
        pending, url = smart.begin(ehr.iss, ehr.launch, REDIRECT, chosen(ehr), http)
        back = authorize(ehr, url)
        assert back["state"] == pending.state
        return smart.finish(pending, back["code"], mock.CLIENT_ID, http)


def test_the_settings_are_off_unless_client_and_servers_are_set(monkeypatch):
    for name in (smart.CLIENT_ID_VARIABLE, smart.ISS_ALLOWED_VARIABLE, smart.REDIRECT_VARIABLE):
        monkeypatch.delenv(name, raising=False)
    assert smart.settings() is None
    monkeypatch.setenv(smart.CLIENT_ID_VARIABLE, "app")
    assert smart.settings() is None
    monkeypatch.setenv(smart.ISS_ALLOWED_VARIABLE, "https://a.example/fhir/, https://b.example/r4")
    assert smart.settings() == smart.Settings(
        "app", ("https://a.example/fhir", "https://b.example/r4"), None
    )


def test_the_authorization_request_is_the_standards(mock_ehr):
    with requests.Session() as http:
        pending, url = smart.begin(mock_ehr.iss, mock_ehr.launch, REDIRECT, chosen(mock_ehr), http)
    query = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
    assert url.startswith(mock_ehr.configuration()["authorization_endpoint"] + "?")
    assert query["response_type"] == "code" and query["aud"] == mock_ehr.iss
    assert query["launch"] == mock_ehr.launch and query["redirect_uri"] == REDIRECT
    assert set(query["scope"].split()) == {"launch", "patient/DocumentReference.c"}
    assert query["code_challenge_method"] == "S256" and query["state"] == pending.state
    assert pending.verifier not in url  # only its hash travels through the browser
    assert mock_ehr.requests == [("GET", "/fhir/.well-known/smart-configuration")]


def test_a_launch_ends_with_the_patient_and_encounter_and_files_the_note(mock_ehr):
    connection = launched(mock_ehr)
    assert (connection.patient, connection.encounter) == (mock.PATIENT, mock.ENCOUNTER)
    assert connection.access_token not in repr(connection)
    document = {
        "resourceType": "DocumentReference",
        "subject": {"reference": "Patient/patient-123"},
    }
    with requests.Session() as http:
        filed = smart.file_document(connection, document, http)
    assert filed.outcome == "created" and filed.status == 201 and filed.location
    assert mock_ehr.filed and not mock_ehr.problems


def test_the_mock_refuses_a_wrong_verifier_and_the_app_says_so(mock_ehr):
    with requests.Session() as http:
        pending, url = smart.begin(mock_ehr.iss, mock_ehr.launch, REDIRECT, chosen(mock_ehr), http)
        back = authorize(mock_ehr, url)
        forged = smart.Pending(**{**pending.__dict__, "verifier": smart.pkce_pair()[0]})
        with pytest.raises(smart.LaunchProblem) as problem:
            smart.finish(forged, back["code"], mock.CLIENT_ID, http)
    assert problem.value.code == "token_refused"
    assert mock_ehr.problems == ["code_verifier"]


def test_a_server_not_allowed_is_never_contacted(mock_ehr):
    other = smart.Settings(mock.CLIENT_ID, ("https://ehr.clinic.example/fhir",), None)
    with requests.Session() as http, pytest.raises(smart.LaunchProblem) as problem:
        smart.begin(mock_ehr.iss, mock_ehr.launch, REDIRECT, other, http)
    assert problem.value.code == "not_allowed"
    assert mock_ehr.requests == []


def test_a_refused_write_and_an_expired_token_are_answers_not_errors(mock_ehr):
    connection = launched(mock_ehr)
    document = {
        "resourceType": "DocumentReference",
        "subject": {"reference": "Patient/patient-123"},
    }
    mock_ehr.refuse_writes = True
    with requests.Session() as http:
        assert smart.file_document(connection, document, http) == smart.Filed("refused", 403)
        mock_ehr.refuse_writes = False
        mock_ehr.expire_tokens()
        assert smart.file_document(connection, document, http) == smart.Filed("expired", 401)
    assert mock_ehr.filed == []


def test_a_token_the_app_knows_has_lapsed_is_not_sent(mock_ehr):
    lapsed = smart.Connection(iss=mock_ehr.iss, access_token="t", expires=0.0)
    with requests.Session() as http:
        assert smart.file_document(lapsed, {}, http).outcome == "expired"
    assert mock_ehr.requests == []


def test_an_ehr_that_does_not_answer_is_a_timeout(monkeypatch):
    import socket

    with socket.socket() as silent:  # accepts the connection, never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen()
        iss = f"http://127.0.0.1:{silent.getsockname()[1]}/fhir"
        monkeypatch.setattr(smart, "TIMEOUT_S", (1, 0.2))
        connection = smart.Connection(iss=iss, access_token="t", expires=float("inf"))
        with requests.Session() as http:
            assert smart.file_document(connection, {}, http).outcome == "timeout"


def test_a_launch_is_taken_back_once_and_forgotten_after_a_while():
    waiting = smart.PendingLaunches(keep_for_s=600)
    pending = smart.Pending("iss", "state-1", "v", "token", "r", started=0.0)
    waiting.put(pending)  # started long ago (monotonic 0): forgotten at the next look
    assert waiting.take("state-1") is None
    fresh = smart.Pending("iss", "state-2", "v", "token", "r", started=smart.time.monotonic())
    waiting.put(fresh)
    assert waiting.take("state-2") == fresh
    assert waiting.take("state-2") is None
