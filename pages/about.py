"""About and sources: who made this, how the evidence was chosen, and every source."""

import streamlit as st

from explorer import about, compare, words
from explorer.ui import reading, shell, widgets
from explorer.ui.runtime import Run
from explorer.words import t


def render(run: Run) -> None:
    content = run.content
    st.title(t("pages.about.title"))
    st.markdown(words.markdown_file("about.md"))

    st.header(t("about.release.heading"))
    widgets.table(about.release_table(content), hide_index=True)

    st.header(t("about.changelog.heading"), anchor="changelog")
    st.text(t("about.changelog.intro"))
    with st.container(key="published-changelog"):  # written by the content's experts, in English
        widgets.table(about.changelog_table(content), hide_index=True)

    st.header(t("about.reading.heading"))
    st.markdown(words.markdown_file("about_reading.md"))
    widgets.table(reading.reading_table(run.snapshot), hide_index=True)

    st.header(t("about.sources.heading"))
    widgets.sources_list(compare.source_table(content.sources))


shell.show("about", render)
