"""AppTest of the chances page: every outcome in the data renders with its alt text and table,
every option gets the same two headings, and the chosen option stays in the address."""

from __future__ import annotations

import json

import pytest

from explorer import chances, compare, matched, situation, speeds
from explorer.markdown import plain
from explorer.rules.vocabulary import HARM
from explorer.situation import NOT_SURE
from explorer.text import plain_table
from explorer.words import t
from tests.apptest import anchors, as_read, in_order, jumps, open_page, texts
from tests.conftest import fixture_content

PAGE = "views/chances.py"
CONTENT = fixture_content()  # what the pages read
EVERY_CHANCE = chances.all_chances(CONTENT)


@pytest.mark.parametrize("option_id", list(CONTENT.option_names()))
def test_every_outcome_of_every_option_renders_with_alt_text_and_a_table(option_id):
    at = open_page(PAGE, option=option_id)
    assert not at.exception
    expected = [
        c for shown in chances.by_kind(EVERY_CHANCE, option_id).values() for c in shown.about
    ]
    assert {c.outcome_id for c in expected} == {
        c.outcome_id for c in EVERY_CHANCE if c.option_id == option_id
    }
    # One picture per group, each named by its alt text, after how soon each group had it.
    soon = {
        speed.chance.outcome_id: [speed.alt_text()]
        for speed in speeds.speeds(CONTENT, EVERY_CHANCE, option_id, NOT_SURE)[speeds.ABOUT]
    }
    charts = at.get("vega_lite_chart")
    assert [chart.proto.alt for chart in charts] == [
        alt_text
        for c in expected
        for alt_text in soon.get(c.outcome_id, []) + (c.alt_texts() if c.drawable else [])
    ]
    # One table per outcome with its numbers; the table of every number only once opened.
    assert [list(table.value.columns) for table in at.table] == [
        list(plain_table(c.table()).columns) for c in expected
    ]
    at.session_state["all-numbers"] = True
    assert len(at.run().table[-1].value) == len(chances.numbers_table(EVERY_CHANCE))
    shown = texts(at)
    for chance in expected:
        assert all(sentence in shown for sentence in chance.sentences())
        assert all(line in shown for line in chance.details())
    headings = [as_read(h.value) for h in at.header]
    name = CONTENT.option_names()[option_id]
    assert headings[:2] == [
        t(f"chances.page.heading.{kind}", option=name) for kind in ("benefit", "harm")
    ]


def test_a_kind_without_numbers_says_not_known_under_its_heading():
    # Rest has a number for a benefit but none for a harm: "Not known" under that heading only.
    at = open_page(PAGE, option="rest")
    assert at.get("vega_lite_chart")
    assert texts(at).count(t("chances.not_counted")) == 1


def test_a_chance_too_rare_to_draw_is_said_in_words():
    at = open_page(PAGE, option="nerve_block")
    assert t("chances.too_rare") in texts(at)
    [rare] = [
        c for c in EVERY_CHANCE if (c.option_id, c.outcome_id) == ("nerve_block", "serious_problem")
    ]
    assert rare.sentences()[0] in texts(at)


def test_the_investigational_option_is_marked():
    at = open_page(PAGE, option="gel")
    [note] = compare.notes(CONTENT, ["gel"])
    assert plain(note) in [warning.value for warning in at.warning]


def test_picking_an_option_changes_the_pictures_and_the_address():
    at = open_page(PAGE)
    assert at.selectbox(key="picked_option").value == "rest"
    at.selectbox(key="picked_option").select("nerve_block").run()
    assert at.query_params["option"] == "nerve_block"
    assert "People given a nerve block" in at.get("vega_lite_chart")[0].proto.alt


def test_an_unknown_option_in_the_address_shows_the_first():
    at = open_page(PAGE, option="magic_cure")
    assert not at.exception
    assert at.selectbox(key="picked_option").value == CONTENT.options["option_id"].iloc[0]


def test_a_different_time_frame_is_said_on_the_page():
    at = open_page(PAGE, option="gel")
    [flare] = [c for c in EVERY_CHANCE if (c.option_id, c.outcome_id) == ("gel", "flare")]
    lead, *others = chances.time_frame_warning(EVERY_CHANCE, flare)
    [warning] = [as_read(w.value) for w in at.warning if as_read(w.value).startswith(lead)]
    assert warning == "\n\n".join([lead, "\n".join(f"- {line}" for line in others)])
    at = open_page(PAGE, option="rest")  # its one outcome has the same time frame everywhere
    assert not any(as_read(w.value).startswith(lead) for w in at.warning)


