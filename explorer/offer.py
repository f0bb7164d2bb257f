""" "Offered this by a clinic?": the card of an option whose status is investigational, for a
person a clinic is selling it to. Its words and sources are rows of offer.csv; its randomised
trial is drawn from outcomes.csv (the option's benefit beside its comparison group), so each
number and its certainty is stored once and shown the same here and on the Chances page. The
questions to ask the clinic are the catalogue's: they are the same for any such option."""

from __future__ import annotations

from dataclasses import dataclass

from explorer.chances import Chance, all_chances
from explorer.compare import evidence_line
from explorer.data import Content
from explorer.memo import kept
from explorer.rules.vocabulary import BENEFIT, INVESTIGATIONAL, OFFER_KINDS, split_ids
from explorer.words import t

QUESTIONS = ("registered", "results", "infection", "cost")


@dataclass(frozen=True)
class Line:
    """One thing the card says, with its sources and how sure we are."""

    kind: str
    text: str
    source_ids: tuple[str, ...]
    certainty: str

    def evidence(self) -> str:
        return evidence_line(self.certainty, self.source_ids)


@dataclass(frozen=True)
class Offer:
    option_id: str
    short_name: str
    lines: tuple[Line, ...]  # in the order of OFFER_KINDS, then position
    trials: tuple[Chance, ...]  # the option's benefits beside a randomised comparison group

    def title(self) -> str:
        return t("offer.title", option=self.short_name)

    def said(self, kind: str) -> list[Line]:
        return [line for line in self.lines if line.kind == kind]

    def source_ids(self) -> set[str]:
        return {s for line in self.lines for s in line.source_ids} | {
            s for chance in self.trials for s in chance.source_ids
        }


@kept
def cited(content: Content, option_ids: tuple[str, ...] | list[str]) -> frozenset[str]:
    """The sources of the cards of these options, for the page's list of sources."""
    return frozenset(s for card in offers(content, option_ids) for s in card.source_ids())


def questions() -> list[str]:
    """What to ask the clinic, whatever the option: a registered trial, its own results, what
    happens after a disc infection, the total cost."""
    return [t(f"offer.questions.{question}") for question in QUESTIONS]


@kept
def offers(content: Content, option_ids: tuple[str, ...] | list[str]) -> list[Offer]:
    """The card of each of these options whose status is investigational, in the given order
    (by status, never by id: a clinic's own investigational option gets one from its rows)."""
    options = content.options.set_index("option_id")
    chances = all_chances(content)
    cards = []
    for option_id in option_ids:
        if options.at[option_id, "status"] != INVESTIGATIONAL:
            continue
        rows = content.offer[content.offer["option_id"] == option_id]
        lines = sorted(
            (
                Line(row.kind, row.text, tuple(split_ids(row.source_ids)), row.certainty)
                for row in rows.itertuples()
            ),
            key=lambda line: OFFER_KINDS.index(line.kind),  # stable: positions kept within a kind
        )
        trials = tuple(
            chance
            for chance in chances
            if chance.option_id == option_id and chance.kind == BENEFIT and len(chance.counts) > 1
        )
        cards.append(Offer(option_id, options.at[option_id, "short_name"], tuple(lines), trials))
    return cards
