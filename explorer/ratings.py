"""The qualitative ratings as people read them: each option's level on each attribute in words,
with how sure we are. The charts and the comparison page's "At a glance" table are built from
these frames, so both show one truth."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
from babel.lists import format_list
from babel.numbers import format_decimal

from explorer import short_answers, situation
from explorer.compare import certainty_words
from explorer.data import Content
from explorer.markdown import Md, plain
from explorer.memo import kept
from explorer.populations import same_pain
from explorer.rules.vocabulary import CERTAINTY_LEVELS, MILESTONES, ROLE
from explorer.short_answers import group_standing
from explorer.words import current_language, t

# The burden scale is drawn in this many lightness steps, whatever an attribute's number of levels.
SHADES = 5
# What a cell holds: a level, a gap in the evidence, or a quality that does not apply to an
# option without a procedure (attributes.csv's without_procedure words, said in its place). The
# last two have no level and no shade, and are drawn unlike each other.
KNOWN, NOT_KNOWN, DOES_NOT_APPLY = "known", "not_known", "does_not_apply"


def not_known() -> str:
    """Shown where the evidence gives no level or no time; read by the charts and the alignment
    too. Looked up at each call, never at import, so the words follow the reader's language."""
    return t("ratings.not_known")


@kept
def attribute_names(content: Content) -> dict[str, str]:
    """Attribute id -> name, in display order."""
    return dict(zip(content.attributes["attribute_id"], content.attributes["name"]))


@kept
def first_pick(content: Content) -> str:
    """The quality the one-at-a-time chart opens on: the first in display order that is not
    already shown beside every chart (those have a role), so no id is fixed in code."""
    beside = {content.evidence_attribute, content.benefit_size_attribute}
    ids = list(content.attributes["attribute_id"])  # display order
    return next((attribute for attribute in ids if attribute not in beside), ids[0])


@kept
def description(content: Content, attribute_id: str) -> str:
    return content.attributes.set_index("attribute_id").at[attribute_id, "description"]


def shade(level, levels: int):
    """Step on the shared light-to-dark scale: level 1 -> 0 (lightest), the last level -> SHADES - 1."""
    if pd.isna(level):
        return pd.NA
    return int((level - 1) / (levels - 1) * (SHADES - 1) + 0.5)


# How a level's group stands to the reader's situation, where the glance marks it: the group is
# not in it (marked "*", not counted by What matters), or only partly ("†", counted: 8th review
# N3). Their keys under ratings.glance.
OTHER_GROUP, PARTLY = "not_about_you", "partly_about_you"


def standing(content: Content, population_id: str, situation_id: str) -> str | None:
    """THE rule for a level in a situation (ratings.csv's population_id): a level that is one
    group's result stands to the reader's situation as that group does (short_answers.
    group_standing, as for every "whose numbers" line): OTHER_GROUP or PARTLY is marked, each
    with its own mark and whose under the table; a group all in the situation needs no mark. A
    level said of the treatment itself (no group), or read with no situation chosen, is never
    marked (None)."""
    here = situation.known(content, situation_id)
    if not population_id or here == situation.NOT_SURE:
        return None
    found = group_standing(content, population_id, here)
    return found if found in (OTHER_GROUP, PARTLY) else None


# The group word a marked level carries in its glance cell (ratings.glance.other_group_in):
# the pain its people had when it is not the reader's kind, else "others" (other people).
OTHER_PEOPLE = "others"
NAMED_PAINS = ("back", "leg")


@kept
def group_words(content: Content, situation_id: str) -> dict[str, str]:
    """Population id -> the word for whose studies a marked level is, said in its glance cell so
    that a reader need not find the note under the table (3rd review finding 1): the kind of pain
    its people had where the reader's is another kind ("studies of back pain" for a sciatica
    reader), else "studies of other people" (they differ by how long, or by earlier surgery)."""
    here = situation.known(content, situation_id)
    bounds = content.situation_bounds.set_index("situation_id")["pain"]
    mine = bounds.get(here, "any")
    return {
        row.population_id: row.pain
        if row.pain in NAMED_PAINS and not same_pain(row.pain, mine)
        else OTHER_PEOPLE
        for row in content.populations.itertuples()
    }


