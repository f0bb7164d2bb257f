"""Reading the CSV files in data/ into validated, typed frames. The app only ever reads them.
Pure: no Streamlit here (the app keeps one ContentStore per process in its UI layer)."""

from __future__ import annotations

import logging
import math
import os
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from explorer import memo
from explorer.memo import kept
from explorer.rules import validation
from explorer.rules.files import FILES, CsvFile, expected_columns, role_ids
from explorer.rules.report import Problem, missing_roles, missing_rows
from explorer.rules.said import Said, said
from explorer.rules.vocabulary import (
    BENEFIT_SIZE_ROLE,
    EVIDENCE_ROLE,
    NO_PROCEDURE_ROLE,
    ROLE,
    SUMMARY_ROLES,
)
from explorer.words import LANGUAGE, say

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
# Tests and a clinic's staging copy can point the app at another folder.
DATA_DIR_VARIABLE = "EXPLORER_DATA_DIR"


@dataclass(frozen=True)
class Content:
    """All treatment content, validated and typed; one table per file in rules.files.FILES, named for
    the file (options.csv -> content.options), each sorted in its display order. Number columns
    hold numbers, missing (<NA> or NaN) where a cell is empty: a gap is 'not known'."""

    tables: Mapping[str, pd.DataFrame]
    options: pd.DataFrame
    questions: pd.DataFrame
    answers: pd.DataFrame
    attributes: pd.DataFrame  # the qualities every option is rated on
    attribute_levels: pd.DataFrame  # each level in words; level 1 is always the lighter burden
    ratings: pd.DataFrame  # one level per option per attribute
    recovery: pd.DataFrame  # weeks until usual activities and until work
    sources: pd.DataFrame
    release: pd.Series
    statements: pd.DataFrame
    quiz: pd.DataFrame
    clinician_questions: pd.DataFrame
    anatomy_states: pd.DataFrame
    scan_findings: pd.DataFrame
    situations: pd.DataFrame  # the situations a person can say they are in
    option_fit: pd.DataFrame  # how each option fits each situation, and why
    populations: pd.DataFrame  # whose numbers: the people an outcome's study was about
    outcomes: pd.DataFrame  # people out of 100 with each outcome
    evaluation: pd.DataFrame  # what an evaluation for each option looks at
    warning_groups: pd.DataFrame
    warning_signs: pd.DataFrame  # each with its group; in order within each group
    clinic: pd.Series  # the phone numbers the warning signs tell people to call
    changelog: pd.DataFrame  # what changed in each release and why
    # The ids of the rows the code relies on, found by their role (the ROLE column), never by id.
    evidence_attribute: str
    benefit_size_attribute: str
    summary_question_ids: tuple[str, ...]  # in display order
    no_procedure_option: str

    @classmethod
    def from_tables(cls, tables: Mapping[str, pd.DataFrame]) -> Content:
        """Content from every file's valid frame, each role present once (load_content checks)."""
        roles = {
            role: row_id
            for file in FILES
            if file.roles
            for role, row_id in role_ids(file, tables[file.name]).items()
        }
        questions = tables["questions.csv"]
        return cls(
            tables=tables,
            **{
                file.table: tables[file.name].iloc[0] if file.one_row else tables[file.name]
                for file in FILES
            },
            evidence_attribute=roles[EVIDENCE_ROLE],
            benefit_size_attribute=roles[BENEFIT_SIZE_ROLE],
            summary_question_ids=tuple(
                questions["question_id"][questions[ROLE].isin(SUMMARY_ROLES)]
            ),
            no_procedure_option=roles[NO_PROCEDURE_ROLE],
        )

    @kept  # asked many times on every page run
    def option_names(self) -> dict[str, str]:
        """Option id -> full name, in the neutral display order."""
        return dict(zip(self.options["option_id"], self.options["name"]))


@dataclass(frozen=True)
class LoadResult:
    content: Content | None
    problems: list[Problem] = field(default_factory=list)
    # Language -> the content in that language (explorer.translations), for those that passed.
    translations: Mapping[str, object] = field(default_factory=dict)


def data_dir() -> Path:
    return Path(os.environ.get(DATA_DIR_VARIABLE, DEFAULT_DATA_DIR))


def read_raw(folder: Path, file: CsvFile) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Read one file as text cells, turning every way a read can fail into a Problem."""
    return read_csv(folder / file.name, file.name, expected_columns(file))


def read_csv(
    path: Path, name: str, expected_columns: list[str]
) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Read a CSV file as text cells; `name` is how problems name the file."""
    columns = ", ".join(expected_columns)

    def problem(found: str | Said, expected: Said) -> tuple[None, list[Problem]]:
        return None, [Problem(name, None, None, found, expected)]

    if not path.is_file():
        return problem(said("data_problem.no_file"), said("data_rule.csv_file", columns=columns))
    try:
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except pd.errors.EmptyDataError:
        return problem(
            said("data_problem.empty_file"), said("data_rule.header_row", columns=columns)
        )
    except pd.errors.ParserError as error:
        return problem(_first_line(error), said("data_rule.same_cells"))
    except UnicodeDecodeError:
        return problem(said("data_problem.not_utf8"), said("data_rule.utf8"))
    except OSError as error:  # no permission to read it, a disk error …: the app keeps serving
        reason = error.strerror or type(error).__name__
        return problem(said("data_problem.unreadable", reason=reason), said("data_rule.readable"))
    frame.columns = [str(c).strip() for c in frame.columns]
    return frame.apply(lambda column: column.str.strip()), []


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0]


