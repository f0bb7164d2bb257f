"""A sixth option added through the CSV files alone (tests/new_option.py, on a copy of data/):
the data passes the check, the content rules in tests/content/ still hold, and every page opens
and lists the new option wherever it lists the others. No code or test names the options."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from explorer.__main__ import main as explorer_main
from explorer.data import DATA_DIR_VARIABLE, load_content
from explorer.rules.vocabulary import split_ids
from explorer.ui import shell
from explorer.words import t
from tests.apptest import open_page
from tests.conftest import DATA, ROOT, SHIPPED_DATA_VARIABLE, copy_data, fixture_content
from tests.new_option import OPTION_LISTS, PER_OPTION, add_option, listed_option


@pytest.fixture(scope="module")
def six_options(tmp_path_factory):
    """A copy of data/ with a sixth option, and that option."""
    folder = copy_data(DATA, tmp_path_factory.mktemp("sixth") / "data")
    return folder, add_option(folder, like=listed_option(folder))


# The tool, on the fixture data ------------------------------------------------------------------
@pytest.mark.unit
def test_the_tool_adds_an_option_with_a_row_wherever_each_option_has_one(data_copy):
    before = fixture_content()
    added = add_option(data_copy, "extra", "An extra option", "Extra", like="nerve_block")
    result = load_content(data_copy)
    assert [p.message("en") for p in result.problems] == []
    content = result.content
    assert list(content.options["option_id"]) == [*before.options["option_id"], "extra"]
    assert content.option_names()["extra"] == added.name
    assert content.no_procedure_option == before.no_procedure_option  # the role stays put
    for file_name, column in PER_OPTION.items():
        table = content.tables[file_name]
        mine = table[table[column] == "extra"]
        like = table[table[column] == "nerve_block"]
        assert len(mine) == len(like) > 0, file_name
    offer = content.offer  # rows by status: an established neighbour has none to copy
    assert offer[offer["option_id"] == "extra"].empty
    for file_name, column in OPTION_LISTS.items():
        lists = [split_ids(cell) for cell in content.tables[file_name][column]]
        assert [("extra" in ids) for ids in lists] == [("nerve_block" in ids) for ids in lists]


# The shipped data with a sixth option -----------------------------------------------------------
@pytest.mark.unit
def test_the_sixth_option_passes_the_apps_check(six_options, capsys):
    folder, added = six_options
    assert explorer_main(["check", str(folder)]) == 0
    content = load_content(folder).content
    assert content.options["option_id"].iloc[-1] == added.option_id
    assert len(content.options) == len(load_content(DATA).content.options) + 1


# The content rules, in one more pytest run on the copy: each more part started pytest and loaded
# the data once more (they were split while the PDF's rule alone took minutes).
CONTENT_RULES = ROOT / "tests" / "content"


@pytest.mark.unit
def test_the_content_rules_hold_with_a_sixth_option(six_options):
    # The rules in tests/content/ read the folder SHIPPED_DATA_VARIABLE names.
    folder, _ = six_options
    command = [sys.executable, "-m", "pytest", str(CONTENT_RULES.relative_to(ROOT)), "-q"]
    done = subprocess.run(
        [*command, "-p", "no:cacheprovider", "-p", "no:xdist"],
        cwd=ROOT,
        env={**os.environ, SHIPPED_DATA_VARIABLE: str(folder)},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert " passed" in done.stdout and "failed" not in done.stdout


def shown(at) -> str:
    """Every word a page shows: text, Markdown, headings, notes, tables, the choices of its
    widgets, code blocks and the alt text and data of its charts."""
    parts = [
        element.value
        for kind in ("text", "markdown", "title", "header", "subheader", "caption")
        for element in getattr(at, kind)
    ]
    parts += [
        element.value
        for kind in ("info", "warning", "success", "error")
        for element in getattr(at, kind)
    ]
    parts += [element.value for element in at.code]
    parts += [table.value.to_string() for table in [*at.table, *at.dataframe]]
    for kind in ("multiselect", "selectbox", "radio"):
        for widget in getattr(at, kind):
            parts += [str(option) for option in widget.options]
    for chart in at.get("vega_lite_chart"):
        parts += [chart.proto.alt, chart.proto.spec]
        parts += [json.dumps(str(data.data.data)) for data in chart.proto.datasets]
    return "\n".join(parts).replace("\\", "")


# The pages that list every option (their default), by name or short name.
LISTING_PAGES = {
    "app.py",
    "views/compare.py",
    "views/charts.py",
    "views/chances.py",
    "views/what_matters.py",
    "views/summary.py",
}


@pytest.mark.parametrize("page", shell.PAGES, ids=lambda page: page.page_id)
def test_every_page_opens_and_lists_the_sixth_option_beside_the_others(
    six_options, page, monkeypatch
):
    folder, added = six_options
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(folder))
    at = open_page(page.path)
    assert not at.exception
    assert len(at.title) == 1
    content = load_content(folder).content
    text = shown(at)
    listed = [
        option_id
        for option_id, name, short_name in content.options[
            ["option_id", "name", "short_name"]
        ].values
        if name in text or short_name in text
    ]
    # A page that lists the options (all of them, by default) lists the new one too.
    others = [
        option_id for option_id in content.options["option_id"] if option_id != added.option_id
    ]
    if set(others) <= set(listed) or page.path in LISTING_PAGES:
        assert added.option_id in listed, page.path


def test_the_sixth_option_opens_on_its_own(six_options, monkeypatch):
    folder, added = six_options
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(folder))
    for page, query in (
        ("views/compare.py", {"options": [added.option_id]}),
        ("views/charts.py", {"options": [added.option_id]}),
        ("views/chances.py", {"option": added.option_id}),
        ("views/what_matters.py", {"options": [added.option_id]}),
        ("views/summary.py", {"options": [added.option_id]}),
    ):
        at = open_page(page, **query)
        assert not at.exception, page
        assert added.name in shown(at) or added.short_name in shown(at), page


def test_the_disc_states_that_offer_the_sixth_option_link_to_it(six_options, monkeypatch):
    # Whichever states list it: the copied neighbour's, or none (a clinic may list it nowhere).
    folder, added = six_options
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(folder))
    states = load_content(folder).content.anatomy_states
    for state, ids in zip(states["state_id"], states["option_ids"]):
        at = open_page("views/anatomy.py", state=state)
        assert not at.exception
        # The page's own link, not the header's step.
        [link] = [
            link
            for link in at.main.get("page_link")
            if link.proto.page.endswith("compare") and link.label != t("pages.compare.step")
        ]
        query = link.proto.query_string
        # A link with no options shows them all (the default).
        shown = f"options={added.option_id}" in query or "options=" not in query
        assert shown == (added.option_id in split_ids(ids)), state
