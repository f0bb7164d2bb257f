#!/usr/bin/env bash
# Install the app's packages and start it on http://localhost:8501
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
exec python3 -m streamlit run app.py --server.port="${PORT:-8501}" "$@"
