"""Chances in numbers: out of 100 people like those in a study, how many had an outcome after
each option, beside the study's comparison group where it had one (data/outcomes.csv).

Every number is said out of 100 (a result about fewer people, as "3 of 15", drawn as those people),
in both framings ("34 out of 100 did; 66 out of 100 did not"),
with its time frame, who the people were and how sure we are. A range stays a range. Pictures
show whole people, so a number such as 33.5 is drawn as about 34 and the exact figure is given
beside it. No percentages and no relative risks."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from itertools import zip_longest

import pandas as pd
from babel.lists import format_list
from babel.numbers import format_decimal

from explorer.compare import certainty_words, evidence_line, source_table
from explorer.data import Content
from explorer.memo import kept
from explorer.populations import WITHIN, matches, too_new
from explorer.rules.vocabulary import EVERYONE_VALUES, OUTCOME_KINDS, split_ids
from explorer.situation import NOT_SURE
from explorer.text import capital
from explorer.words import current_language, t

OUT_OF = 100
EVERYONE = "everyone"  # the heading of results counted for everyone in a trial


def whole_people(number: float) -> int:
    """How many whole people a number out of 100 is drawn as (33.5 -> 34, 1.6 -> 2)."""
    return int(Decimal(str(number)).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _number(number: float) -> str:
    """87.5 in English, 87,5 in Spanish: the decimal mark of the reader's language (as matched.py)."""
    return format_decimal(number, locale=current_language())


@dataclass(frozen=True)
class Count:
    """How many out of 100 people in one group had the outcome: one number, or a range."""

    group: str
    low: float
    high: float
    # The people the result is about when fewer than 100 (3 of 15): drawn and said as themselves.
    size: int = OUT_OF
    # The count is the treatment this group was offered in its trial (people offered surgery who
    # had it): drawn in a neutral colour and said so, never read as a harm (outcomes.csv `offered`).
    offered: bool = False

    @property
    def few(self) -> bool:
        """About fewer than 100 people: never drawn or said as if they were 100."""
        return self.size < OUT_OF

    @property
    def is_range(self) -> bool:
        return self.high > self.low

    @property
    def is_rare(self) -> bool:
        """Above 0 but under half a person out of 100: drawn as nobody, so said in words."""
        return 0 < self.high < 0.5

    def drawn(self) -> tuple[int, int]:
        """People drawn as having it, and as within the range (0 for a single number): out of
        100, or out of the group's own people when there were fewer (20 of 100 is 3 of 15)."""
        low, high = (whole_people(number * self.size / OUT_OF) for number in (self.low, self.high))
        return low, high - low

    def exact(self) -> bool:
        return all(number == whole_people(number) for number in (self.low, self.high))

    def had(self) -> str:
        """The number in words for a table: '33.5', '12 to 40', '3 of 15'."""
        if self.few:
            return t("chances.number_of", number=self.drawn()[0], size=self.size)
        return _range(self.low, self.high)

    def did_not(self) -> str:
        if self.few:
            return t("chances.number_of", number=self.size - self.drawn()[0], size=self.size)
        return _range(OUT_OF - self.high, OUT_OF - self.low)

    def form(self) -> str:
        """How the number of whole people is said, as the picture shows them, which picks the
        message of each family (content/<language>/chances.toml): 'exact' (95), 'about' (about
        34), 'between' (between 12 and 40), 'about_between' (between about 0 and 10), or
        'fewer_than_one' (above 0 but under half a person: drawn as nobody, said in words)."""
        if self.few:
            return "of_size"
        if self.is_rare:
            return "fewer_than_one"
        within = self.drawn()[1]
        if within:
            return "between" if self.exact() else "about_between"
        return "exact" if self.exact() else "about"

    def sentence_form(self) -> str:
        """The form of the sentence that also gives the study's own figure: a single number said
        'about' or 'fewer than 1' may come from a range (0.1 to 0.4), said with '_range'."""
        form = self.form()
        return f"{form}_range" if form in ("about", "fewer_than_one") and self.is_range else form

    def numbers(self) -> dict[str, int | str]:
        """Every number a message of any form may place: whole people as the picture draws them,
        those who had it (`number`, or `low` to `high`) and those who did not (`rest`, or
        `rest_low` to `rest_high`), and the study's own figure (`study`, or `study_low` to
        `study_high`)."""
        had, within = self.drawn()
        return {
            "number": had,
            "low": had,
            "high": had + within,
            "rest": self.size - had,
            "rest_low": self.size - had - within,
            "rest_high": self.size - had,
            "study": _number(self.low),
            "study_low": _number(self.low),
            "study_high": _number(self.high),
            "size": self.size,
        }

    def heading(self) -> str:
        """The heading over this group's picture: 'People given fibrin: about 34 out of 100'."""
        return t(f"charts.icons.heading.{self.form()}", group=self.group, **self.numbers())


