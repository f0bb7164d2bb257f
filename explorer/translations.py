"""The data's words in another language: data/<language>/<file>.csv holds, for every row of an
English file, the row's key columns, its patient text columns in that language, which English
words they translate (`translated_from`), and who translated and reviewed them. Numbers, ids and
sources stay in the English files, stored once: a translation is always built on the English
of the same load. A row whose words are missing, out of date or broken shows its English words,
and only that row. Pure: no Streamlit here."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from explorer import words
from explorer.data import Content, digest, read_csv
from explorer.rules.files import FILES, CsvFile, file_columns, point_columns, text_columns
from explorer.rules.report import Problem, problems_from
from explorer.rules.said import Said, expects, said
from explorer.rules.validation import cells, checked_once
from explorer.rules.vocabulary import PATIENTS, POINT_SEPARATOR, split_points
from explorer.words import LANGUAGE

# Which English words a row translates: a fingerprint of the English row's patient text cells
# (see fingerprint). When the English changes, the row shows English until its words are
# updated and this is set to the new fingerprint (the translator's PO round trip sets it:
# explorer/translation/importing.py).
TRANSLATED_FROM = "translated_from"
FINGERPRINT_LENGTH = 10
# Who translated each row, and who reviewed it and when: empty until a qualified medical
# translator has (US Section 1557 rule, 2024); the app says so while any row is unreviewed.
TRANSLATED_BY, REVIEWED_BY, REVIEWED_ON = "translated_by", "reviewed_by", "reviewed_on"
REVIEW_COLUMNS = (TRANSLATED_BY, REVIEWED_BY, REVIEWED_ON)
# A folder of data words is named for its language: es, pt, zh-TW (any other folder is not one).
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(-[A-Z]{2})?")
# Why rows are shown in English (data_check.in_english.<reason> in the catalogue).
NO_TRANSLATION, ENGLISH_CHANGED, HAS_PROBLEM = "no_translation", "english_changed", "problem"

Key = tuple[str, ...]


def translated_files() -> list[CsvFile]:
    """The files whose words a patient reads: each has a translation per language."""
    return [file for file in FILES if text_columns(file, PATIENTS)]


def columns(file: CsvFile) -> list[str]:
    """A translation file's columns: the row's key, the words, what they translate, the review."""
    return [*file.key_columns, *text_columns(file, PATIENTS), TRANSLATED_FROM, *REVIEW_COLUMNS]


def fingerprint(file: CsvFile, english_row: Mapping[str, object]) -> str:
    """The English words one translated row was made from: the first digits of the SHA-256 of
    the row's patient text cells, in column order."""
    cells = [str(english_row[column]) for column in text_columns(file, PATIENTS)]
    text = json.dumps(cells, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:FINGERPRINT_LENGTH]


def languages(folder: Path) -> list[str]:
    """Every language but English that needs data words: each language of the catalogue, and
    each folder of data words (checked even before the catalogue has its language)."""
    try:
        folders = {path.name for path in folder.iterdir() if LANGUAGE_CODE.fullmatch(path.name)}
    except OSError:  # the data folder itself cannot be listed: its English files say so
        folders = set()
    return sorted((set(words.languages()) | folders) - {LANGUAGE})


@cache  # the same for every language and every load
def _schema(file: CsvFile) -> pa.DataFrameSchema:
    # The words obey the English file's own rules for them (filled, plain text, unique …).
    own = file_columns(file)
    text = {name: own[name] for name in text_columns(file, PATIENTS)}
    return pa.DataFrameSchema(
        {
            **{key: pa.Column(str) for key in file.key_columns},
            **text,
            TRANSLATED_FROM: pa.Column(str),
            TRANSLATED_BY: pa.Column(
                str, pa.Check.str_length(min_value=1, error=expects("data_rule.filled"))
            ),
            REVIEWED_BY: pa.Column(str),
            REVIEWED_ON: pa.Column(
                str,
                pa.Check(
                    lambda s: (
                        (s == "") | pd.to_datetime(s, format="%Y-%m-%d", errors="coerce").notna()
                    ),
                    error=expects("data_rule.date_or_empty"),
                ),
            ),
        },
        unique=list(file.key_columns),
        name=file.name,
    )


