"""The comparison grid and the selection carried in the URL."""

from explorer import compare, home
from explorer.data import load_content
from explorer.url_params import OPTIONS_PARAM, in_neutral_order, link_params
from explorer.words import t
from tests.conftest import DATA

CONTENT = load_content(DATA).content
ALL = list(CONTENT.option_names())


def test_rows_follow_question_order_and_cells_follow_the_chosen_options():
    rows = compare.rows(CONTENT, ["fusion", "esi"])
    assert [row.question_id for row in rows] == list(CONTENT.questions["question_id"])
    assert all([cell.option_id for cell in row.cells] == ["fusion", "esi"] for row in rows)


def test_every_cell_carries_its_sources_and_certainty():
    for row in compare.rows(CONTENT, ALL):
        for cell in row.cells:
            assert cell.certainty in cell.evidence_line()
            assert all(source in cell.evidence_line() for source in cell.source_ids)


def test_investigational_note_only_when_fibrin_is_shown():
    assert compare.notes(CONTENT, ["esi", "fusion"]) == []
    [note] = compare.notes(CONTENT, ["esi", "fibrin"])
    assert note == t("compare.investigational", option="Intra-annular fibrin injection")


def test_cited_sources_are_exactly_those_behind_the_shown_cells():
    cited = set(compare.cited_sources(CONTENT, ["fibrin"])[t("sources.source")])
    assert "S31" in cited and "S33" in cited
    assert "S14" not in cited  # only cited by other options


def test_source_links_open_in_a_browser():
    links = compare.source_table(CONTENT.sources)[t("sources.link")]
    assert links.str.match(r"^https?://").all()
    assert "https://doi.org/10.1002/14651858.CD013577" in set(links)


def test_unknown_ids_are_dropped_and_order_is_neutral():
    assert in_neutral_order(["fusion", "bogus", "esi", "esi"], ALL) == ["esi", "fusion"]


def test_link_params_leave_out_the_default():
    assert link_params(ALL, ALL) == {}
    assert link_params(["fusion", "esi"], ALL) == {OPTIONS_PARAM: ["esi", "fusion"]}
    assert link_params(["nonsense"], ALL) == {}


def test_home_lists_every_option_once_and_marks_the_investigational_one():
    lines = home.option_lines(CONTENT)
    names, status = lines[t("home.options.option")], lines[t("home.options.status")]
    assert list(names) == list(CONTENT.options["name"])
    assert dict(zip(names, status))["Intra-annular fibrin injection"] == t(
        "home.status.investigational"
    )
