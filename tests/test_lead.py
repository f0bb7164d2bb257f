"""The full answers a reader in a situation reads (explorer/lead.py): where the situation's short
answer quotes a group of people in it (the summary card's rule), the option's full answer starts
with that claim and whose numbers it gives, labelled so, then the paragraph on every group's
studies under its own label; with no such claim, the answer as it always was. Compare's table,
the summary's appendix and the PDF's read in that order."""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

import pandas as pd
import pytest

from explorer import compare, decide, handout, lead, short_answers
from explorer.decide import Answers
from explorer.situation import NOT_SURE
from explorer.words import speaking, t
from tests.apptest import as_read, table_cells
from tests.conftest import FIXTURE_DATA, snapshot_of
from tests.test_handout import pdf_text

OPTIONS = ["rest", "nerve_block", "gel"]
# Fixture: for leg pain, rest and nerve_block's "gain" answers quote the leg_disc trial (tagged
# with leg pain), gel's quotes no group, nerve_block's "risk" a back-pain group (not tagged).
LEG = "leg_pain"


def cells(content, situation_id: str, question_id: str) -> dict[str, compare.Cell]:
    [row] = [r for r in lead.rows(content, OPTIONS, situation_id) if r.question_id == question_id]
    return {cell.option_id: cell for cell in row.cells}


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_claim_about_people_in_the_situation_leads_then_what_all_the_studies_say(language):
    with speaking(language):
        content = snapshot_of(FIXTURE_DATA).content(language)
        short = short_answers.for_situation(content, LEG)["rest", "gain"]
        whose = content.populations.set_index("population_id").at[short.population_id, "whose"]
        rest = cells(content, LEG, "gain")["rest"]
        first, second = rest.parts()
        standing = short_answers.quoted_standing(content, short, LEG)
        assert first.label == t(f"compare.led.{standing}")
        assert first.text == short.text
        assert t("situation.numbers.whose", whose=whose) in first.note
        assert short.evidence_line() in first.note
        assert second.label == t("compare.led.all")
        assert (second.text, second.note) == (rest.answer, rest.evidence_line())
        assert first.labelled().startswith(first.label) and first.text in first.labelled()


def test_an_answer_quoting_no_group_says_it_is_about_every_groups_studies_beside_one_that_does(
    content,
):
    """16th review N3: under answers led by a claim about people in the situation, an answer
    with no such claim read as about them too. Its paragraph, whole, says it is about every
    group's studies, as the led answers' paragraphs do; in a row with no lead, it has no label."""
    leg_gain, leg_risk = cells(content, LEG, "gain"), cells(content, LEG, "risk")
    for row in (leg_gain, leg_risk):
        assert any(cell.lead for cell in row.values())
    for cell in (leg_gain["gel"], leg_risk["nerve_block"], leg_risk["gel"]):
        assert cell.lead is None
        [part] = cell.parts()
        assert (part.label, part.text, part.note) == (
            t("compare.led.all"),
            cell.answer,
            cell.evidence_line(),
        )
    for cell in cells(content, "back_pain", "gain").values():  # no lead in the row
        assert cell.lead is None and cell.parts()[0].label == ""


@pytest.mark.parametrize("situation_id", [NOT_SURE, "back_pain"])
def test_a_situation_without_such_claims_keeps_todays_tables(content, situation_id):
    plain_rows = compare.rows(content, OPTIONS)
    led_rows = lead.rows(content, OPTIONS, situation_id)
    assert all(cell.lead is None for row in led_rows for cell in row.cells)
    assert [row.table for row in led_rows] == [row.table for row in plain_rows]


def test_the_lead_is_what_the_summary_card_quotes_by_the_same_rule(content):
    for situation_id in (LEG, "back_pain"):
        for option in short_answers.for_card(content, situation_id, OPTIONS):
            for line in option.lines:
                questions = content.questions[content.questions["role"] == line.role]
                [question_id] = questions["question_id"]
                cell = cells(content, situation_id, question_id)[option.option_id]
                assert (cell.lead.text if cell.lead else None) == (
                    line.short.text if line.short else None
                )


def test_the_table_puts_each_options_lead_first_and_keeps_the_columns_in_line(content):
    [row] = [r for r in lead.rows(content, OPTIONS, LEG) if r.question_id == "gain"]
    header, lead_line, lead_note, general, general_note = table_cells(row.table)
    by_option = {cell.option_id: cell for cell in row.cells}
    assert header == [cell.option_name for cell in row.cells]
    rest, gel = OPTIONS.index("rest"), OPTIONS.index("gel")
    assert lead_line[rest] == as_read(by_option["rest"].parts()[0].labelled())
    assert lead_note[rest] == by_option["rest"].parts()[0].note
    assert general[rest] == as_read(by_option["rest"].parts()[1].labelled())
    # An option with no claim about people in the situation: nothing above its answer, which
    # says it is about every group's studies, as the paragraph beside it does.
    assert (lead_line[gel], lead_note[gel]) == ("", "")
    assert (general[gel], general_note[gel]) == (
        as_read(
            t("compare.led.labelled", label=t("compare.led.all"), text=by_option["gel"].answer)
        ),
        by_option["gel"].evidence_line(),
    )