def row_keys(frame: pd.DataFrame, file: CsvFile) -> list[Key]:
    """Each row's key (its key columns' cells), in the frame's order: how a translation names
    the English row it translates."""
    return [
        tuple(str(cell) for cell in row)
        for row in frame[list(file.key_columns)].itertuples(index=False)
    ]


@dataclass(frozen=True)
class InEnglish:
    """Rows of a translation file shown in English, and why: for the clinic's data check."""

    file: str  # as problems name it: es/options.csv
    key: Key | None  # None: every row of the file
    reason: str  # NO_TRANSLATION, ENGLISH_CHANGED or HAS_PROBLEM
    fingerprint: str = ""  # what translated_from should say once the words match the English

    def said(self) -> Said:
        row = said("data_check.every_row") if self.key is None else " / ".join(self.key)
        return said(
            f"data_check.in_english.{self.reason}",
            file=self.file,
            row=row,
            fingerprint=self.fingerprint,
        )


@dataclass(frozen=True)
class Translation:
    """One language's content, built on the English of the same load: the English tables with
    each row's words in this language where they are good, in English where they are not."""

    language: str
    content: Content
    # Only the rows shown in this language, per translated file that has any (what the
    # language's reading rules score).
    own_tables: Mapping[str, pd.DataFrame]
    in_english: tuple[InEnglish, ...]  # rows shown in English, and why
    english_texts: frozenset[str]  # the exact data texts those rows show, for lang="en"
    unreviewed: Mapping[str, int]  # file name -> rows shown translated, not yet reviewed

    @property
    def reviewed(self) -> bool:
        """Whether a qualified medical translator has reviewed every row shown translated."""
        return not any(self.unreviewed.values())


@dataclass
class _FileWords:
    """What one translation file gives: good words by row key, and everything else found."""

    where: str
    digest: str
    words: dict[Key, tuple[str, ...]] = field(default_factory=dict)
    changed: set[Key] = field(default_factory=set)  # English changed since translated
    broken: set[Key] = field(default_factory=set)  # a problem in the row's cells
    whole_file: bool = False  # unreadable, or a column missing: every row in English
    problems: list[Problem] = field(default_factory=list)
    unreviewed: int = 0


def _file_words(file: CsvFile, english: pd.DataFrame, folder: Path, language: str) -> _FileWords:
    """Read and check one translation file against the English frame of this load."""
    where = f"{language}/{file.name}"
    frame, problems, file_digest = read_csv(folder / language / file.name, where, columns(file))
    found = _FileWords(where, file_digest, problems=problems)
    if frame is None:
        found.whole_file = True
        return found
    found.problems += checked_once((where, cells(frame)), lambda: _checked(file, where, frame))
    if any(problem.row is None or problem.row < 2 for problem in found.problems):
        found.whole_file = True  # a missing column: no row of it can be trusted
        return found
    bad_rows = {problem.row - 2 for problem in found.problems}
    texts = text_columns(file, PATIENTS)
    source = dict(zip(row_keys(english, file), english[texts].to_dict("records")))
    for index, (key, row) in enumerate(zip(row_keys(frame, file), frame.to_dict("records"))):
        if key not in source:
            found.problems.append(
                Problem(
                    where,
                    index + 2,
                    ", ".join(file.key_columns),
                    " / ".join(key),
                    said("data_rule.known_row", file=file.name),
                )
            )
        elif index in bad_rows:
            found.broken.add(key)
        elif differ := _unlike_english(file, row, source[key]):
            found.problems += [
                Problem(where, index + 2, column, row[column], expected)
                for column, expected in differ
            ]
            found.broken.add(key)
        elif row[TRANSLATED_FROM] != fingerprint(file, source[key]):
            found.changed.add(key)
        else:
            found.words[key] = tuple(row[column] for column in texts)
            found.unreviewed += row[REVIEWED_BY] == ""
    return found


def _checked(file: CsvFile, where: str, frame: pd.DataFrame) -> tuple[Problem, ...]:
    """The problems the words' own rules find in a translation file's cells."""
    try:
        _schema(file).validate(frame, lazy=True)
    except pa.errors.SchemaErrors as errors:
        return tuple(problems_from(where, _schema(file), errors.failure_cases, frame))
    return ()


