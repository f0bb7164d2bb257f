"""Shared fixtures and helpers.

Code tests run on the small fixture data set in tests/fixtures/data (`content`, `data_copy`, and
every page run by AppTest, through EXPLORER_DATA_DIR), so a clinic's valid edit to data/ never
turns them red. The shipped content in data/ is checked by rules in tests/content/
(`shipped_content`; `copy_data(DATA, ...)` for an edited copy). Also: the tiers as markers,
and the system programs the tests need."""

from __future__ import annotations

import csv
import functools
import os
import shutil
import sys
from collections import OrderedDict
from datetime import date
from pathlib import Path

import pytest
from streamlit.testing import v1 as streamlit_testing

from explorer import decide, memo, review
from explorer.data import DATA_DIR_VARIABLE, Content, load_content
from explorer.rules.report import Problem
from explorer.rules.vocabulary import split_ids
from explorer.store import Snapshot, load_snapshot

ROOT = Path(__file__).resolve().parent.parent
# The content the app ships: only tests/content/ (rules about it) and tests/test_new_option.py
# read it, and the browser and deploy tiers, which run the real app.
DATA = ROOT / "data"
# The folder the content rules check (tests/content/): data/ unless this names another, as
# tests/test_new_option.py does to check the rules on a copy of data/ with a sixth option.
SHIPPED_DATA_VARIABLE = "EXPLORER_SHIPPED_DATA"
# The small, made-up data set the code tests run on (its names and ids are not the shipped ones).
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "data"

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
    (tests/apptest.py's open_page)."""
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


@functools.cache
def snapshot_of(folder: Path) -> Snapshot:
    """Every language's checked content of a data folder that tests only read, loaded once per
    process (not once per test module: each load is half a second)."""
    return load_snapshot(folder)


@functools.cache
def loaded(folder: Path) -> Content:
    """The checked English content of a data folder that tests only read, loaded once per
    process (its translations need not pass)."""
    result = load_content(folder)
    assert not result.problems, [problem.message("en") for problem in result.problems]
    return result.content


def fixture_content() -> Content:
    """The fixture data set's content, for module-level use (e.g. a parametrize list)."""
    return loaded(FIXTURE_DATA)


@pytest.fixture(scope="session")
def content() -> Content:
    """The fixture data set's content: what code tests run on."""
    return fixture_content()


def shipped_data() -> Path:
    """The data folder the content rules check: data/, or the folder SHIPPED_DATA_VARIABLE names."""
    return Path(os.environ.get(SHIPPED_DATA_VARIABLE, DATA))


@pytest.fixture(scope="session")
def shipped_content() -> Content:
    """The content in data/ (see shipped_data): for rules about the shipped content only."""
    return loaded(shipped_data())


def copy_data(source: Path, target: Path) -> Path:
    """A copy of a data folder that a test may edit or break; the source is never touched."""
    shutil.copytree(source, target)
    return target


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of the fixture data that a test may edit or break."""
    return copy_data(FIXTURE_DATA, tmp_path / "data")


@pytest.fixture
def served_data_copy(data_copy: Path, monkeypatch) -> Path:
    """A copy of the fixture data that pages run by AppTest read, where a page run sees every
    edit made before it. The app looks at its files at most once a second (runtime.LOOK_EVERY_S),
    and two page runs can come within a second on a fast machine."""
    from explorer.ui import runtime

    monkeypatch.setenv(DATA_DIR_VARIABLE, str(data_copy))
    monkeypatch.setattr(runtime, "LOOK_EVERY_S", 0.0)
    return data_copy


@pytest.fixture
def fresh_memo(monkeypatch):
    """An empty memo for this test: it keeps results for the whole process, by the content's
    files, so a copy of the fixture data finds what another test worked out."""
    monkeypatch.setattr(memo, "_kept", OrderedDict())
    monkeypatch.setattr(memo, "_made_by", {})


@pytest.fixture
def sure_validated_in(tmp_path, monkeypatch):
    """Set the languages whose SURE questions are a validated version, as content/instruments.toml
    does: sure_validated_in("en"), or none at all. Tests need not follow the shipped setting."""

    def setting(*languages: str) -> None:
        path = tmp_path / f"instruments-{'-'.join(languages)}.toml"
        listed = ", ".join(f'"{language}"' for language in languages)
        path.write_text(f"[sure]\nvalidated_languages = [{listed}]\n", encoding="utf-8")
        monkeypatch.setattr(decide, "INSTRUMENTS_FILE", path)

    return setting


def problems_of(folder: Path) -> list[Problem]:
    """Every problem in a folder that must not load: a broken file never produces content."""
    result = load_content(folder)
    assert result.content is None, "a broken file must not produce content"
    return result.problems


def only_problem(folder: Path) -> Problem:
    [problem] = problems_of(folder)
    return problem


# Tests never read the clock: the content's review is seen from this day (explorer/review.py),
# before the next review dates of the fixture and the shipped data. A test that needs another
# day sets it itself (tests/test_review.py's `on`).
TODAY = date(2026, 12, 5)


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch):
    monkeypatch.setattr(review, "today", lambda: TODAY)


@pytest.fixture(autouse=True)
def app_data_dir(request, monkeypatch):
    """Pages run by AppTest read the fixture data unless a test points them elsewhere
    (monkeypatch.setenv(DATA_DIR_VARIABLE, ...)). The browser and deploy tiers start real app
    processes on the shipped data and set their own folder."""
    if request.node.path.parent.name not in ("browser", "deploy"):
        monkeypatch.setenv(DATA_DIR_VARIABLE, str(FIXTURE_DATA))


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


def row_index(path: Path, **match: str) -> int:
    """Index (0 = first data row) of the first row whose cells match."""
    return next(
        i for i, row in enumerate(read_rows(path)) if all(row[k] == v for k, v in match.items())
    )


def rename_id(folder: Path, columns: tuple[str, ...], old: str, new: str) -> None:
    """Rename an id everywhere: in every file's id columns and in lists of ids ('a; b')."""
    for path in sorted(folder.glob("*.csv")):
        rows = read_rows(path)
        for row in rows:
            for column in set(columns) & set(row):
                if old in split_ids(row[column]):
                    parts = split_ids(row[column])
                    row[column] = "; ".join(new if part == old else part for part in parts)
        write_rows(path, rows)


@pytest.fixture
def mock_ehr():
    """The mock EHR (tests/mock_ehr.py) on a free local port, stopped after the test."""
    from tests.mock_ehr import MockEHR

    ehr = MockEHR().start()
    yield ehr
    ehr.stop()


@pytest.fixture
def smart_settings(mock_ehr, monkeypatch) -> dict[str, str]:
    """The clinic's SMART settings trusting the mock EHR, set for this test process (AppTest)."""
    from explorer import smart
    from tests.mock_ehr import CLIENT_ID

    settings = {smart.CLIENT_ID_VARIABLE: CLIENT_ID, smart.ISS_ALLOWED_VARIABLE: mock_ehr.iss}
    for name, value in settings.items():
        monkeypatch.setenv(name, value)
    return settings
