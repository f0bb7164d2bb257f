"""The data's words in another language (explorer/translations.py, explorer/store.py) on the
fixture data, with its Spanish (marked "ES ") and a made-up language written by
tests/new_language.py: words replaced row by row, numbers and ids always this load's English,
and a row whose words are missing, out of date or broken shown in English: that row only, named
for the clinic, never the whole language and never old numbers."""

from __future__ import annotations

from explorer import translations
from explorer.__main__ import check
from explorer.rules.vocabulary import split_points
from explorer.store import ContentStore, load_snapshot
from explorer.translations import (
    ENGLISH_CHANGED,
    HAS_PROBLEM,
    NO_TRANSLATION,
    REVIEWED_BY,
    REVIEWED_ON,
    TRANSLATED_FROM,
)
from tests.conftest import (
    FIXTURE_DATA,
    copy_data,
    loaded,
    read_rows,
    row_index,
    set_cell,
    write_rows,
)
from tests.new_language import add_language

SPANISH_MARK = "ES "  # every word cell of the fixture's Spanish starts with it


def made_up(data_copy):
    return add_language(data_copy, "xx", "XX ")


def translated(data_copy, language="xx"):
    translation, problems = translations.translate(loaded(data_copy), data_copy, language)
    assert problems == [], [p.message("en") for p in problems]
    return translation


def problems(data_copy):
    translation, found = translations.translate(loaded(data_copy), data_copy, "xx")
    return translation, [(p.file, p.row, p.column) for p in found]


def in_english(translation) -> dict[tuple | None, str]:
    """Key of each row shown in English (None: a whole file) -> why."""
    return {(row.file, row.key): row.reason for row in translation.in_english}


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


# ------------------------------------------------------------------ one row shown in English
def test_a_missing_row_shows_only_that_row_in_english(data_copy):
    folder = made_up(data_copy)
    rows = read_rows(folder / "options.csv")
    write_rows(folder / "options.csv", rows[1:])  # the first option has no translation
    translation = translated(data_copy)  # a reminder, not a problem
    english = loaded(data_copy)
    names = translation.content.option_names()
    missing = rows[0]["option_id"]
    assert names[missing] == english.option_names()[missing]
    assert all(name.startswith("XX ") for key, name in names.items() if key != missing)
    [row] = translation.in_english
    assert (row.file, row.key, row.reason) == ("xx/options.csv", (missing,), NO_TRANSLATION)
    assert english.option_names()[missing] in translation.english_texts
    assert not any(text.startswith("XX ") for text in translation.english_texts)


def test_a_row_whose_english_changed_shows_english_with_its_new_fingerprint(data_copy):
    folder = made_up(data_copy)
    path = data_copy / "questions.csv"
    index = row_index(path, question_id="gain")
    set_cell(path, index, "question", "What good might it do me?")
    translation = translated(data_copy)
    questions = translation.content.questions.set_index("question_id")["question"]
    assert questions["gain"] == "What good might it do me?"
    assert questions.drop("gain").str.startswith("XX ").all()
    [row] = translation.in_english
    assert (row.key, row.reason) == (("gain",), ENGLISH_CHANGED)
    questions_file = next(f for f in translations.translated_files() if f.name == "questions.csv")
    new = translations.fingerprint(questions_file, loaded(data_copy).questions.iloc[index])
    assert row.fingerprint == new and new in row.said().in_language("en")
    # The translator updates the words and copies the fingerprint in: the row is translated.
    words = folder / "questions.csv"
    set_cell(words, row_index(words, question_id="gain"), TRANSLATED_FROM, new)
    assert translated(data_copy).in_english == ()


def test_a_bad_cell_shows_its_row_in_english_and_is_named(data_copy):
    folder = made_up(data_copy)
    path = folder / "answers.csv"
    bad = row_index(path, option_id="gel", question_id="gain")
    row = set_cell(path, bad, "answer", "<b>bold</b>")
    path = folder / "outcomes.csv"
    empty = set_cell(path, row_index(path, option_id="rest"), "outcome", "")
    path = folder / "options.csv"
    date = set_cell(path, 0, REVIEWED_ON, "last week")
    translation, where = problems(data_copy)
    assert ("xx/answers.csv", row, "answer") in where
    assert ("xx/outcomes.csv", empty, "outcome") in where
    assert ("xx/options.csv", date, REVIEWED_ON) in where
    shown = in_english(translation)
    assert shown[("xx/answers.csv", ("gel", "gain"))] == HAS_PROBLEM
    assert shown[("xx/outcomes.csv", ("rest", "felt_better"))] == HAS_PROBLEM
    answers = translation.content.answers
    others = answers[(answers["option_id"] != "gel") | (answers["question_id"] != "gain")]
    assert others["answer"].str.startswith("XX ").all()


