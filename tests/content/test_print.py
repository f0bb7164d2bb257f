"""The shipped content prints in the take-home PDF in every language: no letter the PDF's fonts
cannot print (it would come out as "?")."""

from __future__ import annotations

import pytest

from explorer import handout, schema, translations, words
from explorer.schema import PATIENTS
from tests.conftest import shipped_data


@pytest.mark.parametrize("language", words.languages())
def test_every_data_word_of_each_language_prints(language):
    content = translations.load_all(shipped_data()).translations[language].content
    unprintable = {
        (file.name, column, text): handout.unprintable(text)
        for file in schema.FILES
        for column in schema.text_columns(file, PATIENTS)
        for text in content.tables[file.name][column]
        if handout.unprintable(text)
    }
    assert unprintable == {}
