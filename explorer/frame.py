"""What every page shares: page setup, our own sidebar, the data check, and the footer."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

import altair as alt
import pandas as pd
import streamlit as st

# Private, in the pinned Streamlit: the lock around Altair's global theme (see _chart_spec).
from streamlit.elements.vega_charts import _altair_globals_lock

from explorer import compare, decide, safety
from explorer.data import Content, ContentStore, data_dir, problem_table
from explorer.schema import Problem
from explorer.text import plain, plain_table
from explorer.url_params import (
    CONSULT,
    MODE_PARAM,
    OPTIONS_PARAM,
    QUESTION_PARAM,
    in_neutral_order,
    link_params,
)
from explorer.words import t

APP_NAME = t("app.name")

# The sidebar, in the order a person would walk through the tool. Paths are relative to app.py.
PAGES: tuple[tuple[str, str], ...] = (
    ("app.py", "Start here"),
    ("pages/1_anatomy.py", "Your disc: what can go wrong"),
    ("pages/2_compare.py", "Compare the options"),
    ("pages/3_charts.py", "Charts: effort, recovery, evidence"),
    ("pages/6_chances.py", "Chances: what happens to 100 people"),
    ("pages/4_what_matters.py", "What matters to you"),
    ("pages/5_summary.py", "Your summary to take home"),
    ("pages/9_about.py", "About and sources"),
)

# URL parameters that follow a person from page to page (the options they chose, the mode).
CARRIED_PARAMS = (OPTIONS_PARAM, MODE_PARAM)

# Author-written styles only (never CSV text). Bold labels for containers keyed "label-…";
# print hides the sidebar, header, controls (containers keyed "controls-…") and screen-only
# repeats (keyed "screen-only-…", e.g. a chart's table when the chart itself is printed; their
# paper versions are keyed "print-only-…"), and
# keeps text black on white. Captions get a solid dark grey (8.9:1 on white) instead of
# Streamlit's 60 % fade (3.9:1 fails WCAG AA).
STYLE = """
<style>
[class*="st-key-label-"] [data-testid="stText"] { font-weight: 700; }
[data-testid="stCaptionContainer"] { opacity: 1; color: #4a4a4a; }
@media screen { [class*="st-key-print-only"] { display: none; } }
/* Pictures drawn to size (icon arrays) shrink to fit a narrow screen instead of scrolling. */
[class*="st-key-fit-"] [data-testid="stVegaLiteChart"], [class*="st-key-fit-"] [data-testid="stVegaLiteChart"] svg { max-width: 100%; height: auto; }
/* On paper the page needs its whole width, not the sidebar or the controls. */
@media print {
  [data-testid="stSidebar"], [data-testid="stHeader"], [data-testid="stToolbar"],
  [data-testid="stSidebarCollapsedControl"], [class*="st-key-controls"], [class*="st-key-screen-only"],
  [data-testid="stDownloadButton"], [data-testid="stButton"], [data-testid="stPageLink"],
  [data-testid="stMultiSelect"], [data-testid="stCheckbox"], [data-testid="stToggle"] { display: none !important; }
  .stApp, .stApp * { color: #000 !important; background: #fff !important; box-shadow: none !important; }
  [data-testid="stMainBlockContainer"] { padding: 0 !important; max-width: 100% !important; }
  /* A handout: small, tight type so the summary fits one or two sheets. */
  html { font-size: 8.5pt !important; }
  h1 { font-size: 15pt !important; padding: 0 0 2pt !important; }
  h2 { font-size: 11pt !important; padding: 4pt 0 1pt !important; }
  h3 { font-size: 9.5pt !important; padding: 3pt 0 0 !important; }
  [data-testid="stVerticalBlock"] { gap: 2pt !important; }
  [data-testid="stText"], [data-testid="stMarkdownContainer"] p { line-height: 1.3 !important; margin: 0 !important; }
  [data-testid="stTable"], [data-testid="stTable"] table { width: 100% !important; max-width: 100% !important; }
  [data-testid="stTable"] td, [data-testid="stTable"] th { padding: 1pt 3pt !important; font-size: 7pt !important; line-height: 1.2 !important; }
  [data-testid="stAlert"] { padding: 2pt !important; border: 1px solid #000 !important; }
  [class*="st-key-print-only-citations"] [data-testid="stText"], [data-testid="stCaptionContainer"] { font-size: 6pt !important; line-height: 1.2 !important; }
  h2, h3 { break-after: avoid; }
  hr { margin: 2pt 0 !important; }
  /* The warning signs stay whole and take less paper: smaller type, the signs run on. */
  [class*="st-key-get-help-now"] { break-inside: avoid; padding: 4pt 6pt !important; }
  [class*="st-key-get-help-now"] [data-testid="stText"] { font-size: 7.5pt !important; }
  [class*="st-key-dense-rows"] [data-testid="stText"] { font-size: 7pt !important; line-height: 1.2 !important; }
  [data-testid="stVegaLiteChart"], [data-testid="stVegaLiteChart"] * { height: auto !important; min-height: 0 !important; }
  /* Pictures drawn to size, scaled to the small print type. */
  [class*="st-key-fit-"] [data-testid="stVegaLiteChart"] svg { width: 95mm !important; }
  @page { size: A4; margin: 9mm 10mm; }
}
</style>
"""
# Consult mode: base type of 20 px (Streamlit sizes text in rem) and less padding, so that a
# comparison of two or three options fits a 1280x800 screen.
CONSULT_STYLE = """
<style>
html { font-size: 20px; }
[data-testid="stMainBlockContainer"] { padding: 3.6rem 1.2rem 0.5rem; max-width: 100%; }
[data-testid="stMain"] h1 { font-size: 1.6rem; padding: 0 0 0.2rem; }
[data-testid="stMain"] h3 { font-size: 1.2rem; padding: 0.4rem 0 0.3rem; }
[data-testid="stMain"] [data-testid="stText"] { line-height: 1.4; }
[data-testid="stMain"] [data-testid="stVerticalBlock"] { gap: 0.5rem; }
[data-testid="stMain"] hr { margin: 0.3rem 0; }
/* The Get help now button beside the title, no taller than the title. */
[class*="st-key-title-row"] [data-testid="stPopover"] button { min-height: 0; padding-top: 0.15rem; padding-bottom: 0.15rem; }
</style>
"""


def start_page(title: str) -> Content:
    """Set up the page, draw the sidebar and return the checked content. When the data files
    have problems, list them for the clinic and stop the page here: never a traceback."""
    consult = in_consult_mode()
    st.set_page_config(
        page_title=f"{title} · {APP_NAME}",
        layout="wide",
        initial_sidebar_state="collapsed" if consult else "auto",
    )
    st.html(STYLE + (CONSULT_STYLE if consult else ""))
    sidebar(consult)
    store = content_store()
    if store.content is None:  # only a first start with broken files: nothing good to serve yet
        show_problems(store.problems)
        st.stop()
    return store.content


@st.cache_resource(show_spinner=False)
def _store(folder: str) -> ContentStore:
    return ContentStore(Path(folder))


def content_store() -> ContentStore:
    """The one checked content of this process, re-checked when a data file is saved: a bad edit
    leaves patients on the last content that passed (see the data-check page)."""
    return _store(str(data_dir())).current()


def in_consult_mode() -> bool:
    return st.query_params.get(MODE_PARAM) == CONSULT


def carried_params() -> dict[str, list[str]]:
    """The URL parameters a link to another page should keep."""
    return {key: st.query_params.get_all(key) for key in CARRIED_PARAMS if key in st.query_params}


def sidebar(consult: bool) -> None:
    carried = carried_params()
    with st.sidebar:
        st.subheader(APP_NAME)
        for path, label in PAGES:
            st.page_link(path, label=label, query_params=carried)
        st.divider()
        st.toggle(
            "Consult mode: large text for a shared screen",
            value=consult,
            key="consult_toggle",
            on_change=_switch_mode,
            help="For a clinician and patient looking at one screen. Kept in the page address.",
        )


def _switch_mode() -> None:
    if st.session_state["consult_toggle"]:
        st.query_params[MODE_PARAM] = CONSULT
    else:
        st.query_params.pop(MODE_PARAM, None)


def question_stepper(rows: list[compare.Row]) -> compare.Row:
    """Consult mode: one comparison question at a time (kept in the URL as ?question=), with
    previous/next buttons for walking through them together."""
    ids = [row.question_id for row in rows]
    by_id = {row.question_id: row for row in rows}
    current = st.query_params.get(QUESTION_PARAM)
    current = current if current in ids else ids[0]

    def step(offset: int) -> None:
        st.query_params[QUESTION_PARAM] = ids[
            min(max(ids.index(current) + offset, 0), len(ids) - 1)
        ]

    with st.container(key="controls-stepper", horizontal=True, vertical_alignment="bottom"):
        st.button("← Previous", on_click=step, args=(-1,), disabled=current == ids[0])
        picked = pick_one(
            "Question",
            {
                question_id: f"{n} of {len(ids)}: {by_id[question_id].question}"
                for n, question_id in enumerate(ids, 1)
            },
            QUESTION_PARAM,
        )
        st.button("Next →", on_click=step, args=(1,), disabled=current == ids[-1])
    return by_id[picked]


def person_answers(content: Content) -> decide.Answers:
    """The person's own answers, kept in this browser session only (never on disk, never
    logged). A share link the person chose to fill with their answers seeds them once."""
    if "answers" not in st.session_state:
        params = {key: st.query_params.get_all(key) for key in st.query_params}
        st.session_state["answers"] = decide.answers_from_params(content, params)
    return st.session_state["answers"]


def remembered_choice(
    label: str, choices, store: dict, item_id: str, key_prefix: str, **radio_options
):
    """A radio whose answer is kept in `store` (part of the person's answers), so it
    survives moving between pages. Labels may be CSV text: they are escaped."""
    key = f"{key_prefix}-{item_id}"

    def remember() -> None:
        if st.session_state[key] is None:
            store.pop(item_id, None)
        else:
            store[item_id] = st.session_state[key]

    current = store.get(item_id)
    return st.radio(
        plain(label),
        choices,
        index=list(choices).index(current) if current in choices else None,
        key=key,
        on_change=remember,
        horizontal=True,
        **radio_options,
    )


def _follow_url(widget_key: str, from_url, to_url: Callable) -> Callable[[], None]:
    """Keep a widget and the page address in step. The address is the truth when a page
    opens (a shared link, or another page's link); the widget writes to it when it changes,
    in its callback, before the page runs again."""
    # Set every run: another page's widget under the same key may hold a stale value.
    st.session_state[widget_key] = from_url
    return lambda: to_url(st.session_state[widget_key])


def option_picker(content: Content) -> list[str]:
    """The options a person has chosen to look at, kept in the page address so that a copied
    link opens the same view. Unknown ids in the address are ignored; none valid means all."""
    names = content.option_names()
    all_ids = list(names)
    in_url = st.query_params.get_all(OPTIONS_PARAM)
    # "?options=" (empty) is how the address says the person has removed every option.
    from_url = [] if in_url == [""] else in_neutral_order(in_url, all_ids) or all_ids

    def in_address(chosen: list[str]) -> list[str]:
        # [""] when none are chosen; [] (no parameter) for all, the default.
        return [""] if not chosen else link_params(chosen, all_ids).get(OPTIONS_PARAM, [])

    def to_url(chosen: list[str]) -> None:
        if in_address(chosen):
            st.query_params[OPTIONS_PARAM] = in_address(chosen)
        else:
            st.query_params.pop(OPTIONS_PARAM, None)

    if in_url != in_address(from_url):
        to_url(from_url)  # tidy the address: unknown ids out, neutral order, default left out
    widget_key = "chosen_options"
    # On a shared screen the short names keep the chosen options on one line.
    labels = (
        dict(zip(content.options["option_id"], content.options["short_name"]))
        if in_consult_mode()
        else names
    )
    chosen = st.multiselect(
        "Options to show (a clinician can narrow this to two or three)",
        all_ids,
        format_func=labels.get,
        key=widget_key,
        on_change=_follow_url(widget_key, from_url, to_url),
    )
    return in_neutral_order(chosen, all_ids)


def chosen_options(content: Content, what: str, with_notes: bool = True) -> list[str]:
    """The option picker, then (unless the page places them itself) the notes that belong above
    any view of the chosen options (an investigational option). With none chosen, ask for one
    and stop the page here."""
    shown = option_picker(content)
    if not shown:
        st.info(f"Choose at least one option above to see the {what}.")
        st.stop()
    for warning in compare.notes(content, shown) if with_notes else []:
        st.warning(plain(warning))
    return shown


def pick_one(label: str, choices: Mapping[str, str], param: str, default: str | None = None) -> str:
    """One of `choices` (id -> words), kept in the page address as ?param=id so that a copied
    link opens the same view. An unknown id in the address is ignored and the default shown
    (`default` if it is a choice, else the first); the default needs no parameter."""
    ids = list(choices)
    default = default if default in choices else ids[0]
    from_url = st.query_params.get(param)

    def to_url(picked: str) -> None:
        if picked == default:
            st.query_params.pop(param, None)
        else:
            st.query_params[param] = picked

    widget_key = f"picked_{param}"
    return st.selectbox(
        label,
        ids,
        format_func=choices.get,
        key=widget_key,
        on_change=_follow_url(widget_key, from_url if from_url in choices else default, to_url),
    )


def sources_table(sources: pd.DataFrame) -> None:
    """A table of sources (from compare.source_table) whose links open in the browser; on paper,
    where the interactive table prints blank, the same sources as lines of text."""
    with st.container(key="screen-only-sources"):
        st.dataframe(
            sources,
            hide_index=True,
            column_config={
                "Link": st.column_config.LinkColumn("Link"),
                "Year": st.column_config.NumberColumn(format="%d"),
            },
        )
    with st.container(key="print-only-sources"):
        st.text("\n".join(compare.source_lines(sources)))


def chart(
    build: Callable[..., alt.TopLevelMixin], *inputs, alt_text: str, fit_key: str | None = None
) -> None:
    """The chart `build(*inputs)` makes, with its accessible name, as wide as the page; with a
    `fit_key`, a picture drawn to its own size instead, shrunk to fit a narrower screen. Altair
    takes tens of milliseconds to build and check a chart on every rerun (the charts page ran in
    ~300 ms, docs/performance.md): the finished Vega-Lite spec is kept per builder and inputs."""
    spec = _chart_spec(f"{build.__module__}.{build.__qualname__}", build, *inputs)
    if fit_key is None:
        st.vega_lite_chart(spec=spec, alt=alt_text, width="stretch")
        return
    with st.container(key=f"fit-{fit_key}"):
        st.vega_lite_chart(spec=spec, alt=alt_text, width="content")


@st.cache_data(show_spinner=False, max_entries=1000)
def _chart_spec(builder: str, _build: Callable[..., alt.TopLevelMixin], *inputs) -> dict:
    # Keyed by the builder's name and the inputs (Streamlit cannot hash the function itself).
    # As st.altair_chart does it: without Altair's default theme (fixed sizes), holding the lock
    # Streamlit uses for Altair's global settings.
    with _altair_globals_lock, alt.theme.enable("none"):
        return _build(*inputs).to_dict()


def answer(cell: compare.Cell, label_key: str | None) -> None:
    """One option's answer to one question with its evidence line; labelled with the option's
    name unless `label_key` is None (when the names head the columns instead)."""
    if label_key is not None:
        label(cell.option_name, key=label_key)
    st.text(cell.answer)
    st.caption(plain(cell.evidence_line()))


def get_help_now(content: Content, as_button: bool = False) -> None:
    """The warning signs that need urgent care and what to do, on every page where a person
    weighs the options: on screen and on paper. As a button, it opens the same list: for the
    consult comparison, where every question must fit the shared screen."""
    groups = safety.warning_groups(content)
    if as_button:
        with st.popover(
            t("get_help.title"),
            type="primary",
            icon=":material/emergency:",
            help=t("get_help.consult_help"),
        ):
            _warning_signs(groups)
        return
    with st.container(border=True, key="get-help-now"):
        st.header(t("get_help.title"), anchor="get-help-now")
        _warning_signs(groups)


def _warning_signs(groups: list[safety.WarningGroup]) -> None:
    st.text(t("get_help.intro"))
    for group in groups:
        label(group.heading, key=f"help-{group.group_id}")
        if group.signs:
            with st.container(key=f"screen-only-signs-{group.group_id}"):
                st.text("\n".join("• " + sign for sign in group.signs))
            with st.container(key=f"print-only-signs-{group.group_id}"):
                st.text(safety.signs_run_on(group))
        st.error(plain(group.action))
    st.caption(plain(safety.sources_line(groups)))


def label(text: str, key: str) -> None:
    """CSV text as a bold label: shown with st.text, made bold by the author-written style."""
    with st.container(key=f"label-{key}"):
        st.text(text)


def table(data: pd.DataFrame, **options) -> None:
    """st.table with every cell shown as typed (st.table alone renders cells as Markdown). Use it
    for every table: its cells usually come from the CSV files."""
    st.table(plain_table(data), **options)


def show_problems(problems: list[Problem]) -> None:
    st.title(t("data_problems.title"))
    st.error(t("data_problems.intro", count=len(problems)))
    table(problem_table(problems))


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
