"""Loading and validation: one test per kind of fault, each checking the message says where."""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

import pytest

from explorer import decide
from explorer.data import load_content
from explorer.rules import columns, files, schemas, validation
from explorer.rules.files import FILES
from explorer.rules.said import said
from explorer.rules.vocabulary import (
    CERTAINTY_LEVELS,
    MAX_POINT_WORDS,
    ROLE,
    SUMMARY_ROLES,
    split_ids,
)
from explorer.store import ContentStore, load_snapshot
from explorer.words import t
from tests.conftest import problems_of, read_rows, rename_id, set_cell, write_rows


def test_rows_come_back_in_display_order_whatever_their_order_in_the_file(data_copy, content):
    for name in ("options.csv", "questions.csv", "attributes.csv"):
        rows = read_rows(data_copy / name)
        write_rows(data_copy / name, rows[::-1])
    result = load_content(data_copy)
    assert [p.message("en") for p in result.problems] == []
    for table in ("options", "questions", "attributes"):
        frame = getattr(result.content, table)
        assert list(frame["position"]) == sorted(frame["position"]), table
        assert frame.equals(getattr(content, table)), table


def test_missing_file_is_named(data_copy):
    (data_copy / "sources.csv").unlink()
    problems = problems_of(data_copy)
    assert any(p.file == "sources.csv" and "no such file" in p.message("en") for p in problems)


def test_empty_file_is_named(data_copy):
    (data_copy / "questions.csv").write_text("")
    [problem] = [p for p in problems_of(data_copy) if p.file == "questions.csv"]
    assert "empty" in problem.message("en")
    assert "question_id" in problem.expectation("en")


def test_missing_column_names_file_and_column(data_copy):
    rows = read_rows(data_copy / "answers.csv")
    write_rows(
        data_copy / "answers.csv", rows, ["option_id", "question_id", "answer", "source_ids"]
    )
    problems = problems_of(data_copy)
    assert any(p.file == "answers.csv" and p.column == "certainty" and p.row == 1 for p in problems)


def test_unknown_option_id_names_file_row_column_and_value(data_copy):
    row = set_cell(data_copy / "answers.csv", 3, "option_id", "acupuncture")
    problems = problems_of(data_copy)
    [problem] = [p for p in problems if p.column == "option_id" and p.row == row]
    assert problem.file == "answers.csv"
    assert problem.value == "acupuncture"
    assert "option id" in problem.expectation("en")
    message = problem.message("en")
    assert "answers.csv" in message and f"row {row}" in message and "'option_id'" in message


def test_a_short_answer_for_no_situation_is_refused_with_where_it_lives(data_copy):
    # Stored once: for a situation without its own, the full answer's first key point is shown.
    row = set_cell(data_copy / "short_answers.csv", 0, "situation_id", "")
    [problem] = [p for p in problems_of(data_copy) if p.file == "short_answers.csv"]
    assert (problem.row, problem.column) == (row, "situation_id")
    assert "first key point in answers.csv" in problem.expectation("en")


def test_unknown_source_id_is_found_inside_a_list(data_copy):
    row = set_cell(data_copy / "answers.csv", 7, "source_ids", "S101; S999")
    [problem] = [p for p in problems_of(data_copy) if p.column == "source_ids"]
    assert (problem.file, problem.row, problem.value) == ("answers.csv", row, "S101; S999")


def test_missing_answer_breaks_equal_detail(data_copy):
    rows = read_rows(data_copy / "answers.csv")
    dropped = rows.pop(12)
    write_rows(data_copy / "answers.csv", rows)
    [problem] = problems_of(data_copy)
    assert problem.file == "answers.csv"
    assert dropped["option_id"] in problem.message("en") and dropped[
        "question_id"
    ] in problem.message("en")


def test_bad_certainty_lists_the_allowed_grades(data_copy):
    row = set_cell(data_copy / "answers.csv", 0, "certainty", "pretty sure")
    [problem] = problems_of(data_copy)
    assert (problem.file, problem.row, problem.column, problem.value) == (
        "answers.csv",
        row,
        "certainty",
        "pretty sure",
    )
    assert all(level in problem.expectation("en") for level in CERTAINTY_LEVELS)


def test_duplicate_id_is_reported_on_both_rows(data_copy):
    set_cell(data_copy / "sources.csv", 1, "source_id", "S101")
    problems = [p for p in problems_of(data_copy) if p.file == "sources.csv"]
    assert {p.row for p in problems if p.column == "source_id"} == {2, 3}
    assert all("unique" in p.expectation("en") for p in problems)


