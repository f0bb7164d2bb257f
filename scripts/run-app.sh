#!/usr/bin/env bash
# Install the app's packages into .venv and start it on http://localhost:8501
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
exec .venv/bin/python -m streamlit run app.py --server.port="${PORT:-8501}" "$@"
