"""Words the app itself shows, from the text catalogue: every content/<language>/*.toml file,
merged (each file holds its own top-level sections, so a page's words can live in its own file).
Code names a key ("get_help.title"); the catalogue holds the words, so wording never touches code."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"
LANGUAGE = "en"


@cache
def catalogue(language: str = LANGUAGE) -> dict[str, str]:
    """Every key of one language's catalogue, flattened: {"get_help.title": "Get help now", …}."""
    words: dict[str, str] = {}
    for path in sorted((CONTENT_DIR / language).glob("*.toml")):
        with path.open("rb") as handle:
            for key, text in _flatten(tomllib.load(handle)):
                if key in words:
                    raise ValueError(f"{path.name}: '{key}' is already in another catalogue file")
                words[key] = text
    return words


def _flatten(table: dict, prefix: str = ""):
    for key, value in table.items():
        if isinstance(value, dict):
            yield from _flatten(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value


def markdown_file(name: str, language: str = LANGUAGE) -> str:
    """Author-written page copy from content/<language>/*.md (repo text, never CSV cells)."""
    return (CONTENT_DIR / language / name).read_text(encoding="utf-8")


def t(key: str, **values: object) -> str:
    """The words for `key`, with any {placeholder} filled from `values` (values are inserted as
    they are: a CSV cell passed in is never read as a template)."""
    text = catalogue()[key]
    return text.format(**values) if values else text
