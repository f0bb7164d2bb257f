"""Chances in numbers: pictures of 100 people for each outcome of the chosen option."""

from functools import partial

import streamlit as st

from explorer import (
    chances,
    charts,
    compare,
    markdown,
    matched,
    offer,
    score_chart,
    short_answers,
    situation,
    speeds,
    url_params,
)
from explorer.data import Content
from explorer.markdown import Md, link, plain
from explorer.rules.vocabulary import HARM
from explorer.ui import chart_cache, listen, pictures, runtime, say, shell, url_state, widgets
from explorer.ui.offer_card import offer_cards
from explorer.ui.runtime import Run
from explorer.words import t, t_md


@shell.part(links=True)
def chances_part(run: Run) -> None:
    """The situation, the option and its chances: a change of either redraws only this."""
    content = run.content
    every_chance = chances.all_chances(content)
    zoom = charts.CONSULT_ZOOM if run.consult else charts.SCREEN_ZOOM
    names = content.option_names()
    with st.container(key="controls-option"):  # on paper the headings name the option
        situation_id, (option_id,) = url_state.showing(
            content, pick=_one_option, beside=partial(_beside, content, run.consult)
        )
    for note in compare.notes(content, [option_id]):
        say.warning(plain(note))
    offer_cards(content, [option_id], zoom)
    for fit in situation.set_apart(content, situation_id):
        if fit.option_id == option_id:
            say.warning(plain(fit.line()))
            say.caption(plain(fit.rule_line()))

    # The words name the control this mode shows: Change, or consult's list of options.
    mode = "_consult" if run.consult else ""
    beside = _beside(content, run.consult, situation_id, [option_id])
    if beside:  # the page shows their harms too: the line says so (6th review N4)
        others = chances.short_list(content, beside)
        say.caption(t_md("chances.page.one_option_beside", option=names[option_id], others=others))
    else:
        say.caption(t_md(f"chances.page.one_option{mode}", option=names[option_id]))
    # The options chosen (on Compare or by default for the situation).
    chosen = url_state.option_picker(content, situation_id, drawn=False)
    if not run.consult:  # a shared screen has the list of options in view
        _also_chosen(content, chosen, [option_id, *beside])

    # The same headings for every option, benefits first, so harms get the same space as benefits;
    # under each, what the study of people in the reader's situation found (in words, where it is
    # not "out of 100"), then their pictures. Other groups' numbers, the table of every number and
    # the sources are drawn only when opened: the page before anything is opened stays short.
    # Off a shared screen, each option said beside this one gets its own harms section in turn,
    # as the benefits show both, each one tap from the top (6th review N4). On a shared screen a
    # button views the other option instead: its bars stay above the fold.
    # The options being viewed: those chosen (on Compare or by default for the situation), the
    # one pictured and those beside it. Other options' numbers and times do not belong here.
    viewed = (*chosen, option_id, *beside)
    viewed_chances = [c for c in every_chance if c.option_id in viewed]
    shown = chances.by_kind(every_chance, option_id, situation_id)
    if HARM in shown and not run.consult:  # under a phone's 2 to 3 screens of benefit pictures
        _to_harms(content, [option_id, *beside])
    for heading, found in shown.items():
        if heading == chances.EVERYONE and not found.about:
            continue  # not one option's own heading: with the other groups, when there are any
        _section(run, every_chance, viewed_chances, situation_id, option_id, heading, found)
        if heading == HARM:
            for other in beside:
                harms = chances.by_kind(every_chance, other, situation_id)[HARM]
                _section(run, every_chance, viewed_chances, situation_id, other, HARM, harms, other)

    if any(found.others for found in shown.values()):
        with say.drawn_when_opened(t_md("chances.page.other_groups"), key="other-groups") as opened:
            if opened:
                for heading, found in shown.items():
                    if found.others:
                        say.subheader(
                            t_md(f"chances.page.heading.{heading}", option=names[option_id]),
                            anchor=f"{heading}-other-groups",
                        )
                    for chance in found.others:
                        _chance(viewed_chances, chance, situation_id, zoom)

    with say.drawn_when_opened(
        t_md("chances.page.all_numbers_heading"), key="all-numbers"
    ) as opened:
        if opened:
            say.caption(t_md("chances.page.all_numbers_caption"))
            _numbers(chances.numbers_tables(every_chance, viewed, situation_id), mode)

    with say.drawn_when_opened(t_md("sources.heading"), key="sources") as opened:
        if opened:
            also = offer.cited(content, [option_id])  # the card's, when it is shown
            widgets.sources_list(chances.cited_sources(content, every_chance, also))


