"""The front door's Content-Security-Policy (deploy/nginx/site.conf) allows every script of ours
by its hash, and nothing inline besides: an edit to a script that forgets the policy fails here,
in the fast tier, before the deploy tier sees the script refused in Chromium."""

from __future__ import annotations

import base64
import hashlib
import re

from explorer.ui import shell
from tests.conftest import ROOT

SITE = ROOT / "deploy" / "nginx" / "site.conf"


def script_sources() -> list[str]:
    [header] = re.findall(r'Content-Security-Policy "([^"]+)"', SITE.read_text(encoding="utf-8"))
    [sources] = [part.split()[1:] for part in header.split(";") if part.split()[0] == "script-src"]
    return sources


def hash_source(script: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()}'"


def test_every_script_of_ours_is_allowed_by_its_hash():
    missing = [
        script[:60] for script in shell.SCRIPTS if hash_source(script) not in script_sources()
    ]
    assert missing == [], f"add to site.conf's script-src: {[hash_source(s) for s in missing]}"


def test_the_policy_allows_no_other_script_than_streamlits_and_ours():
    ours = {hash_source(script) for script in shell.SCRIPTS}
    others = [source for source in script_sources() if source not in ours]
    assert others[0] == "'self'" and len(others) == 2  # and Streamlit's one inline script
