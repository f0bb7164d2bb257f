"""The words of the summary's card: one phone screen (views/summary.py draws it), as one block of
safe Markdown. Each line is a label and its text; what does not fit is a link down the page."""

from __future__ import annotations

from explorer import decide
from explorer.markdown import Md, link, plain
from explorer.situation import NOT_SURE
from explorer.words import t, t_md

# The anchors of the summary's sections the card links down to (codes, not words).
KEY_NUMBERS = "key-numbers"
QUESTIONS = "questions"


def markdown(summary: decide.Summary) -> Md:
    """The situation; each option's line with its number (with no situation chosen, whose they
    are is said below), then the link to them all; the person's top priorities, leaning and a
    link to their questions; the next step. A paragraph each."""
    return Md("\n\n").join(
        [
            plain(summary.situation[0]),
            *([t_md("summary.card.whose_below")] if summary.situation_id == NOT_SURE else []),
            *summary.card_numbers,
            link(t("summary.card.all_numbers"), f"#{KEY_NUMBERS}"),
            _labelled(
                "summary.card.priorities",
                "; ".join(summary.top_priorities) or t("summary.card.not_rated"),
            ),
            _labelled("summary.card.leaning", summary.card_leaning),
            link(t("summary.card.questions_link", count=len(summary.questions)), f"#{QUESTIONS}"),
            t_md("summary.card.next_step"),
        ]
    )


def _labelled(label_key: str, text: str) -> Md:
    return t_md("summary.card.labelled", label=t(label_key), text=text)


def key_numbers(summary: decide.Summary) -> Md:
    """Just below the card, where its link leads: each option's name in bold, then its key
    numbers as a list, each saying when and whose they are (or that there are none)."""
    return Md("\n\n").join(
        Md("**{}**\n\n{}").format(
            name, Md("\n").join(Md("- ") + line for line in lines) or t("summary.card.no_numbers")
        )
        for name, lines in summary.key_numbers
    )
