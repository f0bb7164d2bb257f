"""What matters to you: rate what matters, see how options line up, check understanding, SURE."""

import streamlit as st

from explorer import charts, decide, words
from explorer.text import plain
from explorer.ui import chart_cache, shell, url_state, widgets
from explorer.words import t

content = shell.start_page("what_matters")
answers = widgets.person_answers(content)

st.title(t("pages.what_matters.title"))
st.markdown(words.markdown_file("what_matters.md"))
shown = url_state.option_picker(content)

st.header("1. How important is each of these to you?")
for statement in content.statements.itertuples():
    widgets.remembered_choice(
        statement.statement,
        range(len(decide.IMPORTANCE)),
        answers.ratings,
        statement.statement_id,
        key_prefix="rate",
        format_func=decide.IMPORTANCE.__getitem__,
    )

st.header("2. How the options line up with what matters to you")
st.markdown(words.markdown_file("alignment.md"))
alignment = decide.alignment(content, shown, answers.ratings)
if alignment.empty:
    st.info("Rate at least one thing as quite or very important to see how the options line up.")
else:
    chart_cache.chart(charts.alignment_chart, alignment, alt_text=decide.alignment_alt(alignment))
    widgets.table(decide.alignment_table(alignment), hide_index=True)
with st.expander("The rules: which levels line up well, partly or poorly"):
    widgets.table(decide.fit_rules(content), hide_index=True)

st.header("3. Check your understanding")
for item in content.quiz.itertuples():
    choice = widgets.remembered_choice(
        item.statement, decide.QUIZ_CHOICES, answers.quiz, item.item_id, key_prefix="quiz"
    )
    feedback = decide.quiz_feedback(content, item.item_id, choice)
    if feedback is not None:
        say = st.success if feedback.correct else st.warning
        say(
            plain(
                ("Right. " if feedback.correct else "Not quite. ")
                + feedback.explanation
                + f" (Sources: {feedback.source_ids})"
            )
        )
    elif choice == "Not sure":
        st.info(plain(f"{item.explanation} (Sources: {item.source_ids})"))

st.header("4. Are you ready to decide?")
st.markdown(words.markdown_file("sure.md"))
for item_id, question in decide.SURE_ITEMS:
    widgets.remembered_choice(question, decide.YES_NO, answers.sure, item_id, key_prefix="sure")
sure = decide.sure_result(answers.sure)
if sure.talk_more:
    st.warning(
        "You answered 'No' to at least one question. That is common. Talk it through with your clinician before you decide."
    )
elif sure.complete:
    st.success(
        "You answered 'Yes' to all four. You may feel ready to talk about a choice with your clinician."
    )

st.header("5. Questions to ask your clinician")
st.text("\n".join("• " + question for question in decide.questions_to_ask(content, shown)))

st.page_link(
    shell.path("summary"),
    label="See, print or download your summary →",
    query_params=url_state.carried_params(),
)

shell.footer(content)
