"""Checking data files: the ids each file defines (for the links between files), and one file
checked against its schema, every problem listed, the valid frame typed."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import pandera.pandas as pa

from explorer.rules.files import FILES, REF_KINDS, CsvFile, role_ref, schema_for
from explorer.rules.report import Problem, problems_from
from explorer.rules.schemas import Refs
from explorer.rules.vocabulary import NUMBER, ROLE, level_key


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


def validate(
    file: CsvFile, frame: pd.DataFrame, refs: Refs
) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Check one file against its schema, listing every problem rather than stopping at the
    first. A valid frame comes back typed: its number columns hold numbers (see NUMBER)."""
    schema = schema_for(file, refs)
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