def test_words_where_the_english_is_empty_are_refused(data_copy):
    folder = made_up(data_copy)
    path = folder / "outcomes.csv"
    row = set_cell(path, row_index(path, option_id="rest"), "note", "XX a note")
    _, where = problems(data_copy)
    assert where == [("xx/outcomes.csv", row, "note")]


def test_key_points_keep_the_english_number_of_points(data_copy):
    # Each point's sources are the English row's, a group per point: one point more or less
    # would put a source under the wrong words.
    folder = made_up(data_copy)
    path = folder / "answers.csv"
    merged = row_index(path, option_id="rest", question_id="about_it")  # two points in English
    row = set_cell(path, merged, "key_points", "XX You keep moving at home, with no needle.")
    translation, where = problems(data_copy)
    assert where == [("xx/answers.csv", row, "key_points")]
    assert in_english(translation)[("xx/answers.csv", ("rest", "about_it"))] == HAS_PROBLEM


def test_an_extra_row_is_a_problem_and_a_broken_file_shows_that_file_in_english(data_copy):
    folder = made_up(data_copy)
    rows = read_rows(folder / "options.csv")
    write_rows(
        folder / "options.csv",
        [*rows, {**rows[0], "option_id": "ghost", "name": "XX Ghost", "short_name": "XX Ghost"}],
    )
    (folder / "quiz.csv").unlink()
    words = read_rows(folder / "questions.csv")
    write_rows(folder / "questions.csv", words, ["question_id", TRANSLATED_FROM])  # no words
    translation, where = problems(data_copy)
    assert ("xx/options.csv", len(rows) + 2, "option_id") in where  # ghost is not an English row
    assert ("xx/quiz.csv", None, None) in where
    assert ("xx/questions.csv", 1, "question") in where
    shown = in_english(translation)
    assert shown[("xx/quiz.csv", None)] == shown[("xx/questions.csv", None)] == HAS_PROBLEM
    english = loaded(data_copy)
    assert translation.content.quiz["statement"].tolist() == english.quiz["statement"].tolist()
    assert translation.content.questions.equals(english.questions)
    assert all(name.startswith("XX ") for name in translation.content.option_names().values())


def test_a_folder_not_named_for_a_language_is_not_read_as_one(data_copy):
    (data_copy / "old copies").mkdir()
    snapshot = load_snapshot(data_copy)
    assert snapshot.problems == () and "old copies" not in snapshot.translations


# --------------------------------------------------------- every language on this load's English
def probe_edit(folder):
    """The clinic corrects a number in an answer's words and in the outcome it comes from, and
    adds a question in English only (the review's probe: English said 85, Spanish still 95)."""
    answers = folder / "answers.csv"
    set_cell(
        answers,
        row_index(answers, option_id="rest", question_id="gain"),
        "answer",
        "About 45 out of 100 people felt better after a year of home exercise.",
    )
    outcomes = folder / "outcomes.csv"
    set_cell(
        outcomes, row_index(outcomes, option_id="rest", outcome_id="felt_better"), "count", "45"
    )
    questions = read_rows(folder / "clinician_questions.csv")
    new = {"question_id": "ask_new", "position": "9", "about": "general", "question": "Who helps?"}
    write_rows(folder / "clinician_questions.csv", [*questions, new])


def test_an_english_number_fix_reaches_every_language_at_once(data_copy):
    store = ContentStore(data_copy)
    before = store.current().content("es")
    assert before.answers["answer"].str.startswith(SPANISH_MARK).all()
    probe_edit(data_copy)
    snapshot = store.current()
    assert snapshot.problems == ()
    english, spanish = snapshot.english, snapshot.content("es")
    # The number column: one number, stored once, in both languages; the row's words Spanish.
    outcome = spanish.outcomes.set_index(["option_id", "outcome_id"]).loc[("rest", "felt_better")]
    assert outcome["count"] == 45 and outcome["outcome"].startswith(SPANISH_MARK)
    assert spanish.outcomes["count"].tolist() == english.outcomes["count"].tolist()
    # The number in words: the changed row shows its English (and 45), never the old 60.
    answers = spanish.answers.set_index(["option_id", "question_id"])["answer"]
    assert answers[("rest", "gain")].startswith("About 45 out of 100")
    assert not answers.str.contains("60 out of 100").any()
    assert answers.drop(("rest", "gain")).str.startswith(SPANISH_MARK).all()
    # The new row in English, the others still Spanish.
    asked = spanish.clinician_questions.set_index("question_id")["question"]
    assert asked["ask_new"] == "Who helps?"
    assert asked.drop("ask_new").str.startswith(SPANISH_MARK).all()
    reasons = {row.key: row.reason for row in snapshot.translations["es"].in_english}
    assert reasons == {("rest", "gain"): ENGLISH_CHANGED, ("ask_new",): NO_TRANSLATION}
    points = english.answers.set_index(["option_id", "question_id"])["key_points"]
    assert snapshot.shown_in_english("es") == {
        answers[("rest", "gain")],
        *split_points(points[("rest", "gain")]),  # shown one by one in consult mode
        "Who helps?",
    }


