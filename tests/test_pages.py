"""AppTest: every page runs, its widgets work, and bad data or bad links never crash it. Pages
read the fixture data (tests/fixtures/data: rest, nerve_block and the investigational gel)."""

from __future__ import annotations

import pytest

from explorer import words
from explorer.data import DATA_DIR_VARIABLE
from explorer.markdown import plain
from explorer.ui import shell
from explorer.words import t
from tests.apptest import (
    as_read,
    header_labels,
    listed_sources,
    open_compare,
    open_page,
    page_links,
    question_headings,
    texts,
)
from tests.conftest import ROOT, fixture_content, set_cell

PAGES = [page.path for page in shell.PAGES]
CONTENT = fixture_content()
GEL_BENEFIT = "about 28 out of 100 people given the gel"  # in gel's answer to "gain"


def test_the_page_list_holds_every_page_script_once_named_for_what_it_is():
    scripts = sorted(f"views/{p.name}" for p in (ROOT / "views").glob("*.py"))
    assert sorted(PAGES) == scripts
    url_paths = [page.url_path for page in shell.PAGES]
    assert len(set(url_paths)) == len(url_paths)
    for page in shell.PAGES:
        assert not page.url_path[:1].isdigit(), page.path  # the order lives in the list
        assert page.nav and page.title  # words from the catalogue


@pytest.mark.parametrize("page", shell.PAGES, ids=lambda page: page.page_id)
def test_the_header_links_the_patient_pages_in_order(page):
    at = open_page(page.path)
    assert [link.label for link in page_links(at)] == header_labels(words.catalogue("en"))
    assert not at.sidebar.get("page_link")  # one place a run: each link is the server's work
    assert at.title[0].value == page.title


def test_in_consult_mode_the_sidebar_lists_the_patient_pages_in_order():
    """The shared screen has no header: each question must fit it."""
    at = open_page("views/compare.py", mode="consult")
    assert [link.label for link in page_links(at)] == [
        listed.nav for listed in shell.PAGES if listed.in_sidebar
    ]
    assert page_links(at) == at.sidebar.get("page_link")


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_with_one_title_and_the_footer(page):
    at = open_page(page)
    assert not at.exception
    assert len(at.title) == 1
    release = fixture_content().release
    footer = t(
        "shell.footer",
        content_date=release["content_date"],
        version=release["version"],
        next_review_date=release["next_review_date"],
    )
    rule, first_line, *_ = at.caption[-1].value.split("\n\n")  # the page's last words
    assert rule == "---" and as_read(first_line) == footer


def test_home_states_the_decision_and_lists_all_options():
    at = open_page("app.py")
    body = "\n".join(m.value for m in at.markdown)
    assert "which treatment, if any, to try next" in body
    assert "not medical advice" in body
    options = at.table[0].value
    assert list(options["Option"]) == [plain(name) for name in CONTENT.options["name"]]
    assert plain("Disc gel implant") in set(options["Option"])


def test_compare_shows_every_option_by_default():
    at = open_compare()
    assert at.multiselect[0].value == ["rest", "nerve_block", "gel"]
    questions = question_headings(at)
    assert questions == [plain(question) for question in CONTENT.questions["question"]]
    assert questions[0] == plain("What is this option?")
    assert GEL_BENEFIT in texts(at)


def test_narrowing_the_options_changes_the_grid_and_the_url():
    at = open_compare()
    at.multiselect[0].set_value(["nerve_block", "rest"]).run()
    assert not at.exception
    assert at.query_params["options"] == ["rest", "nerve_block"]
    body = texts(at)
    assert "Rest and home exercise" in body and "Nerve block injection" in body
    assert "Disc gel implant" not in body
    assert GEL_BENEFIT not in body  # the gel is no longer shown
    assert not at.warning  # no investigational note without the gel


def test_a_link_with_an_unknown_option_keeps_the_known_ones():
    at = open_page("views/compare.py", options=["gel", "homeopathy", "<script>"])
    assert not at.exception
    assert at.multiselect[0].value == ["gel"]
    assert "investigational" in at.warning[0].value


def test_a_link_with_only_unknown_options_shows_all():
    at = open_page("views/compare.py", options="nothing-we-know")
    assert not at.exception
    assert at.multiselect[0].value == list(CONTENT.options["option_id"])


def test_removing_every_option_asks_for_one():
    at = open_page("views/compare.py")
    at.multiselect[0].set_value([]).run()
    assert not at.exception
    assert "Choose at least one option" in at.info[0].value


def test_sources_are_listed_with_links():
    at = open_page("views/about.py")
    assert listed_sources(at) == list(CONTENT.sources["source_id"])
    assert "Test trial of a disc gel implant" in texts(at)
    assert "(https://doi.org/10.1000/test.nerve)" in texts(at)  # from doi:10.1000/test.nerve


@pytest.mark.parametrize("page", PAGES)
def test_broken_data_shows_a_clear_table_not_a_traceback(page, data_copy, monkeypatch):
    row = set_cell(data_copy / "answers.csv", 2, "certainty", "<b>certain</b>")
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(data_copy))
    at = open_page(page)
    assert not at.exception
    assert "could not be loaded" in at.title[0].value
    problems = at.table[0].value
    found = ["answers.csv", str(row), "certainty", "<b>certain</b>"]
    assert list(problems.iloc[0][["File", "Row", "Column", "Found"]]) == [
        plain(cell) for cell in found
    ]


@pytest.mark.parametrize("page", shell.PAGES, ids=lambda page: page.page_id)
def test_every_page_has_the_language_switch_and_the_steps_in_its_header(page):
    """In the page itself, not the sidebar a phone hides: the languages, the steps by their short
    names, and the other pages under "More"; every link carrying the person's choices."""
    at = open_page(page.path, situation="back_pain", lang="es")
    assert not at.exception
    [switch] = [group for group in at.main.get("button_group") if group.key == "picked_lang"]
    assert switch.value == "es"
    in_page = [link for link in at.main.get("page_link")]
    steps = [listed for listed in shell.PAGES if listed.step]
    others = [listed for listed in shell.PAGES if not listed.step and listed.listed()]
    with words.speaking("es"):
        assert [link.label for link in in_page[: len(steps)]] == [s.step_name for s in steps]
    assert [link.proto.page for link in in_page[len(steps) : len(steps) + len(others)]] == [
        o.url_path for o in others
    ]
    for link in in_page[: len(steps) + len(others)]:
        assert "situation=back_pain" in link.proto.query_string
        assert "lang=es" in link.proto.query_string
