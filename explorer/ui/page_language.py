"""The page-language script (page_language.js): Streamlit writes <html lang="en"> into every page
and has no setting for it, so this script sets the document's language, so screen readers use
the right voice, and marks with the language they are written in (lang="en") the parts shown as
published (containers keyed "published-…": citations, the changelog) and each data text shown in
English on another language's page (a row not yet translated: its mark, shell.english_mark, is in
the script's data, never the CSV text itself), which Streamlit's elements cannot carry either.

It also says in the page's language the few words Streamlit's own page writes in English and
has no setting for (FRONTEND_WORDS): the "Skip to main content" link, the names of a chart's
toolbar buttons ("Show data: <the chart's alt text>"), the sidebar's and menu's buttons, a
heading's link, a help icon ("Help for <its label>": an English word ending in a space is said
before the rest), a picker's "Open", "Clear all" and "Choose an option", a copy button, and the
roles Vega gives a chart ("visualization") and its outer frame ("group mark container"; the
chart's specs keep everything else inside it from screen readers, chart_cache.unread_inside). Their English is Streamlit's, exactly as its page
writes it (tests/test_page_language.py checks each is still in Streamlit's frontend); the words
in the page's language are the catalogue's (shell.frontend).

Its text never changes (the languages, marks and words are attributes), so nginx's
Content-Security-Policy allows it by one hash (deploy/nginx/site.conf); tests/deploy checks the
hash. A block, so that running it again (another page's sidebar) declares nothing twice; the
latest run's data is window.pageWords."""

from __future__ import annotations

import html
import json
from collections.abc import Iterable
from pathlib import Path

from explorer import words

SCRIPT = (Path(__file__).resolve().parent / "page_language.js").read_text(encoding="utf-8").strip()

# Streamlit's own English words on every page, by their catalogue key under shell.frontend.
FRONTEND_WORDS = (
    "skip_to_content",
    "show_data",
    "show_chart",
    "download_png",
    "copy_spec",
    "copied",
    "fullscreen",
    "close_fullscreen",
    "collapse_sidebar",
    "expand_sidebar",
    "main_menu",
    "visualization",
    "group_mark",
    "link_to_heading",
    "clear_all",
    "open",
    "copy_to_clipboard",
    "help_for",
    "choose_an_option",
)


def frontend_words(language: str) -> dict[str, str]:
    """Streamlit's English words and what the page in `language` says instead: none in English."""
    if language == words.LANGUAGE:
        return {}
    return {
        words.say(words.LANGUAGE, f"shell.frontend.{key}"): words.say(
            language, f"shell.frontend.{key}"
        )
        for key in FRONTEND_WORDS
    }


def script(language: str, english_marks: Iterable[str]) -> str:
    """The script's tag for a page in `language`, with the marks of the data texts it shows in
    English."""
    data = {
        "lang": language,
        "published": words.LANGUAGE,
        "english": " ".join(english_marks),
        "frontend": json.dumps(frontend_words(language), ensure_ascii=False),
    }
    attributes = " ".join(f'data-{name}="{html.escape(value)}"' for name, value in data.items())
    return f"<script {attributes}>{SCRIPT}</script>"
