"""The short answers on Compare, by rules that hold for any situations, options, questions and
groups a clinic lists: short, at most one figure, about people in the situation they are shown
for, never new back pain in a long-lasting-pain situation, and every option answered in the same
detail. A short answer is a situation's own (short_answers.csv) or, where the situation has none,
the full answer's first key point (answers.csv): stored once, never copied. The Spanish ones are
held to the same length and figures."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from explorer import chances, matched, short_answers, situation, words
from explorer.populations import OUTSIDE, WITHIN, matches
from explorer.readability import word_count
from explorer.rules.vocabulary import ROLE, split_ids, split_points
from tests.conftest import shipped_data, snapshot_of

# A figure: a number (a decimal, a range "1 to 5", "1 a 5", "0.07-9.6"), with its "out of 100"
# (or "of 15": a small study's people said as they were counted).
# A number followed by a unit of time is the figure's time frame, not a second figure.
_NUMBER = r"\d+(?:[.,]\d+)?"
_FIGURE = re.compile(
    rf"{_NUMBER}(?:\s*(?:-|–|to|a|y)\s*{_NUMBER})?(?:\s+(?:out of|of|de cada|de|sobre)\s+{_NUMBER})?"
    r"(?!\s*(?:days?|weeks?|months?|years?|hours?|días?|semanas?|meses?|mes|años?|horas?)\b)"
)
_TIME = re.compile(
    rf"{_NUMBER}(?:\s*(?:-|–|to|a|y)\s*{_NUMBER})?\s*"
    r"(?:days?|weeks?|months?|years?|hours?|días?|semanas?|meses?|mes|años?|horas?)\b"
)


def figures(text: str) -> list[str]:
    """The figures a text gives (a range and an "out of" count as one), time frames left out."""
    return _FIGURE.findall(_TIME.sub(" ", text))


MAX_WORDS = 25
# A situation whose pain has lasted at least this many weeks is long-lasting; a group whose pain
# had lasted under NEW_PAIN_WEEKS is new pain (the Sydney cohort's "under 2 weeks").
LONG_LASTING_WEEKS = 13
NEW_PAIN_WEEKS = 2


def every_situation(content) -> list[str]:
    return [situation.NOT_SURE, *content.situations["situation_id"]]


def rows(content) -> pd.DataFrame:
    return content.short_answers


def every_short(content) -> list[short_answers.Short]:
    """Every short answer a reader can see, in every situation, each once (a first key point
    once, not once a situation)."""
    return list(
        dict.fromkeys(
            short
            for situation_id in every_situation(content)
            for short in short_answers.for_situation(content, situation_id).values()
        )
    )


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_short_answer_is_at_most_25_words_with_at_most_one_figure(language):
    texts = [short.text for short in every_short(snapshot_of(shipped_data()).content(language))]
    too_long = [text for text in texts if word_count(text) > MAX_WORDS]
    too_many = [text for text in texts if len(figures(text)) > 1]
    assert texts and too_long == [] and too_many == []


# A count of people in words ("one person who had surgery", "una persona operada"): it cannot be
# set beside another option's "34 out of 100" on a shared screen (7th review R4).
_COUNT_IN_WORDS = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|una?|dos|tres|cuatro|cinco|seis|"
    r"siete|ocho|nueve|diez)\s+(?:\w+\s+)?(?:persons?|people|patients?|personas?|pacientes?)\b",
    re.IGNORECASE,
)


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_short_answer_counts_people_in_figures_never_in_words(language):
    texts = [short.text for short in every_short(snapshot_of(shipped_data()).content(language))]
    assert [text for text in texts if _COUNT_IN_WORDS.search(text)] == []


def test_a_count_in_words_is_found_and_a_figure_is_not():
    assert _COUNT_IN_WORDS.search("one person who had surgery needed a repeat operation")
    assert _COUNT_IN_WORDS.search("una persona operada necesitó otra operación")
    assert not _COUNT_IN_WORDS.search("1 of 128 people needed a repeat operation")
    assert not _COUNT_IN_WORDS.search("1 de 128 personas necesitó otra operación")


def test_figures_count_a_range_and_its_out_of_as_one_and_leave_time_frames_out():
    assert figures("about 34 out of 100 met the goal at 26 weeks") == ["34 out of 100"]
    assert figures("leg pain 2.8 out of 10 at 6 months, 5.2 without") == [
        "2.8 out of 10",
        "5.2",
    ]
    assert figures("1 to 5 days in hospital, 12 de cada 100 en 2 años") == ["12 de cada 100"]
    assert figures("3 of 15 people, 3 de 15 personas") == ["3 of 15", "3 de 15"]


def test_a_short_answer_with_a_figure_names_the_people_it_is_about(shipped_content):
    """A first key point is read in every situation, so no one group is about all its readers:
    a figure belongs in a situation's own short answer, with the group it is about."""
    unnamed = [
        short.text
        for short in every_short(shipped_content)
        if figures(short.text) and not short.population_id
    ]
    assert unnamed == []


