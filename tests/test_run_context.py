"""Every run starts from the same context (explorer/ui/runtime.py): on every page, in every
language, a change of each kind of widget, the full rerun that follows and the rerun of the
page's parts alone (as the browser asks for a widget inside one) all show the page wholly in its
language, and every page state ends with the footer."""

from __future__ import annotations

import contextvars
import gc

import pytest

from explorer import decide, words
from explorer.rules.files import FILES, text_columns
from explorer.rules.vocabulary import PATIENTS
from explorer.ui import runtime, shell
from tests.apptest import (
    caption_lines,
    header_labels,
    open_page,
    other_languages_words,
    rerun_parts,
)
from tests.conftest import FIXTURE_DATA, fixture_content, read_rows, snapshot_of, write_rows

CONTENT = fixture_content()
SNAPSHOT = snapshot_of(FIXTURE_DATA)


def _data_words() -> set[str]:
    """Every patient text of the fixture data, in every language."""
    found = set()
    for content in [SNAPSHOT.content(language) for language in words.languages()]:
        for file in FILES:
            for column in text_columns(file, PATIENTS):
                table = content.tables[file.name]
                found |= {str(cell) for cell in table[column] if str(cell)}
    return found


DATA_WORDS = _data_words()
# The raw values a widget's choices can stand for (ids and codes), to pick one by its label.
CHOICES = [
    *range(len(decide.IMPORTANCE)),
    *decide.QUIZ_CHOICES,
    *decide.YES_NO,
    *CONTENT.options["option_id"],
    *CONTENT.situations["situation_id"],
    *CONTENT.anatomy_states["state_id"],
    *CONTENT.attributes["attribute_id"],
    *CONTENT.questions["question_id"],
    "not_sure",
]
KINDS = ("multiselect", "selectbox", "radio", "button_group", "checkbox", "toggle", "button")


def in_its_language(at, language: str) -> None:
    assert not at.exception, [e.value for e in at.exception]
    assert other_languages_words(at, language, DATA_WORDS) == []


def address(language: str) -> dict[str, str]:
    return {} if language == words.LANGUAGE else {"lang": language}


def one_of_each_kind(at) -> list:
    """The first widget of each kind on the page (the language switch aside: it changes the
    language on purpose), with the download, which AppTest cannot click."""
    found = []
    for kind in KINDS:
        for widget in at.get(kind):
            if widget.key == "picked_lang" or getattr(widget.proto, "disabled", False):
                continue
            found.append(widget)
            break
    return found


def change(widget, language: str) -> None:
    """Change a widget the way a person would: another choice, one option fewer, a click. Its
    choices are said in the page's language."""
    words.use_language(language)
    if widget.type == "multiselect":
        widget.set_value(widget.value[1:])
    elif widget.type in ("checkbox", "toggle"):
        widget.set_value(not widget.value)
    elif widget.type == "button":
        widget.click()
    else:
        labels = getattr(widget, "options", None) or list(widget.proto.options)
        labels = [getattr(label, "content", label) for label in labels]
        current = widget.format_func(widget.value) if widget.value is not None else None
        others = [label for label in labels if label != current]
        raw = {widget.format_func(choice): choice for choice in CHOICES if _formats(widget, choice)}
        widget.set_value(raw[others[-1]])


def _formats(widget, choice) -> bool:
    try:
        widget.format_func(choice)
    except (KeyError, IndexError, TypeError, ValueError):
        return False
    return True


@pytest.mark.parametrize("language", words.languages())
@pytest.mark.parametrize("page", [page.path for page in shell.PAGES])
def test_every_widget_keeps_the_page_in_its_language(page, language):
    at = open_page(page, **address(language))
    in_its_language(at, language)
    widgets = one_of_each_kind(at)
    for widget in widgets:
        contextvars.copy_context().run(change, widget, language)
        at.run()
        in_its_language(at, language)
        if at._fragment_storage._fragments:
            rerun_parts(at)
            assert at.main.children, "the parts drew nothing"
            in_its_language(at, language)
            at.run()  # the whole page again, for the next widget
    assert page in ("views/about.py", "views/data_check.py") or len(widgets) > 1


@pytest.mark.parametrize("language", words.languages())
def test_a_part_rerun_alone_draws_its_words_and_the_links_in_the_pages_language(language):
    at = open_page("views/compare.py", **address(language))
    at.multiselect[0].set_value(at.multiselect[0].value[1:]).run()
    rerun_parts(at)
    said = words.catalogue(language)
    assert at.header[0].value == said["compare.page.glance_heading"]
    links = [link.label for link in at.get("page_link")]  # the header's first, then the page's
    assert links[: len(header_labels(said))] == header_labels(said)
    in_its_language(at, language)


@pytest.mark.parametrize(
    "page",
    ["views/charts.py", "views/compare.py", "views/summary.py", "views/what_matters.py"],
)
@pytest.mark.parametrize("language", words.languages())
def test_a_page_that_ends_early_still_ends_with_the_footer(page, language):
    at = open_page(page, options="", **address(language))  # every option removed
    said = words.catalogue(language)
    captions = caption_lines(at)
    assert any(said["shell.footer"].split("{")[0] in caption for caption in captions)
    if language != words.LANGUAGE:  # the fixture's translation is not reviewed
        assert said["shell.not_reviewed"] in captions
    in_its_language(at, language)


def test_a_callback_runs_in_the_run_that_drew_its_widget():
    drawn = runtime.Run("es", False, "not_sure", SNAPSHOT, SNAPSHOT.content("es"))

    def draw_and_hand_over():
        runtime._enter(drawn)
        return runtime.callback(lambda: (words.current_language(), runtime.current()))

    handed = contextvars.Context().run(draw_and_hand_over)
    # Streamlit calls it later on a thread of its own, which starts with no context.
    assert contextvars.Context().run(handed) == ("es", drawn)


def test_code_outside_any_run_is_told_so():
    with pytest.raises(LookupError):
        contextvars.Context().run(runtime.current)


# ------------------------------------------------ data words shown in English, marked as such
def test_a_texts_mark_is_the_scripts_fnv_1a_of_its_words():
    assert shell.english_mark("a") == "e40c292c"  # FNV-1a's published value for "a"
    assert shell.english_mark("  two\n words ") == shell.english_mark("two words")
    assert shell.english_mark("niño") != shell.english_mark("nino")


def test_a_row_not_yet_translated_is_marked_english_and_the_footer_says_so(served_data_copy):
    spanish = served_data_copy / "es" / "options.csv"
    rows = read_rows(spanish)
    write_rows(spanish, rows[1:], list(rows[0]))  # the first option's words are not translated
    english_name = CONTENT.options["name"].iloc[0]
    at = open_page("views/compare.py", lang="es")
    script = at.sidebar.get("html")[0].value
    assert shell.english_mark(english_name) in script
    said = words.catalogue("es")
    assert said["shell.some_in_english"] in caption_lines(at)
    english = open_page("views/compare.py")
    assert words.catalogue("en")["shell.some_in_english"] not in caption_lines(english)


def test_the_server_collects_garbage_less_often_than_pythons_default():
    # Python's default looks through young objects every 700 new ones: a quarter of the server's
    # time with 40 sessions at once (docs/performance.md). The page router sets it.
    before = gc.get_threshold()
    gc.set_threshold(700, *before[1:])
    try:
        open_page("app.py")
        assert gc.get_threshold()[0] == runtime.YOUNG_OBJECTS_BEFORE_A_COLLECTION
    finally:
        gc.set_threshold(*before)