@pytest.mark.parametrize(
    "markup",
    [
        "<script>alert('x')</script>",
        "See ![chart](http://example.com/pixel.png)",
        "Click [here](javascript:alert(1))",
        "<img src=x onerror=alert(1)>",
        "Read more at www.example.com",
        "Read more at https://example.com",
    ],
)
def test_markup_in_a_text_cell_is_refused(data_copy, markup):
    row = set_cell(data_copy / "answers.csv", 4, "answer", markup)
    [problem] = problems_of(data_copy)
    assert (problem.file, problem.row, problem.column) == ("answers.csv", row, "answer")
    assert "plain text" in problem.expectation("en")


def test_every_problem_is_listed_not_just_the_first(data_copy):
    set_cell(data_copy / "answers.csv", 0, "certainty", "sure")
    set_cell(data_copy / "options.csv", 1, "status", "approved")
    (data_copy / "release.csv").write_text("")
    files = {p.file for p in problems_of(data_copy)}
    assert files == {"answers.csv", "options.csv", "release.csv"}


def test_bad_number_and_date_are_explained(data_copy):
    set_cell(data_copy / "questions.csv", 2, "position", "third")
    set_cell(data_copy / "release.csv", 0, "next_review_date", "next year")
    by_column = {p.column: p for p in problems_of(data_copy)}
    assert by_column["position"].expectation("en") == "a whole number"
    assert "YYYY-MM-DD" in by_column["next_review_date"].expectation("en")


def test_text_in_a_number_column_is_one_problem_on_its_row(data_copy):
    row = set_cell(data_copy / "questions.csv", 2, "position", "third")
    [problem] = problems_of(data_copy)
    assert (problem.row, problem.column, problem.value) == (row, "position", "third")


def test_empty_source_only_allowed_when_not_known(data_copy):
    row = set_cell(data_copy / "answers.csv", 0, "source_ids", "")
    # (its key points' sources are then not the answer's either: a problem of their own)
    [problem] = [p for p in problems_of(data_copy) if p.column == "source_ids"]
    assert problem.row == row and "not known" in problem.expectation("en")


def test_loading_never_writes_to_the_data_folder(data_copy):
    def files():
        return {str(p.relative_to(data_copy)): p.read_bytes() for p in data_copy.rglob("*.csv")}

    before = files()
    set_cell(data_copy / "answers.csv", 0, "certainty", "sure")
    broken = (data_copy / "answers.csv").read_bytes()
    load_content(data_copy)
    load_snapshot(data_copy)
    after = files()
    assert after["answers.csv"] == broken
    assert {k: v for k, v in after.items() if k != "answers.csv"} == {
        k: v for k, v in before.items() if k != "answers.csv"
    }


def test_split_ids():
    assert split_ids(" S9;S10 ; ") == ["S9", "S10"]
    assert split_ids("") == []


# ---------------------------------------------------------------------------------------------
# anatomy_states.csv and scan_findings.csv (the disc anatomy page)
def test_anatomy_state_pointing_at_an_unknown_option_is_located(data_copy):
    row = set_cell(data_copy / "anatomy_states.csv", 2, "option_ids", "rest; acupuncture")
    [problem] = problems_of(data_copy)
    assert (problem.file, problem.row, problem.column, problem.value) == (
        "anatomy_states.csv",
        row,
        "option_ids",
        "rest; acupuncture",
    )
    assert "options.csv" in problem.expectation("en")


def test_anatomy_state_without_no_procedure_is_refused(data_copy, content):
    others = [o for o in content.options["option_id"] if o != content.no_procedure_option]
    row = set_cell(data_copy / "anatomy_states.csv", 2, "option_ids", "; ".join(others))
    [problem] = problems_of(data_copy)
    assert (problem.file, problem.row, problem.column) == ("anatomy_states.csv", row, "option_ids")
    assert f"always including {content.no_procedure_option}" in problem.expectation("en")


def test_anatomy_state_the_diagram_cannot_draw_is_refused(data_copy):
    row = set_cell(data_copy / "anatomy_states.csv", 0, "state_id", "slipped")
    problems = problems_of(data_copy)
    [unknown] = [p for p in problems if p.column == "state_id"]
    assert (unknown.file, unknown.row, unknown.value) == ("anatomy_states.csv", row, "slipped")
    assert "healthy" in unknown.expectation("en")
    # Its own row is gone now, so the file also lacks a row for the healthy disc.
    assert any(
        p.file == "anatomy_states.csv" and "a row for every disc state" in p.expectation("en")
        for p in problems
    )