def _also_chosen(content: Content, chosen: list[str], drawn: list[str]) -> None:
    """A button to view each option the person chose that the page does not draw (on Compare,
    or the home page's link for an option a clinic offered): one tap away, never left out
    without a word (11th review N3). It writes the address as _see_too's buttons do."""
    short = content.short_names()
    for other in chosen:
        if other not in drawn:
            _view_button(t_md("chances.page.see_chosen", option=short[other]), "see-chosen", other)


def _to_harms(content: Content, options: list[str]) -> None:
    """The link down to the harms: with options beside the pictured one, a link to each one's."""
    if len(options) == 1:
        say.markdown(link(t("chances.page.to_harms"), f"#{HARM}"))
        return
    short = content.short_names()
    links = Md(" · ").join(
        link(short[o], f"#{chances.section_anchor(HARM, o if i else '')}")
        for i, o in enumerate(options)
    )
    with st.container(key="to-harms"):
        say.markdown(t_md("chances.page.to_harms_each", options=links))


def _section(
    run: Run,
    every_chance: list,
    viewed_chances: list,
    situation_id: str,
    option_id: str,
    heading: str,
    found: chances.Shown,
    beside: str = "",
) -> None:
    """One option's heading: its study's result in words and bars, its pictures and how soon.
    `beside` names an option drawn beside the pictured one: its anchors and keys are its own."""
    content = run.content
    zoom = charts.CONSULT_ZOOM if run.consult else charts.SCREEN_ZOOM
    at = f"{beside}-" if beside else ""
    words = matched.in_words(content, situation_id, option_id).get(heading, [])
    named = chances.heading_names(content, option_id, words)  # both, when both are said
    say.header(
        t_md(f"chances.page.heading.{heading}", option=named),
        anchor=chances.section_anchor(heading, beside),
    )
    if heading == HARM and run.consult:  # the other options said beside this one: one tap
        _see_too(content, situation_id, option_id)
    scored = matched.scores(content, situation_id, option_id, heading) if words else []
    if words:
        # On a shared screen the bars come first, so the difference they show is on the first
        # screen at 1280x800 (4th review N5); elsewhere the words, as a phone reader finds them.
        for each in scored if run.consult else []:
            pictures.scores(each, score_chart.WORDS_ACROSS_WIDE)
        with st.container(key=f"in-words-{at}{heading}"):
            say.markdown(widgets.shorts_with_whose(content, words, situation_id))
        for each in [] if run.consult else scored:
            pictures.scores(each)
    if not found and not words:
        st.text(t("chances.not_counted"))
    # What the bars are and what is not drawn, in one note where it can be (4th review N4).
    for note in matched.notes(words, scored, chances.none_about(found, situation_id)):
        (say.info if note.boxed else say.caption)(t_md(note.key, **note.values))
    # Whose numbers, said once under a heading: not again over a picture (4th review N7).
    said = set(short_answers.whose_lines(content, words, situation_id))
    speed = speeds.speeds(content, every_chance, option_id, situation_id)
    for chance in found.about:
        for own in (s for s in speed[speeds.ABOUT] if s.chance == chance):
            _speed(own, speeds.ABOUT)  # how soon first, then the count at its later time
        _chance(viewed_chances, chance, situation_id, zoom, said, at)
    if words:
        # How soon, from a trial of another group with the same kind of pain: after the
        # reader's own result, under its own label, not hidden with other groups' numbers.
        for other in (s for s in speed[speeds.OTHER] if s.chance.kind == heading):
            _speed(other, speeds.OTHER)


def _see_too(content: Content, situation_id: str, option_id: str) -> None:
    """A button for each other option said beside this one: it views that option here, so its
    harms are one tap away. It writes the option into the address (as the option list does), so
    the situation, options, language and mode stay there too, and the page stays where it is."""
    short = content.short_names()
    for other in matched.also_said(content, situation_id, option_id):
        _view_button(t_md("chances.page.see_harms_too", option=short[other]), "see-too", other)


def _view_button(label: Md, kind: str, option_id: str) -> None:
    """A button that views `option_id` on this page: it writes the option into the address."""
    say.button(
        label,
        key=f"{kind}-{option_id}",
        icon=":material/arrow_forward:",
        on_click=runtime.callback(_view),
        args=(option_id,),
    )


def _view(option_id: str) -> None:
    st.query_params[url_params.OPTION_PARAM] = option_id


