"""How soon an outcome came in each group of a trial (speeds.csv): the weeks until half of each
group had it, pictured as bars on one scale of weeks. Faster relief of leg pain is the main reason
people choose surgery, and a count at 1 year (95 against 95 out of 100) hides it.

Each row belongs to one outcome of one option (an outcomes.csv row, its Chance), so it has that
outcome's groups, whose numbers they are, and where the Chance stands to the reader's situation.
It is drawn with the reader's own numbers when the trial was about people like them; as a
clearly labelled other group's picture when the trial was about the same kind of pain at another
time (early sciatica, for sciatica that has lasted longer); never for another kind of pain."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from explorer import chances, populations
from explorer.compare import evidence_line
from explorer.data import Content
from explorer.rules.vocabulary import split_ids
from explorer.situation import NOT_SURE
from explorer.words import t

ABOUT, OTHER = "about", "another"  # also the keys of their words (chances.speed.whose.*)


@dataclass(frozen=True)
class Speed:
    """One outcome's speed in both groups: the Chance it belongs to, the measure (half_by), the
    weeks of each group in the Chance's order, and how sure we are, from which sources."""

    chance: chances.Chance
    measure: str
    weeks: tuple[int, ...]
    source_ids: tuple[str, ...]
    certainty: str

    def rows(self) -> pd.DataFrame:
        """A bar per group: its words ('People offered early surgery: half felt recovered by
        about 4 weeks') and its weeks."""
        return pd.DataFrame(
            {
                "said": [
                    t(
                        f"chances.speed.bar.{self.measure}",
                        count=weeks,
                        group=count.group,
                        outcome=self.chance.outcome,
                    )
                    for count, weeks in zip(self.chance.counts, self.weeks)
                ],
                "weeks": list(self.weeks),
            }
        )

    def alt_text(self) -> str:
        return t(
            f"chances.speed.alt.{self.measure}",
            whose=self.chance.whose,
            rows="; ".join(self.rows()["said"]),
        )

    def evidence(self) -> str:
        return evidence_line(self.certainty, self.source_ids)


def _pain_fits(content: Content, chance_option: str, outcome_id: str, situation_id: str) -> bool:
    """Whether the trial's people had the kind of pain the situation is about (any, when the
    reader is not sure which situation is theirs)."""
    if situation_id == NOT_SURE:
        return True
    outcomes = content.outcomes.set_index(["option_id", "outcome_id"])
    population_id = outcomes.loc[(chance_option, outcome_id), "population_id"]
    group = content.populations.set_index("population_id").loc[population_id]
    bounds = content.situation_bounds.set_index("situation_id").loc[situation_id]
    return populations.same_pain(group["pain"], bounds["pain"])


def speeds(
    content: Content, every_chance: list[chances.Chance], option_id: str, situation_id: str
) -> dict[str, list[Speed]]:
    """The option's speeds, by where they are drawn: ABOUT (with the Chance they belong to,
    among the reader's own numbers) and OTHER (after the reader's own result, labelled as
    another group's)."""
    found: dict[str, list[Speed]] = {ABOUT: [], OTHER: []}
    own = {
        chance.outcome_id: chance
        for chance in every_chance
        if chance.option_id == option_id and situation_id not in chance.too_new_ids
    }
    for row in content.speeds[content.speeds["option_id"] == option_id].itertuples():
        chance = own.get(row.outcome_id)
        if chance is None or len(chance.counts) != 2:
            continue  # a speed is drawn beside its comparison group's, never alone
        if not _pain_fits(content, option_id, row.outcome_id, situation_id):
            continue
        where = ABOUT if chance.about(situation_id) or situation_id == NOT_SURE else OTHER
        found[where].append(
            Speed(
                chance,
                row.measure,
                (int(row.weeks), int(row.comparison_weeks)),
                tuple(split_ids(row.source_ids)),
                row.certainty,
            )
        )
    return found
