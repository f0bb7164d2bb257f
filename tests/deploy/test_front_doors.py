"""Compression and caching at every front door. The front-door image's nginx.conf (as compose runs
it) and deploy/kubernetes' (as kubectl renders it) each run here on Debian's nginx, in front of a
stand-in app, with Streamlit-like static files compressed as the image's build compresses them;
deploy/run-local.sh runs in front of the real app (its topology in conftest.py)."""

from __future__ import annotations

import gzip
import http.server
import re
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import require_program
from tests.deploy.test_kubernetes import find, rendered  # noqa: F401 (a fixture)
from tests.live import ROOT, free_port

NGINX_FILES = ROOT / "deploy" / "nginx"
IMMUTABLE = "public, max-age=31536000, immutable"


def directives(cache_control: str) -> set[str]:
    return {part.strip() for part in cache_control.split(",")}


# Files as Streamlit names them (a content hash in the name), one of each kind worth compressing,
# and a font, which is compressed already.
STATIC = {
    "static/js/index.Ab12Cd34.js": "text/javascript",
    "static/js/index.Ab12Cd34.js.map": "application/json",
    "static/css/index.Ef56Gh78.css": "text/css",
    "static/media/logo.Ij90Kl12.svg": "image/svg+xml",
}
FONT = "static/media/Sans.Mn34Op56.woff2"
# A font the front door may hold cut down (deploy/fonts.py), under Streamlit's name.
CUT_FONT = "static/media/MaterialSymbols-Rounded.Qr12St34.woff2"
PAGE = "<!DOCTYPE html><html><head><title>Streamlit</title></head><body>" + "<p>x</p>" * 200


class StandInApp(http.server.BaseHTTPRequestHandler):
    """Answers as Streamlit does, uncompressed: the page for any path, JSON and a health check
    under /_stcore/, a script for a static file the front door does not have."""

    def do_GET(self):
        if self.path.endswith("/_stcore/health"):
            body, kind, cache = b"ok", "text/plain", "no-cache"
        elif self.path.endswith("/_stcore/host-config"):
            body, kind, cache = b'{"allowedOrigins": []}' * 40, "application/json", "no-cache"
        elif self.path.startswith("/static/"):
            body, kind, cache = b"export const x = 1;\n" * 50, "application/javascript", IMMUTABLE
        else:
            body, kind, cache = PAGE.encode(), "text/html", "no-cache"
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Cache-Control", cache)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def stand_in_app():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), StandInApp)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def streamlit_static(folder: Path) -> None:
    """Streamlit-like static files, compressed by deploy/nginx/precompress.sh as the image's build
    does (its gzip and brotli programs)."""
    for name in STATIC:
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"/* {name} */\n" + "const answer = 42; // hashed file\n" * 100)
    (folder / FONT).write_bytes(bytes(range(256)) * 8)
    (folder / CUT_FONT).write_bytes(bytes(range(256)) * 4)
    if shutil.which("brotli") is None:
        pytest.fail("brotli is missing: apt-get install brotli", pytrace=False)
    subprocess.run(["sh", str(NGINX_FILES / "precompress.sh"), str(folder / "static")], check=True)


class FrontDoor:
    """nginx from `prefix`/nginx.conf in the foreground, until stop()."""

    def __init__(self, prefix: Path, port: int):
        self.url = f"http://127.0.0.1:{port}"
        self.process = subprocess.Popen(
            [
                require_program("nginx"),
                "-p",
                f"{prefix}/",
                "-c",
                str(prefix / "nginx.conf"),
                "-e",
                "stderr",
                "-g",
                "daemon off;",
            ],
            stderr=subprocess.PIPE,
            text=True,
        )
        deadline = time.monotonic() + 10
        while True:
            try:
                urllib.request.urlopen(self.url + "/_stcore/health", timeout=1).read()
                return
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise AssertionError(
                        f"nginx did not start: {self.process.stderr.read()}"
                    ) from None
                time.sleep(0.1)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
        self.process.wait(timeout=10)


def prefix_folder() -> Path:
    """nginx's workers run as `nobody` when the tests run as root: a folder they can read."""
    prefix = Path(tempfile.mkdtemp(prefix="front-door-"))
    prefix.chmod(0o755)
    (prefix / "run").mkdir()
    streamlit_static(prefix / "streamlit-static")
    return prefix