def _speed(speed: speeds.Speed, where: str) -> None:
    """Whose they are (set apart where they are another group's), then the weeks until an outcome
    came in each group of one trial, as bars on one scale of weeks, then the same trial's count at
    its later time, so the catch-up is read with the speed."""
    chance = speed.chance
    whose = t_md(f"chances.speed.whose.{where}", whose=chance.whose)
    if where == speeds.OTHER:
        say.warning(whose)  # read before the picture, so it is never taken for the reader's own
    else:
        say.caption(whose)
    say.markdown(t_md(f"chances.speed.title.{speed.measure}", outcome=chance.outcome))
    chart_cache.chart(
        score_chart.speed_chart, speed.rows(), speed.measure, alt_text=speed.alt_text()
    )
    with listen.block(f"speed-{chance.option_id}-{chance.outcome_id}"):
        st.text(t("chances.speed.later", time_frame=chance.time_frame))
        for line in chance.sentences():
            st.text(line)
    say.caption(plain(speed.evidence()))


def _numbers(numbers: chances.Numbers, mode: str) -> None:
    """The viewed options' numbers: about people in the reader's situation, then those that may
    include people like them with others, then other groups' numbers, each under its own label,
    and a line where new pain's numbers are left out, naming the control of the `mode` shown."""
    if numbers.partly.empty and numbers.others.empty:
        widgets.table(numbers.about, hide_index=True)
    else:
        for group, table in (
            ("yours", numbers.about),
            ("partly", numbers.partly),
            ("others", numbers.others),
        ):
            if group == "yours" or not table.empty:
                with st.container(key=f"numbers-{group}"):
                    say.markdown(t_md(f"chances.page.all_numbers_{group}"))
                    if table.empty:
                        st.text(t("chances.page.all_numbers_none_yours"))
                    else:
                        widgets.table(table, hide_index=True)
    if numbers.left_out:
        say.caption(t_md(f"chances.page.all_numbers_left_out{mode}"))


def _chance(
    viewed_chances: list,
    chance: chances.Chance,
    situation_id: str,
    zoom: float,
    said: set[str] | None = None,
    at: str = "",
) -> None:
    """One outcome: whose numbers (unless `said` holds it: said above under the same heading;
    it gains it), the pictures, both framings, the study's own figures, when and who, and how
    sure we are. `at` starts its anchor and keys (an option drawn beside the pictured one)."""
    anchor = f"{at}{chance.kind}-{chance.outcome_id}"
    say.subheader(plain(chances.title(chance)), anchor=anchor)
    whose = chance.whose_line(situation_id)
    said = set() if said is None else said
    if not (chance.about(situation_id) or situation_id == situation.NOT_SURE):
        say.warning(plain(whose))
    elif whose not in said:
        say.caption(plain(whose))
    else:  # said above: room under the sub-heading, whose box reaches below it in consult mode
        st.space("small")
    said.add(whose)
    if chance.drawable:
        pictures.side_by_side(
            chance.counts, chance.outcome, chance.kind, chance.time_frame, zoom=zoom, key=anchor
        )
    else:
        st.text(t("chances.too_rare"))
    for size in dict.fromkeys(count.size for count in chance.counts if count.few):
        say.caption(t_md("chances.all_drawn", size=size))  # 3 of 15: all 15 drawn (4th review N7)
    if len(chance.counts) == 1 and not chance.everyone:
        say.caption(t_md("chances.one_group"))
    with listen.block(f"chance-{anchor}"):
        for line in chance.sentences():
            st.text(line)
    widgets.table(chance.table(), hide_index=True)
    st.space("small")  # the table's last row is not read as part of the "When:" line under it
    for line in chance.details():
        st.text(line)
    other_times = chances.time_frame_warning(viewed_chances, chance)
    if other_times:
        say.warning(markdown.bullets(other_times[0], other_times[1:]))
    say.caption(plain(chance.evidence()))


def _beside(content: Content, consult: bool, situation_id: str, shown: list[str]) -> list[str]:
    """The options whose harms the page draws beside the one pictured: those said beside it, off
    a shared screen (there a button views each instead)."""
    return [] if consult else matched.also_said(content, situation_id, shown[0])


def _one_option(content: Content, situation_id: str, drawn: bool = True) -> list[str]:
    """The one option pictured: the choices mark those set apart for the situation."""
    return [
        url_state.pick_one(
            t_md("chances.page.option_picker"),
            situation.option_choices(content, situation_id),
            url_params.OPTION_PARAM,
            default=next(iter(situation.aimed_options(content, situation_id)), None),
            drawn=drawn,
        )
    ]


def render(run: Run) -> None:
    say.title(t_md("pages.chances.title"))
    # How to read the pictures, for whoever wants it: the numbers come first. On a shared screen
    # (consult) it goes under them, so the first picture starts higher on screen 1 (3rd review).
    if not run.consult:
        _how_to_read()
    chances_part()
    if run.consult:
        _how_to_read()


def _how_to_read() -> None:
    with say.expander(t_md("chances.page.how_to_read"), key="how-to-read"):
        listen.page_copy("chances.md")


shell.show("chances", render)
