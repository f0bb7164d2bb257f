"""The content changelog (data/changelog.csv): checked like every file, shown on the About page."""

from __future__ import annotations

import pytest

from explorer import about, words
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


def test_each_version_is_summed_up_newest_first_or_points_to_the_full_list():
    summaries = about.version_summaries(CONTENT)
    versions = list(summaries[t("about.changelog.version")])
    assert versions == sorted(set(CONTENT.changelog["version"]), key=about._version_key)[::-1]
    # The fixture's versions are a clinic's own: no summary written for them yet.
    assert set(summaries[t("about.changelog.summary")]) == {t("about.changelog.no_summary")}
    assert about.version_summary("1.1") == t("about.changelog.versions.v1_1")


def full_changelog(at):
    return next(
        (table.value for table in at.table if len(table.value) == len(CONTENT.changelog)), None
    )


@pytest.mark.parametrize("language", words.languages())
def test_the_about_page_sums_up_each_version_and_opens_the_full_list_in_english(language):
    at = open_page("views/about.py", lang=language)
    assert not at.exception
    with words.speaking(language):
        assert t("about.changelog.heading") in [h.value for h in at.header]
        summaries = about.version_summaries(CONTENT)
    shown = [table.value for table in at.table]
    assert any(list(table.columns) == list(summaries.columns) for table in shown)
    assert full_changelog(at) is None  # drawn only when opened
    at.session_state["changelog"] = True
    at.run()
    full = full_changelog(at)
    # As the evidence team wrote it, its headings too: the part is marked lang="en" whole.
    assert list(full.columns) == list(about.changelog_table(CONTENT).columns)
    assert plain(CONTENT.release["version"]) in set(full[t("about.changelog.version")])
