"""The clinic topology (deploy/): nginx with sticky sessions in front of two app processes.
Security headers, the policy in force in a real browser, the closed metrics endpoint, a replica
going down, and stopping everything it started. One topology for the module; the tests run in
order (the last ones stop a replica, then everything)."""

from __future__ import annotations

import base64
import hashlib
import http.client
import os
import re
import signal
import socket
import ssl
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from explorer.ui import listen, shell
from explorer.words import t
from tests.browser.conftest import wait_for_app
from tests.browser.test_read_aloud_browser import SPEECH_STAND_IN

CSP_BREACH = "Content Security Policy"


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    """Status, headers (lower-case names) and body of a GET; certificates are not checked (the
    test's TLS certificate is self-signed)."""
    unchecked = ssl.create_default_context()
    unchecked.check_hostname = False
    unchecked.verify_mode = ssl.CERT_NONE
    try:
        with urllib.request.urlopen(url, timeout=10, context=unchecked) as reply:
            return reply.status, {k.lower(): v for k, v in reply.headers.items()}, reply.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def policy(header: str) -> dict[str, list[str]]:
    """A Content-Security-Policy header as {directive: [sources]}."""
    directives = (part.split() for part in header.split(";") if part.strip())
    return {name: sources for name, *sources in directives}


def test_the_page_carries_the_security_headers(topology):
    status, headers, _ = fetch(topology.url + "/")
    assert status == 200
    csp = policy(headers["content-security-policy"])
    assert csp["default-src"] == ["'self'"]
    assert csp["connect-src"] == ["'self'"]  # the WebSocket goes back to this host only
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    assert "'unsafe-inline'" not in csp["script-src"] and "'unsafe-eval'" not in csp["script-src"]
    for script in shell.SCRIPTS:
        digest = hashlib.sha256(script.encode()).digest()
        assert f"'sha256-{base64.b64encode(digest).decode()}'" in csp["script-src"]
    assert not any(
        "*" in source or source in ("http:", "https:")
        for sources in csp.values()
        for source in sources
    )
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert "camera=()" in headers["permissions-policy"]
    assert headers["x-frame-options"] == "DENY"
    assert headers["set-cookie"].endswith("HttpOnly; SameSite=Lax")
    # HSTS only where the page came over HTTPS.
    assert "strict-transport-security" not in headers
    status, tls_headers, _ = fetch(topology.tls_url + "/")
    assert status == 200
    assert tls_headers["strict-transport-security"].startswith("max-age=31536000")
    assert tls_headers["content-security-policy"] == headers["content-security-policy"]


def test_metrics_are_refused_through_the_proxy_and_health_answers(topology):
    assert fetch(topology.url + "/_stcore/health")[::2] == (200, b"ok")
    assert fetch(topology.url + "/_stcore/metrics")[0] in (403, 404)
    assert fetch(topology.url + "/_stcore/metrics?families=session_state")[0] in (403, 404)
    # The app itself still serves them on its own loopback port: the proxy is what closes them.
    assert fetch(f"http://127.0.0.1:{topology.app_ports[0]}/_stcore/metrics")[0] == 200


def websocket_handshake(topology, host: str) -> int:
    """The status nginx and the app give a WebSocket opened with this Host header."""
    connection = http.client.HTTPConnection(
        "127.0.0.1", int(topology.url.rsplit(":", 1)[1]), timeout=10
    )
    connection.request(
        "GET",
        "/_stcore/stream",
        headers={
            "Host": host,
            "Upgrade": "websocket",
            "Connection": "Upgrade",
            "Sec-WebSocket-Version": "13",
            "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
        },
    )
    status = connection.getresponse().status
    connection.close()
    return status


def test_the_app_answers_only_to_its_host_names(topology):
    # server.allowedHosts (set by run-local.sh) guards against DNS rebinding; nginx passes the
    # visitor's Host header on.
    assert websocket_handshake(topology, "127.0.0.1") == 101
    assert websocket_handshake(topology, "attacker.example") == 403


def watch_console(page) -> list[str]:
    """The page's console messages and uncaught errors, as they come."""
    messages: list[str] = []
    page.on("console", lambda message: messages.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: messages.append(f"pageerror: {error}"))
    return messages


# Pages with what a policy is most likely to break: Vega charts (bars, icon arrays), SVG
# drawings as images and the PDF download.
PAGES_UNDER_POLICY = {
    "/": "[data-testid='stHeading']",
    "/anatomy": "[data-testid='stImage'] img",
    "/charts": "[data-testid='stVegaLiteChart'] svg",
    "/chances": "[data-testid='stVegaLiteChart'] svg",
    "/summary": "[data-testid='stDownloadButton']",
}


