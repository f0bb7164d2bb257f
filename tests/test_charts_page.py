"""AppTest of the charts page: it runs, every chart has alt text and a table after it, the
picked attribute and options change the charts and stay in the URL, and a clinic's edit to a
level shows on the next start (or is reported clearly when it is invalid)."""

from __future__ import annotations

import json

import pandas as pd
from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df

from explorer import compare, ratings
from explorer.data import DATA_DIR_VARIABLE
from explorer.markdown import plain
from explorer.words import t
from tests.apptest import as_read, open_page
from tests.conftest import fixture_content, read_rows, set_cell

PAGE = "views/charts.py"
CONTENT = fixture_content()  # what the pages read


def chart_specs(at) -> list[dict]:
    return [json.loads(chart.proto.spec) for chart in at.get("vega_lite_chart")]


def chart_data(at, index: int) -> pd.DataFrame:
    """All the rows of one chart's data sets (Streamlit sends them apart from the spec)."""
    chart = at.get("vega_lite_chart")[index]
    return pd.concat(
        [convert_arrow_bytes_to_pandas_df(data.data.data) for data in chart.proto.datasets]
    )


def words(at, index: int) -> str:
    return chart_data(at, index).astype(str).to_string().replace("\\n", " ")


def test_every_chart_has_alt_text_and_is_followed_by_its_table():
    at = open_page(PAGE)
    assert not at.exception
    charts = at.get("vega_lite_chart")
    assert len(charts) == 4  # overview, one attribute, recovery to usual activities and to work
    assert all(len(chart.proto.alt) > 20 for chart in charts)
    kinds = [getattr(node, "type", None) for node in at.main]
    after_each_chart = [kinds[i + 1] for i, kind in enumerate(kinds) if kind == "vega_lite_chart"]
    assert after_each_chart == ["table"] * 4


def test_tables_hold_the_same_words_as_the_charts():
    at = open_page(PAGE, attribute="effort")
    glance = at.table[0].value
    options = ["Home exercise", "Nerve block", "Gel implant"]
    what, weeks = t("ratings.glance.what"), t("ratings.recovery_table.weeks")
    assert list(glance.columns) == [what, *options]
    assert "Nothing done to the body" in words(at, 1)
    assert glance.set_index(what).at["How much is done to you", "Home exercise"] == (
        "Nothing done to the body"
    )
    recovery = next(table.value for table in at.table if weeks in table.value.columns)
    recovery = recovery.set_index(t("ratings.recovery_table.option"))
    assert recovery.at["Gel implant", weeks] == t("ratings.not_known")


def test_picking_an_attribute_changes_the_chart_and_the_url():
    at = open_page(PAGE)
    # It opens on the first quality that is not already beside every chart (no role).
    first = "effort"
    assert at.selectbox(key="picked_attribute").value == first
    before = chart_specs(at)[1]
    assert "A few weeks" not in words(at, 1)
    at.selectbox(key="picked_attribute").select("time_off").run()
    assert not at.exception
    assert chart_specs(at)[1] != before
    assert "A few weeks" in words(at, 1)
    assert at.query_params["attribute"] == "time_off"
    assert "time_off" not in str(at.get("vega_lite_chart")[0].proto.alt)  # the overview stays
    at.selectbox(key="picked_attribute").select(first).run()
    assert "attribute" not in at.query_params  # the default needs no parameter


def test_a_link_opens_the_attribute_it_names_and_ignores_unknown_ones():
    at = open_page(PAGE, attribute="time_off")
    assert at.selectbox(key="picked_attribute").value == "time_off"
    assert "Time away from daily life" in at.get("vega_lite_chart")[1].proto.alt
    at = open_page(PAGE, attribute="<script>")
    assert not at.exception
    assert at.selectbox(key="picked_attribute").value == "effort"  # the page's first pick


def test_narrowing_the_options_changes_every_chart_and_the_url():
    at = open_page(PAGE)
    before = chart_specs(at)
    at.multiselect[0].set_value(["nerve_block", "rest"]).run()
    assert not at.exception
    assert at.query_params["options"] == ["rest", "nerve_block"]
    after = chart_specs(at)
    assert all(b != a for b, a in zip(before, after))
    assert all("Gel implant" not in words(at, i) for i in range(len(after)))
    assert list(at.table[0].value.columns) == [
        t("ratings.glance.what"),
        "Home exercise",
        "Nerve block",
    ]


