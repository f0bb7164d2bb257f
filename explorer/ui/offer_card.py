"""The "Offered this by a clinic?" card (explorer/offer.py) at the top of an investigational
option, wherever it is shown: a closed expander whose contents are drawn only once it is opened,
so that a run of the page sends nothing more until a person asks for it (issue 30)."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from explorer import charts, offer
from explorer.data import Content
from explorer.markdown import Md, plain
from explorer.ui import listen, pictures, say
from explorer.words import t, t_md

# The code a link puts in its address to arrive with the cards open (Home's "offered by a
# clinic? What to ask" link): a code, never words.
OPEN_PARAM, OPEN_OFFER = "open", "offer"

# The heading of each kind of row, in the order the card shows them (vocabulary.OFFER_KINDS);
# the questions to ask the clinic come before how to find a trial.
_BEFORE_QUESTIONS = ("names", "trial", "untested", "harms", "cost")
_AFTER_QUESTIONS = ("find_trial",)


def offer_cards(content: Content, option_ids: Sequence[str], zoom: float = charts.SCREEN_ZOOM):
    """One closed card for each of these options whose status is investigational; open when the
    page was reached by a link that asks for it (OPEN_PARAM)."""
    arrived = st.query_params.get(OPEN_PARAM) == OPEN_OFFER
    if arrived:  # once: the code leaves the address, so a card closed later stays closed
        del st.query_params[OPEN_PARAM]
    for card in offer.offers(content, tuple(option_ids)):
        key = f"offer-{card.option_id}"
        if arrived:
            st.session_state[key] = True  # as a click on it would
        with say.drawn_when_opened(
            plain(card.title()), key=key, icon=":material/storefront:"
        ) as opened:
            if opened:
                with listen.block(f"offer-{card.option_id}"):
                    _card(card, zoom)


def _card(card: offer.Offer, zoom: float) -> None:
    for kind in _BEFORE_QUESTIONS:
        _lines(card, kind)
        if kind == "trial":
            for chance in card.trials:  # the numbers as Chances shows them, stored once
                pictures.side_by_side(
                    chance.counts,
                    chance.outcome,
                    chance.kind,
                    chance.time_frame,
                    zoom=zoom,
                    key=f"offer-{card.option_id}-{chance.outcome_id}",
                )
                for line in [*chance.sentences(), chance.details()[0]]:  # and when
                    st.text(line)
                say.caption(plain(chance.evidence()))
    say.markdown(_bold("offer.questions_heading"))
    say.markdown(Md("\n").join(Md("- ") + plain(question) for question in offer.questions()))
    say.caption(t_md("offer.questions_note"))
    for kind in _AFTER_QUESTIONS:
        _lines(card, kind)


def _lines(card: offer.Offer, kind: str) -> None:
    lines = card.said(kind)
    if not lines and not (kind == "trial" and card.trials):
        return
    say.markdown(_bold(f"offer.{kind}_heading"))
    for line in lines:
        st.text(line.text)
        say.caption(plain(line.evidence()))


def _bold(key: str) -> Md:
    return Md("**") + plain(t(key)) + Md("**")