def test_all_the_numbers_for_long_lasting_pain_say_what_is_left_out():
    at = open_page(PAGE, option="rest", situation="back_pain")
    at.session_state["all-numbers"] = True
    at.run()
    whose = t("chances.numbers.whose")
    assert t("chances.page.all_numbers_left_out") in [as_read(c.value) for c in at.caption]
    assert "people whose back pain had started in the last 2 weeks" not in {
        cell for table in at.table for cell in table.value.get(whose, [])
    }


def test_all_the_numbers_in_three_groups_for_the_options_being_viewed_only():
    """Leg pain: rest and the nerve block are aimed at it, so viewed; the gel's rows are not in
    this view. The three groups come in their order, each under its label."""
    at = open_page(PAGE, option="nerve_block", situation="leg_pain")
    at.session_state["all-numbers"] = True
    at.run()
    numbers = chances.numbers_tables(EVERY_CHANCE, ("rest", "nerve_block"), "leg_pain")
    assert numbers.about.empty and not numbers.partly.empty and not numbers.others.empty
    shown = [as_read(m.value) for m in at.markdown]
    labels = [t(f"chances.page.all_numbers_{group}") for group in ("yours", "partly", "others")]
    assert [shown.index(label) for label in labels] == sorted(
        shown.index(label) for label in labels
    )
    assert t("chances.page.all_numbers_none_yours") in texts(at)
    tables = [table.value for table in at.table][-2:]
    assert [len(table) for table in tables] == [len(numbers.partly), len(numbers.others)]
    option = t("chances.numbers.option")
    assert CONTENT.option_names()["gel"] not in {cell for table in tables for cell in table[option]}


def test_take_care_when_comparing_names_only_the_options_being_viewed():
    at = open_page(PAGE, option="nerve_block", situation="leg_pain")
    [flare] = [c for c in EVERY_CHANCE if (c.option_id, c.outcome_id) == ("nerve_block", "flare")]
    lead, *_ = chances.time_frame_warning(EVERY_CHANCE, flare)  # gel's flare is at another time
    assert not any(as_read(w.value).startswith(lead) for w in at.warning)


def test_a_studys_averages_out_of_10_are_drawn_on_one_scale_under_their_words():
    at = open_page(PAGE, option="nerve_block", situation="leg_pain")
    [scored] = matched.scores(CONTENT, "leg_pain", "nerve_block", "benefit")
    [chart] = [c for c in at.get("vega_lite_chart") if c.proto.alt == scored.alt_text()]
    spec = json.loads(chart.proto.spec)
    [bars] = [layer for layer in spec["layer"] if layer["mark"]["type"] == "bar"]
    assert bars["encoding"]["x"]["scale"]["domain"] == [0, 10]
    assert t("chances.score.title.leg_pain") in [as_read(m.value) for m in at.markdown]
    # Under the words that say the same numbers, with whose they are.
    assert any(scored.whose in as_read(m.value) for m in at.markdown)


def test_how_soon_each_group_had_it_is_drawn_before_the_count_with_whose_it_is_and_its_later_count():
    at = open_page(PAGE, option="gel", situation="back_pain")
    [speed] = speeds.speeds(CONTENT, EVERY_CHANCE, "gel", "back_pain")[speeds.ABOUT]
    alts = [c.proto.alt for c in at.get("vega_lite_chart")]
    assert speed.alt_text() in alts
    # Before the pictures of 100 people for the same outcome, so how soon is read first.
    pictures = [
        n for n, alt in enumerate(alts) if speed.chance.outcome in alt and alt != speed.alt_text()
    ]
    assert alts.index(speed.alt_text()) < min(pictures)
    shown = [as_read(c.value) for c in at.caption]
    assert t("chances.speed.whose.about", whose=speed.chance.whose) in shown
    lines = [x.value for x in at.text]
    assert t("chances.speed.later", time_frame=speed.chance.time_frame) in lines


def test_a_picture_of_one_group_says_there_is_no_comparison_group_from_the_same_study():
    at = open_page(PAGE, option="nerve_block")
    alone = [
        c
        for c in EVERY_CHANCE
        if c.option_id == "nerve_block" and len(c.counts) == 1 and not c.everyone
    ]
    shown = [as_read(c.value) for c in at.caption]
    assert alone and shown.count(t("chances.one_group")) == len(alone)
    at = open_page(PAGE, option="gel", situation="back_pain")
    paired = [c for c in EVERY_CHANCE if c.option_id == "gel" and len(c.counts) == 2]
    alone = [c for c in EVERY_CHANCE if c.option_id == "gel" and len(c.counts) == 1]
    assert paired
    shown = [as_read(c.value) for c in at.caption]
    assert shown.count(t("chances.one_group")) == len([c for c in alone if not c.everyone])


