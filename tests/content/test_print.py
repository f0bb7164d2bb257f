"""The shipped content prints in the take-home PDF in every language: no letter the PDF's fonts
cannot print (it would come out as "?")."""

from __future__ import annotations

import pytest

from explorer import handout, words
from explorer.rules.files import FILES, text_columns
from explorer.rules.vocabulary import PATIENTS
from tests.conftest import shipped_data, snapshot_of


@pytest.mark.parametrize("language", words.languages())
def test_every_data_word_of_each_language_prints(language):
    content = snapshot_of(shipped_data()).content(language)
    unprintable = {
        (file.name, column, text): handout.unprintable(text)
        for file in FILES
        for column in text_columns(file, PATIENTS)
        for text in content.tables[file.name][column]
        if handout.unprintable(text)
    }
    assert unprintable == {}
