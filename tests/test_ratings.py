"""The ratings as people read them (explorer/ratings.py), on the fixture data: one truth with
the comparison table, gaps said honestly. Rules about the shipped ratings are in
tests/content/test_policy.py."""

from __future__ import annotations

import pandas as pd
import pytest

from explorer import ratings
from explorer.words import t
from tests.conftest import fixture_content, loaded, rename_id, row_index, set_cell

CONTENT = fixture_content()
BENEFIT_SIZE_ID, EVIDENCE_ID = CONTENT.benefit_size_attribute, CONTENT.evidence_attribute
ALL = list(CONTENT.options["option_id"])
ATTRIBUTES = list(CONTENT.attributes["attribute_id"])


def test_the_data_contract_ids_and_columns():
    assert {BENEFIT_SIZE_ID, EVIDENCE_ID} <= set(ATTRIBUTES)
    assert list(CONTENT.attributes.columns) == [
        "attribute_id",
        "position",
        "name",
        "description",
        "rule",
        "lighter_end",
        "scale",
        "without_procedure",
        "role",
    ]
    assert list(CONTENT.attribute_levels.columns) == ["attribute_id", "level", "label"]
    assert list(CONTENT.ratings.columns) == [
        "option_id",
        "attribute_id",
        "level",
        "population_id",
        "source_ids",
        "certainty",
    ]
    assert list(CONTENT.recovery.columns) == [
        "option_id",
        "milestone",
        "weeks_min",
        "weeks_max",
        "note",
        "source_ids",
        "certainty",
    ]
    assert set(CONTENT.attributes["lighter_end"]) == {"1"}


def test_every_attribute_has_contiguous_levels_from_one():
    for attribute_id, levels in CONTENT.attribute_levels.groupby("attribute_id"):
        assert list(levels["level"]) == list(range(1, len(levels) + 1)), attribute_id


def test_rated_has_one_row_per_option_and_attribute_in_display_order():
    rows = ratings.rated(CONTENT, ["gel", "rest"])
    assert len(rows) == 2 * len(ATTRIBUTES)
    assert list(dict.fromkeys(rows["attribute_id"])) == ATTRIBUTES
    assert list(rows["option_id"][:2]) == ["gel", "rest"]  # the order the page asks for


def test_rated_says_not_known_and_never_shades_a_gap():
    rows = ratings.rated(CONTENT, ALL).set_index(["option_id", "attribute_id"])
    gap = rows.loc[("gel", "time_off")]
    assert (
        gap["label"] == ratings.not_known()
        and pd.isna(gap["shade"])
        and gap["certainty"] == "not known"
    )


def test_shades_run_from_lightest_to_heaviest_whatever_the_number_of_levels():
    assert [ratings.shade(level, 4) for level in (1, 2, 3, 4)] == [0, 1, 3, 4]
    assert [ratings.shade(level, 3) for level in (1, 2, 3)] == [0, 2, 4]
    assert pd.isna(ratings.shade(pd.NA, 3))


def test_rated_carries_each_options_benefit_size_with_its_certainty():
    rows = ratings.rated(CONTENT, ALL)
    labels = rows.set_index(["option_id", "attribute_id"])["label"]
    for option_id, words in (
        rows.drop_duplicates("option_id").set_index("option_id")["evidence"].items()
    ):
        expected = ratings.benefit_words(
            labels[(option_id, BENEFIT_SIZE_ID)], labels[(option_id, EVIDENCE_ID)]
        )
        assert words == expected, option_id


def test_ranked_puts_lighter_first_ties_in_neutral_order_and_unknown_last():
    # time_off: nerve_block 1, rest 2, gel not known.
    ranked = ratings.ranked(ratings.rated(CONTENT, ALL), "time_off")
    assert list(ranked["option_id"]) == ["nerve_block", "rest", "gel"]
    # effort: rest 1, then nerve_block and gel tied at 2, in the neutral order.
    ranked = ratings.ranked(ratings.rated(CONTENT, ALL), "effort")
    assert list(ranked["option_id"]) == ["rest", "nerve_block", "gel"]


