"""Setting string values in a catalogue file while keeping every other byte: its comments, blank
lines, order and spacing. A line-based update (no TOML library writes back comments, and the
catalogue needs only one-line strings under [table] headers): each key's line has its value
replaced, a key not there yet is added under its table, and the result is read back with tomllib
and must hold exactly the old values with the new ones set, or nothing is returned."""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from explorer.words import flatten

_BARE = r"[A-Za-z0-9_-]+"
_PART = rf"(?:{_BARE}|\"(?:[^\"\\]|\\.)*\"|'[^']*')"
_DOTTED = rf"{_PART}(?:\s*\.\s*{_PART})*"
_HEADER = re.compile(rf"^\s*\[\s*(?P<name>{_DOTTED})\s*\]\s*(?:#.*)?$")
_ASSIGNMENT = re.compile(rf"^\s*(?P<key>{_DOTTED})\s*=\s*")
_PARTS = re.compile(_PART)


class NotWritable(ValueError):
    """Keys whose new value cannot be written by lines (a multi-line string, a key defined in a
    way this reader does not follow): `keys` names them."""

    def __init__(self, keys: list[str]):
        super().__init__(", ".join(keys))
        self.keys = keys


@dataclass(frozen=True)
class _Value:
    line: int
    start: int  # the value's first character in the line (its opening quote)
    end: int  # one past its closing quote


def set_values(text: str, values: Mapping[str, str]) -> str:
    """`text` with each flattened key of `values` ("chances.amount.about") set to its string;
    lines of keys whose value is already that string are left exactly as they are."""
    before = dict(flatten(tomllib.loads(text)))
    changed = {key: value for key, value in values.items() if before.get(key) != value}
    lines = text.splitlines(keepends=True)
    found, tables = _read(lines)
    added: list[tuple[int, str]] = []
    for key, value in changed.items():
        place = found.get(key)
        if place is None:
            added.append(_addition(lines, tables, key, value))
            continue
        line = lines[place.line]
        lines[place.line] = line[: place.start] + encoded(value) + line[place.end :]
    for index, line in sorted(added, key=lambda pair: pair[0], reverse=True):
        lines.insert(index, line)
    written = "".join(lines)
    try:
        after = dict(flatten(tomllib.loads(written)))
    except tomllib.TOMLDecodeError:
        raise NotWritable(sorted(changed)) from None
    wrong = sorted(
        key for key in {*before, *after} if after.get(key) != {**before, **changed}.get(key)
    )
    if wrong:
        raise NotWritable(wrong)
    return written


def encoded(value: str) -> str:
    """A TOML basic string on one line: JSON's escapes are TOML's, but for DEL."""
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def _read(lines: list[str]) -> tuple[dict[str, _Value], dict[str, int]]:
    """Where each one-line string value is, by flattened key, and the line after which a new
    key of each [table] goes (its last assignment, or its header)."""
    found: dict[str, _Value] = {}
    tables: dict[str, int] = {}
    table = ""
    for index, line in enumerate(lines):
        header = _HEADER.match(line)
        if header:
            table = _dotted(header["name"])
            tables[table] = index
            continue
        assignment = _ASSIGNMENT.match(line)
        if not assignment:
            continue
        tables[table] = index
        end = _string_end(line, assignment.end())
        if end is not None:
            key = ".".join(filter(None, (table, _dotted(assignment["key"]))))
            found[key] = _Value(index, assignment.end(), end)
    return found, tables


def _string_end(line: str, start: int) -> int | None:
    """One past the closing quote of the one-line string starting at `start`; None for any
    other value (a number, a multi-line string)."""
    quote = line[start : start + 1]
    if quote not in ("'", '"') or line.startswith(quote * 3, start):
        return None
    index = start + 1
    while index < len(line):
        if quote == '"' and line[index] == "\\":
            index += 2
            continue
        if line[index] == quote:
            return index + 1
        index += 1
    return None


def _dotted(name: str) -> str:
    return ".".join(_unquoted(part) for part in _PARTS.findall(name))


def _unquoted(part: str) -> str:
    if part.startswith('"'):
        return json.loads(part)
    return part.strip("'")


def _addition(lines: list[str], tables: Mapping[str, int], key: str, value: str) -> tuple[int, str]:
    """Where and what to add for a key not in the file: under the longest [table] it belongs
    to, else under a new [table] at the end."""
    if "." not in key:  # a key of no table: after the file's first keys, before any [table]
        return tables.get("", -1) + 1, _assignment(key, value)
    parents = [table for table in tables if table and key.startswith(f"{table}.")]
    if parents:
        table = max(parents, key=len)
        return tables[table] + 1, _assignment(key.removeprefix(f"{table}."), value)
    table, _, name = key.rpartition(".")
    ending = "" if not lines or lines[-1].endswith("\n") else "\n"
    return len(lines), f"{ending}\n[{_key_text(table)}]\n" + _assignment(name, value)


def _assignment(key: str, value: str) -> str:
    return f"{_key_text(key)} = {encoded(value)}\n"


def _key_text(key: str) -> str:
    return ".".join(_key_parts(key))


def _key_parts(key: str) -> Iterator[str]:
    for part in key.split("."):
        yield part if re.fullmatch(_BARE, part) else json.dumps(part, ensure_ascii=False)
