#!/usr/bin/env bash
# Install everything the tests need into .venv (and Debian's programs) and run all tiers: unit,
# pages (AppTest), browser and deploy, on every core (pytest-xdist; TEST_WORKERS=0 runs them in
# this one process). Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh --dev
exec .venv/bin/python -m pytest -n "${TEST_WORKERS:-auto}" "$@"
