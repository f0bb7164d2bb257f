"""The About page's reading table: one row per source of words, measured once per version."""

from __future__ import annotations

from explorer import about, readability
from explorer.markdown import plain
from explorer.rules.files import FILES
from explorer.store import ContentStore
from explorer.ui import reading
from explorer.words import t
from tests.conftest import ROOT, fixture_content
from tests.test_pages import open_page

LANGUAGE_DIR = ROOT / "content" / "en"
CONTENT = fixture_content()


def sources_expected() -> list[str]:
    return [
        *sorted(p.name for p in LANGUAGE_DIR.glob("*.toml")),
        *sorted(p.name for p in LANGUAGE_DIR.glob("*.md")),
        *(file.name for file in FILES if readability.patient_columns(file)),
    ]


def test_the_about_page_shows_one_row_per_source_of_words_when_its_table_is_opened():
    at = open_page("views/about.py")
    assert not at.exception
    assert t("about.reading.heading") in [h.value for h in at.header]
    reading_column = plain(t("about.reading.measures.flesch_kincaid_grade"))
    assert not any(reading_column in table.value.columns for table in at.table)  # closed
    at.session_state["reading-table"] = True
    at.run()
    shown = [table.value for table in at.table]
    table = next(
        table
        for table in shown
        if plain(t("about.reading.measures.flesch_kincaid_grade")) in table.columns
    )
    assert list(table.columns) == [
        plain(t(f"about.reading.{column}"))
        for column in ("source", "kind", "measures.flesch_kincaid_grade", "longest", "passes")
    ]
    assert list(table[plain(t("about.reading.source"))]) == [plain(s) for s in sources_expected()]
    assert set(table[plain(t("about.reading.passes"))]) == {plain(t("about.reading.yes"))}


def test_the_release_facts_are_labelled_lines_with_the_releases_values():
    at = open_page("views/about.py")
    facts = about.release_facts(CONTENT)
    assert facts in [markdown.value for markdown in at.markdown]
    for row in about.RELEASE_ROWS:
        assert f"**{t(f'about.release.{row}')}:** {plain(CONTENT.release[row])}" in facts


def test_the_reading_table_is_measured_once_per_content_version(monkeypatch, data_copy, fresh_memo):
    measured = []
    monkeypatch.setattr(
        about,
        "reading_levels",
        lambda tables, language: measured.append(tables) or about.reading_table([]),
    )
    store = ContentStore(data_copy)
    reading.reading_table(store.current())
    reading.reading_table(store.current())
    assert len(measured) == 1
    answers = data_copy / "answers.csv"
    answers.write_text(answers.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    reading.reading_table(store.current())
    assert len(measured) == 2
