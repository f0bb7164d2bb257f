"""Chances out of 100 (explorer/chances.py), the icon-array builder (explorer/charts.py) and the
rules for data/outcomes.csv: numbers, words, pictures and clear errors."""

from __future__ import annotations

import pytest

from explorer import chances, charts
from explorer.chances import Count
from explorer.data import load_content
from explorer.text import capital
from explorer.words import t
from tests.conftest import DATA, set_cell
from tests.test_ratings_schema import only_problem, row_index

FIBRIN_GOAL = {"option_id": "fibrin", "outcome_id": "met_goal"}
FUSION_COMPLICATION = {"option_id": "fusion", "outcome_id": "complication"}


@pytest.fixture(scope="module")
def every_chance():
    return chances.all_chances(load_content(DATA).content)


def find(every_chance, option_id, outcome_id):
    return next(c for c in every_chance if (c.option_id, c.outcome_id) == (option_id, outcome_id))


# The picture ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("low", "high", "had", "within"),
    [
        (0, 0, 0, 0),
        (1.6, 1.6, 2, 0),
        (33.5, 33.5, 34, 0),
        (39.3, 39.3, 39, 0),
        (12, 40, 12, 28),
        (100, 100, 100, 0),
    ],
)
def test_each_group_is_exactly_100_people_with_the_right_number_filled(low, high, had, within):
    people = charts.icon_people((Count("People", low, high), Count("Others", 50, 50)))
    first = people.iloc[:100]
    assert len(people) == 200 and list(first["person"]) == list(range(1, 101))
    assert (first["status"] == charts.HAD).sum() == had
    assert (first["status"] == charts.WITHIN_RANGE).sum() == within
    assert (first["status"] == charts.DID_NOT).sum() == 100 - had - within
    assert (people.iloc[100:]["status"] == charts.HAD).sum() == 50


def test_people_are_grouped_in_reading_order_not_scattered():
    people = charts.icon_people((Count("People", 12, 40),))
    # Row by row from the top left: all who had it, then the range, then those who did not.
    in_reading_order = people.sort_values(["y", "x"])["status"].tolist()
    assert (
        in_reading_order == [charts.HAD] * 12 + [charts.WITHIN_RANGE] * 28 + [charts.DID_NOT] * 60
    )
    assert people["y"].max() == 9 and people.groupby("y").size().eq(10).all()


def test_the_chart_draws_exactly_those_people():
    spec = charts.icon_array(
        (Count("Fibrin", 33.5, 33.5), Count("Saltwater", 39.3, 39.3)), "met the goal"
    ).to_dict()
    people = next(rows for rows in spec["datasets"].values() if rows and "person" in rows[0])
    assert len(people) == 200
    assert [
        sum(1 for row in people[g * 100 : g * 100 + 100] if row["status"] == charts.HAD)
        for g in (0, 1)
    ] == [34, 39]


def test_the_comparison_group_is_drawn_beside_on_the_same_scale():
    people = charts.icon_people((Count("Fibrin", 33.5, 33.5), Count("Saltwater", 39.3, 39.3)))
    option, comparison = people.iloc[:100], people.iloc[100:]
    assert option["x"].max() < comparison["x"].min()
    assert list(option["y"]) == list(comparison["y"])


