"""About and sources: who made this, how the evidence was chosen, and every source."""

import streamlit as st

from explorer import about, compare, frame

content = frame.start_page("About and sources")

st.title("About this tool and its sources")
st.markdown(frame.markdown_file("about.md"))

st.header("When this was written and when it is checked")
st.table(about.release_table(content), hide_index=True)

st.header("All sources")
frame.sources_table(compare.source_table(content.sources))

frame.footer(content)
