"""No words a person reads are written into the code: they live in the text catalogue
(content/<language>/*.toml) or in content/<language>/*.md, so that a wording change or a second
language never touches Python. An AST check over app.py, views/ and explorer/."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests.literals_allowed import ALLOWED

ROOT = Path(__file__).resolve().parent.parent
SOURCES = sorted(
    [ROOT / "app.py", *(ROOT / "views").glob("*.py"), *(ROOT / "explorer").rglob("*.py")]
)
# Two words with a space between them, a capitalised word, or the arrow of a link's label.
WORDS = re.compile(r"[A-Za-z]{2,} +[A-Za-z]{2,}|^\s*[A-Z][a-z]+\b|→")


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            first = node.body[0] if node.body else None
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                found.add(id(first.value))
    return found


def _for_developers(tree: ast.AST) -> set[int]:
    """Strings in raise and assert statements: messages for the people who write the code."""
    return {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.Raise | ast.Assert)
        for inner in ast.walk(node)
    }


def wordy_literals(source: str) -> list[tuple[int, str]]:
    """(line, text) of every string literal in `source` that looks like words a person reads."""
    tree = ast.parse(source)
    skip = _docstrings(tree) | _for_developers(tree)
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in skip
        and WORDS.search(node.value)
    ]


def _found() -> dict[tuple[str, str], int]:
    found = {}
    for path in SOURCES:
        name = path.relative_to(ROOT).as_posix()
        for line, text in wordy_literals(path.read_text(encoding="utf-8")):
            found.setdefault((name, text), line)
    return found


def test_no_words_are_written_into_the_code():
    written = [
        f"{name}:{line}: {text!r}"
        for (name, text), line in sorted(_found().items())
        if (name, text) not in ALLOWED
    ]
    assert not written, "put these words in content/en/*.toml and use t(key):\n" + "\n".join(
        written
    )


def test_every_allowed_literal_is_still_there():
    stale = sorted(set(ALLOWED) - set(_found()))
    assert not stale, f"remove from tests/literals_allowed.py: {stale}"


@pytest.mark.parametrize(
    ("source", "caught"),
    [
        ('st.header("All sources")', True),
        ('st.caption(f"Back to {name}")', True),
        ('label = "Compare →"', True),
        ('st.header(t("sources.heading"), anchor="all-sources")', False),
        ('raise ValueError("unknown disc state")', False),
        ('"""A docstring with words."""', False),
    ],
)
def test_the_check_catches_words_and_only_words(source, caught):
    assert bool(wordy_literals(source)) is caught


def _calls_at_import(tree: ast.Module) -> list[int]:
    """Lines where the catalogue is read while a module loads, outside any function."""
    lines = []
    for statement in tree.body:
        if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            continue
        for node in ast.walk(statement):
            if isinstance(node, ast.Call) and (
                (isinstance(node.func, ast.Name) and node.func.id == "t")
                or (isinstance(node.func, ast.Attribute) and node.func.attr == "t")
            ):
                lines.append(node.lineno)
    return lines


@pytest.mark.parametrize(
    "path",
    [path for path in SOURCES if path.parent.name != "views" and path.name != "app.py"],
    ids=lambda path: path.relative_to(ROOT).as_posix(),
)
def test_modules_look_words_up_when_they_are_shown(path):
    # Words read at import would be fixed in one language for the life of the process.
    lines = _calls_at_import(ast.parse(path.read_text(encoding="utf-8")))
    assert not lines, f"{path.name} reads the catalogue at import, lines {lines}"


def test_the_import_check_can_fail():
    assert _calls_at_import(ast.parse('NOT_KNOWN = t("ratings.not_known")')) == [1]
