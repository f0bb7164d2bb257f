"""The shipped "Offered this by a clinic?" cards (data/offer.csv): rules, not counts, so that a
clinic's own investigational option keeps them green once it has its rows."""

from __future__ import annotations

from explorer import offer
from explorer.rules.vocabulary import INVESTIGATIONAL, OFFER_KINDS


def test_every_investigational_option_has_a_card_saying_each_thing(shipped_content):
    content = shipped_content
    for card in offer.offers(content, list(content.option_names())):
        kinds = {line.kind for line in card.lines}
        assert kinds == set(OFFER_KINDS), (card.option_id, set(OFFER_KINDS) - kinds)
        assert card.trials, card.option_id  # its trial pictured beside the comparison group


def test_card_rows_belong_only_to_investigational_options(shipped_content):
    statuses = shipped_content.options.set_index("option_id")["status"]
    assert set(statuses[shipped_content.offer["option_id"]]) <= {INVESTIGATIONAL}


def test_a_card_trial_is_the_same_judgement_as_on_the_chances_page(shipped_content):
    # Drawn from the outcome rows themselves: one number, one certainty, wherever shown.
    outcomes = shipped_content.outcomes.set_index(["option_id", "outcome_id"])
    for card in offer.offers(shipped_content, list(shipped_content.option_names())):
        for chance in card.trials:
            row = outcomes.loc[(card.option_id, chance.outcome_id)]
            assert chance.certainty == row["certainty"]
            assert chance.counts[0].low == row["count"]
