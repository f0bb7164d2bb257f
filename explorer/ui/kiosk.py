"""Kiosk mode on the page (the rules are explorer/kiosk.py): the "start again" button at the top
of the sidebar, the clearing it does, and the script that presses it when nobody is there.

The person's answers live in this browser session (st.session_state) and their choices in the
page address; clearing empties both and opens the start page in the kiosk's language (the
language this session started in), so no summary, share link, note or download made after it
holds anything of theirs. The browser's own history is the browser's: run the tablet's browser
in its kiosk mode, with no back button."""

from __future__ import annotations

import html
from pathlib import Path
from typing import NoReturn
from urllib.parse import urlencode

import streamlit as st

from explorer import kiosk
from explorer.ui import say
from explorer.ui.runtime import Run
from explorer.url_params import KIOSK, MODE_PARAM
from explorer.words import t, t_md

# The language this session started in (st.session_state): the kiosk's, kept through a clearing.
LANGUAGE_KEY = "kiosk_language"
# The button's key: the script finds it by its class (st-key-kiosk-reset).
RESET_KEY = "kiosk-reset"
# Shows the "still there?" warning after the idle time (touch, key, wheel: not the page's own
# scrolling), then presses the button, or reloads the start page if the app is not connected;
# the start page is then shown from its top while it opens (Streamlit keeps the last page's
# scroll). Idle only once someone has touched the screen, so a cleared kiosk is not cleared
# again. Its
# text never changes (settings and words are its data), so the front door's
# Content-Security-Policy allows it by one hash (deploy/nginx/site.conf; tests/deploy checks it).
SCRIPT = (Path(__file__).resolve().parent / "kiosk.js").read_text(encoding="utf-8").strip()


def frame(run: Run, home: str) -> str:
    """A kiosk's own part of every page, drawn first in the sidebar, before anything reads the
    person's answers: the button that clears them (`home` is the start page's script). Returns
    the idle script's tag, for the shell to draw with the page's other scripts."""
    language = st.session_state.setdefault(LANGUAGE_KEY, run.language)
    mode_in_address = st.query_params.get(MODE_PARAM) == KIOSK
    if say.button(
        t_md("kiosk.start_again"),
        key=RESET_KEY,
        help=t_md("kiosk.start_again_help"),
        width="stretch",
    ):
        start_again(home, language, mode_in_address)
    idle_s = kiosk.idle_seconds()
    start = "./?" + urlencode(kiosk.start_params(language, mode_in_address))
    data = {
        "idle-ms": idle_s * 1000,
        "warning-ms": kiosk.warning_seconds(idle_s) * 1000,
        "start": start,
        "still-there": t("kiosk.still_there"),
        "clearing-soon": t("kiosk.clearing_soon"),
        "continue": t("kiosk.continue"),
    }
    attributes = " ".join(
        f'data-{name}="{html.escape(str(value))}"' for name, value in data.items()
    )
    return f"<script {attributes}>{SCRIPT}</script>"


def clear(language: str) -> None:
    """Forget everything of this session and its address, keeping only the kiosk's language."""
    for key in list(st.session_state):
        del st.session_state[key]
    st.session_state[LANGUAGE_KEY] = language
    st.query_params.clear()


def start_again(home: str, language: str, mode_in_address: bool) -> NoReturn:
    """Clear, then open the start page in the kiosk's language for the next person."""
    clear(language)
    st.switch_page(home, query_params=kiosk.start_params(language, mode_in_address))
