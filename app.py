"""Home page: the decision, who the tool is for, the options in one line each, how to use it."""

import streamlit as st

from explorer import home, words
from explorer.ui import shell, url_state, widgets
from explorer.ui.runtime import Run
from explorer.words import t


def render(run: Run) -> None:
    content = run.content
    st.title(t("pages.home.title"))
    st.markdown(words.markdown_file("home.md"))
    st.header(t("situation.heading"), anchor="your-situation")
    situation_id = url_state.situation_chooser(content)
    widgets.get_help_now(content)

    st.header(t("home.list.heading"))
    st.caption(t("home.list.caption"))
    widgets.table(home.option_lines(content, situation_id), hide_index=True)
    st.page_link(
        shell.path("compare"),
        label=t("home.list.compare_link"),
        query_params=url_state.carried_params(),
    )

    st.markdown(words.markdown_file("home_how.md"))


shell.show("home", render)
