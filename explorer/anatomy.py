"""The disc anatomy page's content: the disc states (their looks, their words, the options aimed at
each), the labelled pictures of each state, the scan-findings table and the sources the page cites.
Pure functions: state in, words, SVG or table out.

The pictures are tables of parts (explorer/disc_views.py) written as SVG by explorer/drawing.py;
their words come from the text catalogue (content/en/anatomy.toml) and are escaped as they go in.
The scan-findings chart is explorer.charts.findings_chart."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from explorer import disc_views, situation
from explorer.compare import evidence_line, source_table
from explorer.data import Content
from explorer.disc_views import Look
from explorer.drawing import svg
from explorer.markdown import Md
from explorer.memo import kept
from explorer.rules.vocabulary import (
    DISC_STATES,
    SCAN_AGES,
    SOURCE_ID_PATTERN,
    age_column,
    split_ids,
)
from explorer.url_params import in_neutral_order, link_params
from explorer.words import t, t_md

# How each state is drawn, by the state ids of anatomy_states.csv (rules.vocabulary.DISC_STATES).
LOOKS = {
    "healthy": Look(),
    "tear": Look(fissure=True),
    "herniation": Look(herniation=True),
    "degenerated": Look(worn=True),
}


@kept
def look(state: str) -> Look:
    if state not in LOOKS:
        raise ValueError(f"unknown disc state {state!r}; expected one of {', '.join(DISC_STATES)}")
    return LOOKS[state]


# ---------------------------------------------------------------------------------------------
# What the pictures show, in words (content/en/anatomy.toml): each picture's accessible name and
# the page text.
@kept
def top_view_title(state: str) -> str:
    return t("anatomy.top_view_title", state=_state_words(state))


@kept
def side_view_title(state: str) -> str:
    return t("anatomy.side_view_title", state=_state_words(state))


def _state_words(state: str) -> str:
    look(state)
    return t(f"anatomy.states.{state}")


def top_view_description(state: str) -> str:
    look(state)
    return f"{t('anatomy.top_view.base')} {t(f'anatomy.top_view.change.{state}')}"


def side_view_description(state: str) -> str:
    look(state)
    return f"{t('anatomy.side_view.base')} {t(f'anatomy.side_view.change.{state}')}"


@kept
def pictures_description(state: str) -> str:
    """Both pictures in words, shown under them for everyone who cannot see them well."""
    return t(
        "anatomy.pictures_description",
        top=top_view_description(state),
        side=side_view_description(state),
    )


# ---------------------------------------------------------------------------------------------
# The pictures, named by those words. Each view of the disc: its table of parts, its height, its
# accessible name and description.
VIEWS = {
    "top": (disc_views.top_view, disc_views.TOP_HEIGHT, top_view_title, top_view_description),
    "side": (disc_views.side_view, disc_views.SIDE_HEIGHT, side_view_title, side_view_description),
}


@kept
def top_view_svg(state: str) -> str:
    """The disc from above in this state, every part labelled."""
    return _view_svg("top", state)


@kept
def side_view_svg(state: str) -> str:
    """The disc from the side in this state, between two vertebrae, every part labelled."""
    return _view_svg("side", state)


def _view_svg(view: str, state: str) -> str:
    parts, height, title, description = VIEWS[view]
    return svg(view, height, title(state), description(state), parts(look(state)))


@kept
def herniation_types_svg() -> str:
    title, description = (t(f"anatomy.herniation_types.{key}") for key in ("title", "description"))
    parts = disc_views.herniation_types()
    return svg("types", disc_views.TYPES_HEIGHT, title, description, parts)


# ---------------------------------------------------------------------------------------------
# How common scan findings are in people without back pain, by age (Brinjikji 2015, S40).
def findings_by_age(findings: pd.DataFrame) -> pd.DataFrame:
    """One row per finding and age: finding, age, out_of_100, in the files' finding order."""
    columns = {age_column(age): age for age in SCAN_AGES}
    long = findings.melt(
        id_vars=["finding"], value_vars=list(columns), var_name="age", value_name="out_of_100"
    )
    return long.assign(age=long["age"].map(columns)).reset_index(drop=True)


@kept
def findings_table(findings: pd.DataFrame) -> pd.DataFrame:
    """The chart's numbers as a table: one row per age, one column per finding."""
    table = findings_by_age(findings).pivot(index="age", columns="finding", values="out_of_100")
    table = table[list(findings["finding"])].reset_index()
    table.columns.name = None
    return table.rename(columns={"age": t("anatomy.findings.age")})


