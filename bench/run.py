"""Performance benchmark: the app against the floor of its framework (a bare Streamlit page).
Not part of the test suite. Run from the repository root:

    python bench/run.py                 # everything; updates docs/performance.md
    python bench/run.py --sessions 10   # a quicker load phase
    python bench/run.py --profile       # also profile every page script with pyinstrument
    python bench/run.py --calibrate     # only time the fixed Python workload (this machine's speed)

In one run it starts the app and bench/bare_app.py (same settings) and measures, with
Playwright and Debian's Chromium:

1. First render of every page for a new visitor (a fresh browser context; the server has
   served each page once before), against the bare page.
2. A rerun after a widget change (an option removed on the comparison page), against a rerun
   of the bare page (its "r" key).
3. N concurrent sessions on the comparison page, as tabs of one browser context: all load
   together, then all change the option picker at the same moment. p50, p95, max and errors.
4. Server memory (RSS): idle, with 1 session and with N, as MiB per added session.

Browser times run to Streamlit's "script finished" message on the page's WebSocket (decoded
with Streamlit's ForwardMsg protobuf). Chromium reports those messages from its page, so they
include the page's own work; to show the server's share alone, the same runs are also made
over a plain WebSocket with no browser ("server only").
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import platform
import re
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import websockets
from playwright.async_api import Browser, Page, async_playwright
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.live import CHROMIUM, CHROMIUM_ARGS, PAGE_PATHS, AppServer  # noqa: E402

REPORT = ROOT / "docs" / "performance.md"
RESULTS = ROOT / "bench" / "results"
# The script rewrites the part of the report between these lines and keeps the rest.
BEGIN, END = "<!-- bench results: begin -->", "<!-- bench results: end -->"
BARE_SCRIPT = "bench/bare_app.py"
COMPARE = "/compare"
# Background tabs must not be slowed down by Chromium, or the load phase measures throttling.
BENCH_ARGS = [
    *CHROMIUM_ARGS,
    "--disable-background-timer-throttling",
    "--disable-renderer-backgrounding",
    "--disable-backgrounding-occluded-windows",
]
VIEWPORT = {"width": 1280, "height": 800}
DONE = "[data-testid='stApp'][data-test-connection-state='CONNECTED'][data-test-script-state='notRunning']"
TIMEOUT_S = 120

TARGET_RATIO = 1.3
TARGET_P95_S = 0.5
TARGET_MIB_PER_SESSION = 1.0


def message_kind(payload: bytes | str) -> str:
    if isinstance(payload, str):
        return "text"
    return ForwardMsg.FromString(payload).WhichOneof("type") or "other"


def ms(seconds: float) -> float:
    return seconds * 1000


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def percentile(values: list[float], share: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


# ---------------------------------------------------------------------------------------------
# Sessions in a browser


class Tab:
    """One browser tab, with every WebSocket message it sent and received, decoded and timed as
    Playwright reports them to this process."""

    def __init__(self, page: Page):
        self.page = page
        self.received: list[tuple[str, float]] = []  # (ForwardMsg kind, time)
        self.sent: list[float] = []
        self.errors: list[str] = []
        page.on("websocket", self._watch)
        page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))

    def _watch(self, socket) -> None:
        socket.on(
            "framereceived",
            lambda payload: self.received.append((message_kind(payload), time.perf_counter())),
        )
        socket.on("framesent", lambda payload: self.sent.append(time.perf_counter()))

    def finished(self) -> list[float]:
        return [t for kind, t in self.received if kind == "script_finished"]

    async def wait_for_runs(self, count: int) -> float:
        """Wait for the `count`-th "script finished" message and return when it came."""
        deadline = time.monotonic() + TIMEOUT_S
        while len(self.finished()) < count:
            if time.monotonic() > deadline:
                raise TimeoutError(f"no script-finished message #{count} within {TIMEOUT_S} s")
            await asyncio.sleep(0.002)
        return self.finished()[count - 1]

    async def load(self, url: str) -> float:
        """Open the page: ms from navigation to the script-finished message."""
        start = time.perf_counter()
        await self.page.goto(url, timeout=TIMEOUT_S * 1000)
        finished = await self.wait_for_runs(1)
        # Before anything else happens on the page, let it draw what it received.
        await self.page.wait_for_selector(DONE, timeout=TIMEOUT_S * 1000)
        return ms(finished - start)

    async def rerun(self, action) -> tuple[float, float]:
        """Do something that reruns the script: (ms from starting the action, ms from the
        request leaving the browser) to the script-finished message."""
        before = len(self.finished())
        start = time.perf_counter()
        await action(self.page)
        finished = await self.wait_for_runs(before + 1)
        request = min(t for t in self.sent if t >= start)
        return ms(finished - start), ms(finished - request)

    async def exception_shown(self) -> bool:
        return await self.page.locator("[data-testid='stException']").count() > 0


async def new_tab(browser: Browser) -> Tab:
    context = await browser.new_context(viewport=VIEWPORT)
    return Tab(await context.new_page())


async def remove_last_option(page: Page) -> None:
    await page.get_by_role("button", name="Remove Spinal fusion").click()


async def press_rerun_key(page: Page) -> None:
    await page.keyboard.press("r")


async def first_renders(browser: Browser, url: str, repeats: int) -> float:
    renders = []
    for _ in range(repeats):
        tab = await new_tab(browser)
        renders.append(await tab.load(url))
        await tab.page.context.close()
    return median(renders)


async def reruns(browser: Browser, url: str, action, repeats: int) -> tuple[float, float]:
    seen, from_request = [], []
    for _ in range(repeats):
        tab = await new_tab(browser)
        await tab.load(url)
        total, server = await tab.rerun(action)
        seen.append(total)
        from_request.append(server)
        await tab.page.context.close()
    return median(seen), median(from_request)


# ---------------------------------------------------------------------------------------------
# Sessions without a browser: Streamlit's protocol over a plain WebSocket


class RawSession:
    """A session that asks the server to run a page and waits for "script finished"."""

    def __init__(self, socket):
        self.socket = socket

    @classmethod
    async def open(cls, server: AppServer) -> RawSession:
        url = server.url.replace("http://", "ws://") + "/_stcore/stream"
        return cls(await websockets.connect(url, subprotocols=["streamlit"], max_size=None))

    async def run(self, path: str) -> tuple[float, int]:
        """(ms from sending the request to script finished, messages in the run)."""
        request = BackMsg()
        request.rerun_script.page_name = path.strip("/")
        start = time.perf_counter()
        await self.socket.send(request.SerializeToString())
        messages = 0
        while True:
            messages += 1
            if message_kind(await self.socket.recv()) == "script_finished":
                return ms(time.perf_counter() - start), messages

    async def close(self) -> None:
        await self.socket.close()


async def server_only(server: AppServer, path: str, repeats: int) -> tuple[float, int]:
    session = await RawSession.open(server)
    try:
        await session.run(path)
        runs = [await session.run(path) for _ in range(repeats)]
    finally:
        await session.close()
    return median([t for t, _ in runs]), runs[-1][1]


async def server_only_concurrent(
    server: AppServer, path: str, count: int
) -> tuple[list[float], float]:
    """`count` sessions rerun the page at the same moment: (seconds each, server CPU ms per run)."""
    sessions = [await RawSession.open(server) for _ in range(count)]
    try:
        await asyncio.gather(*(session.run(path) for session in sessions))
        process = psutil.Process(server.process.pid)
        cpu_before = cpu_seconds(process)
        runs = await asyncio.gather(*(session.run(path) for session in sessions))
        cpu_per_run = ms(cpu_seconds(process) - cpu_before) / count
    finally:
        await asyncio.gather(*(session.close() for session in sessions))
    return [t / 1000 for t, _ in runs], cpu_per_run


# ---------------------------------------------------------------------------------------------
# Machine


def rss_mib(server: AppServer) -> float:
    return psutil.Process(server.process.pid).memory_info().rss / 2**20


def cpu_seconds(process: psutil.Process) -> float:
    times = process.cpu_times()
    return times.user + times.system


def chromium_cpu_seconds() -> float:
    total = 0.0
    for child in psutil.Process().children(recursive=True):
        try:
            if "chrom" in child.name():
                total += cpu_seconds(child)
        except psutil.NoSuchProcess:
            pass
    return total


def machine() -> str:
    cpu = platform.machine()
    for line in (
        Path("/proc/cpuinfo").read_text().splitlines() if Path("/proc/cpuinfo").exists() else []
    ):
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    memory = psutil.virtual_memory().total / 2**30
    return f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB, {platform.platform()}, Python {platform.python_version()}"


def calibration_ms(rounds: int = 5) -> float:
    """How fast this machine runs plain Python, timed in the same run as the app: the best of
    `rounds` of one fixed workload (dict, string and list work, the kind a page run does).
    Figures from two machines compare once each is divided by its own calibration."""

    def workload() -> int:
        counts: dict[str, int] = {}
        for number in range(300_000):
            key = f"option_{number % 997}"
            counts[key] = counts.get(key, 0) + len(key.split("_"))
        return sum(sorted(counts.values()))

    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        workload()
        best = min(best, time.perf_counter() - start)
    return best * 1000


# ---------------------------------------------------------------------------------------------
# The run


@dataclass
class Results:
    sessions: int
    repeats: int
    load_average: tuple[float, float, float] = (0.0, 0.0, 0.0)
    calibration_ms: tuple[float, float] = (0.0, 0.0)  # at the start and at the end of the run
    browser_version: str = ""
    cold_render_ms: dict[str, float] = field(default_factory=dict)
    render_ms: dict[str, float] = field(default_factory=dict)
    bare_render_ms: float = 0.0
    rerun_ms: float = 0.0
    rerun_from_request_ms: float = 0.0
    bare_rerun_ms: float = 0.0
    bare_rerun_from_request_ms: float = 0.0
    server_ms: dict[str, float] = field(default_factory=dict)
    messages: dict[str, int] = field(default_factory=dict)
    bare_server_ms: float = 0.0
    bare_messages: int = 0
    load_s: list[float] = field(default_factory=list)
    concurrent_rerun_s: list[float] = field(default_factory=list)
    concurrent_from_request_s: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    server_cpu_s: float = 0.0
    browser_cpu_s: float = 0.0
    server_only_concurrent_s: list[float] = field(default_factory=list)
    server_cpu_per_rerun_ms: float = 0.0
    rss_idle: float = 0.0
    rss_one: float = 0.0
    rss_many: float = 0.0

    @property
    def mib_per_session(self) -> float:
        """The first session stays open while the load phase adds `sessions` more."""
        return (self.rss_many - self.rss_one) / self.sessions


async def concurrent_sessions(browser: Browser, url: str, results: Results, app: AppServer) -> None:
    """N tabs of one context: all load at once, then all remove an option at once."""
    context = await browser.new_context(viewport=VIEWPORT)
    tabs = [Tab(await context.new_page()) for _ in range(results.sessions)]
    server = psutil.Process(app.process.pid)
    server_cpu, browser_cpu = cpu_seconds(server), chromium_cpu_seconds()
    loaded: list[Tab] = []

    async def load(tab: Tab, barrier: asyncio.Barrier) -> None:
        await barrier.wait()
        try:
            results.load_s.append(await tab.load(url) / 1000)
            loaded.append(tab)
        except Exception as error:
            results.errors.append(f"load: {error!r}")

    async def change(tab: Tab, barrier: asyncio.Barrier) -> None:
        await barrier.wait()
        try:
            total, from_request = await tab.rerun(remove_last_option)
            results.concurrent_rerun_s.append(total / 1000)
            results.concurrent_from_request_s.append(from_request / 1000)
            if await tab.exception_shown():
                results.errors.append("an exception element on the page")
        except Exception as error:
            results.errors.append(f"rerun: {error!r}")

    barrier = asyncio.Barrier(len(tabs))
    await asyncio.gather(*(load(tab, barrier) for tab in tabs))
    if loaded:
        barrier = asyncio.Barrier(len(loaded))
        await asyncio.gather(*(change(tab, barrier) for tab in loaded))
    await asyncio.sleep(2)  # let the server settle before reading its memory
    results.rss_many = rss_mib(app)
    results.server_cpu_s = cpu_seconds(server) - server_cpu
    results.browser_cpu_s = chromium_cpu_seconds() - browser_cpu
    results.errors += [error for tab in tabs for error in tab.errors]
    await context.close()


async def measure(sessions: int, repeats: int) -> Results:
    results = Results(sessions=sessions, repeats=repeats, load_average=psutil.getloadavg())
    at_start = calibration_ms()
    app = AppServer()
    bare = AppServer(script=BARE_SCRIPT)
    try:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=BENCH_ARGS)
            results.browser_version = browser.version

            # The first visitor after a start pays for imports and for reading the data.
            for path in PAGE_PATHS:
                results.cold_render_ms[path] = await first_renders(browser, app.url + path, 1)
            await first_renders(browser, bare.url, 1)

            results.bare_render_ms = await first_renders(browser, bare.url, repeats)
            for path in PAGE_PATHS:
                results.render_ms[path] = await first_renders(browser, app.url + path, repeats)
            results.bare_rerun_ms, results.bare_rerun_from_request_ms = await reruns(
                browser, bare.url, press_rerun_key, repeats
            )
            results.rerun_ms, results.rerun_from_request_ms = await reruns(
                browser, app.url + COMPARE, remove_last_option, repeats
            )

            results.bare_server_ms, results.bare_messages = await server_only(
                bare, "/", repeats * 2
            )
            for path in PAGE_PATHS:
                results.server_ms[path], results.messages[path] = await server_only(
                    app, path, repeats * 2
                )
            (
                results.server_only_concurrent_s,
                results.server_cpu_per_rerun_ms,
            ) = await server_only_concurrent(app, COMPARE, sessions)
            app.stop()
            bare.stop()

            # Memory and load on a fresh server, so that earlier sessions do not blur the figures.
            app = AppServer()
            results.rss_idle = rss_mib(app)
            first = await new_tab(browser)
            await first.load(app.url + COMPARE)
            await asyncio.sleep(2)
            results.rss_one = rss_mib(app)
            await concurrent_sessions(browser, app.url + COMPARE, results, app)
            await browser.close()
    finally:
        app.stop()
        bare.stop()
    results.calibration_ms = (at_start, calibration_ms())
    return results


# ---------------------------------------------------------------------------------------------
# Report


def verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def spread(values: list[float]) -> str:
    if not values:
        return "none"
    return f"{median(values):.2f} / {percentile(values, 0.95):.2f} / {max(values):.2f} s"


def report(r: Results) -> str:
    import streamlit

    p95 = percentile(r.concurrent_rerun_s, 0.95)
    summary = [
        f"| First render `{path}` | {r.render_ms[path]:.0f} ms | {r.bare_render_ms:.0f} ms | "
        f"{r.render_ms[path] / r.bare_render_ms:.2f}× | ≤ {TARGET_RATIO}× | "
        f"{verdict(r.render_ms[path] / r.bare_render_ms <= TARGET_RATIO)} |"
        for path in PAGE_PATHS
    ]
    summary.append(
        f"| Rerun after a widget change (`{COMPARE}`) | {r.rerun_ms:.0f} ms | {r.bare_rerun_ms:.0f} ms | "
        f"{r.rerun_ms / r.bare_rerun_ms:.2f}× | ≤ {TARGET_RATIO}× | {verdict(r.rerun_ms / r.bare_rerun_ms <= TARGET_RATIO)} |"
    )
    summary.append(
        f"| {r.sessions} sessions: p95 rerun | {p95:.2f} s | | | ≤ {TARGET_P95_S} s | {verdict(p95 <= TARGET_P95_S)} |"
    )
    summary.append(
        f"| {r.sessions} sessions: errors | {len(r.errors)} | | | 0 | {verdict(not r.errors)} |"
    )
    summary.append(
        f"| Memory per added session | {r.mib_per_session:.2f} MiB | | | ≤ {TARGET_MIB_PER_SESSION} MiB | "
        f"{verdict(r.mib_per_session <= TARGET_MIB_PER_SESSION)} |"
    )
    server_rows = [
        f"| `{path}` | {r.server_ms[path]:.0f} ms | {r.server_ms[path] / r.bare_server_ms:.2f}× | "
        f"{r.messages[path]} | {r.cold_render_ms[path]:.0f} ms |"
        for path in PAGE_PATHS
    ]
    errors = "\n".join(f"- {error}" for error in r.errors[:20]) or "- none"
    load = ", ".join(f"{value:.2f}" for value in r.load_average)
    return f"""{BEGIN}
