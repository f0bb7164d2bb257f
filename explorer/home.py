"""Text assembled for the home page."""

import pandas as pd

from explorer.data import Content


def option_lines(content: Content) -> pd.DataFrame:
    """Each option in one line, in the neutral order, marking the investigational one."""
    options = content.options
    return pd.DataFrame(
        {
            "Option": options["name"],
            "In one line": options["summary"],
            "Status": options["status"].map(
                {"established": "In use", "investigational": "Investigational (unproven)"}
            ),
        }
    )