def picture_alt(count: Count, outcome: str, time_frame: str) -> str:
    """What one group's picture of 100 people (or of its own people, when fewer) shows, for a
    screen reader."""
    group = t(
        f"chances.alt_group.{count.form()}", group=count.group, outcome=outcome, **count.numbers()
    )
    if count.few:
        return t("chances.alt_few", size=count.size, time_frame=time_frame, groups=group)
    return t("chances.alt", time_frame=time_frame, groups=group)


def _range(low: float, high: float) -> str:
    if high == low:
        return _number(low)
    return t("chances.number_range", low=_number(low), high=_number(high))


@dataclass(frozen=True)
class Chance:
    """One outcome of one option: the option's group and the comparison group, if any."""

    option_id: str
    option_name: str
    outcome_id: str
    kind: str
    outcome: str
    counts: tuple[Count, ...]
    people: str
    whose: str  # the group the study was about, in a few words (populations.csv)
    situation_ids: tuple[str, ...]  # the situations those people were in
    # Of those, the situations the group is only partly in: mixed with others, or not known.
    partly_ids: tuple[str, ...]
    # The situations for which these people's pain was too new to show their numbers at all.
    too_new_ids: tuple[str, ...]
    everyone: bool  # counted for everyone in a trial, both groups together
    time_frame: str
    note: str
    source_ids: tuple[str, ...]
    certainty: str

    @property
    def trial_result(self) -> tuple[str, str, str]:
        """Which result of which study this is: a trial's arms, each an option's row, share it
        (their groups counted alike), so a page says that result once, not once per arm."""
        return (self.whose, self.outcome_id, self.time_frame)

    @property
    def drawable(self) -> bool:
        """Whether a picture of 100 people can show it (not when every group is too rare)."""
        return not all(count.is_rare for count in self.counts)

    def sentences(self) -> list[str]:
        """Both framings for every group, with the study's own figure where it was not whole:
        one whole message for each form a count can take."""
        return [
            t(
                f"chances.sentence.{count.sentence_form()}",
                group=count.group,
                outcome=self.outcome,
                **count.numbers(),
            )
            for count in self.counts
        ]

    def details(self) -> list[str]:
        """When, who, anything to bear in mind, and how sure we are."""
        lines = [
            t("chances.when", time_frame=self.time_frame),
            t("chances.who", people=self.people),
        ]
        if self.note:
            lines.append(self.note)
        return lines

    def evidence(self) -> str:
        return evidence_line(self.certainty, self.source_ids)

    def about(self, situation_id: str) -> bool:
        """Whether these numbers come from people in this situation."""
        return situation_id in self.situation_ids

    def likeness(self, situation_id: str) -> int:
        """How like the reader these people are, most like first: all in the situation (0),
        partly (1), other groups (2)."""
        if not self.about(situation_id):
            return 2
        return 1 if situation_id in self.partly_ids else 0

    def whose_line(self, situation_id: str) -> str:
        """Whose numbers these are, said against the person's situation when they chose one."""
        if situation_id == NOT_SURE:
            return t("situation.numbers.whose", whose=self.whose)
        if situation_id in self.partly_ids:
            return t("situation.numbers.partly_about_you", whose=self.whose)
        if self.about(situation_id):
            return t("situation.numbers.about_you", whose=self.whose)
        return t("situation.numbers.not_about_you", whose=self.whose)

    def alt_texts(self) -> list[str]:
        """The accessible name of each group's picture."""
        return [picture_alt(count, self.outcome, self.time_frame) for count in self.counts]

    def key_line(self, situation_id: str) -> str:
        """The chance in one short line for the summary's card: each group's number, when, and
        whose numbers they are."""
        groups = " ".join(
            t(
                f"chances.alt_group.{count.form()}",
                group=count.group,
                outcome=self.outcome,
                **count.numbers(),
            )
            for count in self.counts
        )
        return t(
            "summary.card.number",
            groups=groups,
            when=t("chances.when", time_frame=self.time_frame),
            whose=self.whose_line(situation_id),
        )

    @kept  # one table per kept chance: its escaped Arrow copy is then made only once
    def table(self) -> pd.DataFrame:
        """The picture's numbers, exactly as the study gave them (of its own people, headed
        "How many", when there were fewer than 100)."""
        few = "_few" if any(count.few for count in self.counts) else ""
        return pd.DataFrame(
            {
                t("chances.table.group"): [count.group for count in self.counts],
                t(f"chances.table.had{few}", outcome=self.outcome): [
                    count.had() for count in self.counts
                ],
                t(f"chances.table.did_not{few}"): [count.did_not() for count in self.counts],
            }
        )


