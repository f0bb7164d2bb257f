"""The shipped content (data/ and content/en/*.md) keeps the promises of a fair decision aid.

Each test is a rule that holds whatever options, questions and qualities a clinic lists: no
counts, no fixed lists of names. A clinic that adds an option through the CSV files alone keeps
these green (tests/test_new_option.py checks that on a copy of data/ with a sixth option). The
code is tested on the fixture data in tests/fixtures/data instead."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from explorer import anatomy, decide, ratings, safety, translations, words
from explorer.countries import COUNTRIES
from explorer.data import load_content
from explorer.rules.files import FILES, text_columns
from explorer.rules.vocabulary import (
    MILESTONES,
    NO_PROCEDURE_ROLE,
    NOT_KNOWN,
    PATIENTS,
    PLACEHOLDER,
    ROLE,
    split_ids,
    split_points,
)
from explorer.store import load_snapshot
from tests.conftest import ROOT, shipped_data

COPY = sorted((ROOT / "content" / "en").glob("*.md"))


def investigational(content) -> list[str]:
    options = content.options
    return list(options.loc[options["status"] == "investigational", "option_id"])


def answers_of(content, option_id: str) -> pd.DataFrame:
    answers = content.answers
    return answers[answers["option_id"] == option_id].set_index("question_id")


def patient_texts(content):
    """(file, column, text) of every cell that patients read."""
    for file in FILES:
        table = content.tables[file.name]
        for column in text_columns(file, PATIENTS):
            for text in table[column].astype(str):
                yield file.name, column, text


# ------------------------------------------------------------------------ the files pass the check
def test_the_shipped_data_passes_the_apps_check():
    result = load_content(shipped_data())
    assert [problem.message("en") for problem in result.problems] == []


def test_every_option_answers_every_question_once(shipped_content):
    content = shipped_content
    pairs = content.answers.groupby(["option_id", "question_id"]).size()
    expected = pd.MultiIndex.from_product(
        [content.options["option_id"], content.questions["question_id"]]
    )
    assert set(pairs.index) == set(expected)
    assert set(pairs) == {1}


def test_every_option_is_rated_on_every_quality_and_has_both_recovery_milestones(
    shipped_content,
):
    content = shipped_content
    for option_id in content.options["option_id"]:
        rated = content.ratings[content.ratings["option_id"] == option_id]
        assert set(rated["attribute_id"]) == set(content.attributes["attribute_id"]), option_id
        recovery = content.recovery[content.recovery["option_id"] == option_id]
        assert set(recovery["milestone"]) == set(MILESTONES), option_id


# ---------------------------------------------------------------------------- roles and order
def test_the_no_procedure_option_exists_comes_first_and_every_disc_state_offers_it(
    shipped_content,
):
    content = shipped_content
    [no_procedure] = content.options.loc[content.options[ROLE] == NO_PROCEDURE_ROLE, "option_id"]
    assert content.no_procedure_option == no_procedure
    assert content.options["option_id"].iloc[0] == no_procedure  # the neutral order starts here
    for state, option_ids in zip(
        content.anatomy_states["state_id"], content.anatomy_states["option_ids"]
    ):
        assert no_procedure in split_ids(option_ids), state


def test_a_healthy_disc_is_offered_only_the_no_procedure_option(shipped_content):
    healthy = anatomy.state_text(shipped_content, "healthy")
    assert healthy.option_ids == (shipped_content.no_procedure_option,)


def test_options_are_listed_from_least_to_most_invasive(shipped_content):
    # The neutral order: the quality the charts open on (how invasive) never goes down.
    content = shipped_content
    first = ratings.first_pick(content)
    levels = content.ratings[content.ratings["attribute_id"] == first].set_index("option_id")[
        "level"
    ]
    in_order = [levels[option_id] for option_id in content.options["option_id"]]
    assert all(pd.notna(level) for level in in_order)
    assert in_order == sorted(in_order)


def test_every_role_names_one_row(shipped_content):
    content = shipped_content
    for file in FILES:
        if file.roles:
            given = list(content.tables[file.name][ROLE])
            assert all(given.count(role) == 1 for role in file.roles), file.name


# ------------------------------------------------------------------- investigational options
def test_an_investigational_option_says_so_wherever_it_is_described(shipped_content):
    content = shipped_content
    first_question = content.questions["question_id"].iloc[0]  # "What is it?"
    for option_id in investigational(content):
        summary = content.options.set_index("option_id").at[option_id, "summary"]
        assert "investigational" in summary.lower(), option_id
        first_answer = answers_of(content, option_id).loc[first_question]
        assert "investigational" in first_answer["answer"].lower(), option_id
        assert "investigational" in first_answer["key_points"].lower(), option_id  # consult mode
        for state in content.anatomy_states["state_id"]:
            text = anatomy.state_text(content, state)
            if option_id in text.option_ids:
                assert "investigational" in text.options_note.lower(), (option_id, state)


def test_an_investigational_option_is_graded_very_low_or_not_known(shipped_content):
    for option_id in investigational(shipped_content):
        grades = set(answers_of(shipped_content, option_id)["certainty"])
        assert grades <= {"very low", NOT_KNOWN}, option_id


def test_an_investigational_options_benefit_is_said_in_people_out_of_100_over_a_time(
    shipped_content,
):
    # Its one trial's result, not a promise: "about 34 out of 100 ... at 26 weeks".
    content = shipped_content
    benefits = content.questions.set_index(ROLE).at["benefits", "question_id"]
    for option_id in investigational(content):
        answer = answers_of(content, option_id).at[benefits, "answer"]
        assert re.search(r"\b\d+ out of 100\b", answer), option_id
        assert re.search(r"\b\d+ (weeks|months|years)\b", answer), option_id


def test_an_investigational_option_shows_no_benefit_size(shipped_content):
    # Certainty is not benefit: whatever its grade, an option with no shown benefit says so.
    content = shipped_content
    size = content.benefit_size_attribute
    levels = content.attribute_levels
    heaviest = levels.loc[levels["attribute_id"] == size, "level"].max()
    by_option = content.ratings[content.ratings["attribute_id"] == size].set_index("option_id")
    for option_id in investigational(content):
        assert by_option.at[option_id, "level"] == heaviest, option_id


# --------------------------------------------------------------------- one truth, said honestly
def test_the_evidence_quality_matches_the_certainty_row_of_the_comparison(shipped_content):
    # The grade on the charts is the grade under "How sure are we?" on the comparison page.
    content = shipped_content
    certainty_question = content.questions.set_index(ROLE).at["certainty", "question_id"]
    words = ratings.rated(content, list(content.options["option_id"])).set_index(
        ["option_id", "attribute_id"]
    )["label"]
    for option_id in content.options["option_id"]:
        grade = answers_of(content, option_id).at[certainty_question, "certainty"]
        assert words[(option_id, content.evidence_attribute)].lower() == grade, option_id


def test_recovery_time_levels_agree_with_the_recovery_weeks(shipped_content):
    content = shipped_content
    usual = content.recovery[content.recovery["milestone"] == "usual_activities"].set_index(
        "option_id"
    )
    levels = content.ratings[content.ratings["attribute_id"] == "recovery_time"].set_index(
        "option_id"
    )["level"]
    # With no procedure there is no time off for one (its level), yet how soon a person in pain is
    # back to usual activities is not known: its weeks may stay empty (issue 33).
    procedures = [o for o in content.options["option_id"] if o != content.no_procedure_option]
    for option_id in procedures:
        assert pd.isna(levels[option_id]) == pd.isna(usual.at[option_id, "weeks_max"]), option_id
    known = levels[procedures].dropna().sort_values(kind="stable").index
    weeks = [usual.at[option_id, "weeks_max"] for option_id in known]
    assert weeks == sorted(weeks)  # a heavier level never means fewer weeks


def test_marketing_claims_are_not_repeated(shipped_content):
    text = " ".join(text for _, _, text in patient_texts(shipped_content)).lower()
    for claim in (
        "fda approved biologic",
        "repairs and seals",
        "leaky disc",
        "regenerat",
        "mainstay",
    ):
        assert claim not in text


def test_key_points_come_in_equal_detail_for_every_option(shipped_content):
    # The shared screen's short forms: as many points for every option on a question.
    answers = shipped_content.answers
    points = answers["key_points"].map(lambda cell: len(split_points(cell)))
    for question_id, counts in points.groupby(answers["question_id"]):
        assert counts.nunique() == 1, question_id


@pytest.mark.parametrize("language", words.languages())
def test_key_points_give_no_number_their_answer_does_not(language):
    # A key point shortens its answer: it never adds a claim, so never a number of its own.
    answers = load_snapshot(shipped_data()).content(language).answers
    for answer in answers.itertuples():
        given = set(re.findall(r"\d+", answer.answer))
        assert set(re.findall(r"\d+", answer.key_points)) <= given, (
            language,
            answer.option_id,
            answer.question_id,
        )


def test_numbers_are_people_out_of_100_not_percentages(shipped_content):
    texts = [*(text for _, _, text in patient_texts(shipped_content))]
    texts += [path.read_text(encoding="utf-8") for path in COPY]
    for text in texts:
        assert "%" not in text, text
        assert not re.search(r"\b1 in \d", text), text


# --------------------------------------------------------------------------------- sources
def test_every_graded_number_and_answer_cites_a_source(shipped_content):
    content = shipped_content
    for table in (content.answers, content.ratings, content.recovery, content.outcomes):
        graded = table[table["certainty"] != NOT_KNOWN]
        assert (graded["source_ids"].str.strip() != "").all()
    assert content.ratings.loc[content.ratings["certainty"] != NOT_KNOWN, "level"].notna().all()


def test_every_source_cited_anywhere_exists(shipped_content):
    content = shipped_content
    known = set(content.sources["source_id"])
    for file in FILES:
        table = content.tables[file.name]
        if "source_ids" in table.columns:
            cited = {s for cell in table["source_ids"] for s in split_ids(cell)}
            assert cited <= known, (file.name, cited - known)
    for path in COPY:  # the page text cites sources as (S40)
        cited = set(anatomy.SOURCE_ID_IN_TEXT.findall(path.read_text(encoding="utf-8")))
        assert cited <= known, (path.name, cited - known)


def test_what_a_clinician_checks_never_cites_a_source_nobody_read_for_it(shipped_content):
    # sources_not_read.csv lists sources cited once for text nobody here read in them (review N3:
    # a clinic's criteria shown as clinical checks, never read on the cited page).
    content = shipped_content
    not_read = set(content.sources_not_read["source_id"])
    checks = content.evaluation[content.evaluation["kind"] == "clinic_checks"]
    for row in checks.itertuples():
        assert not set(split_ids(row.source_ids)) & not_read, (row.option_id, row.position)


# Every procedure puts something through the skin, and every source we read on the harms of each
# gives infection (injection leaflets and reviews, the first fibrin study, the operations' leaflets
# and trials): so every procedure names it where its harms are told (review 30 and 13).
INFECTION = {"en": "infection", "es": "infecci"}


@pytest.mark.parametrize("language", sorted(INFECTION))
def test_the_harms_of_every_procedure_name_infection(language):
    content = load_snapshot(shipped_data()).content(language)
    harms_question = content.questions.loc[content.questions[ROLE] == "harms", "question_id"]
    no_procedure = content.options.loc[content.options[ROLE] == NO_PROCEDURE_ROLE, "option_id"]
    for option_id in set(content.options["option_id"]) - set(no_procedure):
        answers = answers_of(content, option_id).loc[list(harms_question), "answer"]
        outcomes = content.outcomes
        harms = outcomes[(outcomes["option_id"] == option_id) & (outcomes["kind"] == "harm")]
        told = " ".join([*answers, *harms["outcome"], *harms["note"]]).lower()
        assert INFECTION[language] in told, (language, option_id)


def test_every_outcome_names_who_when_and_its_comparison(shipped_content):
    outcomes = shipped_content.outcomes
    for column in ("group", "people", "time_frame", "source_ids"):
        assert (outcomes[column].str.strip() != "").all(), column
    compared = outcomes["comparison_group"] != ""
    assert outcomes.loc[compared, "comparison_count"].notna().all()
    assert outcomes.loc[~compared, "comparison_count"].isna().all()
    assert (outcomes["certainty"] != NOT_KNOWN).all()


# ------------------------------------------------------------------------------ warning signs
def test_warning_signs_send_people_to_emergency_care_with_every_placeholder_filled(
    shipped_content,
):
    groups = safety.warning_groups(shipped_content)
    assert groups and all(group.signs for group in groups)
    raw = shipped_content.warning_groups
    for placeholder in ("{emergency_service}", "{emergency_phone}"):
        assert raw["action"].str.contains(placeholder, regex=False).any(), placeholder
    for group in groups:
        assert not PLACEHOLDER.search(group.action), group.group_id
        assert split_ids(group.source_ids), group.group_id


def test_every_warning_group_and_every_sign_cites_a_source_that_exists(shipped_content):
    # A sign added to the box is traced to where it was read, not only to its group's sources.
    known = set(shipped_content.sources["source_id"])
    for table, name in (
        (shipped_content.warning_groups, "group_id"),
        (shipped_content.warning_signs, "sign"),
    ):
        for row in table.itertuples():
            cited = split_ids(row.source_ids)
            assert cited and set(cited) <= known, getattr(row, name)
    for group in safety.warning_groups(shipped_content):  # the box lists them all
        own = shipped_content.warning_signs
        signs = own[own["group_id"] == group.group_id]["source_ids"]
        assert {s for cell in signs for s in split_ids(cell)} <= set(split_ids(group.source_ids))


def test_warning_signs_name_numbers_and_services_only_by_placeholder():
    # They follow the clinic's country in every language (clinic.csv): a number or a service's
    # name written into an action would not (a US term beside a UK number, review finding C1).
    numbers = {n for country in COUNTRIES.values() for n in country.emergency_numbers}
    numbers |= {n for country in COUNTRIES.values() for n in country.urgent_numbers}
    snapshot = load_snapshot(shipped_data())
    for language in words.languages():
        actions = snapshot.own_words(language).get("warning_groups.csv")
        names = [
            text for key, text in words.catalogue(language).items() if key.startswith("country.")
        ]
        for action in [] if actions is None else actions["action"]:
            assert not set(re.findall(r"[0-9]+", action)) & numbers, (language, action)
            assert not [name for name in names if name.lower() in action.lower()], (
                language,
                action,
            )


@pytest.mark.parametrize(
    "name", [path.name for path in sorted((ROOT / "content" / "en").glob("*.*"))]
)
def test_page_text_never_counts_the_options(name):
    # "The five options" turns wrong when a clinic adds one: the copy says "the options".
    text = (ROOT / "content" / "en" / name).read_text(encoding="utf-8").lower()
    numbers = "two|three|four|five|six|seven|eight|nine|ten|[0-9]+"
    assert not re.search(rf"\b(the|all|these|our) ({numbers}) (treatment )?options\b", text)


def test_every_languages_data_words_pass():
    # data/<language>/ for each language: no bad cell, no unknown row. A row with no words yet, or
    # whose English changed since, shows its English and is listed by the data check: a reminder,
    # so a clinic's valid English edit never turns this red.
    snapshot = load_snapshot(shipped_data())
    assert snapshot.problems == (), [problem.message("en") for problem in snapshot.problems]
    for language, translation in snapshot.translations.items():
        assert set(translation.unreviewed) <= {f.name for f in translations.translated_files()}
        assert language in {"en", *(p.name for p in shipped_data().iterdir() if p.is_dir())}


def test_the_languages_with_a_validated_sure_wording_are_language_codes():
    # content/instruments.toml: any other language's page says its SURE wording is not validated.
    validated = decide._validated_languages(decide.INSTRUMENTS_FILE)
    assert all(translations.LANGUAGE_CODE.fullmatch(language) for language in validated)
