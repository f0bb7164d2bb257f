"""The "Offered this by a clinic?" card (explorer/offer.py) at the top of an investigational
option, wherever it is shown: a closed expander whose contents are drawn only once it is opened,
so that a run of the page sends nothing more until a person asks for it (issue 30)."""

from __future__ import annotations

from collections.abc import Sequence

import streamlit as st

from explorer import charts, offer
from explorer.data import Content
from explorer.markdown import Md, link, plain
from explorer.ui import listen, pictures, say
from explorer.words import t, t_md

# The code a link puts in its address to arrive with the cards open (Home's "offered by a
# clinic? What to ask" link): a code, never words.
OPEN_PARAM, OPEN_OFFER = "open", "offer"

# The heading of each kind of row, in the order the card shows them (vocabulary.OFFER_KINDS);
# the questions to ask the clinic come before how to find a trial.
_BEFORE_QUESTIONS = ("names", "trial", "untested", "harms", "cost")
_AFTER_QUESTIONS = ("find_trial",)
# The card's contents line: links down to what a person offered it came to check (cost and the
# questions sit 3 to 4 phone screens down, under the trial's pictures: 5th review, section 2).
_CONTENTS = ("names", "trial", "harms", "cost", "questions")


def offer_cards(
    content: Content,
    option_ids: Sequence[str],
    zoom: float = charts.SCREEN_ZOOM,
    glance: str = "",
):
    """One closed card for each of these options whose status is investigational; open when the
    page was reached by a link that asks for it (OPEN_PARAM). `glance`: the anchor of the page's
    comparison at a glance under the cards, linked from each card's contents line: an open card
    runs 4 phone screens (11th review N4)."""
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
                    _card(card, zoom, glance)


def _card(card: offer.Offer, zoom: float, glance: str) -> None:
    _contents(card, glance)
    for kind in _BEFORE_QUESTIONS:
        _lines(card, kind)
        if kind == "trial":
            for chance in card.trials:  # the numbers as Chances shows them, stored once
                pictures.of_chance(
                    chance, zoom=zoom, key=f"offer-{card.option_id}-{chance.outcome_id}"
                )
                for line in [*chance.sentences(), chance.details()[0]]:  # and when
                    st.text(line)
                say.caption(plain(chance.evidence()))
    _heading(card, "questions")
    say.markdown(Md("\n").join(Md("- ") + plain(question) for question in offer.questions()))
    say.caption(t_md("offer.questions_note"))
    for kind in _AFTER_QUESTIONS:
        _lines(card, kind)


def _lines(card: offer.Offer, kind: str) -> None:
    if not _has(card, kind):
        return
    _heading(card, kind)
    for line in card.said(kind):
        st.text(line.text)
        say.caption(plain(line.evidence()))


def _contents(card: offer.Offer, glance: str) -> None:
    """One line of links to the card's parts that it has, each to its heading (_heading), then
    to the comparison at a glance below the card, if the page has one."""
    shown = [kind for kind in _CONTENTS if kind == "questions" or _has(card, kind)]
    links = [link(t(f"offer.contents.{kind}"), f"#{_anchor(card, kind)}") for kind in shown]
    if glance:
        links.append(link(t("offer.contents.glance"), f"#{glance}"))
    say.markdown(t_md("offer.contents.lead") + Md(" ") + Md(" · ").join(links))


def _has(card: offer.Offer, kind: str) -> bool:
    return bool(card.said(kind)) or (kind == "trial" and bool(card.trials))


def _heading(card: offer.Offer, kind: str) -> None:
    say.subheader(plain(t(f"offer.{kind}_heading")), anchor=_anchor(card, kind))


def _anchor(card: offer.Offer, kind: str) -> str:
    """A code, unique on the page: a page can show more than one card."""
    return f"offer-{card.option_id}-{kind}".replace("_", "-")
