"""Checks on the rating files (attributes, attribute_levels, ratings, recovery): each fault is
reported with its file, spreadsheet row and column, and what was expected."""

from __future__ import annotations

import pytest

from explorer import ratings
from explorer.data import load_content
from tests.conftest import (
    only_problem,
    problems_of,
    read_rows,
    rename_id,
    row_index,
    set_cell,
    write_rows,
)

WEEKS = ["weeks_min", "weeks_max"]

# Rows of the fixture data (tests/fixtures/data), by their cells.
REST_EFFORT = {"option_id": "rest", "attribute_id": "effort"}
NERVE_BLOCK_EFFORT = {"option_id": "nerve_block", "attribute_id": "effort"}
GEL_TIME_OFF = {"option_id": "gel", "attribute_id": "time_off"}  # not known
NERVE_BLOCK_WORK = {"option_id": "nerve_block", "milestone": "work"}  # 2 to 2 weeks
GEL_WORK = {"option_id": "gel", "milestone": "work"}  # not known
ONE_CELL_FAULTS = [
    # file, the row (by its cells), column, new value, words the expectation must contain
    ("ratings.csv", NERVE_BLOCK_EFFORT, "level", "7", "attribute_levels.csv"),
    ("ratings.csv", REST_EFFORT, "level", "major", "a level that attribute_levels.csv lists"),
    ("ratings.csv", REST_EFFORT, "level", "", "not known"),
    ("ratings.csv", GEL_TIME_OFF, "level", "2", "if, and only if"),
    ("ratings.csv", NERVE_BLOCK_EFFORT, "source_ids", "", "at least one source"),
    (
        "attribute_levels.csv",
        {"attribute_id": "effort", "level": "3"},
        "label",
        "Not known",
        "empty in ratings",
    ),
    (
        "attributes.csv",
        {"attribute_id": "effort"},
        "lighter_end",
        "4",
        "level 1 is always the lighter burden",
    ),
    ("recovery.csv", NERVE_BLOCK_WORK, "weeks_max", "1", "no less than weeks_min"),
    ("recovery.csv", NERVE_BLOCK_WORK, "weeks_min", "four", "whole number"),
    ("recovery.csv", NERVE_BLOCK_WORK, "weeks_max", "5.5", "whole number"),
    ("recovery.csv", GEL_WORK, "weeks_min", "1", "if, and only if"),
]


@pytest.mark.parametrize(("file", "match", "column", "value", "expected"), ONE_CELL_FAULTS)
def test_one_bad_cell_is_named_by_file_row_and_column(
    data_copy, file, match, column, value, expected
):
    path = data_copy / file
    row = set_cell(path, row_index(path, **match), column, value)
    problem = only_problem(data_copy)
    assert (problem.file, problem.row, problem.column, problem.value) == (file, row, column, value)
    assert expected in problem.expectation("en")
    assert f"{file}, row {row}, column '{column}'" in problem.message("en")


@pytest.mark.parametrize(
    ("file", "match"),
    [
        ("ratings.csv", {"option_id": "gel", "attribute_id": "effort"}),
        ("recovery.csv", NERVE_BLOCK_WORK),
    ],
)
def test_a_missing_row_breaks_equal_detail(data_copy, file, match):
    path = data_copy / file
    rows = read_rows(path)
    rows.pop(row_index(path, **match))
    write_rows(path, rows)
    problem = only_problem(data_copy)
    assert problem.file == file
    assert all(value in problem.message("en") for value in match.values())


@pytest.mark.parametrize(
    ("file", "match", "column", "value", "expected"),
    [
        ("ratings.csv", NERVE_BLOCK_EFFORT, "attribute_id", "pain", "attributes.csv"),
        ("recovery.csv", NERVE_BLOCK_WORK, "milestone", "driving", "usual_activities, work"),
    ],
)
def test_an_unknown_id_names_file_row_and_column(data_copy, file, match, column, value, expected):
    # Other cells of the row may be reported too (a level cannot belong to an unknown attribute).
    path = data_copy / file
    row = set_cell(path, row_index(path, **match), column, value)
    problem = next(p for p in problems_of(data_copy) if p.column == column)
    assert (problem.file, problem.row, problem.value) == (file, row, value)
    assert expected in problem.expectation("en")


def test_a_gap_in_the_levels_of_an_attribute(data_copy):
    path = data_copy / "attribute_levels.csv"
    # Level 3 of sureness becomes 5: its levels are 1, 2, 4, 5, and the rating at level 3 loses it.
    row = set_cell(path, row_index(path, attribute_id="sureness", level="3"), "level", "5")
    problems = problems_of(data_copy)
    gap = next(p for p in problems if p.file == "attribute_levels.csv")
    assert (gap.row, gap.column, gap.value) == (row, "level", "5")
    assert "no gaps" in gap.expectation("en")
    # The ratings that used the missing level are named too, so nothing silently disappears.
    assert {p.file for p in problems} == {"attribute_levels.csv", "ratings.csv"}


def test_an_attribute_without_levels(data_copy):
    rows = read_rows(data_copy / "attributes.csv")
    rows.append(
        {
            **rows[0],
            "attribute_id": "cost",
            "position": str(len(rows) + 1),
            "name": "Cost",
            "role": "",
        }
    )
    write_rows(data_copy / "attributes.csv", rows)
    problems = problems_of(data_copy)
    levels = next(p for p in problems if p.file == "attributes.csv")
    assert (levels.row, levels.column, levels.value) == (len(rows) + 1, "attribute_id", "cost")
    assert "levels 1 and 2" in levels.expectation("en")


def test_renaming_the_evidence_quality_keeps_its_role(data_copy, content):
    # The app finds the qualities shown beside every chart by their role, not their id: a rename
    # in every file still shows the same evidence, never "Not known".
    before = ratings.rated(content, content.options["option_id"])["evidence"]
    old = content.evidence_attribute
    rename_id(data_copy, ("attribute_id", "attribute_ids"), old, "evidence")
    result = load_content(data_copy)
    assert result.problems == []
    assert result.content.evidence_attribute == "evidence"
    after = ratings.rated(result.content, result.content.options["option_id"])["evidence"]
    assert after.tolist() == before.tolist()


def test_a_quality_renamed_in_one_file_only_is_a_data_problem(data_copy, content):
    old = content.evidence_attribute
    set_cell(
        data_copy / "attributes.csv",
        row_index(data_copy / "attributes.csv", attribute_id=old),
        "attribute_id",
        "evidence",
    )
    problems = problems_of(data_copy)
    assert any(p.file == "ratings.csv" and p.value == old for p in problems)


def test_recovery_weeks_and_rating_levels_come_back_as_numbers(data_copy):
    # Set one rating and one recovery row to "not known": their numbers are missing, not text.
    rating = set_cell(data_copy / "ratings.csv", 0, "level", "") - 2
    set_cell(data_copy / "ratings.csv", rating, "certainty", "not known")
    set_cell(data_copy / "ratings.csv", rating, "source_ids", "")
    for column, value in (("weeks_min", ""), ("weeks_max", ""), ("certainty", "not known")):
        set_cell(data_copy / "recovery.csv", 0, column, value)
    content = load_content(data_copy).content
    for frame, columns in ((content.ratings, ["level"]), (content.recovery, WEEKS)):
        assert all(str(frame[column].dtype) == "Int64" for column in columns)
        assert frame[columns].isna().any(axis=None) and frame[columns].notna().any(axis=None)
