"""One option, one grade on a page (5th review #7): where an option's benefit was studied in
people in the reader's situation, the table at a glance says how sure we are with the same grade
as its answer to "How sure are we?" lower down, first; a level from all the studies, if any,
only after it, named as such."""

from __future__ import annotations

import pytest

from explorer import decide, ratings, short_answers, words
from explorer.compare import certainty_words
from explorer.rules.vocabulary import CERTAINTY_LEVELS, ROLE
from tests.conftest import shipped_data, snapshot_of


def glance_grades(content, standing: str = "about_you") -> list[tuple[str, str, str, str]]:
    """(situation, option, the glance's cell, the grade it would lead with) for every option with
    a benefit studied in people in the situation whose "How sure are we?" answer grades a group
    standing so to it (all in it, or partly), all options of the data shown at once."""
    roles = content.questions.set_index("question_id")[ROLE]
    certainty = list(roles.index[roles == short_answers.CERTAINTY])
    benefits = list(roles.index[roles == "benefits"])
    sureness = content.attributes.set_index("attribute_id").at[content.evidence_attribute, "name"]
    options = list(content.option_names())
    found_cells = []
    for situation_id in content.situations["situation_id"]:
        found = short_answers.for_situation(content, situation_id)
        table = ratings.glance_table(ratings.rated(content, options, situation_id))
        cells = table.set_index(words.t("ratings.glance.what")).loc[sureness]
        names = content.short_names()
        for option_id in options:
            shorts = [found[option_id, q] for q in benefits if (option_id, q) in found]
            if not any(short_answers.quoted_standing(content, s, situation_id) for s in shorts):
                continue
            for question_id in certainty:
                sure = found[option_id, question_id]
                if short_answers.quoted_standing(content, sure, situation_id) != standing:
                    continue
                grade = certainty_words(sure.certainty)
                grade = grade[:1].upper() + grade[1:]
                found_cells.append(
                    (
                        situation_id,
                        option_id,
                        cells[names[option_id]],
                        words.t("ratings.glance.own_grade", grade=grade),
                    )
                )
    return found_cells


@pytest.mark.parametrize("language", words.languages())
def test_the_glance_leads_with_the_how_sure_grade_where_a_benefit_was_studied_in_you(language):
    snapshot = snapshot_of(shipped_data())
    with words.speaking(language):
        said = glance_grades(snapshot.content(language))
    assert said  # the shipped data has matched benefits; the rule is about them
    assert [cell for *_, cell, grade in said if not cell.startswith(grade)] == []


@pytest.mark.parametrize("language", words.languages())
def test_a_grade_of_a_group_only_partly_like_the_reader_is_never_for_people_like_you(language):
    """8th review N2: 'Moderate for people like you' over a group labelled 'May include people in
    your situation, with others' overstated the fit."""
    snapshot = snapshot_of(shipped_data())
    with words.speaking(language):
        said = glance_grades(snapshot.content(language), standing="partly_about_you")
    assert [cell for *_, cell, grade in said if cell.startswith(grade)] == []


@pytest.mark.parametrize("language", words.languages())
def test_what_matters_line_up_leads_with_the_same_grade_as_the_glance(language):
    """6th review #7: for each situation and option with the reader's own grade, the line-up's
    cell for how sure we are starts with the grade the glance's cell starts with."""
    snapshot = snapshot_of(shipped_data())
    with words.speaking(language):
        content = snapshot.content(language)
        said = glance_grades(content)
        every = {statement: 3 for statement in content.statements["statement_id"]}
        sureness = content.attributes.set_index("attribute_id").at[
            content.evidence_attribute, "name"
        ]
        options, names = list(content.option_names()), content.option_names()
        differ = []
        for situation_id, option_id, cell, grade in said:
            line_up = decide.alignment(content, options, every, situation_id)
            mine = line_up[(line_up["topic"] == sureness) & (line_up["option"] == names[option_id])]
            if not mine.empty and not (mine["level"].str.startswith(grade).all()):
                differ.append((situation_id, option_id, list(mine["level"]), cell))
    assert said and differ == []


def test_the_evidence_quality_levels_are_the_grades_in_order():
    """ratings.grade_level reads a grade as the evidence quality's level by the grades' order."""
    content = snapshot_of(shipped_data()).content("en")
    levels = content.attribute_levels
    labels = levels[levels["attribute_id"] == content.evidence_attribute].set_index("level")
    with words.speaking("en"):
        for grade in CERTAINTY_LEVELS:
            level = ratings.grade_level(grade)
            if level in labels.index:
                assert labels.at[level, "label"].lower() == certainty_words(grade).lower()
    assert len(labels) == len(CERTAINTY_LEVELS) - 1  # every grade but "not known" is a level
