"""Checking the clinic's data while the app runs: `python -m explorer check`, the store that keeps
serving the last good content after a bad edit, and the data-check page."""

from __future__ import annotations

import gc
import logging
import subprocess
import sys
import weakref

from explorer import ratings
from explorer.__main__ import main
from explorer.data import DATA_DIR_VARIABLE, ContentStore, load_content, problem_table
from explorer.markdown import plain
from explorer.ui import runtime
from explorer.words import t
from tests.apptest import open_page, texts
from tests.conftest import FIXTURE_DATA, ROOT, read_rows, set_cell, write_rows

SECOND_OPTION_ROW = 1  # options.csv row index of the fixture data's second option (nerve_block)


def rename_option(folder, name: str) -> None:
    rows = read_rows(folder / "options.csv")
    rows[SECOND_OPTION_ROW]["name"] = name
    write_rows(folder / "options.csv", rows)


def break_options(folder) -> int:
    return set_cell(folder / "options.csv", SECOND_OPTION_ROW, "position", "second")


def test_check_passes_good_data(capsys):
    assert main(["check", str(FIXTURE_DATA)]) == 0
    assert "passes" in capsys.readouterr().out


def test_check_prints_the_apps_table_and_fails(data_copy, capsys):
    row = break_options(data_copy)
    assert main(["check", str(data_copy)]) == 1
    out = capsys.readouterr().out
    problems = load_content(data_copy).problems
    header = " ".join(problem_table(problems).columns)
    assert " ".join(out.splitlines()[1].split()) == header
    assert f"options.csv {row} position second" in " ".join(out.split())


def test_check_runs_as_a_command(data_copy):
    break_options(data_copy)
    done = subprocess.run(
        [sys.executable, "-m", "explorer", "check", str(data_copy)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1 and "options.csv" in done.stdout


def test_the_store_keeps_the_last_good_content_through_a_bad_edit(data_copy, caplog):
    store = ContentStore(data_copy).current()
    first = store.content
    assert first is not None and store.problems == []
    assert store.current().content is first  # nothing changed: nothing read again

    rename_option(data_copy, "Numbing injection into the spine")
    good = store.current().content
    assert good is not first
    assert good.option_names()["nerve_block"] == "Numbing injection into the spine"

    row = break_options(data_copy)
    with caplog.at_level(logging.WARNING, logger="explorer.data"):
        store.current()
    assert store.content is good
    assert [(p.file, p.row, p.column) for p in store.problems] == [("options.csv", row, "position")]
    assert "options.csv, row" in caplog.text  # the server log names the problem too

    set_cell(data_copy / "options.csv", SECOND_OPTION_ROW, "position", "2")
    assert store.current().problems == [] and store.content is not good


def test_a_new_content_lets_go_of_the_results_kept_for_the_old_one(data_copy):
    store = ContentStore(data_copy).current()
    ratings.rated(store.content, list(store.content.option_names()))  # a kept result
    old = weakref.ref(store.content)
    rename_option(data_copy, "Spinal steroid injection")
    store.current()
    gc.collect()
    assert old() is None  # nothing holds the old content: a clinic's many edits cost no memory


def test_the_app_looks_at_the_files_at_most_once_in_its_interval(data_copy):
    store = ContentStore(data_copy, look_every_s=3600).current()
    first = store.content
    rename_option(data_copy, "Spinal steroid injection")
    assert store.current().content is first  # not looked at again yet
    store.look_every_s = 0.0
    assert store.current().content is not first


def test_a_running_app_serves_good_edits_and_keeps_good_content_through_bad_ones(
    served_data_copy,
):
    data_copy = served_data_copy
    assert plain("Nerve block injection") in open_page("app.py").table[0].value["Option"].tolist()

    rename_option(data_copy, "Spinal steroid injection")
    assert (
        plain("Spinal steroid injection") in open_page("app.py").table[0].value["Option"].tolist()
    )

    break_options(data_copy)
    home = open_page("app.py")
    assert (
        not home.exception
        and plain("Spinal steroid injection") in home.table[0].value["Option"].tolist()
    )
    check = open_page("pages/data_check.py")
    assert not check.exception
    assert check.error[0].value == t("data_check.problems", count=1)
    assert "second" in check.table[0].value["Found"].tolist()

    set_cell(data_copy / "options.csv", SECOND_OPTION_ROW, "position", "2")
    check = open_page("pages/data_check.py")
    assert not check.error and check.success


def test_a_first_start_with_broken_files_shows_the_problems_instead_of_content(
    data_copy, monkeypatch
):
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(data_copy))
    break_options(data_copy)
    for page in ("app.py", "pages/data_check.py"):
        at = open_page(page)
        assert not at.exception
        assert at.title[0].value == t("data_problems.title")
        assert "second" in texts(at) + str(at.table[0].value["Found"].tolist())


def test_reading_the_data_needs_no_streamlit():
    # The domain code is testable without Streamlit: the cache lives in the UI layer (frame.py).
    done = subprocess.run(
        [sys.executable, "-c", "import sys, explorer.data; print('streamlit' in sys.modules)"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.stdout.strip() == "False", done.stderr


def test_every_page_run_gets_the_one_content_object(data_copy, monkeypatch):
    # One read-only content object per process, not a copy per run (st.cache_resource).
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(data_copy))
    store = runtime.content_store()
    assert store.content is not None
    assert runtime.content_store() is store and runtime.content_store().content is store.content
