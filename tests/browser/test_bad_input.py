"""Bad data, end to end: a copy of the whole app runs on data files broken in several ways. In
the browser, the page shows a table naming each problem's file, row and column; no traceback,
no script from a cell runs, nothing is fetched from outside, and the files stay as they were.
Each variant breaks every file in rules.files.FILES at once (one server start per variant).

And text that passes the rules but looks like Markdown shows as typed on every page."""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer.data import load_content
from explorer.rules.files import FILES, expected_columns, text_columns
from tests.browser.conftest import (
    copy_app,
    open_page,
    screenshot,
    table_rows,
    watch_outside_requests,
)
from tests.conftest import read_rows, write_rows
from tests.live import PAGE_PATHS, AppServer

# Markup a cell might carry, by mistake or as an attack. Each would run a script or fetch from
# outside if a page rendered the cell as HTML or Markdown.
INJECTIONS = (
    '<img src=x onerror="window.hacked=1">',
    "<script>window.hacked=1</script>",
    "![x](http://example.invalid/p.png)",
)


def empty_files(data: Path) -> list[tuple[str, str, str]]:
    for file in FILES:
        (data / file.name).write_text("", encoding="utf-8")
    return [(file.name, "", "") for file in FILES]


def missing_columns(data: Path) -> list[tuple[str, str, str]]:
    """Each file loses its last column."""
    dropped = []
    for file in FILES:
        columns = expected_columns(file)
        write_rows(data / file.name, read_rows(data / file.name), columns[:-1])
        dropped.append((file.name, "1", columns[-1]))
    return dropped


def nonsense_values(data: Path) -> list[tuple[str, str, str]]:
    """Row 2 of every file gets nonsense in every column that is not free text (ids, numbers,
    dates, grades, links), its own nonsense, so that one file's nonsense id is never a row another
    file can refer to. What the app must name is what the validator finds."""
    for file in FILES:
        rows = read_rows(data / file.name)
        for column in set(expected_columns(file)) - set(text_columns(file)):
            rows[0][column] = f"n/a?? {file.name}"
        write_rows(data / file.name, rows)
    problems = load_content(data).problems
    assert {p.file for p in problems if p.row == 2} == {file.name for file in FILES}
    return [(p.file, "" if p.row is None else str(p.row), p.column or "") for p in problems]


def markup_in_text(data: Path) -> list[tuple[str, str, str]]:
    """Every text column of every file gets one of the injections, in turn, on its own row."""
    broken = []
    for file in FILES:
        rows = read_rows(data / file.name)
        for index, column in enumerate(text_columns(file)):
            row = index % len(rows)
            rows[row][column] = f"Fine words {INJECTIONS[len(broken) % len(INJECTIONS)]} more words"
            broken.append((file.name, str(row + 2), column))
        write_rows(data / file.name, rows)
    assert len(broken) >= len(INJECTIONS)
    return broken


VARIANTS = {
    "empty-files": empty_files,
    "missing-columns": missing_columns,
    "nonsense-values": nonsense_values,
    "markup-in-text": markup_in_text,
}


@pytest.mark.parametrize("variant", VARIANTS)
def test_broken_data_is_named_clearly_and_safely_on_every_page(page, tmp_path, variant):
    app = copy_app(tmp_path / "app")
    expected = VARIANTS[variant](app / "data")
    files_before = data_files(app / "data")
    # A different page for each variant, so every page shows the problem table in turn.
    path = PAGE_PATHS[list(VARIANTS).index(variant) % len(PAGE_PATHS)]

    server = AppServer(app_dir=app)
    try:
        outside = watch_outside_requests(page)
        page.on("dialog", lambda dialog: outside.append(f"a dialog ran: {dialog.message}"))
        open_page(page, server.url + path)

        assert "could not be loaded" in page.locator("h1").inner_text()
        shown = {
            (row["File"], row["Row"], row["Column"])
            for row in table_rows(page, "[data-testid='stTable'] table")
        }
        assert set(expected) <= shown
        assert page.locator("[data-testid='stException']").count() == 0
        assert "Traceback" not in page.content()
        assert page.evaluate("window.hacked === undefined")
        assert page.locator("a[href*='example.invalid']").count() == 0  # not even as a link
        assert outside == []
        screenshot(page, f"bad-input-{variant}")
    finally:
        server.stop()
    assert data_files(app / "data") == files_before


def data_files(folder: Path) -> dict[str, bytes]:
    """Every data file, the language folders' too, as bytes: the app must never write to them."""
    return {str(path.relative_to(folder)): path.read_bytes() for path in folder.rglob("*.csv")}


# Markdown the data rules allow (it is not HTML, an image, a link or a web address) must still
# show as typed.
ALLOWED_MARKDOWN = "**Z9Q** _Z9Q_ :red[Z9Q] `Z9Q`"
MARKED_WORDS = ALLOWED_MARKDOWN.count("Z9Q")


def test_csv_text_that_passes_the_rules_shows_as_typed_on_every_page(page, broken_app):
    def add_markdown(data: Path) -> None:
        for file in FILES:
            rows = read_rows(data / file.name)
            for row in rows:
                for column in text_columns(file):
                    # An optional cell left empty has a meaning (no comparison group).
                    if row[column] and column == "key_points":
                        # Short points (16 words at most): each becomes the Markdown alone.
                        points = row[column].split("|")
                        row[column] = " | ".join(ALLOWED_MARKDOWN for _ in points)
                    elif row[column]:
                        row[column] = f"{row[column]} {ALLOWED_MARKDOWN}"
            write_rows(data / file.name, rows)
        assert load_content(data).problems == []

    server, _ = broken_app(add_markdown)
    outside = watch_outside_requests(page)
    shown_anywhere = 0
    for path in PAGE_PATHS:
        open_page(page, server.url + path)
        body = text_outside_charts(page)
        # Rendered as Markdown, the marks would vanish and leave bare Z9Q words.
        shown = body.count(ALLOWED_MARKDOWN)
        assert body.count("Z9Q") == MARKED_WORDS * shown, (path, rendered_markers(page))
        shown_anywhere += shown
    assert shown_anywhere > 0
    assert outside == []


def text_outside_charts(page) -> str:
    """The page's text, each text node on its own line, leaving out chart drawings (SVG), which
    wrap and shorten their labels."""
    return page.evaluate(
        """() => {
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            const texts = [];
            while (walker.nextNode()) {
                if (!walker.currentNode.parentElement.closest("svg")) texts.push(walker.currentNode.textContent);
            }
            return texts.join("\\n");
        }"""
    )


def rendered_markers(page) -> list[str]:
    """Where the marker was rendered as Markdown (bold, italic, colour or code), to say what to fix."""
    return page.evaluate(
        """() => [...document.querySelectorAll("strong, em, code, span")]
            .filter(element => element.innerText.trim() === "Z9Q")
            .map(element => element.tagName + " in " + element.closest("[data-testid]")?.dataset.testid)"""
    )
