"""Charts: the qualitative attributes of every option (effort, recovery, how sure we are)."""

import streamlit as st

from explorer import charts, frame, ratings, url_params, words
from explorer.text import plain
from explorer.words import t

content = frame.start_page("Charts")
st.title("Charts: effort, recovery and evidence")
st.markdown(words.markdown_file("charts.md"))

shown = frame.chosen_options(content, "charts")
rated = ratings.rated(content, shown)

st.header("Everything at a glance", anchor="glance")
st.caption(
    "Lighter shading: a lighter burden, or surer evidence. Darker: a heavier burden, or less sure evidence."
)
frame.chart(charts.overview_grid, rated, alt_text=charts.overview_alt(rated))
frame.table(ratings.glance_table(rated), hide_index=True)
with st.expander(t("charts.rules_expander")):
    frame.table(ratings.rules_table(content), hide_index=True)

st.header("One thing at a time", anchor="one-thing")
attribute_id = frame.pick_one(
    "What do you want to compare?",
    ratings.attribute_names(content),
    url_params.ATTRIBUTE_PARAM,
    default=ratings.FIRST_PICK,
)
st.caption(plain(ratings.description(content, attribute_id)))
st.caption(plain(ratings.rule(content, attribute_id)))
st.caption(
    "Each row shows the whole scale, the lighter burden on the left. The lightest options come first."
)
ranked = ratings.ranked(rated, attribute_id)
frame.chart(
    charts.attribute_chart,
    ranked,
    ratings.scale(content, attribute_id),
    alt_text=charts.attribute_alt(ranked),
)
frame.table(ratings.attribute_table(ranked), hide_index=True)

st.header("Time until back to usual activities and work", anchor="recovery")
st.markdown(words.markdown_file("charts_recovery.md"))
for milestone in ratings.MILESTONE_NAMES:
    recovery = ratings.recovery(content, rated, milestone)
    st.subheader(f"Back to {ratings.MILESTONE_NAMES[milestone]}")
    frame.chart(
        charts.recovery_chart,
        recovery,
        milestone,
        alt_text=charts.recovery_alt(recovery, milestone),
    )
    frame.table(ratings.recovery_table(recovery), hide_index=True)

frame.footer(content)