def test_the_chart_opens_on_the_first_quality_without_a_role(content, data_copy):
    assert ratings.first_pick(content) == "effort"  # sureness and gain_size have roles
    rename_id(data_copy, ("attribute_id", "attribute_ids"), "effort", "how_much_effort")
    assert ratings.first_pick(loaded(data_copy)) == "how_much_effort"


def test_glance_table_has_attribute_rows_and_option_columns_in_words():
    table = ratings.glance_table(ratings.rated(CONTENT, ["rest", "gel"]))
    what = t("ratings.glance.what")
    assert list(table.columns) == [what, "Home exercise", "Gel implant"]
    # First who each option was compared with, which the benefit rows are measured against.
    assert list(table[what]) == [t("ratings.glance.compared_with"), *CONTENT.attributes["name"]]
    compared = CONTENT.options.set_index("option_id")["compared_with"]
    assert list(table.iloc[0, 1:]) == [compared["rest"], compared["gel"]]
    row = table.set_index(what).loc["How much is done to you"]
    assert list(row) == ["Nothing done to the body", "A needle"]
    assert table.set_index(what).at["Time away from daily life", "Gel implant"] == t(
        "ratings.not_known"
    )


def test_attribute_table_matches_the_ranked_rows():
    ranked = ratings.ranked(ratings.rated(CONTENT, ALL), "time_off")
    table = ratings.attribute_table(ranked)
    option, sources = t("ratings.attribute_table.option"), t("ratings.attribute_table.sources")
    assert list(table.columns) == [
        option,
        ratings.attribute_names(CONTENT)["time_off"],
        t("ratings.attribute_table.how_sure"),
        sources,
        t("ratings.benefit_heading"),
    ]
    assert list(table[option]) == list(ranked["option"])
    assert table.iloc[-1][sources] == t("sources.none")  # a "not known" rating has no source


@pytest.mark.parametrize(
    ("weeks_min", "weeks_max", "key", "values"),
    [
        (pd.NA, pd.NA, "ratings.not_known", {}),
        (0, 0, "ratings.weeks.under_one", {}),
        (1, 1, "ratings.weeks.about", {"count": 1}),
        (3, 3, "ratings.weeks.about", {"count": 3}),
        (4, 26, "ratings.weeks.range", {"low": 4, "high": 26}),
    ],
)
def test_recovery_ranges_in_words(weeks_min, weeks_max, key, values):
    assert ratings.in_weeks(weeks_min, weeks_max) == t(key, **values)


def test_recovery_rows_follow_the_chosen_options():
    rows = ratings.recovery(CONTENT, ratings.rated(CONTENT, ["gel", "rest", "nerve_block"]), "work")
    assert list(rows["option_id"]) == ["gel", "rest", "nerve_block"]
    assert list(rows["in_weeks"]) == [
        t("ratings.not_known"),
        t("ratings.weeks.range", low=0, high=4),
        t("ratings.weeks.about", count=2),
    ]
    with pytest.raises(ValueError):
        ratings.recovery(CONTENT, ratings.rated(CONTENT, ALL), "driving")


def test_every_quality_states_its_one_rule():
    assert (CONTENT.attributes["rule"].str.strip() != "").all()
    for attribute_id in ATTRIBUTES:
        assert CONTENT.attributes.set_index("attribute_id").at[
            attribute_id, "rule"
        ] in ratings.rule(CONTENT, attribute_id)


def does_not_apply_data(data_copy, attribute_id: str = "time_off") -> str:
    """The fixture data with a quality that does not apply to an option without a procedure,
    whose rating there is left empty; returns the words said in its place."""
    words = "Does not apply: nothing is done, so there is no time off for it."
    set_cell(
        data_copy / "attributes.csv",
        row_index(data_copy / "attributes.csv", attribute_id=attribute_id),
        "without_procedure",
        words,
    )
    ratings_csv = data_copy / "ratings.csv"
    for option_id in ("rest", "gel"):
        at = row_index(ratings_csv, option_id=option_id, attribute_id=attribute_id)
        for column, value in {"level": "", "source_ids": "", "certainty": "not known"}.items():
            set_cell(ratings_csv, at, column, value)
    return words


