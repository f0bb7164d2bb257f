"""The translation review edition (explorer/translation/review.py) on the fixture data: every
option, situation and outcome in both columns; the other column says exactly what that
language's pages say; CSV text stays text; rows shown in English and rows not reviewed are
marked; the file fetches and runs nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from explorer import chances, compare, decide, handout, safety, situation
from explorer.__main__ import main
from explorer.markdown import Md, html, plain
from explorer.translation import edition_pages, review, where
from explorer.translation.lines import MARKDOWN, TABLE, Heading, Line
from explorer.ui.shell import PAGES
from explorer.words import speaking
from tests.conftest import FIXTURE_DATA, read_rows, set_cell, snapshot_of, write_rows

LANGUAGE = "es"


@pytest.fixture(scope="module")
def fixture_parts() -> list[review.Part]:
    return review.build(snapshot_of(FIXTURE_DATA), LANGUAGE)


def texts(line: Line) -> list[str]:
    """Every string a line shows: a table's headers and cells, each text of a block."""
    if isinstance(line.text, pd.DataFrame):
        return [*map(str, line.text.columns), *map(str, line.text.to_numpy().flat)]
    if isinstance(line.text, tuple):
        return list(line.text)
    return [str(line.text)]


def column(parts: list[review.Part], side: str) -> list[str]:
    return [text for part in parts for pair in part.pairs for text in texts(getattr(pair, side))]


def pairs_at(parts: list[review.Part], context: str) -> list[review.Pair]:
    return [
        pair
        for part in parts
        for pair in part.pairs
        if context in (place.context() for place in pair.other.where)
    ]


def test_every_option_situation_and_outcome_is_in_both_columns(fixture_parts):
    snapshot = snapshot_of(FIXTURE_DATA)
    for side, content in (("english", snapshot.english), ("other", snapshot.content(LANGUAGE))):
        shown = column(fixture_parts, side)
        said = " ".join(shown)
        for name in content.options["name"]:
            assert name in shown, (side, name)
        for name in content.situations["name"]:
            assert name in shown, (side, name)
        for outcome in content.outcomes["outcome"]:
            assert outcome in said, (side, outcome)


def test_the_other_column_says_what_that_languages_pages_say(fixture_parts):
    """The sentences of the Chances page, the comparison's answers, the situations' lines and
    the warning signs, made by the pages' own functions in that language."""
    content = snapshot_of(FIXTURE_DATA).content(LANGUAGE)
    shown = set(column(fixture_parts, "other"))
    with speaking(LANGUAGE):
        every_chance = chances.all_chances(content)
        page = [line for chance in every_chance for line in chance.sentences()]
        page += [line for chance in every_chance for line in chance.details()]
        page += [chance.whose_line(situation.NOT_SURE) for chance in every_chance]
        options = list(content.options["option_id"])
        page += [cell.answer for row in compare.rows(content, options) for cell in row.cells]
        for situation_id in content.situations["situation_id"]:
            page += situation.summary_lines(content, situation_id)
        page += [group.action for group in safety.warning_groups(content)]
        page += [decide.sure_question(item) for item in decide.SURE_ITEMS]
    assert page
    assert sorted(set(page) - shown) == []
    # The English column is not the other language: the fixture's Spanish starts with "ES ".
    assert not any(line.startswith("ES ") for line in column(fixture_parts, "english"))


def test_the_sample_sessions_note_and_pdf_are_the_apps_own(fixture_parts):
    content = snapshot_of(FIXTURE_DATA).content(LANGUAGE)
    sample = edition_pages.sample(content)
    assert len(sample.option_ids) == 2 and sample.answers.ratings and sample.answers.quiz
    with speaking(LANGUAGE):
        note = decide.record_note(content, sample.option_ids, sample.answers, sample.situation_id)
        summary = decide.summary(content, sample.option_ids, sample.answers, sample.situation_id)
        printed = handout.transcript(summary)
    shown = column(fixture_parts, "other")
    assert note in shown
    assert set(printed) <= set(shown)


def test_the_pages_come_in_the_apps_order(fixture_parts):
    pages = list(dict.fromkeys(part.page for part in fixture_parts if part.page))
    assert pages == [page.page_id for page in PAGES if page.in_sidebar]


def test_every_pair_says_where_its_words_live(fixture_parts):
    for part in fixture_parts:
        for pair in part.pairs:
            assert pair.english.where == pair.other.where
            assert pair.english.where, pair.english.text
    [title] = pairs_at(fixture_parts, "pages.toml:pages.home.title")
    assert title.english.text == "Back pain from a disc: comparing your treatment options"


def test_a_place_is_said_as_a_po_context():
    assert where.message("get_help.title").context() == "ui.toml:get_help.title"
    assert where.message("data_check.problems").context() == "ui.toml:data_check.problems"
    row = {"option_id": "esi", "outcome_id": "relief", "outcome": "felt better"}
    assert where.cell("outcomes.csv", row, "outcome").context() == "outcomes.csv:esi/relief:outcome"
    assert where.page_copy("home.md").context() == "home.md"


