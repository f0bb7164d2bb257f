"""The single truth about every CSV file in data/: columns, types, allowed values and the links
between files. Every problem is reported in words a clinic's spreadsheet user can act on."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pandas as pd
import pandera.pandas as pa

CERTAINTY_LEVELS = ("high", "moderate", "low", "very low", "not known")
NOT_KNOWN = "not known"
OPTION_STATUSES = ("established", "investigational")
# The recovery milestones that recovery.csv gives weeks for, in display order.
MILESTONES = ("usual_activities", "work")
# Level 1 of every attribute is the lighter burden; attributes.csv states it in every row.
LIGHTER_END = "1"
# The disc states the anatomy diagram can draw (explorer/anatomy.py); each needs its row of text.
DISC_STATES = ("healthy", "tear", "herniation", "degenerated")
# A decision aid always offers "no procedure": every list of options a disc state links to has it.
NO_PROCEDURE_ID = "conservative"
# What an outcome in outcomes.csv is for the person: a benefit, or a harm (or more treatment).
OUTCOME_KINDS = ("benefit", "harm")
# Ids the code relies on, declared here and checked at load: the quality that says how sure we
# are about the benefit, and the one that says how big the benefit is (shown together).
EVIDENCE_ID = "evidence_strength"
BENEFIT_SIZE_ID = "benefit_size"
ATTRIBUTE_ROLES = (EVIDENCE_ID, BENEFIT_SIZE_ID)
# What changed in a release (changelog.csv): a review finding applied, one answered instead, or new.
CHANGE_KINDS = ("fixed", "answered", "added")
# The clinic's own numbers (clinic.csv), which the warning-sign actions name as {emergency_phone}.
CLINIC_PHONES = ("emergency_phone", "urgent_phone")
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
# Ages of the scan-findings table (Brinjikji 2015), one column each: age_20 ... age_80.
SCAN_AGES = (20, 30, 40, 50, 60, 70, 80)

# Ids are short, lower-case words so they read well in a shared link (?options=esi).
ID_PATTERN = r"^[a-z][a-z0-9_]*$"
SOURCE_ID_PATTERN = r"^S[0-9]+[a-z]?$"
# Several ids in one cell are separated by semicolons: "S9; S10", "conservative; esi".
SOURCE_SEPARATOR = ";"

# CSV text is shown as plain text, but markup in a cell is still a mistake (or an attack):
# HTML tags, Markdown images or links, script URLs and web addresses (which Streamlit's Markdown
# turns into links even when escaped; links belong in sources.csv) are refused at load time.
MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z!?]|!\[|\]\(|javascript:|https?://|www\.", re.IGNORECASE)
PLAIN_TEXT = "plain text without HTML tags, Markdown images/links or web addresses"

# Who reads a text column: patients (so its reading level is checked, see explorer/readability.py)
# or only people checking the evidence (citations).
READ_BY = "read_by"
PATIENTS = "patients"
EXPERTS = "experts"


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one data file, located as a spreadsheet user would find it."""

    file: str
    row: int | None  # spreadsheet row: the header is row 1, the first data row is row 2
    column: str | None
    value: str
    expected: str

    def message(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column is not None:
            where.append(f"column '{self.column}'")
        found = f"found '{self.value}'" if self.value != "" else "found an empty cell"
        return f"{', '.join(where)}: {found}; expected {self.expected}."


def split_ids(cell: str) -> list[str]:
    """'S9; S10' -> ['S9', 'S10'], 'conservative; esi' -> ['conservative', 'esi'] (empty cell -> [])."""
    return [part.strip() for part in str(cell).split(SOURCE_SEPARATOR) if part.strip()]


def _plain_text(
    *extra_checks: pa.Check, read_by: str = PATIENTS, required: bool = True, **column_options
) -> pa.Column:
    filled = [
        pa.Check(lambda s: s.str.strip() != "", error="some text (this cell must not be empty)")
    ]
    return pa.Column(
        str,
        checks=[
            *(filled if required else []),
            pa.Check(lambda s: ~s.str.contains(MARKUP), error=PLAIN_TEXT),
            *extra_checks,
        ],
        metadata={READ_BY: read_by},
        **column_options,
    )


def _id_column(unique: bool = True) -> pa.Column:
    return pa.Column(
        str,
        pa.Check.str_matches(ID_PATTERN, error="a short id in lower case letters, digits or _"),
        unique=unique,
    )


def _reference(known: set[str], what: str) -> pa.Column:
    known_list = ", ".join(sorted(known)) or "none found"
    article = "an" if what[0] in "aeiou" else "a"
    return pa.Column(
        str,
        pa.Check.isin(
            sorted(known), error=f"{article} {what} id listed in {what}s.csv ({known_list})"
        ),
    )


def _position() -> pa.Column:
    return pa.Column(
        int,
        pa.Check.ge(1, error="a whole number of 1 or more (the display order)"),
        coerce=True,
        unique=True,
    )


def _option_ids(known_options: set[str]) -> pa.Column:
    expected = (
        f"option ids listed in options.csv, separated by ';', always including "
        f"{NO_PROCEDURE_ID} (for example '{NO_PROCEDURE_ID}; esi')"
    )
    return pa.Column(
        str,
        pa.Check(
            lambda cells: cells.map(
                lambda cell: (
                    NO_PROCEDURE_ID in split_ids(cell) and set(split_ids(cell)) <= known_options
                )
            ),
            error=expected,
        ),
    )


def _out_of_100() -> pa.Column:
    # Text that is not a number is reported once, by the type check; this check skips it.
    return pa.Column(
        int,
        pa.Check(
            lambda s: pd.to_numeric(s, errors="coerce").fillna(0).between(0, 100),
            error="a whole number from 0 to 100 (people out of 100)",
        ),
        coerce=True,
    )


def _is_out_of_100(cells: pd.Series) -> pd.Series:
    numbers = pd.to_numeric(
        cells.where(cells.str.fullmatch(r"[0-9]+(\.[0-9]+)?"), None), errors="coerce"
    )
    return numbers.between(0, 100)


# People out of 100 may have a decimal (33.5 in 100 in a trial), as the source gave them.
OUT_OF_100 = "a number of people out of 100, from 0 to 100 (for example 12 or 33.5)"


def _count(required: bool) -> pa.Column:
    if required:
        return pa.Column(str, pa.Check(_is_out_of_100, error=OUT_OF_100))
    return pa.Column(
        str, pa.Check(lambda s: (s == "") | _is_out_of_100(s), error=OUT_OF_100 + ", or empty")
    )


def _count_to(column: str, count_column: str) -> pa.Check:
    """The upper end of a range of people out of 100: empty for a single number."""

    def rule(df: pd.DataFrame) -> pd.Series:
        low = pd.to_numeric(df[count_column], errors="coerce")
        high = pd.to_numeric(df[column], errors="coerce")
        return (df[column] == "") | low.isna() | (high > low)

    return _row_rule(
        column,
        rule,
        f"empty for a single number; for a range, its upper end, above '{count_column}'",
    )


def age_column(age: int) -> str:
    return f"age_{age}"


def _one_of(values: tuple[str, ...]) -> pa.Column:
    return pa.Column(str, pa.Check.isin(values, error="one of: " + ", ".join(values)))


def _certainty() -> pa.Column:
    return _one_of(CERTAINTY_LEVELS)


def _source_ids(known_sources: set[str], required: bool = True) -> pa.Column:
    def all_known(cells: pd.Series) -> pd.Series:
        return cells.map(
            lambda cell: all(
                re.match(SOURCE_ID_PATTERN, part) and part in known_sources
                for part in split_ids(cell)
            )
        )

    checks = [
        pa.Check(
            all_known,
            error="source ids listed in sources.csv, separated by ';' (for example 'S9; S10')",
        )
    ]
    if required:
        checks.append(
            pa.Check(
                lambda s: s.str.strip() != "", error="at least one source id (for example 'S9')"
            )
        )
    return pa.Column(str, checks=checks)


# Rules that look at several cells of a row are reported against the one cell to fix.
_ROW_RULE_COLUMNS: dict[str, str] = {}


def _row_rule(column: str, rule: Callable[[pd.DataFrame], pd.Series], expected: str) -> pa.Check:
    _ROW_RULE_COLUMNS[expected] = column
    return pa.Check(rule, error=expected)


def _date() -> pa.Column:
    return pa.Column(
        str,
        pa.Check(
            lambda s: pd.to_datetime(s, format="%Y-%m-%d", errors="coerce").notna(),
            error="a date written as YYYY-MM-DD",
        ),
    )


# ---------------------------------------------------------------------------------------------
# One schema per file. `refs` holds the ids other files define, for the links between files.
Refs = Mapping[str, set[str]]


def options_schema(refs: Refs) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "option_id": _id_column(),
            "position": _position(),
            "name": _plain_text(unique=True),
            "short_name": _plain_text(unique=True),
            "summary": _plain_text(),
            "status": _one_of(OPTION_STATUSES),
            "source_ids": _source_ids(refs["source"]),
        },
        name="options.csv",
    )


