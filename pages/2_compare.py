"""Comparison page: options as columns, questions as rows, every answer with its evidence."""

import streamlit as st

from explorer import compare, frame
from explorer.text import plain

content = frame.start_page("Compare the options")
st.title("Compare the options")
st.markdown(frame.markdown_file("compare.md"))

shown = frame.option_picker(content)
if not shown:
    st.info("Choose at least one option above to see the comparison.")
    st.stop()

for warning in compare.notes(content, shown):
    st.warning(plain(warning))

for row in compare.rows(content, shown):
    st.subheader(plain(row.question), anchor=row.question_id)
    for cell, cell_column in zip(row.cells, st.columns(len(shown))):
        with cell_column.container(border=True):
            frame.label(cell.option_name, key=f"{row.question_id}-{cell.option_id}")
            st.text(cell.answer)
            st.caption(plain(cell.evidence_line()))

st.header("Sources", anchor="sources")
st.dataframe(
    compare.cited_sources(content, shown),
    hide_index=True,
    column_config={"Link": st.column_config.LinkColumn("Link"), "Year": st.column_config.NumberColumn(format="%d")},
)

frame.footer(content)
