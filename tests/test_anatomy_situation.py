"""The options a disc state lists, as the person's situation sees them (explorer/anatomy.py's
state_options): aimed ones named, the others set apart with their level, as on Compare."""

from __future__ import annotations

from explorer import anatomy, situation
from explorer.words import t
from tests.apptest import as_read, open_page


def test_not_sure_lists_every_option_of_the_state(content):
    listed = anatomy.state_options(content, "herniation", situation.NOT_SURE)
    assert listed.aimed_ids == anatomy.state_text(content, "herniation").option_ids
    assert listed.set_apart == () and listed.situation_line is None


def test_a_situation_sets_apart_the_options_not_aimed_at_it(content):
    for situation_id in content.situations["situation_id"]:
        apart = {fit.option_id: fit for fit in situation.set_apart(content, situation_id)}
        for state in content.anatomy_states["state_id"]:
            listed = anatomy.state_options(content, state, situation_id)
            every = anatomy.state_text(content, state).option_ids
            assert listed.aimed_ids == tuple(o for o in every if o not in apart)
            assert listed.set_apart == tuple(apart[o].short_line() for o in every if o in apart)


def test_the_page_says_which_situation_its_list_follows_and_what_it_sets_apart(content):
    at = open_page("views/anatomy.py", state="herniation", situation="back_pain")
    assert not at.exception
    listed = anatomy.state_options(content, "herniation", "back_pain")
    assert listed.set_apart  # the fixture's nerve block is not advised for back pain
    captions = [as_read(caption.value) for caption in at.caption]
    assert listed.situation_line in captions
    assert t("anatomy.page.set_apart", options=" ".join(listed.set_apart)) in captions
