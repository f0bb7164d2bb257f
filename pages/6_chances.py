"""Chances in numbers: pictures of 100 people for each outcome of the chosen option."""

import streamlit as st

from explorer import chances, charts, compare, frame, url_params, words
from explorer.text import plain

content = frame.start_page("Chances in numbers")
st.title("Chances: what happens to 100 people")
st.markdown(words.markdown_file("chances.md"))

every_chance = chances.all_chances(content)
zoom = charts.CONSULT_ZOOM if frame.in_consult_mode() else charts.SCREEN_ZOOM
names = content.option_names()
with st.container(key="controls-option"):  # on paper the headings name the option
    option_id = frame.pick_one("Which option do you want to see?", names, url_params.OPTION_PARAM)
for note in compare.notes(content, [option_id]):
    st.warning(plain(note))

# The same headings for every option, benefits first, so harms get the same space as benefits.
for kind, found in chances.by_kind(every_chance, option_id).items():
    st.header(plain(f"{chances.KIND_HEADINGS[kind]}: {names[option_id]}"), anchor=kind)
    if not found:
        st.text(chances.NOT_COUNTED)
    for chance in found:
        st.subheader(plain(chances.title(chance)), anchor=f"{kind}-{chance.outcome_id}")
        if chance.drawable:
            frame.chart(
                charts.icon_array,
                chance.counts,
                chance.outcome,
                zoom,
                alt_text=chance.alt_text(),
                fit_key=f"{kind}-{chance.outcome_id}",
            )
        else:
            st.text(chances.TOO_RARE)
        for line in chance.sentences():
            st.text(line)
        frame.table(chance.table(), hide_index=True)
        for line in chance.details():
            st.text(line)
        warning = chances.time_frame_warning(every_chance, chance)
        if warning:
            st.warning(plain(warning))
        st.caption(plain(chance.evidence()))

st.header("All the numbers in one table", anchor="all-numbers")
st.caption(
    "Every option, so you can compare. Check the time and who the people were before you compare two rows."
)
frame.table(chances.numbers_table(every_chance), hide_index=True)

st.header("Sources", anchor="sources")
frame.sources_table(chances.cited_sources(content, every_chance))

frame.footer(content)
