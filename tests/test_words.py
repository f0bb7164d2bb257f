"""The text catalogue (content/<language>/*.toml): every key the code asks for exists."""

from __future__ import annotations

import ast
import re

import pytest

from explorer import words
from tests.conftest import ROOT
from tests.languages import plural_families

CODE = [
    *sorted((ROOT / "explorer").rglob("*.py")),
    *sorted((ROOT / "views").glob("*.py")),
    ROOT / "app.py",
]


# The functions that take a catalogue key, and where: t(key), said(key) and expects(key) (words
# kept as a value, explorer/rules/said.py), say(language, key).
KEY_ARGUMENT = {"t": 0, "said": 0, "expects": 0, "say": 1}


def keys_asked_for() -> set[str]:
    """Every literal key passed to t(...) and its kin in the app's code (f-string keys are
    checked by their prefix)."""
    keys = set()
    for path in CODE:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            position = KEY_ARGUMENT.get(getattr(getattr(node, "func", None), "id", None))
            if isinstance(node, ast.Call) and position is not None and len(node.args) > position:
                first = node.args[position]
                if isinstance(first, ast.Constant):
                    keys.add(first.value)
                elif isinstance(first, ast.JoinedStr) and isinstance(first.values[0], ast.Constant):
                    keys.add(first.values[0].value + "*")
    return keys


def test_every_key_the_code_uses_is_in_the_catalogue():
    # A plural family is asked for by its name, and said by the form its {count} takes.
    known = {*words.catalogue(), *plural_families(words.LANGUAGE)}
    for key in keys_asked_for():
        if key.endswith("*"):
            assert any(k.startswith(key[:-1]) for k in known), key
        else:
            assert key in known, key


def test_placeholders_are_filled_and_values_are_not_templates():
    assert words.t("data_check.cli_problems", folder="{emergency_phone}", count=2).startswith(
        "{emergency_phone}"
    )


def test_a_key_in_two_files_is_refused(tmp_path, monkeypatch):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "a.toml").write_text('[x]\ny = "one"\n')
    (tmp_path / "en" / "b.toml").write_text('[x]\ny = "two"\n')
    monkeypatch.setattr(words, "CONTENT_DIR", tmp_path)
    words.catalogue.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"x\.y"):
            words.catalogue()
    finally:
        words.catalogue.cache_clear()


def test_catalogue_words_have_no_markup():
    for key, text in words.catalogue().items():
        assert not re.search(r"<\s*/?\s*[a-zA-Z]|!\[|\]\(|https?://", text), key
