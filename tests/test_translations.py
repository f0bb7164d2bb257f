"""The data's words in another language (explorer/translations.py) on the fixture data, with a
made-up language written by tests/new_language.py: words replaced row by row, numbers and ids
kept, every missing or extra row and every bad cell named, and a bad edit never takes the app's
other words down."""

from __future__ import annotations

from explorer import translations
from explorer.data import ContentStore
from explorer.translations import REVIEWED_BY, REVIEWED_ON
from tests.conftest import loaded, read_rows, row_index, set_cell, write_rows
from tests.new_language import add_language


def made_up(data_copy):
    return add_language(data_copy, "xx", "XX ")


def translated(data_copy):
    translation, problems = translations.translate(loaded(data_copy), data_copy, "xx")
    assert problems == [], [p.message("en") for p in problems]
    return translation


def test_the_words_change_and_the_numbers_and_ids_do_not(data_copy):
    made_up(data_copy)
    english = loaded(data_copy)
    words = translated(data_copy).content
    assert list(words.option_names()) == list(english.option_names())
    assert all(name.startswith("XX ") for name in words.option_names().values())
    assert words.outcomes["count"].tolist() == english.outcomes["count"].tolist()
    assert words.outcomes["outcome"].str.startswith("XX ").all()
    assert words.no_procedure_option == english.no_procedure_option
    assert words.sources.equals(english.sources)  # citations are for experts: not translated
    # An empty English cell (no comparison group) stays empty.
    assert (words.outcomes["comparison_group"] == "").tolist() == (
        english.outcomes["comparison_group"] == ""
    ).tolist()


def test_rows_are_matched_by_key_not_by_order(data_copy):
    folder = made_up(data_copy)
    path = folder / "options.csv"
    rows = read_rows(path)
    write_rows(path, list(reversed(rows)))
    names = translated(data_copy).content.option_names()
    assert names["rest"] == "XX Rest and home exercise"


def test_unreviewed_rows_are_counted_until_a_translator_signs_them(data_copy):
    folder = made_up(data_copy)
    translation = translated(data_copy)
    assert not translation.reviewed
    assert translation.unreviewed["options.csv"] == len(loaded(data_copy).options)
    for path in folder.glob("*.csv"):
        rows = read_rows(path)
        for row in rows:
            row[REVIEWED_BY], row[REVIEWED_ON] = "A. Translator, CoreCHI", "2026-12-01"
        write_rows(path, rows)
    assert translated(data_copy).reviewed
    line = translations.unreviewed_line(translation).in_language("en")
    assert "options.csv (3)" in line and "xx" in line


def problems(data_copy):
    found = translations.translate(loaded(data_copy), data_copy, "xx")
    assert found[0] is None
    return [(p.file, p.row, p.column) for p in found[1]], found[1]


def test_a_missing_row_an_extra_row_and_a_missing_file_are_named(data_copy):
    folder = made_up(data_copy)
    rows = read_rows(folder / "options.csv")
    write_rows(folder / "options.csv", [*rows[1:], {**rows[0], "option_id": "ghost"}])
    (folder / "quiz.csv").unlink()
    where, found = problems(data_copy)
    assert ("xx/options.csv", None, "option_id") in where  # rest has no row
    assert ("xx/options.csv", 4, "option_id") in where  # ghost is not an English row
    assert ("xx/quiz.csv", None, None) in where
    assert any("rest" in p.found("en") for p in found)


def test_a_bad_cell_is_named_by_file_row_and_column(data_copy):
    folder = made_up(data_copy)
    path = folder / "answers.csv"
    row = set_cell(path, row_index(path, option_id="gel"), "answer", "<b>bold</b>")
    path = folder / "outcomes.csv"
    empty = set_cell(path, row_index(path, option_id="rest"), "outcome", "")
    path = folder / "options.csv"
    date = set_cell(path, 0, REVIEWED_ON, "last week")
    where, _ = problems(data_copy)
    assert ("xx/answers.csv", row, "answer") in where
    assert ("xx/outcomes.csv", empty, "outcome") in where
    assert ("xx/options.csv", date, REVIEWED_ON) in where


def test_words_where_the_english_is_empty_are_refused(data_copy):
    folder = made_up(data_copy)
    path = folder / "outcomes.csv"
    row = set_cell(path, row_index(path, option_id="rest"), "note", "XX a note")
    where, _ = problems(data_copy)
    assert where == [("xx/outcomes.csv", row, "note")]


def test_a_bad_translation_keeps_the_last_good_words_and_the_english(data_copy):
    folder = made_up(data_copy)
    store = ContentStore(data_copy, load=translations.load_all).current()
    good = store.translations["xx"]
    assert store.problems == [] and store.content is not None
    set_cell(folder / "options.csv", 0, "name", "")
    store.current()
    assert store.problems and store.translations["xx"] is good and store.content is not None


def test_the_clinics_check_lists_unreviewed_rows_and_translation_problems(data_copy, capsys):
    from explorer.__main__ import check

    folder = made_up(data_copy)
    assert check(data_copy) == 0
    assert "not yet reviewed" in capsys.readouterr().out
    (folder / "options.csv").unlink()
    assert check(data_copy) == 1
    assert "xx/options.csv" in capsys.readouterr().out


def test_a_folder_not_named_for_a_language_is_not_read_as_one(data_copy):
    (data_copy / "old copies").mkdir()
    result = translations.load_all(data_copy)
    assert result.problems == [] and "old copies" not in result.translations
