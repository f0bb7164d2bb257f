"""Kiosk mode (explorer/kiosk.py, explorer/ui/kiosk.py): its settings, and the clearing that
leaves nothing of the last person: no answer in the session, no choice in the address, the start
page in the kiosk's language, still a kiosk. The idle script itself is tested in the browser
(tests/browser/test_kiosk_browser.py)."""

from __future__ import annotations

import pytest

from explorer import decide, kiosk, words
from explorer.ui import kiosk as kiosk_page
from explorer.url_params import KIOSK, LANG_PARAM, MODE_PARAM
from explorer.words import t
from tests.apptest import open_page
from tests.conftest import fixture_content

CONTENT = fixture_content()
WHAT_MATTERS = "views/what_matters.py"
SUMMARY = "views/summary.py"


@pytest.mark.parametrize(
    ("setting", "on"),
    [("on", True), ("ON ", True), ("true", True), ("", False), ("off", False), ("kiosk", False)],
)
def test_the_deployment_setting_turns_kiosk_mode_on(setting, on):
    assert kiosk.deployment_kiosk({kiosk.KIOSK_VARIABLE: setting}) is on
    assert kiosk.asked(None, {kiosk.KIOSK_VARIABLE: setting}) is on
    assert kiosk.asked(KIOSK, {}) and not kiosk.asked("consult", {})


@pytest.mark.parametrize(
    ("setting", "seconds"),
    [(None, kiosk.DEFAULT_IDLE_S), ("45", 45), (" 3 ", 3), ("0", 180), ("-5", 180), ("soon", 180)],
)
def test_the_idle_time_is_the_clinics_setting_or_the_default(setting, seconds):
    environ = {} if setting is None else {kiosk.IDLE_VARIABLE: setting}
    assert kiosk.idle_seconds(environ) == seconds


@pytest.mark.parametrize("idle_s", [1, 3, 60, kiosk.DEFAULT_IDLE_S, 3600])
def test_the_warning_is_short_and_long_enough_to_see(idle_s):
    warning = kiosk.warning_seconds(idle_s)
    assert 2 <= warning <= 30
    assert warning <= max(idle_s, 2)


def test_the_start_page_keeps_only_the_kiosks_language_and_mode():
    assert kiosk.start_params("es", True) == {LANG_PARAM: "es", MODE_PARAM: KIOSK}
    assert kiosk.start_params("en", False) == {LANG_PARAM: "en"}


def person_at_the_kiosk(**address):
    """A person on the what-matters page of a kiosk who rated a statement, took a quiz answer
    and chose a situation and options."""
    situation_id = CONTENT.situations["situation_id"].iloc[0]
    option_ids = list(CONTENT.options["option_id"])[:2]
    at = open_page(
        WHAT_MATTERS, situation=situation_id, options=option_ids, question="pain", **address
    )
    at.radio(key=f"rate-{CONTENT.statements['statement_id'].iloc[0]}").set_value(3).run()
    shown = decide.quiz_items(CONTENT, option_ids, situation_id)["item_id"].iloc[0]
    at.radio(key=f"quiz-{shown}").set_value("unsure").run()
    at.radio(key="leaning").set_value(option_ids[0]).run()
    assert not at.exception
    answers = at.session_state["answers"]
    assert answers.ratings and answers.quiz and answers.leaning
    return at


# AppTest formats a radio's choices in the test's thread: in the page's language (words.speaking).


@words.speaking("es")
def test_start_again_clears_the_answers_and_the_address_and_opens_the_start_page():
    at = person_at_the_kiosk(mode=KIOSK, lang="es")
    at.button(key=kiosk_page.RESET_KEY).click().run()
    assert not at.exception
    assert dict(at.query_params) in ({LANG_PARAM: "es", MODE_PARAM: KIOSK},)
    assert at.title[0].value == words.catalogue("es")["pages.home.title"]
    assert "answers" not in at.session_state  # no page has read any yet
    # Still a kiosk, in Spanish: its button and idle watch are there, and the next person
    # starts with nothing.
    assert at.button(key=kiosk_page.RESET_KEY).label == words.catalogue("es")["kiosk.start_again"]
    assert [html for html in at.get("html") if kiosk_page.SCRIPT in html.proto.body]
    at.switch_page(SUMMARY).run()
    assert not at.exception
    answers = at.session_state["answers"]
    assert not (answers.ratings or answers.quiz or answers.sure or answers.leaning)
    assert "leaning" not in at.session_state  # nor the leaning question's own widget state
    shown = "\n".join(code.value for code in at.code)
    assert f"{decide.RATING_PARAM}=" not in shown and f"{decide.QUIZ_PARAM}=" not in shown
    # The summary's card and its leaning section say the leaning is not answered yet.
    not_answered = words.catalogue("es")["decide.leaning.not_answered"]
    assert any(not_answered in markdown.value for markdown in at.main.markdown)
    assert not_answered in [text.value for text in at.main.text]


def test_the_kiosk_returns_to_the_language_it_started_in():
    with words.speaking("es"):
        at = person_at_the_kiosk(mode=KIOSK, lang="es")
        at.query_params[LANG_PARAM] = "en"  # the person switches to English
        at.run()
    assert at.title[0].value == t("pages.what_matters.title")
    at.button(key=kiosk_page.RESET_KEY).click().run()
    assert at.query_params[LANG_PARAM] in ("es", ["es"])


def test_a_kiosk_deployment_needs_no_mode_in_the_address(monkeypatch):
    monkeypatch.setenv(kiosk.KIOSK_VARIABLE, "on")
    at = person_at_the_kiosk(mode="consult")  # the deployment's setting wins
    assert not at.toggle  # no consult switch on a waiting room's tablet
    at.button(key=kiosk_page.RESET_KEY).click().run()
    assert not at.exception
    assert dict(at.query_params) == {LANG_PARAM: words.LANGUAGE}
    assert "answers" not in at.session_state


def test_outside_a_kiosk_there_is_no_clearing_and_no_idle_script():
    at = open_page("app.py")
    assert not [button for button in at.button if button.key == kiosk_page.RESET_KEY]
    assert not [html for html in at.get("html") if kiosk_page.SCRIPT in html.proto.body]
    assert at.toggle(key="consult_toggle")
