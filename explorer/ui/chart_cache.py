"""Charts on a page, with their accessible name. Altair takes tens of milliseconds to build and
check a chart on every rerun (the charts page ran in ~300 ms, docs/performance.md): the finished
Vega-Lite spec is kept per builder and inputs."""

from __future__ import annotations

import threading
from collections.abc import Callable

import altair as alt
import streamlit as st

# Altair's theme is a process-wide setting and pages run in threads. Every chart in the app is
# turned into a spec here, under this lock (nothing calls st.altair_chart, which has its own).
_THEME_LOCK = threading.Lock()


def chart(
    build: Callable[..., alt.TopLevelMixin], *inputs, alt_text: str, fit_key: str | None = None
) -> None:
    """The chart `build(*inputs)` makes, with its accessible name, as wide as the page; with a
    `fit_key`, a picture drawn to its own size instead, shrunk to fit a narrower screen."""
    spec = _chart_spec(f"{build.__module__}.{build.__qualname__}", build, *inputs)
    if fit_key is None:
        st.vega_lite_chart(spec=spec, alt=alt_text, width="stretch")
        return
    with st.container(key=f"fit-{fit_key}"):
        st.vega_lite_chart(spec=spec, alt=alt_text, width="content")


@st.cache_data(show_spinner=False, max_entries=1000)
def _chart_spec(builder: str, _build: Callable[..., alt.TopLevelMixin], *inputs) -> dict:
    # Keyed by the builder's name and the inputs (Streamlit cannot hash the function itself).
    # As st.altair_chart does it: without Altair's default theme (fixed sizes).
    with _THEME_LOCK, alt.theme.enable("none"):
        return _build(*inputs).to_dict()
