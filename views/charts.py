"""Charts: the qualitative attributes of every option (effort, recovery, how sure we are)."""

from explorer import charts, ratings, url_params
from explorer.markdown import plain
from explorer.ui import chart_cache, listen, say, shell, url_state, widgets
from explorer.ui.runtime import Run
from explorer.words import t_md


def render(run: Run) -> None:
    content = run.content
    say.title(t_md("pages.charts.title"))
    listen.page_copy("charts.md")

    situation_id, shown = url_state.chosen_options(content)
    rated = ratings.rated(content, shown, situation_id)  # marked as on Compare's glance

    say.header(t_md("charts.page.glance_heading"), anchor="glance")
    say.caption(t_md("charts.page.glance_caption"))
    chart_cache.chart(charts.overview_grid, rated, alt_text=charts.overview_alt(rated))
    widgets.table(ratings.glance_table(rated), hide_index=True)
    note = ratings.other_group_note(rated)  # whose studies the marked levels are
    if note:
        say.caption(note)
    with say.expander(t_md("charts.rules_expander")):
        widgets.table(ratings.rules_table(content), hide_index=True)

    say.header(t_md("charts.page.one_thing_heading"), anchor="one-thing")
    attribute_id = url_state.pick_one(
        t_md("charts.page.one_thing_picker"),
        ratings.attribute_names(content),
        url_params.ATTRIBUTE_PARAM,
        default=ratings.first_pick(content),
    )
    say.caption(plain(ratings.description(content, attribute_id)))
    say.caption(plain(ratings.rule(content, attribute_id)))
    say.caption(t_md("charts.page.one_thing_caption"))
    ranked = ratings.ranked(rated, attribute_id)
    chart_cache.chart(
        charts.attribute_chart,
        ranked,
        ratings.scale(content, attribute_id),
        alt_text=charts.attribute_alt(ranked),
    )
    widgets.table(ratings.attribute_table(ranked), hide_index=True)

    say.header(t_md("charts.page.recovery_heading"), anchor="recovery")
    listen.page_copy("charts_recovery.md")
    recoveries = {
        milestone: ratings.recovery(content, rated, milestone) for milestone in ratings.MILESTONES
    }
    longest = charts.longest_weeks(*recoveries.values())  # one weeks axis for every chart
    for milestone, recovery in recoveries.items():
        say.subheader(t_md(f"charts.page.back_to.{milestone}"))
        chart_cache.chart(
            charts.recovery_chart,
            recovery,
            milestone,
            longest,
            alt_text=charts.recovery_alt(recovery, milestone),
        )
        widgets.table(ratings.recovery_table(recovery), hide_index=True)


shell.show("charts", render)
