"""Home page: the decision, who the tool is for, the options in one line each, how to use it."""

import streamlit as st

from explorer import frame, home, words

content = frame.start_page("Start here")

st.title("Back pain from a disc: comparing your treatment options")
st.markdown(words.markdown_file("home.md"))
frame.get_help_now(content)

st.header("The five options")
st.caption("In a fixed order, from least to most invasive. The order is not a ranking.")
frame.table(home.option_lines(content), hide_index=True)
st.page_link("pages/2_compare.py", label="Compare the options side by side →")

st.markdown(words.markdown_file("home_how.md"))

frame.footer(content)
