"""Is a page wholly in its language? The phrases of every other language's catalogue and page
copy, looked for in what a page shows (by AppTest in tests/apptest.py, by Chromium in
tests/browser/). And the catalogue's plural families, language by language."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from explorer import words


def plural_categories(language: str) -> set[str]:
    """The categories every plural family of `language` needs, by its CLDR rules (Babel)."""
    return set(words.plural_categories(language))


def plural_families(language: str) -> dict[str, dict[str, str]]:
    """Each plural family of a language's catalogue, {family: {category: message}}: the keys
    whose last part is a plural category. The rest of the catalogue is one message a key."""
    families: dict[str, dict[str, str]] = {}
    for key, text in words.catalogue(language).items():
        family, _, category = key.rpartition(".")
        if category in words.PLURAL_CATEGORIES:
            families.setdefault(family, {})[category] = text
    return families


def foreign_phrases(shown: str, language: str, data_words: Iterable[str] = ()) -> list[str]:
    """The phrases of another language's catalogue or page copy in `shown`, the text a page in
    `language` shows: [] when it is wholly in its language. The data's own words (`data_words`,
    which in the fixture data are English words marked "ES ") are taken out first."""
    for words_of_data in sorted(set(data_words), key=len, reverse=True):
        if len(words_of_data) > 3:
            shown = shown.replace(words_of_data, " ")
    return sorted(phrase for phrase in _phrases_not_in(language) if phrase in shown)


@functools.cache
def _phrases_not_in(language: str) -> frozenset[str]:
    """Phrases of three words or more from every other language's catalogue and page copy that
    are not said the same way in `language`."""
    own = words.catalogue(language)
    phrases = set()
    for other in words.languages():
        if other == language:
            continue
        texts = [text for key, text in words.catalogue(other).items() if own.get(key) != text]
        texts += [
            line
            for path in (words.CONTENT_DIR / other).glob("*.md")
            if path.read_text(encoding="utf-8") != _own_copy(language, path.name)
            for line in path.read_text(encoding="utf-8").splitlines()
        ]
        for text in texts:
            for piece in _PLACEHOLDER.split(text):
                phrase = piece.strip(" \t.,;:!?¿¡()[]*#-_>\"'")
                if len(phrase.split()) >= 3 and len(phrase) >= 12:
                    phrases.add(phrase)
    return frozenset(phrases)


def _own_copy(language: str, name: str) -> str:
    path = words.CONTENT_DIR / language / name
    return path.read_text(encoding="utf-8") if path.is_file() else ""


_PLACEHOLDER = re.compile(r"\{[^{}]*\}|\n")
