"""What the study of people in the reader's situation found, in words, for the Chances page: the
short answers (short_answers.csv) to the benefit and harm questions whose numbers come from people
in the situation. Many such results are not "x out of 100" (leg pain averaged 2.8 out of 10), so
a picture of 100 people cannot show them; said in words, they still come first, then drawn
where the study's averages on a 0 to 10 scale are in scores.csv."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

import pandas as pd
from babel.numbers import format_decimal

from explorer import chances, short_answers, situation, words
from explorer.data import Content
from explorer.memo import kept
from explorer.rules.vocabulary import ROLE, split_ids
from explorer.short_answers import Short
from explorer.words import t


@kept
def in_words(content: Content, situation_id: str, option_id: str) -> dict[str, list[Short]]:
    """kind (benefit, harm) -> the chosen option's short answer about people in the situation,
    then the same study's other groups (other options' short answers from the same people), so
    that the option is said beside its comparison group and never beside another trial's."""
    here = situation.known(content, situation_id)
    if here == situation.NOT_SURE:
        return {}
    tagged = {
        row.population_id
        for row in content.populations.itertuples()
        if here in split_ids(row.situation_ids)
    }
    found = short_answers.for_situation(content, here)
    options = [option_id, *(o for o in content.option_names() if o != option_id)]
    said: dict[str, list[Short]] = {}
    for question in content.questions.itertuples():
        kind = short_answers.KINDS.get(getattr(question, ROLE))
        own = found.get((option_id, question.question_id))
        if kind is None or own is None or own.population_id not in tagged:
            continue
        said.setdefault(kind, []).extend(
            found[o, question.question_id]
            for o in options
            if (o, question.question_id) in found
            and found[o, question.question_id].population_id == own.population_id
        )
    return said


def also_said(content: Content, situation_id: str, option_id: str) -> list[str]:
    """The other options whose study results are said beside the option's (in_words, under any
    heading), in the order said: the page names them in its headings, so each gets a one-tap
    way to its own harms (4th review N3: the harms showed only the option viewed)."""
    said = in_words(content, situation_id, option_id).values()
    return list(
        dict.fromkeys(s.option_id for shorts in said for s in shorts if s.option_id != option_id)
    )


class Note(NamedTuple):
    key: str  # in the catalogue
    values: dict
    boxed: bool = True  # a blue box; else a caption under the bars


def notes(words: list[Short], scored: list[Scores], none_about: bool) -> list[Note]:
    """The notes under a heading's result in words and bars: ONE
    line where the bars are their study's only numbers about the reader's situation (4th review
    N4: two notes in a row about "words above" confused), else a line per later time not drawn,
    then what is missing (none_line) where nothing here is about people in the situation."""
    unread = sorted({months for each in scored for months in each.unread_months})
    if scored and none_about and len(unread) <= 1:
        if unread:
            return [Note("chances.score.only_bars_unread", {"count": unread[0]})]
        return [Note("chances.score.only_bars", {})]
    lines = [Note("chances.score.not_drawn", {"count": months}, boxed=False) for months in unread]
    if none_about:
        lines.append(Note(none_line(words), {}))
    return lines


def none_line(words: list[Short]) -> str:
    """The catalogue key saying what is missing under a heading where no picture is about people
    in the reader's situation: numbers of any kind, or only "out of 100" ones, when their study's
    result is said in words (`words`) instead."""
    return "chances.page.no_out_of_100" if words else "chances.page.none_about_you"


@dataclass(frozen=True)
class Scores:
    """One study's averages on a 0 to 10 scale (`measure`), one row per group and time: the
    option's name, months after the start (0: the start), the average, and the row in words."""

    measure: str
    whose: str
    rows: pd.DataFrame  # option, months, average, said
    # Later times whose result we read only in words, not as figures: not drawn, said so.
    unread_months: tuple[int, ...] = ()

    def alt_text(self) -> str:
        return t(
            f"chances.score.alt.{self.measure}", whose=self.whose, rows="; ".join(self.rows["said"])
        )


