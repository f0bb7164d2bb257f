"""Reusable column and check builders: the rules the per-file schemas (explorer/rules/schemas.py)
are made of. Each check carries the words of what it expects, said as what follows "expected"."""

from __future__ import annotations

import re
from collections.abc import Callable

import pandas as pd
import pandera.pandas as pa

from explorer.rules.said import Said, expects, said
from explorer.rules.vocabulary import (
    CERTAINTY_LEVELS,
    ID_PATTERN,
    MARKUP,
    MAX_KEY_POINTS,
    MAX_POINT_WORDS,
    NOT_KNOWN,
    NUMBER,
    PATIENTS,
    POINT_SEPARATOR,
    POINTS,
    READ_BY,
    SOURCE_ID_PATTERN,
    split_ids,
    split_points,
)


def plain_text(
    *extra_checks: pa.Check, read_by: str = PATIENTS, required: bool = True, **column_options
) -> pa.Column:
    filled = [pa.Check(lambda s: s.str.strip() != "", error=expects("data_rule.filled"))]
    return pa.Column(
        str,
        checks=[
            *(filled if required else []),
            pa.Check(lambda s: ~s.str.contains(MARKUP), error=expects("data_rule.plain_text")),
            *extra_checks,
        ],
        metadata={READ_BY: read_by},
        **column_options,
    )


def key_points() -> pa.Column:
    """A short form of a text for the shared screen: 1 to MAX_KEY_POINTS points separated by
    POINT_SEPARATOR, none empty, each of at most MAX_POINT_WORDS words. Each point is read on
    its own (POINTS), by the reading gate too."""

    def short(cell: str) -> bool:
        points = split_points(cell)
        return 1 <= len(points) <= MAX_KEY_POINTS and all(
            point and len(point.split()) <= MAX_POINT_WORDS for point in points
        )

    column = plain_text(
        pa.Check(
            lambda cells: cells.map(short),
            error=expects(
                "data_rule.key_points",
                most=MAX_KEY_POINTS,
                words=MAX_POINT_WORDS,
                separator=POINT_SEPARATOR,
            ),
        )
    )
    column.metadata = {**column.metadata, POINTS: True}
    return column


def point_sources(known_sources: set[str]) -> pa.Column:
    """The sources of each key point, a group of ids per point (separated by POINT_SEPARATOR),
    or empty when no point has a source (see points_sourced)."""

    def all_known(cell: str) -> bool:
        return all(
            re.match(SOURCE_ID_PATTERN, source) and source in known_sources
            for group in split_points(cell)
            for source in split_ids(group)
        )

    return pa.Column(
        str, pa.Check(lambda cells: cells.map(all_known), error=expects("data_rule.source_ids"))
    )


def points_sourced(points: str, sources: str, all_sources: str) -> pa.Check:
    """Each key point has its own sources, drawn from the whole text's (`all_sources`): a group per
    point, none empty. A row graded 'not known' may leave the sources empty, as the text's."""

    def rule(df: pd.DataFrame) -> pd.Series:
        return pd.Series(
            [
                (not groups and certainty == NOT_KNOWN)
                or (
                    len(groups) == len(split_points(cell))
                    and all(split_ids(group) for group in groups)
                    and all(set(split_ids(group)) <= set(split_ids(whole)) for group in groups)
                )
                for cell, groups, whole, certainty in zip(
                    df[points], df[sources].map(split_points), df[all_sources], df["certainty"]
                )
            ],
            index=df.index,
        )

    return row_rule(
        sources,
        rule,
        said("data_rule.points_sourced", separator=POINT_SEPARATOR, sources=all_sources),
    )


def row_id(unique: bool = True) -> pa.Column:
    return pa.Column(
        str,
        pa.Check.str_matches(ID_PATTERN, error=expects("data_rule.id")),
        unique=unique,
    )


def known_ids(ids: set[str]) -> str | Said:
    return ", ".join(sorted(ids)) or said("data_rule.none_found")


def reference(known: set[str], id_kind: str, empty_allowed: bool = False) -> pa.Column:
    """The id of a row of another file; with `empty_allowed`, or an empty cell (none)."""
    allowed = sorted(known | {""}) if empty_allowed else sorted(known)
    return pa.Column(
        str,
        pa.Check.isin(
            allowed, error=expects(f"data_rule.reference.{id_kind}", known=known_ids(known))
        ),
    )


def position() -> pa.Column:
    return pa.Column(
        int,
        pa.Check.ge(1, error=expects("data_rule.position")),
        coerce=True,
        unique=True,
    )


def position_in_group() -> pa.Column:
    return pa.Column(int, pa.Check.ge(1, error=expects("data_rule.position_in_group")), coerce=True)


def id_list(known: set[str], id_kind: str) -> pa.Column:
    """Ids of another file's rows separated by ';', or empty for none."""
    return pa.Column(
        str,
        pa.Check(
            lambda cells: cells.map(lambda cell: set(split_ids(cell)) <= known),
            error=expects(f"data_rule.id_list.{id_kind}", known=known_ids(known)),
        ),
    )


def option_ids(known_options: set[str], no_procedure: set[str]) -> pa.Column:
    # Without exactly one no-procedure option, options.csv reports its role: not every row here.
    if len(no_procedure) != 1:
        no_procedure = set()
    return pa.Column(
        str,
        pa.Check(
            lambda cells: cells.map(
                lambda cell: no_procedure <= set(split_ids(cell)) <= known_options
            ),
            error=expects("data_rule.option_ids", no_procedure=known_ids(no_procedure)),
        ),
    )


