"""Compare's full answers on a phone and a laptop, opened: an option whose situation has a claim
about people in it (the short answer just above) reads what all the studies say, under its name,
without the claim again (5th review M5), and no option shows an empty gap on a phone
(explorer/lead.py below_short). Ids and words come from the shipped content."""

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
def test_full_answers_say_what_all_the_studies_say_under_the_short_answers(
    page, app_server, language, size
):
    with words.speaking(language):
        content = SNAPSHOT.content(language)
        found = led_question(content)
        if found is None:
            pytest.skip("no situation's short answers quote a group of people in it")
        situation_id, question_id, cells = found
        claim, general_words = (part.labelled() for part in cells[0].parts())
    url = f"{app_server.url}/compare?{LANG_PARAM}={language}&{SITUATION_PARAM}={situation_id}"
    open_at_size(page, url, SIZES[size])
    page.locator(f".st-key-full-{question_id} summary").first.click()
    table = page.locator(f".st-key-listen-answers-{question_id} table").first
    table.wait_for()
    columns = table.evaluate(COLUMNS)
    name, general, _ = columns[0]
    assert name == cells[0].option_name
    assert " ".join(general["text"].split()) == " ".join(general_words.split())
    said = " ".join(td["text"] for column in columns for td in column[1:])
    assert " ".join(claim.split()) not in " ".join(said.split())
    for column in columns:
        assert all(td["text"] for td in column[1:]), column[0]  # no empty gap
