"""Kiosk mode: a tablet in a waiting room that people take turns with. Plain settings and rules;
the Streamlit side (the "start again" button, the clearing, the idle script) is
explorer/ui/kiosk.py.

A kiosk is asked for by the page address (?mode=kiosk) or for a whole deployment
(EXPLORER_KIOSK=on). After EXPLORER_KIOSK_IDLE_S seconds with no touch, key or scroll the page
asks "still there?"; with no answer within `warning_seconds`, the person's answers and choices
are cleared and the start page shown again."""

from __future__ import annotations

import os
from collections.abc import Mapping

from explorer.url_params import KIOSK, LANG_PARAM, MODE_PARAM

KIOSK_VARIABLE = "EXPLORER_KIOSK"
IDLE_VARIABLE = "EXPLORER_KIOSK_IDLE_S"
DEFAULT_IDLE_S = 180
# What a clinic may write to turn the setting on (anything else leaves it off).
_ON = {"on", "1", "true", "yes"}
# The warning lasts a sixth of the idle time, at least 2 s (time to see it) and at most 30 s.
_WARNING_SHARE, _WARNING_MIN_S, _WARNING_MAX_S = 6, 2, 30


def deployment_kiosk(environ: Mapping[str, str] = os.environ) -> bool:
    """Whether the clinic has made every page of this deployment a kiosk."""
    return environ.get(KIOSK_VARIABLE, "").strip().lower() in _ON


def asked(mode: str | None, environ: Mapping[str, str] = os.environ) -> bool:
    """Whether a run is a kiosk's: the deployment's setting or the address's ?mode=kiosk."""
    return mode == KIOSK or deployment_kiosk(environ)


def idle_seconds(environ: Mapping[str, str] = os.environ) -> int:
    """Seconds with no touch, key or scroll before the page asks whether anyone is there: the
    clinic's EXPLORER_KIOSK_IDLE_S (whole seconds, at least 1), else the default."""
    try:
        seconds = int(environ.get(IDLE_VARIABLE, "").strip())
    except ValueError:
        return DEFAULT_IDLE_S
    return seconds if seconds >= 1 else DEFAULT_IDLE_S


def warning_seconds(idle_s: int) -> int:
    """How long the "still there?" warning waits for an answer before the page is cleared."""
    return min(max(idle_s // _WARNING_SHARE, _WARNING_MIN_S), _WARNING_MAX_S)


def start_params(language: str, mode_in_address: bool) -> dict[str, str]:
    """The address parameters of the start page after a clearing: the kiosk's language, and
    the mode when the address is what makes it a kiosk. Nothing of the person."""
    return {LANG_PARAM: language, **({MODE_PARAM: KIOSK} if mode_in_address else {})}
