"""The comparison grid and the selection carried in the URL (on the fixture data)."""

from contextvars import copy_context

import pytest
from babel.lists import format_list

from explorer import compare, home, short_answers, words
from explorer.markdown import plain
from explorer.rules.vocabulary import CERTAINTY_LEVELS
from explorer.ui import widgets
from explorer.url_params import OPTIONS_PARAM, in_neutral_order, link_params
from explorer.words import t
from tests.apptest import table_cells
from tests.conftest import fixture_content, loaded


def test_rows_follow_question_order_and_cells_follow_the_chosen_options(content):
    rows = compare.rows(content, ["gel", "nerve_block"])
    assert [row.question_id for row in rows] == list(content.questions["question_id"])
    assert all([cell.option_id for cell in row.cells] == ["gel", "nerve_block"] for row in rows)


def test_every_cell_carries_its_sources_and_certainty(content):
    for row in compare.rows(content, list(content.option_names())):
        for cell in row.cells:
            assert cell.certainty in cell.evidence_line()
            assert all(source in cell.evidence_line() for source in cell.source_ids)


def test_investigational_note_only_when_the_investigational_option_is_shown(content):
    assert compare.notes(content, ["rest", "nerve_block"]) == []
    [note] = compare.notes(content, ["nerve_block", "gel"])
    assert note == t("compare.investigational", option="Disc gel implant")


def test_cited_sources_are_exactly_those_behind_the_shown_cells(content):
    cited = set(compare.cited_sources(content, ["gel"])[t("sources.source")])
    assert "S104" in cited
    assert "S102" not in cited and "S103" not in cited  # only cited by another option
    assert "S107" not in cited  # cited by nothing


def test_source_links_open_in_a_browser(content):
    links = compare.source_table(content.sources)[t("sources.link")]
    assert links.str.match(r"^https?://").all()
    assert "https://doi.org/10.1000/test.nerve" in set(links)  # from doi:10.1000/test.nerve


def test_the_source_list_has_a_line_per_source_with_its_link(content):
    table = compare.source_table(content.sources)
    lines = compare.source_list(table).splitlines()
    assert len(lines) == len(table)
    for line, (source, _, _, link) in zip(lines, table.itertuples(index=False)):
        assert line.startswith(f"- {plain(source)}")
        assert line.endswith(f"]({link})")  # the test links need no encoding


def test_the_source_list_shows_csv_text_as_typed_and_keeps_links_whole(content):
    sources = content.sources.head(1).assign(
        citation="**Bold** [a link](https://example.org) <b>tag</b>",
        link="https://example.org/trial_(2020)<x>",
    )
    [line] = compare.source_list(compare.source_table(sources)).splitlines()
    assert plain("**Bold** [a link](https://example.org) <b>tag</b>") in line
    # Parentheses and angle brackets would end the link early: percent-encoded.
    assert line.endswith("(https://example.org/trial_%282020%29%3Cx%3E)")


def test_unknown_ids_are_dropped_and_order_is_neutral(content):
    every = list(content.option_names())
    assert in_neutral_order(["gel", "bogus", "nerve_block", "nerve_block"], every) == [
        "nerve_block",
        "gel",
    ]


def test_link_params_leave_out_the_default(content):
    every = list(content.option_names())
    assert link_params(every, every) == {}
    assert link_params(["gel", "nerve_block"], every) == {OPTIONS_PARAM: ["nerve_block", "gel"]}
    assert link_params(["nonsense"], every) == {}


def test_home_lists_every_option_once_and_marks_the_investigational_one(content):
    lines = home.option_lines(content)
    names, status = lines[t("home.options.option")], lines[t("home.options.status")]
    assert list(names) == list(content.options["name"])
    assert dict(zip(names, status))["Disc gel implant"] == t("home.status.investigational")
    assert dict(zip(names, status))["Nerve block injection"] != t("home.status.investigational")


def test_each_question_reads_as_one_table_names_then_answers_then_evidence(content):
    [row] = [row for row in compare.rows(content, ["gel", "rest"]) if row.question_id == "gain"]
    names, answers, evidence = table_cells(row.table)
    assert names == [cell.option_name for cell in row.cells]
    assert answers == [cell.answer for cell in row.cells]
    assert evidence == [cell.evidence_line() for cell in row.cells]


@pytest.mark.parametrize("language", words.languages())
def test_how_sure_we_are_is_said_in_the_language_being_read(language):
    """The data files grade certainty with codes ("very low"); people read the catalogue's words."""
    said = words.catalogue(language)

    def in_language():
        words.use_language(language)
        each = [compare.evidence_line(code, ["S1"]) for code in CERTAINTY_LEVELS]
        return each, compare.evidence_line(["high", "low"], [])

    each, several = copy_context().run(in_language)
    for code, line in zip(CERTAINTY_LEVELS, each):
        assert said[f"certainty.{code}"] in line
    assert f"{said['certainty.high']}, {said['certainty.low']}" in several


