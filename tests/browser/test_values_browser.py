"""The importance scale on "What matters" as a browser lays it out (usability review U2): for every
statement, its steps sit in one row in the scale's order, each a target at least 44 px high with
its words, on a phone and a laptop, in every language; a click on a step chooses it."""

from __future__ import annotations

import pytest

from explorer import decide, words
from explorer.url_params import LANG_PARAM
from tests.browser.conftest import CONTENT, SIZES, open_at_size, screenshot

MIN_TARGET = 44  # px: the smallest touch target the review asks for (WCAG 2.5.5)
STATEMENTS = list(CONTENT.statements["statement_id"])


def step_boxes(page, statement_id: str) -> list[dict]:
    scale = page.locator(f".st-key-rate-{statement_id} [data-testid='stRadioOption']")
    return [step.bounding_box() for step in scale.all()]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", words.languages())
def test_each_importance_scale_is_one_row_in_order_with_large_labelled_targets(
    page, app_server, language, size
):
    said = words.catalogue(language)
    open_at_size(page, f"{app_server.url}/what_matters?{LANG_PARAM}={language}", SIZES[size])
    for statement_id in STATEMENTS:
        boxes = step_boxes(page, statement_id)
        assert len(boxes) == len(decide.IMPORTANCE), statement_id
        tops = {round(box["y"]) for box in boxes}
        assert len(tops) == 1, (statement_id, boxes)  # one row, not 2 by 2
        lefts = [box["x"] for box in boxes]
        assert lefts == sorted(lefts), (statement_id, boxes)  # in the scale's order
        assert all(box["height"] >= MIN_TARGET for box in boxes), (statement_id, boxes)
        assert max(box["x"] + box["width"] for box in boxes) <= SIZES[size][0]
    first = page.locator(f".st-key-rate-{STATEMENTS[0]} [data-testid='stRadioOption']")
    labels = [step.inner_text().strip() for step in first.all()]
    assert labels == [said[f"decide.importance.{level}"] for level in decide.IMPORTANCE]

    very = first.nth(decide.IMPORTANCE.index("very"))
    very.click()
    page.wait_for_selector(
        f".st-key-rate-{STATEMENTS[0]} input[value='{decide.IMPORTANCE.index('very')}']:checked"
    )
    screenshot(page, f"what-matters-scale-{language}-{size}")
