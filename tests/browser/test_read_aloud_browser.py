"""Read-aloud (explorer/ui/listen.py): a Listen button beside each block of text a patient reads,
in the page's language; where the device has no voice for it (headless Chromium has none), the
button says so; with a voice (a stand-in for the Web Speech API, as Chromium here has none), a
press reads the block's text as the page shows it, in the page's language, with a voice of the
device, and a second press stops it. Keyboard only."""

from __future__ import annotations

import pytest

from explorer import words
from explorer.ui import listen
from explorer.ui.shell import PAGES
from tests.browser.conftest import open_at_size, open_page, screenshot

BLOCK = f"[class*='st-key-{listen.KEY_PREFIX}']"
BUTTON = f"button.{listen.BUTTON_CLASS}"
# A device with a Spanish voice of its own and a Spanish voice that would send the text to a
# server (localService false: never used), and a record of what it was asked to say.
SPEECH_STAND_IN = """
window.spoken = [];
window.cancelled = 0;
const voices = [
    {name: 'Remote es', lang: 'es-ES', localService: false, default: true},
    {name: 'Device es', lang: 'es-US', localService: true, default: false},
];
Object.defineProperty(window, 'speechSynthesis', {configurable: true, value: {
    getVoices: () => voices,
    addEventListener() {},
    speak(utterance) {
        window.spoken.push({text: utterance.text, lang: utterance.lang, voice: utterance.voice.name});
    },
    cancel() { window.cancelled += 1; },
}});
window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; } };
"""
# Each block's own text as the page shows it (its Listen button left out), tables column by
# column, as the script reads it.
BLOCK_TEXT = """block => {
    const parts = [];
    for (const element of block.querySelectorAll("[data-testid='stElementContainer']")) {
        if (element.querySelector("[data-testid='stElementContainer'], button")) continue;
        const table = element.querySelector('table');
        if (!table) { parts.push(element.innerText); continue; }
        const rows = [...table.rows];
        for (let column = 0; column < rows[0].cells.length; column++)
            for (const row of rows) parts.push(row.cells[column].innerText);
    }
    return parts.join(' ');
}"""
# Every block in view (as Playwright's `visible`: rendered, as a closed box's contents are not,
# not hidden, and a box of some size), with its buttons' count, the first's words and type, and
# its text: read in one call, not four a block (dozens on the longer pages).
SHOWN_BLOCKS = f"""([blockSelector, buttonSelector]) => {{
    const blockText = {BLOCK_TEXT};
    return [...document.querySelectorAll(blockSelector)].filter(block => {{
        const box = block.getBoundingClientRect();
        return block.checkVisibility() && getComputedStyle(block).visibility === 'visible'
            && box.width > 0 && box.height > 0;
    }}).map(block => {{
        const buttons = block.querySelectorAll(buttonSelector);
        return {{buttons: buttons.length, label: buttons[0]?.innerText,
                 type: buttons[0]?.getAttribute('type'), text: blockText(block)}};
    }});
}}"""
PATIENT_PAGES = [page for page in PAGES if page.in_sidebar]


def words_of(text: str) -> list[str]:
    return text.split()


@pytest.mark.parametrize("language", words.languages())
@pytest.mark.parametrize("shown", PATIENT_PAGES, ids=lambda page: page.page_id)
def test_each_block_has_its_listen_button_in_the_pages_language(app_server, page, shown, language):
    open_page(page, f"{app_server.url}/{shown.url_path}?lang={language}")
    # The blocks in view before anything is opened (a closed box's are checked when opened).
    blocks = page.evaluate(SHOWN_BLOCKS, [BLOCK, BUTTON])
    assert len(blocks) >= 1, "every page a patient reads has its copy read aloud"
    label = words.catalogue(language)["listen.button"]
    for index, block in enumerate(blocks):
        assert block["buttons"] == 1, index
        assert block["label"] == label
        assert block["type"] == "button"
        # Beside text a person reads: the block holds more than its button.
        assert words_of(block["text"]), index


def test_with_no_voice_for_the_language_the_button_says_so(app_server, page):
    open_page(page, f"{app_server.url}/compare?lang=es")
    button = page.locator(BUTTON).locator("visible=true").first
    assert page.evaluate("speechSynthesis.getVoices().length") == 0  # headless Chromium
    button.focus()
    page.keyboard.press("Enter")
    no_voice = words.catalogue("es")["listen.no_voice"]
    page.wait_for_function(
        "([selector, said]) => document.querySelector(selector).innerText === said",
        arg=[f"[class*='st-key-{listen.KEY_PREFIX}short-answers'] {BUTTON}", no_voice],
    )
    assert page.locator("[data-testid='stException']").count() == 0


# The page's copy (in its closed "How to read this page" box) and the short answers.
@pytest.mark.parametrize("block_key", ["copy-compare", "short-answers"])
def test_a_press_reads_the_block_in_the_pages_language_and_a_second_stops(
    app_server, page, block_key
):
    page.add_init_script(SPEECH_STAND_IN)
    open_page(page, f"{app_server.url}/compare?lang=es")
    if block_key == "copy-compare":
        page.locator("[class*='st-key-how-to-read'] summary").click()
    block = page.locator(f"[class*='st-key-{listen.KEY_PREFIX}{block_key}']").first
    button = block.locator(BUTTON)
    button.focus()  # keyboard only
    page.keyboard.press("Enter")
    page.wait_for_function("window.spoken.length > 0")
    spoken = page.evaluate("window.spoken")
    assert {(line["lang"], line["voice"]) for line in spoken} == {("es-US", "Device es")}
    assert words_of(" ".join(line["text"] for line in spoken)) == words_of(
        block.evaluate(BLOCK_TEXT)
    )
    catalogue = words.catalogue("es")
    assert button.inner_text() == catalogue["listen.stop"]
    screenshot(page, f"read-aloud-{block_key.strip('-')}-es")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "([selector, said]) => document.querySelector(selector).innerText === said",
        arg=[
            f"[class*='st-key-{listen.KEY_PREFIX}{block_key}'] {BUTTON}",
            catalogue["listen.button"],
        ],
    )
    assert page.evaluate("window.cancelled") >= 1


def test_on_paper_the_buttons_are_left_out(app_server, page):
    open_page(page, f"{app_server.url}/summary")
    page.emulate_media(media="print")
    shown = page.locator(BUTTON).evaluate_all(
        "buttons => buttons.filter(button => button.checkVisibility())"
    )
    assert page.locator(BUTTON).count() >= 1 and shown == []


# The title's text, not its box: Streamlit pulls the element after a heading up into the
# heading's own bottom padding.
TITLE_TEXT_BOTTOM = """() => {
    const range = document.createRange();
    range.selectNodeContents(document.querySelector("[data-testid='stMain'] h1"));
    return Math.max(...[...range.getClientRects()].map(rect => rect.bottom));
}"""


@pytest.mark.parametrize("mode", ["", "&mode=consult"], ids=["patient", "consult"])
@pytest.mark.parametrize("size", [(1280, 800), (390, 844)], ids=["wide", "phone"])
def test_the_listen_button_under_the_title_never_covers_its_words(app_server, page, mode, size):
    open_at_size(page, f"{app_server.url}/?lang=en{mode}", size)
    button_top = page.locator(BUTTON).first.bounding_box()["y"]
    assert page.evaluate(TITLE_TEXT_BOTTOM) <= button_top
