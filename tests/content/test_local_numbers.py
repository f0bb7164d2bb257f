"""The line after Get help now's actions, for a reader outside the clinic's country: the sources
read for its example numbers are in the shipped sources table."""

from explorer.countries import ELSEWHERE_SOURCES


def test_the_sources_of_the_local_numbers_are_in_the_shipped_sources(shipped_content):
    assert set(ELSEWHERE_SOURCES) <= set(shipped_content.sources["source_id"])
