"""Compare's full answers and the summary's appendix, as pages, read each option's claim about
people in the reader's situation first (explorer/lead.py), and the rest as they always were."""

from __future__ import annotations

from explorer import lead
from explorer.words import t
from tests.apptest import as_read, open_compare, open_page, table_cells, texts
from tests.conftest import fixture_content

CONTENT = fixture_content()
OPTIONS = ["rest", "gel"]


def full_answer_tables(at) -> list[list[list[str]]]:
    return [cells for element in at.markdown if (cells := table_cells(element.value))]


def test_compares_full_answers_lead_with_the_claim_about_people_in_the_situation():
    at = open_compare(situation="leg_pain", options=OPTIONS)
    tables = full_answer_tables(at)
    [rest] = [
        cell
        for row in lead.rows(CONTENT, OPTIONS, "leg_pain")
        if row.question_id == "gain"
        for cell in row.cells
        if cell.option_id == "rest"
    ]
    first, second = (as_read(part.labelled()) for part in rest.parts())
    [gain] = [table for table in tables if any(first in line for line in table)]
    column = [line[0] for line in gain]  # rest's column, read from the top
    assert column.index(first) < column.index(second)
    assert column[1] == first  # straight under the option's name


def test_compares_full_answers_without_a_situation_are_as_they_were():
    at = open_compare(options=OPTIONS)
    shown = texts(at)
    assert t("compare.led.all") not in shown
    assert (
        CONTENT.answers.set_index(["option_id", "question_id"]).at[("rest", "gain"), "answer"]
        in shown
    )


def test_the_summarys_appendix_reads_the_claim_first():
    at = open_page("views/summary.py", situation="leg_pain", options=OPTIONS)
    shown = [text.value for text in at.text]
    [row] = [r for r in lead.rows(CONTENT, OPTIONS, "leg_pain") if r.question_id == "gain"]
    rest = next(cell for cell in row.cells if cell.option_id == "rest")
    first, second = (part.labelled() for part in rest.parts())
    assert shown.index(first) < shown.index(second)
