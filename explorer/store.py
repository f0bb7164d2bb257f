"""The checked content of one data folder, every language at once, for a long-running app: one
read-only Snapshot, replaced as a whole when a saved edit passes the check. Pure: no Streamlit
here (the app keeps one ContentStore per process in its UI layer, explorer/ui/shell.py)."""

from __future__ import annotations

import logging
import math
import os
import threading
import time
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType

import pandas as pd

from explorer import translations
from explorer.data import Content, digest, load_content
from explorer.rules.report import Problem
from explorer.translations import Translation
from explorer.words import LANGUAGE, say

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Snapshot:
    """Everything a page run reads about the data, from one load: the English content, each
    language built on that same English, and what is wrong with the files on disk now."""

    folder: Path
    english: Content | None  # None only on a first start with broken English files
    translations: Mapping[str, Translation]  # every language but English, on `english`
    problems: tuple[Problem, ...]  # of the files on disk now (maybe not the ones served)
    version: str | None  # names the content served: equal files, equal version
    # False when the English files on disk fail the check and this is the last snapshot that
    # passed; True when it is made from the files on disk (a translation's problems or not).
    up_to_date: bool = True

    def content(self, language: str) -> Content:
        """The content in `language`: English where the language has no words at all. A first
        start with broken files has none: look at `english` first."""
        translation = self.translations.get(language)
        return self.english if translation is None else translation.content

    def shown_in_english(self, language: str) -> frozenset[str]:
        """The exact data texts a page in `language` shows in English (for lang="en")."""
        translation = self.translations.get(language)
        return frozenset() if translation is None else translation.english_texts

    def own_words(self, language: str) -> Mapping[str, pd.DataFrame]:
        """The data tables in `language`'s own words: what its reading rules can score."""
        if language == LANGUAGE:
            return {} if self.english is None else self.english.tables
        translation = self.translations.get(language)
        return {} if translation is None else translation.own_tables

    def reviewed(self, language: str) -> bool:
        """Whether every data row shown in `language` has been reviewed by a qualified medical
        translator (English is the source: it needs none)."""
        if language == LANGUAGE:
            return True
        translation = self.translations.get(language)
        return translation is not None and translation.reviewed


def load_snapshot(folder: Path, last: Snapshot | None = None) -> Snapshot:
    """Check the English files and each language's words together. When the English fails, the
    last snapshot that passed (`last`) stays, English and every language, with the new problems."""
    result = load_content(folder)
    if result.content is None:
        if last is None or last.english is None:
            return Snapshot(folder, None, MappingProxyType({}), tuple(result.problems), None)
        return replace(last, problems=tuple(result.problems), up_to_date=False)
    languages: dict[str, Translation] = {}
    problems: list[Problem] = []
    for language in translations.languages(folder):
        languages[language], found = translations.translate(result.content, folder, language)
        problems += found
    version = digest(result.content.memo_key, *(t.content.memo_key for t in languages.values()))
    return Snapshot(folder, result.content, MappingProxyType(languages), tuple(problems), version)


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
    """The checked content of one data folder. A saved edit is picked up at the next look;
    content that fails the check is never served: the last snapshot that passed stays in use,
    and the problems are kept (and logged) for the clinic's editor."""

    def __init__(self, folder: Path, look_every_s: float = 0.0):
        self.folder = Path(folder)
        # The app asks on every page run; it looks at the files at most this often (every look
        # reads each file's size and time, and 40 sessions at once asked 40 times).
        self.look_every_s = look_every_s
        self._looked_at = -math.inf
        self._lock = threading.Lock()
        self._stamp: tuple | None = None
        self._snapshot = Snapshot(self.folder, None, MappingProxyType({}), (), None)

    def current(self) -> Snapshot:
        """The snapshot of the files as they are now, re-checked if they changed since the last
        look; cheap when they did not."""
        now = time.monotonic()
        # Until the first load is done, every run waits for it: the empty snapshot read as
        # "could not be loaded, 0 problems" to a second session arriving meanwhile.
        if self._stamp is None or now - self._looked_at >= self.look_every_s:
            self._looked_at = now
            stamp = _stamp(self.folder)
            if stamp != self._stamp:
                with self._lock:
                    if stamp != self._stamp:
                        self._reload(stamp)
        return self._snapshot

    def _reload(self, stamp: tuple) -> None:
        snapshot = load_snapshot(self.folder, self._snapshot)
        _log(snapshot)
        # One swap: a page run reads the old snapshot or the new one, never English from one
        # load with languages from another.
        self._snapshot = snapshot
        self._stamp = stamp


def _log(snapshot: Snapshot) -> None:
    # The server log is read by the clinic's IT staff: always in English.
    if not snapshot.problems:
        log.info(say(LANGUAGE, "data_log.passed", folder=snapshot.folder))
        return
    if snapshot.english is None:
        serving = "data_log.serving_none"
    elif snapshot.up_to_date:  # only translation files have problems
        serving = "data_log.serving_with_english_rows"
    else:
        serving = "data_log.serving_last"
    problems = say(
        LANGUAGE, "data_log.problems", folder=snapshot.folder, count=len(snapshot.problems)
    )
    log.warning("%s %s", problems, say(LANGUAGE, serving))
    for problem in snapshot.problems:
        log.warning("%s", problem.message(LANGUAGE))
