"""Text assembled for the home page."""

import pandas as pd

from explorer import situation
from explorer.data import Content
from explorer.memo import kept
from explorer.rules.vocabulary import OPTION_STATUSES
from explorer.words import t


@kept
def option_lines(content: Content, situation_id: str = situation.NOT_SURE) -> pd.DataFrame:
    """Each option in one line, marking the investigational one. With a situation chosen, the
    options aimed at it first (the neutral order within each group), and how each fits it."""
    options = content.options.set_index("option_id")
    order = situation.arranged(content, situation_id, list(options.index))
    lines = pd.DataFrame(
        {
            t("home.options.option"): options.loc[order, "name"],
            t("home.options.summary"): options.loc[order, "summary"],
            t("home.options.status"): options.loc[order, "status"].map(
                {status: t(f"home.status.{status}") for status in OPTION_STATUSES}
            ),
        }
    )
    fits = {fit.option_id: fit for fit in situation.fits(content, situation_id)}
    if fits:
        lines[t("situation.fit_column")] = [
            f"{fits[option_id].label()}. {fits[option_id].reason}" for option_id in order
        ]
    return lines.reset_index(drop=True)
