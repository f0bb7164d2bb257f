"""chart_cache.chart keeps each chart's Vega-Lite spec; it must be the chart st.altair_chart would
draw, with nothing inside it read out by a screen reader but its alt text."""

import json
import re

import pyarrow as pa
import pytest
from streamlit.elements.vega_charts import _convert_altair_to_vega_lite_spec

from explorer import charts, ratings
from explorer.ui import chart_cache
from tests.conftest import ROOT, fixture_content

CONTENT = fixture_content()


def without_data(spec: dict) -> str:
    """The spec with its data left out and dataset names made equal (they differ by design)."""
    text = json.dumps(
        {key: value for key, value in spec.items() if key != "datasets"}, sort_keys=True
    )
    return re.sub(r'"name": "[^"]+"', '"name": "data"', text)


def rows(datasets: dict) -> list[list[dict]]:
    """Each dataset's rows, from the Arrow bytes Streamlit sends."""
    return [pa.ipc.open_stream(data).read_all().to_pylist() for data in datasets.values()]


# A chart of layers, and one with its own top-level settings (a title's style).
CHARTS = {
    "overview": (charts.overview_grid, ratings.rated(CONTENT, list(CONTENT.options["option_id"]))),
    "findings": (charts.findings_chart, CONTENT.scan_findings),
}


@pytest.mark.parametrize("name", CHARTS)
def test_a_kept_chart_spec_is_the_one_streamlit_would_draw(name):
    build, table = CHARTS[name]
    kept = chart_cache._chart_spec(build, table)
    drawn = _convert_altair_to_vega_lite_spec(build(table))
    assert without_data(kept) == without_data(chart_cache.unread_inside(drawn))
    assert rows(kept["datasets"]) == rows(drawn["datasets"])
    assert sum(len(dataset) for dataset in rows(kept["datasets"])) > 0  # the data travels inline


@pytest.mark.parametrize("name", CHARTS)
def test_no_axis_legend_or_mark_of_a_chart_is_read_out(name):
    """Vega's own descriptions of them are English sentences ("X-axis titled ..."), on every
    page; the chart's alt text, in the page's language, names it."""
    build, table = CHARTS[name]
    config = chart_cache._chart_spec(build, table)["config"]
    assert config["aria"] is False and config["mark"]["aria"] is False
    assert build(table).to_dict().get("config", {}).get("aria") is not False  # ours, not Altair's


def test_a_kept_chart_spec_is_worked_out_once():
    rated = ratings.rated(CONTENT, list(CONTENT.options["option_id"]))
    assert chart_cache._chart_spec(charts.overview_grid, rated) is chart_cache._chart_spec(
        charts.overview_grid, rated
    )


def test_every_chart_is_drawn_through_the_chart_cache():
    """The cache turns charts into specs under its own lock on Altair's process-wide theme; a
    st.altair_chart call elsewhere would switch the theme without that lock."""
    scripts = [ROOT / "app.py", *ROOT.glob("views/*.py"), *ROOT.glob("explorer/**/*.py")]
    assert not [path.name for path in scripts if "st.altair_chart(" in path.read_text()]
