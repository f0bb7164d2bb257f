"""A translator's round trip in a PO file (explorer/translation/): `python -m explorer translation
export es FILE.po` and `… import FILE.po`, on copies of content/ and of the fixture data. What is
exported is what the app reads; an import that changes nothing writes nothing; a change writes
exactly that text; an entry that fails a check writes nothing at all, and the table names it."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from explorer import translations, words
from explorer.__main__ import main
from explorer.data import load_content
from explorer.rules.files import text_columns
from explorer.rules.vocabulary import PATIENTS
from explorer.store import load_snapshot
from explorer.translation import importing
from tests.conftest import ROOT, read_rows, row_index, set_cell, write_rows
from tests.languages import plural_families

LANGUAGE = "es"


def content_copy(tmp_path: Path, monkeypatch) -> Iterator[Path]:
    """A copy of content/ that the app's words are read from (words.CONTENT_DIR)."""
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    monkeypatch.setattr(words, "CONTENT_DIR", content)
    words.catalogue.cache_clear()
    yield content
    words.catalogue.cache_clear()


@pytest.fixture
def copies(tmp_path, data_copy, monkeypatch):
    """content/ and the fixture data, copied: the import writes into the copies only."""
    for content in content_copy(tmp_path, monkeypatch):
        yield content, data_copy


def run(*arguments: str) -> int:
    return main(["translation", *arguments])


def export(data: Path, path: Path) -> Path:
    assert run("export", LANGUAGE, str(path), "--data", str(data)) == 0
    return path


def entries(path: Path) -> dict:
    with path.open("rb") as handle:
        return {message.context: message for message in read_po(handle) if message.id}


def edit(path: Path, change) -> Path:
    """The PO file with `change(message)` applied to each of its messages, as a PO editor saves
    it (Babel writes it back)."""
    with path.open("rb") as handle:
        po = read_po(handle)
    for message in po:
        if message.id:
            change(message)
    with path.open("wb") as handle:
        write_po(handle, po)
    return path


def set_words(path: Path, context: str, translation: str, fuzzy: bool | None = None) -> Path:
    def change(message):
        if message.context == context:
            message.string = translation
            if fuzzy is not None:
                message.flags = {*message.flags, "fuzzy"} if fuzzy else message.flags - {"fuzzy"}

    return edit(path, change)


def digest(*folders: Path) -> str:
    """Every byte of every file in the folders, and their names."""
    hashed = hashlib.sha256()
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                hashed.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return hashed.hexdigest()


def bring_back(path: Path, data: Path) -> int:
    return run("import", str(path), "--data", str(data))


def test_an_import_of_the_export_as_it_is_writes_nothing(copies, tmp_path, capsys):
    content, data = copies
    path = export(data, tmp_path / "es.po")
    before = digest(content, data)
    assert bring_back(path, data) == 0
    assert digest(content, data) == before
    # The shipped Spanish (with its real catalogue and data) comes back the same too.
    shutil.rmtree(data)
    shutil.copytree(ROOT / "data", data)
    path = export(data, tmp_path / "shipped.po")
    before = digest(content, data)
    assert bring_back(path, data) == 0
    assert digest(content, data) == before


def test_every_text_the_app_reads_is_exported_once_with_its_english_and_its_words(copies, tmp_path):
    content, data = copies
    found = entries(export(data, tmp_path / "es.po"))
    expected: dict[str, tuple[str, str]] = {}
    english, own = words.catalogue(words.LANGUAGE), words.catalogue(LANGUAGE)
    families = plural_families(words.LANGUAGE)
    for path in sorted((content / words.LANGUAGE).glob("*.toml")):
        for key in words.catalogue_file(path):
            family = key.rpartition(".")[0]
            if family in families:  # each form the language needs, from English "other"
                for form in plural_families(LANGUAGE)[family]:
                    english_form = families[family].get(form, families[family]["other"])
                    expected[f"{path.name}:{family}.{form}"] = (
                        english_form,
                        own[f"{family}.{form}"],
                    )
            else:
                expected[f"{path.name}:{key}"] = (english[key], own[key])
    for path in (content / words.LANGUAGE).glob("*.md"):
        expected[path.name] = (
            words.markdown_file(path.name, words.LANGUAGE),
            words.markdown_file(path.name, LANGUAGE),
        )
    snapshot = load_snapshot(data)
    shown = snapshot.content(LANGUAGE).tables
    for file in translations.translated_files():
        table = snapshot.english.tables[file.name]
        keys = translations.row_keys(table, file)
        for column in text_columns(file, PATIENTS):
            for index, key in enumerate(keys):
                if table[column].iloc[index]:
                    words_now = shown[file.name][column].iloc[index]
                    context = f"{file.name}:{'/'.join(key)}:{column}"
                    expected[context] = (table[column].iloc[index], words_now)
    assert len(found) == len(expected)  # no context twice, none missing, none extra
    assert {context: (m.id, m.string) for context, m in found.items()} == expected
    assert all(m.auto_comments for m in found.values())  # where each shows


