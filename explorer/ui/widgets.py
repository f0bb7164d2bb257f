"""Widgets and tables every page uses: CSV text shown as typed, the person's own answers, the
warning signs, the sources."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd
import pyarrow as pa
import streamlit as st

from explorer import compare, decide, safety, short_answers, words
from explorer.data import Content
from explorer.markdown import Md, plain
from explorer.memo import kept
from explorer.text import cards, plain_table
from explorer.ui import listen, runtime, say
from explorer.words import t, t_md


def answer(cell: compare.Cell, label_key: str | None) -> None:
    """One option's answer to one question, each part with its evidence line (a claim about
    people in the reader's situation first, where there is one: explorer/lead.py); labelled with
    the option's name unless `label_key` is None (when the names head the columns instead)."""
    if label_key is not None:
        label(cell.option_name, key=label_key)
    for part in cell.parts():
        st.text(part.labelled())
        say.caption(plain(part.note))


def short_answer(short: short_answers.Short | None, cell: compare.Cell) -> None:
    """Consult mode: one option's short answer, the one a person in the chosen situation reads on
    a phone, with how sure we are and its sources; the full answer with its evidence line one
    click away (an expander: a button for the keyboard). An option with no short answer yet (a
    clinic's new one) shows its answer's key points, each with its sources."""
    if short is None:
        say.markdown(cell.key_point_list())
        say.caption(plain(cell.certainty_line()))
    else:
        st.text(short.text)
        say.caption(plain(short.evidence_line()))
    with say.expander(t_md("compare.full_answer")):
        answer(cell, None)


def get_help_now(content: Content, as_button: bool = False) -> None:
    """The warning signs that need urgent care and what to do, on every page where a person
    weighs the options: on screen and on paper. As a button, it opens the same list: for the
    consult comparison, where every question must fit the shared screen."""
    groups = safety.warning_groups(content)
    if as_button:
        with say.popover(
            t_md("get_help.title"),
            type="primary",
            icon=":material/emergency:",
            help=t_md("get_help.consult_help"),
        ):
            _warning_signs(content, groups)
        return
    with st.container(border=True, key="get-help-now"):
        say.header(t_md("get_help.title"), anchor="get-help-now")
        _warning_signs(content, groups)


def get_help_banner(content: Content) -> None:
    """A compact "Get help now" strip at the top of a page, which opens the full list of
    warning signs: drawn only once opened, so a run that leaves it closed sends one line."""
    # Opening it reruns the whole page: a rare click, and no part's work on every run.
    with say.drawn_when_opened(
        t_md("get_help.banner"), key="get-help-open", icon=":material/emergency:"
    ) as opened:
        if opened:
            _warning_signs(content, safety.warning_groups(content))


def _warning_signs(content: Content, groups: list[safety.WarningGroup]) -> None:
    with listen.block("get-help"):
        st.text(t("get_help.intro"))
        # First: every action below names the clinic's country's numbers.
        say.warning(plain(safety.elsewhere_line(content)))
        for group in groups:
            say.markdown(safety.signs_markdown(group))
            say.error(plain(group.action))
    say.caption(plain(safety.sources_line(groups)))


def label(text: str, key: str) -> None:
    """CSV text as a bold label: shown with st.text, made bold by the author-written style."""
    with st.container(key=f"label-{key}"):
        st.text(text)


def table(data: pd.DataFrame, **options) -> None:
    """st.table with every cell shown as typed (st.table alone renders cells as Markdown). Use it
    for every table: its cells usually come from the CSV files. Right after it, the same rows as
    cards (its row labels left out), which page.css shows instead of the table below 600 px:
    a table of five or seven columns cannot fit a phone's width readably."""
    st.table(escaped_arrow(data), **options)  # noqa: TID251 (every cell escaped)
    say.markdown(table_cards(data))


@kept
def table_cards(data: pd.DataFrame) -> Md:
    return cards(data)


@kept
def escaped_arrow(data: pd.DataFrame) -> pa.Table:
    """The table as Streamlit sends it (Arrow), every cell escaped, made once for a kept table
    rather than on every run (escaping and pandas to Arrow took over a millisecond a table)."""
    return pa.Table.from_pandas(plain_table(data))


