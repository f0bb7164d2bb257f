"""Whose numbers on the Chances page, and what may be drawn as one comparison, by rules that hold
for any situations, groups and options a clinic lists (no counts, no names)."""

from __future__ import annotations

import pandas as pd

from explorer import chances, matched, short_answers
from explorer.populations import OUTSIDE, WITHIN, matches, too_new
from explorer.rules.vocabulary import OUTCOME_KINDS, TRIAL, split_ids
from explorer.short_answers import group_standing
from explorer.words import t

# Designs that are not a randomised comparison: a number from one is graded moderate at most, and
# one from a series of treated people with no comparison group low at most.
NOT_RANDOMISED = ("cohort", "register", "series", "hospital_records")
GRADES = ("very low", "low", "moderate", "high")


def tags(content) -> dict[str, list[str]]:
    return {
        row.population_id: split_ids(row.situation_ids) for row in content.populations.itertuples()
    }


def test_every_situation_says_whose_pain_and_how_long_it_is_about(shipped_content):
    bounds = shipped_content.situation_bounds
    assert set(bounds["situation_id"]) == set(shipped_content.situations["situation_id"])


def test_every_group_tagged_to_a_situation_has_pain_of_that_kind_and_duration(shipped_content):
    """A Chances row tagged to a situation is about people whose pain, its duration and any
    earlier surgery are at least partly those of the situation; a group wholly within one is
    tagged to it."""
    standing = matches(shipped_content.populations, shipped_content.situation_bounds)
    tagged = tags(shipped_content)
    outside = [
        key for key, found in standing.items() if found == OUTSIDE and key[1] in tagged[key[0]]
    ]
    untagged = [
        key for key, found in standing.items() if found == WITHIN and key[1] not in tagged[key[0]]
    ]
    assert outside == [] and untagged == []


def test_a_group_only_partly_in_a_situation_is_never_said_to_be_about_it(shipped_content):
    for chance in chances.all_chances(shipped_content):
        for situation_id in chance.partly_ids:
            wholly = t("situation.numbers.about_you", whose=chance.whose)
            assert chance.whose_line(situation_id) != wholly


def test_every_comparison_drawn_as_one_comes_from_one_trial(shipped_content):
    outcomes = shipped_content.outcomes
    design = shipped_content.populations.set_index("population_id")["design"]
    compared = outcomes[outcomes["comparison_group"] != ""]
    assert set(design[compared["population_id"]]) <= {TRIAL}


def test_a_comparison_shared_by_options_comes_from_one_trial(shipped_content):
    """Two options' numbers under one outcome id with a comparison group are the two sides of one
    comparison (the table of every number sets them side by side): from the same trial only."""
    outcomes = shipped_content.outcomes
    design = shipped_content.populations.set_index("population_id")["design"]
    shared = outcomes.groupby("outcome_id").filter(
        lambda rows: rows["option_id"].nunique() > 1 and (rows["comparison_group"] != "").any()
    )
    for outcome_id, rows in shared.groupby("outcome_id"):
        assert rows["population_id"].nunique() == 1, outcome_id
        assert design[rows["population_id"].iloc[0]] == TRIAL, outcome_id


def test_each_number_is_graded_no_higher_than_its_kind_of_study_allows(shipped_content):
    design = shipped_content.populations.set_index("population_id")["design"]
    for row in shipped_content.outcomes.itertuples():
        highest = "low" if design[row.population_id] == "series" else "moderate"
        if design[row.population_id] in NOT_RANDOMISED:
            assert GRADES.index(row.certainty) <= GRADES.index(highest), row.outcome_id


def _levels_saying(content, attribute_id: str, words: str) -> set[int]:
    levels = content.attribute_levels
    ours = levels[levels["attribute_id"] == attribute_id]
    return {
        int(level) for level, label in zip(ours["level"], ours["label"]) if words in label.lower()
    }


def test_operations_count_the_first_operation_for_every_option_alike(shipped_content):
    """The operations quality counts the treatment itself: an option that is an operation is
    rated at a level that says everyone has one, and no other option is."""
    ratings = shipped_content.ratings.set_index(["option_id", "attribute_id"])["level"]
    operation = _levels_saying(shipped_content, "invasiveness", "operation")
    everyone = _levels_saying(shipped_content, "more_treatment", "everyone")
    for option_id in shipped_content.options["option_id"]:
        later = ratings[(option_id, "more_treatment")]
        if pd.isna(later):
            continue
        is_operation = int(ratings[(option_id, "invasiveness")]) in operation
        assert (int(later) in everyone) == is_operation, option_id


def _situations(content) -> list[str]:
    return list(content.situations["situation_id"])


def test_the_first_picture_under_each_heading_is_about_the_readers_situation(shipped_content):
    """For every situation and option, a heading's first picture is about people in that
    situation, most like the reader first; any other group's numbers come after, set apart."""
    every_chance = chances.all_chances(shipped_content)
    for situation_id in _situations(shipped_content):
        for option_id in shipped_content.option_names():
            for heading, shown in chances.by_kind(every_chance, option_id, situation_id).items():
                assert all(c.about(situation_id) for c in shown.about), (situation_id, heading)
                assert not any(c.about(situation_id) for c in shown.others)
                likeness = [c.likeness(situation_id) for c in shown.about]
                assert likeness == sorted(likeness), (situation_id, option_id, heading)