def _counts(row: pd.Series) -> tuple[Count, ...]:
    def count(which: str, group: str, low: float, high: float, size=None) -> Count:
        high = float(low if pd.isna(high) else high)
        size = OUT_OF if pd.isna(size) else int(size)
        return Count(group, float(low), high, size, offered=row["offered"] == which)

    counts = [count("group", row["group"], row["count"], row["count_to"], row["group_size"])]
    if row["comparison_group"]:
        counts.append(
            count(
                "comparison",
                row["comparison_group"],
                row["comparison_count"],
                row["comparison_count_to"],
            )
        )
    return tuple(counts)


@kept
def all_chances(content: Content) -> list[Chance]:
    """Every outcome of every option, options in their neutral order, benefits before harms."""
    names = content.option_names()
    outcomes = content.outcomes
    populations = content.populations.set_index("population_id")
    standing = matches(content.populations, content.situation_bounds)

    def tagged(population_id: str) -> tuple[str, ...]:
        return tuple(split_ids(populations.at[population_id, "situation_ids"]))

    bounds = content.situation_bounds.set_index("situation_id")

    def newer(population_id: str) -> tuple[str, ...]:
        group = populations.loc[population_id]
        return tuple(
            situation_id for situation_id, limits in bounds.iterrows() if too_new(group, limits)
        )

    def partly(population_id: str) -> tuple[str, ...]:
        # A situation without bounds cannot be shown to hold the whole group: said with care.
        return tuple(
            situation_id
            for situation_id in tagged(population_id)
            if standing.get((population_id, situation_id)) != WITHIN
        )

    chances = [
        Chance(
            option_id=row["option_id"],
            option_name=names[row["option_id"]],
            outcome_id=row["outcome_id"],
            kind=row["kind"],
            outcome=row["outcome"],
            counts=_counts(row),
            people=row["people"],
            whose=populations.at[row["population_id"], "whose"],
            situation_ids=tagged(row["population_id"]),
            partly_ids=partly(row["population_id"]),
            too_new_ids=newer(row["population_id"]),
            everyone=row["everyone"] == EVERYONE_VALUES[0],
            time_frame=row["time_frame"],
            note=row["note"],
            source_ids=tuple(split_ids(row["source_ids"])),
            certainty=row["certainty"],
        )
        for _, row in outcomes.iterrows()
    ]
    option_order = list(names)
    return sorted(
        chances, key=lambda c: (option_order.index(c.option_id), OUTCOME_KINDS.index(c.kind))
    )


@dataclass(frozen=True)
class Shown:
    """The chances under one heading: those about people in the reader's situation, most like
    them first, and those about other groups, set apart below under their own label."""

    about: list[Chance]
    others: list[Chance]

    def __bool__(self) -> bool:
        return bool(self.about or self.others)


@kept
def by_kind(
    chances: list[Chance], option_id: str, situation_id: str = NOT_SURE
) -> dict[str, Shown]:
    """One option's chances under the same headings for every option: benefits, then harms
    (empty where our sources give no number), then, only where there are any, results counted for
    everyone in a trial (both groups together, so never one option's harm). Numbers from people
    whose pain was new are left out where the reader's has lasted long."""
    shown = [c for c in chances if c.option_id == option_id and situation_id not in c.too_new_ids]
    headings = {
        kind: [c for c in shown if c.kind == kind and not c.everyone] for kind in OUTCOME_KINDS
    }
    everyone = [c for c in shown if c.everyone]
    if everyone:
        headings[EVERYONE] = everyone
    if situation_id == NOT_SURE:
        return {heading: Shown(found, []) for heading, found in headings.items()}
    return {
        heading: Shown(
            sorted(
                (c for c in found if c.about(situation_id)), key=lambda c: c.likeness(situation_id)
            ),
            [c for c in found if not c.about(situation_id)],
        )
        for heading, found in headings.items()
    }


@kept
def key_numbers(
    chances: list[Chance], option_id: str, situation_id: str = NOT_SURE, limit: int = 3
) -> list[Chance]:
    """Up to `limit` of an option's numbers for the summary's card, a benefit and a harm in
    turn. With a situation chosen, only numbers about people in it: other groups' numbers stay
    on the Chances page, each under its label."""
    found = by_kind(chances, option_id, situation_id)
    matched = [found[kind].about for kind in OUTCOME_KINDS]
    in_turn = [chance for turn in zip_longest(*matched) for chance in turn if chance is not None]
    return in_turn[:limit]