def _unlike_english(file: CsvFile, row: Mapping, english_row: Mapping) -> list[tuple[str, Said]]:
    """The word cells not shaped as the English: empty where the English is not, or filled where
    it is empty; with another number of points than the English (its points' sources are the
    English row's, a group per point), and what each should be."""
    unlike = []
    for column in text_columns(file, PATIENTS):
        if (english_row[column] == "") != (row[column] == ""):
            unlike.append((column, said("data_rule.empty_as_english")))
        elif column in point_columns(file) and len(split_points(row[column])) != len(
            split_points(english_row[column])
        ):
            unlike.append((column, said("data_rule.points_as_english", separator=POINT_SEPARATOR)))
    return unlike


def _in_english(file: CsvFile, english: pd.DataFrame, found: _FileWords) -> list[InEnglish]:
    """The rows of this load's English with no good words, in the English file's order."""
    if found.whole_file:
        return [InEnglish(found.where, None, HAS_PROBLEM)]
    listed = []
    for key, row in zip(row_keys(english, file), english.to_dict("records")):
        if key in found.words:
            continue
        reason = (
            HAS_PROBLEM
            if key in found.broken
            else ENGLISH_CHANGED
            if key in found.changed
            else NO_TRANSLATION
        )
        listed.append(InEnglish(found.where, key, reason, fingerprint(file, row)))
    return listed


def translate(english: Content, folder: Path, language: str) -> tuple[Translation, list[Problem]]:
    """The content with its patient words in `language`, from `folder`/<language>/, built on
    `english` (its numbers, ids, order and roles), and every problem in that language's files."""
    tables = dict(english.tables)
    own_tables: dict[str, pd.DataFrame] = {}
    in_english: list[InEnglish] = []
    english_texts: set[str] = set()
    problems: list[Problem] = []
    unreviewed: dict[str, int] = {}
    digests: list[str] = []
    for file in translated_files():
        source = english.tables[file.name]
        found = _file_words(file, source, folder, language)
        shown = pd.Series(
            [key in found.words for key in row_keys(source, file)], index=source.index
        )
        tables[file.name] = _with_words(file, source, found.words)
        if shown.any():
            own_tables[file.name] = tables[file.name][shown]
        in_english += _in_english(file, source, found)
        english_texts |= _shown_texts(file, source[~shown])
        problems += found.problems
        unreviewed[file.name] = found.unreviewed
        digests += [file.name, found.digest]
    content = Content.from_tables(tables, memo_key=digest(english.memo_key, language, *digests))
    translation = Translation(
        language, content, own_tables, tuple(in_english), frozenset(english_texts), unreviewed
    )
    return translation, problems


def _shown_texts(file: CsvFile, rows: pd.DataFrame) -> set[str]:
    """The texts these rows put on a page: each cell, or each point of a cell of points (the
    page shows the points one by one)."""
    points = point_columns(file)
    return {
        text
        for column in text_columns(file, PATIENTS)
        for cell in rows[column]
        for text in (split_points(cell) if column in points else [cell])
        if text
    }


def _with_words(
    file: CsvFile, english: pd.DataFrame, words_by_key: Mapping[Key, tuple[str, ...]]
) -> pd.DataFrame:
    """The English frame (its order, numbers and ids) with the translated words of each row
    that has good ones; the other rows keep their English words."""
    translated = english.copy()
    keys = row_keys(english, file)
    for i, column in enumerate(text_columns(file, PATIENTS)):
        translated[column] = [
            words_by_key[key][i] if key in words_by_key else cell
            for key, cell in zip(keys, english[column])
        ]
    return translated


def unreviewed_line(translation: Translation) -> Said:
    """For the clinic: how many translated rows, in which files, still need a human review."""
    files = ", ".join(
        f"{name} ({count})" for name, count in translation.unreviewed.items() if count
    )
    return said(
        "data_check.unreviewed",
        language=translation.language,
        count=sum(translation.unreviewed.values()),
        files=files,
    )


def in_english_heading(translation: Translation) -> Said:
    """For the clinic: the heading of the list of rows shown in English (Translation.in_english)."""
    return said("data_check.in_english.heading", language=translation.language)
