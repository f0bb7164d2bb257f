"""One pandera schema per data file: its columns, types, allowed values and the links to other
files. `refs` holds the ids other files define (explorer/rules/validation.py collects them)."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd
import pandera.pandas as pa

from explorer.countries import COUNTRIES, is_country_code
from explorer.rules.columns import (
    certainty,
    count,
    count_to,
    date,
    empty_only_when_not_known,
    id_list,
    key_points,
    known_ids,
    one_of,
    one_row,
    option_ids,
    out_of_100,
    plain_text,
    point_sources,
    points_sourced,
    position,
    position_in_group,
    reference,
    row_id,
    row_rule,
    same_for_each,
    source_ids,
    sourced_unless_not_known,
    version,
    whole_number,
)
from explorer.rules.said import expects, said
from explorer.rules.vocabulary import (
    ACTION_PLACEHOLDERS,
    AIMED_VALUES,
    ATTRIBUTE_SCALES,
    CERTAINTY_LEVELS,
    CHANGE_KINDS,
    DISC_STATES,
    EVALUATION_KINDS,
    EVERYONE_VALUES,
    EXPERTS,
    GROUP_PREVIOUS_SURGERY,
    LIGHTER_END,
    MARKETING_VALUES,
    MEASURES,
    MILESTONES,
    NO_PROCEDURE_ROLE,
    NOT_KNOWN,
    NUMBER,
    OFFER_KINDS,
    OFFERED_GROUPS,
    OPTION_STATUSES,
    OUTCOME_KINDS,
    PAINS,
    PLACEHOLDER,
    SCAN_AGES,
    SITUATION_PREVIOUS_SURGERY,
    SOURCE_ID_PATTERN,
    SPEED_MEASURES,
    STUDY_DESIGNS,
    age_column,
    level_key,
    split_ids,
)

# The ids each kind of row has, for the links between files: {'option': {'esi', ...}, ...}.
Refs = Mapping[str, set[str]]


def options_schema(refs: Refs) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "option_id": row_id(),
            "position": position(),
            "name": plain_text(unique=True),
            "short_name": plain_text(unique=True),
            "summary": plain_text(),
            # Who it was compared with in the trials behind its benefit ratings: the benefit
            # rows say "better than the group it was compared with", and this names that group.
            "compared_with": plain_text(),
            "status": one_of(OPTION_STATUSES),
            "source_ids": source_ids(refs["source"]),
        },
        name="options.csv",
    )


def questions_schema(refs: Refs) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "question_id": row_id(),
            "position": position(),
            "question": plain_text(unique=True),
        },
        name="questions.csv",
    )


def answers_schema(refs: Refs) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "option_id": reference(refs["option"], "option"),
            "question_id": reference(refs["question"], "question"),
            "answer": plain_text(),
            # The answer's short form for the shared screen (consult mode), each point sourced;
            # the first is also Compare's short answer where the situation has none of its own.
            "key_points": key_points(),
            "key_point_sources": point_sources(refs["source"]),
            "source_ids": source_ids(refs["source"], required=False),
            "certainty": certainty(),
        },
        checks=[
            sourced_unless_not_known(),
            points_sourced("key_points", "key_point_sources", "source_ids"),
        ],
        unique=["option_id", "question_id"],
        name="answers.csv",
    )


def short_answers_schema(refs: Refs) -> pa.DataFrameSchema:
    """Each option's short answer to one question for one situation, where the answer differs by
    situation; elsewhere the short answer is the full answer's first key point (answers.csv),
    stored only there. The number in it is about the people of `population_id` (empty when it
    has no number)."""
    return pa.DataFrameSchema(
        {
            "situation_id": reference(refs["situation"], "short_answer_situation"),
            "option_id": reference(refs["option"], "option"),
            "question_id": reference(refs["question"], "question"),
            "short_answer": plain_text(),
            "population_id": reference(refs["population"], "population", empty_allowed=True),
            "source_ids": source_ids(refs["source"], required=False),
            "certainty": certainty(),
        },
        checks=[sourced_unless_not_known()],
        unique=["situation_id", "option_id", "question_id"],
        name="short_answers.csv",
    )


def attributes_schema(refs: Refs) -> pa.DataFrameSchema:
    defined = refs["attribute_level"]
    return pa.DataFrameSchema(
        {
            "attribute_id": row_id(),
            "position": position(),
            "name": plain_text(unique=True),
            "description": plain_text(),
            # The one rule by which every option is rated on this quality, shown beside its chart.
            "rule": plain_text(),
            "lighter_end": pa.Column(
                str, pa.Check.isin([LIGHTER_END], error=expects("data_rule.lighter_end"))
            ),
            "scale": one_of(ATTRIBUTE_SCALES),
            # Where the quality does not apply to an option without a procedure (options.csv's
            # no_procedure role), the words saying so and why, shown in place of its level (the
            # rating there stays empty); empty where it applies to every option.
            "without_procedure": plain_text(required=False),
        },
        checks=[
            row_rule(
                "attribute_id",
                lambda df: df["attribute_id"].map(
                    lambda attribute: (
                        level_key(attribute, 1) in defined and level_key(attribute, 2) in defined
                    )
                ),
                said("data_rule.two_levels"),
            ),
        ],
        name="attributes.csv",
    )


def attribute_levels_schema(refs: Refs) -> pa.DataFrameSchema:
    def contiguous(df: pd.DataFrame) -> pd.Series:
        # Unique levels of 1 or more, none above the attribute's count: exactly 1, 2, ... n.
        levels = pd.to_numeric(df["level"], errors="coerce")
        return levels.isna() | (levels <= df.groupby("attribute_id")["level"].transform("size"))

    return pa.DataFrameSchema(
        {
            "attribute_id": reference(refs["attribute"], "attribute"),
            "level": pa.Column(
                int,
                pa.Check.ge(1, error=expects("data_rule.level")),
                coerce=True,
            ),
            "label": plain_text(
                pa.Check(
                    lambda s: s.str.strip().str.lower() != NOT_KNOWN,
                    error=expects("data_rule.level_label"),
                )
            ),
        },
        checks=[
            row_rule("level", contiguous, said("data_rule.levels_in_order")),
            row_rule(
                "label",
                lambda df: ~df.duplicated(["attribute_id", "label"], keep=False),
                said("data_rule.label_unique"),
            ),
        ],
        unique=["attribute_id", "level"],
        name="attribute_levels.csv",
    )


def ratings_schema(refs: Refs) -> pa.DataFrameSchema:
    """Each option's level on each quality. A level that is one group's result (a trial's
    comparison) names that group (`population_id`); empty where it is said of the treatment
    itself, the same for everyone. THE rule for a situation: a level whose group is not tagged
    with the reader's situation is shown marked as from studies of other people, and What
    matters does not count it (explorer/ratings.py, standing)."""
    defined = refs["attribute_level"]
    return pa.DataFrameSchema(
        {
            "option_id": reference(refs["option"], "option"),
            "attribute_id": reference(refs["attribute"], "attribute"),
            "level": pa.Column(str, metadata={NUMBER: "Int64"}),
            "population_id": reference(refs["population"], "population", empty_allowed=True),
            "source_ids": source_ids(refs["source"], required=False),
            "certainty": certainty(),
        },
        checks=[
            empty_only_when_not_known(
                "level",
                lambda df: pd.Series(
                    [
                        level_key(a, level) in defined
                        for a, level in zip(df["attribute_id"], df["level"])
                    ],
                    index=df.index,
                ),
                said("data_rule.rated_level"),
            ),
            sourced_unless_not_known(),
        ],
        unique=["option_id", "attribute_id"],
        name="ratings.csv",
    )


def _no_fewer_weeks_than_min(df: pd.DataFrame) -> pd.Series:
    # A weeks_min that is not a number is reported on its own cell, not here as well.
    weeks_min = pd.to_numeric(df["weeks_min"], errors="coerce")
    weeks_max = pd.to_numeric(df["weeks_max"], errors="coerce")
    return whole_number(df["weeks_max"]) & (weeks_min.isna() | (weeks_max >= weeks_min))


def recovery_schema(refs: Refs) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "option_id": reference(refs["option"], "option"),
            "milestone": one_of(MILESTONES),
            "weeks_min": pa.Column(str, metadata={NUMBER: "Int64"}),
            "weeks_max": pa.Column(str, metadata={NUMBER: "Int64"}),
            "note": plain_text(),
            "source_ids": source_ids(refs["source"], required=False),
            "certainty": certainty(),
        },
        checks=[
            empty_only_when_not_known(
                "weeks_min",
                lambda df: whole_number(df["weeks_min"]),
                said("data_rule.weeks_min"),
            ),
            empty_only_when_not_known(
                "weeks_max",
                _no_fewer_weeks_than_min,
                said("data_rule.weeks_max"),
            ),
            sourced_unless_not_known(),
        ],
        unique=["option_id", "milestone"],
        name="recovery.csv",
    )


def sources_schema(refs: Refs) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "source_id": pa.Column(
                str,
                pa.Check.str_matches(SOURCE_ID_PATTERN, error=expects("data_rule.source_id")),
                unique=True,
            ),
            "citation": plain_text(read_by=EXPERTS),
            "link": pa.Column(
                str,
                pa.Check.str_matches(r"^(https?://\S+|doi:\S+)$", error=expects("data_rule.link")),
            ),
            "year": pa.Column(
                int, pa.Check.in_range(1900, 2100, error=expects("data_rule.year")), coerce=True
            ),
            # "yes" for material written to sell a treatment; empty for every other source.
            "marketing": one_of(MARKETING_VALUES),
        },
        name="sources.csv",
    )


def sources_not_read_schema(refs: Refs) -> pa.DataFrameSchema:
    """Sources cited once for text that nobody here read in them: a rule test keeps them out of
    what a clinician checks."""
    return pa.DataFrameSchema(
        {
            "source_id": reference(refs["source"], "source"),
            "not_read": plain_text(read_by=EXPERTS),  # which part of it, and why
        },
        unique=["source_id"],
        name="sources_not_read.csv",
    )


def release_schema(refs: Refs) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "version": version(),
            "content_date": date(),
            "next_review_date": date(),
            "review_policy": plain_text(),
        },
        checks=one_row(),
        name="release.csv",
    )


def statements_schema(refs: Refs) -> pa.DataFrameSchema:
    known = refs.get("attribute", set())

    def all_known(cells: pd.Series) -> pd.Series:
        return cells.map(
            lambda cell: bool(split_ids(cell)) and all(a in known for a in split_ids(cell))
        )

    return pa.DataFrameSchema(
        {
            "statement_id": row_id(),
            "position": position(),
            "statement": plain_text(unique=True),
            "attribute_ids": pa.Column(
                str,
                pa.Check(
                    all_known, error=expects("data_rule.attribute_ids", known=known_ids(known))
                ),
            ),
            # Which levels of those attributes line up with the statement: 1 up to this one well,
            # this one and above poorly, any in between partly (level 1 is the lightest burden).
            "lines_up_well_to": pa.Column(
                int, pa.Check.ge(1, error=expects("data_rule.level_from_1")), coerce=True
            ),
            "lines_up_poorly_from": pa.Column(
                int, pa.Check.ge(2, error=expects("data_rule.level_from_2")), coerce=True
            ),
        },
        checks=row_rule(
            "lines_up_poorly_from",
            lambda df: (
                pd.to_numeric(df["lines_up_poorly_from"], errors="coerce")
                > pd.to_numeric(df["lines_up_well_to"], errors="coerce")
            ),
            said("data_rule.poorly_above_well"),
        ),
        name="statements.csv",
    )


def quiz_schema(refs: Refs) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "item_id": row_id(),
            "position": position(),
            "statement": plain_text(unique=True),
            "correct": pa.Column(
                str, pa.Check.isin(["true", "false"], error=expects("data_rule.true_or_false"))
            ),
            "explanation": plain_text(),
            "source_ids": source_ids(refs["source"]),
            # Shown only when one of these options is shown, and in these situations (or every
            # situation, or with every option, when empty).
            "option_ids": id_list(refs["option"], "option"),
            "situation_ids": id_list(refs["situation"], "situation"),
        },
        name="quiz.csv",
    )


def clinician_questions_schema(refs: Refs) -> pa.DataFrameSchema:
    known = refs["option"] | {"general"}
    return pa.DataFrameSchema(
        {
            "question_id": row_id(),
            "position": position(),
            "about": pa.Column(
                str,
                pa.Check.isin(sorted(known), error=expects("data_rule.about")),
            ),
            "question": plain_text(unique=True),
            # Asked only in these situations (in every one when empty).
            "situation_ids": id_list(refs["situation"], "situation"),
        },
        name="clinician_questions.csv",
    )


def anatomy_states_schema(refs: Refs) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "state_id": pa.Column(
                str,
                pa.Check.isin(
                    DISC_STATES,
                    error=expects("data_rule.disc_state", states=", ".join(DISC_STATES)),
                ),
                unique=True,
            ),
            "position": position(),
            "name": plain_text(unique=True),
            "what_it_is": plain_text(),
            "options_note": plain_text(),
            "option_ids": option_ids(refs["option"], refs[f"option.{NO_PROCEDURE_ROLE}"]),
            "source_ids": source_ids(refs["source"]),
            "certainty": certainty(),
        },
        checks=pa.Check(
            lambda df: set(DISC_STATES) <= set(df["state_id"]),
            error=expects("data_rule.every_disc_state", states=", ".join(DISC_STATES)),
        ),
        name="anatomy_states.csv",
    )


def scan_findings_schema(refs: Refs) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "finding_id": row_id(),
            "position": position(),
            "finding": plain_text(unique=True),
            **{age_column(age): out_of_100() for age in SCAN_AGES},
            "source_ids": source_ids(refs["source"]),
            "certainty": certainty(),
        },
        name="scan_findings.csv",
    )


def outcomes_schema(refs: Refs) -> pa.DataFrameSchema:
    # An outcome without a number is not listed: the page says "not known" for it.
    has_comparison = lambda df: df["comparison_group"] != ""  # noqa: E731
    return pa.DataFrameSchema(
        {
            "option_id": reference(refs["option"], "option"),
            "outcome_id": row_id(unique=False),
            "kind": one_of(OUTCOME_KINDS),
            "outcome": plain_text(),
            "group": plain_text(),
            "count": count(required=True),
            "count_to": count(required=False),
            # How many people the result is about, when fewer than 100 and there is no
            # comparison group: they are drawn as themselves ("3 of 15"), never as 100.
            "group_size": _group_size(),
            "comparison_group": plain_text(required=False),
            "comparison_count": count(required=False),
            "comparison_count_to": count(required=False),
            "people": plain_text(),
            "population_id": reference(refs["population"], "population"),
            "time_frame": plain_text(),
            # "yes" where the count is for everyone in a trial, both groups together.
            "everyone": one_of(EVERYONE_VALUES),
            # "group" or "comparison" where that group's count is the treatment it was offered
            # (people offered surgery who had it): drawn as neither a benefit nor a harm.
            "offered": one_of(OFFERED_GROUPS),
            "note": plain_text(required=False),
            "source_ids": source_ids(refs["source"]),
            "certainty": one_of(tuple(level for level in CERTAINTY_LEVELS if level != NOT_KNOWN)),
        },
        checks=[
            count_to("count_to", "count"),
            count_to("comparison_count_to", "comparison_count"),
            row_rule(
                "comparison_count",
                lambda df: has_comparison(df) == (df["comparison_count"] != ""),
                said("data_rule.comparison_count"),
            ),
            row_rule(
                "comparison_count_to",
                lambda df: has_comparison(df) | (df["comparison_count_to"] == ""),
                said("data_rule.comparison_count_to"),
            ),
            row_rule(
                "offered",
                lambda df: has_comparison(df) | (df["offered"] != "comparison"),
                said("data_rule.offered"),
            ),
            row_rule(
                "group_size",
                lambda df: ~has_comparison(df) | (df["group_size"] == ""),
                said("data_rule.group_size_alone"),
            ),
            same_for_each("outcome", "outcome_id"),
            same_for_each("kind", "outcome_id", allowed=OUTCOME_KINDS),
        ],
        unique=["option_id", "outcome_id"],
        name="outcomes.csv",
    )


def _group_size() -> pa.Column:
    def fewer_than_100(cells: pd.Series) -> pd.Series:
        size = pd.to_numeric(cells, errors="coerce")
        return (cells == "") | (whole_number(cells) & (size >= 1) & (size < 100))

    return pa.Column(
        str,
        pa.Check(fewer_than_100, error=expects("data_rule.group_size")),
        metadata={NUMBER: "Int64"},
    )


def situations_schema(refs: Refs) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "situation_id": row_id(),
            "position": position(),
            "name": plain_text(unique=True),
            "short_name": plain_text(unique=True),  # on a shared screen: every choice on one line
            "how_to_tell": plain_text(),
        },
        name="situations.csv",
    )


def fit_levels_schema(refs: Refs) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "fit": row_id(),
            "position": position(),
            "name": plain_text(unique=True),  # shown beside the fit, e.g. "Not recommended"
            # The one rule that puts an option at this level: which kind of guideline statement.
            "rule": plain_text(unique=True),
            "aimed": one_of(AIMED_VALUES),
        },
        name="fit_levels.csv",
    )


def option_fit_schema(refs: Refs) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "option_id": reference(refs["option"], "option"),
            "situation_id": reference(refs["situation"], "situation"),
            "fit": reference(refs["fit_level"], "fit_level"),
            "reason": plain_text(),
            "source_ids": source_ids(refs["source"]),
            "certainty": certainty(),
        },
        unique=["option_id", "situation_id"],
        name="option_fit.csv",
    )


def _weeks(required: bool) -> pa.Column:
    """Weeks of pain: a whole number, or (where allowed) empty for not known or no limit."""
    check = pa.Check(
        (lambda s: whole_number(s)) if required else (lambda s: (s == "") | whole_number(s)),
        error=expects("data_rule.weeks" if required else "data_rule.weeks_or_empty"),
    )
    return pa.Column(str, check, metadata={NUMBER: "Int64"})


def _weeks_in_order(df: pd.DataFrame) -> pd.Series:
    low = pd.to_numeric(df["weeks_from"], errors="coerce")
    high = pd.to_numeric(df["weeks_to"], errors="coerce")
    return (df["weeks_to"] == "") | (df["weeks_from"] == "") | (high >= low)


def _score(cells: pd.Series) -> pd.Series:
    numbers = pd.to_numeric(
        cells.where(cells.str.fullmatch(r"[0-9]+(\.[0-9]+)?"), None), errors="coerce"
    )
    return numbers.between(0, 10)


def scores_schema(refs: Refs) -> pa.DataFrameSchema:
    """A study's average on a 0 to 10 scale (leg pain) in each of its groups, at a time after
    the start (months; 0 is the start): drawn on Chances beside the short answer that says it,
    for the study of people in the reader's situation. An empty average is a time whose result
    we read only in words (the short answer says it): not drawn, and said so under the bars."""
    return pa.DataFrameSchema(
        {
            "population_id": reference(refs["population"], "population"),
            "option_id": reference(refs["option"], "option"),
            "kind": one_of(OUTCOME_KINDS),
            "measure": one_of(MEASURES),
            "months": pa.Column(
                str,
                pa.Check(whole_number, error=expects("data_rule.months")),
                metadata={NUMBER: "Int64"},
            ),
            "average": pa.Column(
                str,
                pa.Check(
                    lambda cells: (cells == "") | _score(cells),
                    error=expects("data_rule.out_of_10"),
                ),
                metadata={NUMBER: "float64"},
            ),
            "source_ids": source_ids(refs["source"]),
            "certainty": one_of(tuple(level for level in CERTAINTY_LEVELS if level != NOT_KNOWN)),
        },
        unique=["population_id", "option_id", "measure", "months"],
        name="scores.csv",
    )


def speeds_schema(refs: Refs) -> pa.DataFrameSchema:
    """How soon an outcome came in each group of a trial (an outcomes.csv row, named by its
    option and outcome): the weeks until `measure` (half_by: half the group had it) for the
    option's group and for its comparison group, drawn as bars on one scale of weeks."""
    return pa.DataFrameSchema(
        {
            "option_id": reference(refs["option"], "option"),
            "outcome_id": row_id(unique=False),
            "measure": one_of(SPEED_MEASURES),
            "weeks": _weeks(required=True),
            "comparison_weeks": _weeks(required=True),
            "source_ids": source_ids(refs["source"]),
            "certainty": one_of(tuple(level for level in CERTAINTY_LEVELS if level != NOT_KNOWN)),
        },
        unique=["option_id", "outcome_id", "measure"],
        name="speeds.csv",
    )