def heading_names(content: Content, option_id: str, said: list) -> str:
    """Who a heading names: the option's name, or, where its study's result is said in words
    (`said`, matched.in_words) beside other options' groups, every option said there by its
    short name, as the bullets and bars below it name them (3rd review P8)."""
    named = list(dict.fromkeys(short.option_id for short in said))
    if len(named) < 2:
        return content.option_names()[option_id]
    return short_list(content, named)


def short_list(content: Content, option_ids: list[str]) -> str:
    """The options by their short names, as a list is said in the reader's language."""
    short = content.short_names()
    return format_list([short[o] for o in option_ids], locale=current_language())


def section_anchor(heading: str, beside: str = "") -> str:
    """A heading's anchor: the heading's own, or, for an option drawn beside the pictured one
    (`beside`, its id), the heading's followed by the option's, so each has its own link."""
    return f"{heading}-{beside}" if beside else heading


def none_about(found: Shown, situation_id: str) -> bool:
    """Whether a chosen situation has numbers here, yet none are about people in it."""
    return situation_id != NOT_SURE and bool(found.others) and not found.about


def time_frame_warning(chances: list[Chance], chance: Chance) -> list[str]:
    """Said when other options' numbers for the same outcome cover a different time: a sentence,
    then each of those options with its time (nothing when there are none)."""
    others = [
        t("chances.different_time_option", option=other.option_name, time_frame=other.time_frame)
        for other in chances
        if other.outcome_id == chance.outcome_id
        and other.option_id != chance.option_id
        and other.time_frame != chance.time_frame
    ]
    if not others:
        return []
    return [t("chances.different_time", count=len(others)), *others]


@dataclass(frozen=True)
class Numbers:
    """The numbers of the options being viewed in tables, against the reader's situation, in
    three groups by how their people stand to it (the rule of every "whose numbers" line,
    short_answers.group_standing; Chance.likeness): about people in it (every number, when they are
    not sure), those that may include people like the reader with others, and other groups'
    numbers, each row saying whose they are. Numbers from people whose pain was new are left out
    where the reader's has lasted long (`left_out` says some were)."""

    about: pd.DataFrame
    partly: pd.DataFrame
    others: pd.DataFrame
    left_out: bool


@kept
def numbers_tables(
    chances: list[Chance], option_ids: tuple[str, ...], situation_id: str = NOT_SURE
) -> Numbers:
    """The numbers of the options being viewed (`option_ids`: another option's rows do not
    belong in this view), split as the Chances page shows them (`by_kind`)."""
    viewed = [c for c in chances if c.option_id in option_ids]
    shown = [c for c in viewed if situation_id not in c.too_new_ids]
    if situation_id == NOT_SURE:
        return Numbers(numbers_table(shown), numbers_table([]), numbers_table([]), False)
    groups = [[c for c in shown if c.likeness(situation_id) == n] for n in range(3)]
    return Numbers(*map(numbers_table, groups), len(shown) < len(viewed))


_NUMBER_COLUMNS = ("option", "outcome", "group", "out_of_100", "when", "whose", "how_sure")


@kept
def numbers_table(chances: list[Chance]) -> pd.DataFrame:
    """These numbers in one table, one row per group. A row names an option only for
    the group that had it: a comparison group is said to be one, and a count for everyone in a
    trial says so (and is given once, though two options share it)."""

    def whose_row(chance: Chance, index: int) -> str:
        if chance.everyone:
            return t("chances.numbers.everyone")
        return chance.option_name if index == 0 else t("chances.numbers.comparison")

    return pd.DataFrame(
        [
            {
                t("chances.numbers.option"): whose_row(chance, index),
                t("chances.numbers.outcome"): chance.outcome,
                t("chances.numbers.group"): count.group,
                t("chances.numbers.out_of_100"): count.had(),
                t("chances.numbers.when"): chance.time_frame,
                t("chances.numbers.whose"): chance.whose,
                t("chances.numbers.how_sure"): certainty_words(chance.certainty),
            }
            for chance in chances
            for index, count in enumerate(chance.counts)
        ],
        columns=[t(f"chances.numbers.{column}") for column in _NUMBER_COLUMNS],
    ).drop_duplicates(ignore_index=True)


def title(chance: Chance) -> str:
    """The outcome as a heading: 'Had a complication'."""
    return capital(chance.outcome)


@kept
def cited_sources(
    content: Content, chances: list[Chance], also: frozenset[str] = frozenset()
) -> pd.DataFrame:
    """The sources of these chances and any others the page shows (`also`)."""
    return source_table(
        content.sources, only={source for chance in chances for source in chance.source_ids} | also
    )
