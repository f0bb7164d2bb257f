"""A small EHR of our own for the SMART tests, on 127.0.0.1: an authorization server and a FHIR
endpoint that check what SMART App Launch 2.0 asks of an app (the launch it issued, the scopes,
`aud`, `state` handed back, PKCE S256, the redirect address, the client, an unexpired token), and
record every request they get, so a test can also say that nothing was sent."""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

CLIENT_ID = "disc-explorer-test"
PATIENT = "patient-123"
ENCOUNTER = "encounter-456"
NEEDED_SCOPES = {"launch", "patient/DocumentReference.c"}


@dataclass
class Grant:
    challenge: str
    redirect_uri: str
    scope: str


@dataclass
class MockEHR:
    redirect_uri: str = ""  # registered for the client; "" takes whatever the first launch says
    refuse_writes: bool = False
    requests: list[tuple[str, str]] = field(default_factory=list)  # (method, path) of each
    problems: list[str] = field(default_factory=list)  # what the mock found wrong, by name
    filed: list[dict] = field(default_factory=list)  # DocumentReferences written
    launch: str = field(default_factory=lambda: secrets.token_urlsafe(16))
    _codes: dict[str, Grant] = field(default_factory=dict)
    _tokens: dict[str, bool] = field(default_factory=dict)  # token -> still valid

    def start(self) -> MockEHR:
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self.url = f"http://127.0.0.1:{self._server.server_port}"
        self.iss = f"{self.url}/fhir"
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def expire_tokens(self) -> None:
        """Every token given so far lapses (as an hour passing would)."""
        self._tokens = dict.fromkeys(self._tokens, False)

    # ---------------------------------------------------------------- the endpoints
    def configuration(self) -> dict:
        return {
            "issuer": self.url,
            "authorization_endpoint": f"{self.url}/auth/authorize",
            "token_endpoint": f"{self.url}/auth/token",
            "code_challenge_methods_supported": ["S256"],
            "capabilities": [
                "launch-ehr",
                "client-public",
                "context-ehr-patient",
                "context-ehr-encounter",
                "permission-v2",
            ],
        }

    def authorize(self, query: dict[str, str]) -> tuple[int, dict[str, str]]:
        """(status, headers): a redirect back with a code, or 400 naming what is wrong."""
        wanted = {
            "response_type": query.get("response_type") == "code",
            "client_id": query.get("client_id") == CLIENT_ID,
            "launch": query.get("launch") == self.launch,
            "aud": query.get("aud") == self.iss,
            "scope": NEEDED_SCOPES <= set(query.get("scope", "").split()),
            "state": len(query.get("state", "")) >= 22,  # 128 bits, as SMART asks at least 122
            "code_challenge_method": query.get("code_challenge_method") == "S256",
            "code_challenge": len(query.get("code_challenge", "")) == 43,
            "redirect_uri": bool(query.get("redirect_uri"))
            and query.get("redirect_uri") == (self.redirect_uri or query.get("redirect_uri")),
        }
        wrong = [name for name, ok in wanted.items() if not ok]
        if wrong:
            self.problems += wrong
            return 400, {}
        code = secrets.token_urlsafe(16)
        self._codes[code] = Grant(query["code_challenge"], query["redirect_uri"], query["scope"])
        back = urlencode({"code": code, "state": query["state"]})
        return 302, {"Location": f"{query['redirect_uri']}?{back}"}

    def token(self, form: dict[str, str]) -> tuple[int, dict, dict]:
        grant = self._codes.pop(form.get("code", ""), None)  # a code is good once
        verifier = form.get("code_verifier", "")
        digest = hashlib.sha256(verifier.encode("ascii")).digest()
        wanted = {
            "code": grant is not None,
            "grant_type": form.get("grant_type") == "authorization_code",
            "client_id": form.get("client_id") == CLIENT_ID,
            "redirect_uri": grant is not None and form.get("redirect_uri") == grant.redirect_uri,
            "code_verifier": grant is not None
            and base64.urlsafe_b64encode(digest).rstrip(b"=").decode() == grant.challenge,
        }
        wrong = [name for name, ok in wanted.items() if not ok]
        if wrong:
            self.problems += wrong
            return 400, {}, {"error": "invalid_grant"}
        token = secrets.token_urlsafe(24)
        self._tokens[token] = True
        return (
            200,
            {"Cache-Control": "no-store"},
            {
                "access_token": token,
                "token_type": "Bearer",
                "expires_in": 3600,
                "scope": grant.scope,
                "patient": PATIENT,
                "encounter": ENCOUNTER,
            },
        )

    def write(self, authorization: str, body: bytes) -> tuple[int, dict, dict]:
        token = authorization.removeprefix("Bearer ")
        if not self._tokens.get(token):
            self.problems.append("token")
            return 401, {}, _outcome("login", "expired or unknown token")
        if self.refuse_writes:
            return 403, {}, _outcome("forbidden", "writes refused by this EHR")
        document = json.loads(body)
        if document.get("subject", {}).get("reference") != f"Patient/{PATIENT}":
            self.problems.append("subject")
            return 422, {}, _outcome("invalid", "not the launch's patient")
        document["id"] = str(len(self.filed) + 1)
        self.filed.append(document)
        location = f"{self.iss}/DocumentReference/{document['id']}/_history/1"
        return 201, {"Location": location}, document


def _outcome(code: str, text: str) -> dict:
    return {
        "resourceType": "OperationOutcome",
        "issue": [{"severity": "error", "code": code, "diagnostics": text}],
    }


def _handler(ehr: MockEHR) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:  # quiet: the tests read ehr.requests
            pass

        def _answer(self, status: int, headers: dict, body: dict | None = None) -> None:
            data = json.dumps(body).encode() if body is not None else b""
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            if body is not None:
                self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            address = urlsplit(self.path)
            ehr.requests.append(("GET", address.path))
            if address.path == "/fhir/.well-known/smart-configuration":
                self._answer(200, {}, ehr.configuration())
            elif address.path == "/auth/authorize":
                query = {k: v[0] for k, v in parse_qs(address.query).items()}
                self._answer(*ehr.authorize(query))
            else:
                self._answer(404, {})

        def do_POST(self) -> None:
            address = urlsplit(self.path)
            ehr.requests.append(("POST", address.path))
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            if address.path == "/auth/token":
                form = {k: v[0] for k, v in parse_qs(body.decode()).items()}
                self._answer(*ehr.token(form))
            elif address.path == "/fhir/DocumentReference":
                status, headers, answer = ehr.write(self.headers.get("Authorization", ""), body)
                self._answer(status, headers, answer)
            else:
                self._answer(404, {})

    return Handler
