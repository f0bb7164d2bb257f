"""How soon an outcome came in each group (explorer.speeds): drawn beside its comparison group,
with the reader's own numbers or set apart as another group's, never for another kind of pain."""

import dataclasses

import pytest

from explorer import chances, score_chart, speeds
from explorer.situation import NOT_SURE
from tests.conftest import fixture_content

pytestmark = pytest.mark.unit
CONTENT = fixture_content()


def found(content, option_id: str, situation_id: str) -> dict[str, list[speeds.Speed]]:
    return speeds.speeds(content, chances.all_chances(content), option_id, situation_id)


def test_a_trial_of_people_in_the_readers_situation_is_drawn_with_their_own_numbers():
    shown = found(CONTENT, "gel", "back_pain")
    [speed] = shown[speeds.ABOUT]
    assert shown[speeds.OTHER] == []
    assert speed.chance.outcome_id == "met_aim" and speed.weeks == (10, 14)
    # Both groups, each under its own group's words, in the Chance's order.
    said = list(speed.rows()["said"])
    assert [count.group in words for count, words in zip(speed.chance.counts, said)] == [True] * 2


def test_a_trial_of_the_same_pain_at_another_time_is_set_apart_as_another_groups():
    groups = CONTENT.populations.assign(
        situation_ids=CONTENT.populations["situation_ids"].where(
            CONTENT.populations["population_id"] != "painful_disc", ""
        )
    )
    other = dataclasses.replace(CONTENT, populations=groups, memo_key="speeds-other-group")
    shown = found(other, "gel", "back_pain")
    assert shown[speeds.ABOUT] == [] and len(shown[speeds.OTHER]) == 1


def test_never_drawn_for_another_kind_of_pain_and_drawn_when_the_reader_is_not_sure():
    assert found(CONTENT, "gel", "leg_pain") == {speeds.ABOUT: [], speeds.OTHER: []}
    assert len(found(CONTENT, "gel", NOT_SURE)[speeds.ABOUT]) == 1
    assert found(CONTENT, "rest", "back_pain") == {speeds.ABOUT: [], speeds.OTHER: []}


def test_the_weeks_are_drawn_on_one_scale_past_the_longest_in_the_it_happened_blue():
    [speed] = found(CONTENT, "gel", "back_pain")[speeds.ABOUT]
    spec = score_chart.speed_chart(speed.rows(), speed.measure).to_dict()
    [bars] = [layer for layer in spec["layer"] if layer["mark"]["type"] == "bar"]
    low, high = bars["encoding"]["x"]["scale"]["domain"]
    assert low == 0 and high > max(speed.weeks)
    assert bars["mark"]["color"] == score_chart.BAR