def questions_schema(refs: Refs) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "question_id": _id_column(),
            "position": _position(),
            "question": _plain_text(unique=True),
        },
        name="questions.csv",
    )


def _sourced_unless_not_known() -> pa.Check:
    # A cell may go without a source only when we say its content is not known.
    return _row_rule(
        "source_ids",
        lambda df: (df["source_ids"].str.strip() != "") | (df["certainty"] == NOT_KNOWN),
        "at least one source id (only rows graded 'not known' may have none)",
    )


def answers_schema(refs: Refs) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "option_id": _reference(refs["option"], "option"),
            "question_id": _reference(refs["question"], "question"),
            "answer": _plain_text(),
            "source_ids": _source_ids(refs["source"], required=False),
            "certainty": _certainty(),
        },
        checks=_sourced_unless_not_known(),
        unique=["option_id", "question_id"],
        name="answers.csv",
    )


def level_key(attribute_id: str, level) -> str:
    """How ratings.csv points at one level of one attribute: 'invasiveness:2'."""
    text = str(level).strip()
    return f"{str(attribute_id).strip()}:{int(text) if text.isdigit() else text}"


def _whole_number(cells: pd.Series) -> pd.Series:
    return cells.str.fullmatch(r"[0-9]+")


def attributes_schema(refs: Refs) -> pa.DataFrameSchema:
    defined = refs["attribute_level"]
    return pa.DataFrameSchema(
        {
            "attribute_id": _id_column(),
            "position": _position(),
            "name": _plain_text(unique=True),
            "description": _plain_text(),
            # The one rule by which every option is rated on this quality, shown beside its chart.
            "rule": _plain_text(),
            "lighter_end": pa.Column(
                str,
                pa.Check.isin(
                    [LIGHTER_END],
                    error="1: level 1 is always the lighter burden, so number the levels in "
                    "attribute_levels.csv from lightest (1) to heaviest",
                ),
            ),
        },
        checks=[
            _row_rule(
                "attribute_id",
                lambda df: df["attribute_id"].map(
                    lambda attribute: (
                        level_key(attribute, 1) in defined and level_key(attribute, 2) in defined
                    )
                ),
                "an attribute with at least levels 1 and 2 in attribute_levels.csv",
            ),
            pa.Check(
                lambda df: set(ATTRIBUTE_ROLES) <= set(df["attribute_id"]),
                error="a row for each quality the app shows beside every chart: "
                + ", ".join(ATTRIBUTE_ROLES),
            ),
        ],
        name="attributes.csv",
    )


