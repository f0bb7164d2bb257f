"""What only a browser shows for the home and comparison pages: layout, URL state, bad data."""

from __future__ import annotations

from explorer.ui.shell import PAGES
from tests.browser.conftest import (
    CONTENT,
    open_change,
    open_page,
    screenshot,
    wait_for_app,
)
from tests.conftest import read_rows, set_cell


def test_choosing_options_is_kept_in_a_link_that_reopens_the_same_view(page, browser, app_server):
    # Two options, not all: the first and the last that are not the no-procedure option, given
    # in the wrong order and with an id no option has.
    names = CONTENT.option_names()
    procedures = [o for o in names if o != CONTENT.no_procedure_option]
    first, last = procedures[0], procedures[-1]
    unknown = "bogus"
    assert unknown not in names
    open_page(page, f"{app_server.url}/compare?options={last}&options={unknown}&options={first}")
    open_change(page)  # the picker is behind the Showing line's Change button
    assert chosen_tags(page) == [names[first], names[last]]  # in the neutral order
    assert page.url.endswith(f"/compare?options={first}&options={last}")

    # Remove one option in the browser: the address follows, and the grid loses that column.
    # ("Remove <name>" is the chip's button as Streamlit's multiselect names it.)
    page.get_by_role("button", name=f"Remove {names[last]}", exact=True).click()
    page.wait_for_url(f"**/compare?options={first}")
    wait_for_app(page)
    assert page.locator("[data-testid='stMain']").get_by_text(names[last], exact=True).count() == 0
    # Only the part that follows the options was redrawn: the header's links follow it too.
    step_links = page.locator(".st-key-step-bar [data-testid='stPageLink'] a")
    assert step_links.count() == len([p for p in PAGES if p.step and p.in_sidebar])
    for href in (step_links.nth(i).get_attribute("href") for i in range(step_links.count())):
        assert href.endswith(f"?options={first}")

    fresh = browser.new_context().new_page()
    open_page(fresh, page.url)
    open_change(fresh)
    assert chosen_tags(fresh) == [names[first]]
    fresh.context.close()


def chosen_tags(page) -> list[str]:
    """The option picker's chips, once drawn (a Change popover draws them after it opens)."""
    tags = page.locator("[data-testid='stMultiSelect'] .react-aria-ComboBox [data-tag]")
    tags.first.wait_for()
    return tags.all_inner_texts()


def test_broken_csv_shows_the_clear_message_in_the_browser(page, broken_app):
    rows = {}

    def break_data(data_dir):
        path = data_dir / "answers.csv"
        last = len(read_rows(path)) - 1  # any row will do: the last one
        rows["row"] = set_cell(path, last, "answer", "<script>window.hacked=1</script>")

    server, data_dir = broken_app(break_data)
    before = (data_dir / "answers.csv").read_bytes()
    open_page(page, server.url + "/compare")
    assert page.locator("[data-testid='stException']").count() == 0
    assert "could not be loaded" in page.locator("h1").inner_text()
    table = page.locator("[data-testid='stTable']").inner_text()
    assert "answers.csv" in table and str(rows["row"]) in table and "answer" in table
    assert page.evaluate("window.hacked === undefined")
    assert "Traceback" not in page.content()
    assert (data_dir / "answers.csv").read_bytes() == before
    screenshot(page, "broken-data")
