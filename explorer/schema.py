"""The single truth about every CSV file in data/: columns, types, allowed values and the links
between files. Every problem is reported in words a clinic's spreadsheet user can act on."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

import pandas as pd
import pandera.pandas as pa

from explorer.words import t

CERTAINTY_LEVELS = ("high", "moderate", "low", "very low", "not known")
NOT_KNOWN = "not known"
OPTION_STATUSES = ("established", "investigational")
# The recovery milestones that recovery.csv gives weeks for, in display order.
MILESTONES = ("usual_activities", "work")
# Level 1 of every attribute is the lighter burden; attributes.csv states it in every row.
LIGHTER_END = "1"
# The disc states the anatomy diagram can draw (explorer/anatomy.py); each needs its row of text.
DISC_STATES = ("healthy", "tear", "herniation", "degenerated")
# What an outcome in outcomes.csv is for the person: a benefit, or a harm (or more treatment).
OUTCOME_KINDS = ("benefit", "harm")
# How an option fits a person's situation (option_fit.csv), from most to least usual.
FITS = ("usually_offered", "sometimes_offered", "research_only", "not_usually_offered")
# What an evaluation for an option looks at (evaluation.csv), in the order the page shows them.
EVALUATION_KINDS = ("clinic_checks", "trial_entry", "guideline")
# Rows the code relies on are marked in their file's `role` column, never found by their id:
# renaming a row's id keeps its role, and a role missing or given twice is a data problem.
ROLE = "role"
# The quality that says how sure we are about the benefit, and the one that says how big the
# benefit is: shown together beside every chart.
EVIDENCE_ROLE = "evidence"
BENEFIT_SIZE_ROLE = "benefit_size"
ATTRIBUTE_ROLES = (EVIDENCE_ROLE, BENEFIT_SIZE_ROLE)
# The comparison rows a one- or two-page handout has room for: help, harm and certainty, the
# same rows for every option (equal detail).
SUMMARY_ROLES = ("benefits", "harms", "certainty")
# A decision aid always offers "no procedure": every list of options a disc state links to has it.
NO_PROCEDURE_ROLE = "no_procedure"
OPTION_ROLES = (NO_PROCEDURE_ROLE,)
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

# Who reads a text column: patients (so its reading level is checked, see explorer/readability.py)
# or only people checking the evidence (citations).
READ_BY = "read_by"
PATIENTS = "patients"
EXPERTS = "experts"
# The type a number column has once checked: its text is read as numbers once, at load, and an
# empty cell becomes missing (<NA>/NaN), so no code converts it again.
NUMBER = "number"


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
            where.append(t("data_problem.row", row=self.row))
        if self.column is not None:
            where.append(t("data_problem.column", column=self.column))
        found = (
            t("data_problem.found", value=self.value)
            if self.value != ""
            else t("data_problem.found_empty")
        )
        return t("data_problem.line", where=", ".join(where), found=found, expected=self.expected)


def split_ids(cell: str) -> list[str]:
    """'S9; S10' -> ['S9', 'S10'], 'conservative; esi' -> ['conservative', 'esi'] (empty cell -> [])."""
    return [part.strip() for part in str(cell).split(SOURCE_SEPARATOR) if part.strip()]


def _plain_text(
    *extra_checks: pa.Check, read_by: str = PATIENTS, required: bool = True, **column_options
) -> pa.Column:
    filled = [pa.Check(lambda s: s.str.strip() != "", error=t("data_rule.filled"))]
    return pa.Column(
        str,
        checks=[
            *(filled if required else []),
            pa.Check(lambda s: ~s.str.contains(MARKUP), error=t("data_rule.plain_text")),
            *extra_checks,
        ],
        metadata={READ_BY: read_by},
        **column_options,
    )


def _id_column(unique: bool = True) -> pa.Column:
    return pa.Column(
        str,
        pa.Check.str_matches(ID_PATTERN, error=t("data_rule.id")),
        unique=unique,
    )


def _known(ids: set[str]) -> str:
    return ", ".join(sorted(ids)) or t("data_rule.none_found")


def _reference(known: set[str], id_kind: str) -> pa.Column:
    return pa.Column(
        str,
        pa.Check.isin(
            sorted(known), error=t(f"data_rule.reference.{id_kind}", known=_known(known))
        ),
    )


def _position() -> pa.Column:
    return pa.Column(
        int,
        pa.Check.ge(1, error=t("data_rule.position")),
        coerce=True,
        unique=True,
    )


def _position_in_group() -> pa.Column:
    return pa.Column(int, pa.Check.ge(1, error=t("data_rule.position_in_group")), coerce=True)


def _id_list(known: set[str], id_kind: str) -> pa.Column:
    """Ids of another file's rows separated by ';', or empty for none."""
    return pa.Column(
        str,
        pa.Check(
            lambda cells: cells.map(lambda cell: set(split_ids(cell)) <= known),
            error=t(f"data_rule.id_list.{id_kind}", known=_known(known)),
        ),
    )