def test_a_broken_translation_never_holds_back_an_english_fix(data_copy):
    store = ContentStore(data_copy)
    store.current()
    probe_edit(data_copy)
    set_cell(data_copy / "es" / "options.csv", 0, "name", "")  # and a translator's slip
    snapshot = store.current()
    assert [(p.file, p.column) for p in snapshot.problems] == [("es/options.csv", "name")]
    spanish = snapshot.content("es")
    assert spanish.outcomes["count"].tolist() == snapshot.english.outcomes["count"].tolist()
    first = spanish.options["option_id"].iloc[0]
    assert spanish.option_names()[first] == snapshot.english.option_names()[first]


def test_broken_english_keeps_the_whole_last_snapshot(data_copy):
    store = ContentStore(data_copy)
    good = store.current()
    set_cell(data_copy / "options.csv", 1, "position", "second")
    set_cell(data_copy / "es" / "options.csv", 0, "name", "")
    kept = store.current()
    assert kept is not good and [p.file for p in kept.problems] == ["options.csv"]
    assert kept.english is good.english and kept.translations is good.translations
    assert kept.version == good.version and good.up_to_date and not kept.up_to_date


def test_a_reload_is_published_in_one_swap(data_copy, monkeypatch):
    store = ContentStore(data_copy)
    store.current()
    assigned = []
    monkeypatch.setattr(
        ContentStore,
        "__setattr__",
        lambda self, name, value: assigned.append(name) or object.__setattr__(self, name, value),
    )
    probe_edit(data_copy)
    snapshot = store.current()
    # One attribute holds what pages read; the others say when the files were last looked at.
    assert sorted(assigned) == ["_looked_at", "_snapshot", "_stamp"]
    assert snapshot.content("es").outcomes["count"].tolist() == (
        snapshot.english.outcomes["count"].tolist()
    )


# ------------------------------------------------------------------------------ memo keys
def test_equal_files_give_equal_keys_and_each_language_its_own(data_copy, tmp_path):
    first, again = load_snapshot(data_copy), load_snapshot(data_copy)
    elsewhere = load_snapshot(copy_data(data_copy, tmp_path / "other"))
    for snapshot in (again, elsewhere):
        assert snapshot.english.memo_key == first.english.memo_key
        assert snapshot.content("es").memo_key == first.content("es").memo_key
        assert snapshot.version == first.version
    assert first.content("es").memo_key != first.english.memo_key
    set_cell(data_copy / "es" / "options.csv", 0, "name", "ES Home exercise plan")
    changed = load_snapshot(data_copy)
    assert changed.english.memo_key == first.english.memo_key  # the English files are the same
    assert changed.content("es").memo_key != first.content("es").memo_key


# ------------------------------------------------------------------------- the clinic's check
def test_the_clinics_check_lists_reminders_and_problems(data_copy, capsys):
    folder = made_up(data_copy)
    assert check(data_copy) == 0
    assert "not yet reviewed" in capsys.readouterr().out
    rows = read_rows(folder / "options.csv")
    write_rows(folder / "options.csv", rows[1:])
    assert check(data_copy) == 0  # a row shown in English is a reminder, not a problem
    out = capsys.readouterr().out
    assert f"xx/options.csv: {rows[0]['option_id']} has no translation yet" in out
    (folder / "quiz.csv").unlink()
    assert check(data_copy) == 1
    assert "xx/quiz.csv" in capsys.readouterr().out


def test_the_fixtures_spanish_is_complete_and_current():
    # tests/fixtures/data/es is translated from today's English: no row shown in English.
    snapshot = load_snapshot(FIXTURE_DATA)
    assert snapshot.problems == () and snapshot.translations["es"].in_english == ()
