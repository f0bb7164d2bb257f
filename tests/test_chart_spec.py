"""frame.chart keeps each chart's Vega-Lite spec; it must be the chart st.altair_chart would draw."""

import json
import re

from streamlit.elements.vega_charts import _convert_altair_to_vega_lite_spec

from explorer import charts, frame, ratings
from explorer.data import load_content
from tests.conftest import DATA

CONTENT = load_content(DATA).content


def without_data(spec: dict) -> str:
    """The spec with its data left out and dataset names made equal (they differ by design)."""
    text = json.dumps(
        {key: value for key, value in spec.items() if key != "datasets"}, sort_keys=True
    )
    return re.sub(r'"name": "[^"]+"', '"name": "data"', text)


def test_a_kept_chart_spec_is_the_one_streamlit_would_draw():
    rated = ratings.rated(CONTENT, list(CONTENT.options["option_id"]))
    kept = frame._chart_spec("overview", charts.overview_grid, rated)
    drawn = _convert_altair_to_vega_lite_spec(charts.overview_grid(rated))
    assert without_data(kept) == without_data(drawn)
    assert sum(len(rows) for rows in kept["datasets"].values()) > 0  # the data travels inline
