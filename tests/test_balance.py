"""The balance check of the "What matters" statements (explorer/balance.py), on the fixture data:
it counts by each statement's own rule, never counts "not known", and fails a lopsided list."""

from __future__ import annotations

from explorer import balance
from explorer.__main__ import main
from tests.conftest import loaded, row_index, set_cell


def test_an_option_lines_up_well_only_by_the_statements_rule_and_never_when_not_known(content):
    assert balance.lines_up_well(content, "rest") == ["light_touch"]
    assert balance.lines_up_well(content, "nerve_block") == ["fast_return"]
    assert balance.lines_up_well(content, "gel") == []  # effort 2; time_off not known


def test_the_fixture_list_is_balanced_for_the_options_aimed_at_each_situation(content):
    assert balance.well_counts(content, ["rest", "nerve_block"]) == {"rest": 1, "nerve_block": 1}
    assert balance.unbalanced(content) == {}


def test_a_list_that_favours_one_aimed_option_is_found_and_the_check_reminds_of_it(
    data_copy, capsys
):
    ratings = data_copy / "ratings.csv"
    # Rest now also gets back to daily life soonest and has a clear, trusted benefit.
    set_cell(ratings, row_index(ratings, option_id="rest", attribute_id="time_off"), "level", "1")
    for attribute_id in ("gain_size", "sureness"):
        index = row_index(ratings, option_id="rest", attribute_id=attribute_id)
        set_cell(ratings, index, "level", "1")
    edited = loaded(data_copy)
    assert balance.lines_up_well(edited, "rest") == ["light_touch", "fast_return", "proven_gain"]
    assert balance.unbalanced(edited) == {"leg_pain": {"rest": 3, "nerve_block": 1}}

    assert main(["check", str(data_copy)]) == 0  # valid data: a reminder, not a problem
    out = capsys.readouterr().out
    assert "'leg_pain'" in out and "line up well with different numbers of statements" in out
    assert "'back_pain'" not in out  # one aimed option there: nothing to compare


def test_a_statement_with_two_attributes_lines_up_well_only_when_both_do(data_copy):
    ratings = data_copy / "ratings.csv"
    set_cell(ratings, row_index(ratings, option_id="rest", attribute_id="gain_size"), "level", "1")
    assert "proven_gain" not in balance.lines_up_well(loaded(data_copy), "rest")  # sureness 2
