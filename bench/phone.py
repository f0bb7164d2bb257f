"""The phone phase of bench/run.py: the comparison page opened on a phone over a slow mobile link,
through the front door (deploy/run-local.sh), as a first visit (empty cache) and a repeat visit
(the same browser context, its cache kept).

Chromium's DevTools protocol throttles the network as its "Fast 3G" preset does and counts
every response's bytes on the wire (`Network.loadingFinished` `encodedDataLength`, headers
included) and the WebSocket's frames. The page itself notes, with a MutationObserver added
before any of its scripts, when the first heading appears and when Streamlit's run is done
(`stApp`'s `data-test-script-state` back to `notRunning` after a run, connected, and no grey
placeholder left for an element whose code is still loading), on the page's own clock from navigation start.
"""

from __future__ import annotations

import asyncio
import base64
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from playwright.async_api import Browser

# Chromium DevTools' "Fast 3G": 1.6 Mbit/s down, 0.75 Mbit/s up, 150 ms latency. The protocol
# takes throughput in bytes per second.
FAST_3G = {
    "offline": False,
    "latency": 150,
    "downloadThroughput": 1.6e6 / 8,
    "uploadThroughput": 0.75e6 / 8,
    "connectionType": "cellular3g",
}
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 3,
    "is_mobile": True,
    "has_touch": True,
}
TIMEOUT_MS = 120_000
TARGET_FIRST_HEADING_S = 5.0
TARGET_FIRST_VISIT_MB = 1.2
TARGET_REPEAT_HEADING_S = 2.5

# Runs in the page before its own scripts: the page's clock (ms from navigation start) when the
# first heading is in the document and when a run is done.
WATCH = """
(() => {
  const seen = (window.__phone = {heading: null, done: null});
  let ran = false;
  const look = () => {
    if (seen.heading === null && document.querySelector("[data-testid='stHeading'] h1, [data-testid='stHeading']"))
      seen.heading = performance.now();
    const app = document.querySelector("[data-testid='stApp']");
    if (!app) return;
    const state = app.getAttribute('data-test-script-state');
    if (state === 'running') ran = true;
    if (seen.done === null && ran && state === 'notRunning'
        && app.getAttribute('data-test-connection-state') === 'CONNECTED'
        && !document.querySelector("[data-testid='stSkeleton']"))
      seen.done = performance.now();
  };
  new MutationObserver(look).observe(document, {subtree: true, childList: true, attributes: true});
})();
"""


@dataclass
class Request:
    url: str
    kind: str  # Document, Script, Stylesheet, Font, Fetch, WebSocket, ...
    start_ms: float  # from navigation start, on the wall clock
    end_ms: float = float("nan")
    bytes: int = 0  # on the wire, headers included
    encoding: str = ""  # the response's Content-Encoding

    @property
    def path(self) -> str:
        parts = urlsplit(self.url)
        return parts.path + (f"?{parts.query}" if parts.query else "")


@dataclass
class Visit:
    heading_ms: float
    done_ms: float
    requests: list[Request] = field(default_factory=list)
    websocket_bytes: int = 0  # frames received, payload only

    @property
    def http_bytes(self) -> int:
        return sum(request.bytes for request in self.requests)

    @property
    def total_bytes(self) -> int:
        return self.http_bytes + self.websocket_bytes

    def before_heading(self) -> list[Request]:
        """Requests that started before the first heading appeared."""
        return [r for r in self.requests if r.start_ms < self.heading_ms]


@dataclass
class PhoneResults:
    """Each round: a first visit in a new browser context, then a repeat visit in it."""

    first: list[Visit]
    repeat: list[Visit]