def _grey(colour: str) -> float:
    """The grey a colour prints as in black and white (Rec. 601 luma, 0 = black, 255 = white)."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.299 * red + 0.587 * green + 0.114 * blue


def test_marks_differ_in_black_and_white_print_not_by_colour_alone():
    greys = sorted(
        _grey(charts.ICON_FILLS[status])
        for status in (charts.HAD, charts.WITHIN_RANGE, charts.DID_NOT)
    )
    assert greys[1] - greys[0] >= 60 and greys[2] - greys[1] >= 60  # dark, mid grey, white
    # The range also has a dashed outline, so it differs by more than its shade.
    assert charts.ICON_DASHES[charts.WITHIN_RANGE] != charts.ICON_DASHES[charts.HAD]


def test_the_chart_has_a_labelled_key_for_every_kind_of_mark_drawn():
    spec = charts.icon_array(
        (Count("People who had fusion", 12, 40),), "had a complication"
    ).to_dict()
    words = {row["words"] for data in spec["datasets"].values() for row in data if "words" in row}
    assert words == {
        "Had a complication",
        t("charts.icons.within_range"),
        t("charts.icons.did_not"),
    }
    single = charts.icon_array((Count("People", 95, 95),), "felt recovered").to_dict()
    words = {row["words"] for data in single["datasets"].values() for row in data if "words" in row}
    assert words == {"Felt recovered", t("charts.icons.did_not")}


def test_every_picture_has_the_same_width_so_the_scale_is_the_same():
    one = charts.icon_array((Count("A", 5, 5),), "x").to_dict()
    two = charts.icon_array((Count("A", 5, 5), Count("B", 7, 7)), "x").to_dict()
    assert one["width"] == two["width"] <= 352  # fits a phone screen


def test_consult_zoom_enlarges_people_and_words_alike():
    counts = (Count("A", 5, 5), Count("B", 7, 7))
    plain, zoomed = (
        charts.icon_array(counts, "x").to_dict(),
        charts.icon_array(counts, "x", 1.5).to_dict(),
    )
    assert zoomed["width"] == round(plain["width"] * 1.5)
    assert zoomed["layer"][0]["mark"]["size"] == plain["layer"][0]["mark"]["size"] * 1.5**2
    assert zoomed["layer"][2]["mark"]["fontSize"] == plain["layer"][2]["mark"]["fontSize"] * 1.5


# The words -----------------------------------------------------------------------------------
def test_both_framings_add_up_to_100_people(every_chance):
    for chance in every_chance:
        for count in chance.counts:
            had, within = count.drawn()
            assert had + within <= 100
            sentence = next(s for s in chance.sentences() if s.startswith(count.group + ":"))
            assert count.amount() in sentence and capital(count.amount(rest=True)) in sentence
            assert "%" not in sentence


def test_a_figure_that_is_not_whole_is_said_as_about_with_the_studys_number(every_chance):
    fibrin = find(every_chance, "fibrin", "met_goal")
    assert fibrin.sentences()[0] == t(
        "chances.sentence_with_study",
        group="People given fibrin into the centre of the disc",
        amount=t("chances.amount.about", number=34),
        outcome="met the trial's goal for success",
        study="33.5",
        rest=capital(t("chances.amount.about", number=66)),
    )
    assert list(fibrin.table().iloc[0]) == [
        "People given fibrin into the centre of the disc",
        "33.5",
        "66.5",
    ]


def test_a_range_stays_a_range(every_chance):
    fusion = find(every_chance, "fusion", "complication")
    assert fusion.sentences()[0] == t(
        "chances.sentence",
        group="People who had fusion",
        amount=t("chances.amount.between", low=12, high=40),
        outcome="had a complication",
        rest=capital(t("chances.amount.between", low=60, high=88)),
    )
    assert list(fusion.table().iloc[0])[1:] == [
        t("chances.number_range", low=12, high=40),
        t("chances.number_range", low=60, high=88),
    ]


def test_a_chance_under_1_in_100_is_said_in_words_not_drawn_as_nobody(every_chance):
    death = find(every_chance, "fusion", "died_in_hospital")
    assert not death.drawable
    assert death.sentences() == [
        t(
            "chances.sentence_with_study",
            group="People who had fusion",
            amount=t("chances.amount.fewer_than_one"),
            outcome="died in hospital after the operation",
            study="0.2",
            rest=capital(t("chances.amount.more_than_99")),
        )
    ]
    assert all(c.drawable for c in every_chance if c.outcome_id != "died_in_hospital")
    assert (
        Count("People", 0, 0).amount() == "0" and not Count("People", 0, 0).is_rare
    )  # none is drawn


def test_every_chance_says_when_who_and_how_sure(every_chance):
    for chance in every_chance:
        details = chance.details()
        assert details[:2] == [
            t("chances.when", time_frame=capital(chance.time_frame)),
            t("chances.who", people=chance.people),
        ]
        assert chance.certainty in chance.evidence() and chance.source_ids
        assert all(count.group in chance.alt_text() for count in chance.counts)


def test_a_different_time_frame_for_the_same_outcome_is_pointed_out(every_chance):
    discectomy = find(every_chance, "discectomy", "complication")
    warning = chances.time_frame_warning(every_chance, discectomy)
    assert "Spinal fusion" in warning and "within 2 years" in warning
    # Same outcome, same time frame: nothing to warn about.
    assert (
        chances.time_frame_warning(every_chance, find(every_chance, "discectomy", "felt_recovered"))
        is None
    )


def test_every_option_gets_the_same_headings_even_without_numbers(every_chance):
    for option_id in ["conservative", "esi", "fibrin", "discectomy", "fusion"]:
        assert list(chances.by_kind(every_chance, option_id)) == ["benefit", "harm"]
    # ESI has harm numbers (Carette 1997, Benedetti 2009) but no count of people for a benefit.
    assert (
        chances.by_kind(every_chance, "esi")["benefit"] == []
        and chances.by_kind(every_chance, "esi")["harm"]
    )


def test_the_numbers_table_has_a_row_per_group(every_chance):
    table = chances.numbers_table(every_chance)
    assert len(table) == sum(len(c.counts) for c in every_chance)
    assert list(table.columns) == [
        t(f"chances.numbers.{column}")
        for column in ("option", "outcome", "group", "out_of_100", "when", "how_sure")
    ]


# The file's rules -----------------------------------------------------------------------------
OUTCOME_FAULTS = [
    (FIBRIN_GOAL, "count", "120", "from 0 to 100"),
    (FIBRIN_GOAL, "count", "-3", "from 0 to 100"),
    (FIBRIN_GOAL, "count", "a third", "from 0 to 100"),
    (FIBRIN_GOAL, "comparison_count", "101", "from 0 to 100"),
    (FIBRIN_GOAL, "time_frame", "", "must not be empty"),
    (FIBRIN_GOAL, "people", "", "must not be empty"),
    (FIBRIN_GOAL, "comparison_count", "", "a number when there is a comparison_group"),
    (FUSION_COMPLICATION, "count_to", "10", "above 'count'"),
    (FUSION_COMPLICATION, "certainty", "not known", "one of: high, moderate, low, very low"),
    (FUSION_COMPLICATION, "source_ids", "", "at least one source id"),
    (FUSION_COMPLICATION, "kind", "side effect", "benefit, harm"),
    (FUSION_COMPLICATION, "comparison_count", "5", "a number when there is a comparison_group"),
    (
        FUSION_COMPLICATION,
        "outcome",
        "had a problem",
        "the same 'outcome' in every row with this outcome_id",
    ),
    (FUSION_COMPLICATION, "kind", "benefit", "the same 'kind' in every row with this outcome_id"),
    (FUSION_COMPLICATION, "note", "See https://example.com", "plain text"),
]


@pytest.mark.parametrize(("match", "column", "value", "expected"), OUTCOME_FAULTS)
def test_a_bad_outcome_cell_is_named_by_file_row_and_column(
    data_copy, match, column, value, expected
):
    path = data_copy / "outcomes.csv"
    row = set_cell(path, row_index(path, **match), column, value)
    # A changed outcome or kind also makes the rows of that outcome disagree: the changed row is
    # among those reported.
    problem = (
        _problem_in(data_copy, row, column)
        if value in ("had a problem", "benefit")
        else only_problem(data_copy)
    )
    assert (problem.file, problem.row, problem.column, problem.value) == (
        "outcomes.csv",
        row,
        column,
        value,
    )
    assert expected in problem.expected


def _problem_in(folder, row, column):
    return next(p for p in load_content(folder).problems if (p.row, p.column) == (row, column))


def test_the_same_outcome_twice_for_one_option_is_refused(data_copy):
    path = data_copy / "outcomes.csv"
    row = set_cell(path, row_index(path, **FIBRIN_GOAL), "outcome_id", "complication")
    problems = load_content(data_copy).problems
    assert any(
        p.file == "outcomes.csv" and p.row == row and "only one row" in p.expected for p in problems
    )
