"""The comparison grid: options as columns, questions as rows, every cell with its sources."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cached_property

import pandas as pd

from explorer import safety
from explorer.data import Content
from explorer.markdown import Md, link
from explorer.memo import kept
from explorer.rules.vocabulary import MARKETING, split_ids, split_points
from explorer.text import markdown_table
from explorer.words import t, t_md


@dataclass(frozen=True)
class KeyPoint:
    """One point of an answer's short form, with the sources it comes from."""

    text: str
    source_ids: tuple[str, ...]

    def said(self) -> Md:
        """The point as a line of a list: its words, then its sources (none: not known)."""
        if not self.source_ids:
            return t_md("compare.key_point_unsourced", point=self.text)
        return t_md("compare.key_point", point=self.text, sources=", ".join(self.source_ids))


@dataclass(frozen=True)
class Lead:
    """What an option's full answer starts with for a reader in a situation: the claim its short
    answer quotes from one group of people in that situation (explorer/lead.py), labelled so."""

    label: str  # that it is about people in the reader's situation (or may include them)
    text: str
    note: str  # whose numbers they are, how sure we are of them, and the sources
    source_ids: tuple[str, ...]


@dataclass(frozen=True)
class Part:
    """One labelled part of a full answer: a label (or none), the words, and the line under them."""

    label: str
    text: str
    note: str

    def labelled(self) -> str:
        """The words after their label, as one line of text."""
        if not self.label:
            return self.text
        return t("compare.led.labelled", label=self.label, text=self.text)


@dataclass(frozen=True)
class Cell:
    option_id: str
    option_name: str
    answer: str
    source_ids: tuple[str, ...]
    certainty: str
    key_points: tuple[KeyPoint, ...] = ()  # the short form, for consult mode's shared screen
    short_name: str = ""  # the option's, to head a narrow column
    lead: Lead | None = None  # the claim about people in the reader's situation, first
    # The paragraph's label where its lead was just read above it (Compare): "What all the
    # studies say", so that it is not taken as about the reader's own group.
    answer_label: str = ""

    def evidence_line(self) -> str:
        return evidence_line(self.certainty, self.source_ids)

    def parts(self) -> tuple[Part, ...]:
        """The full answer as read: with a lead, that claim, then the paragraph on every group's
        studies under a label that says so (issue 33); without one, the paragraph alone."""
        general = Part(self.answer_label, self.answer, self.evidence_line())
        if self.lead is None:
            return (general,)
        lead = self.lead
        return Part(lead.label, lead.text, lead.note), replace(general, label=t("compare.led.all"))

    @property
    def cited_ids(self) -> tuple[str, ...]:
        """Every source the full answer cites, its lead's too."""
        lead = self.lead.source_ids if self.lead else ()
        return tuple(dict.fromkeys((*self.source_ids, *lead)))

    def certainty_line(self) -> str:
        """How sure we are, alone: under the key points, whose sources are beside each."""
        return t("compare.certainty_line", certainty=certainty_words(self.certainty))

    def key_point_list(self) -> Md:
        """The key points as one Markdown list, each point escaped."""
        return Md("\n").join(Md("- ") + point.said() for point in self.key_points)


def key_points(cell: str, sources: str) -> tuple[KeyPoint, ...]:
    """An answer's key points with their sources, from its two cells (see vocabulary.POINTS)."""
    groups = split_points(sources)
    return tuple(
        KeyPoint(point, tuple(split_ids(groups[n])) if groups else ())
        for n, point in enumerate(split_points(cell))
    )


def evidence_line(certainty: str | Sequence[str], source_ids: Sequence[str]) -> str:
    """The line under every piece of content: how sure we are (one certainty code, or several
    for content drawn from rows graded differently), and where it comes from."""
    codes = [certainty] if isinstance(certainty, str) else certainty
    sources = ", ".join(source_ids) if source_ids else t("sources.none")
    return t(
        "compare.evidence_line",
        certainty=", ".join(certainty_words(code) for code in codes),
        sources=sources,
    )


def certainty_words(code: str) -> str:
    """A certainty code of the data files (vocabulary.CERTAINTY_LEVELS) in the words spoken."""
    return t(f"certainty.{code}")


@dataclass(frozen=True)
class Row:
    question_id: str
    question: str
    cells: tuple[Cell, ...]

    @cached_property  # rows are kept (memo), so each row's table is built once
    def table(self) -> Md:
        """The row as one table: the options' names, their answers, then how sure we are and the
        sources of each (Markdown, every cell escaped)."""
        if not any(cell.lead for cell in self.cells):
            return markdown_table(
                [cell.option_name for cell in self.cells],
                [
                    [cell.parts()[0].labelled() for cell in self.cells],
                    [cell.evidence_line() for cell in self.cells],
                ],
            )
        # Each option's column: its lead and the line under it (empty without one), then the
        # paragraph on every group's studies and its line, so the options' parts line up.
        columns = [cell.parts() for cell in self.cells]
        parts = [column if len(column) == 2 else (None, *column) for column in columns]
        return markdown_table(
            [cell.option_name for cell in self.cells],
            [
                line
                for n in range(2)
                for line in (
                    [column[n].labelled() if column[n] else "" for column in parts],
                    [column[n].note if column[n] else "" for column in parts],
                )
            ],
        )