def attribute_levels_schema(refs: Refs) -> pa.DataFrameSchema:
    def contiguous(df: pd.DataFrame) -> pd.Series:
        # Unique levels of 1 or more, none above the attribute's count: exactly 1, 2, ... n.
        levels = pd.to_numeric(df["level"], errors="coerce")
        return levels.isna() | (levels <= df.groupby("attribute_id")["level"].transform("size"))

    return pa.DataFrameSchema(
        {
            "attribute_id": _reference(refs["attribute"], "attribute"),
            "level": pa.Column(
                int,
                pa.Check.ge(1, error="a whole number of 1 or more (1 = lighter burden)"),
                coerce=True,
            ),
            "label": _plain_text(
                pa.Check(
                    lambda s: s.str.strip().str.lower() != NOT_KNOWN,
                    error="the level in words (for a rating that is not known, leave its level "
                    "empty in ratings.csv instead)",
                )
            ),
        },
        checks=[
            _row_rule(
                "level", contiguous, "levels numbered 1, 2, 3 ... with no gaps for each attribute"
            ),
            _row_rule(
                "label",
                lambda df: ~df.duplicated(["attribute_id", "label"], keep=False),
                "words not used for another level of the same attribute",
            ),
        ],
        unique=["attribute_id", "level"],
        name="attribute_levels.csv",
    )