def test_a_quality_that_does_not_apply_says_why_and_a_gap_stays_not_known(data_copy):
    words = does_not_apply_data(data_copy)
    rows = ratings.rated(loaded(data_copy), ALL).set_index(["option_id", "attribute_id"])
    # The rule is the no-procedure role's, for any option that has it; gaps elsewhere stay gaps.
    assert rows.at[("rest", "time_off"), "state"] == ratings.DOES_NOT_APPLY
    assert rows.at[("rest", "time_off"), "label"] == words
    assert rows.at[("gel", "time_off"), "state"] == ratings.NOT_KNOWN
    assert rows.at[("gel", "time_off"), "label"] == t("ratings.not_known")
    assert rows.at[("nerve_block", "time_off"), "state"] == ratings.KNOWN
    assert pd.isna(rows.at[("rest", "time_off"), "shade"])
    ranked = ratings.ranked(ratings.rated(loaded(data_copy), ALL), "time_off")
    assert ranked["option_id"].iloc[0] == "nerve_block"  # a level first, as for a gap


# --- whose studies a level comes from, against the reader's situation (issue 33, N2) ---------


def _marked(option_ids, situation_id, content=CONTENT):
    rows = ratings.rated(content, option_ids, situation_id)
    return set(
        zip(
            rows.loc[rows["other_group"], "option_id"],
            rows.loc[rows["other_group"], "attribute_id"],
        )
    )


def test_a_level_from_a_group_not_tagged_with_the_situation_is_marked_and_says_whose():
    # rest's benefit levels are from people with back pain (back_long, tagged back_pain only).
    assert _marked(["rest", "nerve_block"], "leg_pain") == {
        ("rest", "sureness"),
        ("rest", "gain_size"),
    }
    rows = ratings.rated(CONTENT, ["rest"], "leg_pain").set_index("attribute_id")
    assert rows.at["sureness", "label"] == t("ratings.glance.other_group", label="Moderate")
    assert ratings.other_group_lines(ratings.rated(CONTENT, ["rest"], "leg_pain")) == [
        t(
            "ratings.glance.other_group_whose",
            option="Home exercise",
            whose="people with back pain for over 3 months",
        )
    ]
    # The same people are about the back-pain reader; nobody is marked with no situation chosen.
    assert _marked(["rest", "nerve_block"], "back_pain") == {
        ("nerve_block", "sureness"),
        ("nerve_block", "gain_size"),
    }
    assert _marked(ALL, "not_sure") == set()
    assert ratings.other_group_lines(ratings.rated(CONTENT, ALL)) == []


def test_a_level_of_the_treatment_itself_is_never_marked(data_copy):
    # effort has no group: said of the treatment, the same in every situation.
    assert all(attribute != "effort" for _, attribute in _marked(ALL, "leg_pain"))
    # A group's level is marked by the rule, not by the attribute: tag effort with a group.
    path = data_copy / "ratings.csv"
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    table.loc[
        (table["option_id"] == "gel") & (table["attribute_id"] == "effort"), "population_id"
    ] = "painful_disc"
    table.to_csv(path, index=False)
    assert ("gel", "effort") in _marked(["gel"], "leg_pain", loaded(data_copy))


def test_the_glance_marks_who_it_was_compared_with_when_its_levels_are_other_peoples():
    what = t("ratings.glance.what")
    table = ratings.glance_table(ratings.rated(CONTENT, ["rest", "nerve_block"], "leg_pain"))
    compared = CONTENT.options.set_index("option_id")["compared_with"]
    first = table.set_index(what).loc[t("ratings.glance.compared_with")]
    assert list(first) == [
        t("ratings.glance.other_group", label=compared["rest"]),
        compared["nerve_block"],
    ]


