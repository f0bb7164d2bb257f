"""The About page's reading table, measured once per version of the words: the data files'
version (the ContentStore's) and the text files' (explorer.readability.content_stamp)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from explorer import about, readability
from explorer.data import Content, ContentStore


def reading_table(store: ContentStore) -> pd.DataFrame:
    """The reading table for the content the store serves, measured at most once per version."""
    return _reading_table(store.version, readability.content_stamp(), store.content)


@st.cache_data(show_spinner=False, max_entries=4)
def _reading_table(data_version: tuple, text_version: tuple, _content: Content) -> pd.DataFrame:
    return about.reading_levels(_content)
