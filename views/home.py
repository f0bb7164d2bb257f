"""Home page: the decision, who the tool is for, the options in one line each, how to use it."""

from explorer import home, offer, situation
from explorer.markdown import plain
from explorer.ui import listen, say, shell, url_state, widgets
from explorer.ui.offer_card import OPEN_OFFER, OPEN_PARAM
from explorer.ui.runtime import Run
from explorer.words import t_md


def render(run: Run) -> None:
    content = run.content
    say.title(t_md("pages.home.title"))
    listen.page_copy("home.md")
    say.header(t_md("situation.heading"), anchor="your-situation")
    situation_id = url_state.situation_chooser(content)
    # The ways on, right under the situation (within a phone's first two screens): the
    # comparison, and for a person offered an investigational option, what to ask.
    say.page_link(
        shell.path("compare"),
        label=t_md("home.list.compare_link"),
        query_params=url_state.carried_params(),
    )
    aimed = situation.aimed_options(content, situation_id)
    for card in offer.offers(content, list(content.option_names())):  # investigational ones
        say.page_link(
            shell.path("compare"),
            label=t_md("offer.home_link", option=card.short_name),
            query_params={
                **url_state.options_link(content, [*aimed, card.option_id], situation_id),
                OPEN_PARAM: [OPEN_OFFER],  # arrive with the card open
            },
            icon=":material/storefront:",
        )
    widgets.get_help_now(content)

    say.header(t_md("home.list.heading"))
    say.caption(t_md("home.list.caption"))
    widgets.table(home.option_lines(content, situation_id), hide_index=True)
    for rule in situation.rule_lines(content, situation_id):  # the rule beside the fits above
        say.caption(plain(rule))

    listen.page_copy("home_how.md")


shell.show("home", render)