## Latest results

- Date: {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}
- Machine: {machine()}; load average at the start {load} (other work on the machine skews times)
- Calibration: a fixed plain-Python workload (`calibration_ms`) took {r.calibration_ms[0]:.0f} ms at the start and {r.calibration_ms[1]:.0f} ms at the end of the run; divide a time by it to compare two machines
- Streamlit {streamlit.__version__}, Chromium {r.browser_version} (headless)
- Single-session figures are medians of {r.repeats} runs, each in a fresh browser context.

| What | App | Bare page | Ratio | Target | |
|---|---|---|---|---|---|
{chr(10).join(summary)}

A render runs from navigation start to Streamlit's "script finished" message; a rerun from the
click or key press to that message (the bare page reruns with its "r" key). From the rerun
request leaving the browser: app {r.rerun_from_request_ms:.0f} ms, bare page {r.bare_rerun_from_request_ms:.0f} ms.

### Server only (no browser)

The same page runs requested over a plain WebSocket, median of {r.repeats * 2}: what the server
and Streamlit's protocol cost without a page to draw. The bare page: {r.bare_server_ms:.0f} ms,
{r.bare_messages} messages.

| Page | Run | Ratio to the bare page | Messages per run | First render after a server start (browser) |
|---|---|---|---|---|
{chr(10).join(server_rows)}

