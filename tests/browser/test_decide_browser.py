"""Consult mode, printing and share links, as only a browser shows them."""

from __future__ import annotations

import subprocess
from pathlib import Path
from urllib.parse import urlencode

import pytest
from playwright.sync_api import expect

from explorer import compare, decide, matched, safety, situation, words
from explorer.rules.vocabulary import ROLE
from explorer.url_params import (
    LANG_PARAM,
    OPTIONS_PARAM,
    QUESTION_PARAM,
    RATING_PARAM,
    SITUATION_PARAM,
)
from explorer.words import t
from tests.browser.conftest import (
    ARTIFACTS,
    BROWSER_DATA,
    CONTENT,
    click_and_wait,
    open_page,
    screenshot,
    wait_for_app,
)
from tests.conftest import require_program, snapshot_of
from tests.languages import foreign_phrases

OPTIONS = CONTENT.options.set_index("option_id")
SNAPSHOT = snapshot_of(BROWSER_DATA)  # every language's words
# The summary of three options on paper: at most three sheets in every language. Content 1.3's
# sources (the warning signs' own and the steroid injection's harms) take the English onto a third
# sheet too, as they did the Spanish, which runs about a fifth longer.
PRINTED_SHEETS = 3
# Three procedures, as a clinician might narrow the choice to: the first three (in display order)
# that are not the no-procedure option, established ones before investigational ones.
PROCEDURES = [o for o in OPTIONS.index if o != CONTENT.no_procedure_option]
THREE_IDS = sorted(PROCEDURES, key=lambda o: OPTIONS.loc[o, "status"] != "established")[:3]
THREE_IDS = [o for o in PROCEDURES if o in THREE_IDS]  # back in the neutral order
THREE = urlencode({OPTIONS_PARAM: THREE_IDS}, doseq=True)
# Two statements rated in a link: the first "very important", the last "quite important".
# The question about the main risks (its role, not its id): its screen is kept to look at.
QUESTIONS = CONTENT.questions
HARMS_QUESTION = QUESTIONS.loc[QUESTIONS[ROLE] == "harms", "question_id"].iloc[0]
STATEMENTS = list(CONTENT.statements["statement_id"])
VERY, QUITE = decide.IMPORTANCE.index("very"), decide.IMPORTANCE.index("quite")
RATED = f"{RATING_PARAM}={STATEMENTS[0]}.{VERY}&{RATING_PARAM}={STATEMENTS[-1]}.{QUITE}"


def one_line(text: str) -> str:
    """Text with every run of spaces and line breaks as one space: a PDF breaks lines anywhere."""
    return " ".join(text.split())


# Consult mode shows up to five options side by side (the shipped five; a clinic's sixth option
# would be chosen instead of one of them), each question's block on one 1280x800 screen.
CONSULT_IDS = list(OPTIONS.index[:5])
CONSULT = urlencode({OPTIONS_PARAM: CONSULT_IDS}, doseq=True)
SHARED_SCREEN = {"width": 1280, "height": 800}


def question_block_bottom(page) -> float:
    """Where the question's block (its heading, notes, every option's short answer down to the
    "full answer" button, and whose numbers they are) ends, in pixels from the top of the
    window."""
    box = page.locator("[class*='st-key-consult-question']").bounding_box()
    return box["y"] + box["height"]


@pytest.mark.parametrize("situation_id", situation.choices(CONTENT))
@pytest.mark.parametrize("language", words.languages())
def test_consult_mode_with_five_options_fits_the_shared_screen_for_every_question(
    page, app_server, language, situation_id
):
    """In every situation, where options set apart from it carry their level beside their name."""
    said = words.catalogue(language)
    page.set_viewport_size(SHARED_SCREEN)
    open_page(
        page,
        f"{app_server.url}/compare?mode=consult&{CONSULT}&{LANG_PARAM}={language}"
        f"&{SITUATION_PARAM}={situation_id}",
    )
    assert page.locator("[data-testid='stSidebar'][aria-expanded='true']").count() == 0
    assert page.locator("[data-testid='stSelectbox']").count() == 1
    # First the options at a glance, then one question at a time, in this order.
    expect(page.get_by_role("heading", name=said["compare.page.glance_heading"])).to_be_visible()
    bottom = question_block_bottom(page)
    assert bottom <= SHARED_SCREEN["height"], (
        f"{language}, {situation_id}, overview ends at {bottom:.0f}px"
    )
    screenshot(page, f"consult-overview-1280-{language}-{situation_id}")
    page.get_by_role("button", name=said["picker.next"]).click()
    content = SNAPSHOT.content(language)
    rows = compare.rows(content, CONSULT_IDS)
    page.wait_for_url(f"**{QUESTION_PARAM}={rows[0].question_id}*")
    wait_for_app(page, paint_ms=100)
    font_size = page.evaluate(
        "parseFloat(getComputedStyle(document.querySelector("
        "'[class*=st-key-short-] [data-testid=stText]')).fontSize)"
    )
    assert font_size >= 20
    for step, row in enumerate(rows):
        expect(page.get_by_role("heading", name=row.question)).to_be_visible()
        assert page.locator("[class*='st-key-short-']").count() == len(CONSULT_IDS)
        bottom = question_block_bottom(page)
        assert bottom <= SHARED_SCREEN["height"], (
            f"{language}, {situation_id}, question {step + 1} ({row.question_id}) ends at"
            f" {bottom:.0f}px"
        )
        if row.question_id == HARMS_QUESTION:
            screenshot(page, f"consult-risks-1280-{language}-{situation_id}")
        if step < len(rows) - 1:
            page.get_by_role("button", name=said["picker.next"]).click()
            page.wait_for_url(f"**{QUESTION_PARAM}={rows[step + 1].question_id}*")
            wait_for_app(page, paint_ms=100)


