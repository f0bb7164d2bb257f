"""Your disc: a labelled picture of a lower-back disc, what can go wrong with it, and which
options are aimed at each problem, with how common scan findings are in people without pain."""

import streamlit as st

from explorer import anatomy, url_params, words
from explorer.text import plain
from explorer.ui import chart_cache, shell, widgets
from explorer.words import t

content = shell.start_page("anatomy")
st.title(t("pages.anatomy.title"))
intro = words.markdown_file("anatomy.md")
st.markdown(intro)

# The state shown is kept in the address (?state=herniation) so that a shared link opens it.
known = anatomy.state_ids(content)
names = dict(zip(content.anatomy_states["state_id"], content.anatomy_states["name"]))
if "disc_state" not in st.session_state:
    st.session_state["disc_state"] = anatomy.state_from_url(
        st.query_params.get(url_params.STATE_PARAM), known
    )
state = st.radio(
    "Choose what the pictures show",
    known,
    format_func=lambda state_id: plain(names[state_id]),
    key="disc_state",
    horizontal=True,
)
st.query_params[url_params.STATE_PARAM] = state
text = anatomy.state_text(content, state)

top, side = st.columns(2)
top.image(anatomy.top_view_svg(state), alt=anatomy.top_view_title(state), width="stretch")
side.image(anatomy.side_view_svg(state), alt=anatomy.side_view_title(state), width="stretch")
st.markdown(f"**What the pictures show.** {anatomy.pictures_description(state)}")

about, options = st.columns(2)
with about:
    st.header(plain(text.name), anchor="state")
    st.text(text.what_it_is)
    st.caption(plain(text.evidence))
    if anatomy.look(state).herniation:  # the state drawn with gel pushing out
        st.image(
            anatomy.herniation_types_svg(), alt=anatomy.HERNIATION_TYPES_TITLE, width="stretch"
        )
        st.caption(anatomy.HERNIATION_TYPES_DESCRIPTION)
with options:
    st.header("Options aimed at this", anchor="options")
    st.text(text.options_note)
    widgets.label(f"Options: {text.option_names}", key="state-options")
    st.page_link(
        shell.path("compare"),
        label=text.compare_label,
        query_params=text.compare_params,
        icon=":material/arrow_forward:",
    )

st.header("Scan findings are common in people without back pain", anchor="scan-findings")
scans = words.markdown_file("anatomy_scans.md")
st.markdown(scans)
findings = content.scan_findings
chart, table = st.columns([3, 2])
with chart:
    chart_cache.chart(anatomy.findings_chart, findings, alt_text=anatomy.findings_alt(findings))
with table:
    widgets.table(anatomy.findings_table(findings), hide_index=True)
    st.caption(plain("Out of 100 pain-free people, by age. " + anatomy.findings_evidence(findings)))

st.header("What usually happens with time", anchor="natural-course")
course = words.markdown_file("anatomy_course.md")
st.markdown(course)

st.header("Sources", anchor="sources")
widgets.sources_table(anatomy.cited_sources(content, [intro, scans, course]))

shell.footer(content)