def _option_ids(known_options: set[str], no_procedure: set[str]) -> pa.Column:
    # Without exactly one no-procedure option, options.csv reports its role: not every row here.
    if len(no_procedure) != 1:
        no_procedure = set()
    return pa.Column(
        str,
        pa.Check(
            lambda cells: cells.map(
                lambda cell: no_procedure <= set(split_ids(cell)) <= known_options
            ),
            error=t("data_rule.option_ids", no_procedure=_known(no_procedure)),
        ),
    )


def _out_of_100() -> pa.Column:
    # Text that is not a number is reported once, by the type check; this check skips it.
    return pa.Column(
        int,
        pa.Check(
            lambda s: pd.to_numeric(s, errors="coerce").fillna(0).between(0, 100),
            error=t("data_rule.out_of_100"),
        ),
        coerce=True,
    )


def _is_out_of_100(cells: pd.Series) -> pd.Series:
    numbers = pd.to_numeric(
        cells.where(cells.str.fullmatch(r"[0-9]+(\.[0-9]+)?"), None), errors="coerce"
    )
    return numbers.between(0, 100)


def _count(required: bool) -> pa.Column:
    # People out of 100 may have a decimal (33.5 in 100 in a trial), as the source gave them.
    if required:
        check = pa.Check(_is_out_of_100, error=t("data_rule.count"))
    else:
        check = pa.Check(
            lambda s: (s == "") | _is_out_of_100(s), error=t("data_rule.count_or_empty")
        )
    return pa.Column(str, check, metadata={NUMBER: "float64"})


def _count_to(column: str, count_column: str) -> pa.Check:
    """The upper end of a range of people out of 100: empty for a single number."""

    def rule(df: pd.DataFrame) -> pd.Series:
        low = pd.to_numeric(df[count_column], errors="coerce")
        high = pd.to_numeric(df[column], errors="coerce")
        return (df[column] == "") | low.isna() | (high > low)

    return _row_rule(column, rule, t("data_rule.count_to", count_column=count_column))


def age_column(age: int) -> str:
    return f"age_{age}"


def _one_of(values: tuple[str, ...]) -> pa.Column:
    return pa.Column(
        str, pa.Check.isin(values, error=t("data_rule.one_of", values=", ".join(values)))
    )


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

    checks = [pa.Check(all_known, error=t("data_rule.source_ids"))]
    if required:
        checks.append(pa.Check(lambda s: s.str.strip() != "", error=t("data_rule.a_source_id")))
    return pa.Column(str, checks=checks)


# Pandera lists every cell of a row that fails a rule about several cells; the check itself says
# which one cell to fix, and the report keeps only that one.
REPORT_ON = "report_on"


def _row_rule(column: str, rule: Callable[[pd.DataFrame], pd.Series], expected: str) -> pa.Check:
    return pa.Check(rule, error=expected, statistics={REPORT_ON: column})