def situation_bounds_schema(refs: Refs) -> pa.DataFrameSchema:
    # Who a situation is about, in the terms populations.csv describes its groups in.
    return pa.DataFrameSchema(
        {
            "situation_id": reference(refs["situation"], "situation"),
            "pain": one_of(PAINS),
            "weeks_from": _weeks(required=True),
            "weeks_to": _weeks(required=False),  # below this many weeks; empty: no limit
            "previous_surgery": one_of(SITUATION_PREVIOUS_SURGERY),
        },
        checks=[row_rule("weeks_to", _weeks_in_order, said("data_rule.weeks_in_order"))],
        unique=["situation_id"],
        name="situation_bounds.csv",
    )


def populations_schema(refs: Refs) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "population_id": row_id(),
            "whose": plain_text(unique=True),
            # Empty when the people match none of the situations (brand-new back pain).
            "situation_ids": id_list(refs["situation"], "situation"),
            # What the study says of its people, to set against each situation's bounds.
            "design": one_of(STUDY_DESIGNS),
            "pain": one_of(PAINS),
            "weeks_from": _weeks(required=False),  # empty: not known
            "weeks_to": _weeks(required=False),  # empty: no limit, or not known
            "previous_surgery": one_of(GROUP_PREVIOUS_SURGERY),
        },
        checks=[row_rule("weeks_to", _weeks_in_order, said("data_rule.weeks_in_order"))],
        name="populations.csv",
    )