def test_rows_with_other_peoples_levels_are_set_apart_at_the_end_led_by_who_it_was_compared_with():
    """4th review finding 1: a leg-pain reader's glance opened with rows about back-pain studies.
    Rows with a marked level go last, in their order, led by the compared-with row, just above
    the note; a reader with no marked level keeps the compared-with row first."""
    what = t("ratings.glance.what")
    rated = ratings.rated(CONTENT, ["rest", "nerve_block"], "leg_pain")
    marked = list(dict.fromkeys(rated.loc[rated["other_group"], "attribute"]))
    unmarked = [a for a in dict.fromkeys(rated["attribute"]) if a not in marked]
    assert marked and unmarked
    rows = list(ratings.glance_table(rated)[what])
    assert rows == [*unmarked, t("ratings.glance.compared_with"), *marked]
    # On Compare, first of all the reader's own study's numbers (5th review §2).
    own = t("ratings.glance.own_numbers_row.leg_pain")
    # Compare draws the set-apart rows as their own part, under the note (5th review M5).
    first, apart = ratings.glance_parts(rated)
    assert list(first[what]) == [own, *unmarked]
    assert list(apart[what]) == [t("ratings.glance.compared_with"), *marked]
    none_marked = ratings.rated(CONTENT, ALL)
    assert not none_marked["other_group"].any()
    assert ratings.glance_table(none_marked)[what].iloc[0] == t("ratings.glance.compared_with")


def test_a_marked_level_says_in_its_glance_cell_whose_studies_it_is_from():
    """3rd review finding 1: the reader need not find the note under the table. Rest's levels are
    from back-pain studies, said so in the leg-pain reader's cell; the nerve block's from leg-pain
    studies, said so in the back-pain reader's; an unmarked level and the charts' labels keep
    their words."""
    what = t("ratings.glance.what")
    sureness = CONTENT.attributes.set_index("attribute_id").at["sureness", "name"]
    leg = ratings.glance_table(ratings.rated(CONTENT, ["rest", "nerve_block"], "leg_pain"))
    cells = leg.set_index(what).loc[sureness]
    assert cells["Home exercise"] == t("ratings.glance.other_group_in.back", label="Moderate")
    # Leg pain from a disc, for how long not known: only partly the reader's, with its own mark.
    assert cells["Nerve block"] == t("ratings.glance.partly", label="Low")
    back = ratings.glance_table(ratings.rated(CONTENT, ["rest", "nerve_block"], "back_pain"))
    cells = back.set_index(what).loc[sureness]
    assert cells["Nerve block"] == t("ratings.glance.other_group_in.leg", label="Low")
    assert cells["Home exercise"] == "Moderate"
    rows = ratings.rated(CONTENT, ["rest"], "leg_pain").set_index("attribute_id")
    assert rows.at["sureness", "label"] == t("ratings.glance.other_group", label="Moderate")


def test_a_level_of_a_group_only_partly_in_the_situation_is_marked_apart_and_says_whose(data_copy):
    """8th review N3: a counted glance level from a group only partly people in the reader's
    situation (leg pain from a disc, for how long not known, beside leg pain of any length) had
    no "whose". It carries its own mark, is not set apart nor marked as other people's, and the
    note says whose in the words Chances uses; once the group is all in it, no mark."""
    rated = ratings.rated(CONTENT, ["rest", "nerve_block"], "leg_pain")
    partly = rated[rated["partly"]]
    assert set(zip(partly["option_id"], partly["attribute_id"])) == {
        ("nerve_block", "sureness"),
        ("nerve_block", "gain_size"),
    }
    assert not (rated["partly"] & rated["other_group"]).any()
    assert not rated.loc[rated["partly"], "apart"].any()
    levels = CONTENT.attribute_levels.set_index(["attribute_id", "level"])["label"]
    marked = [
        t("ratings.glance.partly", label=levels[attribute_id, level])
        for attribute_id, level in zip(partly["attribute_id"], partly["level"])
    ]
    assert list(partly["in_cell"]) == list(partly["label"]) == marked
    note = ratings.other_group_text(rated)
    assert note.endswith(t("ratings.glance.partly_key")), note
    assert "people with leg pain from a disc" not in note  # named where its numbers are
    # The same group wholly in the situation: nothing to mark, and the note says only the star.
    groups = data_copy / "populations.csv"
    set_cell(groups, row_index(groups, population_id="leg_disc"), "weeks_from", "0")
    whole = ratings.rated(loaded(data_copy), ["rest", "nerve_block"], "leg_pain")
    assert not whole["partly"].any()
    assert t("ratings.glance.partly_key") not in ratings.other_group_text(whole)
    # Not tagged with the reader's situation: other people's, never "partly".
    back = ratings.rated(CONTENT, ["nerve_block"], "back_pain")
    assert not back["partly"].any() and back["other_group"].any()
    assert not ratings.rated(CONTENT, ALL)["partly"].any()  # no situation chosen


