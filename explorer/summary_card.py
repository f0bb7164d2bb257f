"""The words of the summary's card: one phone screen (views/summary.py draws it), as one block of
safe Markdown, and the same words for the PDF's first page (explorer/handout.py). Each line is a
label and its text; what does not fit is a link down the page."""

from __future__ import annotations

from explorer import decide
from explorer.markdown import Md, link, plain
from explorer.short_answers import CardLine, CardOption
from explorer.situation import NOT_SURE
from explorer.words import t, t_md

# The anchors of the summary's sections the card links down to (codes, not words).
KEY_NUMBERS = "key-numbers"
QUESTIONS = "questions"


def markdown(summary: decide.Summary) -> Md:
    """The situation (or, with none chosen, that the lines hold for anyone); the options as a list,
    each one item with how it might help and its main risk (page.css sets the list in smaller
    type on a phone, so that five options fit one screen); the link to more numbers; the
    person's top priorities and leaning, the link to their questions and the next step, one line
    each in one paragraph (a phone screen has no room for a gap between every line)."""
    return Md("\n\n").join(
        [
            plain(situation_text(summary)),
            Md("\n").join(Md("- ") + option_markdown(option) for option in summary.card_options),
            link(t("summary.card.all_numbers"), f"#{KEY_NUMBERS}"),
            LINE_BREAK.join(
                [
                    _labelled(
                        "summary.card.priorities",
                        "; ".join(summary.top_priorities) or t("summary.card.not_rated"),
                    ),
                    _labelled("summary.card.leaning", summary.card_leaning),
                    link(
                        t("summary.card.questions_link", count=len(summary.questions)),
                        f"#{QUESTIONS}",
                    ),
                    _labelled("summary.card.next_step_label", t("summary.card.next_step")),
                ]
            ),
        ]
    )


def situation_text(summary: decide.Summary) -> str:
    """The card's first line (on screen and on paper): the person's situation, or, with none
    chosen, one sentence saying so and that the lines are the same for everyone."""
    if summary.situation_id == NOT_SURE:
        return t("summary.card.for_anyone")
    return summary.situation[0]


# A line break inside a paragraph (Markdown's two spaces at a line's end).
LINE_BREAK = Md("  \n")


def _labelled(label_key: str, text: str) -> Md:
    return t_md("summary.card.labelled", label=t(label_key), text=text)


def option_markdown(option: CardOption) -> Md:
    """One list item: the option's short name in bold, then each of its lines with its label."""
    return Md(" · ").join(
        [
            Md("**{}**").format(option.option_name),
            *(
                _labelled(f"summary.card.role.{line.role}", line_text(line))
                for line in option.lines
            ),
        ]
    )


def line_text(line: CardLine) -> str:
    """The short answer the card quotes (saying when its group is only partly people in the
    situation), or, where there is none, the same words for every option."""
    if line.short is None:
        return t("summary.card.none_to_quote")
    if line.partly:
        return f"{line.short.text} {t('summary.card.partly')}"
    return line.short.text


def key_numbers(summary: decide.Summary) -> Md:
    """Just below the card, where its link leads: whose the card's results are, then each
    option's name in bold and its key numbers as a list, each saying when and whose they are (or
    that there are none)."""
    return Md("\n\n").join(
        [
            *(plain(line) for line in summary.card_whose),
            *(
                Md("**{}**\n\n{}").format(
                    name,
                    Md("\n").join(Md("- ") + line for line in lines)
                    or t("summary.card.no_numbers"),
                )
                for name, lines in summary.key_numbers
            ),
        ]
    )
