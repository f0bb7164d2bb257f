"""What every page shares: the one list of pages, page setup, our own sidebar, the data check
and the footer. A page is a function of the run, drawn by `shell.show("compare", render)`; the
parts of it that rerun on their own are decorated `@shell.part`."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Concatenate, ParamSpec

import streamlit as st
from streamlit.delta_generator import DeltaGenerator
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from explorer import review, words
from explorer.data import data_check_on
from explorer.markdown import Md
from explorer.rules.report import Problem, problem_table
from explorer.ui import (
    kiosk,
    listen,
    page_language,
    printing,
    record,
    runtime,
    say,
    url_state,
    widgets,
)
from explorer.ui.runtime import Run
from explorer.ui.widgets import table
from explorer.url_params import CONSULT, MODE_PARAM
from explorer.words import t, t_md


@dataclass(frozen=True)
class Page:
    """One page: its id (the catalogue's words are under pages.<id>) and its script, relative to
    app.py, which serves views/<name>.py at /<name> and the start page at / (`navigate`)."""

    page_id: str
    path: str
    in_sidebar: bool = True
    # A step of the way through, named in the header's step bar by its short name
    # (pages.<id>.step); the header lists the other pages under "More".
    step: bool = False
    # The compact "Get help now" strip at the top (widgets.get_help_banner): on every page but
    # the start page, which has the full list, and the clinic's data check.
    help_banner: bool = True
    # In consult mode the page has its own "Get help now" button (widgets.get_help_now).
    help_button_in_consult: bool = False
    # For the clinic's staff, not for patients: listed only where the clinic turns its page on
    # (explorer.data.data_check_on).
    for_clinic: bool = False
    # Where the words it shows live: catalogue sections (a key's first parts: "chances",
    # "compare.evidence_line"), page copy files (chances.md) and data files (outcomes.csv). The
    # translator's PO file and its review say, from these, which pages show each text.
    words: tuple[str, ...] = ()

    @property
    def start(self) -> bool:
        """The page at the app's own address (/)."""
        return self.page_id == PAGES[0].page_id

    @property
    def url_path(self) -> str:
        return "" if self.start else Path(self.path).stem

    def streamlit_page(self) -> st.Page:
        """The page as Streamlit serves it and links to it (the same for both: a link's page
        must be the one served)."""
        return st.Page(self.path, default=self.start)

    @property
    def nav(self) -> Md:
        return t_md(f"pages.{self.page_id}.nav")

    @property
    def step_name(self) -> Md:
        return t_md(f"pages.{self.page_id}.step")

    @property
    def title(self) -> str:
        return t(f"pages.{self.page_id}.title")

    def listed(self) -> bool:
        """Whether the page links (the header's, or the sidebar's in consult mode) list it."""
        return self.in_sidebar or (self.for_clinic and data_check_on())


# Words several pages show: the situation chooser and the option picker; the line of evidence and
# the sources under content; the "Get help now" box, with the names of the clinic's country's
# services.
_CHOOSER = (
    "situation",
    "picker",
    "situations.csv",
    "option_fit.csv",
    "fit_levels.csv",
    "options.csv",
)
_EVIDENCE = ("compare.evidence_line", "compare.investigational", "certainty", "sources")
# The "Offered this by a clinic?" card of an investigational option, and its home-page link.
_OFFER = (
    "offer",
    "offer.csv",
    "outcomes.csv",
    "chances.sentence",
    "chances.alt",
    "chances.alt_group",
    "chances.when",
    "charts.icons",
)
_GET_HELP = ("get_help", "country", "warning_groups.csv", "warning_signs.csv")
_RATED = ("ratings", "attributes.csv", "attribute_levels.csv")
_DECIDED = ("decide", "statements.csv", "quiz.csv", "clinician_questions.csv")

# Every page, in the order a person would walk through the tool: the sidebar, the links between
# pages, the tests and the quality gates all read this list.
PAGES: tuple[Page, ...] = (
    Page(
        "home",
        "views/home.py",
        step=True,
        help_banner=False,
        words=("home", "home.md", "home_how.md", "offer", *_CHOOSER, *_GET_HELP),
    ),
    Page(
        "anatomy",
        "views/anatomy.py",
        words=(
            "anatomy",
            "anatomy.md",
            "anatomy_scans.md",
            "anatomy_course.md",
            "anatomy_states.csv",
            "scan_findings.csv",
            *_CHOOSER,  # the options aimed at a state follow the person's situation
            *_EVIDENCE,
        ),
    ),
    Page(
        "compare",
        "views/compare.py",
        step=True,
        help_button_in_consult=True,
        words=(
            "compare",
            "compare.md",
            "questions.csv",
            "answers.csv",
            "short_answers.csv",
            # Whose numbers the short answers give; other groups' numbers in the full answers.
            "populations.csv",
            "outcomes.csv",
            "chances.sentence",
            "situation.numbers",
            "evaluation.csv",
            *_CHOOSER,
            *_EVIDENCE,
            *_GET_HELP,
            *_RATED,
            *_OFFER,
        ),
    ),
    Page(
        "charts",
        "views/charts.py",
        words=("charts", "charts.md", "charts_recovery.md", "recovery.csv", *_CHOOSER, *_RATED),
    ),
    Page(
        "chances",
        "views/chances.py",
        step=True,
        words=(
            "chances",
            "chances.md",
            "outcomes.csv",
            "populations.csv",
            *_CHOOSER,
            *_EVIDENCE,
            *_OFFER,
        ),
    ),
    Page(
        "what_matters",
        "views/what_matters.py",
        step=True,
        words=(
            "what_matters",
            "what_matters.md",
            "alignment.md",
            "sure.md",
            *_DECIDED,
            *_CHOOSER,
            *_RATED,
        ),
    ),
    Page(
        "summary",
        "views/summary.py",
        step=True,
        words=(
            "summary",
            "summary.md",
            "handout",
            "questions.csv",
            "answers.csv",
            *_DECIDED,
            *_CHOOSER,
            *_EVIDENCE,
            *_GET_HELP,
            *_RATED,
            "record",  # the FHIR record file it downloads
            "smart.file",
            "smart.filed",
        ),
    ),
    Page(
        "about",
        "views/about.py",
        words=("about", "about.md", "about_reading.md", "sources", "release.csv"),
    ),
    # For the clinic's content editor, not for patients: reached by its address.
    Page(
        "data_check",
        "views/data_check.py",
        in_sidebar=False,
        for_clinic=True,
        help_banner=False,
        words=("data_check", "data_rule", "data_problem"),
    ),
)
# Words every page shows: the sidebar, the footer, the problems page of a first start, an EHR
# launch's connection (the EHR may open any page), and "Get help now" (the full list on the start
# page, the strip that opens it on the others).
ON_EVERY_PAGE = (
    *_GET_HELP,
    "app",
    "pages",
    "shell",
    "kiosk",
    "listen",
    "data_problems",
    "data_problem",
    "data_rule",
    "smart.connect",
    "smart.connecting",
    "smart.connected",
    "smart.problem",
)
# Words no page shows: the clinic's command line and the server log.
OFF_THE_PAGES = ("data_check.cli", "data_log", "translation", "record.cli")
_BY_ID = {page.page_id: page for page in PAGES}

_STYLE_DIR = Path(__file__).resolve().parent
PAGE_STYLE = (_STYLE_DIR / "page.css").read_text(encoding="utf-8")
CONSULT_STYLE = (_STYLE_DIR / "consult.css").read_text(encoding="utf-8")


def showing(name: str, file: bool = False) -> tuple[Page, ...] | None:
    """The pages that show the words of `name`, in page order: a catalogue key ("chances.when",
    under a section a page lists), or with `file` a page copy or data file ("outcomes.csv", as
    listed). None for the words of the command line and the server log."""

    def listed(names: Sequence[str]) -> bool:
        return any(name == item or (not file and name.startswith(f"{item}.")) for item in names)

    if listed(OFF_THE_PAGES):
        return None
    if listed(ON_EVERY_PAGE):
        return PAGES
    return tuple(page for page in PAGES if listed(page.words))


def navigate() -> None:
    """Run the page the address asks for: app.py's one job. The pages are made once a session
    (a page's run starts once a run): Streamlit's own pages/ folder made every page anew on every
    run, a tenth of a page's run."""
    if _SESSION_PAGES not in st.session_state:
        runtime.collect_garbage_less_often()  # the process's setting: once a session is plenty
        st.session_state[_SESSION_PAGES] = [page.streamlit_page() for page in PAGES]
    st.navigation(st.session_state[_SESSION_PAGES], position="hidden").run()


_SESSION_PAGES = "streamlit_pages"
_LINKED: dict[str, st.Page] = {}


def path(page_id: str) -> st.Page:
    """A page, for say.page_link: made once (given a script's path, st.page_link resolves it on
    the disk for every link on every run)."""
    linked = _LINKED.get(page_id)
    if linked is None:
        linked = _BY_ID[page_id].streamlit_page()
        if get_script_run_ctx():  # made outside a page's run, a page is incomplete: never kept
            _LINKED[page_id] = linked
    return linked


def show(page_id: str, render: Callable[[Run], None]) -> None:
    """Draw a page: start the run, set the page up, draw the sidebar, hand the run to the page's
    `render`, then close the page with the footer, also when the page ends early
    (runtime.end_page). When the data files have problems and nothing has passed yet, list them
    for the clinic instead: never a traceback."""
    run = runtime.begin()
    links = _open(page_id, run)
    if run.content is None:  # only a first start with broken files: nothing good to serve yet
        _show_problems(run.snapshot.problems)
        return
    record.launch_step()  # an EHR launch, when the clinic has set one up
    page = _BY_ID[page_id]
    if page.help_banner and not (run.consult and page.help_button_in_consult):
        widgets.get_help_banner(run.content)
    try:
        render(run)
    except runtime.PageEnds:
        pass
    if not links.drawn:  # no part of the page drew them
        links.draw()
    _footer(run)


@dataclass
class _PageLinks:
    """The links to every page, drawn once a run where they belong: in the header's step bar, or
    in the sidebar in consult mode (no header there). Only one place: each link is work for every
    run. They carry the person's choices, so a part that changes those draws them (see `part`),
    else the page's end."""

    place: DeltaGenerator
    in_header: bool
    drawn: bool = False

    def draw(self) -> None:
        carried = url_state.carried_params()
        with self.place:
            (_step_bar if self.in_header else _page_links)(carried)
        self.drawn = True


_LINKS: ContextVar[_PageLinks] = ContextVar("page_links")
P = ParamSpec("P")


def part(
    draw: Callable[Concatenate[Run, P], None] | None = None, *, links: bool = False
) -> Callable:
    """A part of a page that reruns on its own when one of its widgets changes (a Streamlit
    fragment): a click redraws that part, not the sidebar, the title and the footer. Each of its
    own reruns starts from the page address again (runtime.begin), so it speaks the page's
    language and shows the content being served. `draw` gets the run first; its other arguments
    must be values (ids), never content, which a later rerun would show stale. With
    `links=True` (a part whose widgets change the choices the links carry: the situation, the
    options), it also redraws the sidebar's page links: `@shell.part(links=True)`."""
    if draw is None:
        return functools.partial(part, links=links)

    @st.fragment  # noqa: TID251 (the one place: this decorator gives every part its context)
    def rerun_alone(page_links: _PageLinks, *args: P.args, **kwargs: P.kwargs) -> None:
        run = runtime.begin() if _rerun_alone() else runtime.current()
        if links:
            page_links.draw()
        try:
            draw(run, *args, **kwargs)
        except runtime.PageEnds:
            pass

    @functools.wraps(draw)
    def in_this_run(*args: P.args, **kwargs: P.kwargs) -> None:
        rerun_alone(_LINKS.get(), *args, **kwargs)

    return in_this_run


def _rerun_alone() -> bool:
    """Whether Streamlit is rerunning parts of the page alone, not the whole page."""
    context = get_script_run_ctx()
    return bool(context and context.fragment_ids_this_run)


def _open(page_id: str, run: Run) -> _PageLinks:
    st.set_page_config(
        page_title=t("shell.tab_title", page=t(f"pages.{page_id}.tab"), app=t("app.name")),
        layout="wide",
        initial_sidebar_state="collapsed" if run.consult else "auto",
    )
    st.html(f"<style>{PAGE_STYLE}{CONSULT_STYLE if run.consult else ''}</style>")
    sidebar_links = _sidebar(run)
    if run.consult:
        # In the top bar beside Streamlit's menu (consult.css): in view, and no row taller.
        with st.container(key="controls-consult-language"):
            url_state.language_switch()
        links = _PageLinks(sidebar_links, in_header=False)
    else:
        links = _PageLinks(_header(), in_header=True)
    _LINKS.set(links)
    return links


def _header() -> DeltaGenerator:
    """The top of every page, in view on a phone without opening anything: the language switch
    and the step bar (its links drawn by _PageLinks). Left off paper (a "controls-" key). Not in
    consult mode: a clinician's shared screen has the sidebar, and each question must fit it."""
    with st.container(key="controls-header", horizontal=True, gap="small"):
        url_state.language_switch()
        return st.container(key="step-bar", horizontal=True, gap="xsmall", width="content")


# Sets the page's language and marks what is shown in another (explorer/ui/page_language.py).
PAGE_LANGUAGE_SCRIPT = page_language.SCRIPT


# Every script of ours a page may run: the front door's Content-Security-Policy lists the hash
# of each (deploy/nginx/site.conf; tests/test_front_door_policy.py and tests/deploy check it).
SCRIPTS = (
    PAGE_LANGUAGE_SCRIPT,
    listen.SCRIPT,
    kiosk.SCRIPT,
    record.REDIRECT_SCRIPT,
    printing.SCRIPT,
)


def english_mark(text: str) -> str:
    """The mark of a text the page-language script finds on the page: FNV-1a (32 bits) of its
    UTF-8 bytes, spaces collapsed, as the script computes it."""
    mark = 0x811C9DC5
    for byte in " ".join(str(text).split()).encode():
        mark = ((mark ^ byte) * 0x01000193) & 0xFFFFFFFF
    return f"{mark:08x}"


def _sidebar(run: Run) -> DeltaGenerator | None:
    with st.sidebar:
        # First: a kiosk's clearing must come before anything reads the person's answers.
        kiosk_script = kiosk.frame(run, home=path("home")) if run.kiosk else ""
        in_english = sorted(map(english_mark, run.snapshot.shown_in_english(run.language)))
        # One element for every script: each element takes a line of the sidebar.
        st.html(
            f"{page_language.script(run.language, in_english)}{listen.script()}{kiosk_script}",
            unsafe_allow_javascript=True,
        )
        say.subheader(t_md("app.name"))
        links = st.container() if run.consult else None
        if not run.kiosk:  # a waiting room's tablet keeps its mode
            say.toggle(
                t_md("shell.consult_toggle"),
                value=run.consult,
                key="consult_toggle",
                on_change=runtime.callback(_switch_mode),
                help=t_md("shell.consult_toggle_help"),
            )
    return links


def _page_links(carried: dict[str, list[str]]) -> None:
    for listed in PAGES:
        if listed.listed():
            say.page_link(path(listed.page_id), label=listed.nav, query_params=carried)


def _step_bar(carried: dict[str, list[str]]) -> None:
    """The steps by their short names, then every other page under "More" (a click opens it)."""
    for step in PAGES:
        if step.step and step.listed():
            say.page_link(path(step.page_id), label=step.step_name, query_params=carried)
    with say.popover(t_md("shell.more_pages"), type="tertiary"):
        for other in PAGES:
            if not other.step and other.listed():
                say.page_link(path(other.page_id), label=other.nav, query_params=carried)


def _switch_mode() -> None:
    if st.session_state["consult_toggle"]:
        st.query_params[MODE_PARAM] = CONSULT
    else:
        st.query_params.pop(MODE_PARAM, None)


def _show_problems(problems: Sequence[Problem]) -> None:
    say.title(t_md("data_problems.title"))
    say.error(t_md("data_problems.intro", count=len(problems)))
    table(problem_table(problems, words.current_language()))


def _footer(run: Run) -> None:
    """The content's date and version, and whether its words are reviewed: one element."""
    release = run.content.release
    lines = [
        t_md(
            "shell.footer",
            content_date=release["content_date"],
            version=release["version"],
            next_review_date=release["next_review_date"],
        )
    ]
    overdue = review.review(release, review.today())
    if overdue.overdue:
        lines.append(t_md("shell.review_overdue", date=overdue.due_date(run.language)))
    if not reviewed(run):
        lines.append(t_md("shell.not_reviewed"))
    if run.snapshot.shown_in_english(run.language):  # rows not yet translated, marked lang="en"
        lines.append(t_md("shell.some_in_english"))
    say.caption(Md("\n\n").join([Md("---"), *lines]))  # the rule in it: one element, not two


def reviewed(run: Run) -> bool:
    """Whether a qualified medical translator has reviewed every word of the run's language: the
    text catalogue's files and the data's rows (English is the source, so it needs no review)."""
    if run.language == words.LANGUAGE:
        return True
    return words.catalogue_reviewed(run.language) and run.snapshot.reviewed(run.language)