def _empty_only_when_not_known(
    column: str, has_value: Callable[[pd.DataFrame], pd.Series], expected: str
) -> pa.Check:
    """A cell that holds a value when the row is graded, and stays empty when it is 'not known':
    a gap is shown as 'Not known', never filled with a guess."""

    def rule(df: pd.DataFrame) -> pd.Series:
        not_known = df["certainty"] == NOT_KNOWN
        return (not_known & (df[column] == "")) | (~not_known & has_value(df))

    return _row_rule(
        column, rule, f"{expected}; leave it empty if, and only if, certainty is 'not known'"
    )


def ratings_schema(refs: Refs) -> pa.DataFrameSchema:
    defined = refs["attribute_level"]
    return pa.DataFrameSchema(
        {
            "option_id": _reference(refs["option"], "option"),
            "attribute_id": _reference(refs["attribute"], "attribute"),
            "level": pa.Column(str),
            "source_ids": _source_ids(refs["source"], required=False),
            "certainty": _certainty(),
        },
        checks=[
            _empty_only_when_not_known(
                "level",
                lambda df: pd.Series(
                    [
                        level_key(a, level) in defined
                        for a, level in zip(df["attribute_id"], df["level"])
                    ],
                    index=df.index,
                ),
                "a level that attribute_levels.csv lists for this row's attribute_id",
            ),
            _sourced_unless_not_known(),
        ],
        unique=["option_id", "attribute_id"],
        name="ratings.csv",
    )


def _no_fewer_weeks_than_min(df: pd.DataFrame) -> pd.Series:
    # A weeks_min that is not a number is reported on its own cell, not here as well.
    weeks_min = pd.to_numeric(df["weeks_min"], errors="coerce")
    weeks_max = pd.to_numeric(df["weeks_max"], errors="coerce")
    return _whole_number(df["weeks_max"]) & (weeks_min.isna() | (weeks_max >= weeks_min))


def recovery_schema(refs: Refs) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "option_id": _reference(refs["option"], "option"),
            "milestone": _one_of(MILESTONES),
            "weeks_min": pa.Column(str),
            "weeks_max": pa.Column(str),
            "note": _plain_text(),
            "source_ids": _source_ids(refs["source"], required=False),
            "certainty": _certainty(),
        },
        checks=[
            _empty_only_when_not_known(
                "weeks_min",
                lambda df: _whole_number(df["weeks_min"]),
                "a whole number of weeks (0 or more)",
            ),
            _empty_only_when_not_known(
                "weeks_max",
                _no_fewer_weeks_than_min,
                "a whole number of weeks, no less than weeks_min",
            ),
            _sourced_unless_not_known(),
        ],
        unique=["option_id", "milestone"],
        name="recovery.csv",
    )