# The table at a glance is drawn open for up to this many options. Each option adds a line to
# every row of its phone cards: with three (the most any situation aims at) Compare fits seven phone
# screens; with five ("not sure") the table alone is about 1,900 px of a 390 px phone's cards and
# the page is over 8 screens (5,978 px, Spanish 6,735), so from four on it starts closed.
GLANCE_OPEN_UP_TO = 3


def glance_starts_open(option_ids: Sequence[str]) -> bool:
    """Whether Compare draws the table at a glance open, or closed behind a one-line key with
    every option's short answers below it in view."""
    return len(option_ids) <= GLANCE_OPEN_UP_TO


@kept
def notes(content: Content, option_ids: Sequence[str]) -> list[str]:
    """Warnings that belong above the grid, e.g. that an option shown is investigational."""
    options = content.options.set_index("option_id")
    return [
        t("compare.investigational", option=options.at[option_id, "name"])
        for option_id in option_ids
        if options.at[option_id, "status"] == "investigational"
    ]


@kept
def rows(content: Content, option_ids: Sequence[str]) -> list[Row]:
    """One row per question, in question order; one cell per chosen option, in the given order."""
    # A plain dict, not pandas lookups: this runs on every rerun (50 cells, 3 lookups each).
    answers = {
        (answer.option_id, answer.question_id): answer for answer in content.answers.itertuples()
    }
    names, short_names = content.option_names(), content.short_names()
    return [
        Row(
            question.question_id,
            question.question,
            tuple(
                _cell(answers[option_id, question.question_id], names, short_names)
                for option_id in option_ids
            ),
        )
        for question in content.questions.itertuples()
    ]


def _cell(answer, names: dict[str, str], short_names: dict[str, str]) -> Cell:
    return Cell(
        answer.option_id,
        names[answer.option_id],
        answer.answer,
        tuple(split_ids(answer.source_ids)),
        answer.certainty,
        key_points(answer.key_points, answer.key_point_sources),
        short_names[answer.option_id],
    )


@kept
def cited_sources(
    content: Content, option_ids: Sequence[str], also: set[str] = frozenset()
) -> pd.DataFrame:
    """The full citations behind the cells shown for these options, behind the warning signs
    shown with them and any others the page shows (`also`), in source-id order."""
    shown = set(option_ids)
    answers = content.answers
    cited = {
        source
        for option_id, cell in zip(answers["option_id"], answers["source_ids"])
        if option_id in shown
        for source in split_ids(cell)
    }
    return source_table(content.sources, only=cited | warning_sources(content) | also)


def warning_sources(content: Content) -> set[str]:
    return safety.cited_sources(content)


def source_table(sources: pd.DataFrame, only: set[str] | None = None) -> pd.DataFrame:
    """Sources as people read them: id, citation, year and a link that opens in a browser.
    Plain Python rather than pandas steps: it runs on every rerun of the comparison page."""
    chosen = sorted(
        (source for source in sources.itertuples() if only is None or source.source_id in only),
        key=lambda source: (int(re.search(r"\d+", source.source_id).group()), source.source_id),
    )
    return pd.DataFrame(
        {
            t("sources.source"): [source.source_id for source in chosen],
            t("sources.citation"): [_citation(source) for source in chosen],
            t("sources.year"): [source.year for source in chosen],
            t("sources.link"): [_web_link(source.link) for source in chosen],
        }
    )


def _citation(source) -> str:
    """The citation as read, marketing material said to be that wherever it is listed."""
    if source.marketing == MARKETING:
        return t("sources.marketing", citation=source.citation)
    return source.citation


@kept
def source_lines(sources: pd.DataFrame) -> list[str]:
    """A source_table as lines of text without their links, where space is short (the summary)."""
    return [
        t("sources.line", source=source, citation=citation, year=year)
        for source, citation, year, _ in sources.itertuples(index=False)
    ]


@kept
def source_list(sources: pd.DataFrame) -> Md:
    """A source_table as one Markdown list, the same on screen and on paper: a line per source,
    its web address a link. One element: an interactive table cost the browser about 40 ms on
    every change of the chosen options, printed blank and needed a second copy for paper."""
    return Md("\n").join(
        Md("- ")
        + t_md(
            "sources.line_with_link",
            source=source,
            citation=citation,
            year=year,
            link=link(address, address),
        )
        for source, citation, year, address in sources.itertuples(index=False)
    )


def _web_link(link: str) -> str:
    return "https://doi.org/" + link[4:] if link.startswith("doi:") else link
