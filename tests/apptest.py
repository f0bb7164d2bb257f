"""Running pages with Streamlit's AppTest, shared by every test that opens a page."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.conftest import ROOT


def open_page(page: str, /, **query) -> AppTest:
    """Run a page as a browser opening its address would: `page` is a path from the page list
    (app.py, pages/compare.py), `query` the address's parameters. The data folder is the one in
    EXPLORER_DATA_DIR (the fixture data unless the test set another)."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=30)
    for key, value in query.items():
        at.query_params[key] = value
    if page != "app.py":
        at.switch_page(page)
    return at.run()


def texts(at: AppTest) -> str:
    """Every st.text on the page (CSV text is shown this way), one per line."""
    return "\n".join(t.value for t in at.text)
