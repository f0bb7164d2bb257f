"""'Who the studies took in' (evaluation.csv, trial_entry) says who could join a study (age,
pain and how long, country, how many), never what happened to them: results belong to the
comparison's answers and the Chances page, each stored once (UX review U8)."""

from __future__ import annotations

import re

# A result: people out of 100, a score out of 10 or 100, or what happened after a time.
RESULT = re.compile(r"out of 10\b|out of 100\b|\bpoints?\b|\bat \d+ (weeks|months|years)\b", re.I)


def test_who_the_studies_took_in_gives_no_results(shipped_content):
    evaluation = shipped_content.evaluation
    entries = evaluation[evaluation["kind"] == "trial_entry"]
    found = [
        (row.option_id, row.position, row.text)
        for row in entries.itertuples()
        if RESULT.search(row.text)
    ]
    assert not found
