"""What the study of people in the reader's situation found, in words (explorer/matched.py), on
the fixture data: leg_disc is a trial of people with leg pain in which rest and a nerve block
were both given."""

from __future__ import annotations

import dataclasses

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
