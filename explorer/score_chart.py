"""Bar charts of one study's groups: their averages on a 0 to 10 scale (explorer.matched.Scores),
or the weeks until an outcome came (explorer.speeds.Speed). A row per group (and time), its words in bold above its bar (so that on a phone the bars get the whole
width), every bar on one axis from 0 to 10. Every bar is the one dark benefit blue, the colour
that means "it happened" on every picture: which time a bar is for is told by its words and its
place (the start first, then each later time), never by a lighter or darker bar."""

from __future__ import annotations

import math

import altair as alt
import pandas as pd

from explorer.charts import LINE_BREAK, row_band, row_headings, wrap
from explorer.style import ICON_COLOURS, PICTURE_FONT_SIZE, PICTURE_LINE_HEIGHT, guide_text
from explorer.words import t

SCALE_TOP = 10
WEEKS_STEP = 4  # a scale of weeks ends at a multiple of 4 weeks
BAR = ICON_COLOURS["benefit"][0]
BAR_HEIGHT = 18
# Bold 16 px characters across a phone-wide chart (about 358 px; about 8.5 px each in English and
# Spanish): a row's words are wrapped to this, so none runs past the chart's edge.
WORDS_ACROSS = 40
# On a shared screen (consult, at least about 700 px of chart): a row's words on one line, so the
# rows are shorter and the later bars on the first screen at 1280x800 (4th review N5).
WORDS_ACROSS_WIDE = 64


def _step(lines: int) -> int:
    """Row height: the row's words, `lines` of them, then its bar and a gap."""
    return lines * PICTURE_LINE_HEIGHT + 6 + BAR_HEIGHT + 14


def score_chart(rows: pd.DataFrame, measure: str, across: int = WORDS_ACROSS) -> alt.LayerChart:
    """A study's averages from 0 to 10 (explorer.matched.Scores rows: said, average), each row's
    words wrapped to `across` characters."""
    return _bars(
        list(rows["said"]),
        list(rows["average"]),
        list(range(SCALE_TOP + 1)),
        t(f"chances.score.axis.{measure}"),
        across,
    )


def speed_chart(rows: pd.DataFrame, measure: str) -> alt.LayerChart:
    """Weeks until an outcome came in each group (explorer.speeds.Speed rows: said, weeks), on
    a scale of weeks a little past the longest, marked every 2 weeks."""
    top = WEEKS_STEP * math.ceil((max(rows["weeks"]) + 1) / WEEKS_STEP)
    return _bars(
        list(rows["said"]),
        list(rows["weeks"]),
        list(range(0, top + 1, 2)),
        t(f"chances.speed.axis.{measure}"),
    )


def _bars(
    said: list[str], values: list, ticks: list[int], title: str, across: int = WORDS_ACROSS
) -> alt.LayerChart:
    """A bar per row under its bold words (wrapped to `across` characters), every bar on one
    axis from the first tick to the last."""
    said = [wrap(words, across) for words in said]
    most = max(words.count(LINE_BREAK) + 1 for words in said)
    # Shorter words start with blank lines, so every row's words end just above its own bar.
    said = [LINE_BREAK * (most - words.count(LINE_BREAK) - 1) + words for words in said]
    frame = pd.DataFrame({"said": said, "value": values})
    step = _step(most)
    heading = step - BAR_HEIGHT - 20
    axis = alt.Axis(title=title, values=ticks, **guide_text(PICTURE_FONT_SIZE))
    bars = (
        alt.Chart(frame)
        .mark_bar(height=BAR_HEIGHT, yOffset=row_band(step, heading)["yOffset"], color=BAR)
        .encode(
            y=alt.Y("said:N", sort=said, axis=None),
            x=alt.X("value:Q", scale=alt.Scale(domain=[ticks[0], ticks[-1]]), axis=axis),
        )
    )
    words = row_headings(
        frame, "said", said, step, size=PICTURE_FONT_SIZE, line_height=PICTURE_LINE_HEIGHT
    )
    # Its marks are kept from screen readers where every chart's are (chart_cache.unread_inside).
    return alt.layer(*words, bars).properties(height=alt.Step(step))
