"""The comparison grid: options as columns, questions as rows, every cell with its sources."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

import pandas as pd

from explorer.data import Content
from explorer.schema import split_source_ids

@dataclass(frozen=True)
class Cell:
    option_id: str
    option_name: str
    answer: str
    source_ids: tuple[str, ...]
    certainty: str

    def evidence_line(self) -> str:
        sources = ", ".join(self.source_ids) if self.source_ids else "none"
        return f"How sure are we: {self.certainty}. Sources: {sources}."


@dataclass(frozen=True)
class Row:
    question_id: str
    question: str
    cells: tuple[Cell, ...]


def notes(content: Content, option_ids: Sequence[str]) -> list[str]:
    """Warnings that belong above the grid, e.g. that an option shown is investigational."""
    options = content.options.set_index("option_id")
    return [
        f"{options.at[option_id, 'name']} is investigational: not a proven or approved treatment for discs."
        for option_id in option_ids
        if options.at[option_id, "status"] == "investigational"
    ]


def rows(content: Content, option_ids: Sequence[str]) -> list[Row]:
    """One row per question, in question order; one cell per chosen option, in the given order."""
    # A plain dict, not pandas lookups: this runs on every rerun (50 cells, 3 lookups each).
    answers = {(answer.option_id, answer.question_id): answer for answer in content.answers.itertuples()}
    names = content.option_names()
    return [
        Row(
            question.question_id,
            question.question,
            tuple(
                Cell(
                    option_id,
                    names[option_id],
                    answers[option_id, question.question_id].answer,
                    tuple(split_source_ids(answers[option_id, question.question_id].source_ids)),
                    answers[option_id, question.question_id].certainty,
                )
                for option_id in option_ids
            ),
        )
        for question in content.questions.itertuples()
    ]


def cited_sources(content: Content, option_ids: Sequence[str]) -> pd.DataFrame:
    """The full citations behind the cells shown for these options, in source-id order."""
    shown = content.answers[content.answers["option_id"].isin(option_ids)]
    cited = {source for cell in shown["source_ids"] for source in split_source_ids(cell)}
    return source_table(content.sources[content.sources["source_id"].isin(cited)])


def source_table(sources: pd.DataFrame) -> pd.DataFrame:
    """Sources as people read them: id, citation, year and a link that opens in a browser."""
    table = sources.assign(
        link=sources["link"].map(lambda link: "https://doi.org/" + link[4:] if link.startswith("doi:") else link),
        number=sources["source_id"].str.extract(r"(\d+)", expand=False).astype(int),
    )
    return (
        table.sort_values(["number", "source_id"])
        .rename(columns={"source_id": "Source", "citation": "Citation", "year": "Year", "link": "Link"})
        [["Source", "Citation", "Year", "Link"]]
        .reset_index(drop=True)
    )