@kept
def rated(
    content: Content, option_ids: Sequence[str], situation_id: str = situation.NOT_SURE
) -> pd.DataFrame:
    """One row per chosen option and attribute, options in the given order, attributes in
    display order: the level in words ("Not known" where it is, or why it does not apply), its
    shade and state, how sure we are, the sources, who the option was compared with in trials,
    and the option's benefit words: how big its extra benefit is and how sure we are
    of that, shown together so that certainty never reads as benefit. For a situation, a level
    from another group's studies says so in its words (`other_group`, `whose`)."""
    options = content.options.set_index("option_id").loc[list(option_ids)].reset_index()
    levels = content.attribute_levels
    level_counts = levels.groupby("attribute_id")["level"].max()
    rows = (
        content.ratings.merge(options[["option_id", "short_name"]], on="option_id")
        .merge(content.attributes[["attribute_id", "position", "name", "scale"]], on="attribute_id")
        .merge(levels, on=["attribute_id", "level"], how="left")
        .rename(columns={"short_name": "option", "name": "attribute"})
    )
    rows["option_order"] = rows["option_id"].map(
        {option_id: i for i, option_id in enumerate(option_ids)}
    )
    without = content.attributes.set_index("attribute_id")["without_procedure"]
    rows["state"] = [
        KNOWN
        if pd.notna(level)
        else DOES_NOT_APPLY
        if option_id == content.no_procedure_option and without.get(attribute_id, "")
        else NOT_KNOWN
        for option_id, attribute_id, level in zip(
            rows["option_id"], rows["attribute_id"], rows["level"]
        )
    ]
    rows["label"] = rows["label"].where(
        rows["state"] != DOES_NOT_APPLY, rows["attribute_id"].map(without)
    )
    rows["label"] = rows["label"].fillna(not_known())
    # Each known level's group against the situation, once: other people's levels are marked
    # and not counted by What matters; a group only partly in it is marked and counted.
    standings = pd.Series(
        [
            standing(content, population_id, situation_id) if state == KNOWN else None
            for state, population_id in zip(rows["state"], rows["population_id"])
        ],
        index=rows.index,
        dtype=object,
    )
    rows["other_group"] = standings == OTHER_GROUP
    words = group_words(content, situation_id)
    rows["in_cell"] = [
        t(f"ratings.glance.other_group_in.{words[population_id]}", label=label) if other else label
        for label, other, population_id in zip(
            rows["label"], rows["other_group"], rows["population_id"]
        )
    ]
    # How sure we are, in the glance: the reader's own grade first (5th review #7).
    grades = own_grades(content, option_ids, situation_id)
    own = (rows["attribute_id"] == content.evidence_attribute) & rows["option_id"].isin(grades)
    rows.loc[own, "in_cell"] = [
        own_grade_cell(grades[option_id], label, other, words[population_id])
        for option_id, label, other, population_id in zip(
            rows.loc[own, "option_id"],
            rows.loc[own, "label"],
            rows.loc[own, "other_group"],
            rows.loc[own, "population_id"],
        )
    ]
    # A level of a group only partly in the situation is counted, and says so with its mark;
    # not where the reader's own grade leads the cell (that grade is what is counted).
    rows["partly"] = (standings == PARTLY) & ~own
    rows.loc[rows["partly"], "in_cell"] = [
        t("ratings.glance.partly", label=label) for label in rows.loc[rows["partly"], "label"]
    ]
    # Its level on the evidence quality's scale, which What matters judges (6th review #7).
    rows["own_grade"] = rows["option_id"].map(grades).where(own)
    rows["own_level"] = pd.array(
        [grade_level(grade) if pd.notna(grade) else pd.NA for grade in rows["own_grade"]],
        dtype="Int64",
    )
    # A row is set apart when a cell still leads with other people's level.
    rows["apart"] = rows["other_group"] & ~own
    rows["label"] = [
        t("ratings.glance.other_group", label=label)
        if other
        else t("ratings.glance.partly", label=label)
        if partly
        else label
        for label, other, partly in zip(rows["label"], rows["other_group"], rows["partly"])
    ]
    numbers = own_numbers(content, option_ids, situation_id)
    rows["own_numbers"] = rows["option_id"].map({o: said for o, (_, said) in numbers.items()})
    rows["own_measure"] = rows["option_id"].map({o: measure for o, (measure, _) in numbers.items()})
    rows["whose"] = rows["population_id"].map(
        content.populations.set_index("population_id")["whose"]
    )
    rows["compared_with"] = rows["option_id"].map(
        content.options.set_index("option_id")["compared_with"]
    )
    rows["levels"] = rows["attribute_id"].map(level_counts)
    rows["shade"] = pd.array(
        [shade(level, n) for level, n in zip(rows["level"], rows["levels"])], dtype="Int64"
    )
    size, evidence = content.benefit_size_attribute, content.evidence_attribute
    rows["size_row"] = rows["attribute_id"] == size  # the level "Compared with" is about
    rows["evidence"] = rows["option_id"].map(
        {
            option_id: benefit_words(
                labels.get(size, not_known()), labels.get(evidence, not_known())
            )
            for option_id, labels in _labels_by_option(rows, (size, evidence)).items()
        }
    )
    columns = [
        "option_id",
        "option",
        "attribute_id",
        "attribute",
        "level",
        "levels",
        "label",
        "shade",
        "state",
        "scale",
        "certainty",
        "source_ids",
        "evidence",
        "compared_with",
        "other_group",
        "partly",
        "whose",
        "in_cell",
        "apart",
        "own_numbers",
        "own_measure",
        "own_grade",
        "own_level",
        "size_row",
    ]
    return rows.sort_values(["position", "option_order"])[columns].reset_index(drop=True)


