"""The anatomy page's words for each disc state, with the shipped content: plain and short."""

from __future__ import annotations

import re

import pytest
import textstat

from explorer import anatomy
from explorer.rules.vocabulary import DISC_STATES
from explorer.words import t
from tests.conftest import ROOT

ANATOMY_MARKDOWN = ("anatomy.md", "anatomy_scans.md", "anatomy_course.md")
PAGE_TEXTS = [
    (ROOT / "content" / "en" / name).read_text(encoding="utf-8") for name in ANATOMY_MARKDOWN
]


def page_text(content, state: str) -> str:
    text = anatomy.state_text(content, state)
    parts = [*PAGE_TEXTS, text.what_it_is, text.options_note, anatomy.pictures_description(state)]
    if state == "herniation":
        parts.append(t("anatomy.herniation_types.description"))
    return re.sub(r"\*\*|^- ", "", "\n".join(parts), flags=re.MULTILINE)


@pytest.mark.parametrize("state", DISC_STATES)
def test_the_page_reads_at_grade_8_or_below_with_short_sentences(shipped_content, state):
    text = page_text(shipped_content, state)
    assert textstat.flesch_kincaid_grade(text) <= 8
    sentences = [s for s in re.split(r"(?<=[.!?:])\s+", text) if s.strip()]
    assert max(len(s.split()) for s in sentences) <= 20, max(
        sentences, key=lambda s: len(s.split())
    )