def test_the_people_of_a_short_answer_are_in_its_situation(shipped_content):
    """The rule Chances tags its numbers by: the group is tagged to the situation (populations.csv)
    and never outside it by pain, duration or earlier surgery (explorer/populations.py)."""
    populations = shipped_content.populations.set_index("population_id")
    standing = matches(shipped_content.populations, shipped_content.situation_bounds)
    data = rows(shipped_content)
    named = data[data["population_id"] != ""]
    wrong = [
        (row.situation_id, row.option_id, row.question_id)
        for row in named.itertuples()
        if row.situation_id not in split_ids(populations.at[row.population_id, "situation_ids"])
        or standing.get((row.population_id, row.situation_id)) == OUTSIDE
    ]
    assert wrong == []


def test_a_short_answer_with_one_group_s_numbers_makes_that_one_claim_under_its_grade(
    shipped_content,
):
    """One short answer, one claim, one grade: an answer that quotes a group's numbers cites only
    the sources of that group's results (outcomes.csv) and carries one of their grades. A second
    claim from other sources (a review's 'exercise probably eases pain') would sit under the
    study's grade, which is not its own. An answer to how sure we are grades a group's studies
    as At a glance does (ratings.csv's levels from that group), so those count as its results."""
    columns = ["population_id", "source_ids", "certainty"]
    results = shipped_content.outcomes[columns]
    graded = pd.concat([results, shipped_content.ratings[columns]])
    roles = shipped_content.questions.set_index("question_id")[ROLE]
    data = rows(shipped_content)
    mixed = []
    for row in data[data["population_id"] != ""].itertuples():
        found = graded if roles[row.question_id] == short_answers.CERTAINTY else results
        group = found[found["population_id"] == row.population_id]
        sources = {source for cell in group["source_ids"] for source in split_ids(cell)}
        if not set(split_ids(row.source_ids)) <= sources or row.certainty not in set(
            group["certainty"]
        ):
            mixed.append((row.situation_id, row.option_id, row.question_id))
    assert mixed == []


def test_never_new_back_pain_in_a_long_lasting_pain_situation(shipped_content):
    """Whatever the row: the short answer shown in a situation of pain lasting 3 months or more is
    never about people whose pain began under 2 weeks before."""
    populations = shipped_content.populations.set_index("population_id")
    bounds = shipped_content.situation_bounds.set_index("situation_id")
    long_lasting = [
        situation_id
        for situation_id in bounds.index
        if bounds.at[situation_id, "weeks_from"] >= LONG_LASTING_WEEKS
    ]
    new_pain = {
        population_id
        for population_id, weeks_to in populations["weeks_to"].items()
        if pd.notna(weeks_to) and weeks_to <= NEW_PAIN_WEEKS
    }
    shown = [
        (situation_id, short.option_id, short.question_id)
        for situation_id in long_lasting
        for short in short_answers.for_situation(shipped_content, situation_id).values()
        if short.population_id in new_pain
    ]
    assert long_lasting and shown == []


def test_every_option_has_a_short_answer_to_every_question_in_every_situation(shipped_content):
    options = list(shipped_content.options["option_id"])
    questions = list(shipped_content.questions["question_id"])
    for situation_id in every_situation(shipped_content):
        found = short_answers.for_situation(shipped_content, situation_id)
        missing = [(o, q) for o in options for q in questions if (o, q) not in found]
        assert missing == [], situation_id


def test_a_situation_s_own_short_answer_to_a_question_is_given_for_every_option(shipped_content):
    """Equal detail: where one option's answer is written for the situation, every option's is."""
    data = rows(shipped_content)
    own = data[data["situation_id"] != ""]
    options = set(shipped_content.options["option_id"])
    uneven = [
        key
        for key, group in own.groupby(["situation_id", "question_id"])
        if set(group["option_id"]) != options
    ]
    assert uneven == []


def first_points(content) -> dict[tuple[str, str], str]:
    return {
        (row.option_id, row.question_id): split_points(row.key_points)[0]
        for row in content.answers.itertuples()
    }


