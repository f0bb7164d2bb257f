"""Shared fixtures: a clean Streamlit cache per test, and a private copy of data/ to break."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest
import streamlit as st

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"


@pytest.fixture(autouse=True)
def clear_streamlit_cache():
    # The cache is process-wide: without this, one test's data would leak into the next.
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of data/ that a test may edit; the real files are never touched."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def write_rows(path: Path, rows: list[dict[str, str]], columns: list[str] | None = None) -> None:
    columns = columns or list(rows[0])
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def set_cell(path: Path, row_index: int, column: str, value: str) -> int:
    """Change one cell; returns the row number as a spreadsheet shows it (header = row 1)."""
    rows = read_rows(path)
    rows[row_index][column] = value
    write_rows(path, rows)
    return row_index + 2
