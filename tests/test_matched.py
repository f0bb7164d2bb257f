"""What the study of people in the reader's situation found, in words (explorer/matched.py), on
the fixture data: leg_disc is a trial of people with leg pain in which rest and a nerve block
were both given."""

from __future__ import annotations

from explorer import matched, words
from explorer.situation import NOT_SURE
from explorer.words import t
from tests.conftest import fixture_content

CONTENT = fixture_content()


def said(situation_id: str, option_id: str) -> dict[str, list[tuple[str, str]]]:
    return {
        kind: [(short.option_id, short.population_id) for short in shorts]
        for kind, shorts in matched.in_words(CONTENT, situation_id, option_id).items()
    }


def test_the_option_comes_first_then_the_same_studys_other_group():
    assert said("leg_pain", "rest") == {
        "benefit": [("rest", "leg_disc"), ("nerve_block", "leg_disc")]
    }
    assert said("leg_pain", "nerve_block") == {
        "benefit": [("nerve_block", "leg_disc"), ("rest", "leg_disc")]
    }


def test_nothing_in_words_without_a_short_answer_about_people_in_the_situation():
    assert said("leg_pain", "gel") == {}  # its short answers give no group of people
    assert said("back_pain", "rest") == {}  # no short answer about back pain's people
    assert said(NOT_SURE, "rest") == {}  # no situation, no people "like you"


def test_what_is_missing_says_out_of_100_only_when_the_result_is_in_words():
    [short] = matched.in_words(CONTENT, "leg_pain", "rest")["benefit"][:1]
    assert matched.none_line([short]) == "chances.page.no_out_of_100"
    assert matched.none_line([]) == "chances.page.none_about_you"


def test_a_studys_averages_out_of_10_are_drawn_where_its_result_is_said_in_words():
    [scored] = matched.scores(CONTENT, "leg_pain", "nerve_block", "benefit")
    assert scored.measure == "leg_pain"
    assert scored.whose == "people with leg pain from a disc"
    # By time, the chosen option first at each: the same groups as the words above.
    assert list(zip(scored.rows["months"], scored.rows["option"])) == [
        (0, "Nerve block"),
        (0, "Home exercise"),
        (3, "Nerve block"),
        (3, "Home exercise"),
    ]
    assert list(scored.rows["average"]) == [7.5, 7.9, 3.1, 4.6]
    # Every bar's words give its number, out of 10, and when; a screen reader hears them all.
    assert scored.rows["said"].iloc[0] == t(
        "chances.score.at_start", option="Nerve block", average="7.5"
    )
    assert scored.rows["said"].iloc[2] == t(
        "chances.score.after", option="Nerve block", average="3.1", count=3
    )
    assert all(line in scored.alt_text() for line in scored.rows["said"])
    assert scored.whose in scored.alt_text()


def test_no_averages_where_the_study_is_not_said_in_words():
    assert matched.scores(CONTENT, "leg_pain", "nerve_block", "harm") == []
    assert matched.scores(CONTENT, "back_pain", "rest", "benefit") == []
    assert matched.scores(CONTENT, NOT_SURE, "rest", "benefit") == []


def test_an_average_is_said_with_the_languages_decimal_mark():
    with words.speaking("es"):
        said = matched.bar_words("Bloqueo", 6, 2.8)
    assert "2,8" in said and "2.8" not in said