def test_a_situation_s_own_short_answer_replaces_the_full_answer_s_first_key_point(content):
    """On the fixture: where a situation has its own short answer it is shown; elsewhere, and
    when the reader is not sure, the full answer's first key point is, with that point's
    sources and the answer's certainty."""
    own = content.short_answers.set_index(["situation_id", "option_id", "question_id"])
    answers = content.answers.set_index(["option_id", "question_id"])
    points = first_points(content)
    for situation_id in every_situation(content):
        for key, short in short_answers.for_situation(content, situation_id).items():
            if (situation_id, *key) in own.index:
                assert short.text == own.at[(situation_id, *key), "short_answer"]
            else:
                assert short.text == points[key] and short.population_id == ""
                assert short.certainty == answers.at[key, "certainty"]
                sources = (split_points(answers.at[key, "key_point_sources"]) or [""])[0]
                assert short.source_ids == tuple(split_ids(sources))
    assert len(own) and set(own.index.get_level_values(0)) < set(every_situation(content))


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_situation_s_short_answer_copies_the_first_key_point(language):
    """Stored once: a situation's short answer that only repeats the full answer's first key
    point would be a second copy to keep in step; leave the row out instead."""
    content = snapshot_of(shipped_data()).content(language)
    points = first_points(content)
    copies = [
        row.short_answer
        for row in content.short_answers.itertuples()
        if row.short_answer == points[row.option_id, row.question_id]
    ]
    assert copies == []


def test_the_summary_card_quotes_every_figure_compare_gives_about_the_situation(shipped_content):
    """The card's one rule (short_answers.for_card) on the shipped content: every option has a
    line for each of CARD_ROLES in every situation; a line quotes Compare's short answer exactly
    when it names its people (so a figure is never dropped for one option and kept for another),
    and with no situation chosen every line is Compare's general answer, with no figure."""
    content = shipped_content
    roles = content.questions.set_index("question_id")[ROLE]
    options = list(content.option_names())
    for situation_id in every_situation(content):
        shorts = short_answers.for_situation(content, situation_id)
        for option in short_answers.for_card(content, situation_id, options):
            assert tuple(line.role for line in option.lines) == short_answers.CARD_ROLES
            for line in option.lines:
                [question_id] = roles.index[roles == line.role][:1]
                compare = shorts[option.option_id, question_id]
                where = (situation_id, option.option_id, line.role)
                if situation_id == situation.NOT_SURE:
                    assert line.short == compare and figures(compare.text) == [], where
                else:
                    assert (line.short == compare) == bool(compare.population_id), where
                    assert line.short is None or line.short == compare, where


def _groups_wholly_in(content, situation_id: str) -> set[str]:
    """The groups of people tagged with the situation and all in it (populations.csv, by the rule
    Chances tags its numbers by)."""
    standing = matches(content.populations, content.situation_bounds)
    return {
        row.population_id
        for row in content.populations.itertuples()
        if situation_id in split_ids(row.situation_ids)
        and standing.get((row.population_id, situation_id)) == WITHIN
    }


def test_the_card_quotes_every_short_answer_that_cites_a_study_of_people_in_the_situation(
    shipped_content,
):
    """2nd review N1: the card said 'No study of people in your situation to quote' where Compare's
    short answer cited the trial of people like the reader (Maria's No procedure risk, Tom's
    fusion benefit). Wherever the Compare short answer behind a card line cites a source of the
    results (outcomes.csv) of a group all in the reader's situation, the card quotes it: so the
    answer must be that group's own claim, tagged with it."""
    content = shipped_content
    roles = content.questions.set_index("question_id")[ROLE]
    options = list(content.option_names())
    unquoted = []
    for situation_id in content.situations["situation_id"]:
        theirs = content.outcomes[
            content.outcomes["population_id"].isin(_groups_wholly_in(content, situation_id))
        ]
        sources = {source for cell in theirs["source_ids"] for source in split_ids(cell)}
        shorts = short_answers.for_situation(content, situation_id)
        for option in short_answers.for_card(content, situation_id, options):
            for line in option.lines:
                [question_id] = roles.index[roles == line.role][:1]
                compare = shorts[option.option_id, question_id]
                if set(compare.source_ids) & sources and line.short is None:
                    unquoted.append((situation_id, option.option_id, line.role, compare.text))
    assert unquoted == []


def _out_of_100(text: str) -> list[float]:
    return [
        float(figure.split()[0].replace(",", "."))
        for figure in figures(text)
        if figure.endswith((" 100", "cada 100"))
    ]


@pytest.mark.parametrize("language", ["en", "es"])
def test_an_option_s_harm_line_on_the_card_is_not_its_benefit_line_turned_round(language):
    """2nd review N10: Tom's card spent both No procedure lines on one result, '41 out of 100 had
    fully recovered' and '59 out of 100 had not'. Where an option's two lines quote the same group,
    their 'out of 100' figures never add up to 100."""
    content = snapshot_of(shipped_data()).content(language)
    options = list(content.option_names())
    twice = []
    for situation_id in content.situations["situation_id"]:
        for option in short_answers.for_card(content, situation_id, options):
            benefit, harm = (line.short for line in option.lines)
            if benefit and harm and benefit.population_id == harm.population_id:
                sums = {b + h for b in _out_of_100(benefit.text) for h in _out_of_100(harm.text)}
                if 100 in sums:
                    twice.append((situation_id, option.option_id))
    assert twice == []