def test_the_same_options_as_the_comparison_page_come_from_the_link():
    at = open_page(PAGE, options=["gel"])
    assert at.multiselect[0].value == ["gel"]
    assert "investigational" in at.warning[0].value
    assert t("ratings.not_known") in at.get("vega_lite_chart")[2].proto.alt


def test_removing_every_option_asks_for_one():
    at = open_page(PAGE)
    at.multiselect[0].set_value([]).run()
    assert not at.exception
    assert not at.get("vega_lite_chart")
    assert at.info[0].value == t("picker.choose_one")


def test_a_clinics_edit_to_a_level_changes_the_chart_on_the_next_page_load(served_data_copy):
    data_copy = served_data_copy
    at = open_page(PAGE, attribute="effort")
    before = chart_specs(at)
    effort = chart_data(at, 1).set_index("option")["label_lines"].dropna()
    assert effort["Nerve block"].replace("\n", " ") == "A needle"
    path = data_copy / "ratings.csv"
    keys = [(row["option_id"], row["attribute_id"]) for row in read_rows(path)]
    set_cell(path, keys.index(("nerve_block", "effort")), "level", "3")
    # No restart: the app checks the files again when a page opens.
    at = open_page(PAGE, attribute="effort")
    after = chart_specs(at)
    assert after[0] != before[0] and after[1] != before[1]
    effort = chart_data(at, 1).set_index("option")["label_lines"].dropna()
    assert effort["Nerve block"].replace("\n", " ") == "An operation"


def test_an_invalid_level_gets_the_clear_problem_table(data_copy, monkeypatch):
    path = data_copy / "ratings.csv"
    row = set_cell(path, 3, "level", "9")
    monkeypatch.setenv(DATA_DIR_VARIABLE, str(data_copy))
    at = open_page(PAGE)
    assert not at.exception
    assert "could not be loaded" in at.title[0].value
    problem = at.table[0].value.iloc[0]
    assert list(problem[["File", "Row", "Column", "Found"]]) == [
        plain(cell) for cell in ["ratings.csv", str(row), "level", "9"]
    ]


def test_the_comparison_page_shows_the_same_levels_at_a_glance():
    at = open_page("views/compare.py", options=["gel", "nerve_block"])
    assert not at.exception
    glance = at.table[0].value.set_index(t("ratings.glance.what"))
    assert list(glance.columns) == ["Nerve block", "Gel implant"]
    assert glance.at["How much is done to you", "Nerve block"] == "A needle"
    assert glance.at["Time away from daily life", "Gel implant"] == t("ratings.not_known")


def test_with_more_options_than_open_up_to_the_glance_starts_closed_and_opens_on_a_click(
    monkeypatch,
):
    """Many options make the glance a long table on a phone (issue 33): it starts closed, its
    label a one-line key naming how many options it holds, and is drawn only when opened."""
    monkeypatch.setattr(compare, "GLANCE_OPEN_UP_TO", 2)  # the fixture has three options
    at = open_page("views/compare.py", options=["rest", "nerve_block", "gel"])
    assert not at.exception
    assert not at.table  # nothing of the table is sent while it is closed
    [glance] = [expander for expander in at.expander if expander.key == "glance"]
    assert glance.label == t("compare.page.glance_closed", count=3)
    at.session_state["glance"] = True
    at.run()
    table = at.table[0].value.set_index(t("ratings.glance.what"))
    assert list(table.columns) == ["Home exercise", "Nerve block", "Gel implant"]
    at = open_page("views/compare.py", options=["rest", "gel"])  # as many as open up to
    assert at.table and not [expander for expander in at.expander if expander.key == "glance"]


def test_the_glance_on_compare_and_charts_marks_other_peoples_levels_and_says_whose():
    """Leg pain: rest's benefit levels are from people with back pain (the fixture's back_long),
    so both glances mark them and say whose studies they are, in the same words."""
    rated = ratings.rated(fixture_content(), ["rest", "nerve_block"], "leg_pain")
    note = ratings.other_group_note(rated)
    [line] = ratings.other_group_lines(rated)
    assert line in as_read(note)
    for page in ("views/compare.py", "views/charts.py"):
        at = open_page(page, situation="leg_pain", options=["rest", "nerve_block"])
        assert note in [caption.value for caption in at.caption], page
    at = open_page("views/charts.py", situation="back_pain", options=["rest"])
    assert not [caption for caption in at.caption if line in as_read(caption.value)]
