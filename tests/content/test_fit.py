"""The shipped fits (data/option_fit.csv) follow the one written rule (data/fit_levels.csv), and only
options at a level aimed at the situation are chosen by default or named as aimed at it: on the
pages, in the summary, the PDF, the record note and the share link, in every language and every
situation. Rules, not counts: a clinic's sixth option or a new situation keeps them green."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from explorer import decide, situation, words
from explorer.rules.vocabulary import AIMED
from tests.conftest import shipped_data, snapshot_of

LANGUAGES = words.languages()


def contents():
    snapshot = snapshot_of(shipped_data())
    for language in LANGUAGES:
        yield language, snapshot.content(language)


def every_situation(content) -> list[str]:
    return list(content.situations["situation_id"])


def test_every_fit_is_a_level_of_the_rule_file_and_its_rule_is_shown_beside_it():
    for language, content in contents():
        levels = content.fit_levels.set_index("fit")
        assert set(content.option_fit["fit"]) <= set(levels.index)
        with words.speaking(language):
            for situation_id in every_situation(content):
                lines = situation.summary_lines(content, situation_id)
                for fit in situation.fits(content, situation_id):
                    assert fit.level == levels.at[fit.fit, "name"]
                    assert fit.rule == levels.at[fit.fit, "rule"]
                    assert fit.aimed == (levels.at[fit.fit, "aimed"] == AIMED)
                    assert fit.line() in lines  # every option's reason, not only those set apart
                    assert fit.rule_line() in lines  # and the rule of its level
                    assert fit.rule_line() in situation.rule_lines(content, situation_id)


def test_an_investigational_option_is_never_aimed_at_a_situation():
    for _, content in contents():
        options = content.options.set_index("option_id")
        for situation_id in every_situation(content):
            for fit in situation.fits(content, situation_id):
                if options.at[fit.option_id, "status"] == "investigational":
                    assert not fit.aimed, (fit.option_id, situation_id)


def test_a_level_not_aimed_at_the_situation_is_never_chosen_by_default_nor_named_as_aimed():
    for language, content in contents():
        with words.speaking(language):
            for situation_id in every_situation(content):
                apart = {fit.option_id for fit in situation.set_apart(content, situation_id)}
                aimed = situation.aimed_options(content, situation_id)
                assert not apart & set(aimed)  # the pages' default choice (url_state, chances)
                names = content.option_names()
                only_aimed = ", ".join(names[o] for o in aimed) or words.t("situation.aimed_none")
                assert situation.aimed_names(content, situation_id) == only_aimed
                summary = decide.summary(content, list(names), decide.Answers(), situation_id)
                assert words.t("situation.aimed", options=only_aimed) in summary.situation
                note = decide.record_note(content, list(names), decide.Answers(), situation_id)
                situation_line = words.t(
                    "situation.note", situation=situation.name(content, situation_id)
                )
                assert situation_line in note.splitlines()  # it names no option as aimed …
                for fit in situation.fits(content, situation_id):
                    # … each option's line gives its own level, whether it is aimed or not
                    assert fit.short_line() in note or fit.line() in note
                # The share link of the default view names no option: it opens the aimed ones.
                link = decide.share_url(
                    "http://x/summary",
                    aimed,
                    list(names),
                    False,
                    decide.Answers(),
                    False,
                    situation_id,
                    aimed,
                )
                assert "options" not in parse_qs(urlsplit(link).query)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_summary_names_only_the_aimed_options_as_aimed(language):
    # The summary page and the PDF print these lines (tests/test_handout.py checks the PDF does).
    content = snapshot_of(shipped_data()).content(language)
    names = content.option_names()
    with words.speaking(language):
        for situation_id in every_situation(content):
            lines = decide.summary(content, list(names), decide.Answers(), situation_id).situation
            aimed = [names[o] for o in situation.aimed_options(content, situation_id)]
            assert words.t("situation.aimed", options=", ".join(aimed)) in lines
            for fit in situation.fits(content, situation_id):
                assert fit.line() in lines  # every option's level and reason


def test_a_fits_grade_is_the_grade_of_its_options_guideline_answer(shipped_content):
    """Issue 33 finding 7 (one judgement per claim): a fit is placed by what guidelines say
    (fit_levels.csv), so its "How sure" is the grade the option's answer to "What do guidelines
    say?" gives that claim (README, option_fit.csv). "NICE says to start here" read low in one
    fit and moderate under that question; a trial's result in a reason names its own grade."""
    answers = shipped_content.tables["answers.csv"]
    graded = answers[answers["question_id"] == "guidelines"].set_index("option_id")["certainty"]
    fits = shipped_content.tables["option_fit.csv"]
    assert not graded.empty  # the question the rule reads is still there
    apart = [
        f"{row.option_id} / {row.situation_id}: {row.certainty}, not {graded[row.option_id]}"
        for row in fits.itertuples()
        if row.option_id in graded and row.certainty != graded[row.option_id]
    ]
    assert not apart