# Each situation's steps whose question is pictured beside its options' short answers (with the
# options aimed at the situation, the consult default), from the content in data/.
PICTURED = [
    (situation_id, question_id)
    for situation_id in situation.choices(CONTENT)
    for question_id in QUESTIONS["question_id"]
    if matched.pictured(
        CONTENT, situation_id, question_id, tuple(situation.aimed_options(CONTENT, situation_id))
    )
]
# The top and bottom of every picture in a step's block, in px from the top of the window.
PICTURE_BOXES = """() => [...document.querySelectorAll(
    "[class*='st-key-consult-question'] [data-testid='stVegaLiteChart']")].map(c => {
        const box = c.getBoundingClientRect(); return [box.top, box.bottom]; })"""


@pytest.mark.parametrize("language", words.languages())
@pytest.mark.parametrize(("situation_id", "question_id"), PICTURED)
def test_a_consult_step_about_benefit_or_risks_shows_its_picture_on_the_shared_screen(
    page, app_server, language, situation_id, question_id
):
    """5th review M1: beside the step's short answers, the picture consult Chances draws from
    the study of people in the situation, its bottom and the block's inside 800 px."""
    page.set_viewport_size(SHARED_SCREEN)
    open_page(
        page,
        f"{app_server.url}/compare?mode=consult&{LANG_PARAM}={language}"
        f"&{SITUATION_PARAM}={situation_id}&{QUESTION_PARAM}={question_id}",
    )
    page.wait_for_timeout(500)  # the charts settle
    drawn = matched.pictured(
        CONTENT, situation_id, question_id, tuple(situation.aimed_options(CONTENT, situation_id))
    )
    # 6th review N1: one option's outcome at a time, with its trial's groups, under its heading.
    choices = page.locator("[class*='st-key-consult-picture-of-'] button")
    for index, chance in enumerate(drawn.outcomes or [None]):
        if index:
            click_and_wait(page, choices.nth(index), paint_ms=500)
            expect(choices.nth(index)).to_have_attribute("aria-checked", "true")
        boxes = page.evaluate(PICTURE_BOXES)
        bottom = question_block_bottom(page)
        print(f"consult step {language} {situation_id} {question_id} {index}: {boxes}, {bottom}")
        screenshot(page, f"consult-pictured-1280-{language}-{situation_id}-{question_id}-{index}")
        assert boxes, "no picture"
        assert max(box[1] for box in boxes) <= SHARED_SCREEN["height"], boxes
        assert bottom <= SHARED_SCREEN["height"], bottom
        if chance is not None:
            assert len(boxes) == len(chance.counts)  # one outcome's groups, nothing beside
            expect(page.locator("[class*='st-key-consult-picture'] h4")).to_be_visible()
    assert choices.count() == (len(drawn.outcomes) if len(drawn.outcomes) > 1 else 0)


def test_a_consult_step_without_a_matched_picture_shows_none(page, app_server):
    """Steps of other questions, and every step when the reader is not sure of the situation."""
    page.set_viewport_size(SHARED_SCREEN)
    situation_id, question_id = PICTURED[0]
    others = [q for q in QUESTIONS["question_id"] if (situation_id, q) not in PICTURED]
    for address in (
        f"{SITUATION_PARAM}={situation_id}&{QUESTION_PARAM}={others[0]}",
        f"{SITUATION_PARAM}={situation.NOT_SURE}&{QUESTION_PARAM}={question_id}",
    ):
        open_page(page, f"{app_server.url}/compare?mode=consult&{address}")
        expect(page.locator("[class*='st-key-consult-question'] h3")).to_be_visible()
        assert page.evaluate(PICTURE_BOXES) == [], address


