"""A study's averages on a 0 to 10 scale (explorer.matched.Scores) as one bar chart: a row per
group and time, its words in bold above its bar (so that on a phone the bars get the whole
width), every bar on one axis from 0 to 10. The start is drawn light, later times dark, in one
hue: which is which is in each row's words, so the chart also reads in black and white."""

from __future__ import annotations

import altair as alt
import pandas as pd

from explorer.charts import _band, _headings
from explorer.style import SHADE_COLOURS, guide_text
from explorer.words import t

SCALE_TOP = 10
ROW = 52  # pixels per row: its words, then its bar
START, LATER = SHADE_COLOURS[2], SHADE_COLOURS[4]


def score_chart(rows: pd.DataFrame, measure: str) -> alt.LayerChart:
    frame = rows.assign(colour=[START if m == 0 else LATER for m in rows["months"]])[
        ["said", "average", "colour"]
    ]
    order = list(frame["said"])
    axis = alt.Axis(
        title=t(f"chances.score.axis.{measure}"), values=list(range(SCALE_TOP + 1)), **guide_text()
    )
    bars = (
        alt.Chart(frame)
        .mark_bar(height=16, yOffset=_band(ROW)["yOffset"])
        .encode(
            y=alt.Y("said:N", sort=order, axis=None),
            x=alt.X("average:Q", scale=alt.Scale(domain=[0, SCALE_TOP]), axis=axis),
            color=alt.Color("colour:N", scale=None),
        )
    )
    # Its marks are kept from screen readers where every chart's are (chart_cache.unread_inside).
    return alt.layer(*_headings(frame, "said", order, ROW), bars).properties(height=alt.Step(ROW))
