"""Compare's full answers on a phone and a laptop, opened: an option whose situation has a claim
about people in it reads that claim first, under its name, and an option without one shows no
empty gap on a phone (explorer/lead.py). Ids and words come from the shipped content."""

from __future__ import annotations

import pytest

from explorer import lead, situation, words
from explorer.url_params import LANG_PARAM, SITUATION_PARAM
from tests.browser.conftest import BROWSER_DATA, SIZES, open_at_size
from tests.conftest import snapshot_of

SNAPSHOT = snapshot_of(BROWSER_DATA)


def led_question(content) -> tuple[str, str, list] | None:
    """A situation and question whose first aimed option's full answer has a lead, if any."""
    for situation_id in content.situations["situation_id"]:
        shown = situation.aimed_options(content, situation_id)
        for row in lead.rows(content, shown, situation_id):
            if shown and row.cells[0].lead:
                return situation_id, row.question_id, row.cells
    return None


# Each option's column, read from the top as on a phone: the cells' text and heights.
COLUMNS = """table => [...table.querySelectorAll('thead th')].map((th, n) => [
    th.innerText.trim(),
    ...[...table.querySelectorAll('tbody tr')].map(tr => tr.cells[n]).map(td =>
        ({text: td.innerText.trim(), height: td.getBoundingClientRect().height}))])"""


@pytest.mark.parametrize("language", words.languages())
@pytest.mark.parametrize("size", ["phone", "laptop"])
def test_full_answers_start_with_the_claim_about_people_in_the_situation(
    page, app_server, language, size
):
    with words.speaking(language):
        content = SNAPSHOT.content(language)
        found = led_question(content)
        if found is None:
            pytest.skip("no situation's short answers quote a group of people in it")
        situation_id, question_id, cells = found
        first_parts = [part.labelled() for part in cells[0].parts()]
    url = f"{app_server.url}/compare?{LANG_PARAM}={language}&{SITUATION_PARAM}={situation_id}"
    open_at_size(page, url, SIZES[size])
    page.locator(f".st-key-full-{question_id} summary").first.click()
    table = page.locator(f".st-key-listen-answers-{question_id} table").first
    table.wait_for()
    columns = table.evaluate(COLUMNS)
    name, lead_cell, _, general, _ = columns[0]
    assert name == cells[0].option_name
    assert " ".join(lead_cell["text"].split()) == " ".join(first_parts[0].split())
    assert " ".join(general["text"].split()) == " ".join(first_parts[1].split())
    for column, cell in zip(columns, cells):
        empty = [td["height"] for td in column[1:] if not td["text"]]
        assert len(empty) == (0 if cell.lead else 2)
        if size == "phone":  # no gap where an option has no lead
            assert not any(empty), column[0]
