"""About and sources: who made this, how the evidence was chosen, and every source."""

import streamlit as st

from explorer import about, compare, review, words
from explorer.ui import listen, reading, say, shell, widgets
from explorer.ui.runtime import Run
from explorer.words import t, t_md


def render(run: Run) -> None:
    content = run.content
    say.title(t_md("pages.about.title"))
    listen.page_copy("about.md")

    say.header(t_md("about.release.heading"))
    due = review.review(content.release, review.today())
    if due.overdue:
        say.warning(t_md("shell.review_overdue", date=due.due_date(run.language)))
    say.markdown(about.release_facts(content))

    say.header(t_md("about.changelog.heading"), anchor="changelog")
    st.text(t("about.changelog.intro"))
    widgets.table(about.version_summaries(content), hide_index=True)
    with say.drawn_when_opened(t_md("about.changelog.full"), key="changelog") as opened:
        # Written by the content's experts, in English, headings too: marked lang="en" whole.
        if opened:
            with st.container(key="published-changelog"), words.speaking(words.LANGUAGE):
                widgets.table(about.changelog_table(content), hide_index=True)

    say.header(t_md("about.reading.heading"))
    say.markdown(words.markdown_file("about_reading.md"))
    # Measured once a version, but a long table: drawn only when opened.
    with say.drawn_when_opened(t_md("about.reading.each_text"), key="reading-table") as opened:
        if opened:
            widgets.table(reading.reading_table(run.snapshot), hide_index=True)

    say.header(t_md("about.sources.heading"))
    widgets.sources_list(compare.source_table(content.sources))


shell.show("about", render)
