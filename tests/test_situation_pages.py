"""AppTest of the person's situation on the fixture data: every situation opens every page, an
unknown one means "not sure", the options aimed at it come first and the others are marked with
their reason and one click away, numbers say whose they are, and the summary states it."""

from __future__ import annotations

import pytest

from explorer import matched, situation
from explorer.markdown import plain
from explorer.situation import NOT_SURE
from explorer.ui import shell, url_state
from explorer.words import t
from tests.apptest import as_read, open_compare, open_page, page_links, texts
from tests.conftest import fixture_content, row_index, set_cell

CONTENT = fixture_content()
SITUATIONS = [NOT_SURE, *CONTENT.situations["situation_id"], "no_such_situation"]
# The pages with the situation chooser: every page that compares options.
CHOOSER_PAGES = ["app.py", *(f"views/{page}.py" for page in ("compare", "charts", "chances"))]
CHOOSER_PAGES += ["views/what_matters.py", "views/summary.py"]


def chooser(at):
    [pills] = [group for group in at.get("button_group") if group.key == "picked_situation"]
    return pills


@pytest.mark.parametrize("situation_id", SITUATIONS)
@pytest.mark.parametrize("page", [page.path for page in shell.PAGES])
def test_every_situation_opens_every_page_without_error(page, situation_id):
    at = open_page(page, situation=situation_id)
    assert not at.exception
    if page in CHOOSER_PAGES:
        assert chooser(at).value == situation.known(CONTENT, situation_id)


def test_choosing_a_situation_keeps_it_in_the_address_and_not_sure_needs_none():
    at = open_page("views/compare.py")
    assert chooser(at).value == NOT_SURE and at.multiselect[0].value == list(CONTENT.option_names())
    chooser(at).set_value("back_pain").run()
    assert at.query_params["situation"] == "back_pain"
    assert at.multiselect[0].value == situation.aimed_options(CONTENT, "back_pain")
    how = situation.how_to_tell(CONTENT, "back_pain")
    assert plain(how) in [caption.value for caption in at.caption]
    chooser(at).set_value(None).run()  # a pill clicked off: not sure
    assert "situation" not in at.query_params and not at.exception


@pytest.mark.parametrize("page", ["views/compare.py", "views/chances.py"])
def test_with_change_closed_the_page_shows_what_the_address_says_and_draws_no_controls(page):
    at = open_page(page, change_open=False, situation="leg_pain", options=["gel", "nonsense"])
    assert not at.exception
    assert not at.multiselect and not at.get("button_group")[1:]  # the language pills alone
    assert at.query_params["situation"] == "leg_pain"
    if page == "views/compare.py":
        assert at.query_params["options"] == "gel"  # the address tidied all the same
        assert as_read(at.markdown[0].value).endswith(CONTENT.short_names()["gel"])
    at.session_state[url_state.CHANGE_KEY] = True  # Change opened: the same view, now to change
    at.run()
    assert chooser(at).value == "leg_pain"


def test_the_options_set_apart_are_marked_with_their_reason_and_one_click_away():
    at = open_page("views/compare.py", situation="leg_pain")
    assert at.multiselect[0].value == ["rest", "nerve_block"]
    [gel] = situation.set_apart(CONTENT, "leg_pain")
    assert gel.line() in texts(at)
    assert gel.rule_line() in texts(at)  # in small print under its line
    at.button(key="show-too-gel").click().run()
    assert at.multiselect[0].value == ["rest", "nerve_block", "gel"]
    assert at.query_params["options"] == ["rest", "nerve_block", "gel"]
    assert gel.line() in texts(at)  # still marked once shown
    assert not [button for button in at.button if button.key == "show-too-gel"]


def test_a_chosen_option_set_apart_is_shown_after_those_aimed_at_the_situation(served_data_copy):
    path = served_data_copy / "option_fit.csv"  # the gel aimed at back pain, the nerve block not
    set_cell(path, row_index(path, option_id="gel", situation_id="back_pain"), "fit", "consider")
    at = open_page("views/charts.py", situation="back_pain", options=["nerve_block", "gel"])
    glance = at.table[0].value
    names = CONTENT.options.set_index("option_id")["short_name"]
    assert list(glance.columns)[1:] == [names["gel"], names["nerve_block"]]


def test_links_to_other_pages_carry_the_situation():
    at = open_page("views/compare.py", situation="back_pain")
    links = [link for link in at.main.get("page_link") if link.proto.page.endswith("charts")]
    assert links and "situation=back_pain" in links[0].proto.query_string
    assert all("situation=back_pain" in link.proto.query_string for link in page_links(at))


