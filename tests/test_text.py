"""CSV text shown where Streamlit renders Markdown keeps its characters and gains no markup: the
safe-Markdown type (explorer/markdown.py), t_md, and the tables (explorer/text.py)."""

import pandas as pd
import pytest

from explorer import words
from explorer.markdown import Md, link, plain
from explorer.text import cards, markdown_table, plain_table
from explorer.words import t, t_md
from tests.apptest import rendered, table_cells

J = "\u2060"  # the invisible word joiner that keeps a web address from becoming a link

# Text a clinic could type (the load-time check refuses some: this is the second layer), and
# the exact Markdown that shows it as typed.
HOSTILE = [
    ("![x](http://e/x.png)", rf"\!\[x\]\(http\:{J}\/\/e\/x\.png\)"),
    ("[a link](https://e.org)", rf"\[a link\]\(https\:{J}\/\/e\.org\)"),
    ("<img src=x onerror=alert(1)>", r"\<img src\=x onerror\=alert\(1\)\>"),
    (":red[alarm] :material/home:", r"\:red\[alarm\] \:material\/home\:"),
    ("**bold** _it_ ~~gone~~", r"\*\*bold\*\* \_it\_ \~\~gone\~\~"),
    ("`code`", r"\`code\`"),
    (r"back\slash \*", r"back\\slash \\\*"),
    ("see www.e.org", rf"see www{J}\.e\.org"),
    ("https://e.org/a_b", rf"https\:{J}\/\/e\.org\/a\_b"),
    ("mail me@e.org", rf"mail me\@{J}e\.org"),
    ("$x^2$ costs $5", r"\$x\^2\$ costs \$5"),
    ("# Heading", r"\# Heading"),
    ("1. first", r"1\. first"),
    ("> quoted", r"\> quoted"),
    ("a | b", r"a \| b"),
    ("{placeholder}", r"\{placeholder\}"),
    ("Plain words, 3 out of 100.", r"Plain words\, 3 out of 100\."),
]


@pytest.mark.parametrize(("typed", "markdown"), HOSTILE, ids=[typed for typed, _ in HOSTILE])
def test_plain_shows_hostile_text_exactly_as_typed(typed, markdown):
    shown = plain(typed)
    assert type(shown) is Md and shown == markdown
    text, elements = rendered(shown)
    assert text == typed and elements == ["p"]  # one paragraph: no image, link, tag or emphasis


@pytest.mark.parametrize(("typed", "markdown"), HOSTILE, ids=[typed for typed, _ in HOSTILE])
def test_t_md_escapes_every_value_and_trusts_the_template(typed, markdown):
    template = t("situation.show_too", option="{option}")
    before, after = template.split("{option}")
    said = t_md("situation.show_too", option=typed)
    assert type(said) is Md and said == before + markdown + after
    assert rendered(said)[0] == t("situation.show_too", option=typed)


def test_t_md_puts_an_md_value_in_as_it_is_and_says_the_reader_s_language():
    assert t_md("situation.show_too", option=Md("**Gel**")) == t(
        "situation.show_too", option="**Gel**"
    )
    with words.speaking("es"):
        assert t_md("situation.show_too", option="*") == t("situation.show_too", option=r"\*")
        assert t_md("pages.home.title") == words.catalogue("es")["pages.home.title"]


def test_the_catalogue_s_own_markdown_is_kept():
    said = t_md("anatomy.page.pictures_show", description="*")
    assert said.startswith("**") and said.endswith(r" \*")
    assert rendered(said)[1] == ["p", "strong"]


def test_plain_passes_md_and_escapes_anything_else_as_text():
    once = plain("**a**")
    assert plain(once) is once  # no second backslashes
    assert plain(3) == "3" and type(plain(3)) is Md


def test_adding_md_and_str_escapes_the_str():
    bold = Md("**a**")
    assert bold + "*b*" == r"**a**\*b\*" and type(bold + "*b*") is Md
    assert "*b* " + bold == r"\*b\* **a**" and type("*b* " + bold) is Md
    assert bold + Md("_c_") == "**a**_c_"


def test_joining_escapes_the_str_parts_only():
    joined = Md(", ").join(["*a*", Md("**b**"), "c"])
    assert joined == r"\*a\*, **b**, c" and type(joined) is Md


def test_formatting_escapes_each_value_unless_it_is_md():
    formatted = Md("**{}** {name} {n:03d}").format("*", name=Md("_ok_"), n=7)
    assert formatted == r"**\*** _ok_ 007" and type(formatted) is Md
    assert Md("{0!s}").format(Md("*")) == r"\*"  # converted to str first: escaped
    with pytest.raises(ValueError):
        Md("{:.1}").format(Md(r"\*"))  # would cut the escape off what it escapes


def test_every_other_str_operation_gives_plain_str_which_the_display_calls_refuse():
    bold = Md("**a** %s")
    for made in (bold.upper(), bold % "*", bold * 2, f"{bold}", bold[1:], str(bold)):
        assert type(made) is str


def test_a_link_escapes_its_words_and_percent_encodes_its_address():
    made = link("S1 [x](y)", "https://e.org/a b)(<")
    assert made == r"[S1 \[x\]\(y\)](https://e.org/a%20b%29%28%3C)" and type(made) is Md
    assert rendered(made)[1] == ["p", "a"]


def test_every_cell_and_header_of_a_table_is_escaped():
    table = plain_table(pd.DataFrame({"Found": ["<img src=x>"], "No. (row)": [3]}))
    assert list(table.columns) == ["Found", r"No\. \(row\)"]
    assert table.iloc[0].tolist() == [r"\<img src\=x\>", "3"]


def test_a_markdown_table_shows_every_cell_as_typed_on_one_line():
    typed = [["a | b", "line one\nline two", "![x](http://e.org/x.png)"], ["**no**", "", "3"]]
    table = markdown_table(["Option | one", "Two", "<b>Three</b>"], typed)
    assert type(table) is Md
    lines = table.splitlines()
    assert len(lines) == 4  # header, separator, one line per row: no cell broke its row
    assert table_cells(table) == [
        ["Option | one", "Two", "<b>Three</b>"],
        ["a | b", "line one line two", "![x](http://e.org/x.png)"],
        ["**no**", "", "3"],
    ]
    assert "<b>" not in table and "![" not in table and "**" not in table  # all escaped
    elements = set(rendered(table)[1])
    assert elements == {"table", "thead", "tbody", "tr", "th", "td"}  # no image, link or bold


def test_an_md_cell_is_escaped_too_as_its_bar_would_end_the_cell():
    assert table_cells(markdown_table([Md("**a** | b")], [])) == [["**a** | b"]]


def test_a_tables_cards_show_every_cell_as_typed_under_its_columns_name():
    table = pd.DataFrame({"Option": ["**Bold** <b>x</b>", "Rest"], "Status": ["In use", ""]})
    shown = cards(table)
    first, second = shown.split("\n\n")
    assert first.startswith("**") and plain("**Bold** <b>x</b>") in first
    assert f"{plain('Status')}: {plain('In use')}" in first
    assert "Status" not in second  # an empty cell says nothing
