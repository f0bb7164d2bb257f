"""Take-home summary: everything in one printable page, a PDF, a note and a share link."""

import streamlit as st

from explorer import charts, decide, handout, words
from explorer.text import plain
from explorer.ui import chart_cache, shell, url_state, widgets
from explorer.words import t

content = shell.start_page("summary")
answers = widgets.person_answers(content)

st.title(t("pages.summary.title"))
with st.container(key="controls-intro"):
    st.markdown(words.markdown_file("summary.md"))
    shown = url_state.chosen_options(content, with_notes=False)  # the notes come below
summary = decide.summary(content, shown, answers)
st.info(decide.NOT_A_RECOMMENDATION)

st.header("The options you looked at")
st.text(", ".join(summary.option_names) + ".")
for note in summary.notes:
    st.warning(plain(note))
widgets.get_help_now(content)

st.header("What matters to you")
if summary.priorities:
    widgets.table(decide.priorities_table(summary), hide_index=True)
else:
    st.text("You have not rated anything yet. You can do that on the 'What matters to you' page.")
if not summary.alignment.empty:
    st.subheader("How the options line up with what you rated important")
    chart_cache.chart(
        charts.alignment_chart, summary.alignment, alt_text=decide.alignment_alt(summary.alignment)
    )
    with st.container(key="screen-only-alignment"):  # on paper the chart's words carry it
        widgets.table(decide.alignment_table(summary.alignment), hide_index=True)

# Charts cannot break across sheets: they come before the long rows of text, which can.
st.header("Help, harms and how sure we are")
with st.container(
    key="dense-rows"
):  # smaller type on paper: three options fit two sheets (the PDF fits five)
    for row in summary.rows:
        st.subheader(plain(row.question))
        for cell, cell_column in zip(row.cells, st.columns(len(row.cells))):
            with cell_column:
                widgets.answer(cell, f"summary-{row.question_id}-{cell.option_id}")

right, total = summary.quiz_score
st.header(f"Check your understanding: {right} of {total} right")
widgets.table(decide.quiz_table(summary), hide_index=True)

st.header("Are you ready to decide? (SURE test)")
st.text(summary.sure.summary() + ".")
if summary.sure.talk_more:
    st.warning(
        "At least one answer was 'No'. Talk it through with your clinician before you decide."
    )

st.header("Questions to ask your clinician")
st.text("\n".join("• " + question for question in summary.questions))

st.header("Sources")
with st.container(key="screen-only-citations"):
    st.text("\n".join(decide.citations(summary)))
with st.container(key="print-only-citations"):  # on paper one flowing paragraph saves a page
    st.text(decide.CITATION_GAP.join(decide.citations(summary)))

with st.container(key="controls-share"):
    st.header("Take it with you")
    st.download_button(
        "Download this summary as a PDF",
        data=lambda: handout.summary_pdf(summary),  # made only when clicked, not on every run
        file_name="disc-treatment-summary.pdf",
        mime="application/pdf",
    )
    st.subheader("Note for the medical record")
    st.caption("For your clinician: plain text to copy into the record (under 1,000 characters).")
    st.code(decide.record_note(content, shown, answers), language=None, wrap_lines=True)
    st.subheader("Link to this view")
    include = st.checkbox(
        "Put my ratings and answers in the link",
        help="Off by default. Anyone with the link will see them. Nothing else about you is ever in it.",
    )
    page_url = st.context.url or "/summary"  # no address outside a browser (AppTest)
    st.code(
        decide.share_url(
            page_url,
            shown,
            list(content.option_names()),
            url_state.in_consult_mode(),
            answers,
            include,
        ),
        language=None,
        wrap_lines=True,
    )

shell.footer(content)
