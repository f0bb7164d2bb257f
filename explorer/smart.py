"""SMART App Launch 2.0, EHR launch, as a public client with PKCE: the EHR opens the app with
`launch` and `iss`; the app reads `{iss}/.well-known/smart-configuration`, sends the browser to
the authorization endpoint, checks `state` on the way back, trades the code (with the PKCE
verifier) for a token, and files the consult's DocumentReference with it.

Plain functions, no Streamlit. Nothing here writes to disk or logs: the launch waiting for its
return is kept in this process's memory for a few minutes (`PendingLaunches`), and the token in
the person's own session (explorer/ui/record.py). A server the clinic did not allow is never
contacted."""

from __future__ import annotations

import base64
import hashlib
import os
import secrets
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlencode

import requests

from explorer.fhir.model import Resource

CLIENT_ID_VARIABLE = "EXPLORER_SMART_CLIENT_ID"
# The FHIR servers (their base addresses, as the EHR sends them in `iss`) the clinic trusts,
# separated by spaces or commas.
ISS_ALLOWED_VARIABLE = "EXPLORER_SMART_ISS_ALLOWED"
# Where the authorization server sends the browser back, if not where the app is served.
REDIRECT_VARIABLE = "EXPLORER_SMART_REDIRECT_URI"
# `launch`: the EHR's context (patient, encounter); `patient/DocumentReference.c`: create a
# DocumentReference in that patient's record (SMART 2.0 scope syntax), nothing else.
SCOPES = ("launch", "patient/DocumentReference.c")
# (connect, read) seconds for every call to the EHR: a consult never waits long.
TIMEOUT_S = (5, 15)
# A launch not back from the authorization server within this many seconds is forgotten.
PENDING_FOR_S = 600
# A token is treated as expired this many seconds early, so it does not lapse in flight.
EXPIRY_MARGIN_S = 30
FHIR_JSON = "application/fhir+json"


@dataclass(frozen=True)
class Settings:
    client_id: str
    allowed: tuple[str, ...]  # FHIR base addresses, without a trailing slash
    redirect_uri: str | None


def settings() -> Settings | None:
    """The clinic's SMART settings; None (no launch at all) unless the client id and at least
    one allowed server are set."""
    client_id = os.environ.get(CLIENT_ID_VARIABLE, "").strip()
    allowed = tuple(
        server.rstrip("/")
        for server in os.environ.get(ISS_ALLOWED_VARIABLE, "").replace(",", " ").split()
    )
    if not client_id or not allowed:
        return None
    return Settings(client_id, allowed, os.environ.get(REDIRECT_VARIABLE, "").strip() or None)


