"""A made-up translation of a data folder, as a translator would deliver one: for each file a
patient reads, data/<language>/<file> with the row keys, every word cell marked (so a test sees
which words were used), the fingerprint of the English each row translates (translated_from)
and the review columns. `python -m tests.new_language FOLDER xx "XX "` (tests/fixtures/data/es was made this way, with "ES ")."""

from __future__ import annotations

import argparse
from pathlib import Path

from explorer import translations
from explorer.data import load_content
from explorer.rules.files import text_columns
from explorer.rules.vocabulary import PATIENTS
from tests.conftest import write_rows


def add_language(folder: Path, language: str = "xx", mark: str = "XX ") -> Path:
    """Write folder/<language>/ from the English files in `folder`; every filled word cell gets
    `mark` in front. Returns the new folder."""
    content = load_content(folder).content
    target = folder / language
    target.mkdir(exist_ok=True)
    for file in translations.translated_files():
        english = content.tables[file.name]
        words = text_columns(file, PATIENTS)
        rows = [
            {
                **{key: str(row[key]) for key in file.key_columns},
                **{column: f"{mark}{row[column]}" if row[column] else "" for column in words},
                translations.TRANSLATED_FROM: translations.fingerprint(file, row),
                translations.TRANSLATED_BY: "a test",
                translations.REVIEWED_BY: "",
                translations.REVIEWED_ON: "",
            }
            for _, row in english.iterrows()
        ]
        write_rows(target / file.name, rows, translations.columns(file))
    return target


if __name__ == "__main__":
    parser = argparse.ArgumentParser(prog="python -m tests.new_language")
    parser.add_argument("folder", type=Path)
    parser.add_argument("language", nargs="?", default="xx")
    parser.add_argument("mark", nargs="?", default="XX ")
    arguments = parser.parse_args()
    print(add_language(arguments.folder, arguments.language, arguments.mark))