@kept
def own_grades(content: Content, option_ids: Sequence[str], situation_id: str) -> dict[str, str]:
    """Option id -> its answer to "How sure are we?" for the situation (a certainty code), where
    that answer grades a study of people all in it (short_answers.quoted_standing): THE grade
    the glance shows first, so that one page gives one option one grade (5th review #7). A group
    only partly in it is not "people like you" (8th review N2)."""
    here = situation.known(content, situation_id)
    if here == situation.NOT_SURE:
        return {}
    found = short_answers.for_situation(content, here)
    questions = content.questions
    asked = questions.loc[questions[ROLE] == short_answers.CERTAINTY, "question_id"]
    return {
        option_id: found[option_id, question_id].certainty
        for option_id in option_ids
        for question_id in asked
        if (option_id, question_id) in found
        and short_answers.quoted_standing(content, found[option_id, question_id], here)
        == "about_you"
    }


def grade_level(grade: str) -> int:
    """The evidence quality's level for a certainty code: its levels are the grades in the codes'
    order, high first (attribute_levels.csv; a content test holds the data to it)."""
    return CERTAINTY_LEVELS.index(grade) + 1


def own_grade_cell(grade: str, label: str, other: bool, group_word: str) -> str:
    """The glance's cell for how sure we are where the reader's own grade exists: that grade,
    then the level from all the studies where it is another (other people's, named as such)."""
    mine = certainty_words(grade)
    mine = mine[:1].upper() + mine[1:]
    if other:
        return t(f"ratings.glance.own_grade_and.{group_word}", grade=mine, label=label)
    if label.lower() != certainty_words(grade).lower():
        return t("ratings.glance.own_grade_and.all", grade=mine, label=label)
    return t("ratings.glance.own_grade", grade=mine)


