#!/usr/bin/env bash
# Install everything the tests need into .venv (and Debian's programs) and run all tiers: unit,
# pages (AppTest), browser and deploy, two workers per core (pytest-xdist; TEST_WORKERS=0 runs
# them in this one process). Two per core because the browser tests mostly wait on a page: one
# per core left the cores idle over half the run (CPU 15 of 18 minutes on 2 cores). Work
# stealing: a worker that runs out takes tests queued for a busy one, so no long test holds the
# end of the run on one worker while the others wait. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh --dev
exec .venv/bin/python -m pytest -n "${TEST_WORKERS:-$(($(nproc) * 2))}" --dist worksteal "$@"
