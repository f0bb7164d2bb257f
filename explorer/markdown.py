"""Markdown known to be safe, as a type: `Md`, after MarkupSafe's `Markup` for HTML.

Streamlit renders Markdown in most of what it shows (explorer/ui/say.py), and CSV text is the
clinics' to edit: an image written into a cell would be fetched from anywhere, a `:red[…]` would
colour a warning. So text becomes Markdown only in two ways: escaped (`plain`), or trusted as
author-written (`Md(...)`: the content/ files, the catalogue's templates, the few fixed marks
of code). Joining, adding and formatting an `Md` with a plain `str` escape the `str`; every other
`str` operation gives back a plain `str`, which the display calls refuse. No import from the
rest of explorer, so that explorer.words can make `Md` too."""

from __future__ import annotations

import re
import string
import urllib.parse
from collections.abc import Iterable

# CommonMark lets any ASCII punctuation be escaped with a backslash, which turns Markdown
# images, links, HTML, emphasis, Streamlit's :colour[...] directives and $math$ into literal text.
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
# Streamlit's Markdown turns web and e-mail addresses into links even when escaped. An invisible
# word joiner after "www", a scheme's colon or "@" keeps them as text.
_AUTOLINK = re.compile(r"(www|https?:|mailto:|ftp:|@)", re.IGNORECASE)
_WORD_JOINER = "\u2060"
# Characters a web address keeps as they are in a Markdown link; any other is percent-encoded
# (brackets, parentheses and angle brackets would end or break the link).
_LINK_SAFE = ":/?#@!$&'*+,;=%-._~"


class Md(str):
    """Markdown that is safe to render. `Md(text)` trusts `text` as it is: only for Markdown an
    author wrote. Text from anywhere else becomes Md through `plain`."""

    __slots__ = ()

    def __add__(self, other: str) -> Md:
        if isinstance(other, str):
            return Md(str.__add__(self, plain(other)))
        return NotImplemented

    # Python asks a str subclass's reflected method first: "text " + Md(...) comes here.
    def __radd__(self, other: str) -> Md:
        if isinstance(other, str):
            return plain(other) + self
        return NotImplemented

    def join(self, parts: Iterable[str]) -> Md:
        return Md(str.join(self, map(plain, parts)))

    def format(self, *args: object, **kwargs: object) -> Md:
        return Md(_ESCAPING.vformat(self, args, kwargs))

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str.__repr__(self)})"


class _Escaping(string.Formatter):
    """Fills a template's {placeholders}, each value escaped unless it is Md already (as
    MarkupSafe's EscapeFormatter does for HTML)."""

    def format_field(self, value: object, format_spec: str) -> str:
        if not isinstance(value, Md):
            return plain(format(value, format_spec))
        if format_spec:  # padding or cutting could split an escape from what it escapes
            raise ValueError(f"no format spec for Markdown: {{…:{format_spec}}}")
        return value


_ESCAPING = _Escaping()


def plain(text: object) -> Md:
    """Text shown as typed where Streamlit renders Markdown: every character Markdown could read
    as markup escaped, web addresses kept from becoming links. Md passes as it is (it is
    Markdown already, and safe), so escaping twice shows no backslashes."""
    if isinstance(text, Md):
        return text
    unlinked = _AUTOLINK.sub(lambda match: match.group(1) + _WORD_JOINER, str(text))
    return Md(_PUNCTUATION.sub(r"\\\1", unlinked))


def bullets(lead: str, items: Iterable[str]) -> Md:
    """A sentence with a list under it, one item a line, every text shown as typed."""
    return Md("\n\n").join([lead, Md("\n").join(Md("- ") + item for item in items)])


def link(text: str, address: str) -> Md:
    """A link: its words shown as typed, its address (checked at load time: http, https or doi,
    no spaces) percent-encoded wherever Markdown could end a link."""
    return Md(f"[{plain(text)}]({urllib.parse.quote(address, safe=_LINK_SAFE)})")
