"""Text assembled for the About page."""

from pathlib import Path
from typing import Sequence

import pandas as pd
import streamlit as st

from explorer import readability
from explorer.data import Content, cached_content

APP_DIR = Path(__file__).resolve().parent.parent


def release_table(content: Content) -> pd.DataFrame:
    """Content date, version, review policy and next review date, as two columns."""
    release = content.release
    return pd.DataFrame(
        {
            "Item": ["Version", "Content date", "Next review by", "How we keep it up to date"],
            "Details": [
                release["version"],
                release["content_date"],
                release["next_review_date"],
                release["review_policy"],
            ],
        }
    )


@st.cache_data(show_spinner=False)
def reading_levels(pages: Sequence[tuple[str, str]], data_folder: str) -> pd.DataFrame:
    """The reading level of every page and data file, measured once per process (like the
    content it measures), from the same code as the reading-level test."""
    tables = cached_content(data_folder).content.tables
    return readability.score_table(readability.measure(pages, APP_DIR, tables))