def test_a_changed_text_changes_exactly_that_text(copies, tmp_path):
    content, data = copies
    answers = data / LANGUAGE / "answers.csv"
    row = row_index(answers, option_id="rest", question_id="about_it")
    set_cell(answers, row, "reviewed_by", "A. Reviewer")
    set_cell(answers, row, "reviewed_on", "2026-12-01")
    path = export(data, tmp_path / "es.po")
    set_words(path, "answers.csv:rest/about_it:answer", "Usted se mueve en casa. No hay aguja.")
    set_words(path, "pages.toml:pages.compare.title", "Comparar las opciones de tratamiento")
    rows_before = read_rows(answers)
    catalogue_before = (content / LANGUAGE / "pages.toml").read_text(encoding="utf-8")
    untouched = digest(content / words.LANGUAGE, data / "options.csv")
    assert bring_back(path, data) == 0
    rows_after = read_rows(answers)
    changed = [
        (i, column)
        for i, (old, new) in enumerate(zip(rows_before, rows_after, strict=True))
        for column in old
        if old[column] != new[column]
    ]
    # The words, and the review that was of the old words; never a new reviewer.
    assert changed == [(row, "answer"), (row, "reviewed_by"), (row, "reviewed_on")]
    assert rows_after[row]["answer"] == "Usted se mueve en casa. No hay aguja."
    catalogue_after = (content / LANGUAGE / "pages.toml").read_text(encoding="utf-8")
    old_lines, new_lines = catalogue_before.splitlines(), catalogue_after.splitlines()
    assert len(old_lines) == len(new_lines)
    differ = [new for old, new in zip(old_lines, new_lines) if old != new]
    assert differ == ['title = "Comparar las opciones de tratamiento"']
    assert digest(content / words.LANGUAGE, data / "options.csv") == untouched
    words.catalogue.cache_clear()
    assert words.say(LANGUAGE, "pages.compare.title") == "Comparar las opciones de tratamiento"
    # The pages.toml file's review is of its old words too.
    review = {r["file"]: r for r in read_rows(content / LANGUAGE / words.REVIEW_FILE)}
    assert review["pages.toml"]["reviewed_by"] == ""


def test_a_dropped_placeholder_is_refused_and_nothing_is_written(copies, tmp_path, capsys):
    content, data = copies
    path = export(data, tmp_path / "es.po")
    context = "ui.toml:data_check.problems.other"
    broken = entries(path)[context].string.replace("{count}", "varios")
    set_words(path, context, broken)
    # A good change in the same file is not written either.
    set_words(path, "answers.csv:rest/about_it:answer", "Usted se mueve en casa. No hay aguja.")
    before = digest(content, data)
    capsys.readouterr()
    assert bring_back(path, data) == 1
    assert digest(content, data) == before
    printed = capsys.readouterr().out
    [line] = [line for line in printed.splitlines() if line.startswith(context)]
    assert (
        words.say(
            words.LANGUAGE, "translation.po.problem.placeholders", expected="{count}", found="-"
        )
        in line
    )
    assert words.say(words.LANGUAGE, "translation.po.table.context") in printed


@pytest.mark.parametrize(
    ("context", "words_given", "problem"),
    [
        # A data cell that breaks the app's schema for it (plain text, no markup).
        ("options.csv:rest:name", "Ejercicio <b>en casa</b>", "data_rule"),
        # A sentence longer than the Spanish reading rules allow (20 words).
        (
            "answers.csv:rest/about_it:answer",
            "Usted se mueve en casa cada día y no hay aguja ni operación ni nada que le duela"
            " mucho si va con calma y con tiempo.",
            "translation.po.problem.long_sentence",
        ),
    ],
)
def test_an_entry_that_fails_the_apps_checks_is_refused(
    copies, tmp_path, capsys, context, words_given, problem
):
    content, data = copies
    path = set_words(export(data, tmp_path / "es.po"), context, words_given)
    before = digest(content, data)
    capsys.readouterr()
    assert bring_back(path, data) == 1
    assert digest(content, data) == before
    assert [line for line in capsys.readouterr().out.splitlines() if line.startswith(context)]


