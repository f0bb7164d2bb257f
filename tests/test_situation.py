"""The person's situation on the fixture data (leg_pain, back_pain): which options are aimed at
it comes from option_fit.csv and the one rule of fit_levels.csv, whose numbers match it from
populations.csv, and the files' rules name every bad cell. Pages are in
tests/test_situation_pages.py."""

from __future__ import annotations

import pytest

from explorer import compare, decide, home, situation
from explorer.situation import NOT_SURE
from explorer.words import t
from tests.apptest import table_cells
from tests.conftest import (
    loaded,
    only_problem,
    problems_of,
    read_rows,
    row_index,
    set_cell,
    write_rows,
)

ALL = ["rest", "nerve_block", "gel"]


def test_not_sure_comes_first_and_shows_every_option(content):
    assert list(situation.choices(content)) == [NOT_SURE, "leg_pain", "back_pain"]
    assert situation.aimed_options(content, NOT_SURE) == ALL
    assert situation.fits(content, NOT_SURE) == [] and situation.set_apart(content, NOT_SURE) == []


@pytest.mark.parametrize(
    ("situation_id", "aimed", "apart"),
    [
        ("leg_pain", ["rest", "nerve_block"], ["gel"]),
        ("back_pain", ["rest"], ["nerve_block", "gel"]),
    ],
)
def test_which_options_are_aimed_at_a_situation_comes_from_the_data(
    content, situation_id, aimed, apart
):
    assert situation.aimed_options(content, situation_id) == aimed
    assert [fit.option_id for fit in situation.set_apart(content, situation_id)] == apart
    assert situation.arranged(content, situation_id, ALL) == aimed + apart


def test_an_option_at_a_level_not_aimed_at_the_situation_is_set_apart_with_level_rule_and_reason(
    content,
):
    # The fixture's gel is at "only inside a study" (aimed: no) for back pain.
    [gel] = [fit for fit in situation.fits(content, "back_pain") if fit.option_id == "gel"]
    assert not gel.aimed and gel.label() == "Only inside a study"
    assert gel in situation.set_apart(content, "back_pain")
    assert gel.reason in gel.line() and gel.short_name in gel.line() and gel.label() in gel.line()
    assert gel.rule == "A guideline says to offer it only as part of a study."
    assert gel.rule_line() == t("situation.fit_rule", fit="Only inside a study", rule=gel.rule)
    assert "S104" in gel.evidence()


def test_an_edit_to_the_fit_moves_the_option(data_copy):
    path = data_copy / "option_fit.csv"
    set_cell(path, row_index(path, option_id="gel", situation_id="leg_pain"), "fit", "first_line")
    assert situation.aimed_options(loaded(data_copy), "leg_pain") == ALL


def test_the_rule_file_says_which_levels_are_aimed_at_the_situation(data_copy):
    path = data_copy / "fit_levels.csv"
    set_cell(path, row_index(path, fit="trial_only"), "aimed", "yes")
    set_cell(path, row_index(path, fit="first_line"), "aimed", "no")
    content = loaded(data_copy)
    assert situation.aimed_options(content, "back_pain") == ["gel"]
    assert situation.aimed_options(content, "leg_pain") == ["nerve_block"]


def test_an_unknown_situation_is_not_sure(content):
    for unknown in (None, "", "<script>", "Leg_Pain"):
        assert situation.known(content, unknown) == NOT_SURE
    assert situation.name(content, "nonsense") == t("situation.not_sure")
    assert situation.how_to_tell(content, "nonsense") == t("situation.not_sure_how_to_tell")


def test_the_option_picker_marks_the_options_set_apart(content):
    choices = situation.option_choices(content, "leg_pain")
    assert list(choices) == ["rest", "nerve_block", "gel"]
    assert choices["gel"] == t("situation.set_apart_choice", option="Disc gel implant")
    assert list(situation.option_choices(content, "back_pain")) == ["rest", "nerve_block", "gel"]
    assert situation.option_choices(content, "back_pain")["gel"] == t(
        "situation.set_apart_choice", option="Disc gel implant"
    )
    assert situation.option_choices(content, NOT_SURE) == content.option_names()


