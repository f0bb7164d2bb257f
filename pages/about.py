"""About and sources: who made this, how the evidence was chosen, and every source."""

import streamlit as st

from explorer import about, compare, words
from explorer.ui import shell, widgets
from explorer.words import t

content = shell.start_page("about")

st.title(t("pages.about.title"))
st.markdown(words.markdown_file("about.md"))

st.header("When this was written and when it is checked")
widgets.table(about.release_table(content), hide_index=True)

st.header(t("about.changelog.heading"), anchor="changelog")
st.text(t("about.changelog.intro"))
widgets.table(about.changelog_table(content), hide_index=True)

st.header("How easy this is to read")
st.markdown(words.markdown_file("about_reading.md"))
widgets.table(
    about.reading_levels(shell.PATIENT_PAGES, shell.content_store().version, content),
    hide_index=True,
)

st.header("All sources")
widgets.sources_table(compare.source_table(content.sources))

shell.footer(content)
