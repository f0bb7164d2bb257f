"""The ratings as people read them (explorer/ratings.py), and the shipped ratings keeping the
promises of a fair decision aid: one truth with the comparison table, gaps said honestly."""

from __future__ import annotations

import pandas as pd
import pytest

from explorer import ratings
from explorer.data import load_content
from explorer.words import t
from tests.conftest import DATA

CONTENT = load_content(DATA).content
BENEFIT_SIZE_ID, EVIDENCE_ID = CONTENT.benefit_size_attribute, CONTENT.evidence_attribute
ALL = list(CONTENT.options["option_id"])
ATTRIBUTES = list(CONTENT.attributes["attribute_id"])


def rating(option_id: str, attribute_id: str) -> pd.Series:
    rows = CONTENT.ratings.set_index(["option_id", "attribute_id"])
    return rows.loc[(option_id, attribute_id)]


def test_the_data_contract_ids_and_columns():
    assert {BENEFIT_SIZE_ID, EVIDENCE_ID} <= set(ATTRIBUTES)
    assert list(CONTENT.attributes.columns) == [
        "attribute_id",
        "position",
        "name",
        "description",
        "rule",
        "lighter_end",
        "role",
    ]
    assert list(CONTENT.attribute_levels.columns) == ["attribute_id", "level", "label"]
    assert list(CONTENT.ratings.columns) == [
        "option_id",
        "attribute_id",
        "level",
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
    rows = ratings.rated(CONTENT, ["fusion", "esi"])
    assert len(rows) == 2 * len(ATTRIBUTES)
    assert list(dict.fromkeys(rows["attribute_id"])) == ATTRIBUTES
    assert list(rows["option_id"][:2]) == ["fusion", "esi"]  # the order the page asks for


def test_rated_says_not_known_and_never_shades_a_gap():
    rows = ratings.rated(CONTENT, ALL).set_index(["option_id", "attribute_id"])
    gap = rows.loc[("fibrin", "recovery_time")]
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
    ranked = ratings.ranked(ratings.rated(CONTENT, ALL), "time_to_benefit")
    assert list(ranked["option_id"]) == ["esi", "discectomy", "conservative", "fibrin", "fusion"]
    ranked = ratings.ranked(ratings.rated(CONTENT, ALL), "invasiveness")
    assert list(ranked["option_id"]) == ["conservative", "esi", "fibrin", "discectomy", "fusion"]


def test_glance_table_has_attribute_rows_and_option_columns_in_words():
    table = ratings.glance_table(ratings.rated(CONTENT, ["conservative", "fusion"]))
    what = t("ratings.glance.what")
    assert list(table.columns) == [what, "No procedure", "Spinal fusion"]
    assert list(table[what]) == list(CONTENT.attributes["name"])
    row = table.set_index(what).loc["How invasive"]
    assert list(row) == ["No needle or cut", "Major operation with implants"]


def test_attribute_table_matches_the_ranked_rows():
    ranked = ratings.ranked(ratings.rated(CONTENT, ALL), "more_treatment")
    table = ratings.attribute_table(ranked)
    option, sources = t("ratings.attribute_table.option"), t("ratings.attribute_table.sources")
    assert list(table.columns) == [
        option,
        ratings.attribute_names(CONTENT)["more_treatment"],
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
        (3, 3, "ratings.weeks.about", {"weeks": 3}),
        (4, 26, "ratings.weeks.range", {"low": 4, "high": 26}),
    ],
)
def test_recovery_ranges_in_words(weeks_min, weeks_max, key, values):
    assert ratings.in_weeks(weeks_min, weeks_max) == t(key, **values)


def test_recovery_rows_follow_the_chosen_options():
    rows = ratings.recovery(CONTENT, ratings.rated(CONTENT, ["fusion", "fibrin"]), "work")
    assert list(rows["option_id"]) == ["fusion", "fibrin"]
    assert list(rows["in_weeks"]) == [
        t("ratings.weeks.range", low=4, high=26),
        t("ratings.not_known"),
    ]
    with pytest.raises(ValueError):
        ratings.recovery(CONTENT, ratings.rated(CONTENT, ALL), "driving")


# The shipped content --------------------------------------------------------------------------


def test_sourced_recovery_numbers_from_the_evidence_brief():
    recovery = CONTENT.recovery.set_index(["option_id", "milestone"])
    assert tuple(
        recovery.loc[("discectomy", "work"), ["weeks_min", "weeks_max", "source_ids"]]
    ) == (0, 6, "S18")
    assert tuple(recovery.loc[("fusion", "work"), ["weeks_min", "weeks_max", "source_ids"]]) == (
        4,
        26,
        "S29",
    )
    assert "83 out of 100" in recovery.loc[("conservative", "work"), "note"]
    fibrin = recovery.loc["fibrin"]
    assert fibrin["weeks_max"].isna().all() and set(fibrin["certainty"]) == {"not known"}


def test_every_quality_states_its_one_rule():
    assert (CONTENT.attributes["rule"].str.strip() != "").all()
    for attribute_id in ATTRIBUTES:
        assert CONTENT.attributes.set_index("attribute_id").at[
            attribute_id, "rule"
        ] in ratings.rule(CONTENT, attribute_id)


def test_the_investigational_option_shows_no_benefit_size():
    # Certainty is not benefit: whatever its grade, an option with no shown benefit says so.
    heaviest = CONTENT.attribute_levels[
        CONTENT.attribute_levels["attribute_id"] == BENEFIT_SIZE_ID
    ]["level"].max()
    for option_id in CONTENT.options.loc[
        CONTENT.options["status"] == "investigational", "option_id"
    ]:
        assert rating(option_id, BENEFIT_SIZE_ID)["level"] == heaviest


def test_evidence_strength_matches_the_comparison_tables_certainty_row():
    # One truth: the grade on the charts is the grade under "How sure are we?" on the compare page.
    answers = CONTENT.answers[CONTENT.answers["question_id"] == "certainty"].set_index("option_id")
    words = ratings.rated(CONTENT, ALL).set_index(["option_id", "attribute_id"])["label"]
    for option_id in ALL:
        assert words[(option_id, EVIDENCE_ID)].lower() == answers.at[option_id, "certainty"], (
            option_id
        )


def test_recovery_time_levels_agree_with_the_recovery_weeks():
    usual = CONTENT.recovery[CONTENT.recovery["milestone"] == "usual_activities"].set_index(
        "option_id"
    )
    levels = CONTENT.ratings[CONTENT.ratings["attribute_id"] == "recovery_time"].set_index(
        "option_id"
    )["level"]
    for option_id in ALL:
        assert pd.isna(levels[option_id]) == pd.isna(usual.at[option_id, "weeks_max"]), option_id
    known = levels.dropna().sort_values(kind="stable").index
    weeks = [usual.at[option_id, "weeks_max"] for option_id in known]
    assert weeks == sorted(weeks)  # a heavier level never means fewer weeks


def test_every_graded_rating_cites_a_source():
    graded = CONTENT.ratings[CONTENT.ratings["certainty"] != "not known"]
    assert (graded["source_ids"] != "").all()
    assert graded["level"].notna().all()
