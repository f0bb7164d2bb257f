# One app replica: docker-compose.yml runs two behind nginx (deploy/nginx/). Settings come from
# .streamlit/config.toml; the cookie secret and allowed host names from the environment.
FROM python:3.11-slim

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
COPY pages pages
COPY explorer explorer
COPY content content
COPY data data

USER explorer
EXPOSE 8501
# Slim images have no curl: Python asks the health endpoint.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8501/_stcore/health', timeout=4).read() != b'ok')"]
CMD ["python", "-m", "streamlit", "run", "app.py", "--server.headless=true", "--server.address=0.0.0.0", "--server.port=8501"]
