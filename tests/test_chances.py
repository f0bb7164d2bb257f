"""Chances out of 100 (explorer/chances.py), the icon-array builder (explorer/charts.py) and the
rules for data/outcomes.csv: numbers, words, pictures and clear errors."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from explorer import chances, charts, style, words
from explorer.chances import Count
from explorer.data import load_content
from explorer.situation import NOT_SURE
from explorer.words import t
from tests.conftest import fixture_content, only_problem, row_index, set_cell

CONTENT = fixture_content()

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
        (2.7, 2.7, 3, 0),
        (33.5, 33.5, 34, 0),
        (39.3, 39.3, 39, 0),
        (12, 40, 12, 28),
        (100, 100, 100, 0),
    ],
)
def test_a_group_is_exactly_100_whole_people_with_the_right_number_filled(low, high, had, within):
    people = charts.icon_people(Count("People", low, high))
    assert list(people["person"]) == list(range(1, 101))
    assert (people["status"] == charts.HAD).sum() == had
    assert (people["status"] == charts.WITHIN_RANGE).sum() == within
    assert (people["status"] == charts.DID_NOT).sum() == 100 - had - within


def test_people_are_grouped_in_reading_order_not_scattered():
    people = charts.icon_people(Count("People", 12, 40))
    # Row by row from the top left: all who had it, then the range, then those who did not.
    in_reading_order = people.sort_values(["y", "x"])["status"].tolist()
    assert (
        in_reading_order == [charts.HAD] * 12 + [charts.WITHIN_RANGE] * 28 + [charts.DID_NOT] * 60
    )
    assert people["y"].max() == 9 and people.groupby("y").size().eq(10).all()


def _spec(count: Count, outcome: str = "x", kind: str = "benefit", zoom: float = 1.0) -> dict:
    return charts.icon_array(count, outcome, kind, zoom).to_dict()


def _fills(spec: dict) -> dict[str, str]:
    """Each kind of mark drawn and its fill colour."""
    scale = spec["layer"][0]["encoding"]["fill"]["scale"]
    return dict(zip(scale["domain"], scale["range"]))


def test_the_chart_draws_exactly_those_people_whole_with_the_exact_figure_in_the_table(
    every_chance,
):
    spec = _spec(Count("Fibrin", 33.5, 33.5), "met the goal")
    people = next(rows for rows in spec["datasets"].values() if rows and "person" in rows[0])
    assert len(people) == 100
    assert sum(1 for row in people if row["status"] == charts.HAD) == 34
    # The heading says "about 34"; the table keeps the study's own figure.
    heading = Count("Fibrin", 33.5, 33.5).heading()
    assert "34" in heading and "33.5" not in heading
    gel = find(every_chance, "gel", "met_aim")
    assert list(gel.table().iloc[0])[1] == "27.5"


def test_benefits_and_harms_are_drawn_in_two_colour_families_dark_for_it_happened():
    benefit = _fills(_spec(Count("A", 12, 40), kind="benefit"))
    harm = _fills(_spec(Count("A", 12, 40), kind="harm"))
    assert benefit[charts.DID_NOT] == harm[charts.DID_NOT] == style.PAPER
    # Blue for benefits (more blue than red), orange for harms (more red than blue).
    for fills, family in ((benefit, "blue"), (harm, "orange")):
        for status in (charts.HAD, charts.WITHIN_RANGE):
            red, _, blue = _rgb(fills[status])
            assert (blue > red) == (family == "blue"), (family, status)
        # Dark always means it happened: the darkest mark is those who had it.
        assert _grey(fills[charts.HAD]) < _grey(fills[charts.WITHIN_RANGE])
        # WCAG 1.4.11: a mark that carries meaning has 3:1 against the page.
        assert _contrast(fills[charts.HAD], style.PAPER) >= 3


def test_the_two_families_stay_apart_for_red_green_colour_blind_readers():
    """Simulated deuteranopia and protanopia (Machado et al. 2009, full severity): the dark
    benefit and harm marks still differ clearly on the blue-yellow axis those readers keep."""
    machado = {
        "protanopia": (
            (0.152286, 1.052583, -0.204868),
            (0.114503, 0.786281, 0.099216),
            (-0.003882, -0.048116, 1.051998),
        ),
        "deuteranopia": (
            (0.367322, 0.860646, -0.227968),
            (0.280085, 0.672501, 0.047413),
            (-0.011820, 0.042940, 0.968881),
        ),
    }
    benefit, harm = (style.ICON_COLOURS[kind][0] for kind in ("benefit", "harm"))
    for matrix in machado.values():
        seen = [_simulate(colour, matrix) for colour in (benefit, harm)]
        # Blue minus yellow: positive for the benefit's blue, negative for the harm's orange.
        assert seen[0][2] - (seen[0][0] + seen[0][1]) / 2 > 0.05
        assert seen[1][2] - (seen[1][0] + seen[1][1]) / 2 < -0.01


def _rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def _linear(colour: str) -> list[float]:
    return [
        c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
        for c in (v / 255 for v in _rgb(colour))
    ]


def _simulate(colour: str, matrix) -> list[float]:
    linear = _linear(colour)
    return [sum(m * c for m, c in zip(row, linear)) for row in matrix]


def _contrast(one: str, other: str) -> float:
    def luminance(colour: str) -> float:
        red, green, blue = _linear(colour)
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue

    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _grey(colour: str) -> float:
    """The grey a colour prints as in black and white (Rec. 601 luma, 0 = black, 255 = white)."""
    red, green, blue = _rgb(colour)
    return 0.299 * red + 0.587 * green + 0.114 * blue


@pytest.mark.parametrize("kind", ["benefit", "harm"])
def test_a_group_counted_for_the_treatment_it_was_offered_is_grey_and_said_so(kind):
    """3rd review P6: people offered surgery who had it are not 88 out of 100 harmed: their marks
    are neither the harm's nor the benefit's family, and the key says what they are."""
    offered = _spec(Count("People offered surgery", 88, 88, offered=True), "had surgery", kind)
    fills = _fills(offered)
    for family in ("benefit", "harm"):
        assert fills[charts.HAD] not in style.ICON_COLOURS[family]
    red, green, blue = _rgb(fills[charts.HAD])
    assert max(red, green, blue) - min(red, green, blue) < 16  # a grey, no hue
    assert _contrast(fills[charts.HAD], style.PAPER) >= 3
    said = json.dumps(offered)
    assert "offered" in said and t("charts.icons.had", outcome="had surgery") not in said
    # The same people not offered it are drawn in the outcome's own family.
    assert (
        _fills(_spec(Count("People", 88, 88), "had surgery", kind))[charts.HAD]
        == (style.ICON_COLOURS[kind][0])
    )


def test_the_offered_rule_comes_from_the_data_for_either_group(data_copy):
    path = data_copy / "outcomes.csv"
    set_cell(path, row_index(path, **GEL_AIM), "offered", "comparison")
    [gel] = [
        c for c in chances.all_chances(load_content(data_copy).content) if c.outcome_id == "met_aim"
    ]
    assert [count.offered for count in gel.counts] == [False, True]


@pytest.mark.parametrize("kind", ["benefit", "harm", charts.OFFERED])
def test_marks_differ_in_black_and_white_print_not_by_colour_alone(kind):
    greys = sorted(
        _grey(charts.ICON_FILLS[kind][status])
        for status in (charts.HAD, charts.WITHIN_RANGE, charts.DID_NOT)
    )
    assert greys[1] - greys[0] >= 60 and greys[2] - greys[1] >= 60  # dark, mid grey, white
    # The range also has a dashed outline, so it differs by more than its shade.
    assert charts.ICON_DASHES[charts.WITHIN_RANGE] != charts.ICON_DASHES[charts.HAD]


def test_the_chart_has_a_key_in_words_for_every_kind_of_mark_drawn():
    spec = _spec(Count("People who had fusion", 12, 40), "had a complication", "harm")
    words = {  # wrapped to the picture's width: the same words, on more lines
        row["words"].replace(charts.LINE_BREAK, " ")
        for data in spec["datasets"].values()
        for row in data
        if "words" in row
    }
    assert words == {
        t("charts.icons.had", outcome="had a complication"),
        t("charts.icons.within_range"),
        t("charts.icons.did_not"),
    }
    single = _spec(Count("People", 95, 95), "felt recovered")
    words = {row["words"] for data in single["datasets"].values() for row in data if "words" in row}
    assert words == {t("charts.icons.had", outcome="felt recovered"), t("charts.icons.did_not")}


def test_every_person_is_at_least_14_px_wide_on_a_390_px_phone():
    spec = _spec(Count("A", 5, 5))
    phone_width = 390 - 2 * 16  # the page's side padding on a phone
    shrink = min(1, phone_width / spec["width"])
    person_width = 0.62 * 2 * (spec["layer"][0]["mark"]["size"] ** 0.5) / 2  # PERSON spans ±0.62
    assert person_width * shrink >= 14
    # Every picture has the same width, so two groups side by side compare person by person.
    assert _spec(Count("B", 70, 80))["width"] == spec["width"]


def test_two_groups_side_by_side_start_their_people_level():
    short, long = Count("A", 5, 5), Count("People given exercise and talking therapy", 48, 48)
    lines = max(charts.heading_lines(short), charts.heading_lines(long))
    assert lines > charts.heading_lines(short)
    tops = [
        charts.icon_array(count, "x", "benefit", 1.0, lines).to_dict()["layer"][0]["encoding"]["y"][
            "scale"
        ]["domain"]
        for count in (short, long)
    ]
    assert tops[0] == tops[1]


def test_consult_zoom_enlarges_people_and_words_alike():
    plain, zoomed = _spec(Count("A", 5, 5)), _spec(Count("A", 5, 5), zoom=1.5)
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


def test_a_number_uses_the_decimal_mark_of_the_readers_language(every_chance):
    """One rule for every number in Spanish (4th review N1): the decimal comma, as the charts."""
    gel = find(every_chance, "gel", "met_aim")
    with words.speaking("es"):
        assert list(gel.table().iloc[0])[1:] == ["27,5", "72,5"]
        assert "27,5" in gel.sentences()[0]
    assert list(gel.table().iloc[0])[1:] == ["27.5", "72.5"]


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
        assert [count.group in alt for count, alt in zip(chance.counts, chance.alt_texts())]


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
        assert list(chances.by_kind(every_chance, option_id))[:2] == ["benefit", "harm"]
    # Rest has a number for a benefit but none for a harm.
    assert not chances.by_kind(every_chance, "rest")["harm"]
    assert chances.by_kind(every_chance, "rest")["benefit"]


def test_a_result_counted_for_everyone_in_a_trial_is_under_its_own_heading(every_chance):
    headings = chances.by_kind(every_chance, "gel", "back_pain")
    assert list(headings) == ["benefit", "harm", chances.EVERYONE]
    assert [c.outcome_id for c in headings[chances.EVERYONE].about] == ["no_better"]
    assert "no_better" not in {
        c.outcome_id for c in headings["harm"].about + headings["harm"].others
    }
    # Only where there is one: no empty heading for the other options.
    assert chances.EVERYONE not in chances.by_kind(every_chance, "nerve_block")


def test_the_numbers_table_never_names_a_group_under_another_options_name(every_chance, content):
    table = chances.numbers_table(every_chance)
    option, group = t("chances.numbers.option"), t("chances.numbers.group")
    assert list(table.columns) == [
        t(f"chances.numbers.{column}")
        for column in ("option", "outcome", "group", "out_of_100", "when", "whose", "how_sure")
    ]
    names = content.option_names()
    own_groups = {(names[c.option_id], c.counts[0].group) for c in every_chance if not c.everyone}
    for row_option, row_group in zip(table[option], table[group]):
        if row_option in names.values():
            assert (row_option, row_group) in own_groups
    gel = find(every_chance, "gel", "met_aim")
    comparison = table[table[group] == gel.counts[1].group]
    assert list(comparison[option]) == [t("chances.numbers.comparison")]
    everyone = table[table[group] == "Both groups of the trial together"]
    assert list(everyone[option]) == [t("chances.numbers.everyone")]
    assert set(table[t("chances.numbers.whose")]) == {c.whose for c in every_chance}


def test_all_the_numbers_set_other_groups_apart_and_leave_new_pain_out_of_long_pain(
    every_chance,
):
    whose = t("chances.numbers.whose")
    every = tuple(CONTENT.option_names())
    # Back pain of months: rest's number from back pain of 2 weeks is left out, and said to be;
    # the nerve block's leg-pain numbers are other groups', in their own table.
    back = chances.numbers_tables(every_chance, every, "back_pain")
    assert "people whose back pain had started in the last 2 weeks" not in set(
        back.about[whose]
    ) | set(back.others[whose])
    assert back.left_out
    assert "people with back pain for over 3 months" in set(back.about[whose])
    assert "people with leg pain from a disc" in set(back.others[whose])
    assert not set(back.about[whose]) & set(back.others[whose])
    # Leg pain starts at 0 weeks in the fixture: new back pain is another group's, not left out.
    leg = chances.numbers_tables(every_chance, every, "leg_pain")
    assert "people whose back pain had started in the last 2 weeks" in set(leg.others[whose])
    assert not leg.left_out
    # Not sure: every number in one table, each row saying whose it is.
    everything = chances.numbers_tables(every_chance, every, NOT_SURE)
    assert everything.partly.empty and everything.others.empty and not everything.left_out
    assert everything.about.equals(chances.numbers_table(every_chance))


def test_all_the_numbers_in_three_groups_by_how_their_people_stand_to_the_situation(
    every_chance,
):
    """About people in the situation, may include them with others, other groups: the rule of
    every whose-numbers line. A group tagged with the situation whose duration or kind of pain is
    not known may include the reader, never sits under "your situation"."""
    whose = t("chances.numbers.whose")
    leg = chances.numbers_tables(every_chance, tuple(CONTENT.option_names()), "leg_pain")
    assert set(leg.partly[whose]) == {
        "people with leg pain from a disc",  # tagged, its duration not known
        "people given a nerve block for any reason",  # tagged, pain of any kind
    }
    assert "people with leg pain from a disc" not in set(leg.about[whose]) | set(leg.others[whose])
    for c in every_chance:  # the same three groups as each chance's own whose line
        table = (leg.about, leg.partly, leg.others)[c.likeness("leg_pain")]
        assert c.whose in set(table[whose])


def test_all_the_numbers_hold_only_the_options_being_viewed(every_chance):
    option = t("chances.numbers.option")
    viewed = chances.numbers_tables(every_chance, ("rest",), NOT_SURE)
    names = CONTENT.option_names()
    assert set(viewed.about[option]) <= {names["rest"], t("chances.numbers.comparison")}
    assert names["nerve_block"] not in set(viewed.about[option])
    assert not chances.numbers_tables(every_chance, ("gel",), "back_pain").about.empty


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


def test_numbers_about_the_persons_situation_come_first_and_others_are_set_apart(every_chance):
    # Nerve block's benefit is about leg pain only; for back pain it is another group's number.
    leg = chances.by_kind(every_chance, "nerve_block", "leg_pain")["benefit"]
    assert [c.outcome_id for c in leg.about] == ["felt_better"] and not leg.others
    assert not chances.none_about(leg, "leg_pain")
    back = chances.by_kind(every_chance, "nerve_block", "back_pain")["benefit"]
    assert not back.about and [c.outcome_id for c in back.others] == ["felt_better"]
    assert chances.none_about(back, "back_pain")
    assert not chances.none_about(chances.Shown([], []), "leg_pain")  # no numbers at all
    # Not sure of the situation: every number, none set apart.
    everything = chances.by_kind(every_chance, "rest", NOT_SURE)["benefit"]
    assert [c.outcome_id for c in everything.about] == ["felt_better", "fully_recovered"]


def test_all_in_the_situation_comes_before_partly_in_it(every_chance):
    harms = chances.by_kind(every_chance, "nerve_block", "back_pain")["harm"]
    likeness = [c.likeness("back_pain") for c in harms.about]
    assert likeness == sorted(likeness)


def test_numbers_from_new_pain_are_never_shown_where_pain_has_lasted_long(every_chance):
    # Rest's second benefit is about back pain of under 2 weeks: not for back pain of months.
    long_lasting = chances.by_kind(every_chance, "rest", "back_pain")["benefit"]
    shown = long_lasting.about + long_lasting.others
    assert [c.outcome_id for c in shown] == ["felt_better"]
    # Leg pain in the fixture starts at 0 weeks, so new pain is still shown there, set apart.
    leg = chances.by_kind(every_chance, "rest", "leg_pain")["benefit"]
    assert "fully_recovered" in {c.outcome_id for c in leg.others}


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
    (NERVE_BLOCK_FLARE, "offered", "surgery", "one of: group, comparison"),
    # Only a comparison group that is there can be the one offered the treatment counted.
    (NERVE_BLOCK_FLARE, "offered", "comparison", '"comparison" only with a comparison_group'),
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


def test_a_result_about_fewer_than_100_people_is_drawn_and_said_as_those_people(every_chance):
    few = chances.Count("People in a small study", 20, 20, size=15)  # 3 of 15
    assert few.drawn() == (3, 0)
    assert (few.had(), few.did_not()) == (
        t("chances.number_of", number=3, size=15),
        t("chances.number_of", number=12, size=15),
    )
    assert few.form() == "of_size" and "100" not in few.heading()
    people = charts.icon_people(few)
    assert len(people) == 15 and (people["status"] == charts.HAD).sum() == 3
    assert "100" not in chances.picture_alt(few, "had a problem", "within 2 years")
    chance = replace(every_chance[0], counts=(few,), outcome="had a problem")
    assert not any("100" in column for column in chance.table().columns)
    sentence = t(f"chances.sentence.{few.sentence_form()}", outcome="x", **few.numbers(), group="g")
    assert "100" not in sentence and "12" in sentence


def test_the_pictures_words_are_at_least_16_px_and_fit_the_picture():
    spec = _spec(
        Count("People who had fusion", 12, 40), "needed surgery on the next part of it", "harm"
    )
    sizes = {
        layer["mark"]["fontSize"] for layer in spec["layer"] if layer["mark"]["type"] == "text"
    }
    assert sizes and min(sizes) >= 16
    said = [row for data in spec["datasets"].values() for row in data if "words" in row]
    lines = [line for row in said for line in row["words"].split(charts.LINE_BREAK)]
    assert max(map(len, lines)) <= charts.KEY_CHARACTERS
    # A key of two lines takes more room under the people than one of one line.
    shorter = _spec(Count("People who had fusion", 12, 40), "died", "harm")
    assert spec["height"] > shorter["height"]