def out_of_100() -> pa.Column:
    # Text that is not a number is reported once, by the type check; this check skips it.
    return pa.Column(
        int,
        pa.Check(
            lambda s: pd.to_numeric(s, errors="coerce").fillna(0).between(0, 100),
            error=expects("data_rule.out_of_100"),
        ),
        coerce=True,
    )


def _is_out_of_100(cells: pd.Series) -> pd.Series:
    numbers = pd.to_numeric(
        cells.where(cells.str.fullmatch(r"[0-9]+(\.[0-9]+)?"), None), errors="coerce"
    )
    return numbers.between(0, 100)


def count(required: bool) -> pa.Column:
    # People out of 100 may have a decimal (33.5 in 100 in a trial), as the source gave them.
    if required:
        check = pa.Check(_is_out_of_100, error=expects("data_rule.count"))
    else:
        check = pa.Check(
            lambda s: (s == "") | _is_out_of_100(s), error=expects("data_rule.count_or_empty")
        )
    return pa.Column(str, check, metadata={NUMBER: "float64"})


def count_to(column: str, count_column: str) -> pa.Check:
    """The upper end of a range of people out of 100: empty for a single number."""

    def rule(df: pd.DataFrame) -> pd.Series:
        low = pd.to_numeric(df[count_column], errors="coerce")
        high = pd.to_numeric(df[column], errors="coerce")
        return (df[column] == "") | low.isna() | (high > low)

    return row_rule(column, rule, said("data_rule.count_to", count_column=count_column))


def one_of(values: tuple[str, ...]) -> pa.Column:
    return pa.Column(
        str, pa.Check.isin(values, error=expects("data_rule.one_of", values=", ".join(values)))
    )


def certainty() -> pa.Column:
    return one_of(CERTAINTY_LEVELS)


def source_ids(known_sources: set[str], required: bool = True) -> pa.Column:
    def all_known(cells: pd.Series) -> pd.Series:
        return cells.map(
            lambda cell: all(
                re.match(SOURCE_ID_PATTERN, part) and part in known_sources
                for part in split_ids(cell)
            )
        )

    checks = [pa.Check(all_known, error=expects("data_rule.source_ids"))]
    if required:
        checks.append(
            pa.Check(lambda s: s.str.strip() != "", error=expects("data_rule.a_source_id"))
        )
    return pa.Column(str, checks=checks)


# Pandera lists every cell of a row that fails a rule about several cells; the check itself says
# which one cell to fix, and the report keeps only that one.
REPORT_ON = "report_on"


def row_rule(column: str, rule: Callable[[pd.DataFrame], pd.Series], expected: Said) -> pa.Check:
    return pa.Check(rule, error=expected.encoded(), statistics={REPORT_ON: column})


def role_column(roles: tuple[str, ...]) -> pa.Column:
    # Most rows have no role; a role names exactly one row (the one missing is found by
    # missing_roles, once the file is valid).
    return pa.Column(
        str,
        checks=[
            pa.Check.isin(("", *roles), error=expects("data_rule.role", roles=", ".join(roles))),
            pa.Check(
                lambda s: (s == "") | ~s.duplicated(keep=False),
                error=expects("data_rule.role_once"),
            ),
        ],
    )


def one_row() -> pa.Check:
    return pa.Check(lambda df: len(df) == 1, error=expects("data_rule.one_row"))


def date() -> pa.Column:
    return pa.Column(
        str,
        pa.Check(
            lambda s: pd.to_datetime(s, format="%Y-%m-%d", errors="coerce").notna(),
            error=expects("data_rule.date"),
        ),
    )


def version() -> pa.Column:
    return pa.Column(
        str, pa.Check.str_matches(r"^\d+\.\d+(\.\d+)?$", error=expects("data_rule.version"))
    )


def whole_number(cells: pd.Series) -> pd.Series:
    return cells.str.fullmatch(r"[0-9]+")


def sourced_unless_not_known() -> pa.Check:
    # A cell may go without a source only when we say its content is not known.
    return row_rule(
        "source_ids",
        lambda df: (df["source_ids"].str.strip() != "") | (df["certainty"] == NOT_KNOWN),
        said("data_rule.sourced_unless_not_known"),
    )


def empty_only_when_not_known(
    column: str, has_value: Callable[[pd.DataFrame], pd.Series], expected: Said
) -> pa.Check:
    """A cell that holds a value when the row is graded, and stays empty when it is 'not known':
    a gap is shown as 'Not known', never filled with a guess."""

    def rule(df: pd.DataFrame) -> pd.Series:
        not_known = df["certainty"] == NOT_KNOWN
        return (not_known & (df[column] == "")) | (~not_known & has_value(df))

    return row_rule(column, rule, said("data_rule.empty_only_when_not_known", expected=expected))


def same_for_each(column: str, key: str, allowed: tuple[str, ...] | None = None) -> pa.Check:
    """Rows that share `key` agree on `column`. A value outside `allowed` is reported by its
    own check instead, with the allowed values."""

    def rule(df: pd.DataFrame) -> pd.Series:
        values = df[column] if allowed is None else df[column].where(df[column].isin(allowed))
        return values.isna() | (values.groupby(df[key]).transform("nunique") == 1)

    return row_rule(column, rule, said("data_rule.same_for_each", column=column, id_column=key))
