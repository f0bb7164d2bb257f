"""Take-home summary: everything in one printable page, a PDF, a note and a share link."""

import streamlit as st

from explorer import charts, decide, handout, safety, situation, summary_card
from explorer.fhir import bundle
from explorer.markdown import plain
from explorer.ui import (
    chart_cache,
    listen,
    printing,
    record,
    runtime,
    say,
    shell,
    url_state,
    widgets,
)
from explorer.ui.runtime import Run
from explorer.words import t, t_md


def card(summary: decide.Summary) -> None:
    """One phone screen at the top: the situation, one number for each option, the person's top
    priorities, leaning and questions, the next step; Print and the PDF right there. Its words
    are one Markdown block (one element a run, not two a line); the rest is a link down."""
    with st.container(border=True, key="summary-card"):
        with st.container(key="controls-card", horizontal=True, vertical_alignment="center"):
            printing.button()
            download_pdf(summary)
        say.markdown(summary_card.markdown(summary))


def key_numbers(summary: decide.Summary) -> None:
    """Every option's key numbers, each with when and whose they are, where the card links."""
    say.header(t_md("summary.key_numbers"), anchor=summary_card.KEY_NUMBERS)
    say.markdown(summary_card.key_numbers(summary))


def download_pdf(summary: decide.Summary) -> None:
    say.download_button(
        t_md("summary.download"),
        # Made only when clicked, not on every run; on another thread, in this run's language.
        data=runtime.callback(lambda: handout.summary_pdf(summary)),
        file_name="disc-treatment-summary.pdf",
        mime="application/pdf",
        type="primary",
    )


def render(run: Run) -> None:
    content = run.content
    answers = widgets.person_answers(content)

    say.title(t_md("pages.summary.title"))
    # The set-apart lines come below, with the situation.
    situation_id, shown = url_state.showing(content, set_apart_box=False)
    url_state.at_least_one(shown)
    summary = decide.summary(content, shown, answers, situation_id)
    card(summary)
    key_numbers(summary)
    listen.page_copy("summary.md")
    say.info(t_md("decide.not_a_recommendation"))
    with st.container(border=True, key="get-help-now"):  # the short list; on paper too
        say.subheader(t_md("get_help.title"))
        lines = ["• " + line for line in safety.short_lines(summary.get_help)]
        st.text("\n".join([summary.get_help_elsewhere, *lines]))
        say.caption(t_md("get_help.short_more"))

    say.header(t_md("situation.heading"))
    st.text("\n".join(summary.situation))

    say.header(t_md("summary.options"))
    st.text(", ".join(summary.option_names) + ".")
    for note in summary.notes:
        say.warning(plain(note))

    say.header(t_md("summary.what_matters"))
    if summary.priorities:
        widgets.table(decide.priorities_table(summary), hide_index=True)
    else:
        st.text(t("summary.not_rated"))
    if not summary.alignment.empty:
        say.subheader(t_md("summary.alignment"))
        if summary.alignment_note:  # what its marks mean, above the chart as on What matters
            say.caption(plain(summary.alignment_note))
        chart_cache.chart(
            charts.alignment_chart,
            summary.alignment,
            alt_text=decide.alignment_alt(summary.alignment),
        )
        with st.container(key="screen-only-alignment"):  # on paper the chart's words carry it
            widgets.table(decide.alignment_table(summary.alignment), hide_index=True)

    say.header(t_md("summary.leaning"))
    st.text(summary.leaning)

    say.header(plain(decide.quiz_heading(summary)))
    widgets.table(decide.quiz_table(summary), hide_index=True)

    say.header(t_md("summary.sure"))
    st.text(summary.sure.summary())
    if summary.sure.talk_more:
        say.warning(t_md("decide.sure.talk_more"))

    say.header(t_md("summary.questions"), anchor=summary_card.QUESTIONS)
    st.text("\n".join("• " + question for question in summary.questions))

    # The evidence, closed on screen; on paper an expander's contents print only when open.
    with say.expander(t_md("summary.appendix")):
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

        say.header(t_md("summary.sources"))
        with st.container(key="published-citations"):  # in the language they are published in
            with st.container(key="screen-only-citations"):
                st.text("\n".join(decide.citations(summary)))
            with st.container(key="print-only-citations"):  # on paper one paragraph saves a page
                st.text(decide.CITATION_GAP.join(decide.citations(summary)))

    with st.container(key="controls-share"):
        say.header(t_md("summary.take_away"))
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