@kept
def own_numbers(
    content: Content, option_ids: Sequence[str], situation_id: str
) -> dict[str, tuple[str, str]]:
    """Option id -> what was measured (scores.csv's measure) and its benefit's averages on that
    0 to 10 scale in a study of people in the situation, at the start and at the last time
    given, in words ("From 8 to 5.2 by 6 months"): the glance's first row, so that the
    reader's own numbers are within two phone screens (5th review, section 2)."""
    here = situation.known(content, situation_id)
    if here == situation.NOT_SURE:
        return {}
    scores = content.scores[content.scores["kind"] == "benefit"].dropna(subset=["average"])
    # Its group tagged with the situation, as for a short answer quoted as about the reader.
    tagged = [
        group_standing(content, population_id, here) != "not_about_you"
        for population_id in scores["population_id"]
    ]
    scores = scores[tagged]
    said = {}
    for option_id in option_ids:
        mine = scores[scores["option_id"] == option_id]
        mine = mine[mine["measure"] == mine["measure"].iloc[0]] if len(mine) else mine  # one scale
        start, later = mine[mine["months"] == 0], mine[mine["months"] > 0]
        if start.empty or later.empty:
            continue
        first, last = start.iloc[0], later.sort_values("months").iloc[-1]
        said[option_id] = (
            first["measure"],
            t(
                "ratings.glance.own_numbers",
                start=format_decimal(first["average"], locale=current_language()),
                end=format_decimal(last["average"], locale=current_language()),
                count=int(last["months"]),
            ),
        )
    return said


def _labels_by_option(
    rows: pd.DataFrame, attribute_ids: Sequence[str]
) -> dict[str, dict[str, str]]:
    chosen = rows[rows["attribute_id"].isin(attribute_ids)]
    by_option: dict[str, dict[str, str]] = {option_id: {} for option_id in rows["option_id"]}
    for option_id, attribute_id, label in zip(
        chosen["option_id"], chosen["attribute_id"], chosen["label"]
    ):
        by_option[option_id][attribute_id] = label
    return by_option


def benefit_words(size: str, certainty: str) -> str:
    """How big the extra benefit is, with how sure we are of it: 'Benefit: small; certainty: moderate'."""
    return t("ratings.benefit_words", size=size.lower(), certainty=certainty.lower())


@kept
def rule(content: Content, attribute_id: str) -> str:
    """The one rule every option is rated by on this quality, in words."""
    return t(
        "ratings.rule", rule=content.attributes.set_index("attribute_id").at[attribute_id, "rule"]
    )


@kept
def rules_table(content: Content) -> pd.DataFrame:
    """Every quality with the rule its ratings follow."""
    return pd.DataFrame(
        {
            t("ratings.quality"): content.attributes["name"],
            t("ratings.rule_heading"): content.attributes["rule"],
        }
    )


@kept
def glance_table(rated_rows: pd.DataFrame) -> pd.DataFrame:
    """The table at a glance as one table, for the shared screen's first step and Charts:
    glance_parts without the reader's own numbers, which consult's steps show side by side
    (the shared screen has no room for a row more)."""
    first, apart = glance_parts(rated_rows, with_own_numbers=False)
    return first if apart is None else pd.concat([first, apart], ignore_index=True)


