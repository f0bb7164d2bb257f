"""A translator's round trip reaches the running app (AppTest, on copies of content/ and of the
fixture data): one changed entry of the PO file, imported, is the sentence the page shows."""

from __future__ import annotations

import pytest

from explorer import words
from tests.apptest import open_compare, texts
from tests.test_translation_po import LANGUAGE, bring_back, content_copy, export, set_words

NEW_ANSWER = "Usted se mueve en casa. No hay aguja."
NEW_TITLE = "Comparar las opciones, una al lado de otra"


@pytest.fixture
def served_copies(tmp_path, served_data_copy, monkeypatch):
    for content in content_copy(tmp_path, monkeypatch):
        yield content, served_data_copy


def test_a_changed_entry_is_what_the_page_shows(served_copies, tmp_path, fresh_memo):
    _, data = served_copies
    before = open_compare(lang=LANGUAGE)
    assert NEW_ANSWER not in texts(before)
    path = export(data, tmp_path / "es.po")
    set_words(path, "answers.csv:rest/about_it:answer", NEW_ANSWER)
    set_words(path, "pages.toml:pages.compare.title", NEW_TITLE)
    assert bring_back(path, data) == 0
    words.catalogue.cache_clear()  # the app reads its catalogue at start
    after = open_compare(lang=LANGUAGE)
    assert not after.exception
    assert NEW_ANSWER in texts(after)
    assert NEW_TITLE in [heading.value for heading in after.title]
    # Every other answer on the page is as it was.
    assert set(texts(before).splitlines()) - set(texts(after).splitlines()) <= {
        line for line in texts(before).splitlines() if "ES You keep moving at home" in line
    }