def _role(roles: tuple[str, ...]) -> pa.Column:
    # Most rows have no role; a role names exactly one row (the one missing is found by
    # missing_roles, once the file is valid).
    return pa.Column(
        str,
        checks=[
            pa.Check.isin(("", *roles), error=t("data_rule.role", roles=", ".join(roles))),
            pa.Check(
                lambda s: (s == "") | ~s.duplicated(keep=False), error=t("data_rule.role_once")
            ),
        ],
    )


def _one_row() -> pa.Check:
    return pa.Check(lambda df: len(df) == 1, error=t("data_rule.one_row"))


def _date() -> pa.Column:
    return pa.Column(
        str,
        pa.Check(
            lambda s: pd.to_datetime(s, format="%Y-%m-%d", errors="coerce").notna(),
            error=t("data_rule.date"),
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
        t("data_rule.sourced_unless_not_known"),
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
                str, pa.Check.isin([LIGHTER_END], error=t("data_rule.lighter_end"))
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
                t("data_rule.two_levels"),
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
                pa.Check.ge(1, error=t("data_rule.level")),
                coerce=True,
            ),
            "label": _plain_text(
                pa.Check(
                    lambda s: s.str.strip().str.lower() != NOT_KNOWN,
                    error=t("data_rule.level_label"),
                )
            ),
        },
        checks=[
            _row_rule("level", contiguous, t("data_rule.levels_in_order")),
            _row_rule(
                "label",
                lambda df: ~df.duplicated(["attribute_id", "label"], keep=False),
                t("data_rule.label_unique"),
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

    return _row_rule(column, rule, t("data_rule.empty_only_when_not_known", expected=expected))


def ratings_schema(refs: Refs) -> pa.DataFrameSchema:
    defined = refs["attribute_level"]
    return pa.DataFrameSchema(
        {
            "option_id": _reference(refs["option"], "option"),
            "attribute_id": _reference(refs["attribute"], "attribute"),
            "level": pa.Column(str, metadata={NUMBER: "Int64"}),
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
                t("data_rule.rated_level"),
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
            "weeks_min": pa.Column(str, metadata={NUMBER: "Int64"}),
            "weeks_max": pa.Column(str, metadata={NUMBER: "Int64"}),
            "note": _plain_text(),
            "source_ids": _source_ids(refs["source"], required=False),
            "certainty": _certainty(),
        },
        checks=[
            _empty_only_when_not_known(
                "weeks_min",
                lambda df: _whole_number(df["weeks_min"]),
                t("data_rule.weeks_min"),
            ),
            _empty_only_when_not_known(
                "weeks_max",
                _no_fewer_weeks_than_min,
                t("data_rule.weeks_max"),
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
                pa.Check.str_matches(SOURCE_ID_PATTERN, error=t("data_rule.source_id")),
                unique=True,
            ),
            "citation": _plain_text(read_by=EXPERTS),
            "link": pa.Column(
                str,
                pa.Check.str_matches(r"^(https?://\S+|doi:\S+)$", error=t("data_rule.link")),
            ),
            "year": pa.Column(
                int, pa.Check.in_range(1900, 2100, error=t("data_rule.year")), coerce=True
            ),
        },
        name="sources.csv",
    )


def _version() -> pa.Column:
    return pa.Column(str, pa.Check.str_matches(r"^\d+\.\d+(\.\d+)?$", error=t("data_rule.version")))


def release_schema(refs: Refs) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "version": _version(),
            "content_date": _date(),
            "next_review_date": _date(),
            "review_policy": _plain_text(),
        },
        checks=_one_row(),
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
                pa.Check(all_known, error=t("data_rule.attribute_ids", known=_known(known))),
            ),
            # Which levels of those attributes line up with the statement: 1 up to this one well,
            # this one and above poorly, any in between partly (level 1 is the lightest burden).
            "lines_up_well_to": pa.Column(
                int, pa.Check.ge(1, error=t("data_rule.level_from_1")), coerce=True
            ),
            "lines_up_poorly_from": pa.Column(
                int, pa.Check.ge(2, error=t("data_rule.level_from_2")), coerce=True
            ),
        },
        checks=_row_rule(
            "lines_up_poorly_from",
            lambda df: (
                pd.to_numeric(df["lines_up_poorly_from"], errors="coerce")
                > pd.to_numeric(df["lines_up_well_to"], errors="coerce")
            ),
            t("data_rule.poorly_above_well"),
        ),
        name="statements.csv",
    )


