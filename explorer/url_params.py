"""Every parameter of the page address, in one place, and which options a person is looking at
(?options=esi&options=fusion). Plain names and functions: the Streamlit side is in explorer.ui.url_state."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

# The language the pages speak (?lang=es); without it, the browser's language if we have it.
LANG_PARAM = "lang"
# The URL parameter shared by every page that shows a choice of options.
OPTIONS_PARAM = "options"
# ?mode=consult: large type and a compact view for a clinician and patient at one screen.
MODE_PARAM = "mode"
CONSULT = "consult"
# ?mode=kiosk: a shared tablet in a waiting room, cleared for the next person when left alone.
KIOSK = "kiosk"
# One option's chances (?option=fibrin), one quality's chart (?attribute=effort), one disc state
# (?state=herniation), one comparison question in consult mode (?question=benefits).
OPTION_PARAM = "option"
# The person's situation (?situation=leg_pain_long): which options are aimed at it, whose numbers.
SITUATION_PARAM = "situation"
ATTRIBUTE_PARAM = "attribute"
STATE_PARAM = "state"
QUESTION_PARAM = "question"
# Consult mode's first step, the options at a glance, before the questions (question ids are
# CSV ids, which have no hyphen).
OVERVIEW = "at-a-glance"
# The person's own answers, only in a link they chose to fill with them: importance ratings,
# quiz answers and SURE answers, each as ?rate=<id>.<code>.
RATING_PARAM = "rate"
QUIZ_PARAM = "quiz"
SURE_PARAM = "sure"
# Which option the person is leaning towards (?lean=discectomy, or ?lean=not_sure): also an
# answer, so only in a link they chose to fill with their answers.
LEAN_PARAM = "lean"
EVERY_PARAM = (
    LANG_PARAM,
    OPTIONS_PARAM,
    MODE_PARAM,
    OPTION_PARAM,
    ATTRIBUTE_PARAM,
    STATE_PARAM,
    SITUATION_PARAM,
    QUESTION_PARAM,
    RATING_PARAM,
    QUIZ_PARAM,
    SURE_PARAM,
    LEAN_PARAM,
)


def in_neutral_order(chosen: Iterable[str], option_ids: Sequence[str]) -> list[str]:
    """Known ids only, each once, in the stated neutral order (least to most invasive).
    Unknown ids (a mistyped or old link) are ignored."""
    wanted = set(chosen)
    return [option_id for option_id in option_ids if option_id in wanted]


def link_params(
    option_ids: Sequence[str],
    all_option_ids: Sequence[str],
    default_ids: Sequence[str] | None = None,
) -> dict[str, list[str]]:
    """Query parameters for a link that opens a page with these options selected. The default
    (every option, or those aimed at the person's situation) needs no parameter."""
    chosen = in_neutral_order(option_ids, all_option_ids)
    default = in_neutral_order(
        all_option_ids if default_ids is None else default_ids, all_option_ids
    )
    if not chosen or chosen == default:
        return {}
    return {OPTIONS_PARAM: chosen}
