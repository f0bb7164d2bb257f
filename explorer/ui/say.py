"""Every Streamlit call the app makes that renders Markdown, taking only safe Markdown (`Md`:
`plain(text)` for text shown as typed, `t_md(key, ...)` for the catalogue's words).

Streamlit reads as Markdown the body of markdown, caption, the headings and the alerts; the
label and the help of every widget, button, link, popover and expander; and the words of each
option of a radio or pills. A plain `str` is refused with a TypeError, so a CSV value that
skipped escaping fails every test that draws its page instead of reaching a browser. ruff bans
the raw calls everywhere else (pyproject.toml). Plain text goes to st.text and st.code, tables
to widgets.table (every cell escaped)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import streamlit as st

from explorer.markdown import Md

R = TypeVar("R")


def _md(text: object) -> Md:
    if isinstance(text, Md):
        return text
    raise TypeError(
        "Streamlit renders this as Markdown: give it Md (plain(text) shows text as typed,"
        f" t_md(key) says the catalogue's words), not {type(text).__name__} {text!r}"
    )


def _checked(options: dict[str, Any], shows_options: bool = False) -> dict[str, Any]:
    """A call's keyword arguments with its help (and, with `shows_options`, the words
    format_func gives each option) checked to be Md."""
    if options.get("help") is not None:
        options["help"] = _md(options["help"])
    if shows_options:
        words = options.get("format_func", lambda option: option)
        options["format_func"] = lambda option: _md(words(option))
    return options


def _says(call: Callable[..., R], shows_options: bool = False) -> Callable[..., R]:
    """`call`, taking only Md as its first argument (a body or a label) and as its help."""

    def said(text: Md, /, *args: Any, **options: Any) -> R:
        return call(_md(text), *args, **_checked(options, shows_options))

    said.__name__ = call.__name__
    return said


markdown = _says(st.markdown)  # noqa: TID251
caption = _says(st.caption)  # noqa: TID251
title = _says(st.title)  # noqa: TID251
header = _says(st.header)  # noqa: TID251
subheader = _says(st.subheader)  # noqa: TID251
info = _says(st.info)  # noqa: TID251
warning = _says(st.warning)  # noqa: TID251
error = _says(st.error)  # noqa: TID251
success = _says(st.success)  # noqa: TID251
button = _says(st.button)  # noqa: TID251
download_button = _says(st.download_button)  # noqa: TID251
link_button = _says(st.link_button)  # noqa: TID251
popover = _says(st.popover)  # noqa: TID251
expander = _says(st.expander)  # noqa: TID251
toggle = _says(st.toggle)  # noqa: TID251
checkbox = _says(st.checkbox)  # noqa: TID251
# Their labels are Markdown; their options are shown as plain text.
selectbox = _says(st.selectbox)  # noqa: TID251
multiselect = _says(st.multiselect)  # noqa: TID251
# Their options are Markdown too.
radio = _says(st.radio, shows_options=True)  # noqa: TID251
pills = _says(st.pills, shows_options=True)  # noqa: TID251


@contextmanager
def drawn_when_opened(label: Md, key: str, **options: Any) -> Iterator[bool]:
    """A closed section (an expander) whose contents are drawn only while it is open: yields
    whether it is. Opening it reruns the page (or the part it is in) to draw them, so that
    every run that leaves it closed sends one line, not the section."""
    with expander(label, key=key, on_change="rerun", **options) as section:
        yield bool(section.open)


def page_link(page: st.Page, label: Md, **options: Any) -> None:
    """st.page_link to one of the app's pages (shell.path), whose label and help are Markdown."""
    st.page_link(page, label=_md(label), **_checked(options))  # noqa: TID251