# The size of the overview table's type, in px (its first cell); at least LARGE_TYPE px with up
# to LARGE_UP_TO options, as the questions' text.
LARGE_TYPE, LARGE_UP_TO = 20, 2
TABLE_TYPE = """() => parseFloat(getComputedStyle(document.querySelector(
    "[class*='st-key-consult-question'] [data-testid='stTable'] td")).fontSize)"""


@pytest.mark.parametrize("language", words.languages())
def test_consult_overview_of_fewer_options_is_in_larger_type_and_still_fits(
    page, app_server, language
):
    """The overview's table is sized for the options it holds: with the options aimed at a
    situation (fewer than five in most), larger type than five need, 20 px with one or two, and
    still one screen."""
    page.set_viewport_size(SHARED_SCREEN)
    overview = f"{app_server.url}/compare?mode=consult&{LANG_PARAM}={language}"
    open_page(page, f"{overview}&{CONSULT}")
    five = page.evaluate(TABLE_TYPE)
    for situation_id in CONTENT.situations["situation_id"]:
        aimed = situation.aimed_options(CONTENT, situation_id)
        open_page(page, f"{overview}&{SITUATION_PARAM}={situation_id}")
        found, bottom = page.evaluate(TABLE_TYPE), question_block_bottom(page)
        print(
            f"consult overview {language} {situation_id}: {found} px type, ends at {bottom:.0f}px"
        )
        assert bottom <= SHARED_SCREEN["height"], (situation_id, bottom)
        assert found > five if len(aimed) < len(CONSULT_IDS) else found == five, situation_id
        if len(aimed) <= LARGE_UP_TO:  # really large on a shared screen (5th review M1)
            assert found >= LARGE_TYPE, (situation_id, found)
    screenshot(page, f"consult-overview-aimed-1280-{language}")


# The bottom of the note under the overview's table that says whose studies the starred levels
# are, in px from the top of the window (None where nothing is starred).
STAR_NOTE_BOTTOM = """() => { const note = document.querySelector('.st-key-overview-star-note');
    return note ? note.getBoundingClientRect().bottom : null; }"""


@pytest.mark.parametrize("language", words.languages())
def test_consult_overview_s_star_note_is_on_the_shared_screen_with_its_table(
    page, app_server, language
):
    """8th review N6: the note under the overview's table, explaining the star, started at 785
    px in Spanish, cut by the fold. With the options aimed at each situation, and with one of
    them alone, the note ends above 800 px and the table's type stays 20 px."""
    page.set_viewport_size(SHARED_SCREEN)
    overview = f"{app_server.url}/compare?mode=consult&{LANG_PARAM}={language}"
    noted = 0
    for situation_id in CONTENT.situations["situation_id"]:
        aimed = situation.aimed_options(CONTENT, situation_id)
        for count in [1, len(aimed)] if 1 < len(aimed) <= LARGE_UP_TO else [1]:
            shown = aimed[:count]
            query = urlencode({SITUATION_PARAM: situation_id, OPTIONS_PARAM: shown}, doseq=True)
            open_page(page, f"{overview}&{query}")
            bottom, found = page.evaluate(STAR_NOTE_BOTTOM), page.evaluate(TABLE_TYPE)
            print(f"star note {language} {situation_id} {shown}: ends at {bottom}, {found} px type")
            noted += bottom is not None
            assert bottom is None or bottom <= SHARED_SCREEN["height"], (
                situation_id,
                shown,
                bottom,
            )
            assert found >= LARGE_TYPE, (situation_id, shown, found)
    assert noted  # the shipped content stars some level in some situation
    screenshot(page, f"consult-overview-star-note-1280-{language}")


def test_consult_mode_names_each_set_apart_options_level_and_its_rule_a_tap_away(page, app_server):
    """Beside the name of an option set apart from the situation: its level on screen, the
    level's written rule in the help a tap or a hover opens."""
    situation_id = next(s for s in situation.choices(CONTENT) if situation.set_apart(CONTENT, s))
    fit = situation.set_apart(CONTENT, situation_id)[0]
    page.set_viewport_size(SHARED_SCREEN)
    open_page(
        page,
        f"{app_server.url}/compare?mode=consult&{CONSULT}&{SITUATION_PARAM}={situation_id}"
        f"&{QUESTION_PARAM}={compare.rows(CONTENT, CONSULT_IDS)[0].question_id}",
    )
    column = page.locator("[class*='st-key-consult-question'] [data-testid='stColumn']").filter(
        has=page.locator(f"[class*='st-key-label-head-{fit.option_id}']")
    )
    expect(column.get_by_text(fit.level, exact=True)).to_be_visible()
    rule = page.get_by_text(fit.rule)
    assert not rule.is_visible()
    column.locator("[data-testid='stTooltipHoverTarget']").first.hover()
    expect(rule).to_be_visible()


