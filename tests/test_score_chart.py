"""The 0 to 10 bars (explorer.score_chart): one colour that means "it happened", times told by
words and place, text a phone reader reads without zooming."""

import pandas as pd
import pytest

from explorer import matched, score_chart, style
from tests.conftest import fixture_content

pytestmark = pytest.mark.unit
CONTENT = fixture_content()


def spec() -> dict:
    [scored] = matched.scores(CONTENT, "leg_pain", "nerve_block", "benefit")
    return score_chart.score_chart(scored.rows, scored.measure).to_dict()


def marks(chart: dict, kind: str) -> list[dict]:
    return [layer for layer in chart["layer"] if layer["mark"]["type"] == kind]


def test_every_bar_is_the_one_it_happened_blue_whatever_its_time():
    [bars] = marks(spec(), "bar")
    assert bars["mark"]["color"] == style.ICON_COLOURS["benefit"][0]
    assert "color" not in bars["encoding"]  # no colour told by the data: not dark against light


def test_the_start_comes_first_then_each_later_time_in_order():
    [scored] = matched.scores(CONTENT, "leg_pain", "nerve_block", "benefit")
    months = list(scored.rows["months"])
    assert months == sorted(months) and months[0] == 0


def test_the_words_and_the_axis_are_at_least_16_px():
    chart = spec()
    [words] = marks(chart, "text")
    [bars] = marks(chart, "bar")
    axis = bars["encoding"]["x"]["axis"]
    sizes = [words["mark"]["fontSize"], axis["labelFontSize"], axis["titleFontSize"]]
    assert min(sizes) >= 16


def test_long_words_are_wrapped_to_fit_a_phone_and_the_row_grows_to_hold_them():
    rows = pd.DataFrame(
        {
            "said": [
                "A: 2 out of 10 at the start",
                "A name long enough to need two lines: 3 out of 10",
            ],
            "average": [2.0, 3.0],
        }
    )
    chart = score_chart.score_chart(rows, "leg_pain").to_dict()
    one_line = score_chart.score_chart(rows.head(1), "leg_pain").to_dict()
    said = [row["said"] for rows_ in chart["datasets"].values() for row in rows_]
    assert all(len(line) <= score_chart.WORDS_ACROSS for s in said for line in s.split("\n"))
    # Every row's words take the same lines, the shorter starting blank, so each ends on its bar.
    assert len({s.count("\n") for s in said}) == 1 and said[0].startswith("\n")
    assert chart["height"]["step"] > one_line["height"]["step"]


def test_a_time_read_only_in_words_gets_no_bar_and_is_named_for_its_line():
    """Finding 5 (3rd review): a later time whose figures we could not read (scores.csv rows
    with no average) is never drawn as a bar, and is kept to be said under the bars."""
    [scored] = matched.scores(CONTENT, "leg_pain", "nerve_block", "benefit")
    unread = CONTENT.scores[CONTENT.scores["average"].isna()]
    assert not unread.empty  # the fixture has such a time
    assert set(scored.unread_months) == set(unread["months"])
    assert not set(scored.rows["months"]) & set(unread["months"])
    assert scored.rows["average"].notna().all()


def test_on_a_wide_screen_each_rows_words_take_one_line_and_the_rows_are_shorter():
    """4th review N5: on a shared screen every bar fits the first screen at 1280x800."""
    [scored] = matched.scores(CONTENT, "leg_pain", "nerve_block", "benefit")
    narrow = score_chart.score_chart(scored.rows, scored.measure).to_dict()
    wide = score_chart.score_chart(
        scored.rows, scored.measure, score_chart.WORDS_ACROSS_WIDE
    ).to_dict()
    assert max(len(said) for said in scored.rows["said"]) > score_chart.WORDS_ACROSS  # wraps
    said = [row["said"] for rows in wide["datasets"].values() for row in rows]
    assert all("\n" not in s for s in said if s)
    assert wide["height"]["step"] < narrow["height"]["step"]