@kept
def scores(content: Content, situation_id: str, option_id: str, kind: str) -> list[Scores]:
    """The averages (scores.csv) of the studies whose results are said in words under the
    heading `kind`, for the options said there, in the same order: by time, then as said."""
    said = in_words(content, situation_id, option_id).get(kind, [])
    order = {short.option_id: n for n, short in enumerate(said)}
    names = {short.option_id: short.option_name for short in said}
    whose = content.populations.set_index("population_id")["whose"]
    found = content.scores[
        (content.scores["kind"] == kind) & content.scores["option_id"].isin(order.keys())
    ]
    return [
        Scores(
            measure,
            whose[population_id],
            _rows(rows[rows["average"].notna()], order, names),
            tuple(sorted({int(m) for m in rows.loc[rows["average"].isna(), "months"]})),
        )
        for population_id in dict.fromkeys(short.population_id for short in said)
        for measure, rows in found[found["population_id"] == population_id].groupby(
            "measure", sort=False
        )
    ]


def _rows(rows: pd.DataFrame, order: dict[str, int], names: dict[str, str]) -> pd.DataFrame:
    rows = rows.assign(said_order=rows["option_id"].map(order)).sort_values(
        ["months", "said_order"]
    )
    return pd.DataFrame(
        {
            "option": [names[o] for o in rows["option_id"]],
            "months": list(rows["months"]),
            "average": list(rows["average"]),
            "said": [
                bar_words(names[o], int(months), average)
                for o, months, average in zip(rows["option_id"], rows["months"], rows["average"])
            ],
        }
    )


def bar_words(option: str, months: int, average: float) -> str:
    """'Discectomy: 2.8 out of 10, 6 months after the start', or '… at the start'."""
    said = format_decimal(average, locale=words.current_language())  # 2.8, or 2,8 in Spanish
    if months == 0:
        return t("chances.score.at_start", option=option, average=said)
    return t("chances.score.after", option=option, average=said, count=months)


@dataclass(frozen=True)
class Pictured:
    """What Chances draws for one kind of result (benefit, harm) about people in the reader's
    situation, for a consult step to show beside its short answers (5th review M1): the matched
    study's averages on a 0 to 10 scale where there are any, else, for each option whose short
    answer is about people in the situation, the outcome whose count out of 100 that answer
    says, drawn as Chances draws it: with its trial's comparison group, one outcome a row (6th
    review N1: one option's "34 out of 100" had an operation beside another's "3 out of 100" had
    a tear read as 34 harmed against 3)."""

    kind: str = ""  # benefit or harm: the pictures' colours
    scores: tuple[Scores, ...] = ()
    outcomes: tuple[chances.Chance, ...] = ()  # a row of pictures each, in the options' order

    def __bool__(self) -> bool:
        return bool(self.scores or self.outcomes)


# The most options a step's picture is drawn beside: the answers share half the screen, and
# more would leave each too narrow a column (views/compare.py).
PICTURED_UP_TO = 3


@kept
def pictured(
    content: Content, situation_id: str, question_id: str, option_ids: tuple[str, ...]
) -> Pictured:
    """The pictures for a question's kind (its role: benefits or harms) for the options shown,
    from studies of people in the situation only, and only the number each short answer says
    (never another trial's, or another result of the same trial, beside it), each outcome drawn
    with its own trial's comparison group and never in one row with another outcome: none when
    the reader is not sure of the situation, or the question is about neither, or with more than
    PICTURED_UP_TO options."""
    role = content.questions.set_index("question_id").at[question_id, ROLE]
    kind = short_answers.KINDS.get(role)
    if (
        kind is None
        or situation.known(content, situation_id) == situation.NOT_SURE
        or len(option_ids) > PICTURED_UP_TO
    ):
        return Pictured()
    for option_id in option_ids:  # one study's bars hold every option said beside it
        found = scores(content, situation_id, option_id, kind)
        if found:
            return Pictured(kind, scores=tuple(found))
    whose = content.populations.set_index("population_id")["whose"]
    every = chances.all_chances(content)
    firsts = (
        next(
            (
                chance
                for chance in chances.by_kind(every, short.option_id, situation_id)[kind].about
                if chance.whose == whose[short.population_id] and says(short, chance.counts[0])
            ),
            None,
        )
        for short in short_answers.for_question(content, situation_id, question_id, option_ids)
        if short.population_id
    )
    rows: dict[tuple, chances.Chance] = {}
    for chance in firsts:
        if chance is not None:  # two options from one trial, one outcome: one row of both
            rows.setdefault(chance.trial_result, chance)
    return Pictured(kind, outcomes=tuple(rows.values()))


def says(short: Short, count: chances.Count) -> bool:
    """Whether a short answer says the count's number of people as its picture draws them (2.7
    out of 100 is drawn, and said, as 3): a picture of another result would contradict it."""
    drawn = count.drawn()[0]
    return not count.is_rare and str(drawn) in re.findall(r"\d+(?:[.,]\d+)?", short.text)
