#!/usr/bin/env bash
# The clinic topology on one machine, without containers: N app processes and Debian's nginx in
# front of them (deploy/nginx/site.conf), all on loopback ports, all owned by this script.
# Ctrl-C, or SIGTERM to this script, stops exactly what it started.
#
#   bash deploy/run-local.sh                  # proxy on http://127.0.0.1:8080, apps on 8501 8502
#   EXPLORER_PROXY_PORT=9000 EXPLORER_APP_PORTS="9001 9002 9003" bash deploy/run-local.sh
#
# EXPLORER_TLS_PORT with EXPLORER_TLS_CERTS (a folder with fullchain.pem and privkey.pem): also
#   serve HTTPS on that port (deploy/nginx/tls.conf, with HSTS).
# EXPLORER_RUN_DIR: where the generated nginx.conf, logs and pid files go (default: a new temp
#   folder, printed at start). app-<port>.pid and nginx.pid name each process it started.
# EXPLORER_PYTHON: the Python with Streamlit (default: .venv/bin/python, else python3).
# STREAMLIT_SERVER_COOKIE_SECRET: shared by every replica; a random one per start if unset.
# STREAMLIT_SERVER_ALLOWED_HOSTS: host names the app answers to (default "127.0.0.1 localhost").
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
proxy_port="${EXPLORER_PROXY_PORT:-8080}"
read -r -a app_ports <<< "${EXPLORER_APP_PORTS:-8501 8502}"
tls_port="${EXPLORER_TLS_PORT:-}"
run_dir="${EXPLORER_RUN_DIR:-$(mktemp -d -t explorer-local.XXXXXX)}"
# Debian puts nginx in /usr/sbin, which a normal user's PATH may not list.
nginx="$(command -v nginx || echo /usr/sbin/nginx)"
[[ -x "$nginx" ]] || { echo "nginx is missing: apt-get install nginx" >&2; exit 1; }
python="${EXPLORER_PYTHON:-$root/.venv/bin/python}"
[[ -x "$python" ]] || python=python3

mkdir -p "$run_dir/temp"
# nginx's workers drop to `nobody` when started by root and must reach their temp folders.
chmod 755 "$run_dir"
# The same relative includes as in the nginx container: explorer/site.conf, certs/….
ln -sfn "$root/deploy/nginx" "$run_dir/explorer"
[[ -n "$tls_port" ]] && ln -sfn "$(cd "$EXPLORER_TLS_CERTS" && pwd)" "$run_dir/certs"
streamlit_static="$("$python" -c 'import os, streamlit; print(os.path.join(os.path.dirname(streamlit.__file__), "static"))')"
# site.conf compresses with brotli too (Debian: libnginx-mod-http-brotli-filter and -static).
for module in ngx_http_brotli_filter_module ngx_http_brotli_static_module; do
  [[ -f "/usr/lib/nginx/modules/$module.so" ]] \
    || { echo "nginx's brotli modules are missing: apt-get install libnginx-mod-http-brotli-filter libnginx-mod-http-brotli-static" >&2; exit 1; }
done

if [[ -z "${STREAMLIT_SERVER_COOKIE_SECRET:-}" ]]; then
  STREAMLIT_SERVER_COOKIE_SECRET="$("$python" -c 'import secrets; print(secrets.token_hex(32))')"
fi
export STREAMLIT_SERVER_COOKIE_SECRET
export STREAMLIT_SERVER_ALLOWED_HOSTS="${STREAMLIT_SERVER_ALLOWED_HOSTS:-127.0.0.1 localhost}"

