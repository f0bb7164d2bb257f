"""Marketing material (sources.csv, marketing = yes: a clinic's, hospital's or inventor's own
pages) is said to be that wherever sources are listed, and is never the only source of anything
the app says: every row, and every key point, that cites it cites another source too (UX review
U8: S20 and S36 used as sources of facts)."""

from __future__ import annotations

from explorer.rules.files import FILES
from explorer.rules.vocabulary import MARKETING, split_ids, split_points


def marketing_ids(content) -> set[str]:
    sources = content.sources
    return set(sources.loc[sources["marketing"] == MARKETING, "source_id"])


def cited_groups(content):
    """Every group of sources cited together: a row's source_ids, and each key point's group."""
    for file in FILES:
        table = content.tables[file.name]
        for column in [
            c for c in table.columns if c.endswith("source_ids") or c.endswith("_sources")
        ]:
            for number, cell in enumerate(table[column], start=2):
                for group in split_points(cell) if "|" in str(cell) else [cell]:
                    yield file.name, number, column, set(split_ids(group))


def test_no_fact_rests_on_marketing_material_alone(shipped_content):
    marketing = marketing_ids(shipped_content)
    alone = [
        (file, row, column, sorted(group))
        for file, row, column, group in cited_groups(shipped_content)
        if group and group <= marketing
    ]
    assert not alone
