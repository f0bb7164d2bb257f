"""One stored judgement per claim (issue 33 item 6, UX review U8): a statement about an option,
made from the same sources, carries one certainty wherever the data states it. The review found
a guideline claim graded "moderate" under Compare's question and "low" in a second guideline
section on the same page; that section is gone (what guidelines say is the comparison's own
question), and this rule keeps any other pair from drifting apart.

A claim is whatever a reader sees graded: every row with a certainty (its patient text), each
answer's first key point (the short answer wherever a situation has none of its own) and each
rating's level name (the line-up's words). "The same claim" is read loosely, since a paraphrase
is the usual way a claim gets stored twice: two claims about the same option, citing the same
sources, whose words overlap by a third or more (Jaccard); or, where one is a short claim (a key
point or a level name), three fifths or more of its words are in the other. The row rule found
the three guideline pairs the review saw (0.38 to 0.58; the closest different rows share 0.28).
The short-claim rule found two pairs later reviews saw ("Everyone: guidelines say to start here"
beside "NICE and the American College of Physicians say to start here", 0.67; "Home the same
day" beside "You go home the same day", 1.0); the closest different claims share 0.55 (an
operation on "a disc pressing on a nerve", and who it is for)."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

import pytest

from explorer.compare import key_points
from explorer.rules.files import FILES, point_columns, text_columns
from explorer.rules.vocabulary import PATIENTS, level_key, split_ids

ALIKE = 1 / 3
SHORT_IN_LONG = 3 / 5
FEWEST_WORDS = 3  # a level name of one or two words ("Low", "General (asleep)") says too little
WORD = re.compile(r"\w+")
# Words that join a claim but do not make it: a short claim is read by the rest of its words.
JOINING = frozenset(
    "a an and are as at be by for from in is it its of on or than that the this to was with"
    " you your more".split()
)


@dataclass(frozen=True)
class Claim:
    place: str
    option_id: str
    text: str
    source_ids: frozenset[str]
    certainty: str
    short: bool = False  # a key point or a level name, read whole inside a longer claim

    def words(self) -> set[str]:
        return set(WORD.findall(self.text.lower())) - JOINING


def claims(content) -> list[Claim]:
    return [*_rows(content), *_first_points(content), *_levels(content)]


def _rows(content):
    """Every row with a certainty: its patient text, the short key points aside (below)."""
    for file in FILES:
        table = content.tables[file.name]
        if not {"source_ids", "certainty"} <= set(table.columns):
            continue
        columns = [c for c in text_columns(file, PATIENTS) if c not in point_columns(file)]
        for row in table.to_dict("records"):
            text = " ".join(str(row[column]) for column in columns).strip()
            if text:
                yield Claim(
                    file.name,
                    row.get("option_id", ""),
                    text,
                    frozenset(split_ids(row["source_ids"])),
                    row["certainty"],
                )


def _first_points(content):
    """Each answer's first key point, under its answer's certainty, with its own sources."""
    for row in content.tables["answers.csv"].itertuples():
        first = key_points(row.key_points, row.key_point_sources)[0]
        where = f"answers.csv {row.question_id}, first key point"
        sources = frozenset(first.source_ids)
        yield Claim(where, row.option_id, first.text, sources, row.certainty, short=True)


def _levels(content):
    """Each rating as the line-up words it: its level's name."""
    names = {
        level_key(row.attribute_id, row.level): row.label
        for row in content.tables["attribute_levels.csv"].itertuples()
    }
    for row in content.tables["ratings.csv"].itertuples():
        name = names.get(level_key(row.attribute_id, row.level), "")
        yield Claim(
            f"ratings.csv {row.attribute_id}",
            row.option_id,
            name,
            frozenset(split_ids(row.source_ids)),
            row.certainty,
            short=True,
        )


def alike(a: Claim, b: Claim) -> bool:
    if not (a.short or b.short):
        words_a, words_b = a.words(), b.words()
        return len(words_a & words_b) >= ALIKE * len(words_a | words_b)
    shorter, longer = sorted((a.words(), b.words()), key=len)
    return len(shorter) >= FEWEST_WORDS and len(shorter & longer) >= SHORT_IN_LONG * len(shorter)


def twice_judged(found: list[Claim]) -> list[tuple[Claim, Claim]]:
    return [
        (a, b)
        for a, b in itertools.combinations(found, 2)
        if a.source_ids
        and (a.option_id, a.source_ids) == (b.option_id, b.source_ids)
        and a.certainty != b.certainty
        and alike(a, b)
    ]


def test_no_claim_carries_two_certainties(shipped_content):
    pairs = twice_judged(claims(shipped_content))
    assert not pairs, [
        f"{a.place} ({a.certainty}) / {b.place} ({b.certainty}): {a.option_id}, "
        f"{sorted(a.source_ids)}: {a.text[:60]!r} / {b.text[:60]!r}"
        for a, b in pairs
    ]


LONGER = (
    "Start with care that does not involve a procedure: exercise, advice, talking therapy and "
    "medicines. NICE and the ACP say so, and here in the UK most people begin with it."
)


@pytest.mark.parametrize(
    "second, short, found",
    [
        ("NICE says start here, and the ACP says so too.", False, True),  # a paraphrase
        ("Guidelines say to start here", True, True),  # the same claim as a key point
        ("Exercise eases pain a little in long-lasting back pain.", True, False),  # another
        ("Start here", True, False),  # too few words to be a claim of its own
        (LONGER, False, False),  # a longer row that says more: most of its words are others
    ],
)
def test_a_paraphrase_graded_anew_is_found_and_another_claim_is_not(second, short, found):
    sources = frozenset({"S1"})
    first = Claim("answers.csv", "rest", "NICE and the ACP say to start here.", sources, "moderate")
    other = Claim("evaluation.csv", "rest", second, sources, "low", short=short)
    assert bool(twice_judged([first, other])) is found


def test_a_short_claim_is_found_inside_a_longer_one():
    sources = frozenset({"S1"})
    point = Claim(
        "answers.csv, first key point",
        "rest",
        "NICE and the ACP say to start here.",
        sources,
        "moderate",
        short=True,
    )
    row = Claim("evaluation.csv", "rest", LONGER, sources, "low")
    assert twice_judged([point, row])


def test_the_same_words_from_other_sources_or_with_one_grade_are_not_a_pair():
    said = "NICE and the ACP say to start here."
    first = Claim("answers.csv", "rest", said, frozenset({"S1"}), "moderate")
    elsewhere = Claim("evaluation.csv", "rest", said, frozenset({"S2"}), "low")
    agreeing = Claim("evaluation.csv", "rest", said, frozenset({"S1"}), "moderate")
    assert not twice_judged([first, elsewhere, agreeing])


def test_the_line_ups_words_and_first_key_points_are_read_as_claims(shipped_content):
    places = {claim.place for claim in claims(shipped_content)}
    assert any(place.endswith("first key point") for place in places)
    assert any(place.startswith("ratings.csv ") for place in places)