def test_a_full_answer_cites_its_leads_sources_too():
    source = compare.Lead("About you", "Words.", "Note.", ("S9", "S1"))
    cell = compare.Cell("a", "A", "Answer.", ("S1", "S2"), "low", lead=source)
    assert cell.cited_ids == ("S1", "S2", "S9")
    assert compare.Cell("a", "A", "Answer.", ("S1",), "low").cited_ids == ("S1",)


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_pdfs_appendix_reads_the_lead_before_what_all_the_studies_say(language, tmp_path):
    with speaking(language):
        content = snapshot_of(FIXTURE_DATA).content(language)
        summary = decide.summary(content, OPTIONS, Answers(), LEG)
        _, text = pdf_text(handout.summary_pdf(summary), tmp_path, "-f", "2")
        short = short_answers.for_situation(content, LEG)["rest", "gain"]
        answers = content.answers.set_index(["option_id", "question_id"])
        lead_words = short.text
        all_words = t("compare.led.labelled", label=t("compare.led.all"), text="")
        general = answers.at[("rest", "gain"), "answer"]
    lead_at, all_at, general_at = (
        text.index(" ".join(handout.printable(words).split()))
        for words in (lead_words, all_words.strip(), general)
    )
    # After the option's name: its claim about people in the situation, then the label, then
    # the paragraph on every group's studies.
    assert lead_at < all_at < general_at


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_whose_line_shared_by_consecutive_options_is_said_once(language):
    """Read option by option, the same whose-line twice in a row is said once: the second points
    back to the option that said it (4th review N7). A different line (here another grade and
    source of the same group) is said in full."""
    with speaking(language):
        content = snapshot_of(FIXTURE_DATA).content(language)
        led = cells(content, LEG, "gain")
        rest, nerve_block, gel = led["rest"], led["nerve_block"], led["gel"]
        assert nerve_block.lead.note != rest.lead.note and "S102" in nerve_block.lead.note
        twin = replace(nerve_block, lead=replace(nerve_block.lead, note=rest.lead.note))
        third = replace(gel, lead=rest.lead)
        said = lead.whose_once([rest, twin, third])
        back = t("compare.led.same_whose", option=rest.short_name or rest.option_name)
        assert [cell.lead.note for cell in said] == [rest.lead.note, back, back]
        assert said[1].lead.text == twin.lead.text


@pytest.mark.parametrize("language", ["en", "es"])
def test_below_its_short_answer_a_full_answer_says_only_what_all_the_studies_say(language):
    """5th review M5: Compare's full answer repeated the short answer just above it word for
    word, and its second option's whose-line pointed a screen back ('as for No procedure'). Under
    the short answers, each option's paragraph on every group's studies is labelled so, a led
    option's and, beside it, one without a lead (16th review N3)."""
    with speaking(language):
        content = snapshot_of(FIXTURE_DATA).content(language)
        [led] = [r for r in lead.rows(content, OPTIONS, LEG) if r.question_id == "gain"]
        [below] = lead.below_short([led])
        for before, after in zip(led.cells, below.cells):
            [part] = after.parts()
            assert (part.text, part.note) == (before.answer, before.evidence_line())
            assert part.label == t("compare.led.all")
        header, general, notes = table_cells(below.table)  # nothing above the paragraph
        assert header == [cell.option_name for cell in led.cells]
        assert general == [as_read(cell.parts()[0].labelled()) for cell in below.cells]
        assert notes == [cell.evidence_line() for cell in led.cells]
        assert any(cell.lead for cell in led.cells)  # else the rule above would pass vacuously


def test_numbers_set_apart_leave_out_trials_whose_other_option_is_not_shown(content):
    """5th review M3: a sciatica reader's full answer ended with fusion trials, fusion not being
    among the options shown. A number from a trial whose other arm is an option not shown is
    left out; the same outcome from another study is no comparison and stays."""
    found = short_answers.other_groups(content, "gain", ["rest", "gel"], LEG)
    rest = next(chance for chance in found if chance.option_id == "rest")
    outcomes = content.outcomes.copy()
    at = (outcomes["option_id"] == "rest") & (outcomes["outcome_id"] == rest.outcome_id)
    population = outcomes.loc[at, "population_id"].iloc[0]
    # nerve_block's arm of the same trial: the same outcome, the same group of people.
    twin = outcomes.loc[at].assign(option_id="nerve_block")
    trial = SimpleNamespace(outcomes=pd.concat([outcomes, twin]))
    assert lead.compared_with(trial, rest) == {"nerve_block"}
    assert rest not in lead.within_shown(trial, found, ["rest", "gel"])
    assert rest in lead.within_shown(trial, found, ["rest", "nerve_block", "gel"])
    # Another study of the same outcome is no comparison: nothing is left out.
    elsewhere = SimpleNamespace(
        outcomes=pd.concat([outcomes, twin.assign(population_id=population + "_other")])
    )
    assert lead.compared_with(elsewhere, rest) == set()
    assert lead.within_shown(elsewhere, found, ["rest", "gel"]) == found


def test_a_trials_groups_set_apart_under_one_option_are_not_said_again_under_its_other_arm(
    content,
):
    """6th review N5: a trial's pair (95 vs 95) was printed under No procedure and again under
    Discectomy, its groups in the other order. One trial's outcome is said once; another
    outcome, or another group's, stays."""
    found = short_answers.other_groups(content, "gain", ["rest", "gel"], LEG)
    first = found[0]
    again = replace(first, option_id="gel", option_name="Gel", counts=first.counts[::-1])
    kept = lead.within_shown(content, [first, again, *found[1:]], ["rest", "gel"])
    assert kept == lead.within_shown(content, found, ["rest", "gel"])
    assert again not in kept and first in kept