def load_content(folder: Path) -> LoadResult:
    """Read and check every file; return the content, or every problem found in any file."""
    raw: dict[str, pd.DataFrame] = {}
    problems: list[Problem] = []
    for file in FILES:
        frame, read_problems = read_raw(folder, file)
        problems += read_problems
        if frame is not None:
            raw[file.name] = frame

    refs = validation.collect_refs(raw)
    valid: dict[str, pd.DataFrame] = {}
    for file in FILES:
        if file.name in raw:
            frame, file_problems = validation.validate(file, raw[file.name], refs)
            problems += file_problems
            if frame is not None:
                valid[file.name] = _in_display_order(file, frame)

    ordered_ids = {
        file.id_column: list(valid[file.name][file.id_column])
        for file in FILES
        if file.id_column and file.name in valid
    }
    for file in FILES:
        if file.complete_over and file.name in valid:
            problems += missing_rows(file, valid[file.name], ordered_ids)
        if file.roles and file.name in valid:
            problems += missing_roles(file, valid[file.name])
    if problems:
        return LoadResult(None, problems)
    return LoadResult(Content.from_tables(valid))


def _in_display_order(file: CsvFile, frame: pd.DataFrame) -> pd.DataFrame:
    if not file.order_by:
        return frame
    return frame.sort_values(list(file.order_by)).reset_index(drop=True)


log = logging.getLogger("explorer.data")


def _stamp(folder: Path) -> tuple:
    """What the data files look like on disk now (translations in data/<language>/ too): a saved
    edit, a new file or a deleted one changes it. os.scandir rather than Path.rglob: this runs
    on every page run, and scandir gives each file's size and time without another look."""
    stamps = []
    folders = [str(folder)]
    while folders:
        try:
            entries = list(os.scandir(folders.pop()))
        except OSError:  # deleted while we looked
            continue
        for entry in entries:
            try:
                if entry.is_dir():
                    folders.append(entry.path)
                elif entry.name.endswith(".csv"):
                    info = entry.stat()
                    stamps.append((entry.path, info.st_mtime_ns, info.st_size))
            except OSError:
                stamps.append((entry.path, None, None))
    return tuple(sorted(stamps))


class ContentStore:
    """The checked content of one data folder, for a long-running app. A saved edit is picked
    up at the next look; content that fails the check is never served: the last content that
    passed stays in use, and the problems are kept (and logged) for the clinic's editor."""

    def __init__(
        self,
        folder: Path,
        load: Callable[[Path], LoadResult] = load_content,
        look_every_s: float = 0.0,
    ):
        self.folder = Path(folder)
        self._load = load
        # The app asks on every page run; it looks at the files at most this often (every look
        # reads each file's size and time, and 40 sessions at once asked 40 times).
        self.look_every_s = look_every_s
        self._looked_at = -math.inf
        self._lock = threading.Lock()
        self._stamp: tuple | None = None
        self.content: Content | None = None  # the last content that passed the check
        self.version: tuple | None = None  # the files as they were when that content passed
        self.problems: list[Problem] = []  # what is wrong with the files on disk now
        self.translations: dict[str, object] = {}  # the last of each language that passed

    def current(self) -> ContentStore:
        """Re-check the files if they changed since the last look; cheap when they did not."""
        now = time.monotonic()
        if now - self._looked_at < self.look_every_s:
            return self
        self._looked_at = now
        stamp = _stamp(self.folder)
        if stamp != self._stamp:
            with self._lock:
                if stamp != self._stamp:
                    self._reload(stamp)
        return self

    def _reload(self, stamp: tuple) -> None:
        result = self._load(self.folder)
        self._stamp = stamp
        self.problems = result.problems
        if result.content is not None:
            self.content, self.version = result.content, stamp
            # A language whose files have problems keeps its last words that passed.
            self.translations = {**self.translations, **result.translations}
            # Results kept for the old content would only hold it in memory (memo.py).
            memo.forget()
        # The server log is read by the clinic's IT staff, always in English.
        if not self.problems:
            log.info(say(LANGUAGE, "data_log.passed", folder=self.folder))
            return
        serving = "data_log.serving_last" if self.content is not None else "data_log.serving_none"
        problems = said(
            "data_log.problems",
            folder=str(self.folder),
            count=len(self.problems),
            serving=said(serving),
        )
        log.warning(problems.in_language(LANGUAGE))
        for problem in self.problems:
            log.warning("%s", problem.message(LANGUAGE))
