"""Comparison page: options as columns, questions as rows, every answer with its evidence."""

import streamlit as st

from explorer import (
    chances,
    compare,
    decide,
    lead,
    matched,
    offer,
    ratings,
    score_chart,
    short_answers,
    situation,
    url_params,
)
from explorer.markdown import Md, plain
from explorer.ui import listen, pictures, say, shell, url_state, widgets
from explorer.ui.offer_card import offer_cards
from explorer.ui.runtime import Run
from explorer.words import t, t_md

GLANCE_ANCHOR = "at-a-glance"  # the table at a glance: linked from an open offer card


@shell.part(links=True)
def options_part(run: Run) -> None:
    """Everything that follows the chosen options: a change of the picker redraws only this. On
    a shared screen one question at a time, so that it fits; otherwise the whole comparison."""
    (one_question if run.consult else every_question)(run)


def one_question(run: Run) -> None:
    """Consult mode: one compact row of controls, then one step: first the options at a glance
    with the person's top priorities, then each question, each option's name and any
    investigational note above its short answer (the same a person in the situation reads on a
    phone, and whose numbers they are), the full answer a click away. Sources are a click away
    too."""
    content, situation_id = run.content, run.situation_id
    with st.container(key="controls-consult", horizontal=True, vertical_alignment="bottom"):
        shown = url_state.option_picker(content, situation_id)
        rows = {row.question_id: row for row in compare.rows(content, shown)}
        step = url_state.question_stepper(
            {
                url_params.OVERVIEW: t("compare.page.glance_heading"),
                **{question_id: row.question for question_id, row in rows.items()},
            }
        )
    not_shown = situation.not_shown_line(content, situation_id, shown)
    if not_shown:  # never hidden without a word, even on the shared screen
        say.caption(plain(not_shown))
    url_state.at_least_one(shown, "compare.page.choose_one")
    if step == url_params.OVERVIEW:
        overview(run, shown)
    else:
        question_step(run, rows[step], shown)


def overview(run: Run, shown: list[str]) -> None:
    """The chosen options at a glance, and what matters most to the person (from What matters),
    so that the talk starts from both."""
    content = run.content
    # What must fit the shared screen; its key ends in how many options share the table's width,
    # which sizes the table's type (consult.css).
    with st.container(key=f"consult-question-overview-{len(shown)}"):
        # The priorities beside the heading, not under the table: a line's height for the note.
        with st.container(key="overview-heading", horizontal=True, vertical_alignment="bottom"):
            say.subheader(
                t_md("compare.page.glance_heading"), anchor=GLANCE_ANCHOR, width="content"
            )
            priorities = decide.top_priorities(content, widgets.person_answers(content).ratings)
            say.caption(
                t_md("compare.page.priorities", priorities="; ".join(priorities))
                if priorities
                else t_md("compare.page.no_priorities")
            )
        rated = ratings.rated(content, shown, run.situation_id)
        widgets.table(ratings.glance_table(rated), hide_index=True)
    # What the marks mean: right under the table, on the screen with it; whose studies a tap away.
    keys = ratings.other_group_keys(rated)
    if keys:
        whose = " ".join(ratings.other_group_lines(rated))
        with st.container(key="overview-star-note"):
            say.caption(plain(keys), help=plain(whose) if whose else None)


# People smaller than on a phone: a trial's two groups under the choice of option and the
# outcome's heading then end above 800 px even with a three-line key (Spanish).
STEP_ZOOM = 0.8