def test_anatomy_state_text_must_be_plain(data_copy):
    row = set_cell(
        data_copy / "anatomy_states.csv", 1, "what_it_is", "See ![x](http://example.com/p.png)"
    )
    [problem] = problems_of(data_copy)
    assert (problem.file, problem.row, problem.column) == ("anatomy_states.csv", row, "what_it_is")


@pytest.mark.parametrize("value, expected", [("120", "0 to 100"), ("eighty", "a whole number")])
def test_scan_finding_out_of_range_or_not_a_number_is_located(data_copy, value, expected):
    row = set_cell(data_copy / "scan_findings.csv", 1, "age_50", value)
    [problem] = problems_of(data_copy)
    assert (problem.file, problem.row, problem.column, problem.value) == (
        "scan_findings.csv",
        row,
        "age_50",
        value,
    )
    assert expected in problem.expectation("en")


def test_scan_finding_without_a_source_is_refused(data_copy):
    row = set_cell(data_copy / "scan_findings.csv", 0, "source_ids", "")
    [problem] = problems_of(data_copy)
    assert (problem.file, problem.row, problem.column) == ("scan_findings.csv", row, "source_ids")


def test_statement_rule_must_put_poorly_above_well(data_copy):
    row = set_cell(data_copy / "statements.csv", 0, "lines_up_poorly_from", "2")
    set_cell(data_copy / "statements.csv", 0, "lines_up_well_to", "2")
    [problem] = problems_of(data_copy)
    assert (problem.file, problem.row, problem.column) == (
        "statements.csv",
        row,
        "lines_up_poorly_from",
    )


# ------------------------------------------------------------------------------------------ roles
ROLES = [(file.name, role) for file in FILES for role in file.roles]


def role_row(folder, file_name: str, role: str) -> int:
    """Index (0 = first data row) of the row that has the role."""
    return next(i for i, row in enumerate(read_rows(folder / file_name)) if row[ROLE] == role)


def test_renaming_a_summary_question_keeps_it_in_the_summary(data_copy, content):
    first, *rest = content.summary_question_ids
    rename_id(data_copy, ("question_id",), first, "helps")
    content = load_content(data_copy).content
    assert content.summary_question_ids == ("helps", *rest)
    summary = decide.summary(content, [content.no_procedure_option], decide.Answers())
    assert [row.question_id for row in summary.rows] == ["helps", *rest]


def test_renaming_the_no_procedure_option_keeps_it_required(data_copy, content):
    old = content.no_procedure_option
    other = next(o for o in content.options["option_id"] if o != old)
    rename_id(data_copy, ("option_id", "option_ids", "about"), old, "watchful_waiting")
    result = load_content(data_copy)
    assert result.problems == []
    assert result.content.no_procedure_option == "watchful_waiting"
    # A disc state without it is still refused, now by its new id.
    path = data_copy / "anatomy_states.csv"
    set_cell(path, 0, "option_ids", other)
    [problem] = problems_of(data_copy)
    assert (problem.file, problem.column) == ("anatomy_states.csv", "option_ids")
    assert "watchful_waiting" in problem.expectation("en")


@pytest.mark.parametrize(("file_name", "role"), ROLES)
def test_taking_a_role_off_its_row_is_a_data_problem(data_copy, file_name, role):
    set_cell(data_copy / file_name, role_row(data_copy, file_name, role), ROLE, "")
    [problem] = problems_of(data_copy)
    assert (problem.file, problem.row, problem.column) == (file_name, None, ROLE)
    assert problem.found("en") == t("data_problem.no_role", role=role)
    assert t(f"data_rule.roles.{role}") in problem.expectation("en")
    assert f"{file_name}, column '{ROLE}'" in problem.message("en")


@pytest.mark.parametrize(("file_name", "role"), ROLES)
def test_a_role_given_to_two_rows_is_reported_on_both(data_copy, file_name, role):
    path = data_copy / file_name
    first = role_row(data_copy, file_name, role)
    other = next(i for i, row in enumerate(read_rows(path)) if row[ROLE] == "")
    set_cell(path, other, ROLE, role)
    problems = problems_of(data_copy)
    assert {(p.file, p.row, p.column, p.value) for p in problems} == {
        (file_name, first + 2, ROLE, role),
        (file_name, other + 2, ROLE, role),
    }


