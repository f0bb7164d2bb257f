"""Every patient-facing text reads at grade 8 or lower, with no sentence over 25 words."""

from __future__ import annotations

import gc

import pytest
from textstat.backend.utils import get_cmudict

from explorer import readability, schema
from explorer.data import load_content
from explorer.ui.shell import PATIENT_PAGES as PAGES
from tests.conftest import DATA, ROOT

TABLES = load_content(DATA).content.tables
SCORES = {score.name: score for score in readability.measure(PAGES, ROOT, TABLES)}


@pytest.mark.parametrize("name", SCORES)
def test_each_page_and_data_file_is_easy_to_read(name):
    score = SCORES[name]
    assert score.grade <= readability.MAX_GRADE, f"{name}: grade {score.grade}"
    assert not score.too_long, (
        f"{name}: sentences over {readability.MAX_SENTENCE_WORDS} words: {score.too_long}"
    )


def test_every_page_and_every_patient_column_is_scored():
    page_scores = [name for name in SCORES if name.startswith("Page: ")]
    assert len(page_scores) == len(PAGES)
    for file in schema.FILES:
        if readability.patient_columns(file):
            assert f"Data: {file.name}" in SCORES
    assert SCORES["Data: answers.csv"].words > 1000  # the comparison answers are in


def test_citations_and_ids_are_not_scored_as_patient_text():
    sources = next(file for file in schema.FILES if file.name == "sources.csv")
    assert readability.patient_columns(sources) == []
    answers = next(file for file in schema.FILES if file.name == "answers.csv")
    assert readability.patient_columns(answers) == ["answer"]


def test_markdown_is_stripped_and_every_block_ends_a_sentence():
    text = readability.markdown_to_text(
        "### Why\n\nSome **bold** words\n\n1. First step\n2. Second step."
    )
    assert text == "Why. Some bold words. First step. Second step."


def test_a_hard_text_fails_and_an_easy_one_passes():
    hard = readability.score(
        "hard",
        [
            "Notwithstanding considerable methodological heterogeneity, randomised investigations "
            "demonstrated statistically indistinguishable functional outcomes."
        ],
    )
    easy = readability.score("easy", ["You go home the same day. It takes about an hour."])
    assert hard.grade > readability.MAX_GRADE and not hard.passes
    assert easy.grade <= readability.MAX_GRADE and easy.passes


def test_a_long_sentence_fails_even_at_a_low_grade():
    long_sentence = " ".join(["we go to the park and then we go home"] * 3) + "."
    result = readability.score("long", [long_sentence])
    assert result.longest_sentence_words == 30 and result.too_long == (long_sentence,)


def test_procedure_names_and_glossary_words_count_as_short_words():
    text = ["Intra-annular fibrin injection is investigational."]
    plain = readability.score("plain", text)
    allowed = readability.score("allowed", text, ["Intra-annular fibrin injection"])
    assert allowed.grade < plain.grade
    assert allowed.words == plain.words  # sentence lengths still count every word


def test_measuring_leaves_no_pronouncing_dictionary_in_memory():
    # Kept in the server, textstat's 260,000-object dictionary makes every garbage collection slow.
    readability.measure(PAGES, ROOT, TABLES)
    assert get_cmudict.cache_info().currsize == 0
    gc.collect()
    assert not any(isinstance(o, dict) and len(o) > 100_000 for o in gc.get_objects())