def test_pages_work_with_the_policy_in_force(topology, page):
    messages = watch_console(page)
    for path, proof in PAGES_UNDER_POLICY.items():
        response = page.goto(topology.url + path)
        assert "content-security-policy" in response.headers
        wait_for_app(page)
        assert page.locator(proof).first.is_visible(), path
        assert page.locator("[data-testid='stException']").count() == 0, path
    # The PDF is made by the replica holding the session and fetched from it under /media/.
    with page.expect_download() as download:
        page.get_by_role("button", name=t("summary.download")).click()
    assert Path(download.value.path()).read_bytes().startswith(b"%PDF-")
    # Our scripts: the page's language for screen readers; read-aloud, with a stand-in for the
    # Web Speech API (Chromium here has no voice); kiosk mode's idle watch.
    page.add_init_script(SPEECH_STAND_IN)
    page.goto(topology.url + "/compare?lang=es&mode=kiosk")
    wait_for_app(page)
    page.wait_for_function("document.documentElement.lang === 'es'")
    page.locator(f"button.{listen.BUTTON_CLASS} >> visible=true").first.click()
    page.wait_for_function("window.spoken.length > 0")
    assert page.evaluate("window.kiosk.watching")
    breaches = [m for m in messages if CSP_BREACH in m or m.startswith("pageerror")]
    assert breaches == []


ROUTE_COOKIE = "explorer_route"


def replica_for(topology, route: str | None) -> str:
    """The replica that answers a request carrying this routing cookie (None: a new browser)."""
    headers = {"Cookie": f"{ROUTE_COOKIE}={route}"} if route else {}
    with urllib.request.urlopen(
        urllib.request.Request(topology.url + "/_stcore/health", headers=headers), timeout=10
    ):
        pass
    return replica_of_last(topology, "GET /_stcore/health")


def test_each_browser_sticks_to_one_replica_and_browsers_spread_over_both(topology, browser):
    # A real browser: its page and its WebSocket (the session) reach the same replica.
    since = len(topology.access_log())
    context = browser.new_context()
    page = context.new_page()
    page.goto(topology.url + "/")
    wait_for_app(page)
    [route] = [cookie["value"] for cookie in context.cookies() if cookie["name"] == ROUTE_COOKIE]
    context.close()
    assert (
        stream_replica(topology, since, route)
        == replica_of_last(topology, "GET /")
        == replica_for(topology, route)
    )
    # Every request here comes from 127.0.0.1, as a clinic's visitors may share one address.
    assert len({replica_for(topology, route) for _ in range(10)}) == 1
    # 24 new browsers all on one replica would happen about twice in 10 million runs.
    assert len({replica_for(topology, None) for _ in range(24)}) == 2


def replica_of_last(topology, request: str) -> str:
    """The replica ("127.0.0.1:port") that answered the last `request` ("GET /compare") in
    nginx's log; after a retry the log lists every replica tried, the answering one last."""
    lines = [
        line for line in topology.access_log() if f'"{request} ' in line or f'"{request}?' in line
    ]
    return upstream_of(lines[-1])


def process_is_gone(pid: int, timeout: float = 10) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


def test_a_new_session_is_served_when_its_replica_stops(topology, browser):
    first = browser.new_context()
    first_page = first.new_page()
    first_page.goto(topology.url + "/")
    wait_for_app(first_page)
    route = [cookie for cookie in first.cookies() if cookie["name"] == ROUTE_COOKIE]
    first.close()
    # Stop the replica this browser is routed to. With no tab left on it, nginx still takes it
    # for alive: the browser's next page meets a closed port and must be passed on to the other.
    serving = replica_of_last(topology, "GET /")
    pid = topology.app_pid(int(serving.rsplit(":", 1)[1]))
    os.kill(pid, signal.SIGTERM)
    assert process_is_gone(pid)

    since = len(topology.access_log())
    second = browser.new_context()
    second.add_cookies(route)  # the same browser, coming back
    page = second.new_page()
    messages = watch_console(page)
    assert page.goto(topology.url + "/compare").status == 200
    wait_for_app(page)
    assert page.locator("[data-testid='stHeading']").first.is_visible()
    assert page.locator("[data-testid='stException']").count() == 0
    second.close()
    assert replica_of_last(topology, "GET /compare") != serving
    assert stream_replica(topology, since, route[0]["value"]) != serving
    assert not [m for m in messages if m.startswith("pageerror")]


def upstream_of(line: str) -> str:
    """The replica that answered a line of nginx's access log (run-local.sh's format); after a
    retry the log lists every replica tried, the answering one last."""
    return re.search(r"upstream=(.*) route=", line).group(1).split(", ")[-1]


def stream_replica(topology, since: int, route: str = "", timeout: float = 5) -> str:
    """The replica that held the first WebSocket logged after line `since` of nginx's access log
    (nginx logs a WebSocket when it closes), of the browser with this route key if given."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        streams = [
            line
            for line in topology.access_log()[since:]
            if '"GET /_stcore/stream HTTP/1.1" 101 ' in line and f"route={route}" in line
        ]
        if streams:
            return upstream_of(streams[0])
        time.sleep(0.1)
    raise AssertionError("no WebSocket in nginx's access log")


def test_stopping_ends_everything_it_started(topology):
    pids = topology.started_pids()
    assert len(pids) == 3  # two apps and nginx
    topology.stop()
    assert topology.process.returncode == 0
    assert all(process_is_gone(pid) for pid in pids)
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", int(topology.url.rsplit(":", 1)[1])), timeout=2)
