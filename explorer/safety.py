"""The "Get help now" list: warning signs that need urgent care, and what to do, from
warning_groups.csv, warning_signs.csv and clinic.csv: the clinic's phone numbers, and the services
they reach, named in the reader's language as people in the clinic's country know them."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from explorer.countries import COUNTRIES, ELSEWHERE_NUMBERS, ELSEWHERE_SOURCES
from explorer.data import Content
from explorer.markdown import Md
from explorer.memo import kept
from explorer.rules.vocabulary import ACTION_PLACEHOLDERS, SOURCE_SEPARATOR, split_ids
from explorer.words import t


@dataclass(frozen=True)
class WarningGroup:
    group_id: str
    heading: str
    signs: tuple[str, ...]
    action: str  # with the clinic's phone numbers and services filled in
    short: str  # the signs in a few words, for the summary's short list
    source_ids: str  # the group's own, then its signs', each once


@kept  # in the language being spoken: the services' names are words
def warning_groups(content: Content) -> list[WarningGroup]:
    """Every group of warning signs in display order, each with its signs in order."""
    values = clinic_values(content.clinic)
    signs = content.warning_signs
    groups = []
    for group in content.warning_groups.itertuples():
        own = signs[signs["group_id"] == group.group_id]
        groups.append(
            WarningGroup(
                group.group_id,
                group.heading,
                tuple(own["sign"]),
                _filled(group.action, values),
                group.short,
                f"{SOURCE_SEPARATOR} ".join(_sources(group.source_ids, *own["source_ids"])),
            )
        )
    return groups


def _sources(*cells: str) -> list[str]:
    return list(dict.fromkeys(source for cell in cells for source in split_ids(cell)))


def cited_sources(content: Content) -> set[str]:
    """Every source behind the warning signs: the groups', each sign's and the other countries'
    emergency numbers'."""
    return set(
        _sources(*content.warning_groups["source_ids"], *content.warning_signs["source_ids"])
    ) | set(ELSEWHERE_SOURCES)


def elsewhere_line(content: Content) -> str:
    """Before the actions: their numbers are the clinic's country's, so a reader elsewhere is told
    to call their local emergency number, with examples (a safety line, on screen and paper)."""
    place = t(f"country.{content.clinic['country']}.place")
    return t("get_help.elsewhere", place=place, **ELSEWHERE_NUMBERS)


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


def short_lines(groups: list[WarningGroup]) -> list[str]:
    """The short list the summary keeps: one line a group, its signs in a few words and what to
    do, with the clinic's numbers."""
    return [t("get_help.short_line", signs=group.short, action=group.action) for group in groups]


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
    ids = dict.fromkeys(
        [
            *(source_id for group in groups for source_id in split_ids(group.source_ids)),
            *ELSEWHERE_SOURCES,
        ]
    )
    return t("get_help.sources", sources=", ".join(ids))


def note_line(content: Content) -> str:
    """One line for the record note: that the warning signs were given, and the numbers and
    services they name."""
    return t("get_help.note", **clinic_values(content.clinic))