def test_the_note_names_a_group_once_with_every_option_whose_levels_it_gave():
    rated = ratings.rated(CONTENT, ["rest", "nerve_block"], "leg_pain")
    rest_time = rated["attribute_id"].eq("time_off") & rated["option_id"].eq("rest")
    both = rated.assign(other_group=rated["partly"] | rest_time)
    both.loc[both["other_group"], "whose"] = "one group"
    text = ratings.other_group_text(both)
    assert text.count("one group") == 1
    options = "Home exercise and Nerve block"  # in the options' order, in words (babel)
    assert t("ratings.glance.other_group_whose", option=options, whose="one group") in text


def test_the_consult_note_keeps_each_marks_key_and_leaves_whose_studies_to_its_help():
    """17th review N4: seven groups' lines ran the consult overview's note past the fold. Its
    words are the marks' keys, each once, in the order of the full note; no group's words."""
    rated = ratings.rated(CONTENT, ["rest", "nerve_block"], "leg_pain")
    rest_time = rated["attribute_id"].eq("time_off") & rated["option_id"].eq("rest")
    both = rated.assign(other_group=rest_time)
    both.loc[both["other_group"], "whose"] = "one group"
    star, dagger = t("ratings.glance.other_group_key"), t("ratings.glance.partly_key")
    assert both["partly"].any()
    assert ratings.other_group_keys(both) == f"{star} {dagger}"
    assert "one group" in ratings.other_group_text(both)
    assert ratings.other_group_keys(both.assign(partly=False)) == star
    assert ratings.other_group_keys(both.assign(other_group=False)) == dagger
    assert ratings.other_group_keys(ratings.rated(CONTENT, ALL)) == ""


def test_a_group_with_the_readers_kind_of_pain_is_other_people_in_the_cell():
    # Back pain of 2 weeks is not the back-pain reader's (13 weeks on), but it is back pain:
    # "studies of back pain" would read as about them. A group with any pain is the same.
    assert ratings.group_words(CONTENT, "back_pain")["back_new"] == ratings.OTHER_PEOPLE
    assert ratings.group_words(CONTENT, "leg_pain")["everyone_given"] == ratings.OTHER_PEOPLE
    assert ratings.group_words(CONTENT, "leg_pain")["back_new"] == "back"


# --- one grade per option on a page, and the reader's own numbers first (5th review #7, §2) ----


def with_how_sure_rows(data_copy, rows: list[str]):
    """The fixture with "How sure are we?" answers added, their leg-pain group all in leg pain
    (a known start): a group only partly in it is not "people like you" (8th review N2)."""
    groups = data_copy / "populations.csv"
    set_cell(groups, row_index(groups, population_id="leg_disc"), "weeks_from", "0")
    path = data_copy / "short_answers.csv"
    path.write_text(path.read_text() + "".join(f"{row}\n" for row in rows))
    return loaded(data_copy)


def test_the_glance_says_how_sure_with_the_readers_own_grade_first_then_all_the_studies(data_copy):
    """Where the reader's situation answers "How sure are we?" from a study of people in it, the
    glance's cell leads with that grade; the level from all the studies follows, named as other
    people's (marked) or as all the studies'. The row is then no longer set apart, since it
    leads with the reader's own grade; a grade of people not in the situation changes nothing."""
    content = with_how_sure_rows(
        data_copy,
        [
            'leg_pain,rest,how_sure,"Low for people like you: one trial.",leg_disc,S101,low',
            'leg_pain,nerve_block,how_sure,"Moderate for people like you.",leg_disc,S102,moderate',
            'back_pain,nerve_block,how_sure,"Low: a study of leg pain.",leg_disc,S102,low',
        ],
    )
    what = t("ratings.glance.what")
    sureness = content.attributes.set_index("attribute_id").at["sureness", "name"]
    rated = ratings.rated(content, ["rest", "nerve_block"], "leg_pain")
    first, apart = ratings.glance_parts(rated)
    cells = first.set_index(what).loc[sureness]
    assert cells["Home exercise"] == t(
        "ratings.glance.own_grade_and.back", grade="Low", label="Moderate"
    )
    assert cells["Nerve block"] == t(
        "ratings.glance.own_grade_and.all", grade="Moderate", label="Low"
    )
    assert sureness not in set(apart[what])
    gain = content.attributes.set_index("attribute_id").at["gain_size", "name"]
    assert list(apart[what]) == [t("ratings.glance.compared_with"), gain]
    # The back-pain reader's nerve block: its grade is of people with leg pain, so not theirs.
    back = ratings.glance_table(ratings.rated(content, ["nerve_block"], "back_pain"))
    assert back.set_index(what).at[sureness, "Nerve block"] == t(
        "ratings.glance.other_group_in.leg", label="Low"
    )


