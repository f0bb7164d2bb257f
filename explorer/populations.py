"""Whose numbers: how the people in a study (populations.csv) stand to a situation
(situation_bounds.csv), by one rule for every group. They are all in it when their pain, its
duration and any earlier back surgery all lie within the situation's; partly (mixed with others,
or not known) when they overlap it; outside it when any of the three rules them out."""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

from explorer.memo import kept
from explorer.rules.vocabulary import NOT_KNOWN

WITHIN = "within"
PARTLY = "partly"
OUTSIDE = "outside"
_ORDER = (WITHIN, PARTLY, OUTSIDE)


def match(group: Mapping, bounds: Mapping) -> str:
    """How one group (a populations.csv row) stands to one situation (its bounds row)."""
    found = (
        _pain(group["pain"], bounds["pain"]),
        _weeks(group["weeks_from"], group["weeks_to"], bounds["weeks_from"], bounds["weeks_to"]),
        _surgery(group["previous_surgery"], bounds["previous_surgery"]),
    )
    return max(found, key=_ORDER.index)


def _pain(group: str, situation: str) -> str:
    if situation == "any" or group == situation:
        return WITHIN
    return PARTLY if group == "any" else OUTSIDE


def same_pain(group: str, situation: str) -> bool:
    """Whether a group's pain (leg, back or any) is wholly the kind a situation is about."""
    return _pain(group, situation) == WITHIN


def _known(number) -> bool:
    return not pd.isna(number)


def _weeks(group_from, group_to, situation_from, situation_to) -> str:
    """The situation runs from its first week up to (not including) its last; a group's unknown
    start counts from 0 and an empty end has no limit, so neither is ever wholly within."""
    low = group_from if _known(group_from) else 0
    high = group_to if _known(group_to) else math.inf
    limit = situation_to if _known(situation_to) else math.inf
    if low >= limit or high < situation_from:
        return OUTSIDE
    within = _known(group_from) and low >= situation_from and (high < limit or limit == math.inf)
    return WITHIN if within else PARTLY


def _surgery(group: str, situation: str) -> str:
    if situation == "any" or group == situation:
        return WITHIN
    if group in ("some", NOT_KNOWN):
        return PARTLY
    return OUTSIDE  # none against all, or all against none


@kept  # asked for every group's standing on every page: worked out once per content
def matches(populations: pd.DataFrame, bounds: pd.DataFrame) -> dict[tuple[str, str], str]:
    """(population id, situation id) -> how they stand, for every situation that has bounds."""
    by_situation = bounds.set_index("situation_id")
    after_surgery_listed = bool((by_situation["previous_surgery"] == "all").any())
    return {
        (group["population_id"], situation_id): _standing(group, situation, after_surgery_listed)
        for _, group in populations.iterrows()
        for situation_id, situation in by_situation.iterrows()
    }


def _standing(group: Mapping, situation: Mapping, after_surgery_listed: bool) -> str:
    """Where the list has a situation for people who had back surgery (`after_surgery_listed`),
    a reader of any other situation had none (6th review N2, 7th R1): a group where everyone had
    surgery is not about them, and one where some had is only partly about them."""
    found = match(group, situation)
    if situation["previous_surgery"] == "all" or not after_surgery_listed:
        return found
    if group["previous_surgery"] == "all":
        return OUTSIDE
    if group["previous_surgery"] == "some" and found == WITHIN:
        return PARTLY
    return found


# Numbers from people whose pain was new are never shown to a reader whose pain has lasted long
# (issue 33): new pain mostly settles, so they would make waiting look better than it is for them.
NEW_PAIN_WEEKS = 6  # pain that had lasted under 6 weeks is new (acute)
LONG_PAIN_WEEKS = 13  # pain that has lasted 3 months or more is long-lasting


def too_new(group: Mapping, bounds: Mapping) -> bool:
    """Whether a group's pain (a populations.csv row) was new while the situation's (its bounds
    row) has lasted long."""
    return (
        _known(group["weeks_to"])
        and group["weeks_to"] < NEW_PAIN_WEEKS
        and _known(bounds["weeks_from"])
        and bounds["weeks_from"] >= LONG_PAIN_WEEKS
    )
