"""memo.kept: a result is worked out once per function, language and arguments (by value, never
by identity), identical reruns add no entries, and the kept results stay bounded."""

from contextvars import copy_context

import pandas as pd
import pytest

from explorer import decide, memo, ratings, words
from explorer.store import load_snapshot
from tests.apptest import open_page
from tests.conftest import FIXTURE_DATA, copy_data, fixture_content

OPTIONS = fixture_content().option_names()


@pytest.fixture
def counted(fresh_memo):
    """A kept function that counts how often it really runs."""
    calls: list[tuple] = []

    @memo.kept
    def work(*args, **kwargs):
        calls.append((args, kwargs))
        return [words.current_language(), len(calls)]

    return work, calls


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


def test_a_table_is_keyed_by_its_values_not_by_which_object_holds_them(counted):
    work, calls = counted
    table = pd.DataFrame({"option_id": ["surgery"], "level": [2]})
    assert work(table) is work(table.copy())  # a new table with the same values
    work(table.assign(level=3))
    work(table.astype({"level": float}))  # the same numbers, another type
    assert len(calls) == 3


def test_a_table_the_memo_made_is_keyed_by_the_call_that_made_it(fresh_memo, content):
    rated = ratings.rated(content, list(content.option_names()))
    assert memo.key_of(rated)[0] == "made_by"
    assert memo.key_of(rated.copy())[0] == "table"  # not the kept one: by its values
    again = ratings.rated(content, list(content.option_names()))  # the next run asks again
    assert ratings.glance_table(rated) is ratings.glance_table(again)
    assert ratings.glance_table(rated.copy()) is ratings.glance_table(rated.copy())


def test_content_is_keyed_by_the_files_it_was_built_from(fresh_memo, tmp_path):
    # Two loads of equal files (a reload, another copy): one result.
    again = load_snapshot(copy_data(FIXTURE_DATA, tmp_path / "data")).english
    first = load_snapshot(FIXTURE_DATA).english
    assert first is not again and first.memo_key == again.memo_key
    assert ratings.rules_table(first) is ratings.rules_table(again)
    spanish = load_snapshot(FIXTURE_DATA).content("es")
    assert spanish.memo_key != first.memo_key


def test_a_person_s_changed_answers_are_a_new_question(counted):
    work, calls = counted
    answers = {"recovery": 3}
    work(answers)
    answers["recovery"] = 1
    work(answers)
    assert len(calls) == 2


def test_a_person_s_answers_are_keyed_by_what_they_hold_now(counted):
    work, calls = counted
    answers = decide.Answers()
    work(answers)
    answers.ratings["recovery"] = 3  # changed in place, as the what-matters page does
    work(answers)
    work(decide.Answers(ratings={"recovery": 3}))  # another object holding the same answers
    assert len(calls) == 2


def test_an_argument_it_cannot_key_is_refused_not_keyed_by_identity(counted):
    work, _ = counted
    with pytest.raises(TypeError):
        work(object())


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


def test_what_is_kept_stays_bounded(counted, monkeypatch):
    work, _ = counted
    monkeypatch.setattr(memo, "LIMIT", 50)
    for n in range(500):
        work(pd.DataFrame({"n": [n]}))
    assert len(memo._kept) == 50 and len(memo._made_by) <= 50


@pytest.mark.parametrize(
    ("page", "answer"),
    [
        ("views/what_matters.py", lambda at: at.radio[0].set_value(3)),
        ("views/compare.py", lambda at: at.multiselect[0].set_value(at.multiselect[0].value[1:])),
        ("views/summary.py", lambda at: at.checkbox[0].check()),
        ("views/chances.py", lambda at: at.selectbox[0].set_value(list(OPTIONS)[-1])),
    ],
)
def test_identical_reruns_add_no_entries(fresh_memo, page, answer):
    at = open_page(page)
    answer(at).run()
    entries = len(memo._kept)
    for _ in range(3):  # the same answers, the same page, again
        at.run()
    assert not at.exception
    assert len(memo._kept) == entries
