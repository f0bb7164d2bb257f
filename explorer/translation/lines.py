"""What the review edition is made of: each text as a page shows it (`Line`), with where its
words live, and the edition's own headings between them (`Heading`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from explorer.markdown import Md
from explorer.translation import where
from explorer.translation.where import Where
from explorer.words import markdown_file, t

# How a text is shown, as its page shows it: a page's title, a heading, a smaller heading, a
# sentence or label, a note under content, Markdown page copy, a table, a block of plain text
# kept as it is laid out (the record note, the PDF's words), a catalogue template not yet filled.
TITLE, HEADING, SUBHEADING, TEXT, NOTE, MARKDOWN, TABLE, BLOCK, TEMPLATE = (
    "title",
    "heading",
    "subheading",
    "text",
    "note",
    "markdown",
    "table",
    "block",
    "template",
)


@dataclass(frozen=True)
class Line:
    """One text as a page shows it, in one language, and where its words live."""

    text: str | Md | pd.DataFrame | tuple[str, ...]
    where: tuple[Where, ...]
    style: str = TEXT


@dataclass(frozen=True)
class Heading:
    """The edition's own heading (translation.review.* in the catalogue, said in English): a
    page of the app (`new_page`), or a part of one. Its values are ids or English words."""

    key: str
    values: Mapping[str, object] = field(default_factory=dict)
    new_page: bool = False


def said(key: str, *data: Where, style: str = TEXT, **values: object) -> Line:
    """A catalogue message as a page says it, its placeholders filled (with data cells, `data`)."""
    return Line(t(key, **values), (where.message(key), *data), style)


def cell(file: str, row: Mapping[str, object], column: str, style: str = TEXT) -> Line:
    """A data cell as a page shows it."""
    return Line(str(row[column]), (where.cell(file, row, column),), style)


def page_copy(name: str) -> Line:
    """A page copy file, Markdown an author wrote, in the language being spoken."""
    return Line(markdown_file(name), (where.page_copy(name),), MARKDOWN)


def made(text: str | Md | pd.DataFrame, *places: str | Where, style: str = TEXT) -> Line:
    """A text made by the app's own function, with the places its words come from: catalogue
    keys (or plural families, or sections) and data places (`Where`)."""
    return Line(
        text,
        tuple(where.message(place) if isinstance(place, str) else place for place in places),
        style,
    )
