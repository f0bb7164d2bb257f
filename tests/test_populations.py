"""Whose numbers: one rule sets a group of people (populations.csv) against a situation
(situation_bounds.csv), and the Chances page says so."""

from __future__ import annotations

import pandas as pd
import pytest

from explorer import chances
from explorer.populations import OUTSIDE, PARTLY, WITHIN, match, matches
from explorer.rules.vocabulary import NOT_KNOWN
from explorer.words import t

NA = pd.NA
LONG_LEG = {"pain": "leg", "weeks_from": 13, "weeks_to": NA, "previous_surgery": "any"}
NEW_LEG = {"pain": "leg", "weeks_from": 0, "weeks_to": 13, "previous_surgery": "any"}
AFTER_SURGERY = {"pain": "any", "weeks_from": 0, "weeks_to": NA, "previous_surgery": "all"}


def group(pain="leg", weeks_from=NA, weeks_to=NA, previous_surgery=NOT_KNOWN):
    return {
        "pain": pain,
        "weeks_from": weeks_from,
        "weeks_to": weeks_to,
        "previous_surgery": previous_surgery,
    }


@pytest.mark.parametrize(
    ("people", "situation", "expected"),
    [
        (group(weeks_from=17, weeks_to=52), LONG_LEG, WITHIN),  # 4 to 12 months of sciatica
        (group(weeks_from=6, weeks_to=12), NEW_LEG, WITHIN),
        (group(weeks_from=6, weeks_to=12), LONG_LEG, OUTSIDE),
        (group(weeks_from=13, weeks_to=13), NEW_LEG, OUTSIDE),  # the new situation ends before
        (group(weeks_from=6), LONG_LEG, PARTLY),  # at least 6 weeks: some shorter, some longer
        (group(), LONG_LEG, PARTLY),  # how long is not known
        (group(pain="any", weeks_from=26), LONG_LEG, PARTLY),  # leg or back pain
        (group(pain="back", weeks_from=26), LONG_LEG, OUTSIDE),
        (group(pain="back", weeks_from=52, previous_surgery="all"), AFTER_SURGERY, WITHIN),
        (group(pain="back", weeks_from=52, previous_surgery="some"), AFTER_SURGERY, PARTLY),
        (group(pain="back", weeks_from=52, previous_surgery="none"), AFTER_SURGERY, OUTSIDE),
    ],
)
def test_a_group_is_within_partly_in_or_outside_a_situation_by_one_rule(
    people, situation, expected
):
    assert match(people, situation) == expected


def test_where_a_situation_is_for_people_who_had_surgery_the_others_readers_had_none():
    operated = {
        "population_id": "operated",
        **group(pain="back", weeks_from=52, previous_surgery="all"),
    }
    back = {
        "situation_id": "back_long",
        "pain": "back",
        "weeks_from": 13,
        "weeks_to": NA,
        "previous_surgery": "any",
    }
    after = {"situation_id": "after", **AFTER_SURGERY}
    some = {"population_id": "some", **group(pain="back", weeks_from=52, previous_surgery="some")}
    people = pd.DataFrame([operated, some])
    assert matches(people, pd.DataFrame([back, after])) == {
        ("operated", "back_long"): OUTSIDE,
        ("operated", "after"): WITHIN,
        ("some", "back_long"): PARTLY,
        ("some", "after"): PARTLY,
    }
    people = pd.DataFrame([operated])
    # Without a situation for people who had surgery, the situations' own bounds decide.
    assert matches(people, pd.DataFrame([back])) == {("operated", "back_long"): WITHIN}


def by_population(content, population_id: str) -> chances.Chance:
    return next(
        chance
        for chance in chances.all_chances(content)
        if chance.whose == content.populations.set_index("population_id").at[population_id, "whose"]
    )


def test_numbers_from_a_mixed_group_may_include_people_in_the_situation_and_others(content):
    mixed = by_population(content, "everyone_given")  # any pain, for any reason
    assert mixed.whose_line("leg_pain") == t(
        "situation.numbers.partly_about_you", whose=mixed.whose
    )


def test_numbers_from_a_group_wholly_in_the_situation_are_about_people_in_it(content):
    trial = by_population(content, "painful_disc")  # back pain of 26 weeks or more
    assert trial.whose_line("back_pain") == t("situation.numbers.about_you", whose=trial.whose)
    assert trial.whose_line("leg_pain") == t("situation.numbers.not_about_you", whose=trial.whose)


def test_a_situation_without_bounds_never_claims_a_whole_group(content):
    bounds = content.situation_bounds
    unbounded = content.__class__(
        **{
            **content.__dict__,
            "situation_bounds": bounds[bounds["situation_id"] != "back_pain"],
            "memo_key": content.memo_key + " without back_pain bounds",  # its own kept results
        }
    )
    trial = by_population(unbounded, "painful_disc")
    assert trial.whose_line("back_pain") == t(
        "situation.numbers.partly_about_you", whose=trial.whose
    )
