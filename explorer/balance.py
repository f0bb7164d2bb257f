"""Whether the "What matters" statements are fair to the options a situation is about: each option
aimed at the situation lines up well with about as many statements as the others (IPDAS balance,
usability review problem U2). The rule: in every situation, the most and the least favoured of its
aimed options differ by at most TOLERANCE statements. Options set apart (not recommended,
investigational) are left out: their levels are often not known, and "not known" never lines up,
so no honest list could favour them as often. `python -m explorer check` reminds the clinic when
an edit breaks the rule."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from explorer import decide, situation
from explorer.data import Content
from explorer.rules.vocabulary import split_ids

TOLERANCE = 1  # most favoured option minus least favoured, in statements


def lines_up_well(content: Content, option_id: str) -> list[str]:
    """The statements the option lines up well with, by each statement's own rule: every one of
    the statement's attributes at a known level no worse than `lines_up_well_to`."""
    levels = content.ratings[content.ratings["option_id"] == option_id].set_index("attribute_id")[
        "level"
    ]
    return [
        statement.statement_id
        for statement in content.statements.itertuples()
        if all(
            attribute_id in levels.index
            and pd.notna(levels[attribute_id])  # "not known" never lines up
            and decide.fit(
                levels[attribute_id],
                statement.lines_up_well_to,
                statement.lines_up_poorly_from,
            )
            == decide.LINES_UP[0]
            for attribute_id in split_ids(statement.attribute_ids)
        )
    ]


def well_counts(content: Content, option_ids: Sequence[str]) -> dict[str, int]:
    """How many statements each option lines up well with."""
    return {option_id: len(lines_up_well(content, option_id)) for option_id in option_ids}


def unbalanced(content: Content) -> dict[str, dict[str, int]]:
    """The situations whose aimed options break the rule, each with its options' counts."""
    found = {}
    for situation_id in content.situations["situation_id"]:
        counts = well_counts(content, situation.aimed_options(content, situation_id))
        if counts and max(counts.values()) - min(counts.values()) > TOLERANCE:
            found[situation_id] = counts
    return found