@kept
def glance_parts(
    rated_rows: pd.DataFrame, with_own_numbers: bool = True
) -> tuple[pd.DataFrame, pd.DataFrame | None]:
    """Attributes as rows, options as columns (short names, to fit a phone), each cell the
    level in words; first, who each option was compared with in trials, which the benefit rows
    ("better than the group it was compared with") are about. A level from other people's
    studies says whose in its cell, and its rows are set apart at the end, led by who each
    option was compared with (issue 33: numbers from other groups labelled and set apart, not
    the first a reader meets): the second part (None when nothing is set apart), which Compare
    draws under the note that says why they are marked, so that the note is within two phone
    screens (5th review M5). First of all (`with_own_numbers`), the reader's own study's numbers
    where there are any."""
    table = rated_rows.pivot(index="attribute", columns="option", values="in_cell")
    in_order = list(dict.fromkeys(rated_rows["attribute"]))
    apart = set(rated_rows.loc[rated_rows["apart"], "attribute"])
    attributes = [a for a in in_order if a not in apart]
    set_apart = [a for a in in_order if a in apart]
    options = list(dict.fromkeys(rated_rows["option"]))
    compared = rated_rows.drop_duplicates("option").set_index("option")["compared_with"]
    # Who it was compared with in trials is about how much better it was: marked, and set apart,
    # where that level is other people's (8th review N5: not where only another row is).
    size_rows = rated_rows[rated_rows["size_row"]]
    marked = set(size_rows.loc[size_rows["other_group"], "option"])
    compared = pd.Series(
        {
            option: t("ratings.glance.other_group", label=compared[option])
            if option in marked
            else compared[option]
            for option in options
        }
    )
    compared_row = pd.DataFrame([compared[options]], index=[t("ratings.glance.compared_with")])
    first = _own_numbers_row(rated_rows, options) if with_own_numbers else []
    if not set_apart:
        return _framed([*first, compared_row, table.loc[attributes, options]]), None
    if not marked:
        return (
            _framed([*first, compared_row, table.loc[attributes, options]]),
            _framed([table.loc[set_apart, options]]),
        )
    return (
        _framed([*first, table.loc[attributes, options]]),
        _framed([compared_row, table.loc[set_apart, options]]),
    )


def _framed(parts: list[pd.DataFrame]) -> pd.DataFrame:
    return pd.concat(parts).rename_axis(index=t("ratings.glance.what"), columns=None).reset_index()


def _own_numbers_row(rated_rows: pd.DataFrame, options: list[str]) -> list[pd.DataFrame]:
    """The reader's own study's numbers as the glance's first row, where any option has them."""
    by_option = rated_rows.drop_duplicates("option").set_index("option")
    numbers = by_option["own_numbers"]
    if numbers.isna().all():
        return []
    cells = numbers.fillna(t("ratings.glance.no_own_numbers"))
    measure = by_option["own_measure"].dropna().iloc[0]
    label = t(f"ratings.glance.own_numbers_row.{measure}")
    return [pd.DataFrame([cells[options]], index=[label])]


def other_group_note(rated_rows: pd.DataFrame) -> Md | None:
    """Beside the levels (under the glance, above the line-up), one note per mark: what it means
    (and whether What matters counts such levels), then whose studies they are (None when
    nothing is marked)."""
    text = other_group_text(rated_rows)
    return plain(text) if text else None


def other_group_text(rated_rows: pd.DataFrame) -> str:
    """other_group_note's words, for paper too ("" when nothing is marked): the star's key and
    whose studies those levels are, then the key of "†", in the words Chances labels such a group
    with (its group is named where its numbers are: no room on Compare's phone page for more)."""
    return _keyed(rated_rows, other_group_lines(rated_rows))


def other_group_keys(rated_rows: pd.DataFrame) -> str:
    """What each mark means, without whose studies they are ("" when nothing is marked): the
    consult overview's note, whose lines a tap away in its help. With all five options, seven
    groups' lines ran the note 60 px past the shared screen (17th review N4); each marked cell
    says the kind of studies itself."""
    return _keyed(rated_rows, [])


def _keyed(rated_rows: pd.DataFrame, lines: list[str]) -> str:
    """The star's key then `lines` (where a level is marked *), then the key of "†" (where one
    is marked so), as one paragraph, not a list: less room."""
    parts = [t("ratings.glance.other_group_key"), *lines] if rated_rows["other_group"].any() else []
    if rated_rows["partly"].any():
        parts.append(t("ratings.glance.partly_key"))
    return " ".join(parts)