class LaunchProblem(Exception):
    """The launch cannot go on; `code` names the message the person reads (smart.problem.*)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class Pending:
    """A launch sent to the authorization server, waiting for the browser to come back."""

    iss: str
    state: str
    verifier: str
    token_endpoint: str
    redirect_uri: str
    started: float  # time.monotonic()


@dataclass(frozen=True)
class Connection:
    """A finished launch: the token and the context the EHR gave with it. Kept in the person's
    session only, never on disk, in a log or in a link."""

    iss: str
    access_token: str = field(default="", repr=False)  # never in a log through a repr
    expires: float = 0.0  # time.monotonic() at which the token lapses
    patient: str | None = None
    encounter: str | None = None

    def expired(self) -> bool:
        return time.monotonic() >= self.expires - EXPIRY_MARGIN_S


def allowed(iss: str, chosen: Settings) -> bool:
    return iss.rstrip("/") in chosen.allowed


def pkce_pair() -> tuple[str, str]:
    """A PKCE verifier (43 to 128 unreserved characters; 64 here) and its S256 challenge."""
    verifier = secrets.token_urlsafe(48)
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return verifier, base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def begin(
    iss: str, launch: str, redirect_uri: str, chosen: Settings, http: requests.Session
) -> tuple[Pending, str]:
    """The launch waiting for its return, and the authorization address to send the browser to.
    A server not allowed is refused before anything is sent anywhere."""
    if not allowed(iss, chosen):
        raise LaunchProblem("not_allowed")
    configuration = _get_json(http, f"{iss.rstrip('/')}/.well-known/smart-configuration")
    methods = configuration.get("code_challenge_methods_supported", [])
    authorize = configuration.get("authorization_endpoint")
    token = configuration.get("token_endpoint")
    if "S256" not in methods or not authorize or not token:
        raise LaunchProblem("not_smart")  # SMART 2.0 servers name both endpoints and S256
    verifier, challenge = pkce_pair()
    state = secrets.token_urlsafe(32)
    query = {
        "response_type": "code",
        "client_id": chosen.client_id,
        "redirect_uri": redirect_uri,
        "launch": launch,
        "scope": " ".join(SCOPES),
        "state": state,
        "aud": iss,
        "code_challenge": challenge,
        "code_challenge_method": "S256",
    }
    pending = Pending(iss, state, verifier, token, redirect_uri, time.monotonic())
    return pending, f"{authorize}?{urlencode(query)}"


def finish(pending: Pending, code: str, client_id: str, http: requests.Session) -> Connection:
    """Trade the authorization code for a token, as a public client: the verifier proves this
    is the app that started the launch."""
    try:
        reply = http.post(
            pending.token_endpoint,
            data={
                "grant_type": "authorization_code",
                "code": code,
                "redirect_uri": pending.redirect_uri,
                "client_id": client_id,
                "code_verifier": pending.verifier,
            },
            headers={"accept": "application/json"},
            timeout=TIMEOUT_S,
        )
    except requests.Timeout as error:
        raise LaunchProblem("timeout") from error
    except requests.RequestException as error:
        raise LaunchProblem("unreachable") from error
    try:
        token = reply.json() if reply.status_code == 200 else {}
    except ValueError:
        token = {}
    if (
        not isinstance(token, dict)
        or not token.get("access_token")
        or str(token.get("token_type", "")).lower() != "bearer"
    ):
        raise LaunchProblem("token_refused")
    return Connection(
        iss=pending.iss,
        access_token=token["access_token"],
        expires=time.monotonic() + float(token.get("expires_in", 0)),
        patient=token.get("patient"),
        encounter=token.get("encounter"),
    )


@dataclass(frozen=True)
class Filed:
    """What the EHR answered to a note: `outcome` names the message (smart.filed.*)."""

    outcome: str  # created, expired, refused, timeout, unreachable
    status: int | None = None
    location: str | None = None


def file_document(connection: Connection, document: Resource, http: requests.Session) -> Filed:
    """POST the DocumentReference to the launch's FHIR server with the token."""
    if connection.expired():
        return Filed("expired")
    try:
        reply = http.post(
            f"{connection.iss.rstrip('/')}/DocumentReference",
            json=document,
            headers={
                "authorization": f"Bearer {connection.access_token}",
                "content-type": FHIR_JSON,
                "accept": FHIR_JSON,
            },
            timeout=TIMEOUT_S,
        )
    except requests.Timeout:
        return Filed("timeout")
    except requests.RequestException:
        return Filed("unreachable")
    if reply.status_code in (200, 201):
        return Filed("created", reply.status_code, reply.headers.get("location"))
    if reply.status_code == 401:
        return Filed("expired", reply.status_code)
    return Filed("refused", reply.status_code)


def _get_json(http: requests.Session, url: str) -> dict:
    try:
        reply = http.get(url, headers={"accept": "application/json"}, timeout=TIMEOUT_S)
        reply.raise_for_status()
        found = reply.json()
    except requests.Timeout as error:
        raise LaunchProblem("timeout") from error
    except (requests.RequestException, ValueError) as error:
        raise LaunchProblem("not_smart") from error
    if not isinstance(found, dict):
        raise LaunchProblem("not_smart")
    return found


class PendingLaunches:
    """Launches waiting for their return, in this process's memory only, by `state`. The return
    reaches the same process through the front door's sticky routing. Shared by every session
    (one per process), so it locks."""

    def __init__(self, keep_for_s: float = PENDING_FOR_S, most: int = 1000):
        self._waiting: dict[str, Pending] = {}
        self._lock = threading.Lock()
        self._keep_for_s = keep_for_s
        self._most = most

    def put(self, pending: Pending) -> None:
        with self._lock:
            self._forget_old()
            if len(self._waiting) >= self._most:  # a flood of launches never grows memory
                self._waiting.pop(next(iter(self._waiting)))
            self._waiting[pending.state] = pending

    def take(self, state: str) -> Pending | None:
        """The launch that sent this `state`, once: a second return with it finds nothing."""
        with self._lock:
            self._forget_old()
            for known in list(self._waiting):
                if secrets.compare_digest(known, state):
                    return self._waiting.pop(known)
        return None

    def _forget_old(self) -> None:
        now = time.monotonic()
        for state, pending in list(self._waiting.items()):
            if now - pending.started > self._keep_for_s:
                del self._waiting[state]
