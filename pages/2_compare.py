"""Comparison page: options as columns, questions as rows, every answer with its evidence."""

import streamlit as st

from explorer import compare, frame, ratings, selection
from explorer.text import plain

content = frame.start_page("Compare the options")
st.title("Compare the options")
st.markdown(frame.markdown_file("compare.md"))

shown = frame.chosen_options(content, "comparison")

st.header("At a glance", anchor="at-a-glance")
st.caption("The same levels as on the charts page. Sources and how sure we are are on that page.")
frame.table(ratings.glance_table(ratings.rated(content, shown)), hide_index=True)
st.page_link(
    "pages/3_charts.py",
    label="See these as charts →",
    query_params=selection.link_params(shown, list(content.options["option_id"])),
)

for row in compare.rows(content, shown):
    st.subheader(plain(row.question), anchor=row.question_id)
    for cell, cell_column in zip(row.cells, st.columns(len(shown))):
        with cell_column.container(border=True):
            frame.label(cell.option_name, key=f"{row.question_id}-{cell.option_id}")
            st.text(cell.answer)
            st.caption(plain(cell.evidence_line()))

st.header("Sources", anchor="sources")
frame.sources_table(compare.cited_sources(content, shown))

frame.footer(content)