def other_group_lines(rated_rows: pd.DataFrame) -> list[str]:
    """Whose studies the levels from other people's studies are: a line for each group, naming
    its options in their order."""
    options = list(dict.fromkeys(rated_rows["option"]))
    marked = rated_rows[rated_rows["other_group"]]
    pairs = set(zip(marked["option"], marked["whose"]))
    return [
        t(
            "ratings.glance.other_group_whose",
            option=format_list(
                [o for o in options if (o, whose) in pairs], locale=current_language()
            ),
            whose=whose,
        )
        for whose in dict.fromkeys(marked["whose"])
    ]


@kept
def ranked(rated_rows: pd.DataFrame, attribute_id: str) -> pd.DataFrame:
    """The options on one attribute, lighter burden first; ties keep the neutral order and
    options whose level is not known come last."""
    rows = rated_rows[rated_rows["attribute_id"] == attribute_id]
    order = rows.assign(unknown=rows["level"].isna(), known_level=rows["level"].fillna(0))
    return rows.loc[order.sort_values(["unknown", "known_level"], kind="stable").index].reset_index(
        drop=True
    )


@kept
def scale(content: Content, attribute_id: str) -> pd.DataFrame:
    """Every level of one attribute in words, lightest first, with its shade."""
    levels = content.attribute_levels[content.attribute_levels["attribute_id"] == attribute_id]
    count = int(levels["level"].max())
    return levels.assign(shade=[shade(level, count) for level in levels["level"]]).reset_index(
        drop=True
    )


@kept
def attribute_table(ranked_rows: pd.DataFrame) -> pd.DataFrame:
    """The same data as the one-attribute chart, in its order."""
    attribute = ranked_rows["attribute"].iloc[0]
    return pd.DataFrame(
        {
            t("ratings.attribute_table.option"): ranked_rows["option"],
            attribute: ranked_rows["label"],
            t("ratings.attribute_table.how_sure"): ranked_rows["certainty"].map(certainty_words),
            t("ratings.attribute_table.sources"): _sources(ranked_rows),
            t("ratings.benefit_heading"): ranked_rows["evidence"],
        }
    )


def in_weeks(weeks_min, weeks_max) -> str:
    """A recovery range in words, in whole weeks."""
    if pd.isna(weeks_min) or pd.isna(weeks_max):
        return not_known()
    if weeks_max == 0:
        return t("ratings.weeks.under_one")
    if weeks_min == weeks_max:
        return t("ratings.weeks.about", count=weeks_max)
    return t("ratings.weeks.range", low=weeks_min, high=weeks_max)


@kept
def recovery(content: Content, rated_rows: pd.DataFrame, milestone: str) -> pd.DataFrame:
    """Weeks until one milestone for the options in `rated_rows`, in their order, with the range
    in words and each option's benefit words."""
    if milestone not in MILESTONES:
        raise ValueError(f"unknown milestone {milestone!r}")
    options = rated_rows.drop_duplicates("option_id")[["option_id", "option", "evidence"]]
    rows = options.merge(
        content.recovery[content.recovery["milestone"] == milestone], on="option_id"
    )
    rows["in_weeks"] = [in_weeks(a, b) for a, b in zip(rows["weeks_min"], rows["weeks_max"])]
    return rows.reset_index(drop=True)


@kept
def recovery_table(recovery_rows: pd.DataFrame) -> pd.DataFrame:
    """The same data as a recovery chart."""
    return pd.DataFrame(
        {
            t("ratings.recovery_table.option"): recovery_rows["option"],
            t("ratings.recovery_table.weeks"): recovery_rows["in_weeks"],
            t("ratings.recovery_table.note"): recovery_rows["note"],
            t("ratings.recovery_table.how_sure"): recovery_rows["certainty"].map(certainty_words),
            t("ratings.recovery_table.sources"): _sources(recovery_rows),
        }
    )


def _sources(rows: pd.DataFrame) -> pd.Series:
    """Each row's source ids, or a word saying it has none."""
    return rows["source_ids"].replace("", t("sources.none"))
