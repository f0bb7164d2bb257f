#!/usr/bin/env bash
# Installs what the app needs into the project's virtual environment .venv; with --dev also what
# the tests need (Python packages, Debian's Chromium for the browser tests, poppler-utils for the
# PDF checks, nginx with its brotli modules and openssl for the deploy tier). Safe to run again: it skips what is there.
#
# Stock Debian and Ubuntu refuse `pip install` into their python3 (PEP 668), hence the venv.
# PYTHON names the Python to make it with (default python3: Debian's, pyenv's, a container's).
set -euo pipefail
cd "$(dirname "$0")/.."

requirements=(requirements.txt)
[[ "${1:-}" == "--dev" ]] && requirements+=(requirements-dev.txt)
python="${PYTHON:-python3}"
venv=.venv

sudo_cmd=""
[[ $(id -u) -eq 0 ]] || sudo_cmd="sudo"
apt_updated=false
apt_install() {
  echo "Installing Debian packages: $*" >&2
  $apt_updated || $sudo_cmd apt-get update -qq
  apt_updated=true
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "$@" >/dev/null
}

# A venv whose pip does not run (made without ensurepip, or its Python since removed) is made anew.
if ! "$venv/bin/python" -m pip --version >/dev/null 2>&1; then
  # Debian and Ubuntu ship venv's pip bootstrap (ensurepip) apart, in python3-venv.
  "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
    || { echo "The app needs Python 3.11 or newer; $python is $("$python" --version 2>&1)." >&2; exit 1; }
  if ! "$python" -c 'import ensurepip, venv' 2>/dev/null; then
    apt_install python3-venv
  fi
  rm -rf "$venv"
  echo "Making the virtual environment $venv with $("$python" --version 2>&1)" >&2
  "$python" -m venv "$venv"
fi

# Reinstall only when a requirements file (or the venv's Python) changed since the last install.
stamp="$venv/.installed-$(basename "${requirements[-1]}" .txt).sha256"
hash="$({ cat "${requirements[@]}"; "$venv/bin/python" --version; } | sha256sum | cut -d' ' -f1)"
if [[ "$(cat "$stamp" 2>/dev/null)" != "$hash" ]]; then
  echo "Installing ${requirements[-1]} into $venv (a minute or two the first time)" >&2
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "${requirements[-1]}"
  echo "$hash" > "$stamp"
fi

if [[ "${1:-}" == "--dev" ]]; then
  missing=()
  [[ -x /usr/bin/chromium ]] || missing+=(chromium)
  command -v pdftoppm >/dev/null || missing+=(poppler-utils)
  command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]] || missing+=(nginx)
  # deploy/nginx/modules.conf: every front door compresses with brotli too.
  [[ -f /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so ]] || missing+=(libnginx-mod-http-brotli-filter)
  [[ -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ]] || missing+=(libnginx-mod-http-brotli-static)
  # The front-door image's compressed copies, made as its build makes them (tests/deploy/).
  command -v brotli >/dev/null || missing+=(brotli)
  command -v openssl >/dev/null || missing+=(openssl)
  (( ${#missing[@]} == 0 )) || apt_install "${missing[@]}"
fi