def test_the_home_list_says_how_each_option_fits(content):
    plain_list = home.option_lines(content)
    assert t("situation.fit_column") not in plain_list.columns
    lines = home.option_lines(content, "back_pain")
    names = list(lines[t("home.options.option")])
    assert names == ["Rest and home exercise", "Nerve block injection", "Disc gel implant"]
    assert list(lines[t("situation.fit_column")].str.split(".").str[0]) == [
        "Offered first",
        "Not advised",
        "Only inside a study",
    ]
    assert situation.rule_lines(content, "back_pain") == [
        t("situation.fit_rule", fit=name, rule=rule)
        for name, rule in [
            ("Offered first", "A guideline says to start with it."),
            ("Not advised", "A guideline says not to offer it here."),
            ("Only inside a study", "A guideline says to offer it only as part of a study."),
        ]
    ]


def test_the_summary_pdf_note_and_link_state_the_situation(content):
    summary = decide.summary(content, ALL, decide.Answers(), "back_pain")
    assert summary.situation[0] == t("situation.chosen", situation="Mostly back pain")
    assert summary.situation[1] == t("situation.aimed", options="Rest and home exercise")
    assert decide.summary(content, ALL, decide.Answers()).situation == [t("situation.none_chosen")]
    note = decide.record_note(content, ALL, decide.Answers(), "back_pain")
    assert "Mostly back pain" in note and "Gel implant: Only inside a study" in note
    assert "Disc gel implant" not in note.splitlines()[1]  # the note names none as aimed
    aimed = situation.aimed_options(content, "back_pain")
    link = decide.share_url(
        "http://x/summary", aimed, ALL, False, decide.Answers(), False, "back_pain", aimed
    )
    assert link == "http://x/summary?situation=back_pain"  # the aimed options are the default
    link = decide.share_url(
        "http://x/summary", ALL, ALL, False, decide.Answers(), False, "back_pain", aimed
    )
    assert "situation=back_pain" in link and "options=nerve_block" in link


def test_the_summary_and_the_note_give_every_options_level_and_reason_aimed_first(content):
    lines = situation.summary_lines(content, "back_pain")
    fits = {fit.option_id: fit for fit in situation.fits(content, "back_pain")}
    in_order = [fits[o].line() for o in ("rest", "nerve_block", "gel")]
    assert [line for line in lines if line in in_order] == in_order
    assert t("situation.rule_intro") in lines
    assert set(situation.rule_lines(content, "back_pain")) <= set(lines)
    note = decide.record_note(content, ["rest"], decide.Answers(), "back_pain").splitlines()
    assert all(fit.line() in note for fit in fits.values())  # room for every reason


def test_a_note_short_of_room_keeps_every_level_and_the_reasons_of_the_options_discussed(
    content, monkeypatch
):
    note = decide.record_note.__wrapped__  # worked out anew for each limit, not kept
    fits = {fit.option_id: fit for fit in situation.fits(content, "back_pain")}
    whole = note(content, ["rest"], decide.Answers(), "back_pain")
    monkeypatch.setattr(decide, "NOTE_LIMIT", len(whole) - 1)
    short = note(content, ["rest"], decide.Answers(), "back_pain").splitlines()
    assert fits["rest"].line() in short
    assert fits["gel"].short_line() in short and fits["gel"].line() not in short
    both = note(content, ["rest", "gel"], decide.Answers(), "back_pain")
    monkeypatch.setattr(decide, "NOTE_LIMIT", len(both) - 1)
    first = note(content, ["rest", "gel"], decide.Answers(), "back_pain").splitlines()
    assert fits["rest"].line() in first and fits["gel"].short_line() in first  # from the last
    monkeypatch.setattr(decide, "NOTE_LIMIT", 10)
    shortest = note(content, ["rest"], decide.Answers(), "back_pain").splitlines()
    assert all(fit.short_line() in shortest for fit in fits.values())


