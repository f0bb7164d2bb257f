#!/usr/bin/env bash
# Installs what the app needs; with --dev also what the tests need (Python packages, Debian's
# Chromium for the browser tests, nginx and openssl for the deploy tier). Safe to run again: it
# skips what is there.
set -euo pipefail
cd "$(dirname "$0")/.."

requirements=requirements.txt
[[ "${1:-}" == "--dev" ]] && requirements=requirements-dev.txt
python3 -m pip install --quiet --disable-pip-version-check -r "$requirements"

if [[ "${1:-}" == "--dev" ]]; then
  missing=()
  [[ -x /usr/bin/chromium ]] || missing+=(chromium)
  command -v pdftoppm >/dev/null || missing+=(poppler-utils)
  command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx)
  command -v openssl >/dev/null || missing+=(openssl)
  if (( ${#missing[@]} )); then
    sudo_cmd=""
    [[ $(id -u) -eq 0 ]] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi
