"""Checking the clinic's data while the app runs: `python -m explorer check`, the store that keeps
serving the last good content after a bad edit, and the data-check page."""

from __future__ import annotations

import contextvars
import gc
import logging
import subprocess
import sys
import threading
import weakref

import pytest

from explorer import store as store_module
from explorer import translations, words
from explorer.__main__ import main
from explorer.countries import country_name
from explorer.data import DATA_CHECK_VARIABLE, DATA_DIR_VARIABLE, load_content
from explorer.markdown import plain
from explorer.rules.report import PROBLEM_COLUMNS, problem_table
from explorer.store import ContentStore, load_snapshot
from explorer.ui import runtime, shell
from explorer.words import t
from tests.apptest import open_page, page_links, shown_strings, texts
from tests.conftest import FIXTURE_DATA, ROOT, copy_data, read_rows, set_cell, write_rows

SPANISH = words.catalogue("es")
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
    header = " ".join(problem_table(problems, "en").columns)
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
    store = ContentStore(data_copy)
    first = store.current().english
    assert first is not None and store.current().problems == ()
    assert store.current().english is first  # nothing changed: nothing read again

    rename_option(data_copy, "Numbing injection into the spine")
    good = store.current().english
    assert good is not first
    assert good.option_names()["nerve_block"] == "Numbing injection into the spine"

    row = break_options(data_copy)
    with caplog.at_level(logging.WARNING, logger="explorer.store"):
        snapshot = store.current()
    assert snapshot.english is good
    assert [(p.file, p.row, p.column) for p in snapshot.problems] == [
        ("options.csv", row, "position")
    ]
    assert "options.csv, row" in caplog.text  # the server log names the problem too

    set_cell(data_copy / "options.csv", SECOND_OPTION_ROW, "position", "2")
    snapshot = store.current()
    assert snapshot.problems == () and snapshot.english is not good


def test_the_store_lets_go_of_the_content_it_replaced(data_copy):
    # Each snapshot stands alone: a clinic's many edits do not pile up old content in the store.
    # (Results kept for old content are the memo's to bound: explorer/memo.py.)
    store = ContentStore(data_copy)
    old = weakref.ref(store.current().english)
    old_spanish = weakref.ref(store.current().content("es"))
    rename_option(data_copy, "Spinal steroid injection")
    store.current()
    gc.collect()
    assert old() is None and old_spanish() is None


def test_the_app_looks_at_the_files_at_most_once_in_its_interval(data_copy):
    store = ContentStore(data_copy, look_every_s=3600)
    first = store.current().english
    rename_option(data_copy, "Spinal steroid injection")
    assert store.current().english is first  # not looked at again yet
    store.look_every_s = 0.0
    assert store.current().english is not first


def test_a_run_that_arrives_during_the_first_load_waits_for_it(data_copy, monkeypatch):
    loading, go_on = threading.Event(), threading.Event()

    def slow_load(*args, **kwargs):
        loading.set()
        go_on.wait(10)
        return load_snapshot(*args, **kwargs)

    monkeypatch.setattr(store_module, "load_snapshot", slow_load)
    store = ContentStore(data_copy, look_every_s=3600)
    first = threading.Thread(target=store.current)
    first.start()
    loading.wait(10)
    second: list = []
    arriving = threading.Thread(target=lambda: second.append(store.current()))
    arriving.start()
    arriving.join(0.5)
    go_on.set()
    first.join(10)
    arriving.join(10)
    assert second[0].english is not None


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
    check = open_page("views/data_check.py")
    assert not check.exception
    assert check.error[0].value == t("data_check.problems", count=1)
    assert "second" in check.table[0].value["Found"].tolist()

    set_cell(data_copy / "options.csv", SECOND_OPTION_ROW, "position", "2")
    check = open_page("views/data_check.py")
    assert not check.error and check.success


def test_a_first_start_with_broken_files_shows_the_problems_instead_of_content(
    data_copy, monkeypatch
):
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(data_copy))
    break_options(data_copy)
    for page in ("app.py", "views/data_check.py"):
        at = open_page(page)
        assert not at.exception
        assert at.title[0].value == t("data_problems.title")
        assert "second" in texts(at) + str(at.table[0].value["Found"].tolist())


def test_reading_the_data_needs_no_streamlit():
    # The domain code is testable without Streamlit: the cache lives in the UI layer (shell.py).
    done = subprocess.run(
        [sys.executable, "-c", "import sys, explorer.store; print('streamlit' in sys.modules)"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.stdout.strip() == "False", done.stderr


def test_every_page_run_gets_the_one_content_object(data_copy, monkeypatch):
    # One read-only content object per process, not a copy per run (runtime._store).
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(data_copy))
    snapshot = runtime.content_store()
    assert snapshot.english is not None
    assert (
        runtime.content_store() is snapshot and runtime.content_store().english is snapshot.english
    )


# ------------------------------------------------------- problems said in the reader's language
def in_spanish(do):
    """`do()` as a Spanish reader's page run would: the catalogue's language set to Spanish."""

    def run():
        words.use_language("es")
        return do()

    return contextvars.copy_context().run(run)


def test_problems_found_in_a_spanish_run_are_said_in_each_readers_language(
    data_copy, caplog, capsys
):
    row = break_options(data_copy)
    with caplog.at_level(logging.WARNING, logger="explorer.store"):
        snapshot = in_spanish(ContentStore(data_copy).current)
    [problem] = snapshot.problems
    english, spanish = problem.message("en"), problem.message("es")
    assert english != spanish
    assert f"options.csv, row {row}, column 'position'" in english
    assert f"options.csv, fila {row}, columna 'position'" in spanish
    # The server log is English, whoever's run read the files.
    assert english in caplog.text and spanish not in caplog.text
    # So is the clinic's command line.
    assert in_spanish(lambda: main(["check", str(data_copy)])) == 1
    out = capsys.readouterr().out
    assert problem.expectation("en") in out and problem.expectation("es") not in out
    # The table, headers too, is in the language asked for.
    english_table, spanish_table = (
        problem_table(snapshot.problems, "en"),
        problem_table(snapshot.problems, "es"),
    )
    assert list(spanish_table.columns) == [
        SPANISH[f"data_problem.table.{n}"] for n in PROBLEM_COLUMNS
    ]
    assert list(english_table.columns) == [t(f"data_problem.table.{n}") for n in PROBLEM_COLUMNS]
    assert spanish_table.iloc[0, -1] == problem.expectation("es") != english_table.iloc[0, -1]


def test_the_data_check_page_speaks_its_readers_language_after_a_spanish_reload(
    served_data_copy,
):
    open_page("app.py")  # good files: the data-check page, not the first-start one
    break_options(served_data_copy)
    spanish = open_page("views/data_check.py", lang="es")  # this run reads the broken files
    english = open_page("views/data_check.py")
    [problem] = runtime.content_store().problems
    for at, language in ((spanish, "es"), (english, "en")):
        assert at.title[0].value == words.catalogue(language)["pages.data_check.title"]
        table = at.table[0].value
        expected = words.catalogue(language)["data_problem.table.expected"]
        assert list(table.columns)[-1] == plain(expected)
        assert table.iloc[0, -1] == plain(problem.expectation(language))


def test_the_data_check_page_lists_rows_shown_in_english_in_its_readers_language(
    served_data_copy,
):
    path = served_data_copy / "es" / "clinician_questions.csv"
    rows = read_rows(path)
    write_rows(path, rows[1:], list(rows[0]))
    [row] = runtime.content_store().translations["es"].in_english
    assert row.key == (rows[0]["question_id"],)
    for language in ("es", "en"):
        at = open_page("views/data_check.py", lang=language)
        assert not at.exception and at.success  # a reminder, not a problem
        heading = translations.in_english_heading(runtime.content_store().translations["es"])
        [warning] = [w.value for w in at.warning if plain(heading.in_language(language)) in w.value]
        assert f"- {plain(row.said().in_language(language))}" in warning.splitlines()


def test_a_translation_problem_says_the_rest_is_in_use(served_data_copy, caplog):
    open_page("app.py")
    set_cell(served_data_copy / "es" / "options.csv", 0, "name", "<b>ES</b>")
    with caplog.at_level(logging.WARNING, logger="explorer.store"):
        at = open_page("views/data_check.py", lang="es")
    assert at.error[0].value == words.say("es", "data_check.translation_problems", count=1)
    assert at.table[0].value.iloc[0, 0] == plain("es/options.csv")
    assert words.say(words.LANGUAGE, "data_log.serving_with_english_rows") in caplog.text


def test_a_first_start_with_broken_files_lists_the_problems_in_the_pages_language(
    served_data_copy,
):
    break_options(served_data_copy)
    at = open_page("app.py", lang="es")
    assert at.title[0].value == SPANISH["data_problems.title"]
    [problem] = runtime.content_store().problems
    table = at.table[0].value
    assert list(table.columns)[-1] == plain(SPANISH["data_problem.table.expected"])
    assert table.iloc[0, -1] == plain(problem.expectation("es"))


def test_the_data_check_page_names_the_clinics_country_in_its_readers_language(served_data_copy):
    set_cell(served_data_copy / "clinic.csv", 0, "country", "US")
    set_cell(served_data_copy / "clinic.csv", 0, "emergency_phone", "911")
    for language in ("en", "es"):
        with words.speaking(language):
            said = t("data_check.country", country=country_name("US", language), code="US")
        at = open_page("views/data_check.py", lang=language)
        assert said in [text.value for text in at.text]
    assert country_name("US", "es") != country_name("US", "en")


# ---------------------------------------------------------------------------------------------
# The clinic's page is the clinic's: no server path for any visitor, not listed for patients


def path_shown(at, folder) -> list[str]:
    """The strings of a page run that name the data folder: its absolute path, or its name."""
    return [s for s in shown_strings(at) if str(folder.resolve()) in s or folder.name in s]


@pytest.fixture
def named_data_copy(tmp_path, monkeypatch):
    """The fixture data served from a folder whose name no page has any other reason to show."""
    from explorer.ui import runtime

    folder = copy_data(FIXTURE_DATA, tmp_path / "clinic-data-4f2a")
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(folder))
    monkeypatch.setattr(runtime, "LOOK_EVERY_S", 0.0)
    monkeypatch.delenv(DATA_CHECK_VARIABLE, raising=False)
    return folder


def test_no_page_shows_the_data_folders_path_to_anyone(named_data_copy):
    for language in words.languages():
        for page in shell.PAGES:
            at = open_page(page.path, lang=language)
            assert not at.exception, page.page_id
            assert path_shown(at, named_data_copy) == [], (language, page.page_id)
    # A bad edit (the data check lists its problems): files, rows and columns, never where.
    set_cell(named_data_copy / "options.csv", 0, "name", "<b>bold</b>")
    at = open_page("views/data_check.py")
    assert at.table and path_shown(at, named_data_copy) == []


def test_a_first_start_with_broken_files_shows_no_path(named_data_copy):
    set_cell(named_data_copy / "options.csv", 0, "name", "<b>bold</b>")
    for page in shell.PAGES:
        at = open_page(page.path)
        assert at.table and path_shown(at, named_data_copy) == [], page.page_id


def listed_pages(at) -> list[str]:
    return [link.proto.page for link in page_links(at)]


def test_the_data_check_page_is_not_in_the_patients_navigation_by_default(monkeypatch):
    monkeypatch.delenv(DATA_CHECK_VARIABLE, raising=False)
    for page in shell.PAGES:
        at = open_page(page.path)
        listed = listed_pages(at)
        assert listed and not any(path.endswith("data_check") for path in listed), page.page_id


def test_the_clinic_turns_its_page_on_for_its_own_address(named_data_copy, monkeypatch):
    monkeypatch.setenv(DATA_CHECK_VARIABLE, "on")
    at = open_page("app.py")
    assert any(path.endswith("data_check") for path in listed_pages(at))
    at = open_page("views/data_check.py")
    assert str(named_data_copy) in texts(at)  # where the clinic's editor finds the files
