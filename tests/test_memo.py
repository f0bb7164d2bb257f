"""memo.kept: a result is worked out once per function, language and arguments, and only once."""

from contextvars import copy_context

import pandas as pd
import pytest

from explorer import decide, memo, words


@pytest.fixture
def counted():
    """A kept function that counts how often it really runs."""
    memo.forget()
    calls: list[tuple] = []

    @memo.kept
    def work(*args, **kwargs):
        calls.append((args, kwargs))
        return [words.current_language(), len(calls)]

    yield work, calls
    memo.forget()


def test_the_same_question_is_answered_from_the_kept_result(counted):
    work, calls = counted
    first = work("compare", ["surgery", "injection"], situation="leg")
    assert work("compare", ["surgery", "injection"], situation="leg") is first
    assert len(calls) == 1


@pytest.mark.parametrize(
    "other",
    [
        (("compare", ["injection", "surgery"]), {"situation": "leg"}),  # another order
        (("compare", ["surgery"]), {"situation": "leg"}),
        (("compare", ["surgery", "injection"]), {"situation": "back"}),
        (("charts", ["surgery", "injection"]), {"situation": "leg"}),
    ],
)
def test_a_different_question_is_worked_out(counted, other):
    work, calls = counted
    work("compare", ["surgery", "injection"], situation="leg")
    args, kwargs = other
    work(*args, **kwargs)
    assert len(calls) == 2


def test_each_language_has_its_own_result(counted):
    work, calls = counted
    english = work("compare")
    spanish = copy_context().run(lambda: (words.use_language("es"), work("compare"))[1])
    assert english[0] == words.LANGUAGE
    assert spanish[0] == "es"
    assert len(calls) == 2


def test_a_table_is_the_same_table_only_if_it_is_the_same_object(counted):
    """Content and tables are read-only once checked; a reload makes new ones."""
    work, calls = counted
    table = pd.DataFrame({"option_id": ["surgery"]})
    assert work(table) is work(table)
    work(table.copy())
    assert len(calls) == 2


def test_a_person_s_changed_answers_are_a_new_question(counted):
    work, calls = counted
    answers = {"recovery": 3}
    work(answers)
    answers["recovery"] = 1
    work(answers)
    assert len(calls) == 2


def test_the_least_recently_asked_result_goes_first(counted, monkeypatch):
    work, calls = counted
    monkeypatch.setattr(memo, "LIMIT", 2)
    work("a")
    work("b")
    work("a")  # asked again: now the most recent
    work("c")  # one too many: "b" goes
    work("a")
    assert len(calls) == 3
    work("b")
    assert len(calls) == 4


def test_a_person_s_answers_are_keyed_by_what_they_hold_now(counted):
    work, calls = counted
    answers = decide.Answers()
    work(answers)
    answers.ratings["recovery"] = 3  # changed in place, as the what-matters page does
    work(answers)
    work(decide.Answers(ratings={"recovery": 3}))  # another object holding the same answers
    assert len(calls) == 2