def sources_schema(refs: Refs) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "source_id": pa.Column(
                str,
                pa.Check.str_matches(SOURCE_ID_PATTERN, error="an id like S9 or S10a"),
                unique=True,
            ),
            "citation": _plain_text(read_by=EXPERTS),
            "link": pa.Column(
                str,
                pa.Check.str_matches(
                    r"^(https?://\S+|doi:\S+)$",
                    error="a web address (https://...) or a DOI (doi:...)",
                ),
            ),
            "year": pa.Column(
                int, pa.Check.in_range(1900, 2100, error="a four-digit year"), coerce=True
            ),
        },
        name="sources.csv",
    )


def _version() -> pa.Column:
    return pa.Column(
        str, pa.Check.str_matches(r"^\d+\.\d+(\.\d+)?$", error="a version like 1.0 or 1.2.3")
    )


def release_schema(refs: Refs) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "version": _version(),
            "content_date": _date(),
            "next_review_date": _date(),
            "review_policy": _plain_text(),
        },
        checks=pa.Check(lambda df: len(df) == 1, error="exactly one row"),
        name="release.csv",
    )


def statements_schema(refs: Refs) -> pa.DataFrameSchema:
    known = refs.get("attribute", set())

    def all_known(cells: pd.Series) -> pd.Series:
        return cells.map(
            lambda cell: bool(split_ids(cell)) and all(a in known for a in split_ids(cell))
        )

    return pa.DataFrameSchema(
        {
            "statement_id": _id_column(),
            "position": _position(),
            "statement": _plain_text(unique=True),
            "attribute_ids": pa.Column(
                str,
                pa.Check(
                    all_known,
                    error="attribute ids listed in attributes.csv, separated by ';' ("
                    + (", ".join(sorted(known)) or "none found")
                    + ")",
                ),
            ),
            # Which levels of those attributes line up with the statement: 1 up to this one well,
            # this one and above poorly, any in between partly (level 1 is the lightest burden).
            "lines_up_well_to": pa.Column(
                int, pa.Check.ge(1, error="a level of 1 or more"), coerce=True
            ),
            "lines_up_poorly_from": pa.Column(
                int, pa.Check.ge(2, error="a level of 2 or more"), coerce=True
            ),
        },
        checks=_row_rule(
            "lines_up_poorly_from",
            lambda df: (
                pd.to_numeric(df["lines_up_poorly_from"], errors="coerce")
                > pd.to_numeric(df["lines_up_well_to"], errors="coerce")
            ),
            "a level above the one in 'lines_up_well_to'",
        ),
        name="statements.csv",
    )


def quiz_schema(refs: Refs) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "item_id": _id_column(),
            "position": _position(),
            "statement": _plain_text(unique=True),
            "correct": pa.Column(str, pa.Check.isin(["true", "false"], error="true or false")),
            "explanation": _plain_text(),
            "source_ids": _source_ids(refs["source"]),
        },
        name="quiz.csv",
    )


def clinician_questions_schema(refs: Refs) -> pa.DataFrameSchema:
    known = refs["option"] | {"general"}
    return pa.DataFrameSchema(
        {
            "question_id": _id_column(),
            "position": _position(),
            "about": pa.Column(
                str,
                pa.Check.isin(
                    sorted(known), error="'general' or an option id listed in options.csv"
                ),
            ),
            "question": _plain_text(unique=True),
        },
        name="clinician_questions.csv",
    )


def anatomy_states_schema(refs: Refs) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "state_id": pa.Column(
                str,
                pa.Check.isin(
                    DISC_STATES,
                    error="one of the disc states the diagram draws: " + ", ".join(DISC_STATES),
                ),
                unique=True,
            ),
            "position": _position(),
            "name": _plain_text(unique=True),
            "what_it_is": _plain_text(),
            "options_note": _plain_text(),
            "option_ids": _option_ids(refs["option"]),
            "source_ids": _source_ids(refs["source"]),
            "certainty": _certainty(),
        },
        checks=pa.Check(
            lambda df: set(DISC_STATES) <= set(df["state_id"]),
            error="a row for every disc state: " + ", ".join(DISC_STATES),
        ),
        name="anatomy_states.csv",
    )