def evaluation_schema(refs: Refs) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "option_id": reference(refs["option"], "option"),
            "position": position_in_group(),
            "kind": one_of(EVALUATION_KINDS),
            # Empty when the row holds in every situation.
            "situation_ids": id_list(refs["situation"], "situation"),
            "text": plain_text(),
            "source_ids": source_ids(refs["source"]),
            "certainty": certainty(),
        },
        unique=["option_id", "position"],
        name="evaluation.csv",
    )


def offer_schema(refs: Refs) -> pa.DataFrameSchema:
    """What the "Offered this by a clinic?" card of an investigational option says; the app shows
    it for options whose status is investigational (tests/content checks none is left unshown)."""
    return pa.DataFrameSchema(
        {
            "option_id": reference(refs["option"], "option"),
            "position": position_in_group(),
            "kind": one_of(OFFER_KINDS),
            "text": plain_text(),
            "source_ids": source_ids(refs["source"]),
            "certainty": certainty(),
        },
        unique=["option_id", "position"],
        name="offer.csv",
    )


def _placeholders_known(cells: pd.Series) -> pd.Series:
    return cells.map(lambda cell: set(PLACEHOLDER.findall(cell)) <= set(ACTION_PLACEHOLDERS))


def warning_groups_schema(refs: Refs) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "group_id": row_id(),
            "position": position(),
            "heading": plain_text(),
            "action": plain_text(
                pa.Check(
                    _placeholders_known,
                    error=expects(
                        "data_rule.action",
                        placeholders=", ".join("{" + name + "}" for name in ACTION_PLACEHOLDERS),
                    ),
                )
            ),
            # The group's signs in a few words, for the summary's short list: the full list is
            # one click away on every page, and on paper in full.
            "short": plain_text(),
            "source_ids": source_ids(refs["source"]),
            "certainty": certainty(),
        },
        name="warning_groups.csv",
    )


