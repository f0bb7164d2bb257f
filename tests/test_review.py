"""The content's review kept (explorer/review.py): past the next review date the footer and the
About page say the content is overdue, in the reader's language with the date as that language
writes it; the data check warns the clinic 60 days ahead, and `python -m explorer check` exits
with 3 for its monitoring. Every test sets the day: none reads the clock."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from explorer import review, words
from explorer.__main__ import PASSES, PROBLEMS, REVIEW_DUE, check, main
from explorer.markdown import plain
from explorer.ui import shell
from tests.apptest import as_read, caption_lines, open_page, shown_strings
from tests.conftest import FIXTURE_DATA, fixture_content, set_cell

DUE = date.fromisoformat(fixture_content().release["next_review_date"])
LONG_BEFORE = DUE - timedelta(days=review.DUE_SOON_DAYS + 1)
SOON = DUE - timedelta(days=review.DUE_SOON_DAYS)
PAST = DUE + timedelta(days=1)


@pytest.fixture
def on(monkeypatch):
    """Set the day the app sees."""
    return lambda day: monkeypatch.setattr(review, "today", lambda: day)


def overdue_line(language: str) -> str:
    """The reader's note, as a person reads it."""
    due = review.Review(DUE, PAST).due_date(language)
    return words.say(language, "shell.review_overdue", date=due)


def test_the_state_turns_due_60_days_ahead_and_overdue_the_day_after():
    assert review.Review(DUE, LONG_BEFORE).state == review.CURRENT
    assert review.Review(DUE, SOON).state == review.DUE_SOON
    assert review.Review(DUE, DUE).state == review.DUE_SOON  # the date itself: not yet past
    assert review.Review(DUE, PAST).state == review.OVERDUE


def test_the_date_is_written_as_each_language_writes_dates():
    seen = review.Review(date(2027, 6, 1), PAST)
    assert seen.due_date("en") == "June 1, 2027"
    assert seen.due_date("es") == "1 de junio de 2027"


def test_the_clinic_is_told_how_many_days_are_left_in_its_language():
    soon = review.Review(DUE, SOON)
    assert f"{review.DUE_SOON_DAYS} days" in soon.clinic_line("en")
    assert f"{review.DUE_SOON_DAYS} días" in soon.clinic_line("es")
    assert "1 day," in review.Review(DUE, DUE - timedelta(days=1)).clinic_line("en")
    assert review.Review(DUE, LONG_BEFORE).clinic_line("en") is None


# ------------------------------------------------------------------------ the command line
def test_the_check_exits_3_when_the_review_is_due_or_overdue_and_the_files_pass(capsys):
    assert check(FIXTURE_DATA, today=LONG_BEFORE) == PASSES
    assert check(FIXTURE_DATA, today=SOON) == REVIEW_DUE
    assert "is due in 60 days" in capsys.readouterr().out
    assert check(FIXTURE_DATA, today=PAST) == REVIEW_DUE
    assert "overdue for review" in capsys.readouterr().out


def test_a_problem_outranks_the_review(data_copy):
    set_cell(data_copy / "answers.csv", 0, "certainty", "sure")
    assert check(data_copy, today=PAST) == PROBLEMS


def test_the_command_reads_the_apps_day(on, capsys):
    on(PAST)
    assert main(["check", str(FIXTURE_DATA)]) == REVIEW_DUE
    on(LONG_BEFORE)
    assert main(["check", str(FIXTURE_DATA)]) == PASSES


# ------------------------------------------------------------------------ the pages
@pytest.mark.parametrize("language", words.languages())
def test_past_the_date_every_page_says_the_content_is_overdue(on, language):
    on(PAST)
    for page in shell.PAGES:
        at = open_page(page.path, lang=language)
        assert not at.exception, page.page_id
        assert overdue_line(language) in map(as_read, caption_lines(at)), page.page_id
    about = open_page("views/about.py", lang=language)
    assert overdue_line(language) in [as_read(warning.value) for warning in about.warning]


@pytest.mark.parametrize("language", words.languages())
def test_before_the_date_no_page_says_so(on, language):
    on(SOON)
    for page in shell.PAGES:
        at = open_page(page.path, lang=language)
        assert overdue_line(language) not in shown_strings(at), page.page_id


@pytest.mark.parametrize(("day", "state"), [(LONG_BEFORE, None), (SOON, "due"), (PAST, "overdue")])
def test_the_data_check_page_warns_the_clinic_60_days_ahead(on, day, state):
    on(day)
    at = open_page("views/data_check.py", lang="es")
    line = review.Review(DUE, day).clinic_line("es")
    warnings = [warning.value for warning in at.warning]
    if state is None:
        assert line is None and not any("revisión del contenido" in w for w in warnings)
    else:
        assert plain(line) in warnings
