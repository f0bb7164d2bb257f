"""Every text a translator translates into one language, where it lives, its English and its
words in that language now: the catalogue's keys (content/<language>/*.toml), the page copy
(content/<language>/*.md, one text a file) and the data's patient text cells (data/*.csv against
data/<language>/*.csv, by row key and column). Read from the files as they are on disk, with no
cache, so an import reads what the export would write. Pure: no Streamlit here."""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from explorer import translations, words
from explorer.data import Content
from explorer.readability import CATALOGUE, DATA, MARKDOWN
from explorer.rules.files import CsvFile, text_columns
from explorer.rules.vocabulary import PATIENTS
from explorer.translations import Key

# A context's parts are joined by this: ui.toml:data_check.problems.one, home.md,
# answers.csv:fusion/pain:answer. Ids and keys never hold it.
SEPARATOR = ":"
ROW_KEY_SEPARATOR = "/"


@dataclass(frozen=True)
class Place:
    """Where one text lives: a catalogue file and key, a page copy file, or a data file, the
    row's key and the column."""

    kind: str  # readability's CATALOGUE, MARKDOWN or DATA
    file: str  # ui.toml, home.md, answers.csv: the same name in English and in the language
    key: str = ""  # a catalogue key
    row: Key = ()  # a data row's key cells
    column: str = ""  # a data column

    @property
    def context(self) -> str:
        """The PO entry's msgctxt: unique, and read back to find the place."""
        if self.kind == CATALOGUE:
            return SEPARATOR.join((self.file, self.key))
        if self.kind == MARKDOWN:
            return self.file
        # A row's own context (its translated_from, who translated it) has no column.
        parts = (self.file, ROW_KEY_SEPARATOR.join(self.row), self.column)
        return SEPARATOR.join(part for part in parts if part)

    @property
    def plural_category(self) -> str | None:
        """The CLDR category of a plural family's form ("many"); None for any other text."""
        category = self.key.rpartition(".")[2]
        return category if category in words.PLURAL_CATEGORIES else None


@dataclass(frozen=True)
class Text:
    """One text to translate: its English, its words in the language now ("" when none), and
    whether the English changed since those words were translated (a data row's
    translated_from is not the English row's fingerprint now)."""

    place: Place
    english: str
    translation: str
    stale: bool = False
    fingerprint: str = ""  # a data row's: its English now (translations.fingerprint)


@dataclass
class CsvRows:
    """A CSV file of words as written (data/<language>/<file>.csv, content/<language>/review.csv):
    its header and rows as text, kept to write it back with every row it does not change
    exactly as it was."""

    path: Path
    columns: list[str]
    rows: list[dict[str, str]]
    bom: bool = False
    exists: bool = True

    def written(self) -> bytes:
        """The file's bytes with its rows as they are now: Python's csv, as the files are made."""
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(self.columns)
        writer.writerows([[row.get(column, "") for column in self.columns] for row in self.rows])
        return (codecs.BOM_UTF8 if self.bom else b"") + out.getvalue().encode("utf-8")

    def frame(self) -> pd.DataFrame:
        """The rows as the reading gate scores them (file order: index + 2 is the row)."""
        return pd.DataFrame(self.rows, columns=self.columns, dtype=str)


def read_rows(path: Path, columns: list[str]) -> CsvRows:
    """A CSV file as written; a file not there yet is an empty one of `columns`."""
    if not path.is_file():
        return CsvRows(path, list(columns), [], exists=False)
    data = path.read_bytes()
    reader = csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    rows = list(reader)
    return CsvRows(path, list(reader.fieldnames or []), rows, data.startswith(codecs.BOM_UTF8))


def row_key(file: CsvFile, row: dict[str, str]) -> Key:
    return tuple(row.get(column, "") for column in file.key_columns)


@dataclass
class Texts:
    """Every text of one language, in the order a translator meets them: the catalogue files,
    the page copy, the data files, each in its own order."""

    language: str
    texts: list[Text] = field(default_factory=list)
    # What the import writes back into, read once with the texts.
    catalogue_files: dict[str, str] = field(default_factory=dict)  # name -> the file's text
    catalogue_keys: dict[str, str] = field(default_factory=dict)  # key -> the language's file
    data_files: dict[str, CsvRows] = field(default_factory=dict)  # name -> the file

    @cached_property  # asked once the texts are read, never changed after
    def by_context(self) -> dict[str, Text]:
        return {text.place.context: text for text in self.texts}


def read_texts(language: str, english: Content, data_folder: Path) -> Texts:
    """Every text to translate into `language`, from content/ (words.CONTENT_DIR) and from
    `data_folder`, whose English is `english` (checked: explorer.data.load_content)."""
    found = Texts(language)
    _catalogue(found)
    _page_copy(found)
    for file in translations.translated_files():
        _data(found, file, english.tables[file.name], data_folder)
    return found


def _catalogue(found: Texts) -> None:
    english_dir, own_dir = (words.CONTENT_DIR / lang for lang in (words.LANGUAGE, found.language))
    own: dict[str, str] = {}
    for path in sorted(own_dir.glob("*.toml")):
        found.catalogue_files[path.name] = path.read_text(encoding="utf-8")
        keys = words.catalogue_file(path)
        own |= keys
        found.catalogue_keys |= dict.fromkeys(keys, path.name)
    categories = words.plural_categories(found.language)
    for path in sorted(english_dir.glob("*.toml")):
        found.catalogue_files.setdefault(path.name, "")
        english = words.catalogue_file(path)
        done: set[str] = set()
        for key, text in english.items():
            family, _, category = key.rpartition(".")
            if category not in words.PLURAL_CATEGORIES:
                found.texts.append(Text(Place(CATALOGUE, path.name, key), text, own.get(key, "")))
            elif family not in done:
                # Each form the language needs, from the English form of its category, or the
                # English "other" where English has no such form (Spanish "many").
                done.add(family)
                for form in categories:
                    key = f"{family}.{form}"
                    source = english.get(key, english[f"{family}.other"])
                    found.texts.append(
                        Text(Place(CATALOGUE, path.name, key), source, own.get(key, ""))
                    )


def _page_copy(found: Texts) -> None:
    own_dir = words.CONTENT_DIR / found.language
    for path in sorted((words.CONTENT_DIR / words.LANGUAGE).glob("*.md")):
        own = own_dir / path.name
        translation = own.read_text(encoding="utf-8") if own.is_file() else ""
        found.texts.append(
            Text(Place(MARKDOWN, path.name), path.read_text(encoding="utf-8"), translation)
        )


def _data(found: Texts, file: CsvFile, english: pd.DataFrame, folder: Path) -> None:
    own = read_rows(folder / found.language / file.name, translations.columns(file))
    found.data_files[file.name] = own
    rows = {row_key(file, row): row for row in own.rows}
    texts = text_columns(file, PATIENTS)
    keys = translations.row_keys(english, file)
    for key, english_row in zip(keys, english[texts].to_dict("records")):
        row = rows.get(key)
        now = translations.fingerprint(file, english_row)
        stale = row is not None and row.get(translations.TRANSLATED_FROM) != now
        for column in texts:
            if english_row[column]:  # an empty English cell has nothing to translate
                found.texts.append(
                    Text(
                        Place(DATA, file.name, row=key, column=column),
                        english_row[column],
                        "" if row is None else row.get(column, ""),
                        stale,
                        now,
                    )
                )
