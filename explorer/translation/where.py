"""Where a text a reader sees lives, said the same way everywhere a translator meets it (the PO
file's msgctxt, the review edition's reference): a catalogue message by its file and key, a page
copy file by its name, a data cell by its file, the row's key cells and its column."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from explorer.rules.files import FILES
from explorer.words import CONTENT_DIR, LANGUAGE

# Between the parts of a context, and between the key cells of a data row: neither appears in a
# file name, a catalogue key or an id.
PART_GAP, KEY_GAP = ":", "/"
_KEYS = {file.name: file.key_columns for file in FILES}


@dataclass(frozen=True, order=True)
class Where:
    """One text's place: `file` (ui.toml, home.md, outcomes.csv), then for a catalogue message
    its key, for a data cell its row's key cells and its column. A data row with `column` empty
    stands for every text cell of that row; a data file with no key, for every row."""

    file: str
    key: tuple[str, ...] = ()
    column: str = ""

    @property
    def is_data(self) -> bool:
        return self.file.endswith(".csv")

    def context(self) -> str:
        """As a PO file's msgctxt: 'ui.toml:get_help.title', 'outcomes.csv:esi/relief:outcome',
        'home.md'."""
        parts = [self.file, KEY_GAP.join(self.key), self.column]
        while parts and not parts[-1]:
            parts.pop()
        return PART_GAP.join(parts)


def message(key: str) -> Where:
    """A catalogue message (or a plural family) by its key: the file that holds it."""
    return Where(catalogue_files(LANGUAGE)[key], (key,))


def page_copy(name: str) -> Where:
    """A page copy file (content/<language>/home.md), translated as a whole."""
    return Where(name)


def cell(file: str, row: Mapping[str, object], column: str = "") -> Where:
    """A data cell (or with no column, every text cell of a row), the row given with at least
    its file's key columns."""
    return Where(file, tuple(str(row[name]) for name in _KEYS[file]), column)


def data_file(file: str) -> Where:
    """Every row of a data file: for a table that shows many of its rows."""
    return Where(file)


@cache  # the catalogue's files change with a release, not while the app runs
def catalogue_files(language: str) -> dict[str, str]:
    """Every key of one language's catalogue, and each plural family, -> the file that holds it."""
    found: dict[str, str] = {}
    for path in sorted((CONTENT_DIR / language).glob("*.toml")):
        with path.open("rb") as handle:
            found.update(dict.fromkeys(_keys(tomllib.load(handle)), path.name))
    return found


def _keys(table: Mapping, prefix: str = ""):
    """Each leaf key and each table's key: 'chances.sentence.about', 'data_check.problems'."""
    for name, value in table.items():
        yield f"{prefix}{name}"
        if isinstance(value, Mapping):
            yield from _keys(value, f"{prefix}{name}.")
