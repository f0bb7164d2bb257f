"""Data check, for the clinic's content editor (not in the patients' sidebar): do the files on
disk pass the app's checks, and what are patients being shown meanwhile."""

import streamlit as st

from explorer import translations
from explorer.data import problem_table
from explorer.markdown import plain
from explorer.ui import say, shell, widgets
from explorer.ui.runtime import Run
from explorer.words import t, t_md


def render(run: Run) -> None:  # a first start with broken files stops here
    content = run.content
    store = run.store
    release = content.release
    say.title(t_md("pages.data_check.title"))
    st.text(t("data_check.intro", folder=str(store.folder)))
    if store.problems:
        say.error(t_md("data_check.problems", count=len(store.problems)))
        st.text(
            t(
                "data_check.serving",
                version=release["version"],
                content_date=release["content_date"],
            )
        )
        widgets.table(problem_table(store.problems), hide_index=True)
    else:
        say.success(
            t_md(
                "data_check.all_good",
                version=release["version"],
                content_date=release["content_date"],
            )
        )
    for translation in store.translations.values():
        if not translation.reviewed:  # a reminder for the clinic, not a problem
            say.warning(plain(translations.unreviewed_line(translation)))


shell.show("data_check", render)
