"""CSV text shown where Streamlit renders Markdown keeps its characters and gains no markup."""

import pandas as pd

from explorer.text import markdown_table, plain, plain_table
from tests.apptest import table_cells


def test_markdown_and_html_characters_are_escaped():
    assert plain("**bold** <b>x</b> ![i](u) :red[x]") == (
        r"\*\*bold\*\* \<b\>x\<\/b\> \!\[i\]\(u\) \:red\[x\]"
    )


def test_web_and_email_addresses_cannot_become_links():
    escaped = plain("see www.example.com, https://example.com or me@example.com")
    for address_start in ("www.", "https://", "@example"):
        assert address_start not in escaped.replace("\\", "")
    # The text reads the same once the escapes and the invisible joiners are gone.
    assert (
        escaped.replace("\\", "").replace("\u2060", "")
        == "see www.example.com, https://example.com or me@example.com"
    )


def test_every_cell_and_header_of_a_table_is_escaped():
    table = plain_table(pd.DataFrame({"Found": ["<img src=x>"], "No. (row)": [3]}))
    assert list(table.columns) == ["Found", r"No\. \(row\)"]
    assert table.iloc[0].tolist() == [r"\<img src\=x\>", "3"]


def test_a_markdown_table_shows_every_cell_as_typed_on_one_line():
    typed = [["a | b", "line one\nline two", "![x](http://e.org/x.png)"], ["**no**", "", "3"]]
    table = markdown_table(["Option | one", "Two", "<b>Three</b>"], typed)
    lines = table.splitlines()
    assert len(lines) == 4  # header, separator, one line per row: no cell broke its row
    assert table_cells(table) == [
        ["Option | one", "Two", "<b>Three</b>"],
        ["a | b", "line one line two", "![x](http://e.org/x.png)"],
        ["**no**", "", "3"],
    ]
    assert "<b>" not in table and "![" not in table and "**" not in table  # all escaped
