"""AppTest of the language switch on the fixture data (its Spanish words are marked "ES "): the
address chooses the language, every page opens in it, links keep it, switching keeps the
person's choices, and an unreviewed translation says so."""

from __future__ import annotations

import pytest

from explorer import translations, words
from explorer.markdown import plain
from explorer.ui import shell
from tests.apptest import caption_lines, header_labels, open_page, page_links, texts
from tests.conftest import FIXTURE_DATA, snapshot_of

SPANISH = words.catalogue("es")


def switch(at):
    """The language switch, in the header of every page (in view on a phone)."""
    [pills] = [group for group in at.main.get("button_group") if group.key == "picked_lang"]
    return pills


@pytest.mark.parametrize("page", [page.path for page in shell.PAGES])
def test_every_page_opens_in_spanish(page):
    at = open_page(page, lang="es")
    assert not at.exception
    listed = next(p for p in shell.PAGES if p.path == page)
    assert at.title[0].value == SPANISH[f"pages.{listed.page_id}.title"]
    assert [link.label for link in page_links(at)] == header_labels(SPANISH)


def test_the_data_words_follow_the_language():
    at = open_page("app.py", lang="es")
    names = list(at.table[0].value.iloc[:, 0])
    assert names and all(name.startswith("ES ") for name in names)
    assert SPANISH["shell.not_reviewed"] in caption_lines(at)
    english = open_page("app.py")
    assert not any(name.startswith("ES ") for name in english.table[0].value.iloc[:, 0])
    assert words.catalogue("en")["shell.not_reviewed"] not in caption_lines(english)


def test_an_unknown_language_in_the_address_is_english():
    at = open_page("views/compare.py", lang="klingon")
    assert not at.exception and at.title[0].value == words.catalogue("en")["pages.compare.title"]


def test_switching_language_keeps_the_persons_choices_and_the_address():
    at = open_page("views/compare.py", situation="back_pain", options=["rest", "nerve_block"])
    switch(at).set_value("es").run()
    assert at.query_params["lang"] == "es"
    assert at.title[0].value == SPANISH["pages.compare.title"]
    assert at.multiselect[0].value == ["rest", "nerve_block"]
    [situation] = [group for group in at.get("button_group") if group.key == "picked_situation"]
    assert situation.value == "back_pain"
    links = at.get("page_link")  # the header's and the page's own
    assert len(links) > len(page_links(at))
    assert all("lang=es" in link.proto.query_string for link in links)
    switch(at).set_value("en").run()
    # Switched to the browser's own language, the address still names it: whoever opens a copied
    # link has a browser of their own (3rd review P8).
    assert at.query_params["lang"] == "en"
    assert "ES " not in texts(at)


@pytest.mark.parametrize("page", ["views/chances.py", "views/summary.py", "views/compare.py"])
def test_after_a_switch_the_address_names_the_language_and_keeps_the_view(page):
    """3rd review P8: a link copied after switching opened in the browser's language."""
    kept = {"situation": "back_pain", "options": ["rest", "nerve_block"], "mode": "consult"}
    at = open_page(page, **kept)
    switch(at).set_value("es").run()
    assert dict(at.query_params) == {**kept, "lang": "es"}
    # That address, opened afresh, is the same page in Spanish.
    again = open_page(page, **dict(at.query_params))
    assert again.title[0].value == at.title[0].value == SPANISH[f"pages.{page[6:-3]}.title"]


def test_answers_survive_a_change_of_language():
    at = open_page("views/what_matters.py")
    key = at.radio[0].key  # the first statement's importance: keyed by its id, not its words
    at.radio(key=key).set_value(2).run()
    switch(at).set_value("es").run()
    assert at.radio(key=key).value == 2
    assert at.radio(key=key).label.startswith("ES ")  # the statement, in the fixture's Spanish


def test_the_data_check_page_lists_the_unreviewed_rows():
    at = open_page("views/data_check.py")
    spanish = snapshot_of(FIXTURE_DATA).translations["es"]
    assert plain(translations.unreviewed_line(spanish).in_language("en")) in [
        warning.value for warning in at.warning
    ]


def with_sources_open(at):
    """Compare with its sources box opened (drawn only when open)."""
    at.session_state["sources"] = True
    return at.run()


def test_a_page_in_another_language_says_the_sources_are_as_published():
    note = SPANISH["sources.published_language"]
    spanish = with_sources_open(open_page("views/compare.py", lang="es"))
    assert note in [caption.value for caption in spanish.caption]
    english = words.catalogue("en")["sources.published_language"]
    assert english not in [
        caption.value for caption in with_sources_open(open_page("views/compare.py")).caption
    ]
