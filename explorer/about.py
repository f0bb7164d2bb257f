"""Text assembled for the About page."""

import pandas as pd

from explorer.data import Content


def release_table(content: Content) -> pd.DataFrame:
    """Content date, version, review policy and next review date, as two columns."""
    release = content.release
    return pd.DataFrame(
        {
            "": ["Version", "Content date", "Next review by", "How we keep it up to date"],
            "Details": [
                release["version"],
                release["content_date"],
                release["next_review_date"],
                release["review_policy"],
            ],
        }
    )