def test_a_row_shown_in_english_is_marked(data_copy):
    """The English of a row changed since it was translated: the other language's page shows
    the English words, and so does the edition, marked, with lang="en"."""
    rows = read_rows(data_copy / "options.csv")
    option_id = rows[0]["option_id"]
    set_cell(data_copy / "options.csv", 0, "name", "Rest and a home plan")
    parts = review.build(snapshot_of(data_copy), LANGUAGE)
    [name] = [
        pair
        for pair in pairs_at(parts, f"options.csv:{option_id}:name")
        if isinstance(pair.other.text, str)
    ][:1]
    assert name.in_english and name.other.text == "Rest and a home plan"
    assert name.other_lang == "en"
    other = pairs_at(parts, f"options.csv:{rows[1]['option_id']}:name")[0]
    assert not other.in_english and other.other_lang == LANGUAGE
    page = review.render(snapshot_of(data_copy), LANGUAGE)
    assert 'class="pair in-english' in page


def test_only_rows_no_reviewer_signed_are_marked_not_reviewed(data_copy):
    path = data_copy / LANGUAGE / "situations.csv"
    rows = read_rows(path)
    rows[0].update(reviewed_by="A. Reviewer, medical translator", reviewed_on="2026-12-01")
    write_rows(path, rows)
    parts = review.build(snapshot_of(data_copy), LANGUAGE)
    signed = pairs_at(parts, f"situations.csv:{rows[0]['situation_id']}:name")
    unsigned = pairs_at(parts, f"situations.csv:{rows[1]['situation_id']}:name")
    assert signed and not any(pair.not_reviewed for pair in signed)
    assert unsigned and all(pair.not_reviewed for pair in unsigned)


def test_csv_text_stays_text(monkeypatch):
    """Every text reaches the page escaped, in a table too; page copy's raw HTML is escaped and
    its images are not drawn."""
    attack = "<script>alert(1)</script><img src=https://example.org/x.png>"

    def lines(content):
        return [
            Heading("translation.review.page", {"page": "home"}, new_page=True),
            Line(attack, (where.cell("options.csv", {"option_id": "rest"}, "name"),)),
            Line(pd.DataFrame({attack: [attack]}), (where.data_file("options.csv"),), TABLE),
            Line(
                Md(f"![x](https://example.org/y.png) {attack}"),
                (where.page_copy("home.md"),),
                MARKDOWN,
            ),
        ]

    monkeypatch.setattr(edition_pages, "edition", lines)
    page = review.render(snapshot_of(FIXTURE_DATA), LANGUAGE)
    assert "<script" not in page and "<img" not in page
    # A Markdown image becomes a link: nothing is fetched unless a reader clicks it.
    assert '<a href="https://example.org/y.png">' in page
    assert page.count("&lt;script&gt;alert(1)&lt;/script&gt;") >= 6


def test_a_spanish_cell_with_markup_is_shown_in_english_and_as_text(data_copy):
    set_cell(data_copy / LANGUAGE / "options.csv", 0, "name", "<script>alert(1)</script>")
    page = review.render(snapshot_of(data_copy), LANGUAGE)
    assert "<script" not in page


def test_the_page_fetches_and_runs_nothing(fixture_parts):
    page = review.render(snapshot_of(FIXTURE_DATA), LANGUAGE)
    assert not re.search(r"<script|<link|<img|<iframe|<object|@import|url\(|src=", page, re.I)
    assert '<html lang="en">' in page
    assert f'lang="{LANGUAGE}"' in page


def test_markdown_html_takes_only_safe_markdown():
    with pytest.raises(TypeError):
        html("**plain text**")
    assert html(plain("<b>x</b>")) == "<p>&lt;b&gt;x&lt;/b&gt;</p>\n"
    assert "<img" not in html(Md("![a picture](https://example.org/a.png)"))


def test_the_handouts_transcript_has_its_title_and_page_count(content):
    summary = decide.summary(content, list(content.options["option_id"]), decide.Answers())
    printed = handout.transcript(summary)
    assert printed[0] == handout.printable(handout.t("handout.title", app=handout.t("app.name")))
    assert "{nb}" not in " ".join(printed)


def test_the_command_writes_one_file(tmp_path: Path, capsys):
    assert main(["translation", "review", LANGUAGE, str(tmp_path / "out")]) == 0
    assert [path.name for path in (tmp_path / "out").iterdir()] == [f"review-{LANGUAGE}.html"]
    assert main(["translation", "review", "xx", str(tmp_path / "other")]) == 2
    assert not (tmp_path / "other").exists()
    assert "xx" in capsys.readouterr().err
