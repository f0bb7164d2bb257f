"""Charts on a page, with their accessible name. Altair takes tens of milliseconds to build and
check a chart on every rerun (the charts page ran in ~300 ms, docs/performance.md): the finished
Vega-Lite spec is kept per builder and inputs (tables by identity: they are kept results too, so
nothing is hashed on a rerun)."""

from __future__ import annotations

import threading
from collections.abc import Callable

import altair as alt
import streamlit as st
from streamlit import dataframe_util

from explorer.memo import kept

# Altair's theme is a process-wide setting and pages run in threads. Every chart in the app is
# turned into a spec here, under this lock (nothing calls st.altair_chart, which has its own).
_THEME_LOCK = threading.Lock()


def chart(
    build: Callable[..., alt.TopLevelMixin], *inputs, alt_text: str, fit_key: str | None = None
) -> None:
    """The chart `build(*inputs)` makes, with its accessible name, as wide as the page; with a
    `fit_key`, a picture drawn to its own size instead, shrunk to fit a narrower screen."""
    spec = _chart_spec(build, *inputs)
    if fit_key is None:
        st.vega_lite_chart(spec=spec, alt=alt_text, width="stretch")
        return
    with st.container(key=f"fit-{fit_key}"):
        st.vega_lite_chart(spec=spec, alt=alt_text, width="content")


@kept
def _chart_spec(build: Callable[..., alt.TopLevelMixin], *inputs) -> dict:
    # As st.altair_chart does it: without Altair's default theme (fixed sizes).
    with _THEME_LOCK, alt.theme.enable("none"):
        spec = build(*inputs).to_dict()
    # Each dataset as the Arrow bytes Streamlit would make of it on every run: it sends bytes
    # as they are (that is how st.altair_chart hands it data), so they are made once, here.
    return {
        **unread_inside(spec),
        "datasets": {
            name: dataframe_util.convert_anything_to_arrow_bytes(rows)
            for name, rows in spec.get("datasets", {}).items()
        },
    }


def unread_inside(spec: dict) -> dict:
    """The spec with no axis, legend or mark in the accessibility tree. Each chart is named by
    its alt text, which says its numbers in the page's language (a table beside it holds them
    too). Vega would also name each axis, legend and layer with sentences of its own, in English
    ("X-axis titled ...", "legend", "group mark container") even on a Spanish page, and give
    every layer an unnamed role=graphics-symbol group, even an empty one, which axe-core reports
    as a serious problem."""
    config = spec.get("config", {})
    return {
        **spec,
        "config": {**config, "aria": False, "mark": {**config.get("mark", {}), "aria": False}},
    }
