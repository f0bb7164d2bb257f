"""Reading the CSV files in data/ into validated, typed frames. The app only ever reads them.
Pure: no Streamlit here (explorer/store.py keeps the checked content of every language, and the
app keeps one store per process in its UI layer)."""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import pandas as pd

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
from explorer.words import LANGUAGE

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"
# Tests and a clinic's staging copy can point the app at another folder.
DATA_DIR_VARIABLE = "EXPLORER_DATA_DIR"
# The data check page is the clinic's: by default it names no server path and is not in the
# sidebar. EXPLORER_DATA_CHECK=on (set only where the clinic's own staff open the app, e.g. its
# internal address) lists it in the sidebar and names the data folder's full path there.
DATA_CHECK_VARIABLE = "EXPLORER_DATA_CHECK"


@dataclass(frozen=True)
class Content:
    """All treatment content, validated and typed; one table per file in rules.files.FILES, named for
    the file (options.csv -> content.options), each sorted in its display order. Number columns
    hold numbers, missing (<NA> or NaN) where a cell is empty: a gap is 'not known'."""

    tables: Mapping[str, pd.DataFrame]
    options: pd.DataFrame
    questions: pd.DataFrame
    answers: pd.DataFrame
    short_answers: pd.DataFrame  # each answer's short form, by situation (empty: any)
    attributes: pd.DataFrame  # the qualities every option is rated on
    attribute_levels: pd.DataFrame  # each level in words; level 1 is always the lighter burden
    ratings: pd.DataFrame  # one level per option per attribute
    recovery: pd.DataFrame  # weeks until usual activities and until work
    sources: pd.DataFrame
    sources_not_read: pd.DataFrame  # sources cited for text nobody here read in them
    release: pd.Series
    statements: pd.DataFrame
    quiz: pd.DataFrame
    clinician_questions: pd.DataFrame
    anatomy_states: pd.DataFrame
    scan_findings: pd.DataFrame
    situations: pd.DataFrame  # the situations a person can say they are in
    situation_bounds: pd.DataFrame  # each situation's pain, weeks and surgery, for whose numbers
    fit_levels: pd.DataFrame  # each fit level, its rule, and whether it is aimed at the situation
    option_fit: pd.DataFrame  # how each option fits each situation (its level), and why
    populations: pd.DataFrame  # whose numbers: the people an outcome's study was about
    outcomes: pd.DataFrame  # people out of 100 with each outcome
    scores: pd.DataFrame  # a study's average on a 0 to 10 scale in each group, by months
    speeds: pd.DataFrame  # weeks until an outcome came, in both groups of a trial
    evaluation: pd.DataFrame  # what an evaluation for each option looks at
    offer: pd.DataFrame  # the "Offered this by a clinic?" card of each investigational option
    warning_groups: pd.DataFrame
    warning_signs: pd.DataFrame  # each with its group; in order within each group
    clinic: pd.Series  # the phone numbers the warning signs tell people to call
    changelog: pd.DataFrame  # what changed in each release and why
    # The ids of the rows the code relies on, found by their role (the ROLE column), never by id.
    evidence_attribute: str
    benefit_size_attribute: str
    summary_question_ids: tuple[str, ...]  # in display order
    no_procedure_option: str
    # Names this content by what it was made of: the bytes of its files and its language (see
    # digest). Equal files give an equal key in every reload and process, so results worked out
    # for one content serve an equal one (explorer/memo.py keys on it).
    memo_key: str

    @classmethod
    def from_tables(cls, tables: Mapping[str, pd.DataFrame], memo_key: str) -> Content:
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
            memo_key=memo_key,
        )

    @kept  # asked many times on every page run
    def option_names(self) -> dict[str, str]:
        """Option id -> full name, in the neutral display order."""
        return dict(zip(self.options["option_id"], self.options["name"]))

    @kept
    def short_names(self) -> dict[str, str]:
        """Option id -> short name (where space is short: consult mode), in the display order."""
        return dict(zip(self.options["option_id"], self.options["short_name"]))


@dataclass(frozen=True)
class LoadResult:
    content: Content | None
    problems: list[Problem] = field(default_factory=list)


def digest(*parts: str) -> str:
    """One name for several texts (a language, the digests of files), the same in every process."""
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


class CsvRead(NamedTuple):
    frame: pd.DataFrame | None  # None when the file could not be read as a table
    problems: list[Problem]
    digest: str  # of the bytes read (of none, when none could be)


def data_dir() -> Path:
    return Path(os.environ.get(DATA_DIR_VARIABLE, DEFAULT_DATA_DIR))


def data_check_on() -> bool:
    """Whether the clinic has turned its data check page on here (DATA_CHECK_VARIABLE)."""
    return os.environ.get(DATA_CHECK_VARIABLE, "").strip().lower() in ("on", "1", "true", "yes")


def read_raw(folder: Path, file: CsvFile) -> CsvRead:
    """Read one file as text cells, turning every way a read can fail into a Problem."""
    return read_csv(folder / file.name, file.name, expected_columns(file))


def read_csv(path: Path, name: str, expected_columns: list[str]) -> CsvRead:
    """Read a CSV file as text cells; `name` is how problems name the file. Its bytes are read
    once, so the digest names exactly what was checked."""
    columns = ", ".join(expected_columns)
    data = b""

    def problem(found: str | Said, expected: Said) -> CsvRead:
        return CsvRead(None, [Problem(name, None, None, found, expected)], _digest_of(data))

    if not path.is_file():
        return problem(said("data_problem.no_file"), said("data_rule.csv_file", columns=columns))
    try:
        data = path.read_bytes()
        frame = pd.read_csv(
            io.BytesIO(data), dtype=str, keep_default_na=False, encoding="utf-8-sig"
        )
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
    return CsvRead(frame.apply(lambda column: column.str.strip()), [], _digest_of(data))


def _digest_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _first_line(error: Exception) -> str:
    return str(error).strip().splitlines()[0]


def load_content(folder: Path) -> LoadResult:
    """Read and check every file; return the content, or every problem found in any file."""
    raw: dict[str, pd.DataFrame] = {}
    problems: list[Problem] = []
    digests: list[str] = []
    for file in FILES:
        frame, read_problems, file_digest = read_raw(folder, file)
        problems += read_problems
        digests += [file.name, file_digest]
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
    return LoadResult(Content.from_tables(valid, memo_key=digest(LANGUAGE, *digests)))


def _in_display_order(file: CsvFile, frame: pd.DataFrame) -> pd.DataFrame:
    if not file.order_by:
        return frame
    return frame.sort_values(list(file.order_by)).reset_index(drop=True)
