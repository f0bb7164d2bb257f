"""Running pages with Streamlit's AppTest, shared by every test that opens a page."""

from __future__ import annotations

import re

from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Block

from tests.conftest import ROOT


def open_page(page: str, /, **query) -> AppTest:
    """Run a page as a browser opening its address would: `page` is a path from the page list
    (app.py, pages/compare.py), `query` the address's parameters. The data folder is the one in
    EXPLORER_DATA_DIR (the fixture data unless the test set another)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    for key, value in query.items():
        at.query_params[key] = value
    if page != "app.py":
        at.switch_page(page)
    return at.run()


def texts(at: AppTest) -> str:
    """Every st.text on the page, every cell of its Markdown tables and every other Markdown
    element (the ways CSV text is shown), one per line, as a person reads them."""
    markdown = [
        cell
        for element in at.markdown
        for row in table_cells(element.value) or [[_as_read(element.value)]]
        for cell in row
    ]
    return "\n".join([*(t.value for t in at.text), *markdown])


def table_cells(markdown: str) -> list[list[str]]:
    """The rows of a Markdown table (explorer.text.markdown_table) as a person reads them: the
    escapes and the invisible joiners that keep CSV text as typed taken out. Not a table: []."""
    lines = markdown.splitlines()
    if len(lines) < 2 or not lines[1].startswith("|") or not set(lines[1]) <= set("|- "):
        return []
    return [
        [_as_read(cell) for cell in _UNESCAPED_BAR.split(line.strip()[1:-1])]
        for index, line in enumerate(lines)
        if index != 1
    ]


_UNESCAPED_BAR = re.compile(r"(?<!\\)\|")


def _as_read(cell: str) -> str:
    return re.sub(r"\\(.)", r"\1", cell.strip()).replace("\u2060", "")


def listed_sources(at: AppTest) -> list[str]:
    """The source ids in the page's list of sources (explorer.widgets.sources_list), in order;
    [] when the page shows none."""
    return [
        _as_read(line[2:]).split(":")[0]
        for block in _blocks(at.main)
        if getattr(block.proto, "id", "").endswith("-published-sources")
        for markdown in block.get("markdown")
        for line in markdown.value.splitlines()
    ]


def _blocks(node: Block):
    for child in node.children.values():
        if isinstance(child, Block):
            yield child
            yield from _blocks(child)