def test_an_unknown_role_lists_the_roles_of_its_file(data_copy):
    row = set_cell(data_copy / "questions.csv", 0, ROLE, "summary")
    [problem] = problems_of(data_copy)
    assert (problem.file, problem.row, problem.column, problem.value) == (
        "questions.csv",
        row,
        ROLE,
        "summary",
    )
    assert all(role in problem.expectation("en") for role in SUMMARY_ROLES)


# ------------------------------------------------------------------------- typed, and reported
def test_people_out_of_100_come_back_as_numbers(content):
    outcomes = content.outcomes
    counts = ["count", "count_to", "comparison_count", "comparison_count_to"]
    assert all(outcomes[column].dtype == "float64" for column in counts)
    assert outcomes["count"].notna().all() and outcomes["count_to"].isna().any()


def test_a_rule_about_a_row_is_reported_on_its_cell_whatever_its_words(data_copy, monkeypatch):
    # Which cell a rule is reported on is carried by the check, not looked up by its words.
    for module in (columns, schemas):
        monkeypatch.setattr(module, "said", lambda key, **values: said("data_rule.filled"))
    graded = next(
        i
        for i, row in enumerate(read_rows(data_copy / "answers.csv"))
        if row["certainty"] == "high"
    )
    row = set_cell(data_copy / "answers.csv", graded, "source_ids", "")
    set_cell(data_copy / "answers.csv", graded, "key_point_sources", "")  # a rule of its own
    [problem] = [p for p in problems_of(data_copy) if p.row == row and p.column == "source_ids"]
    assert (problem.file, problem.row, problem.column) == ("answers.csv", row, "source_ids")


def test_pandera_checks_are_said_in_words(data_copy):
    # These problems come from pandera's own checks, named only by strings (see _describe_check).
    set_cell(data_copy / "questions.csv", 2, "position", "third")
    set_cell(data_copy / "sources.csv", 1, "source_id", "S101")
    rows = read_rows(data_copy / "answers.csv")
    write_rows(data_copy / "answers.csv", [*rows, rows[0]])
    write_rows(data_copy / "quiz.csv", read_rows(data_copy / "quiz.csv"), ["item_id", "position"])
    expected = {p.expectation("en") for p in problems_of(data_copy)}
    assert {
        t("data_rule.whole_number"),
        t("data_rule.unique"),
        t("data_rule.unique_together", columns="option_id, question_id"),
        t("data_rule.column_in_header"),
    } <= expected


def test_a_settings_file_with_two_rows_says_how_many_it_has(data_copy):
    rows = read_rows(data_copy / "clinic.csv")
    write_rows(data_copy / "clinic.csv", [*rows, rows[0]])
    [problem] = problems_of(data_copy)
    assert problem.message("en") == "clinic.csv: found '2 rows'; expected exactly one row."


def test_a_file_that_cannot_be_read_is_a_problem_not_an_error(data_copy, monkeypatch):
    unreadable = data_copy / "questions.csv"
    read_bytes = Path.read_bytes

    def refuse(path):
        if path == unreadable:
            raise PermissionError(13, "Permission denied")
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    problems = problems_of(data_copy)
    [problem] = [p for p in problems if p.file == "questions.csv"]
    assert (problem.row, problem.column) == (None, None)
    assert "Permission denied" in problem.found("en")
    assert ContentStore(data_copy).current().problems == tuple(problems)  # never an exception


def schemas_built(monkeypatch) -> list[str]:
    """The files given a schema from now on, by name, once per schema built."""
    built: list[str] = []
    schema_for = files.schema_for
    monkeypatch.setattr(
        files, "schema_for", lambda file, refs: built.append(file.name) or schema_for(file, refs)
    )
    monkeypatch.setattr(validation, "schema_for", files.schema_for)
    return built


ALL_FILES = sorted(file.name for file in FILES)


def test_each_file_is_given_its_schema_once_per_load(data_copy, monkeypatch):
    # Checks carry no words, so what does not depend on the files is built once per process.
    load_snapshot(data_copy)
    built = schemas_built(monkeypatch)
    monkeypatch.setattr(validation, "_found", OrderedDict())  # no check kept: each file's runs
    load_snapshot(data_copy)
    assert sorted(built) == ALL_FILES


