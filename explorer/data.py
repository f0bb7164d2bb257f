"""Reading the CSV files in data/ into validated, typed frames. The app only ever reads them.
Pure: no Streamlit here (the app keeps one ContentStore per process in its UI layer)."""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from explorer import schema
from explorer.schema import CsvFile, Problem

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
# Tests and a clinic's staging copy can point the app at another folder.
DATA_DIR_VARIABLE = "EXPLORER_DATA_DIR"


@dataclass(frozen=True)
class Content:
    """All treatment content, validated; each frame sorted in its display order."""

    tables: Mapping[str, pd.DataFrame]

    @property
    def options(self) -> pd.DataFrame:
        return self.tables["options.csv"]

    @property
    def questions(self) -> pd.DataFrame:
        return self.tables["questions.csv"]

    @property
    def answers(self) -> pd.DataFrame:
        return self.tables["answers.csv"]

    @property
    def attributes(self) -> pd.DataFrame:
        """The qualities every option is rated on, in display order."""
        return self.tables["attributes.csv"]

    @cached_property
    def attribute_levels(self) -> pd.DataFrame:
        """Every level of every attribute in words; level 1 is always the lighter burden."""
        return (
            self.tables["attribute_levels.csv"]
            .sort_values(["attribute_id", "level"])
            .reset_index(drop=True)
        )

    @cached_property
    def ratings(self) -> pd.DataFrame:
        """One level per option per attribute; the level is missing (<NA>) where it is not known."""
        return _whole_numbers(self.tables["ratings.csv"], ["level"])

    @cached_property
    def recovery(self) -> pd.DataFrame:
        """Weeks until usual activities and until work; missing (<NA>) where not known."""
        return _whole_numbers(self.tables["recovery.csv"], ["weeks_min", "weeks_max"])

    @property
    def sources(self) -> pd.DataFrame:
        return self.tables["sources.csv"]

    @property
    def release(self) -> pd.Series:
        return self.tables["release.csv"].iloc[0]

    @property
    def statements(self) -> pd.DataFrame:
        return self.tables["statements.csv"]

    @property
    def quiz(self) -> pd.DataFrame:
        return self.tables["quiz.csv"]

    @property
    def clinician_questions(self) -> pd.DataFrame:
        return self.tables["clinician_questions.csv"]

    @property
    def anatomy_states(self) -> pd.DataFrame:
        return self.tables["anatomy_states.csv"]

    @property
    def scan_findings(self) -> pd.DataFrame:
        return self.tables["scan_findings.csv"]

    @cached_property
    def outcomes(self) -> pd.DataFrame:
        """People out of 100 with each outcome, as numbers; missing (NaN) where a cell is empty."""
        return _numbers(
            self.tables["outcomes.csv"],
            ["count", "count_to", "comparison_count", "comparison_count_to"],
        )

    @property
    def warning_groups(self) -> pd.DataFrame:
        return self.tables["warning_groups.csv"]

    @property
    def warning_signs(self) -> pd.DataFrame:
        """Warning signs, each with its group; in order within each group."""
        return self.tables["warning_signs.csv"]

    @property
    def clinic(self) -> pd.Series:
        """The clinic's own settings: the phone numbers the warning signs tell people to call."""
        return self.tables["clinic.csv"].iloc[0]

    @property
    def changelog(self) -> pd.DataFrame:
        """What changed in each release and why, including review findings answered, not applied."""
        return self.tables["changelog.csv"]

    def option_names(self) -> dict[str, str]:
        """Option id -> full name, in the neutral display order."""
        return dict(zip(self.options["option_id"], self.options["name"]))


