"""Whether the content's review is kept: its next review date (release.csv) against today's date.
Past it, readers are told the content is overdue for review (the footer, the About page); within
DUE_SOON_DAYS of it, the clinic is warned (the data check page, and `python -m explorer check`'s
exit status). Pure but for `today`, the one place the app reads the clock: every caller asks it
at the edge and passes the date on, so tests give a fixed day instead."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from babel.dates import format_date

from explorer.words import say

# The clinic is warned this many days before the next review date.
DUE_SOON_DAYS = 60
# A review's state: done in time, due within DUE_SOON_DAYS, or past its date.
CURRENT, DUE_SOON, OVERDUE = "current", "due_soon", "overdue"


def today() -> date:
    """The server's date today (tests replace this)."""
    return date.today()


@dataclass(frozen=True)
class Review:
    """The next review date of a release, seen on one day."""

    due: date
    on: date

    @property
    def days_left(self) -> int:
        return (self.due - self.on).days

    @property
    def state(self) -> str:
        if self.days_left < 0:
            return OVERDUE
        return DUE_SOON if self.days_left <= DUE_SOON_DAYS else CURRENT

    @property
    def overdue(self) -> bool:
        return self.state == OVERDUE

    def due_date(self, language: str) -> str:
        """The next review date as readers of the language write a date (Babel, CLDR's long form)."""
        return format_date(self.due, format="long", locale=language)

    def clinic_line(self, language: str) -> str | None:
        """For the clinic (the data check page, the command line): the review is overdue, or
        due soon, with the days left; None when neither."""
        if self.state == CURRENT:
            return None
        if self.overdue:
            return say(language, "data_check.review.overdue", date=self.due_date(language))
        return say(
            language, "data_check.review.due", count=self.days_left, date=self.due_date(language)
        )


def review(release, on: date) -> Review:
    """The review of a release (a release.csv row, its next_review_date checked as YYYY-MM-DD)."""
    return Review(date.fromisoformat(str(release["next_review_date"])), on)
