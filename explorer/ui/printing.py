"""The summary's Print button: the browser's own print dialog, for the page as page.css lays it
out on paper (no controls, small type)."""

from __future__ import annotations

import html

import streamlit as st

from explorer.words import t

BUTTON_CLASS = "print-button"
# One click handler for the page, kept across reruns. Its text never changes, so the front
# door's Content-Security-Policy allows it by one hash (deploy/nginx/site.conf; shell.SCRIPTS).
SCRIPT = (
    "window.printButton ??= document.addEventListener('click', event => {"
    f"if (event.target.closest('.{BUTTON_CLASS}')) window.print();}}) ?? true;"
)


def button() -> None:
    """A Print button, with the script that makes it print."""
    label = html.escape(t("summary.card.print"))
    st.html(
        f'<button type="button" class="{BUTTON_CLASS}">{label}</button><script>{SCRIPT}</script>',
        unsafe_allow_javascript=True,
    )