def test_a_reload_checks_again_only_the_files_whose_cells_or_links_changed(data_copy, monkeypatch):
    load_snapshot(data_copy)
    built = schemas_built(monkeypatch)
    set_cell(data_copy / "answers.csv", 0, "answer", "You keep moving at home every day.")
    content = load_snapshot(data_copy).english
    assert built == ["answers.csv"]  # answers.csv defines no id another file links to
    assert "You keep moving at home every day." in set(content.answers["answer"])
    built.clear()
    rename_id(data_copy, ("option_id", "about", "option_ids"), "gel", "fibrin_gel")
    load_content(data_copy)
    assert sorted(built) == ALL_FILES  # an id changed: every file's links are checked again


def test_each_load_owns_its_tables(data_copy):
    # Checks are kept between loads, their frames not shared: a change to one load's table (a
    # bug) cannot reach another load.
    first = load_content(data_copy).content
    answer = first.answers.at[0, "answer"]  # a table kept in the file's order, not a sorted copy
    first.answers.at[0, "answer"] = "Changed"
    assert load_content(data_copy).content.answers.at[0, "answer"] == answer


# ---------------------------------------------------------------------------------------------
# Key points: each answer's short form for the shared screen, each point with its own sources


def key_point_problems(folder: Path) -> list[tuple[int, str, str]]:
    return [(p.row, p.column, p.value) for p in problems_of(folder) if p.column.startswith("key_")]


def test_every_answer_needs_its_key_points(data_copy):
    row = set_cell(data_copy / "answers.csv", 0, "key_points", "")
    assert (row, "key_points", "") in key_point_problems(data_copy)


def test_key_points_are_few_and_short(data_copy):
    path = data_copy / "answers.csv"
    many = set_cell(path, 0, "key_points", "One. | Two. | Three. | Four.")
    set_cell(path, 0, "key_point_sources", "S101 | S101 | S101 | S101")
    long = " ".join(["word"] * (MAX_POINT_WORDS + 1)) + "."
    wordy = set_cell(path, 1, "key_points", long)
    empty = set_cell(path, 2, "key_points", "One. | ")
    set_cell(path, 2, "key_point_sources", "S101 | S101")
    found = key_point_problems(data_copy)
    assert {(many, "key_points"), (wordy, "key_points"), (empty, "key_points")} <= {
        (row, column) for row, column, _ in found
    }
    [problem] = [p for p in problems_of(data_copy) if p.row == wordy]
    assert f"{MAX_POINT_WORDS} words" in problem.expectation("en")


def test_each_key_point_has_sources_from_its_answer(data_copy):
    path = data_copy / "answers.csv"
    # rest/about_it has two points, from S101
    one_group = set_cell(path, 0, "key_point_sources", "S101")
    not_the_answers = set_cell(path, 2, "key_point_sources", "S101 | S102")
    unsourced = set_cell(path, 5, "key_point_sources", "")
    unknown = set_cell(path, 3, "key_point_sources", "S999")
    found = {(row, column) for row, column, _ in key_point_problems(data_copy)}
    assert found == {
        (one_group, "key_point_sources"),
        (not_the_answers, "key_point_sources"),
        (unsourced, "key_point_sources"),
        (unknown, "key_point_sources"),
    }


def test_only_an_answer_not_known_leaves_its_key_points_unsourced(data_copy, content):
    answers = content.answers.set_index(["option_id", "question_id"])
    assert answers.at[("gel", "risk"), "certainty"] == "not known"
    assert answers.at[("gel", "risk"), "key_point_sources"] == ""
    assert all(len(split_ids(sources)) for sources in answers["key_point_sources"] if sources)


def test_a_group_size_is_under_100_and_only_for_a_result_without_a_comparison_group(data_copy):
    rows = read_rows(data_copy / "outcomes.csv")
    alone = next(i for i, row in enumerate(rows) if not row["comparison_group"])
    paired = next(i for i, row in enumerate(rows) if row["comparison_group"])
    set_cell(data_copy / "outcomes.csv", alone, "group_size", "15")
    assert load_content(data_copy).problems == []
    set_cell(data_copy / "outcomes.csv", alone, "group_size", "100")
    [problem] = problems_of(data_copy)
    assert (problem.file, problem.column, problem.value) == ("outcomes.csv", "group_size", "100")
    set_cell(data_copy / "outcomes.csv", alone, "group_size", "")
    set_cell(data_copy / "outcomes.csv", paired, "group_size", "15")
    [problem] = problems_of(data_copy)
    assert (problem.file, problem.column) == ("outcomes.csv", "group_size")
