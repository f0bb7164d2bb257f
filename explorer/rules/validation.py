"""Checking data files: the ids each file defines (for the links between files), and one file
checked against its schema, every problem listed, the valid frame typed."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping
from typing import TypeVar

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
    key = (file.name, cells(frame), refs_key(refs))
    valid, problems = checked_once(key, lambda: _checked(file, frame, refs))
    # A copy: each load's content owns its frames (pandas copies only what is then changed).
    return (None if valid is None else valid.copy()), list(problems)


def _checked(
    file: CsvFile, frame: pd.DataFrame, refs: Refs
) -> tuple[pd.DataFrame | None, tuple[Problem, ...]]:
    schema = schema_for(file, refs)
    try:
        valid = schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        return None, tuple(problems_from(file.name, schema, errors.failure_cases, frame))
    return _typed(schema, valid), ()


def _typed(schema: pa.DataFrameSchema, frame: pd.DataFrame) -> pd.DataFrame:
    # The schema has checked these cells: a number, or empty where there is none.
    numbers = {
        name: pd.to_numeric(frame[name].mask(frame[name] == "")).astype(column.metadata[NUMBER])
        for name, column in schema.columns.items()
        if NUMBER in (column.metadata or {})
    }
    return frame.assign(**numbers)


# What each check found, by all that decides it: the file, its cells and the ids it may link to.
# Pandera takes most of a load, and a reload after an edit (a clinic's, or a test's on a copy of
# the data) changes one file or two: the others' checks are not run again. Bounded: every file
# of a few loads, in every language.
KEEP = 256
_found: OrderedDict[Hashable, object] = OrderedDict()
_lock = threading.Lock()
R = TypeVar("R")


def checked_once(key: Hashable, check: Callable[[], R]) -> R:
    """What `check` finds, run only when no check of the same key is kept. Kept results are
    shared: read them, never change them."""
    with _lock:
        if key in _found:
            _found.move_to_end(key)
            return _found[key]  # type: ignore[return-value]
    found = check()
    with _lock:
        _found[key] = found
        while len(_found) > KEEP:
            _found.popitem(last=False)
    return found


def cells(frame: pd.DataFrame) -> tuple:
    """A frame of text cells as a key: its column names and every row, exactly."""
    return tuple(frame.columns), tuple(frame.itertuples(index=False, name=None))


def refs_key(refs: Refs) -> tuple:
    return tuple(sorted((kind, frozenset(ids)) for kind, ids in refs.items()))