def test_consult_mode_sets_the_situation_in_one_click_at_the_top():
    at = open_page("views/compare.py", mode="consult")
    kinds = [type(node).__name__ for node in at.main]
    assert kinds.index("ButtonGroup") < kinds.index("Multiselect")
    assert chooser(at).options[0] == t("situation.not_sure_short")  # one line of short names
    chooser(at).set_value("leg_pain").run()
    assert at.query_params["situation"] == "leg_pain" and not at.exception
    captions = [caption.value for caption in at.caption]
    assert plain(situation.not_shown_line(CONTENT, "leg_pain", ["rest", "nerve_block"])) in captions
    at = open_page(
        "views/compare.py", mode="consult", situation="leg_pain", options=["gel"], question="gain"
    )
    [gel] = situation.set_apart(CONTENT, "leg_pain")
    # The level beside the name, its rule in the caption's help: every question fits the screen.
    [level] = [c for c in at.caption if c.value == plain(gel.level)]
    assert level.help == plain(gel.rule_line())


def test_the_evaluation_rows_follow_the_situation():
    every = texts(open_compare())
    leg = texts(open_compare(situation="leg_pain", options=["nerve_block"]))
    back = texts(open_compare(situation="back_pain", options=["nerve_block"]))
    say_for_leg = "A second trial took adults aged 18 to 70 with new and severe leg pain."
    say_for_back = "A trial in Norway took 80 adults with back pain alone."
    assert say_for_leg in every and say_for_back in every
    assert say_for_leg in leg and say_for_back not in leg
    assert say_for_back in back and say_for_leg not in back


def test_the_chances_page_puts_numbers_about_the_situation_first_and_labels_the_rest():
    # Nerve block's harms: one about back pain, one about leg pain only, behind its button.
    at = open_page("views/chances.py", situation="back_pain", option="nerve_block")
    at.session_state["other-groups"] = True
    at.run()
    headings = [as_read(heading.value) for heading in at.subheader]
    other_groups = t("chances.page.other_groups")
    # The harm about people with back pain first; the other groups' under their own button.
    assert other_groups in [as_read(expander.label) for expander in at.expander]
    assert headings.index("Had a serious problem") < headings.index("Felt better")
    warnings = [warning.value for warning in at.warning]
    assert any("people with leg pain from a disc" in w for w in warnings)
    # Nothing about back pain among its benefits: said, and the other group's set apart.
    assert t("chances.page.none_about_you") in [info.value for info in at.info]
    assert headings.index("Had a serious problem") < headings.index("Had a flare of pain")


def test_the_chances_page_leaves_out_new_pain_where_pain_has_lasted_long():
    at = open_page("views/chances.py", situation="back_pain", option="rest")
    assert "Fully recovered" not in [as_read(heading.value) for heading in at.subheader]
    at = open_page("views/chances.py", situation=NOT_SURE, option="rest")
    assert "Fully recovered" in [as_read(heading.value) for heading in at.subheader]


def test_the_chances_page_opens_on_an_option_aimed_at_the_situation_and_marks_the_others():
    at = open_page("views/chances.py", situation="back_pain")
    assert at.selectbox(key="picked_option").value == "rest"
    assert at.selectbox(key="picked_option").options[1:] == [
        t("situation.set_apart_choice", option=name)
        for name in ("Nerve block injection", "Disc gel implant")
    ]
    at = open_page("views/chances.py", situation="back_pain", option="gel")
    [fit] = [fit for fit in situation.set_apart(CONTENT, "back_pain") if fit.option_id == "gel"]
    assert plain(fit.line()) in [warning.value for warning in at.warning]
    assert plain(fit.rule_line()) in [caption.value for caption in at.caption]


def test_the_summary_states_the_situation_and_the_options_aimed_at_it():
    at = open_page("views/summary.py", situation="back_pain")
    shown = texts(at)
    for line in situation.summary_lines(CONTENT, "back_pain"):
        assert line in shown
    codes = [block.value for block in at.code]
    assert any(situation.note_lines(CONTENT, "back_pain")[0] in code for code in codes)
    assert any("situation=back_pain" in code for code in codes)  # the share link


def test_the_chances_page_says_the_studys_result_in_words_where_it_is_not_out_of_100():
    # Leg pain, rest: the trial of people with leg pain gave an average score, not "out of 100".
    at = open_page("views/chances.py", situation="leg_pain", option="rest")
    shown = texts(at)
    for short in matched.in_words(fixture_content(), "leg_pain", "rest")["benefit"]:
        assert short.text in shown
    infos = [info.value for info in at.info]
    # One note under the bars, not a second about "words above" (4th review N4).
    [scored] = matched.scores(fixture_content(), "leg_pain", "rest", "benefit")
    assert t("chances.score.only_bars_unread", count=scored.unread_months[0]) in infos
    assert t("chances.page.no_out_of_100") not in infos
    assert t("chances.page.none_about_you") not in infos


def test_the_chances_page_draws_other_groups_and_every_number_only_when_opened():
    at = open_page("views/chances.py", situation="back_pain", option="nerve_block")
    closed = [chart.proto.alt for chart in at.get("vega_lite_chart")]
    assert not any("people with leg pain from a disc" in w.value for w in at.warning)
    at.session_state["other-groups"] = True
    opened = [chart.proto.alt for chart in at.run().get("vega_lite_chart")]
    assert set(closed) < set(opened)
    assert any("people with leg pain from a disc" in w.value for w in at.warning)
    assert not at.table or len(at.table[-1].value) < 5  # the table of every number still closed
