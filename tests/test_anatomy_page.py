"""AppTest of the disc anatomy page: every state, its text, its link to the comparison, the chart."""

from __future__ import annotations

import pytest

from explorer import anatomy, url_params
from explorer.markdown import plain
from explorer.rules.vocabulary import DISC_STATES, SCAN_AGES
from explorer.words import t
from tests.apptest import listed_sources, open_page, page_links, texts
from tests.conftest import fixture_content

PAGE = "views/anatomy.py"
CONTENT = fixture_content()  # what the pages read
STATES = CONTENT.anatomy_states.set_index("state_id")


def images(at):
    return [img for image_list in at.get("image") for img in image_list.proto.imgs]


def compare_link(at):
    # The page's own link, not the header's step.
    [link] = [
        link
        for link in at.main.get("page_link")
        if link.proto.page.endswith("compare") and link.label != t("pages.compare.step")
    ]
    return link.proto


def check_state_shown(at, state):
    assert not at.exception
    assert at.radio[0].value == state
    # The address names the state; the first, shown by default, needs no parameter.
    assert at.query_params.get(url_params.STATE_PARAM, STATES.index[0]) == state
    row = STATES.loc[state]
    assert plain(row["name"]) in [h.value for h in at.header]
    body = texts(at)
    assert row["what_it_is"] in body and row["options_note"] in body
    assert anatomy.pictures_description(state) in body  # under the pictures, as read
    top, side = images(at)[:2]
    assert top.alt == anatomy.top_view_title(state) and side.alt == anatomy.side_view_title(state)
    # The link opens the comparison with this state's options chosen, "no procedure" among them.
    text = anatomy.state_text(CONTENT, state)
    link = compare_link(at)
    assert CONTENT.no_procedure_option in text.option_ids
    if len(text.option_ids) < len(CONTENT.options):
        expected = "&".join(f"options={option_id}" for option_id in text.option_ids)
    else:
        expected = ""  # every option: the comparison page's default needs no parameter
    assert link.query_string == expected
    assert link.label == text.compare_label


def test_the_page_opens_on_the_healthy_disc():
    at = open_page(PAGE)
    check_state_shown(at, "healthy")
    assert len(images(at)) == 2


def test_switching_through_every_state_redraws_and_relinks():
    at = open_page(PAGE)
    seen = set()
    for state in DISC_STATES:
        at.radio[0].set_value(state).run()
        check_state_shown(at, state)
        seen.add(images(at)[0].url)
    assert len(seen) == len(DISC_STATES)  # a different top view for every state


def test_a_link_opens_the_state_it_names():
    at = open_page(PAGE, state="herniation")
    check_state_shown(at, "herniation")
    types = images(at)[2]
    assert types.alt == t("anatomy.herniation_types.title")
    assert compare_link(at).query_string == "options=rest&options=nerve_block"


@pytest.mark.parametrize("value", ["slipped", "<script>", ""])
def test_an_unknown_state_in_the_link_shows_the_healthy_disc(value):
    at = open_page(PAGE, state=value)
    check_state_shown(at, "healthy")


def test_the_age_chart_has_alt_text_and_the_same_numbers_in_a_table():
    at = open_page(PAGE)
    [chart] = at.get("vega_lite_chart")
    assert chart.proto.alt == anatomy.findings_alt(CONTENT.scan_findings)
    assert t("anatomy.findings.out_of_100_axis") in chart.proto.spec
    [table] = at.table
    numbers = table.value
    assert list(numbers[t("anatomy.findings.age")].astype(int)) == list(SCAN_AGES)
    for row in CONTENT.scan_findings.itertuples():
        assert list(numbers[row.finding].astype(int)) == [
            getattr(row, f"age_{age}") for age in SCAN_AGES
        ]
    body = "\n".join(m.value for m in at.markdown)
    assert "does not prove it is the cause of your pain" in body
    assert "63 out of 100" in body


def test_the_page_lists_its_sources():
    at = open_page(PAGE)
    sources = set(listed_sources(at))
    assert "S105" in sources  # cited by the disc states and the scan findings
    assert sources <= set(CONTENT.sources["source_id"]) and "S107" not in sources


def test_the_page_list_has_the_page_after_start_here():
    at = open_page("app.py", mode="consult")  # the full list of names: the sidebar's
    labels = [link.proto.label for link in page_links(at)]
    assert labels[:2] == ["Start here", "Your disc: what can go wrong"]
