"""Words the app itself shows, from the text catalogue content/<language>/ui.toml. Code names a
key ("get_help.title"); the catalogue holds the words, so wording changes never touch code."""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"
LANGUAGE = "en"


@cache
def catalogue(language: str = LANGUAGE) -> dict[str, str]:
    """Every key of one language's catalogue, flattened: {"get_help.title": "Get help now", …}."""
    with (CONTENT_DIR / language / "ui.toml").open("rb") as handle:
        return dict(_flatten(tomllib.load(handle)))


def _flatten(table: dict, prefix: str = ""):
    for key, value in table.items():
        if isinstance(value, dict):
            yield from _flatten(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value


def t(key: str, **values: object) -> str:
    """The words for `key`, with any {placeholder} filled from `values` (values are inserted as
    they are: a CSV cell passed in is never read as a template)."""
    text = catalogue()[key]
    return text.format(**values) if values else text