class Recorder:
    """Every request of one navigation, from the DevTools protocol's network events."""

    def __init__(self, cdp):
        self.cdp = cdp
        self.by_id: dict[str, Request] = {}
        self.clock: tuple[float, float] | None = None  # (monotonic s, wall ms) of the navigation
        self.websocket_bytes = 0
        cdp.on("Network.requestWillBeSent", self._sent)
        cdp.on("Network.responseReceived", self._response)
        cdp.on("Network.loadingFinished", self._finished)
        cdp.on("Network.loadingFailed", self._failed)
        cdp.on("Network.webSocketCreated", self._websocket)
        cdp.on("Network.webSocketFrameReceived", self._frame)

    def start(self, navigation_wall_ms: float) -> None:
        self.by_id = {}
        self.clock = None
        self.websocket_bytes = 0
        self.navigation_wall_ms = navigation_wall_ms

    def _ms(self, monotonic_s: float) -> float:
        base_s, base_wall_ms = self.clock
        return base_wall_ms + (monotonic_s - base_s) * 1000 - self.navigation_wall_ms

    def _sent(self, event) -> None:
        if self.clock is None:
            self.clock = (event["timestamp"], event["wallTime"] * 1000)
        self.by_id[event["requestId"]] = Request(
            event["request"]["url"], event.get("type", ""), self._ms(event["timestamp"])
        )

    def _response(self, event) -> None:
        if request := self.by_id.get(event["requestId"]):
            headers = {k.lower(): v for k, v in event["response"]["headers"].items()}
            request.encoding = headers.get("content-encoding", "")

    def _finished(self, event) -> None:
        if request := self.by_id.get(event["requestId"]):
            request.bytes = int(event["encodedDataLength"])
            request.end_ms = self._ms(event["timestamp"])

    def _failed(self, event) -> None:
        if request := self.by_id.get(event["requestId"]):
            request.end_ms = self._ms(event["timestamp"])

    def pending(self) -> int:
        return sum(1 for r in self.by_id.values() if r.kind != "WebSocket" and r.end_ms != r.end_ms)

    async def quiet(self, for_s: float = 1.0, at_most_s: float = 30) -> None:
        """Wait until no request has been open for `for_s` (what the page loads after its run,
        the icon font for one, counts in the visit's bytes)."""
        deadline = time.monotonic() + at_most_s
        quiet_since = time.monotonic()
        while time.monotonic() < deadline:
            if self.pending():
                quiet_since = time.monotonic()
            elif time.monotonic() - quiet_since >= for_s:
                return
            await asyncio.sleep(0.05)

    def _websocket(self, event) -> None:
        if self.clock is not None:
            self.by_id[event["requestId"]] = Request(event["url"], "WebSocket", float("nan"))

    def _frame(self, event) -> None:
        payload = event["response"]["payloadData"]
        # Binary frames (Streamlit's protobufs) come base64-encoded.
        if event["response"]["opcode"] == 2:
            self.websocket_bytes += len(base64.b64decode(payload))
        else:
            self.websocket_bytes += len(payload.encode())


async def finished(page) -> dict:
    """What the page noted, once its run is done. Polled: the site's policy refuses the `eval`
    that Playwright's wait_for_function would need."""
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while time.monotonic() < deadline:
        seen = await page.evaluate("() => window.__phone")
        if seen and seen["done"] is not None:
            return seen
        await asyncio.sleep(0.05)
    raise TimeoutError(f"the run was not done within {TIMEOUT_MS / 1000:.0f} s")


async def visit(page, recorder: Recorder, url: str) -> Visit:
    wall_ms = await page.evaluate("Date.now()")
    recorder.start(wall_ms)
    await page.goto(url, wait_until="commit", timeout=TIMEOUT_MS)
    seen = await finished(page)
    await recorder.quiet()
    # The page's clock starts at its navigation; the recorder's at the moment goto was asked.
    navigation_ms = await page.evaluate("performance.timeOrigin") - wall_ms
    requests = [r for r in recorder.by_id.values() if r.kind != "WebSocket"]
    for request in requests:
        request.start_ms -= navigation_ms
        request.end_ms -= navigation_ms
    return Visit(seen["heading"], seen["done"], requests, recorder.websocket_bytes)


async def phone_pair(browser: Browser, url: str) -> tuple[Visit, Visit]:
    """A first visit to `url` with an empty cache, then a repeat visit in the same context."""
    context = await browser.new_context(**PHONE)
    try:
        await context.add_init_script(WATCH)
        page = await context.new_page()
        cdp = await context.new_cdp_session(page)
        await cdp.send("Network.enable")
        await cdp.send("Network.emulateNetworkConditions", FAST_3G)
        recorder = Recorder(cdp)
        await page.goto("about:blank")
        first = await visit(page, recorder, url)
        await page.goto("about:blank")
        return first, await visit(page, recorder, url)
    finally:
        await context.close()


