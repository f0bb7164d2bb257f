"""Pictures of 100 people on a page: each group's picture in a column of its own, so that two
groups stand side by side on a wide screen and one under the other on a phone (Streamlit stacks
columns below 640 px), where side by side each person would be too small to count."""

from __future__ import annotations

import streamlit as st

from explorer import chances, charts
from explorer.ui import chart_cache


def side_by_side(
    counts: tuple[chances.Count, ...],
    outcome: str,
    kind: str,
    time_frame: str,
    *,
    zoom: float,
    key: str,
) -> None:
    """One picture per group (explorer.chances.Count), on one scale, in `kind`'s colours
    (benefit or harm); `key` makes the pictures' keys unique on the page."""
    lines = max(map(charts.heading_lines, counts))  # the people of both groups start level
    for index, (count, column) in enumerate(zip(counts, st.columns(len(counts)))):
        with column:
            chart_cache.chart(
                charts.icon_array,
                count,
                outcome,
                kind,
                zoom,
                lines,
                alt_text=chances.picture_alt(count, outcome, time_frame),
                fit_key=f"{key}-{index}",
            )