def test_a_heading_names_every_option_whose_results_are_said_under_it():
    """3rd review P8: a heading says what is below it: both options, when the words and bars
    under it are about both groups of their trial."""
    at = open_page(PAGE, option="nerve_block", situation="leg_pain")
    headings = {as_read(h.value) for h in at.header}
    for kind in ("benefit", "harm"):
        said = matched.in_words(CONTENT, "leg_pain", "nerve_block").get(kind, [])
        named = chances.heading_names(CONTENT, "nerve_block", said)
        assert t(f"chances.page.heading.{kind}", option=named) in headings
        others = {short.option_id for short in said} - {"nerve_block"}
        for option_id in others:  # the fixture has a kind said beside another option
            assert CONTENT.short_names()[option_id] in named
    assert any(
        len({s.option_id for s in found}) > 1
        for found in matched.in_words(CONTENT, "leg_pain", "nerve_block").values()
    )


@pytest.mark.parametrize("mode", ["", "consult"])
def test_how_to_see_another_option_names_the_control_this_mode_shows(mode):
    """3rd review P8: consult mode has no Change, only the list of options above."""
    at = open_page(PAGE, option="rest", situation="back_pain", **({"mode": mode} if mode else {}))
    at.session_state["all-numbers"] = True
    shown = [as_read(c.value) for c in at.run().caption]
    name = CONTENT.option_names()["rest"]
    own, other = ("_consult", "") if mode else ("", "_consult")
    assert t(f"chances.page.one_option{own}", option=name) in shown
    assert t(f"chances.page.one_option{other}", option=name) not in shown
    assert t(f"chances.page.all_numbers_left_out{own}") in shown
    assert t(f"chances.page.all_numbers_left_out{other}") not in shown


def test_a_time_whose_figures_we_could_not_read_is_said_under_the_bars():
    at = open_page(PAGE, option="nerve_block", situation="leg_pain")
    [scored] = matched.scores(CONTENT, "leg_pain", "nerve_block", "benefit")
    shown = [as_read(c.value) for c in at.caption]
    assert scored.unread_months
    for months in scored.unread_months:
        assert t("chances.score.not_drawn", count=months) in shown


@pytest.mark.parametrize("mode", ["", "consult"])
def test_on_a_shared_screen_how_to_read_comes_after_the_numbers(mode):
    """3rd review (consult): the first picture starts higher on screen 1; elsewhere how to read
    the page comes first, closed."""
    query = {"mode": mode} if mode else {}
    at = open_page(PAGE, option="nerve_block", situation="leg_pain", **query)
    how = t("chances.page.how_to_read")
    [expander] = [e for e in at.expander if as_read(e.label) == how]
    in_order = list(_walk(at.main))  # the page's elements, top to bottom
    first_heading = in_order.index(next(iter(at.header)))
    assert (in_order.index(expander) > first_heading) == bool(mode)


def _walk(node):
    yield node
    for child in getattr(node, "children", {}).values():
        yield from _walk(child)


@pytest.mark.parametrize("mode", ["", "consult"])
def test_a_link_under_the_option_goes_down_to_its_harms_off_a_shared_screen(mode):
    """5th review, section 2: a harm picture sat under 2 to 3 phone screens of benefit pictures.
    On a shared screen (consult) the page is unchanged: its bars come first there."""
    query = {"mode": mode} if mode else {}
    at = open_page(PAGE, option="rest", situation="back_pain", **query)
    assert not at.exception
    link = t("chances.page.to_harms")
    found = [anchor for anchor, words in jumps(at).items() if as_read(words) == link]
    assert bool(found) != bool(mode)
    for anchor in found:
        [harms] = [h for h in at.header if h.proto.anchor == anchor]
        drawn = in_order(at)
        [at_link] = [i for i, n in enumerate(drawn) if n.type == "markdown" and link in n.value]
        assert at_link < drawn.index(at.header[0]) < drawn.index(harms)  # above the benefits
        assert anchor in anchors(at)


# Each situation and option whose study results are said beside other options', and those.
BESIDE = [
    (situation_id, option_id, matched.also_said(CONTENT, situation_id, option_id))
    for situation_id in CONTENT.situations["situation_id"]
    for option_id in situation.aimed_options(CONTENT, situation_id)
    if matched.also_said(CONTENT, situation_id, option_id)
]