def quiz_schema(refs: Refs) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "item_id": _id_column(),
            "position": _position(),
            "statement": _plain_text(unique=True),
            "correct": pa.Column(
                str, pa.Check.isin(["true", "false"], error=t("data_rule.true_or_false"))
            ),
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
                pa.Check.isin(sorted(known), error=t("data_rule.about")),
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
                    DISC_STATES, error=t("data_rule.disc_state", states=", ".join(DISC_STATES))
                ),
                unique=True,
            ),
            "position": _position(),
            "name": _plain_text(unique=True),
            "what_it_is": _plain_text(),
            "options_note": _plain_text(),
            "option_ids": _option_ids(refs["option"], refs[f"option.{NO_PROCEDURE_ROLE}"]),
            "source_ids": _source_ids(refs["source"]),
            "certainty": _certainty(),
        },
        checks=pa.Check(
            lambda df: set(DISC_STATES) <= set(df["state_id"]),
            error=t("data_rule.every_disc_state", states=", ".join(DISC_STATES)),
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

    return _row_rule(column, rule, t("data_rule.same_for_each", column=column, id_column=key))


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
            "population_id": _reference(refs["population"], "population"),
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
                t("data_rule.comparison_count"),
            ),
            _row_rule(
                "comparison_count_to",
                lambda df: has_comparison(df) | (df["comparison_count_to"] == ""),
                t("data_rule.comparison_count_to"),
            ),
            _same_for_each("outcome", "outcome_id"),
            _same_for_each("kind", "outcome_id", allowed=OUTCOME_KINDS),
        ],
        unique=["option_id", "outcome_id"],
        name="outcomes.csv",
    )


def situations_schema(refs: Refs) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "situation_id": _id_column(),
            "position": _position(),
            "name": _plain_text(unique=True),
            "short_name": _plain_text(unique=True),  # on a shared screen: every choice on one line
            "how_to_tell": _plain_text(),
        },
        name="situations.csv",
    )


def option_fit_schema(refs: Refs) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "option_id": _reference(refs["option"], "option"),
            "situation_id": _reference(refs["situation"], "situation"),
            "fit": _one_of(FITS),
            "reason": _plain_text(),
            "source_ids": _source_ids(refs["source"]),
            "certainty": _certainty(),
        },
        unique=["option_id", "situation_id"],
        name="option_fit.csv",
    )


def populations_schema(refs: Refs) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "population_id": _id_column(),
            "whose": _plain_text(unique=True),
            # Empty when the people match none of the situations (brand-new back pain).
            "situation_ids": _id_list(refs["situation"], "situation"),
        },
        name="populations.csv",
    )


def evaluation_schema(refs: Refs) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "option_id": _reference(refs["option"], "option"),
            "position": _position_in_group(),
            "kind": _one_of(EVALUATION_KINDS),
            # Empty when the row holds in every situation.
            "situation_ids": _id_list(refs["situation"], "situation"),
            "text": _plain_text(),
            "source_ids": _source_ids(refs["source"]),
            "certainty": _certainty(),
        },
        unique=["option_id", "position"],
        name="evaluation.csv",
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
                    error=t(
                        "data_rule.action",
                        placeholders=t("data_rule.placeholder_separator").join(
                            "{" + name + "}" for name in CLINIC_PHONES
                        ),
                    ),
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
            "position": _position_in_group(),
            "sign": _plain_text(unique=True),
        },
        unique=["group_id", "position"],
        name="warning_signs.csv",
    )