def question_step(run: Run, question: compare.Row, shown: list[str]) -> None:
    """One question, each option's short answer in its column; beside them, where the question
    is the benefit or the risks, the same picture consult Chances draws from the study of people
    in the situation (5th review M1), so the two can be pointed at together."""
    content, situation_id = run.content, run.situation_id
    set_apart = {fit.option_id: fit for fit in situation.set_apart(content, situation_id)}
    shorts = short_answers.for_question(content, situation_id, question.question_id, shown)
    by_option = {short.option_id: short for short in shorts}
    drawn = matched.pictured(content, situation_id, question.question_id, tuple(shown))
    with st.container(key="consult-question"):  # what must fit the shared screen
        say.subheader(plain(question.question), anchor=question.question_id)
        for note in compare.notes(content, shown):  # across the screen: the columns are narrow
            say.caption(plain(note))
        # The answers in half the screen, the picture in the other half: wide enough for a bar's
        # words on one line, and two pictures of 100 people at nearly their own size.
        answers, picture = st.columns(2, gap="medium") if drawn else (st.container(), None)
        with answers:
            for cell, cell_column in zip(question.cells, st.columns(len(shown))):
                with cell_column:
                    widgets.label(cell.short_name, key=f"head-{cell.option_id}")
                    if cell.option_id in set_apart:  # the level; its rule a tap away, for room
                        fit = set_apart[cell.option_id]
                        say.caption(plain(fit.level), help=plain(fit.rule_line()))
                    with st.container(border=True, key=f"short-{cell.option_id}"):
                        widgets.short_answer(by_option.get(cell.option_id), cell)
            whose = short_answers.whose_lines(content, shorts, situation_id)
            if whose:  # one element, a line each: room on the shared screen, less work a run
                with st.container(key="consult-whose"):
                    say.caption(Md("  \n").join(whose))
        if picture is not None:
            with picture, st.container(key="consult-picture"):
                for scored in drawn.scores:
                    pictures.scores(scored, score_chart.WORDS_ACROSS_WIDE)
                if drawn.outcomes:
                    names = {cell.option_id: cell.short_name for cell in question.cells}
                    outcome_pictures(drawn.outcomes, names, question.question_id)


def outcome_pictures(outcomes: tuple[chances.Chance, ...], names: dict, key: str) -> None:
    """An option's outcome under its own heading, drawn as Chances draws it: beside its trial's
    comparison group, never beside another option's outcome (6th review N1: one option's 34 out
    of 100 operated on beside another's 3 out of 100 torn read as 34 harmed against 3). One
    option's at a time, the others a tap away: two rows would not fit the shared screen."""
    shown = outcomes[0]
    if len(outcomes) > 1:
        by_option = {chance.option_id: chance for chance in outcomes}
        chosen = say.pills(
            t_md("compare.page.picture_of"),
            list(by_option),
            format_func=lambda option_id: plain(names[option_id]),
            default=shown.option_id,
            key=f"consult-picture-of-{key}",
            label_visibility="collapsed",  # room: the options' names say what it chooses
        )
        shown = by_option.get(chosen, shown)
    say.markdown(t_md("compare.page.picture_outcome", outcome=plain(chances.title(shown))))
    pictures.of_chance(shown, zoom=STEP_ZOOM, key=f"consult-{key}-{shown.option_id}")


def every_question(run: Run) -> None:
    """The situation and options as one line, the options at a glance, then each question as
    each option's short answer, the full answers a click away; what an evaluation looks at, the
    warning signs and the sources behind a click too, so that the page before anything is opened
    stays short."""
    content = run.content
    situation_id, shown = url_state.chosen_options(content)
    offer_cards(content, shown, glance=GLANCE_ANCHOR)  # closed, above all said about the options
    say.header(t_md("compare.page.glance_heading"), anchor=GLANCE_ANCHOR)
    if compare.glance_starts_open(shown):
        glance_table(run, shown)
    else:  # many options: a long table on a phone, so a one-line key, drawn only when opened
        with say.drawn_when_opened(
            t_md("compare.page.glance_closed", count=len(shown)), key="glance"
        ) as opened:
            if opened:
                glance_table(run, shown)
    link = url_state.options_link(content, shown, situation_id)
    with st.container(key="picture-links"):  # one pair: held together on a phone (page.css)
        say.page_link(shell.path("charts"), label=t_md("compare.page.to_charts"), query_params=link)
        say.page_link(
            shell.path("chances"),
            label=t_md("compare.page.to_chances"),
            query_params={**link, url_params.OPTION_PARAM: shown[0]},
        )
    # One Listen button reads every question's short answers, option by option.
    with listen.block("short-answers"):
        for question_id in content.questions["question_id"]:
            short_answer_block(run, question_id, shown, situation_id)

    # Each drawn only when opened, so that the page before anything is opened stays short.
    with say.drawn_when_opened(t_md("situation.evaluation.heading"), key="evaluation") as opened:
        if opened:
            say.caption(t_md("situation.evaluation.intro"))
            with st.container(key="grid-evaluation"):
                tables = situation.evaluation_tables(content, shown, situation_id)
                for kind, table in tables.items():
                    say.subheader(
                        t_md(f"situation.evaluation.kinds.{kind}"), anchor=f"evaluation-{kind}"
                    )
                    say.markdown(table)

    with say.drawn_when_opened(t_md("sources.heading"), key="sources") as opened:
        if opened:
            also = situation.cited(content, shown, situation_id) | offer.cited(content, shown)
            widgets.sources_list(compare.cited_sources(content, shown, also))


