"""Pictures of 100 people on a page: each group's picture in a column of its own, so that two
groups stand side by side on a wide screen and one under the other on a phone (Streamlit stacks
columns below 640 px), where side by side each person would be too small to count. And a study's
averages on a 0 to 10 scale as bars. Chances and consult's Compare steps draw them alike."""

from __future__ import annotations

import streamlit as st

from explorer import chances, charts, matched, score_chart
from explorer.ui import chart_cache, say
from explorer.words import t_md


def side_by_side(
    counts: tuple[chances.Count, ...],
    outcome: str,
    kind: str,
    time_frame: str,
    *,
    zoom: float,
    key: str,
) -> None:
    """One picture per group (explorer.chances.Count) of a study, for one outcome, side by side
    on one scale, in `kind`'s colours (benefit or harm); `key` makes the pictures' keys unique
    on the page."""
    lines = max(charts.heading_lines(count) for count in counts)  # people start level
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


def of_chance(chance: chances.Chance, *, zoom: float, key: str) -> None:
    """One outcome of one option (explorer.chances.Chance) as Chances draws it: its group beside
    its trial's comparison groups."""
    side_by_side(chance.counts, chance.outcome, chance.kind, chance.time_frame, zoom=zoom, key=key)


def scores(scored: matched.Scores, across: int = score_chart.WORDS_ACROSS) -> None:
    """A study's averages on a 0 to 10 scale, said in words beside them, as bars on one scale,
    each bar's words wrapped to `across` characters."""
    say.markdown(t_md(f"chances.score.title.{scored.measure}"))
    chart_cache.chart(
        score_chart.score_chart, scored.rows, scored.measure, across, alt_text=scored.alt_text()
    )