def test_a_text_gone_from_the_english_or_changed_is_reported(copies, tmp_path, capsys):
    content, data = copies
    path = export(data, tmp_path / "es.po")

    def change(message):
        if message.context == "options.csv:rest:name":
            message.context = "options.csv:gone:name"
        if message.context == "pages.toml:pages.compare.title":
            message.id = "An English title of before"

    edit(path, change)
    before = digest(content, data)
    capsys.readouterr()
    assert bring_back(path, data) == 1
    assert digest(content, data) == before
    printed = capsys.readouterr().out
    for context, key in [
        ("options.csv:gone:name", "unknown"),
        ("pages.toml:pages.compare.title", "english_changed"),
    ]:
        [line] = [line for line in printed.splitlines() if line.startswith(context)]
        assert words.say(words.LANGUAGE, f"translation.po.problem.{key}") in line


def stale_copy(data: Path) -> set[tuple[str, tuple[str, ...]]]:
    """Change the English of a row of two files: their Spanish rows become stale. Returns the
    rows the app shows in English because their English changed (the app's own reading)."""
    set_cell(
        data / "options.csv", 0, "summary", "Keep moving at home every day, with no procedure."
    )
    set_cell(data / "answers.csv", 1, "answer", "There is no procedure day. You exercise at home.")
    translation = load_snapshot(data).translations[LANGUAGE]
    return {
        (row.file.removeprefix(f"{LANGUAGE}/"), row.key)
        for row in translation.in_english
        if row.reason == translations.ENGLISH_CHANGED
    }


def test_fuzzy_is_set_exactly_on_the_entries_of_rows_whose_english_changed(copies, tmp_path):
    _, data = copies
    stale = stale_copy(data)
    assert len(stale) == 2
    found = entries(export(data, tmp_path / "es.po"))
    fuzzy = {context for context, message in found.items() if message.fuzzy}
    expected = {
        context
        for context in found
        if any(context.startswith(f"{name}:{'/'.join(key)}:") for name, key in stale)
    }
    assert fuzzy == expected
    assert len(expected) >= 2  # every text column of those rows


def test_a_fuzzy_row_is_written_but_shown_in_english_until_confirmed(copies, tmp_path, capsys):
    _, data = copies
    stale_copy(data)
    context = "answers.csv:rest/on_the_day:answer"
    path = export(data, tmp_path / "es.po")
    assert entries(path)[context].fuzzy
    set_words(path, context, "No hay día del procedimiento. Usted hace ejercicio en casa.")
    assert bring_back(path, data) == 0
    row = read_rows(data / LANGUAGE / "answers.csv")[1]
    assert row["answer"] == "No hay día del procedimiento. Usted hace ejercicio en casa."
    shown = load_snapshot(data).translations[LANGUAGE]
    assert ("rest", "on_the_day") in {r.key for r in shown.in_english}
    # The translator confirms it, each entry of the row: the fuzzy marks off, the row follows
    # the English now.
    set_words(path, context, row["answer"], fuzzy=False)
    points = "answers.csv:rest/on_the_day:key_points"
    assert entries(path)[points].fuzzy  # the row's other text: its English changed with it
    set_words(path, points, row["key_points"], fuzzy=False)
    assert bring_back(path, data) == 0
    shown = load_snapshot(data).translations[LANGUAGE]
    assert ("rest", "on_the_day") not in {r.key for r in shown.in_english}
    english = load_content(data).content.answers.set_index(["option_id", "question_id"])
    assert (
        shown.content.answers.set_index(["option_id", "question_id"]).loc[
            ("rest", "on_the_day"), "answer"
        ]
        == "No hay día del procedimiento. Usted hace ejercicio en casa."
    )
    assert english.loc[("rest", "on_the_day"), "answer"].startswith("There is")


def test_a_fuzzy_entry_of_the_catalogue_is_left_out(copies, tmp_path, capsys):
    content, data = copies
    path = export(data, tmp_path / "es.po")
    set_words(path, "pages.toml:pages.compare.title", "Comparar todo", fuzzy=True)
    before = digest(content, data)
    capsys.readouterr()
    assert bring_back(path, data) == 0
    assert digest(content, data) == before
    assert "pages.toml:pages.compare.title" in capsys.readouterr().out


