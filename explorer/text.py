"""Making CSV text safe for the few Streamlit calls that render Markdown (headings, captions,
tables)."""

import re
from collections.abc import Sequence

import pandas as pd

from explorer.memo import kept

# CommonMark lets any ASCII punctuation be escaped with a backslash, which turns Markdown
# images, links, HTML, emphasis and Streamlit's :colour[...] directives into literal text.
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
# Streamlit's Markdown turns web and e-mail addresses into links even when escaped. An invisible
# word joiner after "www", a scheme's colon or "@" keeps them as text.
_AUTOLINK = re.compile(r"(www|https?:|mailto:|ftp:|@)", re.IGNORECASE)
_WORD_JOINER = "\u2060"


def plain(text: str) -> str:
    """Escape every character Markdown could read as markup, so the text shows as typed."""
    unlinked = _AUTOLINK.sub(lambda match: match.group(1) + _WORD_JOINER, str(text))
    return _PUNCTUATION.sub(r"\\\1", unlinked)


def capital(text: str) -> str:
    """The text with its first letter in capitals: 'had a complication' -> 'Had a complication'."""
    return text[:1].upper() + text[1:]


@kept
def plain_table(table: pd.DataFrame) -> pd.DataFrame:
    """Every cell and column header escaped: st.table reads both as Markdown, so an image in a
    CSV cell (or in an option name used as a header) would be fetched from outside and shown."""
    return table.map(plain).rename(columns=plain)


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A table in one Markdown element, every cell shown as typed: escaped, and on one line (a
    line break would end the table's row). One element instead of a bordered box per cell: a
    page's run costs about 0.13 ms of server time per element (docs/performance.md)."""
    return "\n".join(
        [
            _table_line(header),
            "|" + " --- |" * len(header),
            *(_table_line(row) for row in rows),
        ]
    )


def _table_line(cells: Sequence[str]) -> str:
    return "| " + " | ".join(plain(" ".join(str(cell).split())) for cell in cells) + " |"
