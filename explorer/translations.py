"""The data's words in another language: data/<language>/<file>.csv holds, for every row of an
English file, the row's key columns, its patient text columns in that language, and who
translated and reviewed it. Numbers, ids and sources stay in the English files, stored once.
Pure: no Streamlit here."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from explorer import words
from explorer.data import Content, LoadResult, load_content, read_csv
from explorer.rules.files import FILES, CsvFile, file_columns, text_columns
from explorer.rules.report import Problem, problems_from
from explorer.rules.said import Said, expects, said
from explorer.rules.vocabulary import PATIENTS
from explorer.words import LANGUAGE

# Who translated each row, and who reviewed it and when: empty until a qualified medical
# translator has (US Section 1557 rule, 2024); the app says so while any row is unreviewed.
TRANSLATED_BY, REVIEWED_BY, REVIEWED_ON = "translated_by", "reviewed_by", "reviewed_on"
REVIEW_COLUMNS = (TRANSLATED_BY, REVIEWED_BY, REVIEWED_ON)
# A folder of data words is named for its language: es, pt, zh-TW (any other folder is not one).
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(-[A-Z]{2})?")


def translated_files() -> list[CsvFile]:
    """The files whose words a patient reads: each has a translation per language."""
    return [file for file in FILES if text_columns(file, PATIENTS)]


def columns(file: CsvFile) -> list[str]:
    """A translation file's columns: the row's key, the words, the review."""
    return [*file.key_columns, *text_columns(file, PATIENTS), *REVIEW_COLUMNS]


@cache  # the same for every language and every load
def _schema(file: CsvFile) -> pa.DataFrameSchema:
    # The words obey the English file's own rules for them (filled, plain text, unique …).
    own = file_columns(file)
    words = {name: own[name] for name in text_columns(file, PATIENTS)}
    return pa.DataFrameSchema(
        {
            **{key: pa.Column(str) for key in file.key_columns},
            **words,
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


def _keys(frame: pd.DataFrame, file: CsvFile) -> list[tuple[str, ...]]:
    return [
        tuple(str(cell) for cell in row)
        for row in frame[list(file.key_columns)].itertuples(index=False)
    ]


@dataclass(frozen=True)
class Translation:
    """One language's words for the data, checked, and which rows are not yet reviewed."""

    language: str
    content: Content
    unreviewed: dict[str, int]  # file name -> rows not yet reviewed by a medical translator

    @property
    def reviewed(self) -> bool:
        return not any(self.unreviewed.values())


def translate(
    content: Content, folder: Path, language: str
) -> tuple[Translation | None, list[Problem]]:
    """The content with its patient words in `language`, from `folder`/<language>/, or every
    problem: a missing or extra row, a missing column, an empty or unsafe cell."""
    if language == LANGUAGE:
        return Translation(language, content, {}), []
    tables = dict(content.tables)
    problems: list[Problem] = []
    unreviewed: dict[str, int] = {}
    for file in translated_files():
        where = f"{language}/{file.name}"
        frame, read_problems = read_csv(folder / language / file.name, where, columns(file))
        problems += read_problems
        if frame is None:
            continue
        file_schema = _schema(file)
        try:
            frame = file_schema.validate(frame, lazy=True)
        except pa.errors.SchemaErrors as errors:
            problems += problems_from(where, file_schema, errors.failure_cases, frame)
            continue
        english = tables[file.name]
        problems += _row_problems(where, file, english, frame)
        if problems:
            continue
        tables[file.name] = _with_words(file, english, frame)
        unreviewed[file.name] = int((frame[REVIEWED_BY] == "").sum())
    if problems:
        return None, problems
    return Translation(language, Content.from_tables(tables), unreviewed), []


def _row_problems(
    where: str, file: CsvFile, english: pd.DataFrame, frame: pd.DataFrame
) -> list[Problem]:
    """A row for every English row and no other; empty exactly where the English is empty."""
    given = _keys(frame, file)
    wanted = _keys(english, file)
    key = ", ".join(file.key_columns)
    problems = [
        Problem(
            where,
            None,
            key,
            said("data_problem.no_translation", row=" / ".join(missing)),
            said("data_rule.every_row_translated", file=file.name),
        )
        for missing in wanted
        if missing not in set(given)
    ]
    problems += [
        Problem(where, row + 2, key, " / ".join(extra), said("data_rule.known_row", file=file.name))
        for row, extra in enumerate(given)
        if extra not in set(wanted)
    ]
    if problems:
        return problems
    english_by_key = dict(zip(wanted, english.itertuples(index=False)))
    for row, (row_key, translated) in enumerate(zip(given, frame.itertuples(index=False))):
        for column in text_columns(file, PATIENTS):
            if (getattr(english_by_key[row_key], column) == "") != (
                getattr(translated, column) == ""
            ):
                problems.append(
                    Problem(
                        where,
                        row + 2,
                        column,
                        getattr(translated, column),
                        said("data_rule.empty_as_english"),
                    )
                )
    return problems


def _with_words(file: CsvFile, english: pd.DataFrame, frame: pd.DataFrame) -> pd.DataFrame:
    """The English frame (its order, numbers and ids) with the translated words."""
    words = dict(
        zip(_keys(frame, file), frame[text_columns(file, PATIENTS)].itertuples(index=False))
    )
    translated = english.copy()
    rows = [words[row_key] for row_key in _keys(english, file)]
    for i, column in enumerate(text_columns(file, PATIENTS)):
        translated[column] = [row[i] for row in rows]
    return translated


def load_all(folder: Path) -> LoadResult:
    """The content and every language's words for it (data/<language>/ for each language of the
    text catalogue). A language with problems is left out and its problems listed; the English
    content is still served."""
    result = load_content(folder)
    if result.content is None:
        return result
    translated: dict[str, Translation] = {}
    problems: list[Problem] = []
    # Each language of the catalogue needs its data words; a folder of data words is checked
    # even before the catalogue has the language.
    folders = {path.name for path in folder.iterdir() if LANGUAGE_CODE.fullmatch(path.name)}
    for language in sorted(set(words.languages()) | folders):
        translation, found = translate(result.content, folder, language)
        problems += found
        if translation is not None:
            translated[language] = translation
    return LoadResult(result.content, problems, translated)


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