def warning_signs_schema(refs: Refs) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "group_id": reference(refs["warning_group"], "warning_group"),
            "position": position_in_group(),
            "sign": plain_text(unique=True),
            # Each sign's own sources: a sign added to a group is traced to where it was read.
            "source_ids": source_ids(refs["source"]),
        },
        unique=["group_id", "position"],
        name="warning_signs.csv",
    )


def _country_emergency_number(df: pd.DataFrame) -> pd.Series:
    # A country the app does not know is reported on its own cell, not here as well.
    return pd.Series(
        [
            country not in COUNTRIES or number in COUNTRIES[country].emergency_numbers
            for country, number in zip(df["country"], df["emergency_phone"])
        ],
        index=df.index,
    )


def clinic_schema(refs: Refs) -> pa.DataFrameSchema:
    known = sorted(COUNTRIES)
    return pa.DataFrameSchema(
        {
            # The check that fails first is the one reported: not a code at all, then unknown.
            "country": pa.Column(
                str,
                [
                    pa.Check(
                        lambda s: s.map(is_country_code), error=expects("data_rule.country_code")
                    ),
                    pa.Check.isin(
                        known, error=expects("data_rule.country_known", known=", ".join(known))
                    ),
                ],
            ),
            "emergency_phone": pa.Column(str),  # one of its country's numbers: a rule below
            # The clinic's choice of line for urgent advice, its own or a national one.
            "urgent_phone": pa.Column(
                str,
                pa.Check.str_matches(
                    r"^\+?[0-9][0-9 ()-]{1,19}$", error=expects("data_rule.phone")
                ),
            ),
        },
        checks=[
            one_row(),
            row_rule(
                "emergency_phone",
                _country_emergency_number,
                said(
                    "data_rule.emergency_phone",
                    numbers="; ".join(
                        f"{code} {', '.join(COUNTRIES[code].emergency_numbers)}" for code in known
                    ),
                ),
            ),
        ],
        name="clinic.csv",
    )


def changelog_schema(refs: Refs) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "version": version(),
            "position": position(),
            "kind": one_of(CHANGE_KINDS),
            "finding": pa.Column(
                str,
                # A review's findings are numbered (3) or lettered by severity (C1, M4, m12).
                pa.Check.str_matches(
                    r"^([A-Za-z]?[0-9]+(\s*;\s*[A-Za-z]?[0-9]+)*)?$",
                    error=expects("data_rule.finding"),
                ),
            ),
            "change": plain_text(read_by=EXPERTS),
            "reason": plain_text(read_by=EXPERTS),
        },
        checks=row_rule(
            "finding",
            lambda df: (df["kind"] == "added") | (df["finding"].str.strip() != ""),
            said("data_rule.finding_given"),
        ),
        name="changelog.csv",
    )