# The files' rules ------------------------------------------------------------------------------
def test_every_option_needs_a_fit_for_every_situation(data_copy):
    path = data_copy / "option_fit.csv"
    rows = read_rows(path)
    write_rows(
        path,
        [row for row in rows if (row["option_id"], row["situation_id"]) != ("gel", "leg_pain")],
    )
    problem = only_problem(data_copy)
    assert (
        problem.file == "option_fit.csv"
        and "gel" in problem.found("en")
        and "leg_pain" in problem.found("en")
    )


@pytest.mark.parametrize(
    ("file_name", "match", "column", "value", "expected"),
    [
        (
            "option_fit.csv",
            {"option_id": "gel", "situation_id": "leg_pain"},
            "fit",
            "maybe",
            "fit_levels.csv",
        ),
        ("fit_levels.csv", {"fit": "trial_only"}, "aimed", "maybe", "yes, no"),
        ("fit_levels.csv", {"fit": "trial_only"}, "rule", "", "must not be empty"),
        (
            "option_fit.csv",
            {"option_id": "gel", "situation_id": "leg_pain"},
            "situation_id",
            "neck_pain",
            "situations.csv",
        ),
        (
            "option_fit.csv",
            {"option_id": "gel", "situation_id": "leg_pain"},
            "reason",
            "",
            "must not be empty",
        ),
        (
            "populations.csv",
            {"population_id": "leg_disc"},
            "situation_ids",
            "leg_pain; neck",
            "situations.csv",
        ),
        (
            "outcomes.csv",
            {"option_id": "gel", "outcome_id": "met_aim"},
            "population_id",
            "everyone",
            "populations.csv",
        ),
        (
            "evaluation.csv",
            {"option_id": "gel", "position": "1"},
            "kind",
            "advert",
            "clinic_checks",
        ),
        ("situations.csv", {"situation_id": "back_pain"}, "how_to_tell", "", "must not be empty"),
    ],
)
def test_a_bad_cell_is_named_by_file_row_and_column(
    data_copy, file_name, match, column, value, expected
):
    path = data_copy / file_name
    row = set_cell(path, row_index(path, **match), column, value)
    problems = problems_of(data_copy)
    mine = [p for p in problems if (p.file, p.row, p.column) == (file_name, row, column)]
    assert mine and expected in mine[0].expectation("en"), [p.message("en") for p in problems]


def test_every_option_needs_each_kind_of_evaluation_row(data_copy):
    path = data_copy / "evaluation.csv"
    rows = read_rows(path)
    write_rows(
        path, [row for row in rows if (row["option_id"], row["kind"]) != ("gel", "trial_entry")]
    )
    problem = only_problem(data_copy)
    assert problem.file == "evaluation.csv" and "trial_entry" in problem.found("en")


def test_a_renamed_situation_is_followed_everywhere_or_reported(data_copy):
    path = data_copy / "situations.csv"
    set_cell(path, row_index(path, situation_id="back_pain"), "situation_id", "low_back")
    files = {problem.file for problem in problems_of(data_copy)}
    assert files == {
        "option_fit.csv",
        "situation_bounds.csv",
        "populations.csv",
        "evaluation.csv",
        "quiz.csv",
        "clinician_questions.csv",
    }


def test_each_kind_of_evaluation_row_reads_as_one_table_and_an_option_without_one_says_so(
    content,
):
    tables = situation.evaluation_tables(content, ["nerve_block", "gel"], "leg_pain")
    assert list(tables) == list(situation.evaluation(content, ["nerve_block", "gel"], "leg_pain"))
    names, checks, evidence = table_cells(tables["clinic_checks"])
    assert names == ["Nerve block injection", "Disc gel implant"]
    assert checks == ["Leg pain that matches one pressed nerve.", t("situation.evaluation.none")]
    assert evidence[0] == compare.evidence_line("low", ["S102"]) and evidence[1] == ""
    # Three trial rows for the nerve block when not sure: three lines, the gel's last two empty.
    trials = table_cells(
        situation.evaluation_tables(content, ["nerve_block", "gel"], NOT_SURE)["trial_entry"]
    )
    assert len(trials) == 1 + 3 * 2
    assert trials[3][1] == "" and trials[1][1] == "The trial took adults with one painful disc."
