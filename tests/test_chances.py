"""Chances out of 100 (explorer/chances.py), the icon-array builder (explorer/charts.py) and the
rules for data/outcomes.csv: numbers, words, pictures and clear errors."""

from __future__ import annotations

import pytest

from explorer import chances, charts, words
from explorer.chances import Count
from explorer.data import load_content
from explorer.situation import NOT_SURE
from explorer.words import t
from tests.conftest import only_problem, row_index, set_cell

# Rows of the fixture data's outcomes.csv: a decimal count with a comparison group, and a range.
GEL_AIM = {"option_id": "gel", "outcome_id": "met_aim"}
NERVE_BLOCK_FLARE = {"option_id": "nerve_block", "outcome_id": "flare"}


@pytest.fixture(scope="module")
def every_chance(content):
    return chances.all_chances(content)


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
        for count, sentence in zip(chance.counts, chance.sentences()):
            had, within = count.drawn()
            assert had + within <= 100
            numbers = count.numbers()
            assert numbers["rest"] == 100 - numbers["number"]
            assert numbers["rest_low"] + numbers["high"] == 100 == numbers["rest_high"] + had
            assert sentence.startswith(count.group + ":") and "%" not in sentence


@pytest.mark.parametrize(
    ("low", "high", "form", "sentence_form"),
    [
        (0, 0, "exact", "exact"),
        (95, 95, "exact", "exact"),
        (33.5, 33.5, "about", "about"),
        (33.2, 33.4, "about", "about_range"),
        (12, 40, "between", "between"),
        (0.07, 9.6, "about_between", "about_between"),
        (0.2, 0.2, "fewer_than_one", "fewer_than_one"),
        (0.1, 0.4, "fewer_than_one", "fewer_than_one_range"),
    ],
)
def test_each_form_of_a_number_has_its_own_whole_sentence(low, high, form, sentence_form):
    count = Count("People", low, high)
    assert (count.form(), count.sentence_form()) == (form, sentence_form)
    # Every form of every family is in the catalogue, in every language.
    for language in words.languages():
        catalogue = words.catalogue(language)
        assert f"chances.sentence.{sentence_form}" in catalogue
        assert f"chances.alt_group.{form}" in catalogue
        assert f"charts.icons.heading.{form}" in catalogue


def test_a_figure_that_is_not_whole_is_said_as_about_with_the_studys_number(every_chance):
    gel = find(every_chance, "gel", "met_aim")
    assert gel.sentences()[0] == t(
        "chances.sentence.about",
        group="People given the gel",
        number=28,
        outcome="met the trial's aim",
        study="27.5",
        rest=72,
    )
    assert list(gel.table().iloc[0]) == ["People given the gel", "27.5", "72.5"]
    # The comparison group is the second group, said the same way.
    assert [count.group for count in gel.counts] == [
        "People given the gel",
        "People given a dummy injection",
    ]
    assert list(gel.table().iloc[1]) == ["People given a dummy injection", "31.2", "68.8"]


def test_a_range_stays_a_range(every_chance):
    flare = find(every_chance, "nerve_block", "flare")
    assert flare.sentences()[0] == t(
        "chances.sentence.between",
        group="People given a nerve block",
        low=5,
        high=20,
        outcome="had a flare of pain",
        rest_low=80,
        rest_high=95,
    )
    assert list(flare.table().iloc[0])[1:] == [
        t("chances.number_range", low=5, high=20),
        t("chances.number_range", low=80, high=95),
    ]


def test_a_chance_under_1_in_100_is_said_in_words_not_drawn_as_nobody(every_chance):
    rare = find(every_chance, "nerve_block", "serious_problem")
    assert not rare.drawable
    assert rare.sentences() == [
        t(
            "chances.sentence.fewer_than_one",
            group="People given a nerve block",
            outcome="had a serious problem",
            study="0.3",
        )
    ]
    assert all(c.drawable for c in every_chance if c.outcome_id != "serious_problem")
    assert Count("People", 0, 0).form() == "exact" and not Count("People", 0, 0).is_rare


def test_every_chance_says_when_who_and_how_sure(every_chance):
    for chance in every_chance:
        details = chance.details()
        assert details[:2] == [
            t("chances.when", time_frame=chance.time_frame),
            t("chances.who", people=chance.people),
        ]
        assert chance.certainty in chance.evidence() and chance.source_ids
        assert all(count.group in chance.alt_text() for count in chance.counts)


def test_a_different_time_frame_for_the_same_outcome_is_pointed_out(every_chance):
    gel = find(every_chance, "gel", "flare")
    # A sentence, then each other option with its own time: only the other options.
    assert chances.time_frame_warning(every_chance, gel) == [
        t("chances.different_time", count=1),
        t(
            "chances.different_time_option",
            option="Nerve block injection",
            time_frame="within 4 weeks",
        ),
    ]
    # Same outcome, same time frame: nothing to warn about.
    assert chances.time_frame_warning(every_chance, find(every_chance, "rest", "felt_better")) == []


