"""Making CSV text safe for the few Streamlit calls that render Markdown (headings, captions,
tables): tables of plain text as Streamlit tables or as one Markdown table."""

from collections.abc import Sequence

import pandas as pd

from explorer.markdown import Md, plain
from explorer.memo import kept


def capital(text: str) -> str:
    """The text with its first letter in capitals: 'had a complication' -> 'Had a complication'."""
    return text[:1].upper() + text[1:]


@kept
def plain_table(table: pd.DataFrame) -> pd.DataFrame:
    """Every cell and column header escaped: st.table reads both as Markdown, so an image in a
    CSV cell (or in an option name used as a header) would be fetched from outside and shown."""
    return table.map(plain).rename(columns=plain)


def cards(table: pd.DataFrame) -> Md:
    """The table as cards for a narrow screen, every cell shown as typed: one paragraph a row,
    its first cell in bold, then each other cell after its column's name, a line each."""
    columns = [str(column) for column in table.columns]
    return Md("\n\n").join(
        Md("  \n").join(
            [
                Md("**{}**").format(row[0]),
                *(
                    Md("{}: {}").format(column, cell)
                    for column, cell in zip(columns[1:], row[1:])
                    if str(cell).strip()
                ),
            ]
        )
        for row in table.itertuples(index=False)
    )


def markdown_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> Md:
    """A table in one Markdown element, every cell shown as typed: escaped, and on one line (a
    line break would end the table's row). One element instead of a bordered box per cell: a
    page's run costs about 0.13 ms of server time per element (docs/performance.md)."""
    return Md("\n").join(
        [
            _table_line(header),
            Md("|" + " --- |" * len(header)),
            *(_table_line(row) for row in rows),
        ]
    )


def _table_line(cells: Sequence[object]) -> Md:
    # Every cell is plain text, escaped by join (an Md cell too: its "|" would end the cell).
    return Md("| ") + Md(" | ").join(" ".join(str(cell).split()) for cell in cells) + Md(" |")
