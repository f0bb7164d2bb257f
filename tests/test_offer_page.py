"""AppTest of the "Offered this by a clinic?" card where an investigational option is shown: closed
by default (nothing of it sent), drawn whole once opened, and linked from the home page."""

from __future__ import annotations

from urllib.parse import parse_qs

import pytest
from streamlit.testing.v1 import AppTest

from explorer import offer
from explorer.ui.offer_card import OPEN_OFFER, OPEN_PARAM
from explorer.words import t
from tests.apptest import (
    ROOT,
    anchors,
    as_read,
    in_order,
    jumps,
    listed_sources,
    open_compare,
    open_page,
    texts,
)
from tests.conftest import fixture_content

CONTENT = fixture_content()
[CARD] = offer.offers(CONTENT, list(CONTENT.option_names()))
PAGES = {
    "views/compare.py": {"options": CARD.option_id},
    "views/chances.py": {"option": CARD.option_id},
}


def _opened(page: str, query: dict) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    for key, value in query.items():
        at.query_params[key] = value
    at.switch_page(page)
    at.session_state[f"offer-{CARD.option_id}"] = True  # as a click on the card opens it
    return at.run()


@pytest.mark.parametrize("page", PAGES)
def test_the_card_is_closed_at_the_top_and_sends_nothing_until_opened(page):
    at = open_page(page, **PAGES[page])
    assert not at.exception
    [card] = [box for box in at.expander if as_read(box.label) == CARD.title()]
    assert not card.children or not any(card.children.values())
    assert all(line.text not in texts(at) for line in CARD.lines)


@pytest.mark.parametrize("page", PAGES)
def test_an_opened_card_shows_every_line_the_trial_picture_and_the_questions(page):
    at = _opened(page, PAGES[page])
    assert not at.exception
    shown = texts(at)
    assert all(line.text in shown for line in CARD.lines)
    assert all(question in shown for question in offer.questions())
    [trial] = CARD.trials
    assert all(sentence in shown for sentence in trial.sentences())
    drawn = [chart.proto.alt for chart in at.get("vega_lite_chart")]
    assert set(trial.alt_texts()) <= set(drawn)  # each group's picture


def test_an_established_option_has_no_card():
    at = open_page("views/compare.py", options="rest")
    assert CARD.title() not in [as_read(box.label) for box in at.expander]


def test_the_home_page_links_to_the_card_before_the_warning_signs():
    """Right under the situation: a person offered it finds it within a phone's first screens,
    not under the whole list of warning signs (the list comes next)."""
    at = open_page("app.py")
    drawn = [
        as_read(node.proto.label) if node.type == "page_link" else node.value
        for node in at.main
        if node.type in ("page_link", "header")
    ]
    link = t("offer.home_link", option=CARD.short_name)
    assert link in drawn
    assert drawn.index(link) < drawn.index(t("get_help.title"))


def test_the_home_pages_link_opens_the_card_on_arrival_by_a_code_and_only_once():
    at = open_page("app.py")
    [link] = [
        node
        for node in at.main
        if node.type == "page_link"
        and as_read(node.proto.label) == t("offer.home_link", option=CARD.short_name)
    ]
    query = parse_qs(link.proto.query_string)
    assert query[OPEN_PARAM] == [OPEN_OFFER]  # a code, not words
    arrived = open_page("views/compare.py", change_open=False, **{k: v for k, v in query.items()})
    assert not arrived.exception
    assert all(line.text in texts(arrived) for line in CARD.lines)  # open, drawn whole
    assert OPEN_PARAM not in arrived.query_params  # the code is used once
    # Without the code, the card stays closed.
    closed = open_page("views/compare.py", change_open=False, options=CARD.option_id)
    assert all(line.text not in texts(closed) for line in CARD.lines)


@pytest.mark.parametrize("page", PAGES)
def test_the_cards_sources_are_in_the_pages_list_of_sources(page):
    # Compare and Chances draw their list of sources only once it is opened.
    if page == "views/compare.py":
        at = open_compare(**PAGES[page])
    else:
        at = open_page(page, **PAGES[page])
        at.session_state["sources"] = True
        at.run()
    assert CARD.source_ids() <= set(listed_sources(at))


@pytest.mark.parametrize("page", PAGES)
def test_an_opened_cards_contents_line_links_down_to_its_cost_and_questions(page):
    """5th review, section 2: cost and the questions for the clinic were 3 to 4 phone screens
    down, under the trial's pictures; the line at the top of the card reaches each in one tap."""
    at = _opened(page, PAGES[page])
    drawn, links, headed = in_order(at), jumps(at), set(anchors(at))
    [contents] = [
        node for node in drawn if node.type == "markdown" and t("offer.contents.lead") in node.value
    ]
    for kind in ("cost", "questions"):
        [anchor] = [
            a for a, words in links.items() if as_read(words) == t(f"offer.contents.{kind}")
        ]
        assert anchor in headed  # the link lands on a heading on this page
        [heading] = [h for h in at.subheader if h.proto.anchor == anchor]
        assert as_read(heading.value) == t(f"offer.{kind}_heading")
        assert drawn.index(contents) < drawn.index(heading)
    assert drawn.index(contents) < drawn.index(at.get("vega_lite_chart")[0])  # before pictures


@pytest.mark.parametrize("page", PAGES)
def test_an_opened_card_on_compare_links_down_to_the_comparison_at_a_glance(page):
    """11th review N4: a reader who came by the home page's link arrives with the card open, and
    the comparison at a glance starts 4.8 phone screens down, under it. On Compare the card's
    contents line ends in a link to it (the table's heading, below the card); Chances has no
    such table, so no such link."""
    at = _opened(page, PAGES[page])
    [glance] = [
        a for a, words in jumps(at).items() if as_read(words) == t("offer.contents.glance")
    ] or [None]
    if page != "views/compare.py":
        assert glance is None
        return
    [heading] = [h for h in at.header if h.proto.anchor == glance]
    assert as_read(heading.value) == t("compare.page.glance_heading")
    drawn = in_order(at)
    [card] = [box for box in at.expander if as_read(box.label) == CARD.title()]
    assert drawn.index(card) < drawn.index(heading)