### {r.sessions} sessions at once on `{COMPARE}`

{r.sessions} tabs of one browser context load the page together, then all remove an option at
the same moment (the worst case for the server's one Python process). p50 / p95 / max:

- Load (navigation to script finished): {spread(r.load_s)}
- Rerun (click to script finished): {spread(r.concurrent_rerun_s)}
- Rerun (request leaving the browser to script finished): {spread(r.concurrent_from_request_s)}
- CPU in this phase: server {r.server_cpu_s:.1f} s, Chromium {r.browser_cpu_s:.1f} s, on the same {os.cpu_count()} cores.
- Server only, {r.sessions} plain WebSockets rerunning `{COMPARE}` at once: {spread(r.server_only_concurrent_s)};
  server CPU per rerun {r.server_cpu_per_rerun_ms:.0f} ms.
- Errors: {len(r.errors)}

{errors}

### Server memory (RSS)

On a fresh server: idle (started, no session) {r.rss_idle:.0f} MiB; with 1 session on `{COMPARE}`
{r.rss_one:.0f} MiB; with 1 + {r.sessions} sessions (after the load phase above) {r.rss_many:.0f} MiB:
{r.mib_per_session:.2f} MiB per added session.
{END}"""


def update_report(results_text: str) -> None:
    """Replace the results part of docs/performance.md, keeping the written analysis."""
    if REPORT.exists() and BEGIN in (old := REPORT.read_text(encoding="utf-8")):
        before, rest = old.split(BEGIN, 1)
        text = before + results_text + rest.split(END, 1)[1]
    else:
        text = f"# Performance\n\nMeasured by `python bench/run.py` (see the README).\n\n{results_text}\n"
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(text, encoding="utf-8")


# ---------------------------------------------------------------------------------------------
# Profile (for a missed target): every page script, in-process through AppTest.


def profile(runs: int = 20) -> Path:
    """Profile the script runs only (Streamlit runs a script in its own thread, so the profiler
    is started and stopped around each run inside that thread)."""
    from pyinstrument import Profiler
    from streamlit.runtime.scriptrunner import script_runner
    from streamlit.testing.v1 import AppTest

    from explorer.ui.shell import PAGES

    profiler = Profiler(interval=0.0005)
    run_script = script_runner.exec_func_with_error_handling

    def profiled(*args, **kwargs):
        profiler.start()
        try:
            return run_script(*args, **kwargs)
        finally:
            profiler.stop()

    for page in (listed.path for listed in PAGES):
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        if page != "app.py":
            at.switch_page(page)
        at.run()  # imports and the data cache, outside the profile
        script_runner.exec_func_with_error_handling = profiled
        try:
            for _ in range(runs):
                at.run()
        finally:
            script_runner.exec_func_with_error_handling = run_script
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / "profile.html"
    path.write_text(profiler.output_html(), encoding="utf-8")
    print(profiler.output_text(unicode=True))
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=40)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument(
        "--no-write", action="store_true", help="print only; leave docs/performance.md"
    )
    parser.add_argument(
        "--profile", action="store_true", help="also profile every page script (pyinstrument)"
    )
    parser.add_argument(
        "--calibrate", action="store_true", help="only time the fixed plain-Python workload"
    )
    args = parser.parse_args()
    if args.calibrate:
        print(f"calibration: {calibration_ms():.0f} ms (best of 5)")
        return
    if args.sessions < 1:
        parser.error("--sessions needs at least 1")

    text = report(asyncio.run(measure(args.sessions, args.repeats)))
    print(re.sub(r"<!--.*?-->\n?", "", text))
    if not args.no_write:
        update_report(text)
        print(f"Updated {REPORT.relative_to(ROOT)}")
    if args.profile:
        print(f"Profile written to {profile().relative_to(ROOT)}")


if __name__ == "__main__":
    main()
