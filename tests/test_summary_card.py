"""The summary card's lines, by one rule for every option (short_answers.for_card): how each option
might help and its main risk, quoted from the short answer a person in the situation reads on
Compare when that answer is about people in the situation; otherwise the same words for every
option, never another group's number."""

from __future__ import annotations

import re

from explorer import decide, short_answers, summary_card, words
from explorer.decide import Answers
from explorer.markdown import Md, plain
from explorer.short_answers import CARD_ROLES, CardLine
from explorer.situation import NOT_SURE
from explorer.words import t

OPTIONS = ["rest", "nerve_block", "gel"]


def card(content, situation_id: str) -> dict[str, dict[str, CardLine]]:
    return {
        option.option_id: {line.role: line for line in option.lines}
        for option in short_answers.for_card(content, situation_id, OPTIONS)
    }


def quoted(line: CardLine) -> str | None:
    return line.short.text if line.short else None


def test_every_option_gets_one_benefit_line_and_one_harm_line_in_the_same_order(content):
    for situation_id in (NOT_SURE, "leg_pain", "back_pain"):
        options = short_answers.for_card(content, situation_id, OPTIONS)
        assert [option.option_id for option in options] == OPTIONS
        for option in options:
            assert tuple(line.role for line in option.lines) == CARD_ROLES
            assert option.option_name == content.short_names()[option.option_id]


def test_a_line_quotes_the_situations_short_answer_about_people_in_it(content):
    lines = card(content, "leg_pain")
    compare = short_answers.for_situation(content, "leg_pain")
    # Both of rest's answers are about people with leg pain from a disc (tagged leg_pain).
    assert quoted(lines["rest"]["benefits"]) == compare["rest", "gain"].text
    assert quoted(lines["rest"]["harms"]) == compare["rest", "risk"].text
    assert quoted(lines["nerve_block"]["benefits"]) == compare["nerve_block", "gain"].text


def test_another_groups_number_or_an_answer_about_no_group_is_never_quoted(content):
    lines = card(content, "leg_pain")
    # The nerve block's risk is about people with back pain: another group, not quoted.
    assert short_answers.for_situation(content, "leg_pain")["nerve_block", "risk"].population_id
    assert lines["nerve_block"]["harms"].short is None
    # The gel has no study of people with leg pain, and no situation row for its risk at all.
    assert lines["gel"]["benefits"].short is None and lines["gel"]["harms"].short is None


def test_with_no_situation_chosen_each_line_is_compares_general_short_answer(content):
    compare = short_answers.for_situation(content, NOT_SURE)
    questions = {"benefits": "gain", "harms": "risk"}
    for option_id, lines in card(content, NOT_SURE).items():
        for role, line in lines.items():
            assert line.short == compare[option_id, questions[role]]
            assert not line.short.population_id  # no one group's numbers


def test_a_gap_is_said_in_the_same_words_for_every_option_and_partly_is_said(content):
    gaps = {summary_card.line_text(CardLine(role, None)) for role in CARD_ROLES}
    assert gaps == {t("summary.card.none_to_quote")}
    short = short_answers.for_situation(content, "leg_pain")["rest", "gain"]
    assert summary_card.line_text(CardLine("benefits", short)) == short.text
    partly = summary_card.line_text(CardLine("benefits", short, partly=True))
    assert partly.startswith(short.text) and partly.endswith(t("summary.card.partly"))


def test_an_options_card_paragraph_names_it_then_each_line_under_its_label(content):
    [gel] = [o for o in short_answers.for_card(content, "leg_pain", ["gel"])]
    paragraph = summary_card.option_markdown(gel)
    assert paragraph.startswith(f"**{plain(gel.option_name)}**")
    for role in CARD_ROLES:
        label = plain(t(f"summary.card.role.{role}"))
        assert f"**{label}:** {plain(t('summary.card.none_to_quote'))}" in paragraph


def test_the_card_lists_the_options_one_item_each_under_one_line_about_the_situation(content):
    for situation_id in (NOT_SURE, "leg_pain"):
        summary = decide.summary(content, OPTIONS, Answers(), situation_id)
        blocks = summary_card.markdown(summary).split("\n\n")
        # With none chosen, one line says the lines are the same for everyone, not two.
        expected = t("summary.card.for_anyone") if situation_id == NOT_SURE else None
        assert blocks[0] == plain(expected or summary.situation[0])
        assert blocks[1].split("\n") == [
            Md("- ") + summary_card.option_markdown(option) for option in summary.card_options
        ]


def test_the_harm_line_is_named_in_the_words_of_chances_harm_heading():
    """5th review M5: for No procedure the card's second line may be an operation later, which
    Chances calls 'more treatment', not a harm. The label is in the words of that heading, in
    every language, so the two pages never name the same number differently."""
    for language in words.languages():
        with words.speaking(language):
            heading = set(re.findall(r"\w+", t("chances.page.heading.harm", option="").lower()))
            label = re.findall(r"\w+", t("summary.card.role.harms").lower())
            assert label and set(label) <= heading, (language, label)
