"""The understanding check and the questions for the clinician fit the reader: a quiz item that
quotes a study of people in some situations is shown only in those situations (and never one
quoting another situation's people), and every row's rules name known situations and options."""

import pytest

from explorer import decide, words
from explorer.rules.vocabulary import split_ids
from explorer.words import t
from tests.conftest import shipped_data, snapshot_of


def studied_in(content) -> dict[str, set[str]]:
    """Source id -> the situations of the people it is quoted for (short answers tagged with a
    population in those situations)."""
    situations = dict(
        zip(content.populations["population_id"], content.populations["situation_ids"])
    )
    found: dict[str, set[str]] = {}
    for row in content.short_answers.itertuples():
        tagged = set(split_ids(situations.get(row.population_id, "")))
        for source in split_ids(row.source_ids) if tagged else ():
            found.setdefault(source, set()).update(tagged)
    return found


def test_a_quiz_item_quoting_one_situations_people_is_shown_only_there(shipped_content):
    studied = studied_in(shipped_content)
    for item in shipped_content.quiz.itertuples():
        people = set().union(*(studied.get(s, set()) for s in split_ids(item.source_ids)))
        if people:
            named = set(split_ids(item.situation_ids))
            assert named and named <= people, (item.item_id, named, people)


def test_every_situation_with_a_matched_trial_of_surgery_gets_its_own_item(shipped_content):
    # Each situation's quiz holds no item quoting another situation's people.
    studied = studied_in(shipped_content)
    options = list(shipped_content.options["option_id"])
    for situation_id in shipped_content.situations["situation_id"]:
        items = decide.quiz_items(shipped_content, options, situation_id)
        for item in items.itertuples():
            people = set().union(*(studied.get(s, set()) for s in split_ids(item.source_ids)))
            assert not people or situation_id in people, (situation_id, item.item_id)


@pytest.mark.parametrize("language", words.languages())
def test_quiz_feedback_never_says_true_or_not_twice(language):
    """3rd review P8 ("Right. Not true."): the judged feedback says the answer once, so each
    explanation's first words saying it are the catalogue's decide.quiz.verdict, which it drops."""
    content = snapshot_of(shipped_data()).content(language)
    with words.speaking(language):
        for item in content.quiz.itertuples():
            for choice in ("true", "false"):
                said = decide.quiz_feedback(content, item.item_id, choice).sentence()
                assert t(f"decide.quiz.verdict.{item.correct}") not in said, (item.item_id, said)
