"""The EHR launch on the page, and filing the note: the Streamlit side of explorer/smart.py.

Without the clinic's SMART settings none of this draws or reads anything. With them, a page
opened with `launch` and `iss` starts the launch (a server not allowed is refused with nothing
sent); the browser's return with `code` and `state` finishes it. The token is kept in this
person's session (st.session_state) only; `code`, `state`, `launch` and `iss` are taken out of
the page address as soon as they are read."""

from __future__ import annotations

import html
from collections.abc import Sequence
from urllib.parse import urlsplit

import requests
import streamlit as st

from explorer import decide, smart
from explorer.data import Content
from explorer.fhir.bundle import consult_note
from explorer.fhir.document import RecordContext
from explorer.ui import say
from explorer.words import t_md

CONNECTION = "smart_connection"  # session_state: the smart.Connection of this session
AUTHORIZE = "smart_authorize"  # session_state: where this session's launch sends the browser
LAUNCH_PARAMS = ("launch", "iss")
RETURN_PARAMS = ("code", "state", "error", "error_description")
# Sends this frame to the authorization server at once. Its text never changes (the address is
# its data), so the front door's Content-Security-Policy allows it by one hash
# (deploy/nginx/site.conf; tests/deploy checks the hash).
REDIRECT_SCRIPT = "location.assign(document.currentScript.dataset.to);"


@st.cache_resource(show_spinner=False)
def _pending() -> smart.PendingLaunches:
    """This process's launches waiting for their return (one store per process)."""
    return smart.PendingLaunches()


def launch_step() -> None:
    """Start or finish an EHR launch named in the page address; offer the way to the
    authorization server while one is under way."""
    chosen = smart.settings()
    if chosen is None:
        return
    params = st.query_params
    if "state" in params or "code" in params or "error" in params:
        _finish(chosen, params.get("code"), params.get("state"), params.get("error"))
    elif "launch" in params and "iss" in params:
        _begin(chosen, params["iss"], params["launch"])
    authorize = st.session_state.pop(AUTHORIZE, None)
    if authorize:
        say.info(t_md("smart.connecting"))
        say.link_button(t_md("smart.connect"), authorize, key="smart-connect", type="primary")
        st.html(
            f'<script data-to="{html.escape(authorize, quote=True)}">{REDIRECT_SCRIPT}</script>',
            unsafe_allow_javascript=True,
        )


def _begin(chosen: smart.Settings, iss: str, launch: str) -> None:
    for name in LAUNCH_PARAMS:  # a reload must not start the same launch again
        st.query_params.pop(name, None)
    redirect_uri = chosen.redirect_uri or _app_address()
    try:
        with requests.Session() as http:
            pending, authorize = smart.begin(iss, launch, redirect_uri, chosen, http)
    except smart.LaunchProblem as problem:
        say.error(t_md(f"smart.problem.{problem.code}", iss=iss))
        return
    _pending().put(pending)
    st.session_state[AUTHORIZE] = authorize


def _finish(chosen: smart.Settings, code: str | None, state: str | None, error: str | None) -> None:
    for name in RETURN_PARAMS:  # the code and state never stay in the address
        st.query_params.pop(name, None)
    pending = _pending().take(state) if state else None
    if pending is None:
        say.error(t_md("smart.problem.state"))
    elif error or not code:
        say.error(t_md("smart.problem.denied"))
    else:
        try:
            with requests.Session() as http:
                st.session_state[CONNECTION] = smart.finish(pending, code, chosen.client_id, http)
        except smart.LaunchProblem as problem:
            say.error(t_md(f"smart.problem.{problem.code}", iss=pending.iss))
            return
        say.success(t_md("smart.connected"))


def _app_address() -> str:
    """Where the app is served, as the browser sees it: the launch comes back to its root."""
    address = urlsplit(st.context.url or "")
    return f"{address.scheme}://{address.netloc}/"


def file_note_button(
    content: Content, option_ids: Sequence[str], answers: decide.Answers, situation_id: str
) -> None:
    """Once launched: the button that files the note into the record, and the record's answer.
    Whatever the answer, the note stays on the page to copy."""
    connection: smart.Connection | None = st.session_state.get(CONNECTION)
    if connection is None:
        return
    if not say.button(t_md("smart.file"), key="file-note", type="primary"):
        return
    document = consult_note(
        content,
        option_ids,
        answers,
        situation_id,
        context=RecordContext(connection.patient, connection.encounter),
    )
    with requests.Session() as http:
        filed = smart.file_document(connection, document, http)
    if filed.outcome == "created":
        key = "smart.filed.created" if filed.location else "smart.filed.created_no_location"
        say.success(t_md(key, status=filed.status, location=filed.location or ""))
    else:
        say.error(t_md(f"smart.filed.{filed.outcome}", status=filed.status or ""))
