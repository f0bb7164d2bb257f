"""What is known of one language's words, for the marks of the review edition: the data rows its
pages show in English (missing, out of date or broken: the app's own per-row fallback, as
explorer/translations.py decides it), and the words no qualified medical translator has reviewed
yet (a data row's `reviewed_by`, a catalogue or page copy file's row in content/<language>/review.csv)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from explorer.store import Snapshot
from explorer.translation.where import Where
from explorer.translations import REVIEWED_BY, translated_files
from explorer.words import CONTENT_DIR, REVIEW_FILE

Row = tuple[str, tuple[str, ...]]  # a data file's name and a row's key cells


@dataclass(frozen=True)
class Status:
    in_english: frozenset[Row]
    in_english_files: frozenset[str]  # every row of these shown in English
    unreviewed: frozenset[Row]  # rows shown translated, not yet reviewed
    reviewed_files: frozenset[str]  # catalogue and page copy files a reviewer signed

    def shown_in_english(self, place: Where) -> bool:
        """Whether the page shows this place's words in English: a data row (or, for a whole
        file, any of its rows) with no good translation."""
        if not place.is_data:
            return False
        if place.file in self.in_english_files:
            return True
        return _any(self.in_english, place)

    def not_reviewed(self, place: Where) -> bool:
        if place.is_data:
            return _any(self.unreviewed, place)
        return place.file not in self.reviewed_files


def _any(rows: frozenset[Row], place: Where) -> bool:
    if place.key:
        return (place.file, place.key) in rows
    return any(file == place.file for file, _ in rows)


def status(snapshot: Snapshot, language: str) -> Status:
    """The marks of `language`'s words in the snapshot's data folder."""
    translation = snapshot.translations[language]
    prefix = f"{language}/"
    in_english = {
        (row.file.removeprefix(prefix), row.key)
        for row in translation.in_english
        if row.key is not None
    }
    whole = {row.file.removeprefix(prefix) for row in translation.in_english if row.key is None}
    unreviewed = {
        row
        for row in _unreviewed(snapshot.folder / language)
        if row not in in_english and row[0] not in whole
    }
    return Status(frozenset(in_english), frozenset(whole), frozenset(unreviewed), _signed(language))


def _unreviewed(folder: Path) -> set[Row]:
    found = set()
    for file in translated_files():
        try:
            frame = pd.read_csv(folder / file.name, dtype=str, keep_default_na=False)
        except (OSError, ValueError):  # unreadable: its rows are shown in English
            continue
        if REVIEWED_BY not in frame.columns or not set(file.key_columns) <= set(frame.columns):
            continue
        for row in frame.to_dict("records"):
            if not row[REVIEWED_BY].strip():
                found.add((file.name, tuple(row[name] for name in file.key_columns)))
    return found


def _signed(language: str) -> frozenset[str]:
    path = CONTENT_DIR / language / REVIEW_FILE
    if not path.is_file():
        return frozenset()
    with path.open(encoding="utf-8", newline="") as handle:
        return frozenset(
            row["file"] for row in csv.DictReader(handle) if row.get(REVIEWED_BY, "").strip()
        )
