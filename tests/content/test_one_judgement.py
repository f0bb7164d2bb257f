"""One stored judgement per claim (issue 33 item 6, UX review U8): a statement about an option,
made from the same sources, carries one certainty wherever the data states it. The review found
a guideline claim graded "moderate" under Compare's question and "low" in a second guideline
section on the same page; that section is gone (what guidelines say is the comparison's own
question), and this rule keeps any other pair from drifting apart.

"The same statement" is read loosely, since a paraphrase is the usual way a claim gets stored
twice: two rows of any files with a certainty, about the same option, citing the same sources,
whose words overlap by a third or more (Jaccard). The pairs it found in the content before this
change were exactly the three guideline pairs the review saw (overlap 0.38 to 0.58); the closest
different claims overlap 0.28."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

import pytest

from explorer.rules.files import FILES, point_columns, text_columns
from explorer.rules.vocabulary import PATIENTS, split_ids

ALIKE = 1 / 3
WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Claim:
    file: str
    option_id: str
    text: str
    source_ids: frozenset[str]
    certainty: str

    def words(self) -> set[str]:
        return set(WORD.findall(self.text.lower()))


def claims(content) -> list[Claim]:
    """Every row with a certainty: its patient text (the short key points aside: they restate
    their answer under its one certainty), the option it is about and its sources."""
    found = []
    for file in FILES:
        table = content.tables[file.name]
        if not {"source_ids", "certainty"} <= set(table.columns):
            continue
        columns = [c for c in text_columns(file, PATIENTS) if c not in point_columns(file)]
        for row in table.to_dict("records"):
            text = " ".join(str(row[column]) for column in columns).strip()
            sources = frozenset(split_ids(row["source_ids"]))
            if text and sources:
                found.append(
                    Claim(file.name, row.get("option_id", ""), text, sources, row["certainty"])
                )
    return found


def twice_judged(found: list[Claim]) -> list[tuple[Claim, Claim]]:
    pairs = []
    for a, b in itertools.combinations(found, 2):
        if (a.option_id, a.source_ids) != (b.option_id, b.source_ids) or a.certainty == b.certainty:
            continue
        words_a, words_b = a.words(), b.words()
        if len(words_a & words_b) / len(words_a | words_b) >= ALIKE:
            pairs.append((a, b))
    return pairs


def test_no_claim_carries_two_certainties(shipped_content):
    pairs = twice_judged(claims(shipped_content))
    assert not pairs, [
        f"{a.file} ({a.certainty}) / {b.file} ({b.certainty}): {a.option_id}, {sorted(a.source_ids)}"
        for a, b in pairs
    ]


@pytest.mark.parametrize(
    "second, found",
    [
        ("NICE says start here, and the ACP says so too.", True),  # a paraphrase, graded anew
        ("Exercise eases pain a little in long-lasting back pain.", False),  # another claim
    ],
)
def test_a_paraphrase_graded_anew_is_found_and_another_claim_is_not(second, found):
    sources = frozenset({"S1"})
    first = Claim("answers.csv", "rest", "NICE and the ACP say to start here.", sources, "moderate")
    other = Claim("evaluation.csv", "rest", second, sources, "low")
    assert bool(twice_judged([first, other])) is found