def scan_findings_schema(refs: Refs) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "finding_id": _id_column(),
            "position": _position(),
            "finding": _plain_text(unique=True),
            **{age_column(age): _out_of_100() for age in SCAN_AGES},
            "source_ids": _source_ids(refs["source"]),
            "certainty": _certainty(),
        },
        name="scan_findings.csv",
    )


def _same_for_each(column: str, key: str, allowed: tuple[str, ...] | None = None) -> pa.Check:
    """Rows that share `key` agree on `column`. A value outside `allowed` is reported by its
    own check instead, with the allowed values."""

    def rule(df: pd.DataFrame) -> pd.Series:
        values = df[column] if allowed is None else df[column].where(df[column].isin(allowed))
        return values.isna() | (values.groupby(df[key]).transform("nunique") == 1)

    return _row_rule(
        column,
        rule,
        f"the same '{column}' in every row with this {key} (rows with one {key} are one outcome)",
    )


def outcomes_schema(refs: Refs) -> pa.DataFrameSchema:
    # An outcome without a number is not listed: the page says "not known" for it.
    has_comparison = lambda df: df["comparison_group"] != ""  # noqa: E731
    return pa.DataFrameSchema(
        {
            "option_id": _reference(refs["option"], "option"),
            "outcome_id": _id_column(unique=False),
            "kind": _one_of(OUTCOME_KINDS),
            "outcome": _plain_text(),
            "group": _plain_text(),
            "count": _count(required=True),
            "count_to": _count(required=False),
            "comparison_group": _plain_text(required=False),
            "comparison_count": _count(required=False),
            "comparison_count_to": _count(required=False),
            "people": _plain_text(),
            "time_frame": _plain_text(),
            "note": _plain_text(required=False),
            "source_ids": _source_ids(refs["source"]),
            "certainty": _one_of(tuple(level for level in CERTAINTY_LEVELS if level != NOT_KNOWN)),
        },
        checks=[
            _count_to("count_to", "count"),
            _count_to("comparison_count_to", "comparison_count"),
            _row_rule(
                "comparison_count",
                lambda df: has_comparison(df) == (df["comparison_count"] != ""),
                "a number when there is a comparison_group, and empty when there is none",
            ),
            _row_rule(
                "comparison_count_to",
                lambda df: has_comparison(df) | (df["comparison_count_to"] == ""),
                "empty when there is no comparison_group",
            ),
            _same_for_each("outcome", "outcome_id"),
            _same_for_each("kind", "outcome_id", allowed=OUTCOME_KINDS),
        ],
        unique=["option_id", "outcome_id"],
        name="outcomes.csv",
    )


def _placeholders_known(cells: pd.Series) -> pd.Series:
    return cells.map(lambda cell: set(PLACEHOLDER.findall(cell)) <= set(CLINIC_PHONES))


def warning_groups_schema(refs: Refs) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "group_id": _id_column(),
            "position": _position(),
            "heading": _plain_text(),
            "action": _plain_text(
                pa.Check(
                    _placeholders_known,
                    error="what to do; a phone number from clinic.csv may be written as "
                    + " or ".join("{" + name + "}" for name in CLINIC_PHONES),
                )
            ),
            "source_ids": _source_ids(refs["source"]),
            "certainty": _certainty(),
        },
        name="warning_groups.csv",
    )


def warning_signs_schema(refs: Refs) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "group_id": _reference(refs["warning_group"], "warning_group"),
            "position": pa.Column(
                int,
                pa.Check.ge(1, error="a whole number of 1 or more (the order in its group)"),
                coerce=True,
            ),
            "sign": _plain_text(unique=True),
        },
        unique=["group_id", "position"],
        name="warning_signs.csv",
    )


def clinic_schema(refs: Refs) -> pa.DataFrameSchema:
    phone = pa.Column(
        str,
        pa.Check.str_matches(
            r"^\+?[0-9][0-9 ()-]{1,19}$",
            error="a phone number, digits only (for example 999 or 911)",
        ),
    )
    return pa.DataFrameSchema(
        {name: phone for name in CLINIC_PHONES},
        checks=pa.Check(lambda df: len(df) == 1, error="exactly one row"),
        name="clinic.csv",
    )


