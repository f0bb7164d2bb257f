"""Shared fixtures: a clean Streamlit cache per test, and a private copy of data/ to break. The
tiers as markers, and the system programs the tests need."""

from __future__ import annotations

import csv
import os
import shutil
import sys
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing import v1 as streamlit_testing

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"

# The system programs tests run, and the Debian package of each (scripts/install.sh installs them).
PACKAGES = {
    "chromium": "chromium",
    "pdftoppm": "poppler-utils",
    "pdfinfo": "poppler-utils",
    "pdftotext": "poppler-utils",
    "nginx": "nginx",
    "openssl": "openssl",
}
# Debian puts nginx in /usr/sbin, which a normal user's PATH may not list.
SEARCH_PATH = os.pathsep.join([os.environ.get("PATH", ""), "/usr/sbin", "/sbin"])


def require_program(name: str, path: str | None = None) -> str:
    """The path of the program `name` (or the exact `path`, if given). If it is missing, the test
    fails with one line saying which Debian package to install, not a traceback."""
    if path:
        found = path if os.access(path, os.X_OK) else None
    else:
        found = shutil.which(name, path=SEARCH_PATH)
    if not found:
        package = PACKAGES[name]
        message = (
            f"{path or name} not found: install Debian's {package} (sudo apt-get install {package}),"
            " or run bash scripts/run-tests.sh"
        )
        _missing.add(message)
        pytest.fail(message, pytrace=False)
    return found


_missing: set[str] = set()


def pytest_terminal_summary(terminalreporter):
    # pytest's short summary leaves out a message given without a traceback: repeat each once.
    if _missing:
        terminalreporter.section("missing programs")
        for message in sorted(_missing):
            terminalreporter.write_line(message)


TIERS = ("unit", "pages", "browser", "deploy")


def _uses_apptest(module) -> bool:
    """The module runs pages with AppTest, itself or through a helper of another test module
    (tests/test_pages.py's open_page)."""
    if module is None:
        return False
    # This file imports only AppTest's module, so its own helpers do not count.
    AppTest = streamlit_testing.AppTest
    for value in vars(module).values():
        home = getattr(value, "__module__", None)
        if value is AppTest or (
            isinstance(home, str)
            and home.startswith("tests.")
            and getattr(sys.modules.get(home), "AppTest", None) is AppTest
        ):
            return True
    return False


def pytest_collection_modifyitems(config, items):
    # Each test gets its tier by where it lives, so `pytest -m "unit or pages"` runs the fast ones.
    for item in items:
        if any(item.get_closest_marker(tier) for tier in TIERS):
            continue
        folder = item.path.parent.name
        if folder in ("browser", "deploy"):
            item.add_marker(folder)
        elif _uses_apptest(getattr(item, "module", None)):
            item.add_marker("pages")
        else:
            item.add_marker("unit")


def pytest_configure(config):
    # pytest-playwright's artifact folder (screenshots and traces of failed browser tests). Set
    # here, not in pytest.ini, so that pytest still runs where that plugin is not installed.
    if getattr(config.option, "output", None) == "test-results":
        config.option.output = str(ROOT / "test-artifacts")


@pytest.fixture(autouse=True)
def clear_streamlit_cache():
    # The cache is process-wide: without this, one test's data would leak into the next.
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of data/ that a test may edit; the real files are never touched."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def write_rows(path: Path, rows: list[dict[str, str]], columns: list[str] | None = None) -> None:
    columns = columns or list(rows[0])
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def set_cell(path: Path, row_index: int, column: str, value: str) -> int:
    """Change one cell; returns the row number as a spreadsheet shows it (header = row 1)."""
    rows = read_rows(path)
    rows[row_index][column] = value
    write_rows(path, rows)
    return row_index + 2
