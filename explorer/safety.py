"""The "Get help now" list: warning signs that need urgent care, and what to do, from
warning_groups.csv, warning_signs.csv and the clinic's phone numbers in clinic.csv."""

from __future__ import annotations

from dataclasses import dataclass

from explorer.data import Content
from explorer.markdown import Md
from explorer.memo import kept
from explorer.rules.vocabulary import CLINIC_PHONES, split_ids
from explorer.words import t


@dataclass(frozen=True)
class WarningGroup:
    group_id: str
    heading: str
    signs: tuple[str, ...]
    action: str  # with the clinic's phone numbers filled in
    source_ids: str


@kept
def warning_groups(content: Content) -> list[WarningGroup]:
    """Every group of warning signs in display order, each with its signs in order."""
    clinic = content.clinic
    signs = content.warning_signs
    return [
        WarningGroup(
            group.group_id,
            group.heading,
            tuple(signs.loc[signs["group_id"] == group.group_id, "sign"]),
            _with_phones(group.action, clinic),
            group.source_ids,
        )
        for group in content.warning_groups.itertuples()
    ]


def _with_phones(action: str, clinic) -> str:
    # Plain replacement, not str.format: the text is a CSV cell (the schema allows only these names).
    for name in CLINIC_PHONES:
        action = action.replace("{" + name + "}", clinic[name])
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
    """One line for the record note: that the warning signs were given, and the number to call."""
    return t("get_help.note", emergency_phone=content.clinic["emergency_phone"])
