"""The texts of one language as a gettext PO file, the format every translation tool reads
(Poedit, Weblate, Lokalise …), written and read by Babel (babel.messages.pofile).

One entry per text: msgctxt says where it lives (texts.Place.context), msgid is the English,
msgstr the words in the language now (empty when there are none), an extracted comment (#.) the
pages that show it, and the fuzzy flag a data row whose English changed since it was translated.

Plural families are written as one entry per CLDR category, the category in msgctxt
(ui.toml:data_check.problems.many), not as gettext plural entries (msgid_plural, msgstr[n]):
gettext's Plural-Forms for Spanish, as Babel gives them, have two forms (n != 1), while the
app's CLDR rules have three (one, many, other: "1000000 de filas"), so msgstr[n] could not hold
every form the app says. The header still gives Babel's Plural-Forms, as PO editors expect one."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import BinaryIO

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

from explorer import words
from explorer.translation.texts import Text
from explorer.ui import shell
from explorer.words import LANGUAGE, say

FUZZY = "fuzzy"
# Babel marks an id with a % sign as printf-style; the app's messages are str.format templates
# (Babel's python-brace-format, which it sets itself).
_NOT_OURS = "python-format"
# Numbers a plural category's comment gives as examples: the forms of every CLDR rule we use.
_EXAMPLES = (0, 1, 2, 3, 5, 21, 100, 1_000_000)
# Babel's stand-in for an unknown translator in a new file's header.
_NO_TRANSLATOR = Catalog().last_translator


def catalog(language: str, version: str, texts: Iterable[Text]) -> Catalog:
    """The PO catalogue of `texts` for `language`, for the content release `version`."""
    project = say(LANGUAGE, "app.name")
    comment = say(LANGUAGE, "translation.po.header", project=project, version=version)
    po = Catalog(
        locale=language,
        project=project,
        version=version,
        header_comment=f"# {comment}",
        charset="utf-8",
        fuzzy=False,
    )
    for text in texts:
        message = po.add(
            text.english,
            text.translation,
            flags=[FUZZY] if text.stale else [],
            auto_comments=_comments(text, language),
            context=text.place.context,
        )
        message.flags.discard(_NOT_OURS)
    return po


def _comments(text: Text, language: str) -> list[str]:
    place = text.place
    pages = shell.showing(place.key or place.file, file=not place.key)
    if pages is None:
        comments = [say(LANGUAGE, "translation.po.comment.off_pages")]
    elif pages == shell.PAGES:
        comments = [say(LANGUAGE, "translation.po.comment.every_page")]
    else:
        titles = ", ".join(say(LANGUAGE, f"pages.{page.page_id}.title") for page in pages)
        comments = [say(LANGUAGE, "translation.po.comment.pages", titles=titles)]
    if place.plural_category:
        rule = words.plural_rule(language)
        examples = [str(n) for n in _EXAMPLES if rule(n) == place.plural_category]
        comments.append(
            say(
                LANGUAGE,
                "translation.po.comment.plural",
                category=place.plural_category,
                examples=", ".join(examples),
            )
        )
    return comments


def write(handle: BinaryIO, po: Catalog) -> None:
    write_po(handle, po, sort_output=False, include_lineno=False)


@dataclass(frozen=True)
class Entry:
    """One entry of a translator's PO file, as the import reads it."""

    context: str | None
    english: str
    translation: str
    fuzzy: bool


@dataclass(frozen=True)
class Read:
    language: str  # the header's Language
    translator: str  # the header's Last-Translator, "" when it names no one
    entries: tuple[Entry, ...]


def read(handle: BinaryIO) -> Read:
    """The entries of a PO file (not its header, nor obsolete #~ entries). Raises Babel's
    PoFileError on a file that is not PO."""
    po = read_po(handle, abort_invalid=True, ignore_obsolete=True)
    translator = po.last_translator or ""
    entries = tuple(Entry(m.context, _single(m.id), _single(m.string), m.fuzzy) for m in po if m.id)
    return Read(str(po.locale or ""), "" if translator == _NO_TRANSLATOR else translator, entries)


def _single(value: object) -> str:
    """An entry's text; a gettext plural entry (which we never write) gives its first form."""
    if isinstance(value, (tuple, list)):
        return str(value[0]) if value else ""
    return str(value or "")