def image_front_door(app: str) -> tuple[Path, int]:
    """The front-door image as compose runs it: its nginx.conf (deploy/nginx/front-door.conf),
    deploy/nginx as explorer/, compose.conf's replicas and port replaced by this machine's."""
    prefix, port = prefix_folder(), free_port()
    shutil.copytree(NGINX_FILES, prefix / "explorer")
    compose = (NGINX_FILES / "compose.conf").read_text()
    compose, replicas = re.subn(r"server app-\d+:8501;", f"server {app};", compose)
    assert replicas == 2
    compose, listens = re.subn(r"(?m)^    listen 80;", f"    listen 127.0.0.1:{port};", compose)
    assert listens == 1
    (prefix / "explorer" / "compose.conf").write_text(compose)
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "cp /etc/nginx/explorer/front-door.conf /etc/nginx/nginx.conf" in dockerfile
    shutil.copy(NGINX_FILES / "front-door.conf", prefix / "nginx.conf")
    return prefix, port


def kubernetes_front_door(rendered: list[dict], app: str) -> tuple[Path, int]:  # noqa: F811
    """deploy/kubernetes' front door from the rendered ConfigMaps, its upstream the stand-in."""
    prefix, port = prefix_folder(), free_port()
    nginx = find(rendered, "ConfigMap", "explorer-nginx")["data"]
    conf, listens = re.subn(
        r"(?m)^(\s*)listen 8080;", rf"\1listen 127.0.0.1:{port};", nginx["nginx.conf"]
    )
    assert listens == 1
    (prefix / "nginx.conf").write_text(conf)
    upstream = re.sub(r"(?m)^resolver .*$", "", nginx["upstream.conf.template"])
    upstream, servers = re.subn(
        r"(?m)^(\s*)server \S+ service=\w+ resolve;", rf"\1server {app};", upstream
    )
    assert servers == 1
    (prefix / "run" / "upstream.conf").write_text(upstream)
    (prefix / "explorer").mkdir()
    for name, text in find(rendered, "ConfigMap", "explorer-nginx-site")["data"].items():
        (prefix / "explorer" / name).write_text(text)
    return prefix, port


@pytest.fixture(scope="module", params=["image", "kubernetes"])
def front_door(request, stand_in_app):
    if request.param == "image":
        prefix, port = image_front_door(stand_in_app)
    else:
        prefix, port = kubernetes_front_door(request.getfixturevalue("rendered"), stand_in_app)
    door = FrontDoor(prefix, port)
    try:
        yield door, prefix
    finally:
        door.stop()
        shutil.rmtree(prefix)


def get(url: str, encoding: str | None = None) -> tuple[dict[str, str], bytes]:
    headers = {"Accept-Encoding": encoding} if encoding else {}
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=10) as reply:
        return {k.lower(): v for k, v in reply.headers.items()}, reply.read()


@pytest.mark.parametrize("name", STATIC)
def test_static_files_are_sent_compressed_as_built_and_kept_for_good(front_door, name):
    door, prefix = front_door
    for encoding, suffix in (("br", ".br"), ("gzip", ".gz")):
        headers, body = get(f"{door.url}/{name}", f"{encoding}, deflate")
        assert headers["content-encoding"] == encoding, (name, encoding)
        # The copy made at build, not one compressed per request.
        assert body == (prefix / "streamlit-static" / (name + suffix)).read_bytes()
        assert headers["content-type"].split(";")[0] == STATIC[name]
        assert "Accept-Encoding" in headers["vary"]
        assert headers["cache-control"] == IMMUTABLE
    headers, body = get(f"{door.url}/{name}")
    assert "content-encoding" not in headers
    assert body == (prefix / "streamlit-static" / name).read_bytes()


def test_fonts_are_kept_for_good_and_not_compressed_again(front_door):
    door, _ = front_door
    headers, _ = get(f"{door.url}/{FONT}", "br, gzip")
    assert "content-encoding" not in headers
    assert headers["content-type"] == "font/woff2"
    assert headers["cache-control"] == IMMUTABLE


