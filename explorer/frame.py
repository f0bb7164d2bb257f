"""What every page shares: page setup, our own sidebar, the data check, and the footer."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Mapping

import altair as alt
import pandas as pd
import streamlit as st
# Private, in the pinned Streamlit: the lock around Altair's global theme (see _chart_spec).
from streamlit.elements.vega_charts import _altair_globals_lock

from explorer import compare
from explorer.data import Content, cached_content, data_dir
from explorer.schema import Problem
from explorer.selection import OPTIONS_PARAM, in_neutral_order, link_params
from explorer.text import plain, plain_table

APP_NAME = "Disc treatment explorer"
CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"

# The sidebar, in the order a person would walk through the tool. Paths are relative to app.py.
PAGES: tuple[tuple[str, str], ...] = (
    ("app.py", "Start here"),
    ("pages/1_anatomy.py", "Your disc: what can go wrong"),
    ("pages/2_compare.py", "Compare the options"),
    ("pages/3_charts.py", "Charts: effort, recovery, evidence"),
    ("pages/9_about.py", "About and sources"),
)

# URL parameters that follow a person from page to page (the options they chose).
CARRIED_PARAMS = (OPTIONS_PARAM,)

# Author-written styles only (never CSV text): bold labels for containers keyed "label-…";
# captions less faded than Streamlit's 60 % (3.9:1 on white fails WCAG AA; 80 % gives about 7:1).
STYLE = """
<style>
[class*="st-key-label-"] [data-testid="stText"] { font-weight: 700; }
[data-testid="stCaptionContainer"] { opacity: 0.8; }
/* On paper the page needs its whole width (charts keep their words readable), not the sidebar. */
@media print { [data-testid="stSidebar"], [data-testid="stHeader"] { display: none; } }
</style>
"""


def start_page(title: str) -> Content:
    """Set up the page, draw the sidebar and return the checked content. When the data files
    have problems, list them for the clinic and stop the page here: never a traceback."""
    st.set_page_config(page_title=f"{title} · {APP_NAME}", layout="wide")
    st.html(STYLE)
    sidebar()
    result = cached_content(str(data_dir()))
    if result.problems:
        show_problems(result.problems)
        st.stop()
    return result.content


def sidebar() -> None:
    carried = {key: st.query_params.get_all(key) for key in CARRIED_PARAMS if key in st.query_params}
    with st.sidebar:
        st.subheader(APP_NAME)
        for path, label in PAGES:
            st.page_link(path, label=label, query_params=carried)


def option_picker(content: Content) -> list[str]:
    """The options a person has chosen to look at, kept in the page address so that a copied
    link opens the same view. Unknown ids in the address are ignored; none valid means all."""
    names = content.option_names()
    all_ids = list(names)
    widget_key = "chosen_options"
    if widget_key not in st.session_state:
        from_url = in_neutral_order(st.query_params.get_all(OPTIONS_PARAM), all_ids)
        st.session_state[widget_key] = from_url or all_ids
    chosen = st.multiselect(
        "Options to show (a clinician can narrow this to two or three)",
        all_ids,
        format_func=names.get,
        key=widget_key,
    )
    shown = in_neutral_order(chosen, all_ids)
    params = link_params(shown, all_ids)
    if params:
        st.query_params[OPTIONS_PARAM] = params[OPTIONS_PARAM]
    else:
        st.query_params.pop(OPTIONS_PARAM, None)
    return shown


def chosen_options(content: Content, what: str) -> list[str]:
    """The option picker, then the notes that belong above any view of the chosen options (an
    investigational option). With none chosen, ask for one and stop the page here."""
    shown = option_picker(content)
    if not shown:
        st.info(f"Choose at least one option above to see the {what}.")
        st.stop()
    for warning in compare.notes(content, shown):
        st.warning(plain(warning))
    return shown


def pick_one(label: str, choices: Mapping[str, str], param: str, default: str | None = None) -> str:
    """One of `choices` (id -> words), kept in the page address as ?param=id so that a copied
    link opens the same view. An unknown id in the address is ignored and the default shown
    (`default` if it is a choice, else the first); the default needs no parameter."""
    ids = list(choices)
    default = default if default in choices else ids[0]
    widget_key = f"picked_{param}"
    if widget_key not in st.session_state:
        from_url = st.query_params.get(param)
        st.session_state[widget_key] = from_url if from_url in choices else default
    picked = st.selectbox(label, ids, format_func=choices.get, key=widget_key)
    if picked == default:
        st.query_params.pop(param, None)
    else:
        st.query_params[param] = picked
    return picked


def sources_table(sources: pd.DataFrame) -> None:
    """A table of sources (from compare.source_table) whose links open in the browser."""
    st.dataframe(
        sources,
        hide_index=True,
        column_config={"Link": st.column_config.LinkColumn("Link"), "Year": st.column_config.NumberColumn(format="%d")},
    )


def chart(build: Callable[..., alt.TopLevelMixin], *inputs, alt_text: str) -> None:
    """The chart `build(*inputs)` makes, with its accessible name. Altair takes tens of
    milliseconds to build and check a chart on every rerun (the charts page ran in ~300 ms,
    docs/performance.md): the finished Vega-Lite spec is kept per builder and inputs."""
    st.vega_lite_chart(spec=_chart_spec(f"{build.__module__}.{build.__qualname__}", build, *inputs), alt=alt_text)


@st.cache_data(show_spinner=False, max_entries=1000)
def _chart_spec(builder: str, _build: Callable[..., alt.TopLevelMixin], *inputs) -> dict:
    # Keyed by the builder's name and the inputs (Streamlit cannot hash the function itself).
    # As st.altair_chart does it: without Altair's default theme (fixed sizes), holding the lock
    # Streamlit uses for Altair's global settings.
    with _altair_globals_lock, alt.theme.enable("none"):
        return _build(*inputs).to_dict()


def markdown_file(name: str) -> str:
    """Author-written page copy from content/*.md (repo text, never CSV cells)."""
    return (CONTENT_DIR / name).read_text(encoding="utf-8")


def label(text: str, key: str) -> None:
    """CSV text as a bold label: shown with st.text, made bold by the author-written style."""
    with st.container(key=f"label-{key}"):
        st.text(text)


def table(data: pd.DataFrame, **options) -> None:
    """st.table with every cell shown as typed (st.table alone renders cells as Markdown). Use it
    for every table: its cells usually come from the CSV files."""
    st.table(plain_table(data), **options)


def show_problems(problems: list[Problem]) -> None:
    st.title("The treatment information could not be loaded")
    st.error(
        f"We found {len(problems)} problem(s) in the data files, so this page is not shown. "
        "Nothing has been changed on disk. Please ask the person who edits the clinic's data "
        "to fix each problem below and restart the app."
    )
    table(problem_table(problems))


def problem_table(problems: list[Problem]) -> pd.DataFrame:
    """Problems as a table a spreadsheet user can work through, one line each."""
    return pd.DataFrame(
        [
            {
                "File": p.file,
                "Row": "" if p.row is None else str(p.row),
                "Column": p.column or "",
                "Found": p.value,
                "Expected": p.expected,
            }
            for p in problems
        ]
    )


def footer(content: Content) -> None:
    release = content.release
    st.divider()
    st.caption(
        plain(
            f"Content date {release['content_date']} · Version {release['version']} · "
            f"Next review by {release['next_review_date']}. "
            "This tool gives information, not medical advice, and does not recommend any option."
        )
    )
