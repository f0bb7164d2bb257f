# Two images from one file. The default (the last stage): one app replica. `--target front-door`:
# the nginx front door (deploy/nginx/) with this app's Streamlit files compressed and its fonts
# cut down at build (deploy/fonts.py). docker-compose.yml runs two app replicas behind one front
# door; deploy/kubernetes the same. Settings come from .streamlit/config.toml; the cookie secret
# and allowed host names from the environment.
FROM python:3.11-slim AS app

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
COPY requirements.txt ./
RUN pip install -r requirements.txt \
    && useradd --create-home --uid 10001 explorer

# The app's parts (tests/browser/conftest.py APP_PARTS), owned by root: the app only reads them.
COPY app.py ./
COPY .streamlit .streamlit
COPY views views
COPY explorer explorer
COPY content content
COPY data data

USER explorer
EXPOSE 8501
# Slim images have no curl: Python asks the health endpoint.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4).read() != b'ok')"]
CMD ["python", "-m", "streamlit", "run", "app.py", "--server.headless=true", "--server.address=0.0.0.0", "--server.port=8501"]

# Streamlit's fonts cut down to the icons and characters this app shows (deploy/fonts.py), with
# requirements-dev.txt's fontTools and brotli; the front door serves them in Streamlit's place.
FROM app AS fonts
USER root
COPY requirements-dev.txt deploy/fonts.py /build/
RUN grep -E '^(fonttools|brotli)==' /build/requirements-dev.txt > /build/requirements-fonts.txt \
    && pip install -r /build/requirements-fonts.txt \
    && mv "$(python /build/fonts.py /usr/local/lib/python3.11/site-packages/streamlit/static /app /build/cut)" /fonts

# The front door: nginx 1.27.3 or later (an upstream that follows DNS, deploy/kubernetes) with the
# brotli modules, both Alpine's packages; the official nginx image's entrypoint (templates and
# the pod's DNS resolver, as deploy/kubernetes uses them); and the static files of exactly the
# Streamlit the app image holds, its fonts cut down, with gzip and brotli copies (site.conf serves
# them from disk).
FROM alpine:3.23 AS front-door
RUN apk add --no-cache "nginx>=1.27.3" nginx-mod-http-brotli gettext-envsubst brotli gzip \
    && mkdir -p /etc/nginx/run
COPY --from=nginx:1.28.0-alpine /docker-entrypoint.sh /docker-entrypoint.sh
COPY --from=nginx:1.28.0-alpine /docker-entrypoint.d /docker-entrypoint.d
COPY --from=app /usr/local/lib/python3.11/site-packages/streamlit/static /etc/nginx/streamlit-static
COPY --from=fonts /fonts/static/media/ /etc/nginx/streamlit-static/static/media/
COPY deploy/nginx /etc/nginx/explorer
RUN sh /etc/nginx/explorer/precompress.sh /etc/nginx/streamlit-static/static \
    && apk del brotli \
    && cp /etc/nginx/explorer/front-door.conf /etc/nginx/nginx.conf
EXPOSE 80
ENTRYPOINT ["/docker-entrypoint.sh"]
# -p: relative paths (explorer/, run/, streamlit-static/) under /etc/nginx, as in the nginx image.
CMD ["nginx", "-p", "/etc/nginx/", "-e", "stderr", "-g", "daemon off;"]

# `docker build .` builds the app replica.
FROM app
