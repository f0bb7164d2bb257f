"""The registry of data files: every CSV file in data/ with its schema and what the app needs to
know about it besides its columns (ids, order, roles, the key of a translated row)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import pandas as pd
import pandera.pandas as pa

from explorer.rules.columns import role_column
from explorer.rules.schemas import (
    Refs,
    anatomy_states_schema,
    answers_schema,
    attribute_levels_schema,
    attributes_schema,
    changelog_schema,
    clinic_schema,
    clinician_questions_schema,
    evaluation_schema,
    fit_levels_schema,
    offer_schema,
    option_fit_schema,
    options_schema,
    outcomes_schema,
    populations_schema,
    questions_schema,
    quiz_schema,
    ratings_schema,
    recovery_schema,
    release_schema,
    scan_findings_schema,
    scores_schema,
    short_answers_schema,
    situation_bounds_schema,
    situations_schema,
    sources_not_read_schema,
    sources_schema,
    speeds_schema,
    statements_schema,
    warning_groups_schema,
    warning_signs_schema,
)
from explorer.rules.vocabulary import (
    ATTRIBUTE_ROLES,
    EVALUATION_KINDS,
    MILESTONES,
    OPTION_ROLES,
    POINTS,
    READ_BY,
    ROLE,
    SUMMARY_ROLES,
)


@dataclass(frozen=True)
class CsvFile:
    """A data file in data/ and what the app needs to know about it besides its columns."""

    name: str
    schema: Callable[[Refs], pa.DataFrameSchema]
    # The column that names each row, when other files point at its rows, and the kind of id.
    id_column: str | None = None
    id_kind: str | None = None
    # Or the two columns that name each row together (an attribute's level), joined by level_key.
    id_pair: tuple[str, str] | None = None
    # Equal detail: two id columns whose every combination must have exactly one row.
    complete_over: tuple[str, str] | None = None
    # The columns that give the display order, if any.
    order_by: tuple[str, ...] = ()
    # The rows the code relies on, by role (see ROLE): each must be given to exactly one row.
    roles: tuple[str, ...] = ()
    # A file of settings: one row (its schema checks it), read as that row.
    one_row: bool = False
    # The columns that name one row in a translation (data/<language>/<file>), where the row's
    # id (or id pair) does not.
    row_key: tuple[str, ...] = ()

    @property
    def key_columns(self) -> tuple[str, ...]:
        if self.row_key:
            return self.row_key
        if self.id_column:
            return (self.id_column,)
        return self.id_pair or self.complete_over or ()

    @property
    def table(self) -> str:
        """The name Content gives this file's table: options.csv -> content.options."""
        return self.name.removesuffix(".csv")


