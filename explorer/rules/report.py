"""Problems in the data files, located as a spreadsheet user would find them: pandera's failures
turned into problems, the rows and roles a file lacks, and the table every problem is shown in."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pandas as pd
import pandera.pandas as pa

from explorer.rules.columns import REPORT_ON
from explorer.rules.files import FIXED_IDS, CsvFile
from explorer.rules.said import Said, in_words, said
from explorer.rules.vocabulary import ROLE
from explorer.words import say


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one data file, located as a spreadsheet user would find it, and said in
    the language of whoever reads it (see explorer/rules/said.py)."""

    file: str
    row: int | None  # spreadsheet row: the header is row 1, the first data row is row 2
    column: str | None
    value: str | Said  # a cell's own text, or what was found where there is no cell to quote
    expected: Said

    def found(self, language: str) -> str:
        return in_words(self.value, language)

    def expectation(self, language: str) -> str:
        return self.expected.in_language(language)

    def message(self, language: str) -> str:
        """One line: "options.csv, row 3, column 'position': found 'second'; expected …"."""
        where = [self.file]
        if self.row is not None:
            where.append(say(language, "data_problem.row", row=self.row))
        if self.column is not None:
            where.append(say(language, "data_problem.column", column=self.column))
        found = (
            say(language, "data_problem.found", value=self.found(language))
            if self.value != ""
            else say(language, "data_problem.found_empty")
        )
        return say(
            language,
            "data_problem.line",
            where=", ".join(where),
            found=found,
            expected=self.expectation(language),
        )


def _expected(check: str, unique_together: list[str] | None = None) -> Said:
    """What a failed check expected. Our own checks carry it (explorer/rules/said.py); pandera's
    built-in checks are named only by these strings, so they are matched here (a pandera upgrade
    that renames one shows its raw name, and tests/test_schema.py fails on it)."""
    own = Said.decoded(check)
    if own is not None:
        return own
    if check == "column_in_dataframe":
        return said("data_rule.column_in_header")
    if check == "field_uniqueness":
        return said("data_rule.unique")
    if check == "multiple_fields_uniqueness":
        columns = ", ".join(unique_together or []) or said("data_rule.these_columns")
        return said("data_rule.unique_together", columns=columns)
    if check.startswith(("coerce_dtype('int", "dtype('int")):
        return said("data_rule.whole_number")
    if check.startswith(("coerce_dtype", "dtype")):
        return said("data_rule.text")
    return said("data_rule.other_check", name=check)


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
                file_name, 1, column, said("data_problem.no_column"), _expected(check)
            )
        elif report_on is not None:
            if column != report_on:
                continue  # pandera lists every cell of the failing row; keep the one to fix
            row = int(index) + 2
            key = (row, column)
            problem = Problem(
                file_name, row, column, str(failure["failure_case"]), _expected(check)
            )
        elif failure["schema_context"] == "DataFrameSchema" and column in (None, schema.name):
            # A rule about whole rows or the whole file (e.g. "exactly one row"); pandera gives
            # the file's name as the column of a rule about the whole file.
            row = None if pd.isna(index) else int(index) + 2
            key = (row, check)
            problem = Problem(file_name, row, None, _row_preview(frame, index), _expected(check))
        else:
            row = None if pd.isna(index) else int(index) + 2
            key = (row, column)
            value = "" if pd.isna(failure["failure_case"]) else str(failure["failure_case"])
            problem = Problem(file_name, row, column, value, _expected(check, schema.unique))
        if key not in seen:  # a failed type conversion is reported twice by pandera
            seen.add(key)
            problems.append(problem)
    return sorted(problems, key=lambda p: (p.row or 0, p.column or ""))


def _reported_on(schema: pa.DataFrameSchema, failure: Mapping) -> str | None:
    """The one column a failed rule about several cells is reported on (see row_rule)."""
    number = failure["check_number"]
    if failure["schema_context"] != "DataFrameSchema" or pd.isna(number):
        return None
    return (schema.checks[int(number)].statistics or {}).get(REPORT_ON)


def _row_preview(frame: pd.DataFrame, index) -> str | Said:
    if pd.isna(index) or index not in frame.index:
        return said("data_problem.rows", count=len(frame))
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
            said("data_problem.no_row_for", first=first, second=second, a=a, b=b),
            said("data_rule.every_pair", first=first, second=second, a=a, b=b),
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
            said("data_problem.no_role", role=role),
            said("data_rule.role_needed", role=role, meaning=said(f"data_rule.roles.{role}")),
        )
        for role in file.roles
        if role not in given
    ]


# The problem table's columns, by their key in the catalogue (data_problem.table).
PROBLEM_COLUMNS = ("file", "row", "column", "found", "expected")


def problem_table(problems: Sequence[Problem], language: str) -> pd.DataFrame:
    """Problems as a table a spreadsheet user can work through, one line each, in `language`:
    the same table in the app, on the data-check page and from `python -m explorer check`."""
    return pd.DataFrame(
        [
            [
                p.file,
                "" if p.row is None else str(p.row),
                p.column or "",
                p.found(language),
                p.expectation(language),
            ]
            for p in problems
        ],
        columns=[say(language, f"data_problem.table.{name}") for name in PROBLEM_COLUMNS],
    )
