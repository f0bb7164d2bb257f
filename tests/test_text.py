"""CSV text shown where Streamlit renders Markdown keeps its characters and gains no markup."""

import pandas as pd

from explorer.text import plain, plain_table


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