def test_who_an_option_was_compared_with_is_marked_only_where_how_much_better_is_others():
    """8th review N5: a back-pain reader's 'Compared with' (exercise trials of back pain) was
    starred as other people's because another row (how soon pain eased, from sciatica trials)
    was. It is marked and set apart only with the benefit size it is about."""
    what = t("ratings.glance.what")
    rated = ratings.rated(CONTENT, ["rest", "nerve_block"], "leg_pain")
    size = rated["size_row"]
    assert (rated.loc[size, "apart"]).any()  # the fixture sets a benefit size apart
    first, apart = ratings.glance_parts(rated, with_own_numbers=False)
    assert t("ratings.glance.compared_with") in set(apart[what])
    # Only another row other people's: the comparison stays with the reader's own rows.
    other = ~size & (rated["attribute_id"] != CONTENT.evidence_attribute)
    only_other = rated.assign(
        other_group=other & rated["option_id"].eq("rest"),
        apart=other & rated["option_id"].eq("rest"),
    )
    first, apart = ratings.glance_parts(only_other, with_own_numbers=False)
    compared = first.set_index(what).loc[t("ratings.glance.compared_with")]
    assert t("ratings.glance.compared_with") not in set(apart[what])
    options = CONTENT.options.set_index("option_id")
    assert compared["Home exercise"] == options.at["rest", "compared_with"]


def test_the_glance_opens_with_the_readers_own_study_numbers_where_there_are_any():
    """The averages on a 0 to 10 scale of a study of people in the situation (scores.csv), from
    the start to the last time given, as Compare's glance's first row; an option without them
    says so; a reader of another situation, or not sure of theirs, gets no such row."""
    what = t("ratings.glance.what")
    rated = ratings.rated(CONTENT, ["rest", "nerve_block", "gel"], "leg_pain")
    first = ratings.glance_parts(rated)[0].iloc[0]
    assert first[what] == t("ratings.glance.own_numbers_row.leg_pain")
    assert first["Home exercise"] == t(
        "ratings.glance.own_numbers", start="7.9", end="4.6", count=3
    )
    assert first["Nerve block"] == t("ratings.glance.own_numbers", start="7.5", end="3.1", count=3)
    assert first["Gel implant"] == t("ratings.glance.no_own_numbers")
    # Not on the shared screen's one table (no room; its steps show them side by side).
    assert first[what] not in set(ratings.glance_table(rated)[what])
    for situation_id in ("back_pain", "not_sure"):
        rated = ratings.rated(CONTENT, ["rest", "nerve_block"], situation_id)
        assert t("ratings.glance.own_numbers_row.leg_pain") not in set(
            ratings.glance_parts(rated)[0][what]
        )


def test_the_note_says_each_other_group_once_with_every_option_its_studies_are_for():
    """8th review N6: two options with levels from the same people's studies each repeated the
    same long words, and the note ran past the shared screen's fold. Each group is said once,
    after its options, listed in the table's order."""
    rated_rows = pd.DataFrame(
        {
            "option": ["Rest", "Gel", "Rest", "Gel", "Block"],
            "whose": ["back pain", "sciatica", "sciatica", "sciatica", ""],
            "other_group": [True, True, True, True, False],
        }
    )
    assert ratings.other_group_lines(rated_rows) == [
        t("ratings.glance.other_group_whose", option="Rest", whose="back pain"),
        t("ratings.glance.other_group_whose", option="Rest and Gel", whose="sciatica"),
    ]
