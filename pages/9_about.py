"""About and sources: who made this, how the evidence was chosen, and every source."""

import streamlit as st

from explorer import about, compare, frame, words
from explorer.words import t

content = frame.start_page("About and sources")

st.title("About this tool and its sources")
st.markdown(words.markdown_file("about.md"))

st.header("When this was written and when it is checked")
frame.table(about.release_table(content), hide_index=True)

st.header(t("about.changelog.heading"), anchor="changelog")
st.text(t("about.changelog.intro"))
frame.table(about.changelog_table(content), hide_index=True)

st.header("How easy this is to read")
st.markdown(words.markdown_file("about_reading.md"))
frame.table(
    about.reading_levels(frame.PAGES, frame.content_store().version, content), hide_index=True
)

st.header("All sources")
frame.sources_table(compare.source_table(content.sources))

frame.footer(content)
