"""Which pages show each text (explorer.ui.shell: each page's `words`, ON_EVERY_PAGE and
OFF_THE_PAGES), as the translator's PO file names them: every catalogue key, page copy file and
translated data file has its place, so a new one is placed when it is added."""

from __future__ import annotations

from explorer import translations, words
from explorer.ui import shell


def test_every_text_is_placed_on_a_page_or_off_the_pages():
    unplaced = [key for key in words.catalogue() if shell.showing(key) == ()]
    unplaced += [
        path.name
        for path in (words.CONTENT_DIR / words.LANGUAGE).glob("*.md")
        if shell.showing(path.name, file=True) == ()
    ]
    unplaced += [
        file.name
        for file in translations.translated_files()
        if shell.showing(file.name, file=True) == ()
    ]
    assert not unplaced, f"add these to a page's words in explorer/ui/shell.py: {unplaced}"


def test_a_key_is_shown_where_its_section_is_listed():
    # Names only: the keys need not exist.
    chances = shell.showing("chances.a_sentence")
    assert [page.page_id for page in chances] == ["chances"]
    # A longer listed section is more precise than a shorter one: the comparison's own words
    # are on the compare page; its line of evidence on every page that shows evidence.
    assert [page.page_id for page in shell.showing("compare.page.a_heading")] == ["compare"]
    assert len(shell.showing("compare.evidence_line")) > 1
    assert shell.showing("app.name") == shell.PAGES
    assert shell.showing("data_check.cli.a_help") is None  # the command line's words
    assert shell.showing("no_such_section.key") == ()


def test_a_file_is_shown_where_it_is_listed_by_name():
    assert [page.page_id for page in shell.showing("chances.md", file=True)] == ["chances"]
    # A file is matched by its whole name, never as a key under a section.
    assert shell.showing("outcomes.csv.x", file=True) == ()
