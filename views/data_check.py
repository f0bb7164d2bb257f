"""Data check, for the clinic's content editor (not in the patients' sidebar unless the clinic
turns it on, EXPLORER_DATA_CHECK=on): do the files on disk pass the app's checks, and what are
patients being shown meanwhile."""

import streamlit as st

from explorer import review, translations
from explorer.countries import country_name
from explorer.data import data_check_on
from explorer.markdown import Md, plain
from explorer.rules.report import problem_table
from explorer.ui import say, shell, widgets
from explorer.ui.runtime import Run
from explorer.words import t, t_md


def render(run: Run) -> None:  # a first start with broken files never gets here (shell.show)
    snapshot, language = run.snapshot, run.language  # problems are said in the reader's language
    release = run.content.release
    say.title(t_md("pages.data_check.title"))
    # No server path for any visitor: only where the clinic has turned its page on.
    if data_check_on():
        st.text(t("data_check.intro_folder", folder=snapshot.folder))
    else:
        st.text(t("data_check.intro"))
    code = run.content.clinic["country"]
    st.text(t("data_check.country", country=country_name(code, language), code=code))
    if not snapshot.problems:
        say.success(
            t_md(
                "data_check.all_good",
                version=release["version"],
                content_date=release["content_date"],
            )
        )
    else:
        if snapshot.up_to_date:  # in translation files only: their rows show English meanwhile
            say.error(t_md("data_check.translation_problems", count=len(snapshot.problems)))
        else:
            say.error(t_md("data_check.problems", count=len(snapshot.problems)))
            st.text(
                t(
                    "data_check.serving",
                    version=release["version"],
                    content_date=release["content_date"],
                )
            )
        widgets.table(problem_table(snapshot.problems, language), hide_index=True)
    # Reminders for the clinic, not problems: the content's review due or overdue, rows not yet
    # reviewed, rows shown in English.
    due = review.review(release, review.today()).clinic_line(language)
    if due:
        say.warning(plain(due))
    for translation in snapshot.translations.values():
        if not translation.reviewed:
            say.warning(plain(translations.unreviewed_line(translation).in_language(language)))
        if translation.in_english:
            heading = translations.in_english_heading(translation).in_language(language)
            lines = [Md("- ") + row.said().in_language(language) for row in translation.in_english]
            say.warning(Md("\n").join([plain(heading), *lines]))


shell.show("data_check", render)