@pytest.mark.parametrize("mode", ["", "consult"])
def test_each_option_said_beside_the_pictured_one_has_its_harms_one_link_from_the_top(mode):
    """6th review N4: the benefits said both options, the harms link reached only the pictured
    one's. Off a shared screen each option said has its own harms heading, drawn in turn, and a
    link to it by its short name above the benefits; on a shared screen a button views it."""
    situation_id, option_id, beside = BESIDE[0]
    query = {"mode": mode} if mode else {}
    at = open_page(PAGE, option=option_id, situation=situation_id, **query)
    assert not at.exception
    short = CONTENT.short_names()
    headings = {h.proto.anchor: as_read(h.value) for h in at.header}
    links = jumps(at)
    if mode:
        assert not any(chances.section_anchor(HARM, other) in headings for other in beside)
        assert [b.key for b in at.button if b.key.startswith("see-too-")] == [
            f"see-too-{other}" for other in beside
        ]
        return
    drawn = in_order(at)
    for each in (option_id, *beside):
        anchor = chances.section_anchor(HARM, "" if each == option_id else each)
        assert as_read(links[anchor]) == short[each]
        assert CONTENT.option_names()[each] in headings[anchor]
        [harms] = [h for h in at.header if h.proto.anchor == anchor]
        assert drawn.index(at.header[0]) < drawn.index(harms)  # under the benefits
    assert not [b for b in at.button if b.key.startswith("see-too-")]  # drawn, not a tap away
    names = chances.short_list(CONTENT, beside)
    assert any(names in as_read(c.value) for c in at.caption)  # the page says what it shows


def showing_line(at) -> str:
    """The page's "Showing: … · …" line, as read."""
    start = as_read(t("picker.showing", situation="", options="")).split(":")[0]
    [line] = [as_read(m.value) for m in at.markdown if as_read(m.value).startswith(start)]
    return line


@pytest.mark.parametrize("pictured", ["first", "beside"])
def test_the_showing_line_names_every_option_drawn_as_compare_names_them(pictured):
    """7th review R3: "Showing: … · No procedure" while the page drew Discectomy's harms too, and
    Compare said "No procedure, Discectomy". Whichever of them Change pictures, the line names
    each option drawn, in the words Compare's line uses for those options."""
    situation_id, option_id, beside = BESIDE[0]
    if pictured == "beside":  # the other picked: it says the first beside it in turn
        option_id, beside = beside[0], matched.also_said(CONTENT, situation_id, beside[0])
    at = open_page(PAGE, option=option_id, situation=situation_id, change_open=False)
    on_compare = open_page(
        "views/compare.py", options=[option_id, *beside], situation=situation_id, change_open=False
    )
    assert not at.exception and not on_compare.exception
    line = showing_line(at)
    assert line == showing_line(on_compare)
    assert all(CONTENT.short_names()[o] in line for o in (option_id, *beside))


@pytest.mark.parametrize("situation_id", list(CONTENT.situations["situation_id"]))
def test_each_other_option_chosen_is_one_tap_away_and_its_view_stays_in_the_address(situation_id):
    """11th review N3: a reader came by the home page's link for an option a clinic offered him
    (the options aimed at his situation, and that one); Chances pictured the first aimed option
    and said nothing of the one he came about. Each chosen option the page does not draw gets a
    button; a tap views it here and writes it into the address, so a reload or a copied link
    keeps it."""
    aimed = situation.aimed_options(CONTENT, situation_id)
    added = next(o for o in CONTENT.option_names() if o not in aimed)
    chosen = [*aimed, added]
    at = open_page(PAGE, situation=situation_id, options=chosen, change_open=False)
    assert not at.exception
    drawn = [aimed[0], *matched.also_said(CONTENT, situation_id, aimed[0])]
    keys = [b.key for b in at.button if b.key.startswith("see-chosen-")]
    assert keys == [f"see-chosen-{o}" for o in chosen if o not in drawn]
    at.button(key=f"see-chosen-{added}").click().run()
    assert at.query_params["option"] == added
    assert CONTENT.short_names()[added] in showing_line(at)
    keys = [b.key for b in at.button if b.key.startswith("see-chosen-")]
    assert f"see-chosen-{aimed[0]}" in keys and f"see-chosen-{added}" not in keys


def test_a_shared_screen_has_no_such_buttons_its_list_of_options_is_in_view():
    situation_id = CONTENT.situations["situation_id"].iloc[0]
    options = list(CONTENT.option_names())
    at = open_page(PAGE, situation=situation_id, options=options, mode="consult")
    assert not at.exception
    assert not [b for b in at.button if b.key.startswith("see-chosen-")]
