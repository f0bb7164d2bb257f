"""Decision support: alignment, quiz, SURE, questions, the record note, share links, summary."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from explorer import decide
from explorer.data import load_content
from explorer.decide import Answers
from tests.conftest import DATA

CONTENT = load_content(DATA).content
ALL = list(CONTENT.option_names())
STATEMENTS = list(CONTENT.statements["statement_id"])


def very_important_all() -> dict[str, int]:
    return {statement: 3 for statement in STATEMENTS}


# ---------------------------------------------------------------------------- alignment
@pytest.mark.parametrize(
    ("level", "expected"),
    [
        (1, "Lines up well"),
        (2, "Lines up well"),
        (3, "Lines up partly"),
        (4, "Lines up poorly"),
        (5, "Lines up poorly"),
    ],
)
def test_fit_follows_the_statement_rule(level, expected):
    assert decide.fit(level, well_to=2, poorly_from=4) == expected


def test_every_operation_lines_up_poorly_with_avoiding_surgery():
    table = decide.alignment(CONTENT, ALL, {"avoid_surgery": 3})
    by_option = dict(zip(table["Option"], table["Fit"]))
    assert by_option["Discectomy"] == by_option["Spinal fusion"] == "Lines up poorly"
    assert by_option["Epidural steroid injection"] == "Lines up well"


def test_fit_rules_name_the_levels_in_words():
    rules = decide.fit_rules(CONTENT)
    surgery = rules[rules["What matters"] == "Avoiding surgery"].iloc[0]
    assert "Needle injection" in surgery["Lines up well"]
    assert "Operation to remove tissue" in surgery["Lines up poorly"]
    assert len(rules) == sum(len(ids.split(";")) for ids in CONTENT.statements["attribute_ids"])


def test_alignment_covers_each_important_statement_and_chosen_option_only():
    ratings = {"avoid_surgery": 3, "strong_evidence": 2, "lasting_relief": 1}
    table = decide.alignment(CONTENT, ["fusion", "conservative"], ratings)
    assert set(table["Statement"]) == {
        "Avoiding surgery",
        "A clear extra benefit, and good evidence for it",
    }
    assert list(table["Option"].unique()) == [
        "No procedure: keep up conservative care",
        "Spinal fusion",
    ]


def test_alignment_follows_the_ratings_data():
    table = decide.alignment(CONTENT, ALL, {"avoid_surgery": 3})
    by_option = dict(zip(table["Option"], table["Fit"]))
    assert by_option["No procedure: keep up conservative care"] == "Lines up well"
    assert by_option["Spinal fusion"] == "Lines up poorly"
    assert set(table["Level"]) <= set(CONTENT.attribute_levels["label"]) | {decide.NOT_KNOWN}


def test_a_statement_with_two_topics_gets_a_row_for_each():
    table = decide.alignment(CONTENT, ["esi"], {"no_anaesthetic_or_stay": 3})
    assert len(table) == 2 and table["Topic"].nunique() == 2
    assert set(decide.alignment_table(table).columns) == {
        "Statement",
        "Option",
        "Level",
        "Fit",
        "How sure",
    }


def test_nothing_important_means_no_alignment():
    assert decide.alignment(CONTENT, ALL, {"avoid_surgery": 1}).empty
    assert decide.alignment(CONTENT, [], very_important_all()).empty


def test_unknown_ratings_say_not_known_instead_of_guessing():
    table = decide.alignment(CONTENT, ALL, very_important_all())
    shown_unknown = table["Fit"] == decide.NOT_KNOWN
    assert ((table["How sure"] == "not known") == shown_unknown).all()
    assert (table.loc[shown_unknown, "Level"] == decide.NOT_KNOWN).all()


# ------------------------------------------------------------------------- quiz and SURE
def test_quiz_feedback_marks_right_and_wrong_and_explains():
    item = CONTENT.quiz.iloc[0]
    right = "True" if item["correct"] == "true" else "False"
    wrong = "False" if right == "True" else "True"
    assert decide.quiz_feedback(CONTENT, item["item_id"], right).correct
    feedback = decide.quiz_feedback(CONTENT, item["item_id"], wrong)
    assert not feedback.correct and feedback.explanation == item["explanation"]
    assert decide.quiz_feedback(CONTENT, item["item_id"], "Not sure") is None


def test_quiz_score_counts_right_answers():
    right_answers = {row.item_id: row.correct.title() for row in CONTENT.quiz.itertuples()}
    assert decide.quiz_score(CONTENT, right_answers) == (len(CONTENT.quiz), len(CONTENT.quiz))
    assert decide.quiz_score(CONTENT, {}) == (0, len(CONTENT.quiz))


def test_sure_prompts_to_talk_more_on_any_no():
    all_yes = {item_id: "Yes" for item_id, _ in decide.SURE_ITEMS}
    assert decide.sure_result(all_yes).yes == 4 and not decide.sure_result(all_yes).talk_more
    one_no = {**all_yes, "understand": "No"}
    result = decide.sure_result(one_no)
    assert result.talk_more and result.summary() == "SURE score 3 of 4"
    assert decide.sure_result({}).summary() == "SURE test not done"


# --------------------------------------------------------------------- questions, note, link
def test_questions_start_general_then_follow_the_chosen_options():
    questions = decide.questions_to_ask(CONTENT, ["fusion", "esi"])
    clinician = CONTENT.clinician_questions.set_index("question")["about"]
    abouts = [clinician[q] for q in questions]
    assert abouts == sorted(abouts, key=lambda a: ["general", "esi", "fusion"].index(a))
    assert {"general", "esi", "fusion"} == set(abouts)
    for topic in ("scan", "how long", "tried", "leg pain", "surgery before"):
        assert any(topic in q.lower() for q in questions), topic


def test_note_names_options_priorities_sure_tool_and_version():
    answers = Answers(
        ratings={"lasting_relief": 3, "avoid_surgery": 2}, sure={"sure": "Yes", "understand": "No"}
    )
    note = decide.record_note(CONTENT, ["esi", "discectomy"], answers)
    assert len(note) < decide.NOTE_LIMIT
    assert "Epidural steroid injection, Discectomy" in note
    assert note.index("Extra relief that lasts") < note.index(
        "Avoiding surgery"
    )  # most important first
    assert "SURE score 1 of 4" in note
    assert f"v{CONTENT.release['version']}" in note and CONTENT.release["content_date"] in note


def test_note_stays_under_the_limit_with_everything_rated():
    answers = Answers(ratings=very_important_all(), sure={i: "Yes" for i, _ in decide.SURE_ITEMS})
    note = decide.record_note(CONTENT, ALL, answers)
    assert len(note) < decide.NOTE_LIMIT
    assert "Options discussed" in note


def test_share_link_has_no_answers_unless_asked():
    answers = Answers(
        ratings={"avoid_surgery": 3}, quiz={"fusion_undo": "False"}, sure={"sure": "No"}
    )
    url = decide.share_url(
        "http://host/summary?x=1", ["fusion", "esi"], ALL, True, answers, include_answers=False
    )
    query = parse_qs(urlsplit(url).query)
    assert query == {"options": ["esi", "fusion"], "mode": ["consult"]}
    url = decide.share_url(
        "http://host/summary", ["fusion", "esi"], ALL, False, answers, include_answers=True
    )
    query = parse_qs(urlsplit(url).query)
    assert (
        query["rate"] == ["avoid_surgery.3"]
        and query["quiz"] == ["fusion_undo.False"]
        and query["sure"] == ["sure.No"]
    )


def test_answers_round_trip_through_a_link_and_junk_is_ignored():
    answers = Answers(
        ratings={"avoid_surgery": 3}, quiz={"fusion_undo": "False"}, sure={"sure": "No"}
    )
    params = decide.share_params(ALL, ALL, False, answers, include_answers=True)
    assert decide.answers_from_params(CONTENT, params) == answers
    junk = {
        "rate": ["avoid_surgery.9", "nope.1", "<b>.2"],
        "quiz": ["fusion_undo.maybe"],
        "sure": ["sure"],
    }
    assert decide.answers_from_params(CONTENT, junk) == Answers()


def test_summary_uses_the_same_rows_for_every_option():
    summary = decide.summary(
        CONTENT, ["fibrin", "conservative"], Answers(ratings={"avoid_surgery": 3})
    )
    assert summary.option_names == [
        "No procedure: keep up conservative care",
        "Intra-annular fibrin injection",
    ]
    assert [row.question_id for row in summary.rows] == list(decide.SUMMARY_QUESTIONS)
    assert all(len(row.cells) == 2 for row in summary.rows)
    assert summary.notes and "investigational" in summary.notes[0]
    assert not summary.alignment.empty
