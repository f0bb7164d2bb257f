"""What was done about each finding of a review of a translation (content/<language>/
review_answers.csv): every finding once, fixed or answered, with its reason and the files it
changed, and the same finding in data/changelog.csv with the same kind. Rules, not counts: a
language whose translation had no such review has no file."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from explorer import words
from explorer.rules.vocabulary import split_ids
from tests.conftest import ROOT, shipped_data

COLUMNS = ["finding", "file", "decision", "reason"]
DECISIONS = {"fixed", "answered"}  # the changelog's kinds for a review finding
ANSWERED = [
    path
    for language in words.languages()
    if (path := ROOT / "content" / language / "review_answers.csv").is_file()
]


def read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


@pytest.mark.parametrize("path", ANSWERED, ids=lambda path: path.parent.name)
def test_every_finding_is_fixed_or_answered_once_with_its_reason_and_files(path):
    columns, answers = read(path)
    assert columns == COLUMNS
    findings = [row["finding"] for row in answers]
    assert len(findings) == len(set(findings)), "a finding is listed twice"
    for row in answers:
        assert row["decision"] in DECISIONS, row["finding"]
        assert row["reason"].strip(), row["finding"]
        changed = split_ids(row["file"])
        assert changed and all((ROOT / file).is_file() for file in changed), row["finding"]


@pytest.mark.parametrize("path", ANSWERED, ids=lambda path: path.parent.name)
def test_every_finding_is_in_the_changelog_with_the_same_kind(path):
    logged: dict[str, set[str]] = {}
    for row in read(shipped_data() / "changelog.csv")[1]:
        for finding in split_ids(row["finding"]):
            logged.setdefault(finding, set()).add(row["kind"])
    for row in read(path)[1]:
        assert row["decision"] in logged.get(row["finding"], set()), row["finding"]
