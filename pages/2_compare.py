"""Comparison page: options as columns, questions as rows, every answer with its evidence."""

import streamlit as st

from explorer import compare, frame
from explorer.text import plain

content = frame.start_page("Compare the options")
consult = frame.in_consult_mode()
st.title("Compare the options")
if not consult:
    st.markdown(frame.markdown_file("compare.md"))

shown = frame.option_picker(content)
if not shown:
    st.info("Choose at least one option above to see the comparison.")
    st.stop()

for warning in compare.notes(content, shown):
    st.warning(warning)

rows = compare.rows(content, shown)
if consult:  # one question at a time, large, so two or three options fit one screen
    rows = [frame.question_stepper(rows)]
for row in rows:
    st.subheader(plain(row.question), anchor=row.question_id)
    for cell, cell_column in zip(row.cells, st.columns(len(shown))):
        with cell_column.container(border=True):
            frame.label(cell.option_name, key=f"{row.question_id}-{cell.option_id}")
            st.text(cell.answer)
            st.caption(plain(cell.evidence_line()))

if not consult:  # on the shared screen, sources are one click away on the About page
    st.header("Sources", anchor="sources")
    frame.sources_table(compare.cited_sources(content, shown))

frame.footer(content)
