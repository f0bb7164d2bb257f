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


def test_compares_full_answers_do_not_repeat_the_short_answer_above_them():
    """The claim about people in the situation is the short answer just above (5th review M5):
    the opened full answer says what all the studies say, straight under the option's name."""
    at = open_compare(situation="leg_pain", options=OPTIONS)
    tables = full_answer_tables(at)
    [row] = [r for r in lead.rows(CONTENT, OPTIONS, "leg_pain") if r.question_id == "gain"]
    rest = next(cell for cell in row.cells if cell.option_id == "rest")
    claim, general = (as_read(part.labelled()) for part in rest.parts())
    [gain] = [table for table in tables if any(general in line for line in table)]
    column = [line[0] for line in gain]  # rest's column, read from the top
    assert column[1] == general  # straight under the option's name
    assert claim not in column and rest.lead.note not in column


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
