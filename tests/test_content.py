"""The shipped content keeps the promises of a fair decision aid."""

import re

from explorer.data import load_content
from tests.conftest import DATA

CONTENT = load_content(DATA).content


def answer(option_id: str, question_id: str) -> str:
    answers = CONTENT.answers.set_index(["option_id", "question_id"])
    return answers.at[(option_id, question_id), "answer"]


def test_every_option_answers_every_question_once():
    pairs = CONTENT.answers.groupby(["option_id", "question_id"]).size()
    assert len(pairs) == len(CONTENT.options) * len(CONTENT.questions)
    assert set(pairs) == {1}


def test_fibrin_is_graded_very_low_where_it_matters():
    answers = CONTENT.answers[CONTENT.answers["option_id"] == "fibrin"].set_index("question_id")
    assert answers.at["certainty", "certainty"] == "very low"
    assert answers.at["benefits", "certainty"] == "very low"
    assert set(answers["certainty"]) <= {"very low", "not known"}


def test_fibrin_benefit_states_the_failed_trial():
    benefit = answer("fibrin", "benefits")
    for fact in (
        "NCT01011816",
        "about 34 out of 100",
        "about 39 out of 100",
        "26 weeks",
        "saltwater",
        "stopped",
    ):
        assert fact in benefit


def test_fibrin_is_marked_investigational():
    status = CONTENT.options.set_index("option_id").at["fibrin", "status"]
    assert status == "investigational"
    assert "investigational" in answer("fibrin", "what").lower()


def test_marketing_claims_are_not_repeated():
    text = " ".join(CONTENT.answers["answer"]).lower()
    for claim in (
        "fda approved biologic",
        "repairs and seals",
        "leaky disc",
        "regenerat",
        "mainstay",
    ):
        assert claim not in text


def test_numbers_use_a_denominator_of_100_not_percent():
    text = " ".join(CONTENT.answers["answer"])
    assert "%" not in text
    assert not re.search(r"\b1 in \d", text)


def test_options_are_in_the_stated_neutral_order():
    assert list(CONTENT.options["option_id"]) == [
        "conservative",
        "esi",
        "fibrin",
        "discectomy",
        "fusion",
    ]