def changelog_schema(refs: Refs) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "version": _version(),
            "position": _position(),
            "kind": _one_of(CHANGE_KINDS),
            "finding": pa.Column(
                str,
                pa.Check.str_matches(
                    r"^([0-9]+(\s*;\s*[0-9]+)*)?$",
                    error="empty, or review finding numbers separated by ';' (for example '3; 33')",
                ),
            ),
            "change": _plain_text(read_by=EXPERTS),
            "reason": _plain_text(read_by=EXPERTS),
        },
        checks=_row_rule(
            "finding",
            lambda df: (df["kind"] == "added") | (df["finding"].str.strip() != ""),
            "the review finding number(s) this row fixes or answers (only 'added' rows have none)",
        ),
        name="changelog.csv",
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
    # The column that gives the display order, if any.
    order_by: str | None = None


FILES: tuple[CsvFile, ...] = (
    CsvFile("options.csv", options_schema, "option_id", "option", order_by="position"),
    CsvFile("questions.csv", questions_schema, "question_id", "question", order_by="position"),
    CsvFile("answers.csv", answers_schema, complete_over=("option_id", "question_id")),
    CsvFile("attributes.csv", attributes_schema, "attribute_id", "attribute", order_by="position"),
    CsvFile(
        "attribute_levels.csv",
        attribute_levels_schema,
        id_kind="attribute_level",
        id_pair=("attribute_id", "level"),
    ),
    CsvFile("ratings.csv", ratings_schema, complete_over=("option_id", "attribute_id")),
    CsvFile("recovery.csv", recovery_schema, complete_over=("option_id", "milestone")),
    CsvFile("sources.csv", sources_schema, "source_id", "source"),
    CsvFile("release.csv", release_schema),
    CsvFile("statements.csv", statements_schema, order_by="position"),
    CsvFile("quiz.csv", quiz_schema, order_by="position"),
    CsvFile("clinician_questions.csv", clinician_questions_schema, order_by="position"),
    CsvFile("anatomy_states.csv", anatomy_states_schema, order_by="position"),
    CsvFile("scan_findings.csv", scan_findings_schema, order_by="position"),
    CsvFile("outcomes.csv", outcomes_schema),
    CsvFile(
        "warning_groups.csv",
        warning_groups_schema,
        "group_id",
        "warning_group",
        order_by="position",
    ),
    CsvFile("warning_signs.csv", warning_signs_schema, order_by="position"),
    CsvFile("clinic.csv", clinic_schema),
    CsvFile("changelog.csv", changelog_schema, order_by="position"),
)
ID_KINDS = tuple(file.id_kind for file in FILES if file.id_kind)
# Id columns whose allowed values are fixed here rather than listed in a file.
FIXED_IDS: dict[str, list[str]] = {"milestone": list(MILESTONES)}


def _columns(file: CsvFile) -> dict[str, pa.Column]:
    return file.schema({kind: set() for kind in ID_KINDS}).columns


def expected_columns(file: CsvFile) -> list[str]:
    return list(_columns(file))


def text_columns(file: CsvFile, read_by: str | None = None) -> list[str]:
    """The plain-text columns of a file; with `read_by`, only those read by PATIENTS or EXPERTS."""
    return [
        name
        for name, column in _columns(file).items()
        if READ_BY in (column.metadata or {}) and read_by in (None, column.metadata[READ_BY])
    ]


def collect_refs(raw_frames: Mapping[str, pd.DataFrame]) -> dict[str, set[str]]:
    """The ids each file defines, read from the raw frames so that one bad file does not hide
    the link problems of another."""
    refs: dict[str, set[str]] = {kind: set() for kind in ID_KINDS}
    for file in FILES:
        frame = raw_frames.get(file.name)
        if file.id_kind and frame is not None and file.id_column in frame.columns:
            refs[file.id_kind] = {str(v).strip() for v in frame[file.id_column] if str(v).strip()}
        if file.id_pair and frame is not None and set(file.id_pair) <= set(frame.columns):
            first, second = file.id_pair
            refs[file.id_kind] = {level_key(a, b) for a, b in zip(frame[first], frame[second])}
    return refs


