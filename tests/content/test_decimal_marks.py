"""Numbers a reader can trust: every decimal in the Spanish data texts uses the Spanish decimal
comma ("5,2", as Babel writes it for the Spanish short answers and charts), never a point, which a
reader in Spain reads as thousands; and a full answer (shown in every situation, long-lasting pain
too) gives no figure about new back pain."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from tests.conftest import shipped_data
from tests.content.test_short_answers import figures

# Columns of a data/es file that no reader sees: codes, fingerprints, the translation record and
# the release's version number (1.4 is a name, not a decimal).
_NOT_SHOWN = {"translated_from", "translated_by", "reviewed_by", "reviewed_on", "version"}
_DECIMAL_POINT = re.compile(r"\d\.\d")


def _shown_columns(frame: pd.DataFrame) -> list[str]:
    return [
        column
        for column in frame.columns
        if column not in _NOT_SHOWN and not column.endswith(("_id", "_ids"))
    ]


def test_no_spanish_text_a_reader_sees_has_a_decimal_point():
    found = []
    for path in sorted((shipped_data() / "es").glob("*.csv")):
        frame = pd.read_csv(path, dtype=str, keep_default_na=False)
        for column in _shown_columns(frame):
            found += [
                (path.name, column, text) for text in frame[column] if _DECIMAL_POINT.search(text)
            ]
    assert found == []


# How a full answer's sentence says its people's pain is new (under 2 weeks), per language.
NEW_PAIN = {
    "": re.compile(r"new (back )?pain|just started|started less than", re.IGNORECASE),
    "es": re.compile(r"dolor (de espalda )?nuevo|recién empezado|de menos de 2 semanas", re.I),
}


# "Half were back" is a figure too (50 out of 100).
_HALF = re.compile(r"\bhalf\b|\bla mitad\b", re.IGNORECASE)


@pytest.mark.parametrize("language", ["", "es"])
def test_no_full_answer_gives_a_figure_about_new_back_pain(language):
    """Full answers are not tagged to a situation, so one read in a long-lasting-pain view must
    not carry new back pain's numbers (4th review, finding 1): these belong in a group-tagged
    short answer or outcome, which long-lasting views leave out."""
    answers = pd.read_csv(shipped_data() / language / "answers.csv", dtype=str).fillna("")
    sentences = [
        sentence
        for text in answers["answer"]
        for sentence in re.split(r"(?<=[.!?])\s+", text)
        if NEW_PAIN[language].search(sentence)
    ]
    assert [s for s in sentences if figures(s) or _HALF.search(s)] == []
