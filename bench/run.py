"""Performance benchmark: the app against the floor of its framework (a bare Streamlit page).
Not part of the test suite. Run from the repository root:

    python bench/run.py                 # everything; writes docs/performance.md
    python bench/run.py --sessions 10   # a quicker load phase
    python bench/run.py --profile       # also profile every page script with pyinstrument

In one run it starts the app and bench/bare_app.py (same settings) and measures with Playwright
and Debian's Chromium:

1. First render of every page for a new visitor (a fresh browser context; the server has
   served each page once), against the bare page.
2. A rerun after a widget change (an option removed on the comparison page), against a rerun
   of the bare page (its "r" key).
3. N concurrent sessions on the comparison page, as tabs of one browser context: all load
   together, then all change the option picker at the same moment. p50, p95, max and errors.
4. Server memory (RSS): idle, with 1 session and with N, as MiB per added session.

Times are read from the browser's own clock (performance.now) on the WebSocket: "server" times
run from the browser sending its request to receiving Streamlit's "script finished" message
(what the server and the connection cost), "render" from navigation start to that message.
Messages are decoded with Streamlit's ForwardMsg protobuf.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import os
import platform
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil
from playwright.async_api import Browser, Page, async_playwright
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.live import CHROMIUM, CHROMIUM_ARGS, PAGE_PATHS, AppServer  # noqa: E402

REPORT = ROOT / "docs" / "performance.md"
RESULTS = ROOT / "bench" / "results"
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
TIMEOUT_S = 120

TARGET_RATIO = 1.3
TARGET_P95_S = 0.5
TARGET_MIB_PER_SESSION = 1.0

def message_kind(payload: bytes | str) -> str:
    if isinstance(payload, str):
        return "text"
    return ForwardMsg.FromString(payload).WhichOneof("type") or "other"


class Tab:
    """One browser tab, with every WebSocket message it sent and received, timed on arrival at
    this process (Chromium's network layer reports them as they pass, whatever its page is
    busy with) and decoded."""

    def __init__(self, page: Page):
        self.page = page
        self.received: list[tuple[str, float]] = []  # (ForwardMsg kind, time)
        self.sent: list[float] = []
        self.errors: list[str] = []
        page.on("websocket", self._watch)
        page.on("pageerror", lambda error: self.errors.append(f"page error: {error}"))

    def _watch(self, socket) -> None:
        socket.on("framereceived", lambda payload: self.received.append((message_kind(payload), time.perf_counter())))
        socket.on("framesent", lambda payload: self.sent.append(time.perf_counter()))

    def times(self, kind: str) -> list[float]:
        return [t for k, t in self.received if k == kind]

    async def wait_for_runs(self, count: int) -> float:
        """Wait for the `count`-th "script finished" message and return when it came."""
        deadline = time.monotonic() + TIMEOUT_S
        while len(self.times("script_finished")) < count:
            if time.monotonic() > deadline:
                raise TimeoutError(f"no script-finished message #{count} within {TIMEOUT_S} s")
            await asyncio.sleep(0.002)
        return self.times("script_finished")[count - 1]

    async def load(self, url: str) -> tuple[float, float]:
        """Open the page: (ms from navigation to script finished, ms of the script run on the
        server: its "new session" to its "script finished" message)."""
        start = time.perf_counter()
        await self.page.goto(url, timeout=TIMEOUT_S * 1000)
        finished = await self.wait_for_runs(1)
        return ms(finished - start), ms(finished - self.times("new_session")[0])

    async def rerun(self, action) -> tuple[float, float]:
        """Do something that reruns the script: (ms from starting the action, ms from the
        request leaving the browser) to the script-finished message."""
        before = len(self.times("script_finished"))
        start = time.perf_counter()
        await action(self.page)
        finished = await self.wait_for_runs(before + 1)
        request = min(t for t in self.sent if t >= start)
        return ms(finished - start), ms(finished - request)

    async def exception_shown(self) -> bool:
        return await self.page.locator("[data-testid='stException']").count() > 0


def ms(seconds: float) -> float:
    return seconds * 1000


async def new_tab(browser: Browser) -> Tab:
    context = await browser.new_context(viewport=VIEWPORT)
    return Tab(await context.new_page())


async def remove_last_option(page: Page) -> None:
    await page.get_by_role("button", name="Remove Spinal fusion").click()


async def press_rerun_key(page: Page) -> None:
    await page.keyboard.press("r")


def median(values: list[float]) -> float:
    return statistics.median(values)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


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


@dataclass
class Results:
    sessions: int
    repeats: int
    cold_render_ms: dict[str, float] = field(default_factory=dict)
    render_ms: dict[str, float] = field(default_factory=dict)
    script_ms: dict[str, float] = field(default_factory=dict)
    bare_render_ms: float = 0.0
    bare_script_ms: float = 0.0
    rerun_ms: float = 0.0
    rerun_server_ms: float = 0.0
    bare_rerun_ms: float = 0.0
    bare_rerun_server_ms: float = 0.0
    load_s: list[float] = field(default_factory=list)
    concurrent_rerun_s: list[float] = field(default_factory=list)
    concurrent_rerun_server_s: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    rss_idle: float = 0.0
    rss_one: float = 0.0
    rss_many: float = 0.0
    server_cpu_s: float = 0.0
    browser_cpu_s: float = 0.0
    browser_version: str = ""

    @property
    def mib_per_session(self) -> float:
        return (self.rss_many - self.rss_one) / (self.sessions - 1)


async def first_renders(browser: Browser, url: str, repeats: int) -> tuple[float, float]:
    renders, scripts = [], []
    for _ in range(repeats):
        tab = await new_tab(browser)
        render, script = await tab.load(url)
        renders.append(render)
        scripts.append(script)
        await tab.page.context.close()
    return median(renders), median(scripts)


async def reruns(browser: Browser, url: str, action, repeats: int) -> tuple[float, float]:
    seen, server = [], []
    for _ in range(repeats):
        tab = await new_tab(browser)
        await tab.load(url)
        total, from_request = await tab.rerun(action)
        seen.append(total)
        server.append(from_request)
        await tab.page.context.close()
    return median(seen), median(server)


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
            render, _ = await tab.load(url)
            results.load_s.append(render / 1000)
            loaded.append(tab)
        except Exception as error:  # noqa: BLE001 - every failure is a counted error
            results.errors.append(f"load: {error!r}")

    async def change(tab: Tab, barrier: asyncio.Barrier) -> None:
        await barrier.wait()
        try:
            total, from_request = await tab.rerun(remove_last_option)
            results.concurrent_rerun_s.append(total / 1000)
            results.concurrent_rerun_server_s.append(from_request / 1000)
            if await tab.exception_shown():
                results.errors.append("an exception element on the page")
        except Exception as error:  # noqa: BLE001
            results.errors.append(f"rerun: {error!r}")

    barrier = asyncio.Barrier(len(tabs))
    await asyncio.gather(*(load(tab, barrier) for tab in tabs))
    barrier = asyncio.Barrier(len(loaded))
    await asyncio.gather(*(change(tab, barrier) for tab in loaded))
    await asyncio.sleep(2)  # let the server settle before reading its memory
    results.rss_many = rss_mib(app)
    results.server_cpu_s = cpu_seconds(server) - server_cpu
    results.browser_cpu_s = chromium_cpu_seconds() - browser_cpu
    results.errors += [error for tab in tabs for error in tab.errors]
    await context.close()


async def measure(sessions: int, repeats: int) -> Results:
    results = Results(sessions=sessions, repeats=repeats)
    app = AppServer()
    bare = AppServer(script=BARE_SCRIPT)
    try:
        results.rss_idle = rss_mib(app)
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=BENCH_ARGS)
            results.browser_version = browser.version

            # The first visitor after a start pays for imports and for reading the data.
            for path in PAGE_PATHS:
                results.cold_render_ms[path], _ = await first_renders(browser, app.url + path, 1)
            await first_renders(browser, bare.url, 1)

            results.bare_render_ms, results.bare_script_ms = await first_renders(browser, bare.url, repeats)
            for path in PAGE_PATHS:
                results.render_ms[path], results.script_ms[path] = await first_renders(browser, app.url + path, repeats)

            results.bare_rerun_ms, results.bare_rerun_server_ms = await reruns(browser, bare.url, press_rerun_key, repeats)
            results.rerun_ms, results.rerun_server_ms = await reruns(browser, app.url + COMPARE, remove_last_option, repeats)

            one = await new_tab(browser)
            await one.load(app.url + COMPARE)
            await asyncio.sleep(2)
            results.rss_one = rss_mib(app)
            await one.page.context.close()

            await concurrent_sessions(browser, app.url + COMPARE, results, app)
            await browser.close()
    finally:
        app.stop()
        bare.stop()
    return results


# ---------------------------------------------------------------------------------------------
# Report

def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = psutil.virtual_memory().total / 2**30
    return f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB, {platform.platform()}, Python {platform.python_version()}"


def verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def report(r: Results) -> str:
    import streamlit

    rows = []
    for path in PAGE_PATHS:
        ratio = r.render_ms[path] / r.bare_render_ms
        rows.append(
            f"| First render `{path}` | {r.render_ms[path]:.0f} ms | {r.bare_render_ms:.0f} ms | {ratio:.2f}× | "
            f"≤ {TARGET_RATIO}× | {verdict(ratio <= TARGET_RATIO)} |"
        )
    rerun_ratio = r.rerun_ms / r.bare_rerun_ms
    rows.append(
        f"| Rerun after a widget change (`{COMPARE}`) | {r.rerun_ms:.0f} ms | {r.bare_rerun_ms:.0f} ms | "
        f"{rerun_ratio:.2f}× | ≤ {TARGET_RATIO}× | {verdict(rerun_ratio <= TARGET_RATIO)} |"
    )
    p95 = percentile(r.concurrent_rerun_s, 0.95) if r.concurrent_rerun_s else float("nan")
    server_rows = [
        f"| `{path}` | {r.script_ms[path]:.0f} ms | {r.script_ms[path] / r.bare_script_ms:.1f}× | {r.cold_render_ms[path]:.0f} ms |"
        for path in PAGE_PATHS
    ]

    def spread(values: list[float]) -> str:
        if not values:
            return "none"
        return f"{median(values):.2f} s / {percentile(values, 0.95):.2f} s / {max(values):.2f} s"

    errors = "\n".join(f"- {error}" for error in r.errors[:20]) or "- none"
    return f"""# Performance

