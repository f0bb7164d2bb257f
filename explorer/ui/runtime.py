"""What is true during one run of a page, and the one way every run starts.

Streamlit runs a page's script in full, a part of it alone (a fragment, when one of its widgets
changes), or a function it was handed earlier (a widget's callback, a download made on click),
each on a thread of its own that inherits nothing from the run before. So every one of them
starts here: a full run and a part's own rerun with `begin()`, which reads the language, the
mode, the situation and the content from the page address and the content store; a callback
with the run that drew its widget (`callback`). Code that needs those facts asks `current()`."""

from __future__ import annotations

import functools
import gc
import threading
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn, ParamSpec, TypeVar

import streamlit as st

from explorer import kiosk, situation, words
from explorer.data import Content, data_dir
from explorer.store import ContentStore, Snapshot
from explorer.url_params import CONSULT, LANG_PARAM, MODE_PARAM, SITUATION_PARAM


@dataclass(frozen=True)
class Run:
    """The facts one run is drawn from."""

    language: str  # every word of the run is said in it
    consult: bool  # ?mode=consult: a clinician and a patient at one shared screen
    situation_id: str  # the person's situation, "not sure" unless the address names a known one
    snapshot: Snapshot  # the checked content of every language, as this run found it
    content: Content | None  # the snapshot in the run's language; None only on a first start
    # with broken files
    kiosk: bool = False  # a waiting room's shared tablet (?mode=kiosk or EXPLORER_KIOSK=on)


_this_run: ContextVar[Run] = ContextVar("run")


def begin() -> Run:
    """Start a full run or a part's own rerun: read its facts, and speak its language from here."""
    language = page_language()
    snapshot = content_store()
    content = None if snapshot.english is None else snapshot.content(language)
    mode = st.query_params.get(MODE_PARAM)
    in_kiosk = kiosk.asked(mode)
    run = Run(
        language=language,
        consult=mode == CONSULT and not in_kiosk,  # a kiosk's deployment setting wins
        situation_id=(
            situation.NOT_SURE
            if content is None
            else situation.known(content, st.query_params.get(SITUATION_PARAM))
        ),
        snapshot=snapshot,
        content=content,
        kiosk=in_kiosk,
    )
    _enter(run)
    return run


def current() -> Run:
    """The run being drawn now (a LookupError means the code runs outside any run: start one)."""
    return _this_run.get()


def _enter(run: Run) -> None:
    words.use_language(run.language)  # before any word of the run is said
    _this_run.set(run)


P = ParamSpec("P")
R = TypeVar("R")


def callback(function: Callable[P, R]) -> Callable[P, R]:
    """`function`, for Streamlit to call later (a widget's on_change or on_click, a download's
    data), run in the context of the run that drew the widget: Streamlit calls it before the
    next run starts, or on a thread of its own."""
    drawn_in = current()

    @functools.wraps(function)
    def in_its_run(*args: P.args, **kwargs: P.kwargs) -> R:
        _enter(drawn_in)
        return function(*args, **kwargs)

    return in_its_run


class PageEnds(Exception):
    """The page, or the part of it being drawn, has nothing more to show (`end_page`). The shell
    catches it and still draws what closes every page: the footer and the review notice."""


def end_page() -> NoReturn:
    """Show nothing more of this page (or of this part of it), but still close it properly.
    Never st.stop(): it would skip the footer."""
    raise PageEnds


# Python's collector looks through its young objects after every 700 new ones (its default).
# With 40 sessions running at once, tens of thousands of their objects are alive at any moment,
# and it looked through them over and over: about a quarter of the server's time a run, and now
# and then a full collection that held every session up (bench/run.py; docs/performance.md).
YOUNG_OBJECTS_BEFORE_A_COLLECTION = 20_000


def collect_garbage_less_often() -> None:
    """For the server's process: called by the page router, before any page's run."""
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_OBJECTS_BEFORE_A_COLLECTION, older, oldest)


def browser_language() -> str:
    """The language to speak when the address names none: the browser's (es-US -> es) if the
    catalogue has it, else the first language."""
    locale = (st.context.locale or "").split("-")[0].lower()
    return locale if locale in words.languages() else words.LANGUAGE


def page_language() -> str:
    """The language in the page address; an unknown one means the browser's."""
    asked = st.query_params.get(LANG_PARAM)
    return asked if asked in words.languages() else browser_language()


# A clinic's saved edit is served within this many seconds.
LOOK_EVERY_S = 1.0


# One store per data folder, shared by every session and thread of the process. A plain dict
# rather than st.cache_resource: every run asks, and that cache hashes its arguments each time.
_stores: dict[str, ContentStore] = {}
_stores_lock = threading.Lock()


def _store(folder: str) -> ContentStore:
    store = _stores.get(folder)
    if store is None:
        with _stores_lock:  # made once: each store loads and watches its folder's files
            store = _stores.setdefault(folder, ContentStore(Path(folder), LOOK_EVERY_S))
    return store


def content_store() -> Snapshot:
    """The checked content of this process, every language, re-checked when a data file is
    saved: a bad edit leaves patients on the last snapshot that passed (see the data-check
    page). A run reads it once, in `begin`: each call may give a newer snapshot."""
    return _store(str(data_dir())).current()
