"""Writing catalogue words back line by line (explorer/translation/toml_lines.py): every catalogue
file of every language comes back byte for byte when nothing changes, and when every value is
changed and set back; a changed value touches its own line only; anything the lines cannot say
is refused, never written wrong."""

from __future__ import annotations

import tomllib

import pytest

from explorer import words
from explorer.translation.toml_lines import NotWritable, encoded, set_values
from tests.conftest import ROOT

CATALOGUE_FILES = sorted((ROOT / "content").glob("*/*.toml"))


def values(text: str) -> dict[str, str]:
    return dict(words.flatten(tomllib.loads(text)))


@pytest.mark.parametrize(
    "path", CATALOGUE_FILES, ids=lambda path: path.relative_to(ROOT).as_posix()
)
def test_every_catalogue_file_round_trips_byte_for_byte(path):
    text = path.read_text(encoding="utf-8")
    now = values(text)
    assert now
    assert set_values(text, now) == text
    # Every value rewritten, then written back as it was: each line's encoding is the file's own.
    changed = {key: f'{value} "x" \\ \n\t' for key, value in now.items()}
    rewritten = set_values(text, changed)
    assert values(rewritten) == changed
    assert set_values(rewritten, now) == text


def test_a_changed_value_touches_only_its_line():
    text = '# words\n[a]\n# why\nx = "one" # kept\ny = "two"\n\n[b.c]\n"very low" = "v"\n'
    written = set_values(text, {"a.x": 'un "uno"', "b.c.very low": "muy baja"})
    assert written == (
        '# words\n[a]\n# why\nx = "un \\"uno\\"" # kept\ny = "two"\n\n[b.c]\n"very low" = "muy baja"\n'
    )


def test_a_new_key_goes_under_its_table_or_a_new_one():
    text = '[a]\nx = "1"\n\n[b]\ny = "2"\n'
    written = set_values(text, {"a.z": "3", "c.d.e": "4", "top": "5"})
    assert values(written) == {"top": "5", "a.x": "1", "a.z": "3", "b.y": "2", "c.d.e": "4"}
    assert written.startswith('top = "5"\n[a]\nx = "1"\nz = "3"\n')


@pytest.mark.parametrize(
    "text", ['a"b', "back\\slash", "two\nlines", "tab\there", "del\x7f", "ñandú ✓", "{x} y"]
)
def test_any_string_is_written_as_toml_reads_it(text):
    assert tomllib.loads(f"k = {encoded(text)}")["k"] == text


@pytest.mark.parametrize(
    "text",
    [
        '[a]\nx = """\nmany\nlines"""\n',  # a multi-line string
        '[a]\nx = ["a", "b"]\n',  # not a string
        'a = { x = "inline" }\n',  # an inline table: no line of its own
    ],
)
def test_what_lines_cannot_say_is_refused(text):
    key = "a.x"
    with pytest.raises(NotWritable) as refused:
        set_values(text, {key: "new"})
    assert key in refused.value.keys