Measured by `python bench/run.py` (see the README, "Performance"). The script rewrites this file.

- Date: {dt.datetime.now().astimezone():%Y-%m-%d %H:%M %Z}
- Machine: {machine()}
- Streamlit {streamlit.__version__}, Chromium {r.browser_version} (headless), Playwright
- Each single-session figure is the median of {r.repeats} runs, each in a fresh browser context.

## Against the bare page

The floor is `bench/bare_app.py` (one `st.write`) served with the same settings. A render runs
from navigation start to Streamlit's "script finished" message reaching the browser; a rerun from
the key or pointer press to that message.

| What | App | Bare page | Ratio | Target | |
|---|---|---|---|---|---|
{chr(10).join(rows)}

Where the time goes on the server (from Streamlit's "new session" to "script finished" message,
median) and the very first render after a server start (imports, reading the data):

| Page | Script run | Ratio to the bare page ({r.bare_script_ms:.0f} ms) | First render after start |
|---|---|---|---|
{chr(10).join(server_rows)}

Rerun from the request leaving the browser to "script finished": app {r.rerun_server_ms:.0f} ms, bare page {r.bare_rerun_server_ms:.0f} ms.

## {r.sessions} sessions at once on `{COMPARE}`

{r.sessions} tabs of one browser context load the page together, then all remove an option at
the same moment (the worst case for the server's one Python process).

| What | p50 / p95 / max | Target | |
|---|---|---|---|
| Load (navigation to script finished) | {spread(r.load_s)} | | |
| Rerun (press to script finished) | {spread(r.concurrent_rerun_s)} | p95 ≤ {TARGET_P95_S} s | {verdict(p95 <= TARGET_P95_S)} |
| Rerun (request leaving the browser to script finished) | {spread(r.concurrent_rerun_server_s)} | | |
| Errors | {len(r.errors)} | 0 | {verdict(not r.errors)} |

CPU during this phase: server {r.server_cpu_s:.1f} s, Chromium {r.browser_cpu_s:.1f} s (both on
the same {os.cpu_count()} cores).

Errors:
{errors}

## Server memory (RSS)

| Idle (started, no session) | 1 session | {r.sessions} sessions | Per added session | Target | |
|---|---|---|---|---|---|
| {r.rss_idle:.0f} MiB | {r.rss_one:.0f} MiB | {r.rss_many:.0f} MiB | {r.mib_per_session:.2f} MiB | ≤ {TARGET_MIB_PER_SESSION} MiB | {verdict(r.mib_per_session <= TARGET_MIB_PER_SESSION)} |
"""


# ---------------------------------------------------------------------------------------------
# Profile (for a missed target): every page script, in-process through AppTest.

def profile(runs: int = 20) -> Path:
    from pyinstrument import Profiler
    from streamlit.testing.v1 import AppTest

    from explorer.frame import PAGES

    profiler = Profiler(interval=0.0005)
    for page, _ in PAGES:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        if page != "app.py":
            at.switch_page(page)
        at.run()  # imports and the data cache, outside the profile
        profiler.start()
        for _ in range(runs):
            at.run()
        profiler.stop()
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / "profile.html"
    path.write_text(profiler.output_html(), encoding="utf-8")
    print(profiler.output_text(unicode=True, show_all=False))
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=40)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--no-write", action="store_true", help="print only; leave docs/performance.md")
    parser.add_argument("--profile", action="store_true", help="also profile every page script (pyinstrument)")
    args = parser.parse_args()
    if args.sessions < 2:
        parser.error("--sessions needs at least 2")

    text = report(asyncio.run(measure(args.sessions, args.repeats)))
    print(text)
    if not args.no_write:
        REPORT.parent.mkdir(parents=True, exist_ok=True)
        REPORT.write_text(text, encoding="utf-8")
        print(f"Written to {REPORT.relative_to(ROOT)}")
    if args.profile:
        print(f"Profile written to {profile().relative_to(ROOT)}")


if __name__ == "__main__":
    main()