def person_answers(content: Content) -> decide.Answers:
    """The person's own answers, kept in this browser session only (never on disk, never
    logged). A share link the person chose to fill with their answers seeds them once."""
    if "answers" not in st.session_state:
        params = {key: st.query_params.get_all(key) for key in st.query_params}
        st.session_state["answers"] = decide.answers_from_params(content, params)
    return st.session_state["answers"]


def remembered_choice(
    label: str,
    choices,
    store: dict,
    item_id: str,
    key_prefix: str,
    format_func: Callable[[Any], str],
):
    """A radio whose answer is kept in `store` (part of the person's answers), so it
    survives moving between pages. Its label and the words of each choice (`format_func`) are
    plain text, CSV text too, shown as typed."""
    key = f"{key_prefix}-{item_id}"

    def remember() -> None:
        if st.session_state[key] is None:
            store.pop(item_id, None)
        else:
            store[item_id] = st.session_state[key]

    current = store.get(item_id)
    return say.radio(
        plain(label),
        choices,
        index=list(choices).index(current) if current in choices else None,
        key=key,
        on_change=runtime.callback(remember),
        horizontal=True,
        format_func=lambda choice: plain(format_func(choice)),
    )


def leaning_choice(content: Content, shown: list[str]) -> None:
    """Asks "which option are you leaning towards?": the options shown, then "not sure yet", kept in
    the person's answers as a code (an option id or decide.NOT_SURE_YET). One under the other:
    option names are long, and each is a large target on a phone."""
    answers = person_answers(content)
    choices = decide.leaning_choices(content, shown)
    key = "leaning"

    def remember() -> None:
        answers.leaning = st.session_state[key]

    say.radio(
        t_md("decide.leaning.question"),
        choices,
        index=choices.index(answers.leaning) if answers.leaning in choices else None,
        key=key,
        on_change=runtime.callback(remember),
        format_func=lambda choice: plain(decide.leaning_words(content, choice)),
        help=t_md("decide.leaning.help"),
    )


def sources_list(sources: pd.DataFrame) -> None:
    """A list of sources (from compare.source_table) whose links open in the browser."""
    if words.current_language() != words.LANGUAGE:  # citations are not translated
        say.caption(t_md("sources.published_language"))
    # Marked with the language they are published in, for screen readers (shell.py's script).
    with st.container(key="published-sources"):
        say.markdown(compare.source_list(sources))


@kept  # every run draws every question: its words are worked out once
def question_block(content: Content, situation_id: str, question_id: str, shown: tuple) -> Md:
    """One Compare question as one Markdown element (one message a run, not one per line): its
    heading, each option's short answer, then whose numbers they are, in small print."""
    question = content.questions.set_index("question_id").at[question_id, "question"]
    shorts = short_answers.for_question(content, situation_id, question_id, shown)
    return Md("\n\n").join(
        [Md("### ") + plain(question), shorts_with_whose(content, shorts, situation_id)]
    )


def shorts_with_whose(
    content: Content, shorts: Sequence[short_answers.Short], situation_id: str
) -> Md:
    """Short answers as one list, then whose numbers they are, in small print (Compare's
    questions, and Chances' results about the reader's situation said in words)."""
    whose = short_answers.whose_lines(content, shorts, situation_id)
    return Md("\n\n").join(
        [
            _short_answer_list(shorts),
            *(Md(":small[:gray[") + plain(line) + Md("]]") for line in whose),
        ]
    )


def _short_answer_list(shorts: Sequence[short_answers.Short]) -> Md:
    """Each option's short answer as one Markdown list: its name, its words, how sure we are and
    its sources (CSV text escaped). An answer with a study's numbers says its certainty is of
    those numbers: the table at a glance grades the benefit over all the studies, another claim."""
    return Md("\n").join(
        Md("- ")
        + (
            t_md(
                "compare.short_answer_numbers" if short.of_numbers else "compare.short_answer",
                option=short.option_name,
                answer=short.text,
                certainty=compare.certainty_words(short.certainty),
                sources=", ".join(short.source_ids),
            )
            if short.source_ids
            else t_md(
                "compare.short_answer_unsourced",
                option=short.option_name,
                answer=short.text,
                certainty=compare.certainty_words(short.certainty),
            )
        )
        for short in shorts
    )
