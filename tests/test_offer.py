"""The "Offered this by a clinic?" card (explorer/offer.py): shown for options by their status,
its rows in the order of their kinds, its trial drawn from the outcome stored once."""

from __future__ import annotations

from explorer import offer
from explorer.rules.vocabulary import OFFER_KINDS
from tests.conftest import loaded, read_rows, write_rows


def test_only_an_investigational_option_gets_a_card(content):
    statuses = dict(zip(content.options["option_id"], content.options["status"]))
    cards = offer.offers(content, list(statuses))
    assert [card.option_id for card in cards] == [
        option_id for option_id, status in statuses.items() if status == "investigational"
    ]


def test_the_card_follows_the_status_not_the_id(data_copy):
    # A clinic marks another option investigational and the gel implant established: the card
    # moves with the status, and rows of an option no longer investigational are not shown.
    rows = read_rows(data_copy / "options.csv")
    for row in rows:
        row["status"] = {"gel": "established", "nerve_block": "investigational"}.get(
            row["option_id"], row["status"]
        )
    write_rows(data_copy / "options.csv", rows)
    content = loaded(data_copy)
    [card] = offer.offers(content, list(content.option_names()))
    assert card.option_id == "nerve_block" and card.lines == ()


def test_the_lines_come_in_the_order_of_their_kinds_with_their_evidence(content):
    [card] = offer.offers(content, ["gel"])
    kinds = [line.kind for line in card.lines]
    assert kinds == sorted(kinds, key=OFFER_KINDS.index)
    [names] = card.said("names")
    assert names.text.startswith("Clinics sell it as GelSeal")
    assert "S104" in names.evidence() and card.source_ids() == {"S104", "S108"}


def test_the_trial_is_the_outcome_with_a_comparison_group_as_chances_stores_it(content):
    [card] = offer.offers(content, ["gel"])
    [trial] = card.trials
    assert trial.outcome_id == "met_aim"
    assert [count.low for count in trial.counts] == [27.5, 31.2]


def test_the_questions_are_the_same_for_any_option():
    asked = offer.questions()
    assert len(asked) == len(offer.QUESTIONS) and all(q.endswith("?") for q in asked)


def test_marketing_material_is_said_to_be_that_in_every_list_of_sources(content):
    from explorer import compare
    from explorer.words import t

    table = compare.source_table(content.sources, only={"S104", "S108"})
    citations = dict(zip(table[t("sources.source")], table[t("sources.citation")]))
    advert = content.sources.set_index("source_id").at["S108", "citation"]
    assert citations["S108"] == t("sources.marketing", citation=advert)
    assert t("sources.marketing", citation="") not in citations["S104"]
