"""The full answers as a reader in a situation reads them (Compare's full answers, the summary's
appendix and the PDF's): where the short answer to a question quotes a group of people in the
reader's situation (the summary card's rule, short_answers.quoted_standing), the option's full
answer starts with that claim and whose numbers it gives, labelled as about people in their
situation; the paragraph on every group's studies follows under its own label. The paragraph
mixes groups, so it is never cut up: only existing, sourced texts are put in order."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from explorer import chances, compare, situation
from explorer.data import Content
from explorer.memo import kept
from explorer.short_answers import Short, for_situation, quoted_standing
from explorer.words import t


@kept
def rows(content: Content, option_ids: Sequence[str], situation_id: str) -> list[compare.Row]:
    """compare.rows, each option's cell led by its claim about people in the situation (if any).
    With no situation chosen, none: there is no one group to lead with."""
    plain_rows = compare.rows(content, option_ids)
    here = situation.known(content, situation_id)
    if here == situation.NOT_SURE:
        return plain_rows
    shorts = for_situation(content, here)
    whose = content.populations.set_index("population_id")["whose"]

    def led(cell: compare.Cell, question_id: str) -> compare.Cell:
        short = shorts.get((cell.option_id, question_id))
        standing = short and quoted_standing(content, short, here)
        if not standing:
            return cell
        return replace(cell, lead=_lead(short, standing, whose[short.population_id]))

    return [
        replace(
            row, cells=whose_once(all_labelled([led(cell, row.question_id) for cell in row.cells]))
        )
        for row in plain_rows
    ]


def all_labelled(cells: list[compare.Cell]) -> list[compare.Cell]:
    """Where some options' answers lead with a claim about people in the situation, the others'
    paragraphs say they are about every group's studies too: unlabelled under labelled ones, a
    paragraph on other people's trials read as about the reader's (16th review N3)."""
    if not any(cell.lead for cell in cells):
        return cells
    label = t("compare.led.all")
    return [cell if cell.lead else replace(cell, answer_label=label) for cell in cells]


def below_short(rows: Sequence[compare.Row]) -> list[compare.Row]:
    """The full answers read right under their short answers (Compare): a lead is that short
    answer word for word, with the whose-line said once above both options, so each led option
    keeps only the paragraph on every group's studies, labelled so. Nothing is repeated and
    nothing points a screen back to another option's line (5th review M5)."""
    label = t("compare.led.all")
    return [
        replace(
            row,
            cells=tuple(
                replace(cell, lead=None, answer_label=label) if cell.lead else cell
                for cell in row.cells
            ),
        )
        for row in rows
    ]


def compared_with(content: Content, chance: chances.Chance) -> set[str]:
    """The other options of a chance's trial: those with a row for the same outcome in the same
    group of people (populations.csv), which is one trial's other arm. The same outcome in
    another study (a complication of fibrin and of fusion) is no comparison."""
    outcomes = content.outcomes
    own = outcomes[
        (outcomes["option_id"] == chance.option_id) & (outcomes["outcome_id"] == chance.outcome_id)
    ]
    shared = outcomes[
        (outcomes["outcome_id"] == chance.outcome_id)
        & outcomes["population_id"].isin(own["population_id"])
    ]
    return set(shared["option_id"]) - {chance.option_id}


def within_shown(
    content: Content, found: Sequence[chances.Chance], option_ids: Sequence[str]
) -> list[chances.Chance]:
    """The numbers a full answer sets apart for the options shown, without trials whose other
    option is not shown: in a leg-pain view, No procedure's full answer does not end with trials
    of fusion, an option the reader does not see and is not offered (5th review M3). A trial's
    groups said under one option are not said again under its other arm (6th review N5)."""
    shown, said, kept = set(option_ids), set(), []
    for chance in found:
        if compared_with(content, chance) <= shown and chance.trial_result not in said:
            said.add(chance.trial_result)
            kept.append(chance)
    return kept


def whose_once(cells: list[compare.Cell]) -> tuple[compare.Cell, ...]:
    """A lead whose line (whose numbers, how sure, sources) is the one just said for the option
    before points back to that option: read option by option, the same long line twice in a row
    is noise (4th review N7)."""
    said: list[compare.Cell] = []
    full = None  # the last lead said in full, and its option's name
    for cell in cells:
        lead = cell.lead
        if lead and full and lead.note == full[0]:
            note = t("compare.led.same_whose", option=full[1])
            cell = replace(cell, lead=replace(lead, note=note))
        else:
            full = (lead.note, cell.short_name or cell.option_name) if lead else None
        said.append(cell)
    return tuple(said)


def _lead(short: Short, standing: str, whose: str) -> compare.Lead:
    note = f"{t('situation.numbers.whose', whose=whose)} {short.evidence_line()}"
    return compare.Lead(t(f"compare.led.{standing}"), short.text, note, short.source_ids)
