"""Security settings stay on, and no page address can crash a page or inject markup."""

from __future__ import annotations

import tomllib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer.ui.shell import PAGES
from explorer.ui.url_state import CARRIED_PARAMS
from explorer.url_params import EVERY_PARAM
from tests.apptest import open_page
from tests.conftest import ROOT

CONFIG = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))


def test_usage_statistics_are_off():
    # With them on, every page calls an outside metrics host.
    assert CONFIG["browser"]["gatherUsageStats"] is False


def test_error_details_are_hidden_from_users():
    assert CONFIG["client"]["showErrorDetails"] == "none"
    assert CONFIG["client"]["toolbarMode"] == "viewer"


def test_xsrf_and_cors_protection_are_on():
    assert CONFIG["server"]["enableXsrfProtection"] is True
    assert CONFIG["server"]["enableCORS"] is True


def test_uploads_are_off():
    assert CONFIG["server"]["maxUploadSize"] <= 1


def test_no_full_garbage_collection_after_every_run():
    # It blocked every other session for tens of milliseconds per run (docs/performance.md).
    assert CONFIG["runner"]["postScriptGC"] is False


# Parameter names the app uses or may use (each address has some), plus any text; values
# include markup, real option, attribute and question ids of the fixture data (the pages read
# it), and junk.
KNOWN_NAMES = sorted({*CARRIED_PARAMS, *EVERY_PARAM, "page"})
MARKUP = st.sampled_from(
    [
        "<script>window.hacked=1</script>",
        "<img src=x onerror=alert(1)>",
        "![x](http://example.invalid/p.png)",
        "[link](javascript:alert(1))",
        ":red[loud]",
        "nerve_block",
        "gel",
        "time_off",
        "how_sure",
        "",
    ]
)
PARAM_VALUES = st.lists(st.one_of(MARKUP, st.text(max_size=30)), min_size=1, max_size=3)


def address(known: dict, other: dict) -> dict:
    return {**other, **known}


QUERIES = st.builds(
    address,
    st.dictionaries(
        st.sampled_from(KNOWN_NAMES), PARAM_VALUES, min_size=1, max_size=len(KNOWN_NAMES)
    ),
    st.dictionaries(st.text(min_size=1, max_size=12), PARAM_VALUES, max_size=2),
)


@pytest.mark.parametrize("page", [page.path for page in PAGES])
@settings(
    max_examples=10,
    deadline=None,
    derandomize=True,  # the same addresses on every run: a failure in CI is one to reproduce
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(query=QUERIES)
def test_any_page_address_is_handled_without_an_exception(page, query):
    at = open_page(page, **query)
    assert not at.exception
    assert len(at.title) == 1
    # Nothing from the address is rendered as Markdown (author copy only).
    markdown = "\n".join(element.value for element in at.markdown)
    for value in (v for values in query.values() for v in values):
        if any(mark in value for mark in ("<", "![", "](", ":red[")):
            assert value not in markdown