def test_a_cut_font_is_asked_for_again_under_its_unchanging_name(front_door):
    door, prefix = front_door
    headers, body = get(f"{door.url}/{CUT_FONT}", "br, gzip")
    assert body == (prefix / "streamlit-static" / CUT_FONT).read_bytes()
    assert "content-encoding" not in headers
    assert headers["content-type"] == "font/woff2"
    assert headers["cache-control"] == "no-cache"
    request = urllib.request.Request(
        f"{door.url}/{CUT_FONT}", headers={"If-None-Match": headers["etag"]}
    )
    with pytest.raises(urllib.error.HTTPError) as unchanged:
        urllib.request.urlopen(request, timeout=10)
    assert unchanged.value.code == 304
    # One this front door lacks comes from the app, with the app's caching.
    headers, _ = get(f"{door.url}/static/media/MaterialSymbols-Rounded.Other1.woff2")
    assert headers["cache-control"] == IMMUTABLE


@pytest.mark.parametrize("encoding", ["br", "gzip"])
def test_what_the_app_sends_is_compressed_on_the_way(front_door, encoding):
    door, _ = front_door
    headers, body = get(f"{door.url}/compare", encoding)
    assert headers["content-encoding"] == encoding
    if encoding == "gzip":
        assert gzip.decompress(body).decode() == PAGE
    headers, _ = get(f"{door.url}/_stcore/host-config", encoding)
    assert headers["content-encoding"] == encoding


def test_pages_are_checked_again_and_stcore_answers_never_kept(front_door):
    door, _ = front_door
    for path in ("/", "/compare", "/compare?lang=es", "/favicon.png"):
        headers, _ = get(door.url + path, "br")
        assert headers["cache-control"] == "no-cache", path
        assert headers["content-security-policy"], path  # the site's other headers stay
    for path in ("/_stcore/health", "/_stcore/host-config"):
        assert get(door.url + path)[0]["cache-control"] == "no-store", path


def test_a_static_file_the_front_door_lacks_comes_from_the_app_with_its_caching(front_door):
    door, _ = front_door
    headers, body = get(f"{door.url}/static/js/other.Qr56St78.js", "gzip")
    assert headers["content-encoding"] == "gzip"
    assert gzip.decompress(body).startswith(b"export const x")
    assert headers["cache-control"] == IMMUTABLE  # the app's own, passed on, once


# deploy/run-local.sh in front of the real app


def index_files(url: str) -> list[str]:
    """The script and stylesheet Streamlit's page loads first."""
    _, page = get(url + "/")
    return re.findall(
        r'(?:src|href)="\./(static/(?:js|css)/index\.[\w-]+\.(?:js|css))"', page.decode()
    )


def test_run_local_loads_the_modules_and_serves_the_same_site(topology):
    conf = (topology.run_dir / "nginx.conf").read_text()
    main_level = conf.split("http {", 1)[0]
    assert "include explorer/modules.conf;" in main_level
    assert "include explorer/site.conf;" in conf.split("http {", 1)[1]
    assert (topology.run_dir / "streamlit-static" / "index.html").is_file()


@pytest.mark.parametrize("encoding", ["br", "gzip"])
def test_run_local_sends_streamlit_compressed_and_cached(topology, encoding):
    files = index_files(topology.url)
    assert {Path(name).suffix for name in files} == {".js", ".css"}
    for name in files:
        headers, _ = get(f"{topology.url}/{name}", encoding)
        assert headers["content-encoding"] == encoding, name
        # From disk (site.conf) or, where nginx's workers cannot read the app's Streamlit, the
        # app's own header: the same directives.
        assert directives(headers["cache-control"]) == directives(IMMUTABLE), name
    headers, _ = get(topology.url + "/_stcore/host-config", encoding)
    assert headers["content-encoding"] == encoding
    assert headers["cache-control"] == "no-store"
    for path in ("/", "/compare"):
        headers, _ = get(topology.url + path, encoding)
        assert headers["content-encoding"] == encoding, path
        assert headers["cache-control"] == "no-cache", path
    assert get(topology.url + "/_stcore/health")[0]["cache-control"] == "no-store"
