"""What every page shares: the one list of pages, page setup, our own sidebar, the data check
and the footer, opened by each page with `with shell.page("compare") as content:`."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import ParamSpec

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from explorer import words
from explorer.data import Content, data_dir
from explorer.rules.report import Problem, problem_table
from explorer.store import ContentStore, Snapshot
from explorer.text import plain
from explorer.ui import url_state
from explorer.ui.widgets import table
from explorer.url_params import CONSULT, MODE_PARAM
from explorer.words import t


@dataclass(frozen=True)
class Page:
    """One page: its id (the catalogue's words are under pages.<id>) and its script, relative to
    app.py. Streamlit's own pages/ discovery serves pages/<name>.py at /<name>."""

    page_id: str
    path: str
    in_sidebar: bool = True

    @property
    def url_path(self) -> str:
        return "" if self.path == "app.py" else Path(self.path).stem

    @property
    def nav(self) -> str:
        return t(f"pages.{self.page_id}.nav")

    @property
    def title(self) -> str:
        return t(f"pages.{self.page_id}.title")


# Every page, in the order a person would walk through the tool: the sidebar, the links between
# pages, the tests and the quality gates all read this list.
PAGES: tuple[Page, ...] = (
    Page("home", "app.py"),
    Page("anatomy", "pages/anatomy.py"),
    Page("compare", "pages/compare.py"),
    Page("charts", "pages/charts.py"),
    Page("chances", "pages/chances.py"),
    Page("what_matters", "pages/what_matters.py"),
    Page("summary", "pages/summary.py"),
    Page("about", "pages/about.py"),
    # For the clinic's content editor, not for patients: reached by its address.
    Page("data_check", "pages/data_check.py", in_sidebar=False),
)
_BY_ID = {page.page_id: page for page in PAGES}

_STYLE_DIR = Path(__file__).resolve().parent
PAGE_STYLE = (_STYLE_DIR / "page.css").read_text(encoding="utf-8")
CONSULT_STYLE = (_STYLE_DIR / "consult.css").read_text(encoding="utf-8")


def path(page_id: str) -> str:
    """The script of a page, for st.page_link."""
    return _BY_ID[page_id].path


@contextmanager
def page(page_id: str, links_in_part: bool = False) -> Iterator[Content]:
    """Set up the page, draw the sidebar, hand the checked content to the page, then the footer.
    When the data files have problems, list them for the clinic and stop: never a traceback.
    With `links_in_part`, the page's `choices_part` draws the sidebar's page links."""
    content = _start(page_id, links_in_part)
    yield content
    _footer(content)


# Where this run's sidebar keeps its page links: read by `choices_part` in the same run.
_LINKS_AREA: ContextVar[DeltaGenerator] = ContextVar("links_area")

P = ParamSpec("P")


def choices_part(draw: Callable[P, None]) -> Callable[P, None]:
    """The part of a page that follows the person's choices (their situation, the options),
    rerun on its own when one of its widgets changes (a Streamlit fragment): a click redraws that
    part, not the sidebar, the title and the footer. The sidebar's page links carry those choices
    in their addresses, so they are redrawn with it (the page opens with `links_in_part=True`)."""

    @st.fragment
    def part(links_area: DeltaGenerator, *args: P.args, **kwargs: P.kwargs) -> None:
        with links_area:
            _page_links()
        draw(*args, **kwargs)

    def in_this_run(*args: P.args, **kwargs: P.kwargs) -> None:
        part(_LINKS_AREA.get(), *args, **kwargs)

    return in_this_run


def _start(page_id: str, links_in_part: bool) -> Content:
    this_page = _BY_ID[page_id]
    language = url_state.page_language()
    words.use_language(language)  # before any word of this run is said
    consult = url_state.in_consult_mode()
    st.set_page_config(
        page_title=t(
            "shell.tab_title", page=t(f"pages.{this_page.page_id}.tab"), app=t("app.name")
        ),
        layout="wide",
        initial_sidebar_state="collapsed" if consult else "auto",
    )
    st.html(f"<style>{PAGE_STYLE}{CONSULT_STYLE if consult else ''}</style>")
    _sidebar(consult, language, links_in_part)
    snapshot = content_store()
    if snapshot.english is None:  # only a first start with broken files: nothing good to serve
        _show_problems(snapshot.problems)
        st.stop()
    return snapshot.content(language)


# A clinic's saved edit is served within this many seconds.
LOOK_EVERY_S = 1.0


@st.cache_resource(show_spinner=False)
def _store(folder: str) -> ContentStore:
    return ContentStore(Path(folder), look_every_s=LOOK_EVERY_S)


def content_store() -> Snapshot:
    """The checked content of this process, every language, re-checked when a data file is
    saved: a bad edit leaves patients on the last snapshot that passed (see the data-check
    page). Read it once per run: each call may be a newer snapshot."""
    return _store(str(data_dir())).current()


# Streamlit writes <html lang="en"> into every page and has no setting for it: this script sets
# the document's language, so screen readers use the right voice, and marks each part shown as
# published (containers keyed "published-…": citations, the changelog) with the language it is
# written in, which Streamlit's elements cannot carry either. Its text never changes (the
# languages are attributes), so nginx's Content-Security-Policy allows it by one hash
# (deploy/nginx/site.conf); tests/deploy checks the hash. A block, so that running it again
# (another page's sidebar) declares nothing twice.
PAGE_LANGUAGE_SCRIPT = (
    "{const page = document.currentScript.dataset;"
    "document.documentElement.lang = page.lang;"
    "window.markPublished ??= new MutationObserver(() => {"
    "for (const part of document.querySelectorAll('[class*=\"st-key-published-\"]:not([lang])'))"
    " part.lang = page.published;"
    "});"
    "window.markPublished.observe(document.body, {childList: true, subtree: true});}"
)


def _sidebar(consult: bool, language: str, links_in_part: bool) -> None:
    with st.sidebar:
        st.html(
            f'<script data-lang="{language}" data-published="{words.LANGUAGE}">'
            f"{PAGE_LANGUAGE_SCRIPT}</script>",
            unsafe_allow_javascript=True,
        )
        url_state.language_switch()
        st.subheader(t("app.name"))
        links_area = st.container()
        _LINKS_AREA.set(links_area)
        if not links_in_part:
            with links_area:
                _page_links()
        st.divider()
        st.toggle(
            t("shell.consult_toggle"),
            value=consult,
            key="consult_toggle",
            on_change=_switch_mode,
            help=t("shell.consult_toggle_help"),
        )


def _page_links() -> None:
    carried = url_state.carried_params()
    for listed in PAGES:
        if listed.in_sidebar:
            st.page_link(listed.path, label=listed.nav, query_params=carried)


def _switch_mode() -> None:
    if st.session_state["consult_toggle"]:
        st.query_params[MODE_PARAM] = CONSULT
    else:
        st.query_params.pop(MODE_PARAM, None)


def _show_problems(problems: Sequence[Problem]) -> None:
    st.title(t("data_problems.title"))
    st.error(t("data_problems.intro", count=len(problems)))
    table(problem_table(problems, words.current_language()))


def _footer(content: Content) -> None:
    release = content.release
    st.divider()
    st.caption(
        plain(
            t(
                "shell.footer",
                content_date=release["content_date"],
                version=release["version"],
                next_review_date=release["next_review_date"],
            )
        )
    )
    if not reviewed(words.current_language()):
        st.caption(t("shell.not_reviewed"))


def reviewed(language: str) -> bool:
    """Whether a qualified medical translator has reviewed every word of a language: the text
    catalogue's files and the data's rows (English is the source, so it needs no review)."""
    if language == words.LANGUAGE:
        return True
    return words.catalogue_reviewed(language) and content_store().reviewed(language)
