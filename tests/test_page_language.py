"""The page-language script's words for Streamlit's own English (explorer/ui/page_language.py):
each is still what Streamlit's page writes, and a page in another language says it in its own."""

from pathlib import Path

import pytest
import streamlit

from explorer import words
from explorer.ui import page_language, shell

FRONTEND = Path(streamlit.__file__).parent / "static"


@pytest.fixture(scope="module")
def streamlit_page() -> str:
    return "\n".join(path.read_text(errors="ignore") for path in FRONTEND.rglob("*.js"))


@pytest.mark.parametrize("key", page_language.FRONTEND_WORDS)
def test_each_word_is_one_streamlit_writes(streamlit_page, key):
    """After a Streamlit upgrade renames one, the page would say it in English again."""
    english = words.say(words.LANGUAGE, f"shell.frontend.{key}")
    # Vega writes a group's role from its mark type: `${t} mark container`.
    # and a help icon's name from its label: `Help for ${…}`.
    written = english.replace("group mark", "${t} mark")
    assert f"`{written}`" in streamlit_page or f"`{english}${{" in streamlit_page


@pytest.mark.parametrize("language", [lang for lang in words.languages() if lang != words.LANGUAGE])
def test_another_language_says_each_in_its_own_words(language):
    said = page_language.frontend_words(language)
    assert len(said) == len(page_language.FRONTEND_WORDS)
    assert all(own and own != english for english, own in said.items())


def test_an_english_page_changes_none():
    assert page_language.frontend_words(words.LANGUAGE) == {}


def test_the_words_travel_as_data_so_the_script_stays_one_hash():
    tags = {page_language.script(language, ["0badcafe"]) for language in words.languages()}
    assert all(shell.PAGE_LANGUAGE_SCRIPT in tag for tag in tags)
    assert len(tags) == len(words.languages())
    spanish = page_language.script("es", [])
    assert "Show data" in spanish
