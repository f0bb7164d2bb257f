"""What the study of people in the reader's situation found, in words (explorer/matched.py), on
the fixture data: leg_disc is a trial of people with leg pain in which rest and a nerve block
were both given."""

from __future__ import annotations

import dataclasses

from explorer import chances, matched, words
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


def test_bars_that_are_the_only_numbers_about_the_reader_get_one_note():
    """4th review N4: under bars that are their study's only numbers about the reader's
    situation, one note says what they are and any time not drawn; never a second note."""
    said = matched.in_words(CONTENT, "leg_pain", "nerve_block")["benefit"]
    [scored] = matched.scores(CONTENT, "leg_pain", "nerve_block", "benefit")
    assert scored.unread_months
    [note] = matched.notes(said, [scored], none_about=True)
    assert note.key == "chances.score.only_bars_unread" and note.boxed
    assert note.values == {"count": scored.unread_months[0]}
    drawn_all = dataclasses.replace(scored, unread_months=())
    assert [n.key for n in matched.notes(said, [drawn_all], True)] == ["chances.score.only_bars"]
    # Pictures about the reader's situation too: only the time not drawn, as a caption.
    shown = matched.notes(said, [scored], none_about=False)
    assert [(n.key, n.boxed) for n in shown] == [("chances.score.not_drawn", False)]
    # No bars: what is missing, as before.
    assert [n.key for n in matched.notes(said, [], True)] == [matched.none_line(said)]


def test_the_options_said_beside_an_option_are_each_one_tap_away():
    """4th review N3: the harms heading links to each other option said beside this one."""
    assert matched.also_said(CONTENT, "leg_pain", "rest") == ["nerve_block"]
    assert matched.also_said(CONTENT, "leg_pain", "nerve_block") == ["rest"]
    assert matched.also_said(CONTENT, NOT_SURE, "rest") == []  # nothing said beside it


# 5th review M1: consult's Compare steps show the picture consult Chances draws.
EVERY_OPTION = tuple(CONTENT.option_names())


def test_the_benefit_step_pictures_its_studys_bars_as_chances_does():
    drawn = matched.pictured(CONTENT, "leg_pain", "gain", EVERY_OPTION)
    assert drawn and drawn.kind == "benefit" and drawn.outcomes == ()
    assert list(drawn.scores) == matched.scores(CONTENT, "leg_pain", "rest", "benefit")


def test_without_bars_each_option_is_pictured_with_the_number_its_short_answer_says(fresh_memo):
    shorts = CONTENT.short_answers
    block_gain = (shorts["option_id"] == "nerve_block") & (shorts["question_id"] == "gain")
    said_45 = shorts.assign(
        short_answer=shorts["short_answer"].mask(block_gain, "In it, 45 out of 100 felt better.")
    )
    no_bars = dataclasses.replace(CONTENT, scores=CONTENT.scores.iloc[0:0], short_answers=said_45)
    drawn = matched.pictured(no_bars, "leg_pain", "gain", EVERY_OPTION)
    # Rest's answer is about leg_disc, but its only count is about another group: no picture;
    # the block's answer and its count are both from leg_disc; gel's answer names no people.
    [chance] = drawn.outcomes
    count = chance.counts[0]
    assert (count.group, count.low, chance.outcome) == (
        "People given a nerve block",
        45,
        "felt better",
    )
    assert drawn.kind == "benefit" and chance.time_frame == "12 months after starting"
    assert chance in chances.all_chances(no_bars)  # as Chances draws it (6th review N1)


def test_a_row_of_pictures_is_one_outcome_as_chances_draws_it(fresh_memo):
    """6th review N1: one option's 34 out of 100 operated on beside another's 3 out of 100 torn
    read as one comparison. Every row pictured is one outcome of one study, with its comparison
    groups, exactly as Chances draws it; never one option's count beside another outcome's."""
    shorts = CONTENT.short_answers
    block_gain = (shorts["option_id"] == "nerve_block") & (shorts["question_id"] == "gain")
    said_45 = shorts.assign(
        short_answer=shorts["short_answer"].mask(block_gain, "In it, 45 out of 100 felt better.")
    )
    no_bars = dataclasses.replace(CONTENT, scores=CONTENT.scores.iloc[0:0], short_answers=said_45)
    every = chances.all_chances(no_bars)
    rows = 0
    for situation_id in ("leg_pain", "back_pain"):
        for question_id in no_bars.questions["question_id"]:
            for size in range(1, matched.PICTURED_UP_TO + 1):
                options = EVERY_OPTION[:size]
                for chance in matched.pictured(
                    no_bars, situation_id, question_id, options
                ).outcomes:
                    rows += 1
                    assert chance in every  # its own counts, under its own outcome
                    assert chance.option_id in options
    assert rows  # the rule was tried on at least one row


def test_no_picture_of_another_number_than_the_short_answer_says(fresh_memo):
    """The shipped fixture's block answer says 70 out of 100: its study's count of 45 beside it
    would contradict it."""
    no_bars = dataclasses.replace(CONTENT, scores=CONTENT.scores.iloc[0:0])
    assert not matched.pictured(no_bars, "leg_pain", "gain", ("nerve_block",))


def test_no_picture_of_another_study_than_the_short_answer_speaks_of():
    """The block's risk in words is about another group (back_long): its count about leg_disc,
    drawable and about the situation, would put a second study's number beside the answer."""
    harms = chances.by_kind(chances.all_chances(CONTENT), "nerve_block", "leg_pain")["harm"]
    assert any(c.whose == "people with leg pain from a disc" and c.drawable for c in harms.about)
    assert not matched.pictured(CONTENT, "leg_pain", "risk", ("nerve_block",))


def test_no_picture_without_a_situation_for_a_question_of_no_kind_or_beside_many_options():
    assert not matched.pictured(CONTENT, NOT_SURE, "gain", EVERY_OPTION)
    assert not matched.pictured(CONTENT, "leg_pain", "about_it", EVERY_OPTION)
    assert not matched.pictured(CONTENT, "back_pain", "gain", EVERY_OPTION)
    too_many = (*EVERY_OPTION, *EVERY_OPTION)[: matched.PICTURED_UP_TO + 1]
    assert not matched.pictured(CONTENT, "leg_pain", "gain", too_many)  # no room beside them