def test_every_option_gets_the_same_headings_even_without_numbers(every_chance, content):
    for option_id in content.options["option_id"]:
        assert list(chances.by_kind(every_chance, option_id)) == ["benefit", "harm"]
    # Rest has a number for a benefit but none for a harm.
    assert (
        chances.by_kind(every_chance, "rest")["harm"] == []
        and chances.by_kind(every_chance, "rest")["benefit"]
    )


def test_the_numbers_table_has_a_row_per_group(every_chance):
    table = chances.numbers_table(every_chance)
    assert len(table) == sum(len(c.counts) for c in every_chance)
    assert list(table.columns) == [
        t(f"chances.numbers.{column}")
        for column in ("option", "outcome", "group", "out_of_100", "when", "whose", "how_sure")
    ]
    assert set(table[t("chances.numbers.whose")]) == {c.whose for c in every_chance}


def test_every_number_says_whose_it_is_against_the_persons_situation(every_chance):
    felt_better = next(c for c in every_chance if c.option_id == "rest" and c.kind == "benefit")
    assert felt_better.whose == "people with back pain for over 3 months"
    assert felt_better.about("back_pain") and not felt_better.about("leg_pain")
    assert felt_better.whose in felt_better.whose_line(NOT_SURE)
    assert felt_better.whose_line("back_pain") == t(
        "situation.numbers.about_you", whose=felt_better.whose
    )
    assert felt_better.whose_line("leg_pain") == t(
        "situation.numbers.not_about_you", whose=felt_better.whose
    )


def test_numbers_about_the_persons_situation_come_first(every_chance):
    # Rest has two benefits: one about back pain for months, one about brand-new back pain.
    for situation_id in ("back_pain", NOT_SURE):
        benefits = chances.by_kind(every_chance, "rest", situation_id)["benefit"]
        assert [c.outcome_id for c in benefits] == ["felt_better", "fully_recovered"]
        assert not chances.none_about(benefits, situation_id)
    # Nothing about leg pain for rest: said, not shown as if it were.
    benefits = chances.by_kind(every_chance, "rest", "leg_pain")["benefit"]
    assert len(benefits) == 2 and chances.none_about(benefits, "leg_pain")
    assert not chances.none_about([], "leg_pain")  # no numbers at all is said otherwise


def test_the_summarys_key_numbers_are_about_the_persons_situation_benefits_and_harms_in_turn(
    every_chance,
):
    # Nerve block: a benefit and two harms, each about people with leg pain (among others).
    key = chances.key_numbers(every_chance, "nerve_block", "leg_pain")
    assert [c.kind for c in key] == ["benefit", "harm", "harm"]
    assert all(c.about("leg_pain") for c in key)
    assert len(chances.key_numbers(every_chance, "nerve_block", "leg_pain", limit=2)) == 2
    # Rest has numbers, but none about leg pain: none are taken to be.
    assert chances.key_numbers(every_chance, "rest", "leg_pain") == []
    # Not sure: any group's numbers, each line saying whose they are.
    for chance in chances.key_numbers(every_chance, "rest", NOT_SURE):
        assert chance.whose in chance.key_line(NOT_SURE)
    for chance in key:
        assert chance.whose_line("leg_pain") in chance.key_line("leg_pain")
        assert chance.time_frame in chance.key_line("leg_pain")


# The file's rules -----------------------------------------------------------------------------
OUTCOME_FAULTS = [
    (GEL_AIM, "count", "120", "from 0 to 100"),
    (GEL_AIM, "count", "-3", "from 0 to 100"),
    (GEL_AIM, "count", "a third", "from 0 to 100"),
    (GEL_AIM, "comparison_count", "101", "from 0 to 100"),
    (GEL_AIM, "time_frame", "", "must not be empty"),
    (GEL_AIM, "people", "", "must not be empty"),
    (GEL_AIM, "comparison_count", "", "a number when there is a comparison_group"),
    (NERVE_BLOCK_FLARE, "count_to", "3", "above 'count'"),
    (NERVE_BLOCK_FLARE, "certainty", "not known", "one of: high, moderate, low, very low"),
    (NERVE_BLOCK_FLARE, "source_ids", "", "at least one source id"),
    (NERVE_BLOCK_FLARE, "kind", "side effect", "benefit, harm"),
    (NERVE_BLOCK_FLARE, "comparison_count", "5", "a number when there is a comparison_group"),
    (
        NERVE_BLOCK_FLARE,
        "outcome",
        "had a problem",
        "the same 'outcome' in every row with this outcome_id",
    ),
    (NERVE_BLOCK_FLARE, "kind", "benefit", "the same 'kind' in every row with this outcome_id"),
    (NERVE_BLOCK_FLARE, "note", "See https://example.com", "plain text"),
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
    assert expected in problem.expectation("en")


def _problem_in(folder, row, column):
    return next(p for p in load_content(folder).problems if (p.row, p.column) == (row, column))


def test_the_same_outcome_twice_for_one_option_is_refused(data_copy):
    path = data_copy / "outcomes.csv"
    row = set_cell(path, row_index(path, **GEL_AIM), "outcome_id", "flare")
    problems = load_content(data_copy).problems
    assert any(
        p.file == "outcomes.csv" and p.row == row and "only one row" in p.expectation("en")
        for p in problems
    )
