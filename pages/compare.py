"""Comparison page: options as columns, questions as rows, every answer with its evidence."""

import streamlit as st

from explorer import compare, ratings, situation, url_params
from explorer.markdown import plain
from explorer.ui import listen, say, shell, url_state, widgets
from explorer.ui.runtime import Run
from explorer.words import t_md


@shell.part(links=True)
def options_part(run: Run) -> None:
    """Everything that follows the chosen options: a change of the picker redraws only this. On
    a shared screen one question at a time, so that it fits; otherwise the whole comparison."""
    (one_question if run.consult else every_question)(run)


def one_question(run: Run) -> None:
    """Consult mode: one compact row of controls, then one question, each option's name and any
    investigational note above its key points, the full answer a click away. The overview and
    sources are a click away too."""
    content, situation_id = run.content, run.situation_id
    with st.container(key="controls-consult", horizontal=True, vertical_alignment="bottom"):
        shown = url_state.option_picker(content, situation_id)
        question = url_state.question_stepper(compare.rows(content, shown))
    not_shown = situation.not_shown_line(content, situation_id, shown)
    if not_shown:  # never hidden without a word, even on the shared screen
        say.caption(plain(not_shown))
    url_state.at_least_one(shown, "compare.page.choose_one")
    set_apart = {fit.option_id: fit for fit in situation.set_apart(content, situation_id)}
    with st.container(key="consult-question"):  # what must fit the shared screen
        say.subheader(plain(question.question), anchor=question.question_id)
        for note in compare.notes(content, shown):  # across the screen: the columns are narrow
            say.caption(plain(note))
        for cell, cell_column in zip(question.cells, st.columns(len(shown))):
            with cell_column:
                widgets.label(cell.short_name, key=f"head-{cell.option_id}")
                if cell.option_id in set_apart:
                    say.caption(plain(set_apart[cell.option_id].rule_line()))
                with st.container(border=True, key=f"short-{cell.option_id}"):
                    widgets.short_answer(cell)


def every_question(run: Run) -> None:
    """The options at a glance, each question's answers as one table (one element, not a box per
    answer), what an evaluation looks at, the warning signs and the sources."""
    content, situation_id = run.content, run.situation_id
    shown = url_state.chosen_options(content, situation_id)
    say.header(t_md("compare.page.glance_heading"), anchor="at-a-glance")
    say.caption(t_md("compare.page.glance_caption"))
    widgets.table(ratings.glance_table(ratings.rated(content, shown)), hide_index=True)
    link = url_state.options_link(content, shown, situation_id)
    say.page_link(shell.path("charts"), label=t_md("compare.page.to_charts"), query_params=link)
    say.page_link(
        shell.path("chances"),
        label=t_md("compare.page.to_chances"),
        query_params={**link, url_params.OPTION_PARAM: shown[0]},
    )
    with st.container(key="grid-questions"):
        for row in compare.rows(content, shown):
            say.subheader(plain(row.question), anchor=row.question_id)
            with listen.block(f"answers-{row.question_id}"):  # read option by option
                say.markdown(row.table)

    say.header(t_md("situation.evaluation.heading"), anchor="evaluation")
    say.caption(t_md("situation.evaluation.intro"))
    with st.container(key="grid-evaluation"):
        for kind, table in situation.evaluation_tables(content, shown, situation_id).items():
            say.subheader(t_md(f"situation.evaluation.kinds.{kind}"), anchor=f"evaluation-{kind}")
            say.markdown(table)

    say.header(t_md("sources.heading"), anchor="sources")
    also = situation.cited(content, shown, situation_id)
    widgets.sources_list(compare.cited_sources(content, shown, also))


def render(run: Run) -> None:
    content, consult = run.content, run.consult
    with st.container(key="title-row", horizontal=True, vertical_alignment="center"):
        say.title(t_md("pages.compare.title"))
        if consult:  # beside the title, so that each question still fits the shared screen
            widgets.get_help_now(content, as_button=True)
    if not consult:
        listen.page_copy("compare.md")
    url_state.situation_chooser(content)  # one click, at the top in consult mode
    options_part()


shell.show("compare", render)
