"""The anatomy page's "options aimed at this" follows the person's situation by the one fit rule
(data/fit_levels.csv): it never calls an option aimed at a situation where the comparison page
sets it apart (UX review U8: the steroid injection listed for long-lasting sciatica)."""

from __future__ import annotations

from explorer import anatomy, situation


def test_no_disc_state_calls_an_option_aimed_where_compare_sets_it_apart(shipped_content):
    content = shipped_content
    for situation_id in content.situations["situation_id"]:
        aimed = set(situation.aimed_options(content, situation_id))
        for state in content.anatomy_states["state_id"]:
            listed = anatomy.state_options(content, state, situation_id)
            assert set(listed.aimed_ids) <= aimed, (state, situation_id)
            # and none disappears: each listed option is either aimed or set apart with its level
            every = anatomy.state_text(content, state).option_ids
            assert len(listed.aimed_ids) + len(listed.set_apart) == len(every), (
                state,
                situation_id,
            )
