"""Charts: the qualitative attributes of every option (effort, recovery, how sure we are)."""

import streamlit as st

from explorer import charts, ratings, url_params, words
from explorer.markdown import plain
from explorer.ui import chart_cache, shell, url_state, widgets
from explorer.ui.runtime import Run
from explorer.words import t


def render(run: Run) -> None:
    content = run.content
    st.title(t("pages.charts.title"))
    st.markdown(words.markdown_file("charts.md"))

    shown = url_state.chosen_options(content, url_state.situation_chooser(content))
    rated = ratings.rated(content, shown)

    st.header(t("charts.page.glance_heading"), anchor="glance")
    st.caption(t("charts.page.glance_caption"))
    chart_cache.chart(charts.overview_grid, rated, alt_text=charts.overview_alt(rated))
    widgets.table(ratings.glance_table(rated), hide_index=True)
    with st.expander(t("charts.rules_expander")):
        widgets.table(ratings.rules_table(content), hide_index=True)

    st.header(t("charts.page.one_thing_heading"), anchor="one-thing")
    attribute_id = url_state.pick_one(
        t("charts.page.one_thing_picker"),
        ratings.attribute_names(content),
        url_params.ATTRIBUTE_PARAM,
        default=ratings.first_pick(content),
    )
    st.caption(plain(ratings.description(content, attribute_id)))
    st.caption(plain(ratings.rule(content, attribute_id)))
    st.caption(t("charts.page.one_thing_caption"))
    ranked = ratings.ranked(rated, attribute_id)
    chart_cache.chart(
        charts.attribute_chart,
        ranked,
        ratings.scale(content, attribute_id),
        alt_text=charts.attribute_alt(ranked),
    )
    widgets.table(ratings.attribute_table(ranked), hide_index=True)

    st.header(t("charts.page.recovery_heading"), anchor="recovery")
    st.markdown(words.markdown_file("charts_recovery.md"))
    for milestone in ratings.MILESTONES:
        recovery = ratings.recovery(content, rated, milestone)
        st.subheader(t("charts.page.back_to", milestone=ratings.milestone_name(milestone)))
        chart_cache.chart(
            charts.recovery_chart,
            recovery,
            milestone,
            alt_text=charts.recovery_alt(recovery, milestone),
        )
        widgets.table(ratings.recovery_table(recovery), hide_index=True)


shell.show("charts", render)