def test_consult_mode_opens_each_full_answer_from_the_keyboard(page, app_server):
    page.set_viewport_size(SHARED_SCREEN)
    [row, *_] = compare.rows(CONTENT, CONSULT_IDS)
    open_page(
        page, f"{app_server.url}/compare?mode=consult&{CONSULT}&{QUESTION_PARAM}={row.question_id}"
    )
    first = row.cells[0]
    full = page.get_by_text(first.answer)
    assert not full.is_visible()  # the short answer only, until asked
    button = page.locator(f"[class*='st-key-short-{first.option_id}'] summary")
    button.focus()
    page.keyboard.press("Enter")
    expect(full).to_be_visible()


def test_consult_mode_opens_the_warning_signs_from_a_button_on_screen(page, app_server):
    page.set_viewport_size({"width": 1280, "height": 800})
    open_page(page, f"{app_server.url}/compare?mode=consult&{THREE}")
    button = page.get_by_role("button", name=t("get_help.title"))
    assert button.bounding_box()["y"] < 200  # in the first screen, beside the title
    first_sign = safety.warning_groups(CONTENT)[0].signs[0]
    assert not page.get_by_text(first_sign).first.is_visible()
    button.click()
    expect(page.get_by_text(first_sign).first).to_be_visible()


@pytest.mark.parametrize("language", words.languages())
def test_print_hides_the_controls_and_fits_three_sheets(page, app_server, language):
    said = words.catalogue(language)
    names = SNAPSHOT.content(language).options.set_index("option_id")["name"]
    open_page(page, f"{app_server.url}/summary?{THREE}&{RATED}&{LANG_PARAM}={language}")
    with page.expect_download() as download:  # the PDF is made by the app when clicked
        page.get_by_text(said["summary.download"]).click()
    handout = Path(download.value.path())
    assert handout.read_bytes().startswith(b"%PDF-")
    # Made on a thread of its own when clicked, yet in the page's language.
    pdftotext = require_program("pdftotext")
    made = subprocess.run([pdftotext, str(handout), "-"], capture_output=True, text=True).stdout
    assert said["handout.what_matters"] in made and foreign_phrases(one_line(made), language) == []
    page.emulate_media(media="print")
    for hidden in ("stSidebar", "stMultiSelect", "stDownloadButton", "stCheckbox"):
        locator = page.locator(f"[data-testid='{hidden}']")
        assert locator.count() == 0 or not locator.first.is_visible(), hidden
    pdf_path = ARTIFACTS.parent / f"summary-print-{language}.pdf"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.pdf(path=str(pdf_path), format="A4", print_background=False)
    pdfinfo = require_program("pdfinfo")
    info = subprocess.run(
        [pdfinfo, str(pdf_path)], capture_output=True, text=True, check=True
    ).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert 1 <= pages <= PRINTED_SHEETS
    text = one_line(
        subprocess.run(
            [pdftotext, str(pdf_path), "-"], capture_output=True, text=True, check=True
        ).stdout
    )
    assert all(one_line(names[o]) in text for o in THREE_IDS)
    assert one_line(said["summary.download"]) not in text


def test_a_share_link_restores_the_view_in_a_fresh_browser(page, browser, app_server):
    open_page(page, f"{app_server.url}/what_matters?{THREE}&mode=consult")
    first = CONTENT.statements.iloc[0]
    very = decide.importance_words(VERY)
    # Found by its key: the radio group's accessible name carries the label's Markdown escapes
    # (a statement with a colon or comma reads "sooner\\: in weeks\\, …" there).
    page.locator(f".st-key-rate-{first['statement_id']}").get_by_text(very).click()
    wait_for_app(page)
    # Only the ratings part reran (a fragment), and it drew the options' fit with the rating.
    expect(page.get_by_text(t("what_matters.rate_first"))).to_have_count(0)
    page.get_by_role("link", name=t("what_matters.to_summary")).click()
    page.wait_for_url("**/summary**")
    wait_for_app(page)
    page.get_by_text(t("summary.link_answers")).click()
    wait_for_app(page)
    shared = page.locator("[data-testid='stCode'] code").filter(has_text="/summary?")
    # The click's run may start after the wait above looked: the link with answers comes then.
    expect(shared).to_contain_text(f"{RATING_PARAM}={first['statement_id']}.{VERY}")
    link = shared.inner_text().strip()
    assert "mode=consult" in link

    fresh = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    open_page(fresh, link)
    assert (
        fresh.locator("[data-testid='stSidebar'][aria-expanded='true']").count() == 0
    )  # consult mode
    tags = fresh.locator(
        "[data-testid='stMultiSelect'] .react-aria-ComboBox [data-tag]"
    ).all_inner_texts()
    assert tags == [OPTIONS.loc[o, "short_name"] for o in THREE_IDS]  # short names in consult mode
    assert very in fresh.locator("[data-testid='stTable']").first.inner_text()
    fresh.context.close()