def clinic_schema(refs: Refs) -> pa.DataFrameSchema:
    phone = pa.Column(
        str,
        pa.Check.str_matches(r"^\+?[0-9][0-9 ()-]{1,19}$", error=t("data_rule.phone")),
    )
    return pa.DataFrameSchema(
        {name: phone for name in CLINIC_PHONES},
        checks=_one_row(),
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
                pa.Check.str_matches(r"^([0-9]+(\s*;\s*[0-9]+)*)?$", error=t("data_rule.finding")),
            ),
            "change": _plain_text(read_by=EXPERTS),
            "reason": _plain_text(read_by=EXPERTS),
        },
        checks=_row_rule(
            "finding",
            lambda df: (df["kind"] == "added") | (df["finding"].str.strip() != ""),
            t("data_rule.finding_given"),
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
    CsvFile("option_fit.csv", option_fit_schema, complete_over=("option_id", "situation_id")),
    CsvFile("populations.csv", populations_schema, "population_id", "population"),
    CsvFile("outcomes.csv", outcomes_schema, row_key=("option_id", "outcome_id")),
    CsvFile(
        "evaluation.csv",
        evaluation_schema,
        complete_over=("option_id", "kind"),
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


def _schema(file: CsvFile, refs: Refs) -> pa.DataFrameSchema:
    schema = file.schema(refs)
    return schema.add_columns({ROLE: _role(file.roles)}) if file.roles else schema


def file_columns(file: CsvFile) -> dict[str, pa.Column]:
    """A file's columns and their rules about each cell (links between files left out)."""
    return _schema(file, {kind: set() for kind in REF_KINDS}).columns


def expected_columns(file: CsvFile) -> list[str]:
    return list(file_columns(file))


def text_columns(file: CsvFile, read_by: str | None = None) -> list[str]:
    """The plain-text columns of a file; with `read_by`, only those read by PATIENTS or EXPERTS."""
    return [
        name
        for name, column in file_columns(file).items()
        if READ_BY in (column.metadata or {}) and read_by in (None, column.metadata[READ_BY])
    ]


def collect_refs(raw_frames: Mapping[str, pd.DataFrame]) -> dict[str, set[str]]:
    """The ids each file defines, read from the raw frames so that one bad file does not hide
    the link problems of another; and the ids given each role ('option.no_procedure')."""
    refs: dict[str, set[str]] = {kind: set() for kind in REF_KINDS}
    for file in FILES:
        frame = raw_frames.get(file.name)
        if frame is None:
            continue
        if file.id_kind and file.id_column in frame.columns:
            refs[file.id_kind] = {str(v).strip() for v in frame[file.id_column] if str(v).strip()}
            if ROLE in frame.columns:
                for role in file.roles:
                    refs[role_ref(file, role)] = set(frame[file.id_column][frame[ROLE] == role])
        if file.id_pair and set(file.id_pair) <= set(frame.columns):
            first, second = file.id_pair
            refs[file.id_kind] = {level_key(a, b) for a, b in zip(frame[first], frame[second])}
    return refs


def _describe_check(check: str, unique_together: list[str] | None = None) -> str:
    """Pandera's built-in checks, said in words; our own checks carry their own words. Pandera
    names its built-in checks only by these strings, so they are matched here (a pandera upgrade
    that renames one shows its raw name, and tests/test_schema.py fails on it)."""
    if check == "column_in_dataframe":
        return t("data_rule.column_in_header")
    if check == "field_uniqueness":
        return t("data_rule.unique")
    if check == "multiple_fields_uniqueness":
        columns = ", ".join(unique_together or []) or t("data_rule.these_columns")
        return t("data_rule.unique_together", columns=columns)
    if check.startswith(("coerce_dtype('int", "dtype('int")):
        return t("data_rule.whole_number")
    if check.startswith(("coerce_dtype", "dtype")):
        return t("data_rule.text")
    return check


def validate(
    file: CsvFile, frame: pd.DataFrame, refs: Refs
) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Check one file against its schema, listing every problem rather than stopping at the
    first. A valid frame comes back typed: its number columns hold numbers (see NUMBER)."""
    schema = _schema(file, refs)
    try:
        valid = schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        return None, problems_from(file.name, schema, errors.failure_cases, frame)
    return _typed(schema, valid), []


def _typed(schema: pa.DataFrameSchema, frame: pd.DataFrame) -> pd.DataFrame:
    # The schema has checked these cells: a number, or empty where there is none.
    numbers = {
        name: pd.to_numeric(frame[name].mask(frame[name] == "")).astype(column.metadata[NUMBER])
        for name, column in schema.columns.items()
        if NUMBER in (column.metadata or {})
    }
    return frame.assign(**numbers)


def problems_from(
    file_name: str, schema: pa.DataFrameSchema, failures: pd.DataFrame, frame: pd.DataFrame
) -> list[Problem]:
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
        report_on = _reported_on(schema, failure)
        if check == "column_in_dataframe":
            column = str(failure["failure_case"])
            key = (None, column)
            problem = Problem(
                file_name, 1, column, t("data_problem.no_column"), _describe_check(check)
            )
        elif report_on is not None:
            if column != report_on:
                continue  # pandera lists every cell of the failing row; keep the one to fix
            row = int(index) + 2
            key = (row, column)
            problem = Problem(file_name, row, column, str(failure["failure_case"]), check)
        elif failure["schema_context"] == "DataFrameSchema" and column in (None, schema.name):
            # A rule about whole rows or the whole file (e.g. "exactly one row"); pandera gives
            # the file's name as the column of a rule about the whole file.
            row = None if pd.isna(index) else int(index) + 2
            key = (row, check)
            problem = Problem(
                file_name, row, None, _row_preview(frame, index), _describe_check(check)
            )
        else:
            row = None if pd.isna(index) else int(index) + 2
            key = (row, column)
            value = "" if pd.isna(failure["failure_case"]) else str(failure["failure_case"])
            problem = Problem(file_name, row, column, value, _describe_check(check, schema.unique))
        if key not in seen:  # a failed type conversion is reported twice by pandera
            seen.add(key)
            problems.append(problem)
    return sorted(problems, key=lambda p: (p.row or 0, p.column or ""))


def _reported_on(schema: pa.DataFrameSchema, failure: Mapping) -> str | None:
    """The one column a failed rule about several cells is reported on (see _row_rule)."""
    number = failure["check_number"]
    if failure["schema_context"] != "DataFrameSchema" or pd.isna(number):
        return None
    return (schema.checks[int(number)].statistics or {}).get(REPORT_ON)


def _row_preview(frame: pd.DataFrame, index) -> str:
    if pd.isna(index) or index not in frame.index:
        return t("data_problem.rows", count=len(frame))
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
            t("data_problem.no_row_for", first=first, second=second, a=a, b=b),
            t("data_rule.every_pair", first=first, second=second, a=a, b=b),
        )
        for a in ordered_ids.get(first, [])
        for b in ordered_ids.get(second, [])
        if (a, b) not in given
    ]


def missing_roles(file: CsvFile, frame: pd.DataFrame) -> list[Problem]:
    """Every role of a file names a row: a role taken off its row (or never given) is reported,
    never left for the app to find no row and quietly show less."""
    given = set(frame[ROLE])
    return [
        Problem(
            file.name,
            None,
            ROLE,
            t("data_problem.no_role", role=role),
            t("data_rule.role_needed", role=role, meaning=t(f"data_rule.roles.{role}")),
        )
        for role in file.roles
        if role not in given
    ]


def role_ids(file: CsvFile, frame: pd.DataFrame) -> dict[str, str]:
    """Role -> the id of the row that has it, in a valid frame (each role names one row)."""
    marked = frame[frame[ROLE] != ""]
    return dict(zip(marked[ROLE], marked[file.id_column]))
