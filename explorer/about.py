"""Text assembled for the About page."""

from collections.abc import Sequence
from pathlib import Path

import pandas as pd
import streamlit as st

from explorer import readability
from explorer.data import Content
from explorer.words import t

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


def changelog_table(content: Content) -> pd.DataFrame:
    """What changed in each release and why, newest release first, in the clinic's order."""
    log = content.changelog
    newest_first = log.assign(order=log["version"].map(_version_key)).sort_values(
        ["order", "position"], ascending=[False, True], kind="stable"
    )
    return pd.DataFrame(
        {
            t("about.changelog.version"): newest_first["version"],
            t("about.changelog.kind"): newest_first["kind"].map(
                lambda kind: t(f"about.changelog.kinds.{kind}")
            ),
            t("about.changelog.finding"): newest_first["finding"],
            t("about.changelog.change"): newest_first["change"],
            t("about.changelog.reason"): newest_first["reason"],
        }
    )


def _version_key(version: str) -> tuple[int, ...]:
    return tuple(int(part) for part in version.split("."))


@st.cache_data(show_spinner=False, max_entries=4)
def reading_levels(
    pages: Sequence[tuple[str, str]], content_version: tuple, _content: Content
) -> pd.DataFrame:
    """The reading level of every page and data file, measured once per version of the content
    (keyed by `content_version`), from the same code as the reading-level test."""
    return readability.score_table(readability.measure(pages, APP_DIR, _content.tables))
