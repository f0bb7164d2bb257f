"""The content changelog (data/changelog.csv): checked like every file, shown on the About page."""

from __future__ import annotations

import pytest

from explorer import about
from explorer.data import load_content
from explorer.markdown import plain
from explorer.words import t
from tests.apptest import open_page
from tests.conftest import fixture_content, set_cell

CONTENT = fixture_content()


def test_a_fixed_or_answered_row_names_its_review_finding(data_copy):
    log = data_copy / "changelog.csv"
    row = set_cell(log, 0, "kind", "answered")
    row = set_cell(log, 0, "finding", "")
    problems = load_content(data_copy).problems
    assert any(
        p.file == "changelog.csv" and (p.row, p.column) == (row, "finding") for p in problems
    )


@pytest.mark.parametrize(
    "finding, passes",
    [("3; 33", True), ("C1", True), ("M4; m12; 7", True), ("C", False), ("C1 and M4", False)],
)
def test_a_finding_is_a_review_findings_number_with_or_without_its_letter(
    data_copy, finding, passes
):
    row = set_cell(data_copy / "changelog.csv", 0, "finding", finding)
    problems = load_content(data_copy).problems
    assert passes != any(
        (p.file, p.row, p.column) == ("changelog.csv", row, "finding") for p in problems
    )


def test_an_unknown_kind_of_change_is_a_data_problem(data_copy):
    row = set_cell(data_copy / "changelog.csv", 0, "kind", "tweaked")
    problems = load_content(data_copy).problems
    assert any(p.file == "changelog.csv" and (p.row, p.column) == (row, "kind") for p in problems)


def test_the_table_puts_the_newest_release_first_in_words():
    table = about.changelog_table(CONTENT)
    assert len(table) == len(CONTENT.changelog)
    versions = [tuple(map(int, v.split("."))) for v in table[t("about.changelog.version")]]
    assert versions == sorted(versions, reverse=True)
    kinds = {t(f"about.changelog.kinds.{kind}") for kind in CONTENT.changelog["kind"]}
    assert set(table[t("about.changelog.kind")]) == kinds


def test_the_about_page_shows_this_releases_changes():
    at = open_page("pages/about.py")
    assert not at.exception
    assert t("about.changelog.heading") in [h.value for h in at.header]
    shown = next(table.value for table in at.table if len(table.value) == len(CONTENT.changelog))
    assert plain(CONTENT.release["version"]) in set(shown[t("about.changelog.version")])