def _tag(key: str) -> str:
    """The words before the certainty in a short answer's small print: "How sure"."""
    return t(key, option="", answer="", certainty="", sources="").split("(")[1].split(":")[0]


def test_a_short_answer_with_a_study_s_numbers_says_its_certainty_is_of_those_numbers():
    """The table at a glance grades the benefit over all the studies; a short answer quoting one
    study grades that study's numbers, another claim, and says so (UX re-review N6). In the
    fixture, leg pain's short answers: the rest one quotes a trial, the gel one has no number."""
    block = str(widgets.question_block(fixture_content(), "leg_pain", "gain", ("rest", "gel")))
    rest, gel = (line for line in block.split("\n") if line.startswith("- "))
    numbers, plainly = _tag("compare.short_answer_numbers"), _tag("compare.short_answer")
    assert numbers != plainly
    assert f"({numbers}:" in rest
    assert f"({plainly}:" in gel and numbers not in gel


def test_consult_says_a_short_answer_s_certainty_is_of_its_numbers_as_a_phone_does():
    """The same short answer in consult mode: its line under it says whose claim its grade is,
    the numbers' when it quotes a group's (fixture: leg pain's rest answer), else plainly."""
    shorts = short_answers.for_question(fixture_content(), "leg_pain", "gain", ("rest", "gel"))
    rest, gel = shorts
    numbers = t("compare.numbers_evidence_line", certainty="", sources="").split(":")[0]
    plainly = t("compare.evidence_line", certainty="", sources="").split(":")[0]
    assert rest.population_id and rest.evidence_line().startswith(numbers + ":")
    assert not gel.population_id and gel.evidence_line().startswith(plainly + ":")


def test_an_answer_on_how_sure_we_are_about_a_group_grades_its_studies_not_numbers(data_copy):
    """3rd review P1: a situation's answer to how sure we are, tagged with the group it grades,
    says so plainly ("How sure"), on a phone and in consult: it gives no numbers of its own."""
    with (data_copy / "short_answers.csv").open("a", encoding="utf-8") as rows:
        rows.write(
            "leg_pain,rest,how_sure,Low for people like you: one small trial.,leg_disc,S101,moderate\n"
        )
    content = loaded(data_copy)
    [rest] = short_answers.for_question(content, "leg_pain", "how_sure", ("rest",))
    plainly = t("compare.evidence_line", certainty="", sources="").split(":")[0]
    assert rest.population_id and not rest.of_numbers
    assert rest.evidence_line().startswith(plainly + ":")
    block = str(widgets.question_block(content, "leg_pain", "how_sure", ("rest",)))
    assert f"({_tag('compare.short_answer')}:" in block
    assert _tag("compare.short_answer_numbers") not in block


def test_a_groups_line_names_its_options_when_not_every_answer_is_that_groups():
    """16th review N3: under three answers, one group's line read as about all three. In the
    fixture's leg pain answers to "gain", rest's and the nerve block's are the trial's, gel's no
    group's: the line names the two. With rest and the nerve block alone, it names none."""
    content = fixture_content()
    whose = content.populations.set_index("population_id").at["leg_disc", "whose"]
    names = content.short_names()
    both = (names["rest"], names["nerve_block"])
    shorts = short_answers.for_question(content, "leg_pain", "gain", ("rest", "nerve_block", "gel"))
    standing = short_answers.group_standing(content, "leg_disc", "leg_pain")
    assert short_answers.whose_lines(content, shorts, "leg_pain") == [
        t(
            f"situation.numbers.for_options.{standing}",
            options=format_list(list(both), locale=words.LANGUAGE),
            whose=whose,
        )
    ]
    shorts = short_answers.for_question(content, "leg_pain", "gain", ("rest", "nerve_block"))
    assert short_answers.whose_lines(content, shorts, "leg_pain") == [
        t(f"situation.numbers.{standing}", whose=whose)
    ]


def test_other_groups_numbers_under_the_full_answers_leave_new_pain_out_of_long_pain(content):
    """Rest's number from back pain of 2 weeks is another group's for leg pain (which starts at 0
    weeks in the fixture), but never shown where pain has lasted 3 months or more (its tags)."""

    def whose(situation_id: str) -> set[str]:
        return {
            chance.whose
            for chance in short_answers.other_groups(content, "gain", ["rest"], situation_id)
        }

    new_pain = "people whose back pain had started in the last 2 weeks"
    assert new_pain in whose("leg_pain")
    assert new_pain not in whose("back_pain")
