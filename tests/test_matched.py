"""What the study of people in the reader's situation found, in words (explorer/matched.py), on
the fixture data: leg_disc is a trial of people with leg pain in which rest and a nerve block
were both given."""

from __future__ import annotations

from explorer import matched
from explorer.situation import NOT_SURE
from tests.conftest import fixture_content

CONTENT = fixture_content()


def said(situation_id: str, option_id: str) -> dict[str, list[tuple[str, str]]]:
    return {
        kind: [(short.option_id, short.population_id) for short in shorts]
        for kind, shorts in matched.in_words(CONTENT, situation_id, option_id).items()
    }


def test_the_option_comes_first_then_the_same_studys_other_group():
    assert said("leg_pain", "rest") == {
        "benefit": [("rest", "leg_disc"), ("nerve_block", "leg_disc")],
        "harm": [("rest", "leg_disc")],  # the block's risk is about another group (back_long)
    }
    assert said("leg_pain", "nerve_block") == {
        "benefit": [("nerve_block", "leg_disc"), ("rest", "leg_disc")]
    }  # no harm: its own risk is about another group, and the trial's other arm is not it


def test_nothing_in_words_without_a_short_answer_about_people_in_the_situation():
    assert said("leg_pain", "gel") == {}  # its short answers give no group of people
    assert said("back_pain", "rest") == {}  # no short answer about back pain's people
    assert said(NOT_SURE, "rest") == {}  # no situation, no people "like you"


def test_what_is_missing_says_out_of_100_only_when_the_result_is_in_words():
    [short] = matched.in_words(CONTENT, "leg_pain", "rest")["benefit"][:1]
    assert matched.none_line([short]) == "chances.page.no_out_of_100"
    assert matched.none_line([]) == "chances.page.none_about_you"
