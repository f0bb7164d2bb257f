"""Take-home summary: everything in one printable page, a PDF, a note and a share link."""

import streamlit as st

from explorer import charts, decide, handout, situation
from explorer.fhir import bundle
from explorer.markdown import plain
from explorer.ui import chart_cache, listen, record, runtime, say, shell, url_state, widgets
from explorer.ui.runtime import Run
from explorer.words import t, t_md


def render(run: Run) -> None:
    content = run.content
    answers = widgets.person_answers(content)

    say.title(t_md("pages.summary.title"))
    with st.container(key="controls-intro"):
        listen.page_copy("summary.md")
        # The set-apart lines come below, with the situation.
        situation_id, shown = url_state.showing(content, set_apart_box=False)
        url_state.at_least_one(shown)
    summary = decide.summary(content, shown, answers, situation_id)
    say.info(t_md("decide.not_a_recommendation"))

    say.header(t_md("situation.heading"))
    st.text("\n".join(summary.situation))

    say.header(t_md("summary.options"))
    st.text(", ".join(summary.option_names) + ".")
    for note in summary.notes:
        say.warning(plain(note))
    widgets.get_help_now(content)

    say.header(t_md("summary.what_matters"))
    if summary.priorities:
        widgets.table(decide.priorities_table(summary), hide_index=True)
    else:
        st.text(t("summary.not_rated"))
    if not summary.alignment.empty:
        say.subheader(t_md("summary.alignment"))
        chart_cache.chart(
            charts.alignment_chart,
            summary.alignment,
            alt_text=decide.alignment_alt(summary.alignment),
        )
        with st.container(key="screen-only-alignment"):  # on paper the chart's words carry it
            widgets.table(decide.alignment_table(summary.alignment), hide_index=True)

    # Charts cannot break across sheets: they come before the long rows of text, which can.
    say.header(t_md("summary.rows"))
    with st.container(
        key="dense-rows"
    ):  # smaller type on paper: three options fit two sheets (the PDF fits five)
        for row in summary.rows:
            say.subheader(plain(row.question))
            with listen.block(f"answers-{row.question_id}"):  # read option by option
                for cell, cell_column in zip(row.cells, st.columns(len(row.cells))):
                    with cell_column:
                        widgets.answer(cell, f"summary-{row.question_id}-{cell.option_id}")

    right, total = summary.quiz_score
    say.header(t_md("decide.quiz.score", right=right, total=total))
    widgets.table(decide.quiz_table(summary), hide_index=True)

    say.header(t_md("summary.sure"))
    st.text(summary.sure.summary())
    if summary.sure.talk_more:
        say.warning(t_md("decide.sure.talk_more"))

    say.header(t_md("summary.questions"))
    st.text("\n".join("• " + question for question in summary.questions))

    say.header(t_md("summary.sources"))
    with st.container(key="published-citations"):  # in the language they are published in
        with st.container(key="screen-only-citations"):
            st.text("\n".join(decide.citations(summary)))
        with st.container(key="print-only-citations"):  # on paper one paragraph saves a page
            st.text(decide.CITATION_GAP.join(decide.citations(summary)))

    with st.container(key="controls-share"):
        say.header(t_md("summary.take_away"))
        say.download_button(
            t_md("summary.download"),
            # Made only when clicked, not on every run; on another thread, in this run's language.
            data=runtime.callback(lambda: handout.summary_pdf(summary)),
            file_name="disc-treatment-summary.pdf",
            mime="application/pdf",
        )
        say.subheader(t_md("summary.note"))
        say.caption(t_md("summary.note_help"))
        st.code(
            decide.record_note(content, shown, answers, situation_id),
            language=None,
            wrap_lines=True,
        )
        say.download_button(
            t_md("record.download"),
            data=runtime.callback(
                lambda: bundle.bundle_file(content, shown, answers, situation_id)
            ),
            file_name="disc-treatment-record.fhir.json",
            mime=bundle.MIME,
            key="download-fhir",
            help=t_md("record.download_help"),
        )
        record.file_note_button(content, shown, answers, situation_id)
        say.subheader(t_md("summary.link"))
        include = say.checkbox(t_md("summary.link_answers"), help=t_md("summary.link_answers_help"))
        page_url = st.context.url or "/summary"  # no address outside a browser (AppTest)
        st.code(
            decide.share_url(
                page_url,
                shown,
                list(content.option_names()),
                run.consult,
                answers,
                include,
                situation_id,
                situation.aimed_options(content, situation_id),
            ),
            language=None,
            wrap_lines=True,
        )


shell.show("summary", render)