def glance_table(run: Run, shown: list[str]) -> None:
    """The chosen options at a glance: each quality's level for each option, as on Charts; the
    rows of other people's levels set apart under the note that says whose they are."""
    rated = ratings.rated(run.content, shown, run.situation_id)
    first, apart = ratings.glance_parts(rated)
    with st.container(key="glance-parts"):  # its note in tighter lines on a phone (page.css)
        widgets.table(first, hide_index=True)
        note = ratings.other_group_note(rated)  # whose studies the marked levels are
        if note:
            say.caption(note)
        if apart is not None:
            widgets.table(apart, hide_index=True)


def short_answer_block(run: Run, question_id: str, shown: list[str], situation_id: str) -> None:
    """One question: its heading, each option's short answer and whose numbers they are as one
    element, then the full answers one click away (drawn only when opened: they are long). Two
    elements a question, for the server's work a run, and close together, to fit a phone."""
    say.markdown(widgets.question_block(run.content, situation_id, question_id, tuple(shown)))
    with say.drawn_when_opened(
        t_md("compare.page.full_answers"), key=f"full-{question_id}", type="compact"
    ) as opened:
        if opened:
            full_answers(run, question_id, shown, situation_id)


def full_answers(run: Run, question_id: str, shown: list[str], situation_id: str) -> None:
    """One question's full answers as one table (each option's paragraph on every group's studies,
    under the short answers that quote people in the situation: explorer/lead.py below_short),
    then the numbers from studies of other groups of people, set apart, each with whose they
    are."""
    content = run.content
    # Each claim about people in the situation was just read in the short answers above.
    rows = lead.below_short(lead.rows(content, shown, situation_id))
    row = next(row for row in rows if row.question_id == question_id)
    with listen.block(f"answers-{question_id}"):  # read option by option
        say.markdown(row.table)
    others = lead.within_shown(
        content, short_answers.other_groups(content, question_id, shown, situation_id), shown
    )
    if others:
        with st.container(border=True, key=f"other-groups-{question_id}"):
            widgets.label(t("compare.page.other_groups"), key=f"other-groups-{question_id}")
            for chance in others:
                st.text("\n".join([chance.option_name, *chance.sentences()]))
                say.caption(plain(chance.whose_line(situation_id)))


def render(run: Run) -> None:
    content, consult = run.content, run.consult
    if consult:
        with st.container(key="title-row", horizontal=True, vertical_alignment="center"):
            say.title(t_md("pages.compare.title"))
            # Beside the title, so that each question still fits the shared screen.
            widgets.get_help_now(content, as_button=True)
        url_state.situation_chooser(content)  # one click, at the top
    else:  # how to read the page, for whoever wants it: the comparison comes first
        say.title(t_md("pages.compare.title"))
        with say.drawn_when_opened(t_md("compare.page.how_to_read"), key="how-to-read") as opened:
            if opened:  # drawn only when opened: every run would send it
                listen.page_copy("compare.md")
    options_part()


shell.show("compare", render)
