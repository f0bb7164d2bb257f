"""Your disc: a labelled picture of a lower-back disc, what can go wrong with it, and which
options are aimed at each problem, with how common scan findings are in people without pain."""

import streamlit as st

from explorer import anatomy, charts, url_params
from explorer.markdown import plain
from explorer.ui import chart_cache, listen, say, shell, url_state, widgets
from explorer.ui.runtime import Run
from explorer.words import t, t_md


def render(run: Run) -> None:
    content = run.content
    say.title(t_md("pages.anatomy.title"))
    intro = listen.page_copy("anatomy.md")

    # The state shown is kept in the address (?state=herniation) so that a shared link opens it.
    state = url_state.pick_one(
        t_md("anatomy.page.state_picker"),
        dict(zip(content.anatomy_states["state_id"], content.anatomy_states["name"])),
        url_params.STATE_PARAM,
        radio=True,
    )
    text = anatomy.state_text(content, state)

    top, side = st.columns(2)
    top.image(anatomy.top_view_svg(state), alt=anatomy.top_view_title(state), width="stretch")
    side.image(anatomy.side_view_svg(state), alt=anatomy.side_view_title(state), width="stretch")
    say.markdown(
        t_md("anatomy.page.pictures_show", description=anatomy.pictures_description(state))
    )

    about, options = st.columns(2)
    with about:
        say.header(plain(text.name), anchor="state")
        with listen.block(f"state-{state}"):
            st.text(text.what_it_is)
            say.caption(plain(text.evidence))
        if anatomy.look(state).herniation:  # the state drawn with gel pushing out
            st.image(
                anatomy.herniation_types_svg(),
                alt=t("anatomy.herniation_types.title"),
                width="stretch",
            )
            say.caption(t_md("anatomy.herniation_types.description"))
    with options:
        say.header(t_md("anatomy.page.options_heading"), anchor="options")
        st.text(text.options_note)
        # The list follows the person's situation and the one fit rule, as Compare does.
        aimed = anatomy.state_options(content, state, run.situation_id)
        if aimed.situation_line:
            say.caption(plain(aimed.situation_line))
        widgets.label(t("anatomy.page.options_list", names=aimed.names), key="state-options")
        if aimed.set_apart:
            say.caption(plain(t("anatomy.page.set_apart", options=" ".join(aimed.set_apart))))
        say.page_link(
            shell.path("compare"),
            label=text.compare_label,
            query_params=url_state.options_link(content, list(text.option_ids), run.situation_id),
            icon=":material/arrow_forward:",
        )

    say.header(t_md("anatomy.page.scans_heading"), anchor="scan-findings")
    scans = listen.page_copy("anatomy_scans.md")
    findings = content.scan_findings
    # The table under the chart, at full width: its headers are the findings' names, which
    # are longer in some languages than a side column allows.
    chart_cache.chart(charts.findings_chart, findings, alt_text=anatomy.findings_alt(findings))
    widgets.table(anatomy.findings_table(findings), hide_index=True)
    say.caption(t_md("anatomy.page.scans_caption", evidence=anatomy.findings_evidence(findings)))

    say.header(t_md("anatomy.page.course_heading"), anchor="natural-course")
    course = listen.page_copy("anatomy_course.md")

    say.header(t_md("sources.heading"), anchor="sources")
    widgets.sources_list(anatomy.cited_sources(content, [intro, scans, course]))


shell.show("anatomy", render)