FILES: tuple[CsvFile, ...] = (
    CsvFile(
        "options.csv",
        options_schema,
        "option_id",
        "option",
        order_by=("position",),
        roles=OPTION_ROLES,
    ),
    CsvFile(
        "questions.csv",
        questions_schema,
        "question_id",
        "question",
        order_by=("position",),
        roles=SUMMARY_ROLES,
    ),
    CsvFile("answers.csv", answers_schema, complete_over=("option_id", "question_id")),
    CsvFile(
        "short_answers.csv",
        short_answers_schema,
        row_key=("situation_id", "option_id", "question_id"),
    ),
    CsvFile(
        "attributes.csv",
        attributes_schema,
        "attribute_id",
        "attribute",
        order_by=("position",),
        roles=ATTRIBUTE_ROLES,
    ),
    CsvFile(
        "attribute_levels.csv",
        attribute_levels_schema,
        id_kind="attribute_level",
        id_pair=("attribute_id", "level"),
        order_by=("attribute_id", "level"),
    ),
    CsvFile("ratings.csv", ratings_schema, complete_over=("option_id", "attribute_id")),
    CsvFile("recovery.csv", recovery_schema, complete_over=("option_id", "milestone")),
    CsvFile("sources.csv", sources_schema, "source_id", "source"),
    CsvFile("sources_not_read.csv", sources_not_read_schema, row_key=("source_id",)),
    CsvFile("release.csv", release_schema, one_row=True, row_key=("version",)),
    CsvFile("statements.csv", statements_schema, order_by=("position",), row_key=("statement_id",)),
    CsvFile("quiz.csv", quiz_schema, order_by=("position",), row_key=("item_id",)),
    CsvFile(
        "clinician_questions.csv",
        clinician_questions_schema,
        order_by=("position",),
        row_key=("question_id",),
    ),
    CsvFile(
        "anatomy_states.csv", anatomy_states_schema, order_by=("position",), row_key=("state_id",)
    ),
    CsvFile(
        "scan_findings.csv", scan_findings_schema, order_by=("position",), row_key=("finding_id",)
    ),
    CsvFile(
        "situations.csv", situations_schema, "situation_id", "situation", order_by=("position",)
    ),
    CsvFile("situation_bounds.csv", situation_bounds_schema),
    CsvFile("fit_levels.csv", fit_levels_schema, "fit", "fit_level", order_by=("position",)),
    CsvFile("option_fit.csv", option_fit_schema, complete_over=("option_id", "situation_id")),
    CsvFile("populations.csv", populations_schema, "population_id", "population"),
    CsvFile("outcomes.csv", outcomes_schema, row_key=("option_id", "outcome_id")),
    CsvFile("scores.csv", scores_schema),
    CsvFile("speeds.csv", speeds_schema),
    CsvFile(
        "evaluation.csv",
        evaluation_schema,
        complete_over=("option_id", "kind"),
        order_by=("option_id", "position"),
        row_key=("option_id", "position"),
    ),
    CsvFile(
        "offer.csv",
        offer_schema,
        order_by=("option_id", "position"),
        row_key=("option_id", "position"),
    ),
    CsvFile(
        "warning_groups.csv",
        warning_groups_schema,
        "group_id",
        "warning_group",
        order_by=("position",),
    ),
    CsvFile(
        "warning_signs.csv",
        warning_signs_schema,
        order_by=("position",),
        row_key=("group_id", "position"),
    ),
    CsvFile("clinic.csv", clinic_schema, one_row=True),
    CsvFile(
        "changelog.csv", changelog_schema, order_by=("position",), row_key=("version", "position")
    ),
)
ID_KINDS = tuple(file.id_kind for file in FILES if file.id_kind)
# Id columns whose allowed values are fixed here rather than listed in a file.
FIXED_IDS: dict[str, list[str]] = {"milestone": list(MILESTONES), "kind": list(EVALUATION_KINDS)}


def role_ref(file: CsvFile, role: str) -> str:
    """The refs key of the ids given a role: 'option.no_procedure'."""
    return f"{file.id_kind}.{role}"


REF_KINDS = ID_KINDS + tuple(role_ref(file, role) for file in FILES for role in file.roles)


def schema_for(file: CsvFile, refs: Refs) -> pa.DataFrameSchema:
    """A file's whole schema: its own columns and checks, and its role column if it has roles."""
    schema = file.schema(refs)
    return schema.add_columns({ROLE: role_column(file.roles)}) if file.roles else schema


@cache  # asked for every translated row; the same for every language (checks carry no words)
def file_columns(file: CsvFile) -> dict[str, pa.Column]:
    """A file's columns and their rules about each cell (links between files left out). Shared:
    read it, never change it."""
    return schema_for(file, {kind: set() for kind in REF_KINDS}).columns


def expected_columns(file: CsvFile) -> list[str]:
    return list(file_columns(file))


def text_columns(file: CsvFile, read_by: str | None = None) -> list[str]:
    """The plain-text columns of a file; with `read_by`, only those read by PATIENTS or EXPERTS."""
    return [
        name
        for name, column in file_columns(file).items()
        if READ_BY in (column.metadata or {}) and read_by in (None, column.metadata[READ_BY])
    ]


def point_columns(file: CsvFile) -> list[str]:
    """The text columns whose cells are points (vocabulary.POINTS), each read on its own."""
    return [
        name for name, column in file_columns(file).items() if (column.metadata or {}).get(POINTS)
    ]


def role_ids(file: CsvFile, frame: pd.DataFrame) -> dict[str, str]:
    """Role -> the id of the row that has it, in a valid frame (each role names one row)."""
    marked = frame[frame[ROLE] != ""]
    return dict(zip(marked[ROLE], marked[file.id_column]))
