"""The About page's reading table, in the language being read, measured once per version of the
words: the data's words in that language (their content's memo_key) and that language's text
files' (explorer.readability.content_stamp)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from explorer import about, readability, words
from explorer.memo import kept
from explorer.store import Snapshot


@dataclass(frozen=True)
class _DataWords:
    """The data tables in one language's own words, named for the memo by the content they are
    from (measuring them is keyed by that name, not by hashing every table)."""

    memo_key: str
    tables: Mapping[str, pd.DataFrame]


def reading_table(snapshot: Snapshot, language: str | None = None) -> pd.DataFrame:
    """The reading table of one language (the one being read unless given) for the snapshot's
    content, measured at most once per version. Only the data rows in that language's own words
    are scored: a row shown in English (no translation yet, or one out of date) is not in the
    language its rules score, and a first start with broken files lists the text files only."""
    language = language or words.current_language()
    data_version = "" if snapshot.english is None else snapshot.content(language).memo_key
    data_words = _DataWords(data_version, snapshot.own_words(language))
    return _reading_table(data_words, readability.content_stamp(language), language)


@kept  # measuring takes about a second a language: once per version of the words, per process
def _reading_table(data_words: _DataWords, text_version: tuple, language: str) -> pd.DataFrame:
    # textstat's language is switched (and set back) inside this one call: see
    # explorer.readability.textstat_language.
    return about.reading_levels(data_words.tables, language)