def _describe_check(check: str, column: str | None) -> str:
    """Pandera's built-in check names, said in words; our own checks carry their own words."""
    if check == "column_in_dataframe":
        return "this column in the header row"
    if check == "field_uniqueness":
        return "a value not used in any other row (each must be unique)"
    if check == "multiple_fields_uniqueness":
        return "only one row for each combination of " + (column or "these columns")
    if check.startswith(("coerce_dtype('int", "dtype('int")):
        return "a whole number"
    if check.startswith(("coerce_dtype", "dtype")):
        return "text"
    return check


def validate(
    file: CsvFile, frame: pd.DataFrame, refs: Refs
) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Check one file against its schema, listing every problem rather than stopping at the first."""
    schema = file.schema(refs)
    try:
        return schema.validate(frame, lazy=True), []
    except pa.errors.SchemaErrors as errors:
        return None, _problems_from(file.name, errors.failure_cases, frame)


def _problems_from(file_name: str, failures: pd.DataFrame, frame: pd.DataFrame) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[tuple] = set()
    records = failures.to_dict("records")
    # When a cell cannot be converted (e.g. text in a number column), the column's other checks
    # fail as a whole with a Python error: the conversion problem is the one to report.
    unconverted = {f["column"] for f in records if str(f["check"]).startswith("coerce_dtype")}
    for failure in records:
        check = str(failure["check"])
        column = failure["column"]
        index = failure["index"]
        if (
            column in unconverted
            and pd.isna(index)
            and not check.startswith(("coerce_dtype", "dtype"))
        ):
            continue
        if check == "column_in_dataframe":
            column = str(failure["failure_case"])
            key = (None, column)
            problem = Problem(
                file_name, 1, column, "no such column", _describe_check(check, column)
            )
        elif check in _ROW_RULE_COLUMNS:
            if column != _ROW_RULE_COLUMNS[check]:
                continue  # pandera lists every cell of the failing row; keep the one to fix
            row = int(index) + 2
            key = (row, column)
            problem = Problem(file_name, row, column, str(failure["failure_case"]), check)
        elif failure["schema_context"] == "DataFrameSchema" and column is None:
            # A rule about whole rows (e.g. "a source unless not known", "exactly one row").
            row = None if pd.isna(index) else int(index) + 2
            key = (row, check)
            problem = Problem(
                file_name, row, None, _row_preview(frame, index), _describe_check(check, None)
            )
        else:
            row = None if pd.isna(index) else int(index) + 2
            key = (row, column)
            value = "" if pd.isna(failure["failure_case"]) else str(failure["failure_case"])
            problem = Problem(file_name, row, column, value, _describe_check(check, column))
        if key not in seen:  # a failed type conversion is reported twice by pandera
            seen.add(key)
            problems.append(problem)
    return sorted(problems, key=lambda p: (p.row or 0, p.column or ""))


def _row_preview(frame: pd.DataFrame, index) -> str:
    if pd.isna(index) or index not in frame.index:
        return f"{len(frame)} rows"
    return " | ".join(str(v) for v in frame.loc[index].tolist())


def missing_rows(
    file: CsvFile, frame: pd.DataFrame, ordered_ids: Mapping[str, list[str]]
) -> list[Problem]:
    """Equal detail: every combination of the two kinds of id (e.g. every option and every
    question) must have its row. `ordered_ids` maps an id column to its ids in display order."""
    first, second = file.complete_over
    ordered_ids = {**FIXED_IDS, **ordered_ids}
    given = set(zip(frame[first], frame[second]))
    return [
        Problem(
            file.name,
            None,
            f"{first}, {second}",
            f"no row for {first} '{a}' with {second} '{b}'",
            f"a row for every {first} and {second} (add one for {a} + {b})",
        )
        for a in ordered_ids.get(first, [])
        for b in ordered_ids.get(second, [])
        if (a, b) not in given
    ]
