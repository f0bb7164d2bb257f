"""Qualities that do not apply to the option without a procedure (UX re-review N6): "no
procedure, so no complication from one" is not a gap in the evidence, and not "none" either (its
medicines and exercise have side effects). attributes.csv's without_procedure words say so in
the cell, by one rule for whichever option has the no-procedure role."""

from __future__ import annotations

from explorer import ratings


def test_a_quality_that_does_not_apply_has_no_level_for_the_option_without_a_procedure(
    shipped_content,
):
    content = shipped_content
    words = content.attributes.set_index("attribute_id")["without_procedure"]
    not_for_it = [attribute_id for attribute_id, said in words.items() if said]
    mine = content.ratings[content.ratings["option_id"] == content.no_procedure_option]
    rated_there = mine[mine["attribute_id"].isin(not_for_it) & mine["level"].notna()]
    assert rated_there.empty, list(rated_there["attribute_id"])  # the words stand for its level


def test_every_cell_without_a_level_says_which_kind_of_gap_it_is(shipped_content):
    content = shipped_content
    rated = ratings.rated(content, list(content.options["option_id"]))
    no_level = rated[rated["level"].isna()]
    assert set(no_level["state"]) <= {ratings.NOT_KNOWN, ratings.DOES_NOT_APPLY}
    applies_not = no_level[no_level["state"] == ratings.DOES_NOT_APPLY]
    assert (applies_not["option_id"] == content.no_procedure_option).all()
    assert (applies_not["label"] != ratings.not_known()).all()
