"""Every Streamlit call that renders Markdown takes only safe Markdown (explorer/ui/say.py), ruff
bans the raw calls, and a hostile option name shows as typed wherever a page shows it."""

from __future__ import annotations

import tomllib

import pytest
from streamlit.testing.v1 import AppTest

from explorer.markdown import Md
from explorer.ui import say, shell
from explorer.words import t, t_md
from tests.apptest import as_read, open_page, rendered
from tests.conftest import ROOT, row_index, set_cell

with (ROOT / "pyproject.toml").open("rb") as handle:
    BANNED = tomllib.load(handle)["tool"]["ruff"]["lint"]["flake8-tidy-imports"]["banned-api"]
RAW = {name.removeprefix("streamlit."): ban["msg"] for name, ban in BANNED.items()}
# The raw calls whose ban names their wrapper ("streamlit.caption": "… use say.caption").
WRAPPED = sorted(name for name, message in RAW.items() if message.endswith(f"use say.{name}"))


# Built on the wrappers rather than standing for a raw call of their own.
BUILT_ON_WRAPPERS = {"drawn_when_opened"}


def test_every_wrapper_stands_for_a_banned_raw_call():
    wrappers = {
        name
        for name, value in vars(say).items()
        if callable(value) and value.__module__ == say.__name__ and not name.startswith("_")
    }
    assert wrappers - BUILT_ON_WRAPPERS == set(WRAPPED)


def _call(name: str, text: object, **options):
    if name == "page_link":
        return say.page_link("views/compare.py", text, **options)
    return getattr(say, name)(text, **options)


@pytest.mark.parametrize("name", WRAPPED)
def test_every_wrapper_refuses_plain_str(name):
    with pytest.raises(TypeError, match="Md"):
        _call(name, "**words**")
    with pytest.raises(TypeError, match="Md"):
        _call(name, Md("words"), help="**help**")


def _options_shown_as(kind: str, words) -> None:
    # Run by AppTest as a page of its own: the names are imported inside.
    from explorer.markdown import Md
    from explorer.ui import say

    getattr(say, kind)(Md("Pick"), ["a", "b"], format_func=words)


@pytest.mark.parametrize("kind", ["radio", "pills"])
def test_radio_and_pills_take_only_md_as_the_words_of_their_options(kind):
    refused = AppTest.from_function(_options_shown_as, args=(kind, str)).run()
    assert refused.exception  # a TypeError (its message is hidden: .streamlit/config.toml)
    shown = AppTest.from_function(_options_shown_as, args=(kind, Md)).run()
    assert not shown.exception


# An option name a clinic could save: the load-time check refuses HTML, images, links and web
# addresses, not these, which Streamlit's Markdown would still read as markup.
HOSTILE_NAME = r"**Gel** :red[implant] `now` $x$ _y_ ~~z~~ [w] \ # 1."
MARK = ":red[implant]"


@pytest.fixture
def hostile_name(served_data_copy):
    options = served_data_copy / "options.csv"
    set_cell(options, row_index(options, option_id="gel"), "name", HOSTILE_NAME)


def _markdown_shown(at: AppTest) -> list[str]:
    """Every text the page renders as Markdown, as sent to the browser."""
    kinds = ("markdown", "caption", "title", "header", "subheader")
    alerts = ("info", "warning", "error", "success")
    return [
        *(element.value for kind in (*kinds, *alerts) for element in getattr(at, kind)),
        *(button.label for button in at.button),
    ]


def test_the_show_too_button_shows_a_hostile_option_name_as_typed(hostile_name):
    at = open_page("views/compare.py", situation="leg_pain")
    assert not at.exception
    [button] = [button for button in at.button if button.key == "show-too-gel"]
    assert button.label == t_md("situation.show_too", option=HOSTILE_NAME)
    assert rendered(button.label) == (t("situation.show_too", option=HOSTILE_NAME), ["p"])


@pytest.mark.parametrize("path", [page.path for page in shell.PAGES])
def test_every_page_shows_a_hostile_option_name_as_typed(hostile_name, path):
    at = open_page(path, situation="leg_pain")
    assert not at.exception
    for markdown in _markdown_shown(at):
        if MARK in as_read(markdown):
            assert HOSTILE_NAME in rendered(markdown)[0]
