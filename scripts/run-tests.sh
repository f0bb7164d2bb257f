#!/usr/bin/env bash
# Install everything the tests need and run all three tiers: unit, AppTest and browser.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh --dev
exec python3 -m pytest "$@"
