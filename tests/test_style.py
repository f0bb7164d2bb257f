"""The tree follows the style in pyproject.toml: ruff's lint rules and its formatter."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize(
    "command", [["check", "--no-fix"], ["format", "--check"]], ids=["lint", "format"]
)
def test_the_tree_is_clean_under_ruff(command):
    result = subprocess.run(
        [sys.executable, "-m", "ruff", *command, "."],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
