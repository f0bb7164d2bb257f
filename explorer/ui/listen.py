"""Read-aloud: a "Listen" button beside each block of text a patient reads, spoken by the
browser's own speech synthesis (Web Speech API) with a voice of the device for the page's
language. Nothing is fetched and no text leaves the device: only the device's own voices
(`localService`) are used; where it has none for the language, the button says so.

The script reads the block's text from the page as Streamlit drew it (never a string we put in
the page: CSV text never goes into HTML), each part in the language it is marked with (a row
shown in English on a Spanish page is read with an English voice when the device has one), a
table column by column (an option's name, then its answer). Pressing it again stops; pressing
another block's button reads that one instead."""

from __future__ import annotations

import html
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import streamlit as st

from explorer import words
from explorer.markdown import Md
from explorer.ui import say
from explorer.words import t

# Containers keyed "listen-…" are the blocks; the script finds them by their class.
KEY_PREFIX = "listen-"
BUTTON_CLASS = "listen-button"
# One click handler for every Listen button of the page, kept across reruns. Its text never
# changes (the words are its data), so the front door's Content-Security-Policy allows it by one
# hash (deploy/nginx/site.conf; tests/deploy checks it).
SCRIPT = (Path(__file__).resolve().parent / "listen.js").read_text(encoding="utf-8").strip()


def script() -> str:
    """The read-aloud script's tag, with the button's words in the page's language: the shell
    draws it once a page, with the page's other scripts."""
    data = {
        "listen": t("listen.button"),
        "stop": t("listen.stop"),
        "no-voice": t("listen.no_voice"),
    }
    attributes = " ".join(f'data-{name}="{html.escape(value)}"' for name, value in data.items())
    return f"<script {attributes}>{SCRIPT}</script>"


@contextmanager
def block(key: str) -> Iterator[None]:
    """A block of text a patient reads (what is drawn inside), with its Listen button first.
    `key` names the block, unique on its page (ids, never words)."""
    with st.container(key=f"{KEY_PREFIX}{key}"):
        label = html.escape(t("listen.button"))
        st.html(f'<button type="button" class="{BUTTON_CLASS}">{label}</button>')
        yield


def page_copy(file_name: str) -> Md:
    """A page copy file (content/<language>/<file_name>) as a block with its Listen button;
    returns its Markdown (a page lists the sources it cites)."""
    text = words.markdown_file(file_name)
    with block(f"copy-{Path(file_name).stem.replace('_', '-')}"):
        say.markdown(text)
    return text
