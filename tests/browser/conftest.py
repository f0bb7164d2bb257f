"""Browser tier: Debian's Chromium driven by pytest-playwright against a real app server.

The app runs on the shipped content (data/, or the folder EXPLORER_SHIPPED_DATA names, as for the
content rules in tests/content/), and the tests take every id, name and number they look for from
that same content (`CONTENT`), never as literals: a clinic's valid edit to data/ (a sixth option,
a reworded name, a renamed id) leaves this tier green. To check that on an edited copy:

    EXPLORER_SHIPPED_DATA=/tmp/edited .venv/bin/python -m pytest -m browser"""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from explorer.data import Content
from tests.conftest import ROOT, loaded, require_program, shipped_data
from tests.live import CHROMIUM, CHROMIUM_ARGS, LOCAL_HOSTS, AppServer

ARTIFACTS = ROOT / "test-artifacts" / "screenshots"
# A page's rerun on a loaded machine (CI, several browsers) can take longer than Playwright's 5 s
# default for an expected text or state; waiting longer never passes a wrong page.
expect.set_options(timeout=20_000)

# The window sizes every page must work at: a laptop and a phone.
SIZES = {"laptop": (1280, 800), "phone": (390, 844)}

# The folder the app under test reads, and its content as the tests read it.
BROWSER_DATA = shipped_data()
CONTENT: Content = loaded(BROWSER_DATA)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    chromium = require_program("chromium", CHROMIUM)
    return {**browser_type_launch_args, "executable_path": chromium, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def _worker_context(browser, browser_context_args):
    context = browser.new_context(**browser_context_args)
    yield context
    context.close()


@pytest.fixture
def context(_worker_context):
    """One browser context per test worker, each test on its own new page (a tab): Streamlit's
    scripts, compiled once, are kept in its cache, where a new context per test fetched and
    compiled them for every page (a quarter of a page's load). A Streamlit session is the tab's,
    so nothing of one test's session reaches the next; its cookies and pages are cleared after."""
    yield _worker_context
    for page in _worker_context.pages:
        page.close()
    _worker_context.clear_cookies()


@pytest.fixture(scope="session")
def app_server():
    server = AppServer(data_dir=BROWSER_DATA)
    yield server
    server.stop()


# What a running app is made of: a copy of these is a complete app.
APP_PARTS = ("app.py", "views", "explorer", "content", "data", ".streamlit")


def copy_app(target: Path) -> Path:
    """A runnable copy of the app (code, page copy, data and settings) in `target`; its data/ is
    a copy of the folder the browser tier runs on."""
    target.mkdir(parents=True, exist_ok=True)
    for part in APP_PARTS:
        source = BROWSER_DATA if part == "data" else ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    return target


@pytest.fixture
def broken_app(tmp_path):
    """Start an app on a copy of the data; the test breaks the copy first via the callback."""
    servers = []

    def start(break_data) -> tuple[AppServer, Path]:
        data_dir = tmp_path / "data"
        shutil.copytree(BROWSER_DATA, data_dir)
        break_data(data_dir)
        server = AppServer(data_dir=data_dir)
        servers.append(server)
        return server, data_dir

    yield start
    for server in servers:
        server.stop()


def wait_for_app(page, paint_ms: int = 300) -> None:
    """Wait until Streamlit has connected, finished running the page script, and shown it all:
    the browser loads the code for charts and st.html (our styles) afterwards, showing a grey
    placeholder (stSkeleton) meanwhile, which a test on a busy machine would otherwise see.
    `paint_ms` lets the last elements paint: less where no layout is measured."""
    page.wait_for_selector(
        "[data-testid='stApp'][data-test-connection-state='CONNECTED']", timeout=30_000
    )
    page.wait_for_selector(
        "[data-testid='stApp'][data-test-script-state='notRunning']", timeout=30_000
    )
    page.wait_for_function(  # and the last run's leftovers (stale elements) are cleared away
        """() => !document.querySelector("[data-testid='stSkeleton'], [data-stale='true']")
            && [...document.querySelectorAll('style')].some(style => style.textContent.includes('st-key-label-'))""",
        timeout=30_000,
    )
    page.wait_for_timeout(paint_ms)


# Counts the runs that start from now on: Streamlit marks the app "running" while a run lasts.
WATCH_RUNS = """() => {
    const app = document.querySelector("[data-testid='stApp']");
    window.runsStarted = 0;
    window.runWatch?.disconnect();
    window.runWatch = new MutationObserver(() => {
        if (app.getAttribute('data-test-script-state') === 'running') window.runsStarted++;
    });
    window.runWatch.observe(app, {attributes: true, attributeFilter: ['data-test-script-state']});
}"""


def click_and_wait(page, control, paint_ms: int = 300) -> None:
    """Click a control whose change reruns the page (or its part), and wait for THAT run to end:
    on a busy machine the run can start after wait_for_app has already looked (seen in CI)."""
    page.evaluate(WATCH_RUNS)
    control.click()
    page.wait_for_function("() => window.runsStarted > 0", timeout=30_000)
    wait_for_app(page, paint_ms)


def open_page(page, url: str) -> None:
    page.goto(url)
    wait_for_app(page)


def open_change(page) -> None:
    """Open the Showing line's Change button: the situation chooser and the option picker."""
    page.locator("[class*='st-key-controls-change'] button").first.click()
    page.locator("[data-testid='stPopoverBody'] [data-testid='stButtonGroup']").wait_for()


def open_at_size(page, url: str, size: tuple[int, int]) -> None:
    """Open a page in a window of `size` (width, height) and check it ran without an exception."""
    width, height = size
    page.set_viewport_size({"width": width, "height": height})
    open_page(page, url)
    assert page.locator("[data-testid='stException']").count() == 0


def screenshot(page, name: str) -> Path:
    """Save a screenshot of the whole page (Streamlit scrolls inside its main block)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def table_rows(page, table) -> list[dict[str, str]]:
    """The rows of an st.table as {column header: cell text} (the index column left out)."""
    return page.locator(table).evaluate(
        """table => {
            const headers = [...table.querySelectorAll("thead th")].map(th => th.innerText.trim());
            return [...table.querySelectorAll("tbody tr")].map(tr => {
                const cells = [...tr.children].map(cell => cell.innerText.trim());
                return Object.fromEntries(headers.map((h, i) => [h, cells[i]]));
            });
        }"""
    )


def horizontal_overflow(page) -> int:
    """How many pixels the page is wider than the window (0 = no sideways scrolling)."""
    return page.evaluate(
        "Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth"
    )


def watch_outside_requests(page) -> list[str]:
    """Block every request of this page that would leave this machine, and return the (growing)
    list of the addresses it tried."""
    outside: list[str] = []

    def handle(route):
        if urlsplit(route.request.url).hostname in LOCAL_HOSTS:
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", handle)
    # WebSockets are not routed: record any that would leave the machine.
    page.on(
        "websocket",
        lambda socket: urlsplit(socket.url).hostname in LOCAL_HOSTS or outside.append(socket.url),
    )
    return outside


_AXE = Axe()
SERIOUS = ("serious", "critical")


def serious_accessibility_problems(page) -> list[str]:
    """axe-core's serious and critical violations on the page as it is now (minor and moderate
    ones, like the dataframe grid's empty-table-header, are left to review)."""
    violations = _AXE.run(page).response["violations"]
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[node['target'] for node in v['nodes']]}"
        for v in violations
        if v["impact"] in SERIOUS
    ]
