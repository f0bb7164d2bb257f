"""The About page's reading table, in the language being read, measured once per version of the
words: the data files' version (the ContentStore's) and that language's text files'
(explorer.readability.content_stamp)."""

from __future__ import annotations

import pandas as pd

from explorer import about, readability, words
from explorer.data import Content, ContentStore
from explorer.memo import kept


def reading_table(store: ContentStore, language: str | None = None) -> pd.DataFrame:
    """The reading table of one language (the one being read unless given) for the content the
    store serves, measured at most once per version. Another language's data words are scored
    only once they passed their check: until then the page shows the data in English, which that
    language's rules cannot score, so its table lists the text files only."""
    language = language or words.current_language()
    if language == words.LANGUAGE:
        content = store.content
    else:
        translation = store.translations.get(language)
        content = None if translation is None else translation.content
    return _reading_table(store.version, readability.content_stamp(language), language, content)


@kept  # measuring takes about a second a language: once per version of the words, per process
def _reading_table(
    data_version: tuple, text_version: tuple, language: str, content: Content | None
) -> pd.DataFrame:
    # textstat's language is switched (and set back) inside this one call: see
    # explorer.readability.textstat_language.
    return about.reading_levels(content, language)