def test_plural_families_round_trip_with_every_form_of_the_language(copies, tmp_path):
    _, data = copies
    found = entries(export(data, tmp_path / "es.po"))
    family = "data_check.problems"
    forms = {
        c.rpartition(".")[2]: m for c, m in found.items() if c.startswith(f"ui.toml:{family}.")
    }
    assert set(forms) == set(words.plural_categories(LANGUAGE)) == {"one", "many", "other"}
    english = plural_families(words.LANGUAGE)[family]
    assert forms["many"].id == english["other"]  # English has no "many": its "other" is said
    assert forms["one"].id == english["one"]
    many = "Hay {count} de problemas en los archivos de datos guardados."
    path = set_words(tmp_path / "es.po", f"ui.toml:{family}.many", many)
    assert bring_back(path, data) == 0
    words.catalogue.cache_clear()
    assert words.say(LANGUAGE, family, count=1_000_000) == many.format(count=1_000_000)
    assert words.say(LANGUAGE, family, count=3) == forms["other"].string.format(count=3)
    # Exported again, the form holds the new words and the others are as they were.
    again = entries(export(data, tmp_path / "again.po"))
    assert again[f"ui.toml:{family}.many"].string == many
    assert again[f"ui.toml:{family}.one"].string == forms["one"].string


def test_a_row_translated_for_the_first_time_needs_its_translator(copies, tmp_path, capsys):
    content, data = copies
    options = data / LANGUAGE / "options.csv"
    rows = read_rows(options)
    write_rows(options, rows[1:], list(rows[0]))
    option = rows[0]["option_id"]
    path = export(data, tmp_path / "es.po")
    contexts = [c for c in entries(path) if c.startswith(f"options.csv:{option}:")]
    assert contexts and all(not entries(path)[c].string for c in contexts)
    for context in contexts:
        set_words(path, context, "Ejercicio en casa")
    before = digest(content, data)
    assert bring_back(path, data) == 1  # no one named as its translator
    assert digest(content, data) == before

    with path.open("rb") as handle:
        po = read_po(handle)
    po.last_translator = "Ana Traductora <ana@example.org>"
    with path.open("wb") as handle:
        write_po(handle, po)
    assert bring_back(path, data) == 0
    [row] = [row for row in read_rows(options) if row["option_id"] == option]
    assert row["translated_by"] == "Ana Traductora <ana@example.org>"
    assert row["reviewed_by"] == ""
    english = load_content(data).content.tables["options.csv"]
    file = next(f for f in translations.translated_files() if f.name == "options.csv")
    english_row = english[english["option_id"] == option].iloc[0]
    assert row["translated_from"] == translations.fingerprint(file, english_row)


def test_the_files_are_written_all_or_none(tmp_path, monkeypatch):
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_bytes(b"old a")
    first.chmod(0o640)
    calls = []

    def failing_fsync(fd):
        calls.append(fd)
        if len(calls) == 2:
            raise OSError("disk full")

    monkeypatch.setattr(importing.os, "fsync", failing_fsync)
    with pytest.raises(OSError):
        importing.write({first: b"new a", second: b"new b"})
    assert first.read_bytes() == b"old a" and not second.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv"]  # no temporary file left
    monkeypatch.undo()
    importing.write({first: b"new a", second: b"new b"})
    assert (first.read_bytes(), second.read_bytes()) == (b"new a", b"new b")
    assert first.stat().st_mode & 0o777 == 0o640  # its permissions kept


def test_a_key_is_written_where_the_language_keeps_it(copies, tmp_path):
    # The Spanish keeps a key in another file than the English does: it is changed there, never
    # added to the English key's file too (a key in two files stops the catalogue).
    content, data = copies
    pages, ui = content / LANGUAGE / "pages.toml", content / LANGUAGE / "ui.toml"
    title = words.catalogue(LANGUAGE)["pages.compare.title"]
    lines = pages.read_text(encoding="utf-8").splitlines(keepends=True)
    pages.write_text(
        "".join(line for line in lines if not line.startswith("title = ") or title not in line),
        encoding="utf-8",
    )
    ui.write_text(ui.read_text(encoding="utf-8") + f'\n[pages.compare]\ntitle = "{title}"\n')
    words.catalogue.cache_clear()
    path = export(data, tmp_path / "es.po")
    set_words(path, "pages.toml:pages.compare.title", "Comparar las opciones de tratamiento")
    assert bring_back(path, data) == 0
    words.catalogue.cache_clear()
    assert (
        words.catalogue(LANGUAGE)["pages.compare.title"] == "Comparar las opciones de tratamiento"
    )
    assert "Comparar las opciones de tratamiento" in ui.read_text(encoding="utf-8")
