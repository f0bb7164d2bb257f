"""Streamlit's and Vega's own words on a page in another language (explorer/ui/page_language.py,
chart_cache.unread_inside): the skip link, each chart toolbar button, each chart's role and every
other accessible name or placeholder of Streamlit's own say the page's words, and nothing inside
a chart is read out but its description."""

from __future__ import annotations

import pytest

from explorer import words
from explorer.ui import page_language
from explorer.url_params import LANG_PARAM
from tests.browser.conftest import open_page

OTHER_LANGUAGES = [language for language in words.languages() if language != words.LANGUAGE]
# Every name and role a screen reader reads from Streamlit's own parts and the charts.
NAMES = """() => [...document.querySelectorAll(
        "[data-testid=stSkipToContent], [aria-label], [aria-roledescription], [placeholder]")]
    .filter(part => !part.closest('[aria-hidden=true]'))
    .flatMap(part => ['aria-label', 'aria-roledescription', 'placeholder']
        .map(name => part.getAttribute(name))
        .concat(part.matches('[data-testid=stSkipToContent]') ? [part.textContent] : []))
    .filter(Boolean)"""


@pytest.mark.parametrize("language", OTHER_LANGUAGES)
def test_no_name_of_streamlits_own_parts_or_a_chart_is_english(page, app_server, language):
    page.set_viewport_size({"width": 1280, "height": 800})
    open_page(page, f"{app_server.url}/charts?{LANG_PARAM}={language}")
    own_words = page_language.frontend_words(language)
    skip = own_words[words.say(words.LANGUAGE, "shell.frontend.skip_to_content")]
    page.wait_for_function(
        "skip => document.querySelector('[data-testid=stSkipToContent]').textContent === skip",
        arg=skip,
    )
    names = page.evaluate(NAMES)
    toolbar = page.locator("[data-testid=stElementToolbar] button")
    assert toolbar.count() > 0  # the page has charts, each with its toolbar
    english = [name for name in names if any(name.startswith(word) for word in own_words)]
    assert english == []
    # Inside a chart only its frame carries a role, in the page's words; no axis or legend
    # sentence of Vega's own ("X-axis titled ...").
    assert not [name for name in names if "axis" in name.lower() or "legend" in name.lower()]
    assert own_words[words.say(words.LANGUAGE, "shell.frontend.visualization")] in names