# The glance's "back at work" row and the Compare question that asks when people are back to
# work: the pair the 2nd review found telling two stories (N10).
BACK_AT_WORK = ("back_to_work", "recovery")


def test_compare_s_short_answer_on_getting_back_to_work_cites_what_the_glance_rates_it_from(
    shipped_content,
):
    """2nd review N10: the glance said 'Most back within about 6 weeks' (from a review of return to
    work) while the short answer to 'How long until I am back to usual activities, work and
    driving?' said 'Most people walk within a day'. Where the glance rates an option's time back
    at work from a source, the short answer a reader sees in every situation cites that source."""
    attribute_id, question_id = BACK_AT_WORK
    ratings = shipped_content.ratings
    rated = ratings[(ratings["attribute_id"] == attribute_id) & (ratings["source_ids"] != "")]
    assert set(shipped_content.questions["question_id"]) >= {question_id}
    apart = [
        (situation_id, row.option_id)
        for row in rated.itertuples()
        for situation_id in every_situation(shipped_content)
        if not set(split_ids(row.source_ids))
        <= set(
            short_answers.for_situation(shipped_content, situation_id)[
                row.option_id, question_id
            ].source_ids
        )
    ]
    assert apart == []


def unmatched_certainty(content) -> list[tuple[str, str]]:
    """(situation, option) pairs where the option's benefit was studied in people in the
    situation (its short answer on how it might help quotes a group tagged with it) but its
    answer to how sure we are does not grade a group tagged with the situation: the grade would
    be another group's, unlabelled (3rd review P1: a back-pain grade beside a sciatica trial
    graded low). How sure we are grades how much better it is, so a study of its harms alone
    (a register) is not a match."""
    roles = content.questions.set_index("question_id")[ROLE]
    certainty = list(roles.index[roles == short_answers.CERTAINTY])
    benefits = list(roles.index[roles == "benefits"])
    wrong = []
    for situation_id in content.situations["situation_id"]:
        found = short_answers.for_situation(content, situation_id)
        for option_id in content.options["option_id"]:
            shorts = [found[option_id, q] for q in benefits if (option_id, q) in found]
            if not any(short_answers.quoted_standing(content, s, situation_id) for s in shorts):
                continue
            wrong += [
                (situation_id, option_id)
                for question_id in certainty
                if not short_answers.quoted_standing(
                    content, found[option_id, question_id], situation_id
                )
            ]
    return wrong


def test_how_sure_we_are_grades_the_readers_own_group_where_it_was_studied(shipped_content):
    assert unmatched_certainty(shipped_content) == []


def test_a_general_grade_beside_a_matched_study_is_caught(content):
    """The rule can fail: on the fixture, a situation whose option quotes a group tagged with it
    but answers how sure we are with the general first key point is reported."""
    assert unmatched_certainty(content) != []


def test_every_out_of_100_figure_the_card_quotes_is_among_its_option_s_key_numbers(
    shipped_content,
):
    """8th review N1: Tom's card said 33 out of 100 had an operation by 9 years while the key
    numbers just below it (and Chances' picture) gave only another group's 24 by 4 years. Where a
    card line quotes an 'out of 100' figure, one of the option's key numbers is that figure."""
    content = shipped_content
    every = chances.all_chances(content)
    options = list(content.option_names())
    unmatched = []
    for situation_id in content.situations["situation_id"]:
        for option in short_answers.for_card(content, situation_id, options):
            key = chances.key_numbers(every, option.option_id, situation_id)
            for line in option.lines:
                if line.short is None or not _out_of_100(line.short.text):
                    continue
                if not any(matched.says(line.short, count) for c in key for count in c.counts):
                    unmatched.append((situation_id, option.option_id, line.role, line.short.text))
    assert unmatched == []


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_short_answer_grades_for_people_like_you_only_a_group_all_in_the_situation(language):
    """9th review N1: 'Moderate for people like you' stood over a group labelled 'May include
    people in your situation, with others'. A short answer may say its grade is for people like
    the reader (the glance's words) only when it cites a group all in the reader's situation."""
    content = snapshot_of(shipped_data()).content(language)
    for_you = words.catalogue(language)["ratings.glance.own_grade"].replace("{grade}", "").strip()
    overstated = [
        (row.situation_id, row.option_id, row.question_id)
        for row in content.short_answers.itertuples()
        if row.population_id
        and for_you.lower() in row.short_answer.lower()
        and short_answers.group_standing(content, row.population_id, row.situation_id)
        != "about_you"
    ]
    assert overstated == []
