"""The page address as the truth about what a person is looking at, so a copied link opens the
same view: the person's situation, the chosen options, one picked item (?option=, ?attribute=,
?question=), the mode.

Streamlit 1.67's `bind="query-params"` is not used: a bound selectbox or multiselect writes the
*shown words* into the address (session_state.py `_seed_widget_from_url` checks the address
against `formatted_options`), and links must hold ids, never words. So one hand-written sync."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial

import streamlit as st

from explorer import compare, situation, words
from explorer.data import Content
from explorer.markdown import Md, plain
from explorer.ui import runtime, say
from explorer.url_params import (
    LANG_PARAM,
    MODE_PARAM,
    OPTIONS_PARAM,
    QUESTION_PARAM,
    SITUATION_PARAM,
    in_neutral_order,
    link_params,
)
from explorer.words import t, t_md

# URL parameters that follow a person from page to page (their language, their situation, the
# options they chose, the mode).
CARRIED_PARAMS = (LANG_PARAM, SITUATION_PARAM, OPTIONS_PARAM, MODE_PARAM)


CHANGE_KEY = "controls-change"  # the Showing line's Change: its controls drawn only while open


def carried_params() -> dict[str, list[str]]:
    """The URL parameters a link to another page should keep."""
    return {key: st.query_params.get_all(key) for key in CARRIED_PARAMS if key in st.query_params}


def _follow_url(widget_key: str, from_url, to_url: Callable) -> Callable[[], None]:
    """Keep a widget and the page address in step. The address is the truth when a page
    opens (a shared link, or another page's link); the widget writes to it when it changes,
    in its callback, before the page runs again."""
    # Set every run: another page's widget under the same key may hold a stale value.
    st.session_state[widget_key] = from_url
    return runtime.callback(lambda: to_url(st.session_state[widget_key]))


def situation_chooser(content: Content, drawn: bool = True) -> str:
    """The person's situation, one click (kept as ?situation=; "not sure" needs no parameter),
    with the line that helps them tell. An unknown id in the address means "not sure". Not
    `drawn`: the address's situation, with no control on the page."""
    consult = runtime.current().consult
    picked = pick_one(
        t_md("situation.picker"),
        situation.choices(content, short=consult),
        SITUATION_PARAM,
        default=situation.NOT_SURE,
        pills=True,
        # A shared screen keeps every question in view: one line of short choices, named for
        # screen readers but not shown; the clinician and patient talk the choice through.
        label_visibility="collapsed" if consult else "visible",
        drawn=drawn,
    )
    if drawn and not consult:
        say.caption(plain(situation.how_to_tell(content, picked)))
    return picked


def language_switch() -> None:
    """Every language, each named in itself, one click away; kept as ?lang= (with none, the
    browser's own language; once switched, always named). Choices are codes, so switching keeps
    every answer."""
    pick_one(
        t_md("shell.language"),
        {
            language: words.catalogue(language)["app.language_name"]
            for language in words.languages()
        },
        LANG_PARAM,
        default=runtime.browser_language(),
        pills=True,
        # The browser's language is not the language of whoever opens a copied link: once the
        # person has switched, the address names the language (3rd review P8).
        default_in_address=True,
        # Each language named in itself says what the choice is; the label is for screen readers.
        label_visibility="collapsed",
    )


def option_picker(
    content: Content, situation_id: str = situation.NOT_SURE, drawn: bool = True
) -> list[str]:
    """The options a person has chosen to look at, kept in the page address so that a copied
    link opens the same view. With none in the address, those aimed at the person's situation
    (every option when they are not sure). Unknown ids in the address are ignored. Not
    `drawn`: the address's options, with no control on the page."""
    names = content.option_names()
    all_ids = list(names)
    default = situation.aimed_options(content, situation_id)
    in_url = st.query_params.get_all(OPTIONS_PARAM)
    # "?options=" (empty) is how the address says the person has removed every option.
    from_url = [] if in_url == [""] else in_neutral_order(in_url, all_ids) or default

    def in_address(chosen: list[str]) -> list[str]:
        # [""] when none are chosen; [] (no parameter) for the default.
        if not chosen:
            return [""]
        return link_params(chosen, all_ids, default).get(OPTIONS_PARAM, [])

    def to_url(chosen: list[str]) -> None:
        if in_address(chosen):
            st.query_params[OPTIONS_PARAM] = in_address(chosen)
        else:
            st.query_params.pop(OPTIONS_PARAM, None)

    if in_url != in_address(from_url):
        to_url(from_url)  # tidy the address: unknown ids out, neutral order, default left out
    if not drawn:
        return situation.arranged(content, situation_id, from_url)
    widget_key = "chosen_options"
    # On a shared screen the short names keep the chosen options on one line.
    labels = (
        dict(zip(content.options["option_id"], content.options["short_name"]))
        if runtime.current().consult
        else names
    )
    chosen = say.multiselect(
        t_md("picker.options"),
        all_ids,
        format_func=labels.get,
        key=widget_key,
        placeholder=t("picker.placeholder"),
        # On a shared screen the chips say what they are; the words stay for screen readers.
        label_visibility="collapsed" if runtime.current().consult else "visible",
        on_change=_follow_url(widget_key, from_url, to_url),
    )
    return situation.arranged(content, situation_id, in_neutral_order(chosen, all_ids))


def _show_too(option_id: str, shown: list[str], all_ids: list[str]) -> None:
    st.query_params[OPTIONS_PARAM] = in_neutral_order([*shown, option_id], all_ids)


def set_apart_options(content: Content, situation_id: str, shown: list[str]) -> None:
    """The options guidelines do not suggest in the person's situation, each with its level, the
    level's rule and its reason: marked where shown, one click away where not, never hidden
    without a word."""
    set_apart = situation.set_apart(content, situation_id)
    if not set_apart:
        return
    all_ids = list(content.option_names())
    with st.container(border=True, key="set-apart"):
        st.text(t("situation.set_apart_intro", situation=situation.name(content, situation_id)))
        for fit in set_apart:
            # One element: its level and reason, then its rule and evidence in small print.
            say.markdown(
                Md("\n\n").join(
                    [
                        plain(fit.line()),
                        Md(":small[") + plain(fit.rule_line()) + Md("]"),
                        Md(":small[") + plain(fit.evidence()) + Md("]"),
                    ]
                )
            )
            if fit.option_id not in shown:
                say.button(
                    t_md("situation.show_too", option=fit.option_name),
                    key=f"show-too-{fit.option_id}",
                    on_click=runtime.callback(_show_too),
                    args=(fit.option_id, shown, all_ids),
                )


def showing(
    content: Content,
    pick: Callable[..., list[str]] | None = None,
    set_apart_box: bool = True,
    beside: Callable[[str, list[str]], list[str]] | None = None,
) -> tuple[str, list[str]]:
    """The situation and the options shown, as one line ("Showing: … · …") with a Change control
    that opens the situation chooser and the option picker (`pick`, for a page that shows one
    option at a time; its own picker marks the options set apart) and, unless the page places
    them itself, the options set apart, each one click away. Those not shown are named in one
    short line under it: never hidden without a word. The controls are drawn only while Change
    is open (closed, the address says what is shown): every run sends less. In consult mode
    the controls stay as they were, in view (the shared screen's own layout). `pick` takes the
    content, the situation and `drawn`. `beside` (the situation and the options picked) gives the
    options the page draws beside those picked: the line names them too, every option drawn in
    the order Compare names them (7th review R3). Returns (situation id, option ids),
    those picked."""
    if runtime.current().consult:
        situation_id = situation_chooser(content)
        shown = (pick or option_picker)(content, situation_id)
        if pick is None and set_apart_box:
            set_apart_options(content, situation_id, shown)
        return situation_id, shown
    # The line is written after the controls have run, into its place before them.
    with st.container(key="showing", horizontal=True, vertical_alignment="center"):
        line = st.empty()
        with say.popover(
            t_md("picker.change"), key=CHANGE_KEY, width="content", on_change="rerun"
        ) as change:
            situation_id = situation_chooser(content, drawn=change.open)
            shown = (pick or option_picker)(content, situation_id, drawn=change.open)
            if change.open and pick is None and set_apart_box:
                set_apart_options(content, situation_id, shown)
    short_names = content.short_names()
    also = beside(situation_id, shown) if beside else []
    drawn = situation.arranged(
        content, situation_id, in_neutral_order([*shown, *also], short_names)
    )
    with line:
        say.markdown(
            t_md(
                "picker.showing",
                situation=situation.choices(content, short=True)[situation_id],
                options=", ".join(short_names[option_id] for option_id in drawn)
                or t("picker.showing_none"),
            )
        )
    hidden = situation.not_shown(content, situation_id, shown)
    if pick is None and hidden:
        names = ", ".join(short_names[option_id] for option_id in hidden)
        say.caption(t_md("picker.set_apart_line", options=names))
    return situation_id, shown


def chosen_options(content: Content, with_notes: bool = True) -> tuple[str, list[str]]:
    """The Showing line (the situation, the options and those set apart), then (unless the
    page places them itself) the notes that belong above any view of the chosen options (an
    investigational option). With none chosen, ask for one and stop the page here."""
    situation_id, shown = showing(content)
    at_least_one(shown)
    for warning in compare.notes(content, shown) if with_notes else []:
        say.warning(plain(warning))
    return situation_id, shown


def at_least_one(shown: list[str], ask: str = "picker.choose_one") -> None:
    """With no option chosen, ask for one (the catalogue's `ask`) and show nothing more of the
    page (or of the part of it being drawn)."""
    if not shown:
        say.info(t_md(ask))
        runtime.end_page()


def options_link(content: Content, shown: list[str], situation_id: str) -> dict[str, list[str]]:
    """The address of another page showing these options for this situation, in this mode."""
    default = situation.aimed_options(content, situation_id)
    params = dict(link_params(shown, list(content.option_names()), default))
    return {
        **{key: value for key, value in carried_params().items() if key != OPTIONS_PARAM},
        **params,
    }


def pick_one(
    label: Md,
    choices: Mapping[str, str],
    param: str,
    default: str | None = None,
    pills: bool = False,
    radio: bool = False,
    label_visibility: str = "visible",
    drawn: bool = True,
    default_in_address: bool = False,
) -> str:
    """One of `choices` (id -> words), kept in the page address as ?param=id so that a copied
    link opens the same view. An unknown id in the address is ignored and the default shown
    (`default` if it is a choice, else the first) and taken out of the address; the default
    needs no parameter. As `pills`,
    every choice is in view and one click away (a pill clicked off means the default); as a
    `radio` too, in a row of buttons the arrow keys move along. Not `drawn`: the address's
    choice, with no control on the page. With `default_in_address`, a choice the person makes
    is written even when it is the default."""
    ids = list(choices)
    default = default if default in choices else ids[0]
    from_url = st.query_params.get(param)

    def to_url(picked: str | None) -> None:
        picked = default if picked is None else picked
        if picked == default and not default_in_address:
            st.query_params.pop(param, None)
        else:
            st.query_params[param] = picked

    if from_url is not None and from_url not in choices:
        st.query_params.pop(param, None)  # tidy the address: an unknown id out
    if not drawn:
        return from_url if from_url in choices else default
    widget_key = f"picked_{param}"
    if pills:
        widget = partial(say.pills, selection_mode="single")
    elif radio:
        widget = partial(say.radio, horizontal=True)
    else:
        widget = say.selectbox
    # Pills and radios show their choices as Markdown: CSV words are made plain (a selectbox
    # shows text).
    shown_as = (lambda choice: plain(choices[choice])) if pills or radio else choices.get
    picked = widget(
        label,
        ids,
        format_func=shown_as,
        key=widget_key,
        label_visibility=label_visibility,
        on_change=_follow_url(widget_key, from_url if from_url in choices else default, to_url),
    )
    return default if picked is None else picked


def question_stepper(steps: Mapping[str, str]) -> str:
    """Consult mode: one step at a time (`steps`: id -> its heading; kept in the URL as
    ?question=), with previous/next buttons for walking through them together. Returns the
    step's id."""
    ids = list(steps)
    current = st.query_params.get(QUESTION_PARAM)
    current = current if current in ids else ids[0]

    def step(offset: int) -> None:
        st.query_params[QUESTION_PARAM] = ids[
            min(max(ids.index(current) + offset, 0), len(ids) - 1)
        ]

    with st.container(key="controls-stepper", horizontal=True, vertical_alignment="bottom"):
        say.button(
            t_md("picker.previous"),
            on_click=runtime.callback(step),
            args=(-1,),
            disabled=current == ids[0],
        )
        picked = pick_one(
            t_md("picker.question"),
            {
                question_id: t(
                    "picker.question_choice",
                    number=n,
                    count=len(ids),
                    question=steps[question_id],
                )
                for n, question_id in enumerate(ids, 1)
            },
            QUESTION_PARAM,
            label_visibility="collapsed",  # "3 of 10: …" says what it is
        )
        say.button(
            t_md("picker.next"),
            on_click=runtime.callback(step),
            args=(1,),
            disabled=current == ids[-1],
        )
    return picked