started=()
stop() {
  trap - EXIT INT TERM
  for pid in "${started[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${started[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop EXIT
trap 'exit 0' INT TERM

healthy() {  # the URL answers "ok" within 30 s
  "$python" - "$1" <<'PY'
import sys, time, urllib.request
deadline = time.monotonic() + 30
while time.monotonic() < deadline:
    try:
        if urllib.request.urlopen(sys.argv[1], timeout=1).read() == b"ok":
            sys.exit(0)
    except OSError:
        pass
    time.sleep(0.2)
sys.exit(1)
PY
}

upstream_servers=""
for port in "${app_ports[@]}"; do
  (cd "$root" && exec "$python" -m streamlit run app.py --server.headless=true \
     --server.address=127.0.0.1 --server.port="$port") > "$run_dir/app-$port.log" 2>&1 &
  started+=("$!")
  echo "$!" > "$run_dir/app-$port.pid"
  upstream_servers+="        server 127.0.0.1:$port;"$'\n'
done

# nginx serves Streamlit's static files (site.conf) from the apps' own Streamlit: a folder of
# links to its files, where the fonts cut down to what the app shows (deploy/fonts.py, made while
# the apps start and kept in build/fonts until Streamlit or the app's icons or text change) stand
# in for Streamlit's. Without fontTools and brotli (requirements-dev.txt), Streamlit's own fonts.
rm -rf "$run_dir/streamlit-static"
cp -rs "$streamlit_static" "$run_dir/streamlit-static"
if cut_fonts="$("$python" "$root/deploy/fonts.py" "$streamlit_static" "$root" "$root/build/fonts" 2> "$run_dir/fonts.log")"; then
  # The links replaced, never written through (they point into the installed Streamlit).
  cp --remove-destination "$cut_fonts"/static/media/* "$run_dir/streamlit-static/static/media/"
  fonts_note=""
else
  fonts_note="Streamlit's full fonts are served: deploy/fonts.py did not cut them ($run_dir/fonts.log)"
fi

tls_server=""
[[ -n "$tls_port" ]] && tls_server="    server {
        listen 127.0.0.1:$tls_port ssl;
        include explorer/tls.conf;
    }"
cat > "$run_dir/nginx.conf" <<NGINX
# Written by deploy/run-local.sh: deploy/nginx/site.conf in front of the apps, on loopback.
daemon off;
include explorer/modules.conf;
worker_processes 1;
pid $run_dir/nginx.pid;
error_log $run_dir/nginx-error.log warn;
events { worker_connections 512; }
http {
    client_body_temp_path $run_dir/temp/body;
    proxy_temp_path $run_dir/temp/proxy;
    fastcgi_temp_path $run_dir/temp/fastcgi;
    uwsgi_temp_path $run_dir/temp/uwsgi;
    scgi_temp_path $run_dir/temp/scgi;
    # Which replica answered each request, and for which browser (its route key, route.conf);
    # tests/deploy/test_topology.py reads it.
    log_format upstream '\$remote_addr [\$time_local] "\$request" \$status upstream=\$upstream_addr route=\$explorer_route';
    access_log $run_dir/access.log upstream;
    include explorer/route.conf;
    upstream explorer {
        # Sticky per browser (route.conf): a tab's files and WebSocket reach the process
        # holding its session. A replica that is down is skipped for the next one.
        hash \$explorer_route consistent;
$upstream_servers    }
    server {
        listen 127.0.0.1:$proxy_port;
        include explorer/site.conf;
    }
$tls_server
}
NGINX

# Start the proxy once every replica answers, or its first checks would mark them as failed.
for port in "${app_ports[@]}"; do
  healthy "http://127.0.0.1:$port/_stcore/health" || { echo "app on $port did not start: $run_dir/app-$port.log" >&2; exit 1; }
done
"$nginx" -p "$run_dir" -c "$run_dir/nginx.conf" -e "$run_dir/nginx-error.log" &
started+=("$!")
healthy "http://127.0.0.1:$proxy_port/_stcore/health" || { echo "nginx did not start: $run_dir/nginx-error.log" >&2; exit 1; }
echo "Serving http://127.0.0.1:$proxy_port/ (apps on ${app_ports[*]}; files in $run_dir)"
[[ -z "$fonts_note" ]] || echo "$fonts_note"

# Runs as long as nginx does; a replica that stops is skipped by the proxy.
wait "${started[-1]}"
