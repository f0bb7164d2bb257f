"""Text assembled for the home page."""

import pandas as pd

from explorer.data import Content
from explorer.schema import OPTION_STATUSES
from explorer.words import t


def option_lines(content: Content) -> pd.DataFrame:
    """Each option in one line, in the neutral order, marking the investigational one."""
    options = content.options
    return pd.DataFrame(
        {
            t("home.options.option"): options["name"],
            t("home.options.summary"): options["summary"],
            t("home.options.status"): options["status"].map(
                {status: t(f"home.status.{status}") for status in OPTION_STATUSES}
            ),
        }
    )
