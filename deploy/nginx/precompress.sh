#!/bin/sh
# Writes a gzip (.gz) and a brotli (.br) copy beside every file under the folder given that is
# worth compressing (JavaScript, CSS, JSON, source maps, SVG), at their highest levels, once: nginx
# then serves them (gzip_static, brotli_static in site.conf) without compressing per request.
# Used by the Dockerfile's front-door image; needs gzip and brotli.
set -eu
find "$1" -type f \( -name '*.js' -o -name '*.mjs' -o -name '*.css' -o -name '*.json' \
  -o -name '*.map' -o -name '*.svg' \) -size +255c \
  -exec gzip -9 -k -n {} + -exec brotli -q 11 -k {} +
