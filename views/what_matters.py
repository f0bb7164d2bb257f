"""What matters to you: rate what matters, see how options line up, check understanding, SURE."""

import streamlit as st

from explorer import charts, decide
from explorer.markdown import link, plain
from explorer.ui import chart_cache, listen, say, shell, url_state, widgets
from explorer.ui.runtime import Run
from explorer.words import t, t_md

# The leaning question's place on the page: the link at the top goes down to it (5th review, 2).
LEANING = "leaning"

# Each part reruns on its own when one of its answers changes (shell.part): a click redraws that
# part, not the whole page. Answers live in the session, so the summary sees them.


@shell.part
def ratings_part(run: Run, shown: list[str]) -> None:
    content, answers = run.content, widgets.person_answers(run.content)
    say.header(t_md("what_matters.rate"))
    for statement in content.statements.itertuples():
        widgets.remembered_choice(
            statement.statement,
            range(len(decide.IMPORTANCE)),
            answers.ratings,
            statement.statement_id,
            key_prefix="rate",
            format_func=decide.importance_words,
        )

    say.header(t_md("what_matters.alignment"))
    listen.page_copy("alignment.md")
    alignment = decide.alignment(content, shown, answers.ratings, run.situation_id)
    if alignment.empty:
        say.info(t_md("what_matters.rate_first"))
    else:
        note = decide.alignment_note(content, shown, answers.ratings, run.situation_id)
        if note:  # what its marks mean, before the first marked cell (8th review N4)
            say.caption(plain(note))
        chart_cache.chart(
            charts.alignment_chart, alignment, alt_text=decide.alignment_alt(alignment)
        )
        widgets.table(decide.alignment_table(alignment), hide_index=True)
    with say.expander(t_md("what_matters.rules")):
        widgets.table(decide.fit_rules(content), hide_index=True)


@shell.part
def quiz_part(run: Run, situation_id: str, shown: list[str]) -> None:
    content, answers = run.content, widgets.person_answers(run.content)
    say.header(t_md("what_matters.quiz"))
    for item in decide.quiz_items(content, shown, situation_id).itertuples():
        choice = widgets.remembered_choice(
            item.statement,
            decide.QUIZ_CHOICES,
            answers.quiz,
            item.item_id,
            key_prefix="quiz",
            format_func=decide.quiz_answer_words,
        )
        if choice is not None:
            feedback = decide.quiz_feedback(content, item.item_id, choice)
            alert = {True: say.success, False: say.warning, None: say.info}[feedback.correct]
            alert(plain(feedback.with_sources()))


@shell.part
def sure_part(run: Run) -> None:
    answers = widgets.person_answers(run.content)
    say.header(t_md("what_matters.sure"))
    listen.page_copy("sure.md")
    if not decide.sure_validated():
        say.info(t_md("decide.sure.not_validated"))
    for item_id in decide.SURE_ITEMS:
        widgets.remembered_choice(
            decide.sure_question(item_id),
            decide.YES_NO,
            answers.sure,
            item_id,
            key_prefix="sure",
            format_func=decide.yes_no_words,
        )
    sure = decide.sure_result(answers.sure)
    if sure.talk_more:
        say.warning(t_md("decide.sure.talk_more"))
    elif sure.complete:
        say.success(t_md("decide.sure.ready"))


@shell.part
def leaning_part(run: Run, shown: list[str]) -> None:
    say.header(t_md("what_matters.leaning"), anchor=LEANING)
    widgets.leaning_choice(run.content, shown)


def render(run: Run) -> None:
    content = run.content
    say.title(t_md("pages.what_matters.title"))
    listen.page_copy("what_matters.md")
    # The last step is 4 to 6 phone screens down once the ratings are open: one tap reaches it,
    # for a person who comes to say which way they lean (the same question, the same answer).
    say.markdown(link(t("what_matters.to_leaning"), f"#{LEANING}"))
    situation_id, shown = url_state.showing(content)
    ratings_part(shown)
    quiz_part(situation_id, shown)
    sure_part()

    say.header(t_md("what_matters.questions"))
    questions = decide.questions_to_ask(content, shown, situation_id)
    st.text("\n".join("• " + question for question in questions))
    leaning_part(shown)

    say.page_link(
        shell.path("summary"),
        label=t_md("what_matters.to_summary"),
        query_params=url_state.carried_params(),
    )


shell.show("what_matters", render)
