"""Words kept as a value until someone reads them: a catalogue key and its placeholder values.

Data problems are found once, when the files are read, but read by several people: the clinic's
editor on the data-check page in their language, a patient's first-start page in theirs, the
server log and the command line in English. So a problem holds what it says, never the words of
whichever language was being spoken when the files were read."""

from __future__ import annotations

import json
from dataclasses import dataclass

from explorer.words import say

# A pandera check carries its words in its error text, the only text pandera hands back with a
# failure: a Said there is written as this prefix and JSON (see `expects` and `Said.decoded`).
_PREFIX = "said:"


@dataclass(frozen=True)
class Said:
    """A catalogue key and its placeholder values; a value may itself be a Said (words inside
    words), said in the same language."""

    key: str
    values: tuple[tuple[str, Value], ...] = ()

    def in_language(self, language: str) -> str:
        # A number stays a number: a plural family's form follows its {count}.
        return say(
            language,
            self.key,
            **{
                name: value.in_language(language) if isinstance(value, Said) else value
                for name, value in self.values
            },
        )

    def encoded(self) -> str:
        return _PREFIX + json.dumps(self._plain(), ensure_ascii=False)

    def _plain(self) -> list:
        return [
            self.key,
            {name: v._plain() if isinstance(v, Said) else v for name, v in self.values},
        ]

    @classmethod
    def decoded(cls, text: str) -> Said | None:
        """The Said an error text holds, or None for any other text (pandera's own checks)."""
        if not text.startswith(_PREFIX):
            return None
        return cls._from_plain(json.loads(text.removeprefix(_PREFIX)))

    @classmethod
    def _from_plain(cls, plain: list) -> Said:
        key, values = plain
        return said(
            key, **{n: cls._from_plain(v) if isinstance(v, list) else v for n, v in values.items()}
        )


# What a placeholder may be given: a cell's text, a number, or more words.
Value = str | int | float | Said


def said(key: str, /, **values: Value) -> Said:
    """`key`'s words with these values, to be said later in the reader's language."""
    return Said(key, tuple(sorted(values.items())))


def expects(key: str, /, **values: Value) -> str:
    """A check's error text: what the check expects, as a Said that the report reads back."""
    return said(key, **values).encoded()


def in_words(value: Value, language: str) -> str:
    """A Said in `language`; anything else (a cell's own text, a number) as it is."""
    return value.in_language(language) if isinstance(value, Said) else str(value)