def _numbers(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    # The schema has checked these cells: a number, or empty where there is none.
    return frame.assign(
        **{column: pd.to_numeric(frame[column].replace("", None)) for column in columns}
    )


def _whole_numbers(frame: pd.DataFrame, columns: list[str]) -> pd.DataFrame:
    return _numbers(frame, columns).astype({column: "Int64" for column in columns})


@dataclass(frozen=True)
class LoadResult:
    content: Content | None
    problems: list[Problem] = field(default_factory=list)


def data_dir() -> Path:
    return Path(os.environ.get(DATA_DIR_VARIABLE, DEFAULT_DATA_DIR))


def read_raw(folder: Path, file: CsvFile) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Read one file as text cells, turning every way a read can fail into a Problem."""
    path = folder / file.name
    columns = ", ".join(schema.expected_columns(file))
    if not path.is_file():
        return None, [
            Problem(file.name, None, None, "no such file", f"a CSV file with columns {columns}")
        ]
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except pd.errors.EmptyDataError:
        return None, [
            Problem(file.name, None, None, "an empty file", f"a header row with columns {columns}")
        ]
    except pd.errors.ParserError as error:
        return None, [
            Problem(
                file.name, None, None, _first_line(error), "the same number of cells in every row"
            )
        ]
    except UnicodeDecodeError:
        return None, [
            Problem(file.name, None, None, "text that is not UTF-8", "a CSV saved as UTF-8")
        ]
    frame.columns = [str(c).strip() for c in frame.columns]
    return frame.apply(lambda column: column.str.strip()), []


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0]


def load_content(folder: Path) -> LoadResult:
    """Read and check every file; return the content, or every problem found in any file."""
    raw: dict[str, pd.DataFrame] = {}
    problems: list[Problem] = []
    for file in schema.FILES:
        frame, read_problems = read_raw(folder, file)
        problems += read_problems
        if frame is not None:
            raw[file.name] = frame

    refs = schema.collect_refs(raw)
    valid: dict[str, pd.DataFrame] = {}
    for file in schema.FILES:
        if file.name in raw:
            frame, file_problems = schema.validate(file, raw[file.name], refs)
            problems += file_problems
            if frame is not None:
                valid[file.name] = _in_display_order(file, frame)

    ordered_ids = {
        file.id_column: list(valid[file.name][file.id_column])
        for file in schema.FILES
        if file.id_column and file.name in valid
    }
    for file in schema.FILES:
        if file.complete_over and file.name in valid:
            problems += schema.missing_rows(file, valid[file.name], ordered_ids)
    if problems:
        return LoadResult(None, problems)
    return LoadResult(Content(valid))


def _in_display_order(file: CsvFile, frame: pd.DataFrame) -> pd.DataFrame:
    if file.order_by is None:
        return frame
    return frame.sort_values(file.order_by).reset_index(drop=True)


def problem_table(problems: list[Problem]) -> pd.DataFrame:
    """Problems as a table a spreadsheet user can work through, one line each: the same table in
    the app, on the data-check page and from `python -m explorer check`."""
    return pd.DataFrame(
        [
            {
                "File": p.file,
                "Row": "" if p.row is None else str(p.row),
                "Column": p.column or "",
                "Found": p.value,
                "Expected": p.expected,
            }
            for p in problems
        ],
        columns=["File", "Row", "Column", "Found", "Expected"],
    )


log = logging.getLogger("explorer.data")


def _stamp(folder: Path) -> tuple:
    """What the data files look like on disk now: a saved edit changes it."""
    stamps = []
    for file in schema.FILES:
        try:
            info = (folder / file.name).stat()
            stamps.append((file.name, info.st_mtime_ns, info.st_size))
        except OSError:
            stamps.append((file.name, None, None))
    return tuple(stamps)


class ContentStore:
    """The checked content of one data folder, for a long-running app. A saved edit is picked
    up at the next look; content that fails the check is never served: the last content that
    passed stays in use, and the problems are kept (and logged) for the clinic's editor."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self._lock = threading.Lock()
        self._stamp: tuple | None = None
        self.content: Content | None = None  # the last content that passed the check
        self.version: tuple | None = None  # the files as they were when that content passed
        self.problems: list[Problem] = []  # what is wrong with the files on disk now

    def current(self) -> ContentStore:
        """Re-check the files if they changed since the last look; cheap when they did not."""
        stamp = _stamp(self.folder)
        if stamp != self._stamp:
            with self._lock:
                if stamp != self._stamp:
                    self._reload(stamp)
        return self

    def _reload(self, stamp: tuple) -> None:
        result = load_content(self.folder)
        self._stamp = stamp
        self.problems = result.problems
        if result.content is not None:
            self.content, self.version = result.content, stamp
            log.info("Data in %s checked: no problems; serving it.", self.folder)
            return
        serving = "the last content that passed" if self.content is not None else "no content"
        log.warning(
            "Data in %s has %d problem(s); serving %s.", self.folder, len(self.problems), serving
        )
        for problem in self.problems:
            log.warning("%s", problem.message())
