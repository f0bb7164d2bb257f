"""The About page's reading table, in the language being read, measured once per version of the
words: the data's words in that language (their content's memo_key) and that language's text
files' (explorer.readability.content_stamp)."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from explorer import about, readability, words
from explorer.memo import kept
from explorer.store import Snapshot


def reading_table(snapshot: Snapshot, language: str | None = None) -> pd.DataFrame:
    """The reading table of one language (the one being read unless given) for the snapshot's
    content, measured at most once per version. Only the data rows in that language's own words
    are scored: a row shown in English (no translation yet, or one out of date) is not in the
    language its rules score, and a first start with broken files lists the text files only."""
    language = language or words.current_language()
    data_version = "" if snapshot.english is None else snapshot.content(language).memo_key
    return _reading_table(
        data_version, readability.content_stamp(language), language, snapshot.own_words(language)
    )


@kept  # measuring takes about a second a language: once per version of the words, per process
def _reading_table(
    data_version: str, text_version: tuple, language: str, tables: Mapping[str, pd.DataFrame]
) -> pd.DataFrame:
    # textstat's language is switched (and set back) inside this one call: see
    # explorer.readability.textstat_language.
    return about.reading_levels(tables, language)
