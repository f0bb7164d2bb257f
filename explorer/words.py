"""Words the app itself shows, from the text catalogue: every content/<language>/*.toml file,
merged (each file holds its own top-level sections, so a page's words can live in its own file).
Code names a key ("get_help.title"); the catalogue holds the words, so wording never touches code.

Every sentence is one whole message with named placeholders. Where a sentence changes with a
number, the catalogue holds a family, one whole sentence per form, and code picks the form:
- a plural family, by the number's CLDR plural category in the language (Babel's rules: "one"
  and "other" in English, "one", "many" and "other" in Spanish), the number being {count}:
  `t("data_check.problems", count=3)` says `data_check.problems.other`;
- any other form code names in the key, such as how a chance is said (`chances.sentence.about`).
No sentence is glued from fragments of the catalogue."""

from __future__ import annotations

import csv
import tomllib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache, lru_cache
from pathlib import Path

from babel import Locale
from babel.plural import PluralRule

from explorer.markdown import Md

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"
# The language the content is written in first, and the one shown when nothing else is asked for.
LANGUAGE = "en"
# Per translated language: who translated each catalogue file and who reviewed it.
REVIEW_FILE = "review.csv"
# The language of the words being built now. Every run of a page, every part rerun alone and
# every callback sets it before anything is said (explorer/ui/runtime.py: each runs on a thread
# of its own, which starts from this default); code outside a page run uses `speaking`. A
# ContextVar keeps one session's language out of another's.
_current: ContextVar[str] = ContextVar("language", default=LANGUAGE)


def languages() -> list[str]:
    """Every language the catalogue has: a folder of content/ per language, English first."""
    return list(_languages(CONTENT_DIR))


@cache  # asked on every page run; a new language's folder is read at the next start
def _languages(content_dir: Path) -> tuple[str, ...]:
    found = sorted(path.name for path in content_dir.iterdir() if (path / "pages.toml").is_file())
    return tuple(sorted(found, key=lambda language: language != LANGUAGE))


def use_language(language: str) -> None:
    """Say everything from now on (in this thread or task) in `language`."""
    if language not in languages():
        raise ValueError(f"no catalogue for language {language!r}")
    _current.set(language)


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Say everything inside in `language`, then go back to the language before: for code that
    runs outside a page run (the command line, tests)."""
    if language not in languages():
        raise ValueError(f"no catalogue for language {language!r}")
    token = _current.set(language)
    try:
        yield
    finally:
        _current.reset(token)


def current_language() -> str:
    return _current.get()


@cache
def catalogue(language: str = LANGUAGE) -> dict[str, str]:
    """Every key of one language's catalogue, flattened: {"get_help.title": "Get help now", …}."""
    words: dict[str, str] = {}
    for path in sorted((CONTENT_DIR / language).glob("*.toml")):
        for key, text in catalogue_file(path).items():
            if key in words:
                raise ValueError(f"{path.name}: '{key}' is already in another catalogue file")
            words[key] = text
    return words


def catalogue_file(path: Path) -> dict[str, str]:
    """One catalogue file's keys, flattened, in the file's order."""
    with path.open("rb") as handle:
        return dict(flatten(tomllib.load(handle)))


def flatten(table: dict, prefix: str = ""):
    """A catalogue's nested tables as (key, words) pairs: {"a": {"b": "x"}} -> ("a.b", "x")."""
    for key, value in table.items():
        if isinstance(value, dict):
            yield from flatten(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value


def catalogue_reviewed(language: str) -> bool:
    """Whether every file of a language's catalogue has a reviewer in content/<language>/review.csv
    (who translated it, who reviewed it and when)."""
    path = CONTENT_DIR / language / REVIEW_FILE
    if not path.is_file():
        return language == LANGUAGE
    with path.open(encoding="utf-8", newline="") as handle:
        return all(row["reviewed_by"].strip() for row in csv.DictReader(handle))


def markdown_file(name: str, language: str | None = None) -> Md:
    """Author-written page copy from content/<language>/*.md (repo text, never CSV cells), in the
    current language unless one is given: Markdown, trusted as it is."""
    path = CONTENT_DIR / (language or current_language()) / name
    return _read_copy(path, path.stat().st_mtime_ns)


@lru_cache(maxsize=256)
def _read_copy(path: Path, modified_ns: int) -> Md:
    """A copy file's text, read again only when the file changes: every page run asks for it."""
    return Md(path.read_text(encoding="utf-8"))


# The placeholder whose number picks a plural family's message.
COUNT = "count"
# Every CLDR plural category, in CLDR's order; a language's rules use some of them, and "other"
# always. A catalogue key whose last part is one is a form of a plural family.
PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")


def plural_categories(language: str) -> tuple[str, ...]:
    """The forms every plural family of `language` needs, by its CLDR rules (Babel), in order."""
    tags = {*plural_rule(language).tags, "other"}
    return tuple(category for category in PLURAL_CATEGORIES if category in tags)


@cache
def plural_rule(language: str) -> PluralRule:
    """The CLDR plural rules of `language` (Babel): its categories (`tags`, besides "other") and
    the category of a number (`plural_rule("es")(1_000_000)` is "many")."""
    return Locale.parse(language).plural_form


def message(language: str, key: str, values: Mapping[str, object]) -> str:
    """The template for `key` in `language`: the catalogue's message, or, where `key` names a
    plural family, the family's message for the plural category of `values["count"]`."""
    words = catalogue(language)
    if key in words or COUNT not in values:
        return words[key]
    return words[f"{key}.{plural_rule(language)(values[COUNT])}"]


def t_md(key: str, **values: object) -> Md:
    """The words for `key` as Markdown, for what Streamlit renders as Markdown (explorer.ui.say):
    the catalogue's template trusted as it is (authors write it), each {placeholder} filled with
    its value escaped unless it is Md already."""
    template = Md(message(current_language(), key, values))
    return template.format(**values) if values else template


def t(key: str, **values: object) -> str:
    """The words for `key`, with any {placeholder} filled from `values` (values are inserted as
    they are: a CSV cell passed in is never read as a template)."""
    return say(current_language(), key, **values)


def say(language: str, key: str, /, **values: object) -> str:
    """`t` in a given language: for words read by someone other than this run's reader (the
    server log is always English; a data problem is said in the language of whoever reads it)."""
    text = message(language, key, values)
    return text.format(**values) if values else text
