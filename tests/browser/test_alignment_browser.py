"""The line-up chart on "What matters" as a browser draws it: with every statement rated very
important, at a phone's and a laptop's width, in every language, for a situation's aimed options
and for all of them (Not sure), every word of the chart is inside the chart, no two words sit on
each other, the words of a cell stay in their cell, and the cells take the chart's width (Vega
shrinks the cells when words run past the edge, which is how they ended up on each other). Its
words are at least 14 px, and no blank band is left under its legends (3rd review P8: about
100 px of it under the legend on a phone)."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest

from explorer import decide, situation, words
from explorer.url_params import LANG_PARAM, RATING_PARAM, SITUATION_PARAM
from tests.browser.conftest import CONTENT, SIZES, open_at_size, screenshot

CHART = "[data-testid='stVegaLiteChart']"
VERY = decide.IMPORTANCE.index("very")
SLACK = 1  # px: anti-aliasing at a box's edge
CELLS_ACROSS = 0.9  # of the chart's width, at least: the cells are not squeezed to one side
SMALLEST_WORDS = 14  # px, where the options fit a phone at that size (up to 4 options)
MOST_OPTIONS_AT_14 = 4
BLANK_UNDER = 30  # px at most between the last words drawn (the legend's) and the chart's foot
# The situation with the most options aimed at it, and Not sure (every option).
AIMED = max(
    CONTENT.situations["situation_id"],
    key=lambda situation_id: len(situation.aimed_options(CONTENT, situation_id)),
)

# Each word block (a <text>, all its lines) and each cell (a rect mark's <path>) as boxes
# relative to the chart's <svg>.
BOXES = """chart => {
    const svg = chart.querySelector("svg");
    const frame = svg.getBoundingClientRect();
    const box = (element) => {
        const r = element.getBoundingClientRect();
        return {left: r.left - frame.left, right: r.right - frame.left,
                top: r.top - frame.top, bottom: r.bottom - frame.top};
    };
    return {
        width: frame.width, height: frame.height,
        texts: [...svg.querySelectorAll("text")]
            .filter(text => text.textContent.trim())
            .map(text => ({text: text.textContent, size: parseFloat(getComputedStyle(text).fontSize),
                           ...box(text)})),
        cells: [...svg.querySelectorAll("g.mark-rect path")].map(box),
    };
}"""


def overlap(a: dict, b: dict) -> bool:
    return (
        min(a["right"], b["right"]) - max(a["left"], b["left"]) > SLACK
        and min(a["bottom"], b["bottom"]) - max(a["top"], b["top"]) > SLACK
    )


def inside(inner: dict, outer: dict) -> bool:
    return (
        inner["left"] >= outer["left"] - SLACK
        and inner["right"] <= outer["right"] + SLACK
        and inner["top"] >= outer["top"] - SLACK
        and inner["bottom"] <= outer["bottom"] + SLACK
    )


def centre_in(inner: dict, outer: dict) -> bool:
    x, y = (inner["left"] + inner["right"]) / 2, (inner["top"] + inner["bottom"]) / 2
    return outer["left"] < x < outer["right"] and outer["top"] < y < outer["bottom"]


def problems(drawn: dict, options: int) -> list[str]:
    """What is wrong with the chart as drawn: words cut at its edge, on each other, out of their
    cell, or cells squeezed into part of the width."""
    frame = {"left": 0, "right": drawn["width"], "top": 0, "bottom": drawn["height"]}
    texts, cells = drawn["texts"], drawn["cells"]
    found = [f"cut at the edge: {text['text']!r}" for text in texts if not inside(text, frame)]
    found += [
        f"on each other: {a['text']!r} and {b['text']!r}"
        for index, a in enumerate(texts)
        for b in texts[index + 1 :]
        if overlap(a, b)
    ]
    found += [
        f"out of its cell: {text['text']!r}"
        for text in texts
        for cell in cells
        if centre_in(text, cell) and not inside(text, cell)
    ]
    across = max(cell["right"] for cell in cells) - min(cell["left"] for cell in cells)
    if across < CELLS_ACROSS * drawn["width"]:
        found.append(f"cells {across:.0f} px across a chart {drawn['width']:.0f} px wide")
    found += [
        f"{text['size']:.0f} px words: {text['text']!r}"
        for text in texts
        if text["size"] < SMALLEST_WORDS and options <= MOST_OPTIONS_AT_14
    ]
    blank = drawn["height"] - max(text["bottom"] for text in texts)
    if blank > BLANK_UNDER:
        found.append(f"{blank:.0f} px blank under the last words")
    return found


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("language", words.languages())
@pytest.mark.parametrize("situation_id", [AIMED, situation.NOT_SURE])
def test_the_line_up_chart_reads_without_words_on_each_other(
    page, app_server, situation_id, language, size
):
    rated = [
        (RATING_PARAM, f"{statement}.{VERY}") for statement in CONTENT.statements["statement_id"]
    ]
    query = urlencode([(LANG_PARAM, language), (SITUATION_PARAM, situation_id), *rated])
    open_at_size(page, f"{app_server.url}/what_matters?{query}", SIZES[size])
    chart = page.locator(CHART).first
    chart.locator("svg").wait_for()
    drawn = chart.evaluate(BOXES)
    assert drawn["cells"], "no cells drawn"
    screenshot(page, f"line-up-{situation_id}-{language}-{size}")
    options = (
        len(CONTENT.options)
        if situation_id == situation.NOT_SURE
        else len(situation.aimed_options(CONTENT, situation_id))
    )
    assert problems(drawn, options) == []