def test_no_number_from_new_pain_is_shown_where_pain_has_lasted_long(shipped_content):
    every_chance = chances.all_chances(shipped_content)
    populations = shipped_content.populations.set_index("population_id")
    bounds = shipped_content.situation_bounds.set_index("situation_id")
    outcomes = shipped_content.outcomes.set_index(["option_id", "outcome_id"])
    for situation_id in _situations(shipped_content):
        for option_id in shipped_content.option_names():
            for shown in chances.by_kind(every_chance, option_id, situation_id).values():
                for chance in shown.about + shown.others:
                    population_id = outcomes.at[(option_id, chance.outcome_id), "population_id"]
                    group = populations.loc[population_id]
                    assert not too_new(group, bounds.loc[situation_id]), (situation_id, chance)


def test_a_count_for_everyone_in_a_trial_is_never_one_options_benefit_or_harm(shipped_content):
    """A group named as everyone in a trial is marked so, and shown under its own heading."""
    outcomes = shipped_content.outcomes
    everyone = outcomes["everyone"] == "yes"
    named = outcomes["group"].str.lower().str.startswith(t("chances.numbers.everyone").lower())
    assert (named <= everyone).all()
    every_chance = chances.all_chances(shipped_content)
    for option_id in shipped_content.option_names():
        for heading, shown in chances.by_kind(every_chance, option_id).items():
            assert all(c.everyone == (heading == chances.EVERYONE) for c in shown.about)


def test_all_the_numbers_keep_the_readers_group_apart_and_new_pain_out_of_long_pain(
    shipped_content,
):
    """'All the numbers in one table', for every situation: three groups by the rule of every
    whose-numbers line (short_answers.group_standing): about people in it, may include people like
    the reader with others, other groups. Where pain has lasted long, no row from people whose
    pain was new is in any table, and a line says they were left out."""
    every_chance = chances.all_chances(shipped_content)
    every = tuple(shipped_content.option_names())
    whose = t("chances.numbers.whose")
    populations = shipped_content.populations.set_index("population_id")
    bounds = shipped_content.situation_bounds.set_index("situation_id")
    for situation_id in _situations(shipped_content):
        numbers = chances.numbers_tables(every_chance, every, situation_id)
        standing = {
            row.whose: group_standing(shipped_content, population_id, situation_id)
            for population_id, row in populations.iterrows()
        }
        for table, expected in (
            (numbers.about, "about_you"),
            (numbers.partly, "partly_about_you"),
            (numbers.others, "not_about_you"),
        ):
            assert {standing[w] for w in table[whose]} <= {expected}, situation_id
        too_new_whose = {
            group.whose
            for _, group in populations.iterrows()
            if too_new(group, bounds.loc[situation_id])
        }
        shown = set(numbers.about[whose]) | set(numbers.partly[whose]) | set(numbers.others[whose])
        assert not shown & too_new_whose, situation_id
        assert numbers.left_out == bool({c.whose for c in every_chance} & too_new_whose), (
            situation_id
        )


def test_a_group_whose_own_words_say_the_match_is_unsure_is_never_about_the_reader(
    shipped_content,
):
    """A group whose duration of pain is not known, or whose pain is of any kind, may include
    people like the reader but is never said to be about them (their own words say so)."""
    populations = shipped_content.populations.set_index("population_id")
    for population_id, row in populations.iterrows():
        unsure = pd.isna(row["weeks_from"]) or row["pain"] == "any"
        for situation_id in split_ids(row["situation_ids"]):
            if unsure:
                assert group_standing(shipped_content, population_id, situation_id) != "about_you"


def test_every_average_out_of_10_is_drawn_beside_its_studys_words_somewhere(shipped_content):
    """A row of scores.csv is drawn (or, with no average, said not drawn) only under the words of
    its study's short answer: each one must be said in words for some situation, or it would never
    be seen."""
    drawn = set()
    for situation_id in _situations(shipped_content):
        for option_id in shipped_content.option_names():
            for kind in OUTCOME_KINDS:
                for scored in matched.scores(shipped_content, situation_id, option_id, kind):
                    drawn |= {(scored.whose, said) for said in scored.rows["said"]}
                    drawn |= {(scored.whose, months) for months in scored.unread_months}
    whose = shipped_content.populations.set_index("population_id")["whose"]
    names = shipped_content.short_names()
    for row in shipped_content.scores.itertuples():
        # A time read only in words (no average) is said under the bars instead of drawn.
        said = (
            int(row.months)
            if pd.isna(row.average)
            else matched.bar_words(names[row.option_id], int(row.months), row.average)
        )
        assert (whose[row.population_id], said) in drawn, row


def test_no_number_from_new_pain_under_a_long_lasting_views_full_answers(shipped_content):
    """Issue 33: none from new back pain in a long-lasting-pain view, by the groups' tags."""
    populations = shipped_content.populations.set_index("population_id")
    bounds = shipped_content.situation_bounds.set_index("situation_id")
    every = list(shipped_content.option_names())
    for situation_id in _situations(shipped_content):
        too_new_whose = {
            group.whose
            for _, group in populations.iterrows()
            if too_new(group, bounds.loc[situation_id])
        }
        for question_id in shipped_content.questions["question_id"]:
            shown = short_answers.other_groups(shipped_content, question_id, every, situation_id)
            assert not {chance.whose for chance in shown} & too_new_whose, situation_id


def test_every_speed_is_read_from_its_outcomes_trial_and_drawn_beside_its_comparison_group(
    shipped_content,
):
    """A row of speeds.csv belongs to a count of the same option and outcome that has a
    comparison group (so the two groups' weeks are one comparison from one trial, never weeks
    from two trials), and cites that count's sources."""
    counts = shipped_content.outcomes.set_index(["option_id", "outcome_id"])
    for row in shipped_content.speeds.itertuples():
        count = counts.loc[(row.option_id, row.outcome_id)]
        assert count["comparison_group"], row
        assert set(split_ids(row.source_ids)) <= set(split_ids(count["source_ids"])), row
