"""The "Get help now" list: warning signs that need urgent care, and what to do, from
warning_groups.csv, warning_signs.csv and clinic.csv: the clinic's phone numbers, and the services
they reach, named in the reader's language as people in the clinic's country know them."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from explorer.countries import COUNTRIES
from explorer.data import Content
from explorer.markdown import Md
from explorer.memo import kept
from explorer.rules.vocabulary import ACTION_PLACEHOLDERS, split_ids
from explorer.words import t


@dataclass(frozen=True)
class WarningGroup:
    group_id: str
    heading: str
    signs: tuple[str, ...]
    action: str  # with the clinic's phone numbers and services filled in
    source_ids: str


@kept  # in the language being spoken: the services' names are words
def warning_groups(content: Content) -> list[WarningGroup]:
    """Every group of warning signs in display order, each with its signs in order."""
    values = clinic_values(content.clinic)
    signs = content.warning_signs
    return [
        WarningGroup(
            group.group_id,
            group.heading,
            tuple(signs.loc[signs["group_id"] == group.group_id, "sign"]),
            _filled(group.action, values),
            group.source_ids,
        )
        for group in content.warning_groups.itertuples()
    ]


def clinic_values(clinic: pd.Series) -> dict[str, str]:
    """What {emergency_phone} and the other action placeholders say: the clinic's numbers, and
    the services of its country in the language being spoken."""
    country = clinic["country"]
    # A line of the clinic's own choosing is not its country's national service for urgent advice.
    national = clinic["urgent_phone"] in COUNTRIES[country].urgent_numbers
    return {
        "emergency_phone": clinic["emergency_phone"],
        "urgent_phone": clinic["urgent_phone"],
        "emergency_service": t(f"country.{country}.emergency_service"),
        "urgent_service": t(
            f"country.{country}.urgent_service" if national else "get_help.urgent_line"
        ),
    }


def _filled(action: str, values: dict[str, str]) -> str:
    # Plain replacement, not str.format: the text is a CSV cell (the schema allows only these names).
    for name in ACTION_PLACEHOLDERS:
        action = action.replace("{" + name + "}", values[name])
    return action


SIGN_GAP = "   "


def signs_run_on(group: WarningGroup) -> str:
    """The signs as one paragraph, for paper: a line each would push a handout to a third page."""
    return SIGN_GAP.join("• " + sign for sign in group.signs)


@kept
def signs_markdown(group: WarningGroup) -> Md:
    """The group's heading in bold, then its signs as a list (Markdown, the CSV text escaped):
    one element on the page; on paper the list runs on as one paragraph (page.css)."""
    signs = [Md("- ") + sign for sign in group.signs]
    return Md("\n").join([Md("**{}**").format(group.heading), *(["", *signs] if signs else [])])


@kept
def sources_line(groups: list[WarningGroup]) -> str:
    ids = dict.fromkeys(source_id for group in groups for source_id in split_ids(group.source_ids))
    return t("get_help.sources", sources=", ".join(ids))


def note_line(content: Content) -> str:
    """One line for the record note: that the warning signs were given, and the numbers and
    services they name."""
    return t("get_help.note", **clinic_values(content.clinic))