async def phone_visits(browser: Browser, url: str, rounds: int) -> PhoneResults:
    pairs = [await phone_pair(browser, url) for _ in range(rounds)]
    return PhoneResults([first for first, _ in pairs], [repeat for _, repeat in pairs])


# ---------------------------------------------------------------------------------------------
# Report


def mb(count: int) -> str:
    return f"{count / 1e6:.2f} MB"


def request_lines(requests: list[Request]) -> list[str]:
    """One table row per request, in the order they started."""
    return [
        f"| {r.start_ms / 1000:.2f} | {r.end_ms / 1000:.2f} | {r.kind} | `{r.path[:70]}` | "
        f"{r.bytes / 1000:.1f} kB | {r.encoding or 'none'} |"
        for r in sorted(requests, key=lambda r: r.start_ms)
    ]


def middle(visits: list[Visit]) -> Visit:
    """The visit with the median time to the first heading."""
    return sorted(visits, key=lambda one: one.heading_ms)[(len(visits) - 1) // 2]


def seconds(values: list[float]) -> str:
    return ", ".join(f"{value / 1000:.2f}" for value in values)


def phone_report(results: PhoneResults, verdict) -> str:
    rows = []
    for name, visits in (
        ("First visit (empty cache)", results.first),
        ("Repeat visit (same browser)", results.repeat),
    ):
        one = middle(visits)
        rows.append(
            f"| {name} | {one.heading_ms / 1000:.2f} s [{seconds([v.heading_ms for v in visits])}] | "
            f"{one.done_ms / 1000:.2f} s [{seconds([v.done_ms for v in visits])}] | "
            f"{mb(one.total_bytes)} ({mb(one.websocket_bytes)} WebSocket) | {len(one.requests)} | "
            f"{mb(sum(r.bytes for r in one.before_heading()))} in {len(one.before_heading())} |"
        )
    first, repeat = middle(results.first), middle(results.repeat)
    heading_ok = first.heading_ms / 1000 <= TARGET_FIRST_HEADING_S
    bytes_ok = max(v.total_bytes for v in results.first) / 1e6 <= TARGET_FIRST_VISIT_MB
    repeat_ok = repeat.heading_ms / 1000 <= TARGET_REPEAT_HEADING_S
    return f"""
### A phone over Fast 3G, through the front door

`/compare` at 390×844 (a phone: 3× pixels, touch) in Chromium with the DevTools protocol's
network throttled as its "Fast 3G" (1.6 Mbit/s down, 0.75 up, 150 ms latency), through
`deploy/run-local.sh` (nginx and two app processes, both having run `/compare` once before).
The first visit starts with an empty cache; the repeat visit opens the page again in the same
browser. {len(results.first)} rounds, each in a new browser context: the round with the median
first heading is shown, each round's time in brackets. Times run from navigation start to the
first heading in the page and to Streamlit's run done (`stApp` not running, connected, no
placeholder left). Bytes are on the wire, headers included, until the network is quiet after
the run; the WebSocket's are its frames' payloads.

| Visit | First heading | Run done | Bytes | Requests | Before the first heading |
|---|---|---|---|---|---|
{chr(10).join(rows)}

- First heading on a first visit ≤ {TARGET_FIRST_HEADING_S:g} s (median): {verdict(heading_ok)}
- First visit ≤ {TARGET_FIRST_VISIT_MB:g} MB, HTTP and WebSocket together (every round): {verdict(bytes_ok)}
- First heading on a repeat visit ≤ {TARGET_REPEAT_HEADING_S:g} s (median): {verdict(repeat_ok)}

<details><summary>Requests of that first visit that started before its first heading</summary>

| Start (s) | End (s) | Kind | Path | Bytes | Encoding |
|---|---|---|---|---|---|
{chr(10).join(request_lines(first.before_heading()))}

</details>
"""
