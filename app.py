"""Home page: the decision, who the tool is for, the options in one line each, how to use it."""

import streamlit as st

from explorer import home, words
from explorer.ui import shell, widgets
from explorer.words import t

content = shell.start_page("home")

st.title(t("pages.home.title"))
st.markdown(words.markdown_file("home.md"))
widgets.get_help_now(content)

st.header("The five options")
st.caption("In a fixed order, from least to most invasive. The order is not a ranking.")
widgets.table(home.option_lines(content), hide_index=True)
st.page_link(shell.path("compare"), label="Compare the options side by side →")

st.markdown(words.markdown_file("home_how.md"))

shell.footer(content)
