"""Home page: the decision, who the tool is for, the options in one line each, how to use it."""

import streamlit as st

from explorer import home, words
from explorer.ui import shell, widgets
from explorer.words import t

with shell.page("home") as content:
    st.title(t("pages.home.title"))
    st.markdown(words.markdown_file("home.md"))
    widgets.get_help_now(content)

    st.header(t("home.list.heading"))
    st.caption(t("home.list.caption"))
    widgets.table(home.option_lines(content), hide_index=True)
    st.page_link(shell.path("compare"), label=t("home.list.compare_link"))

    st.markdown(words.markdown_file("home_how.md"))
