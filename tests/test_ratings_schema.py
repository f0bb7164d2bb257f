"""Checks on the rating files (attributes, attribute_levels, ratings, recovery): each fault is
reported with its file, spreadsheet row and column, and what was expected."""

from __future__ import annotations

import pytest

from explorer.data import load_content
from tests.conftest import read_rows, set_cell, write_rows


def problems_of(folder):
    result = load_content(folder)
    assert result.content is None, "a broken file must not produce content"
    return result.problems


def only_problem(folder):
    [problem] = problems_of(folder)
    return problem


def row_index(path, **match) -> int:
    """Index (0 = first data row) of the row whose cells match."""
    return next(i for i, row in enumerate(read_rows(path)) if all(row[k] == v for k, v in match.items()))


def test_a_level_that_the_attribute_does_not_have(data_copy):
    path = data_copy / "ratings.csv"
    row = set_cell(path, row_index(path, option_id="esi", attribute_id="reversibility"), "level", "7")
    problem = only_problem(data_copy)
    assert (problem.file, problem.row, problem.column, problem.value) == ("ratings.csv", row, "level", "7")
    assert "attribute_levels.csv" in problem.expected
    assert f"ratings.csv, row {row}, column 'level'" in problem.message()


def test_a_level_in_words_instead_of_a_number(data_copy):
    path = data_copy / "ratings.csv"
    row = set_cell(path, row_index(path, option_id="fusion", attribute_id="invasiveness"), "level", "major")
    problem = only_problem(data_copy)
    assert (problem.row, problem.column, problem.value) == (row, "level", "major")


def test_an_empty_level_needs_the_grade_not_known(data_copy):
    path = data_copy / "ratings.csv"
    row = set_cell(path, row_index(path, option_id="fusion", attribute_id="invasiveness"), "level", "")
    problem = only_problem(data_copy)
    assert (problem.row, problem.column) == (row, "level")
    assert "not known" in problem.expected


def test_a_level_graded_not_known_is_a_guess(data_copy):
    path = data_copy / "ratings.csv"
    row = set_cell(path, row_index(path, option_id="fibrin", attribute_id="anaesthesia"), "level", "2")
    problem = only_problem(data_copy)
    assert (problem.row, problem.column, problem.value) == (row, "level", "2")


def test_a_missing_rating_breaks_equal_detail(data_copy):
    path = data_copy / "ratings.csv"
    rows = read_rows(path)
    dropped = rows.pop(row_index(path, option_id="discectomy", attribute_id="serious_harm"))
    write_rows(path, rows)
    problem = only_problem(data_copy)
    assert problem.file == "ratings.csv"
    assert "discectomy" in problem.message() and "serious_harm" in problem.message()
    assert dropped["attribute_id"] == "serious_harm"


def test_an_unknown_attribute_names_file_row_and_column(data_copy):
    path = data_copy / "ratings.csv"
    row = set_cell(path, row_index(path, option_id="esi", attribute_id="anaesthesia"), "attribute_id", "pain_relief")
    problem = next(p for p in problems_of(data_copy) if p.column == "attribute_id")
    assert (problem.file, problem.row, problem.value) == ("ratings.csv", row, "pain_relief")
    assert "an attribute id listed in attributes.csv" in problem.expected


def test_a_rating_without_a_source(data_copy):
    path = data_copy / "ratings.csv"
    row = set_cell(path, row_index(path, option_id="esi", attribute_id="anaesthesia"), "source_ids", "")
    problem = only_problem(data_copy)
    assert (problem.file, problem.row, problem.column) == ("ratings.csv", row, "source_ids")


def test_a_gap_in_the_levels_of_an_attribute(data_copy):
    path = data_copy / "attribute_levels.csv"
    row = set_cell(path, row_index(path, attribute_id="reversibility", level="3"), "level", "4")
    problems = problems_of(data_copy)
    gap = next(p for p in problems if p.file == "attribute_levels.csv")
    assert (gap.row, gap.column, gap.value) == (row, "level", "4")
    assert "no gaps" in gap.expected
    # The ratings that used the missing level are named too, so nothing silently disappears.
    assert {p.file for p in problems} == {"attribute_levels.csv", "ratings.csv"}


def test_not_known_is_not_a_level(data_copy):
    path = data_copy / "attribute_levels.csv"
    row = set_cell(path, row_index(path, attribute_id="anaesthesia", level="3"), "label", "Not known")
    problem = only_problem(data_copy)
    assert (problem.file, problem.row, problem.column) == ("attribute_levels.csv", row, "label")
    assert "empty in ratings.csv" in problem.expected


def test_level_one_must_be_the_lighter_end(data_copy):
    row = set_cell(data_copy / "attributes.csv", 1, "lighter_end", "4")
    problem = only_problem(data_copy)
    assert (problem.file, problem.row, problem.column, problem.value) == ("attributes.csv", row, "lighter_end", "4")
    assert "level 1 is always the lighter burden" in problem.expected


def test_an_attribute_without_levels(data_copy):
    rows = read_rows(data_copy / "attributes.csv")
    rows.append({**rows[0], "attribute_id": "cost", "position": "11", "name": "Cost"})
    write_rows(data_copy / "attributes.csv", rows)
    problems = problems_of(data_copy)
    levels = next(p for p in problems if p.file == "attributes.csv")
    assert (levels.row, levels.column, levels.value) == (len(rows) + 1, "attribute_id", "cost")
    assert "levels 1 and 2" in levels.expected


@pytest.mark.parametrize(
    ("column", "value", "expected"),
    [
        ("weeks_max", "2", "no less than weeks_min"),
        ("weeks_min", "four", "whole number"),
        ("weeks_max", "5.5", "whole number"),
    ],
)
def test_recovery_weeks_are_whole_numbers_in_order(data_copy, column, value, expected):
    path = data_copy / "recovery.csv"
    row = set_cell(path, row_index(path, option_id="fusion", milestone="work"), column, value)
    problem = only_problem(data_copy)
    assert (problem.file, problem.row, problem.column, problem.value) == ("recovery.csv", row, column, value)
    assert expected in problem.expected


def test_recovery_not_known_must_stay_empty(data_copy):
    path = data_copy / "recovery.csv"
    row = set_cell(path, row_index(path, option_id="fibrin", milestone="work"), "weeks_min", "1")
    problem = only_problem(data_copy)
    assert (problem.row, problem.column) == (row, "weeks_min")
    assert "empty if, and only if" in problem.expected


def test_recovery_needs_every_milestone_for_every_option(data_copy):
    path = data_copy / "recovery.csv"
    rows = read_rows(path)
    rows.pop(row_index(path, option_id="esi", milestone="work"))
    write_rows(path, rows)
    problem = only_problem(data_copy)
    assert problem.file == "recovery.csv" and "esi" in problem.message() and "work" in problem.message()


def test_unknown_milestone(data_copy):
    path = data_copy / "recovery.csv"
    row = set_cell(path, row_index(path, option_id="esi", milestone="work"), "milestone", "driving")
    problem = next(p for p in problems_of(data_copy) if p.column == "milestone")
    assert (problem.file, problem.row, problem.value) == ("recovery.csv", row, "driving")
    assert "usual_activities, work" in problem.expected
