"""The README's table of CSV files says what the schema checks: every file, and every column of
each file in the schema's order, so a clinic editor reading it is never told about a column
the app does not have or left without one it needs."""

from __future__ import annotations

import re

from explorer.rules.files import FILES, expected_columns
from tests.conftest import ROOT

BACKTICKED = re.compile(r"`([^`]+)`")


def readme_csv_rows(readme: str) -> dict[str, str]:
    """{file name: its Columns cell} from the README's table rows that start with a CSV file."""
    rows = {}
    for line in readme.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 3 and re.fullmatch(r"`[a-z_]+\.csv`", cells[0]):
            rows[cells[0].strip("`")] = cells[2]
    return rows


def without_brackets(text: str) -> str:
    """The text outside (…), where the column names are; inside are values and explanations."""
    depth, kept = 0, []
    for char in text:
        depth += char == "("
        if depth == 0:
            kept.append(char)
        depth -= char == ")" and depth > 0
    return "".join(kept)


def named_columns(cell: str, schema_columns: list[str]) -> list[str]:
    """The columns a Columns cell lists, in order; "`age_20` … `age_80`" stands for the schema's
    columns from the first to the last."""
    named = []
    for item in without_brackets(cell).split(","):
        names = BACKTICKED.findall(item)
        if "…" in item and len(names) == 2 and set(names) <= set(schema_columns):
            first, last = (schema_columns.index(name) for name in names)
            names = schema_columns[first : last + 1]
        named.extend(names)
    return named


def test_the_readme_lists_every_csv_file_and_only_those():
    rows = readme_csv_rows((ROOT / "README.md").read_text(encoding="utf-8"))
    assert sorted(rows) == sorted(file.name for file in FILES)


def test_each_file_row_names_the_schemas_columns_in_order():
    rows = readme_csv_rows((ROOT / "README.md").read_text(encoding="utf-8"))
    for file in FILES:
        expected = expected_columns(file)
        named = named_columns(rows[file.name], expected)
        assert named == expected, f"{file.name}: README {named}, schema {expected}"


def test_the_check_reads_columns_as_a_reader_would():
    schema_columns = ["a", "b", "age_20", "age_30", "age_40", "e"]
    cell = "`a` (`x` or `y`), `b` (e.g. `c (d)`), `age_20` … `age_40`, `e`"
    assert named_columns(cell, schema_columns) == schema_columns
    assert named_columns("`a`, `e`", schema_columns) == ["a", "e"]  # a missing column shows
    rows = readme_csv_rows("| `one.csv` | a row | `a`, `b` |\n| `One` | x | y |")
    assert rows == {"one.csv": "`a`, `b`"}