@kept
def findings_alt(findings: pd.DataFrame) -> str:
    """The chart's accessible name: what it shows and the end points of each line."""
    first, last = age_column(SCAN_AGES[0]), age_column(SCAN_AGES[-1])
    lines = "; ".join(
        t(
            "anatomy.findings.alt_line",
            finding=row.finding,
            first=row[first],
            first_age=SCAN_AGES[0],
            last=row[last],
            last_age=SCAN_AGES[-1],
        )
        for _, row in findings.iterrows()
    )
    return t("anatomy.findings.alt", lines=lines)


# ---------------------------------------------------------------------------------------------
# The words for each state, from data/anatomy_states.csv.
@dataclass(frozen=True)
class StateText:
    name: str
    what_it_is: str
    options_note: str
    evidence: str
    option_ids: tuple[str, ...]  # in the neutral order, always with "no procedure"
    option_names: str  # "No procedure, Steroid injection, Discectomy"
    compare_params: dict[str, list[str]]

    @property
    def compare_label(self) -> Md:
        return t_md("anatomy.compare_one" if len(self.option_ids) == 1 else "anatomy.compare_many")


@kept
def state_text(content: Content, state: str) -> StateText:
    row = content.anatomy_states.set_index("state_id").loc[state]
    all_ids = list(content.options["option_id"])
    option_ids = in_neutral_order(split_ids(row["option_ids"]), all_ids)
    short_names = dict(zip(content.options["option_id"], content.options["short_name"]))
    return StateText(
        name=row["name"],
        what_it_is=row["what_it_is"],
        options_note=row["options_note"],
        evidence=evidence_line(row["certainty"], split_ids(row["source_ids"])),
        option_ids=tuple(option_ids),
        option_names=", ".join(short_names[option_id] for option_id in option_ids),
        compare_params=link_params(option_ids, all_ids),
    )


@dataclass(frozen=True)
class StateOptions:
    """The options a state's row lists, as the person's situation sees them (situation.py's one
    fit rule): those aimed at the situation are named as aimed at this; the others are set apart
    with their level, as on the comparison page. With no situation chosen, all are aimed."""

    aimed_ids: tuple[str, ...]  # in the neutral order
    names: str  # of the aimed ones: "No procedure, Discectomy"
    set_apart: tuple[str, ...]  # "Steroid injection: Not recommended."
    situation_line: str | None  # which situation the list follows; None when not sure


@kept
def state_options(content: Content, state: str, situation_id: str) -> StateOptions:
    listed = state_text(content, state).option_ids
    apart = {fit.option_id: fit for fit in situation.set_apart(content, situation_id)}
    aimed = tuple(option_id for option_id in listed if option_id not in apart)
    short_names = dict(zip(content.options["option_id"], content.options["short_name"]))
    chosen = situation.known(content, situation_id) != situation.NOT_SURE
    return StateOptions(
        aimed_ids=aimed,
        names=", ".join(short_names[option_id] for option_id in aimed),
        set_apart=tuple(
            apart[option_id].short_line() for option_id in listed if option_id in apart
        ),
        situation_line=(
            t("anatomy.situation_line", situation=situation.name(content, situation_id))
            if chosen
            else None
        ),
    )


@kept
def findings_evidence(findings: pd.DataFrame) -> str:
    certainties = list(dict.fromkeys(findings["certainty"]))
    sources = list(
        dict.fromkeys(source for cell in findings["source_ids"] for source in split_ids(cell))
    )
    return evidence_line(certainties, sources)


# Source ids as they are cited in author-written text, "(S45)", "S44": the data's source-id
# pattern, found anywhere as a whole word instead of matching a whole cell.
SOURCE_ID_IN_TEXT = re.compile(rf"\b{SOURCE_ID_PATTERN.removeprefix('^').removesuffix('$')}\b")


@kept
def cited_sources(content: Content, page_texts: Iterable[str]) -> pd.DataFrame:
    """Every source the page cites: in the disc states, the scan findings and the page's text."""
    cited = {
        source
        for table in (content.anatomy_states, content.scan_findings)
        for cell in table["source_ids"]
        for source in split_ids(cell)
    }
    cited |= {source for text in page_texts for source in SOURCE_ID_IN_TEXT.findall(text)}
    return source_table(content.sources[content.sources["source_id"].isin(cited)])
