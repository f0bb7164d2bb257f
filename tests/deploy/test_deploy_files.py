"""The container files that cannot run here (no Docker engine on this machine) still agree with
the app and with nginx."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
import urllib.error
import urllib.request

from tests.browser.conftest import APP_PARTS
from tests.conftest import require_program
from tests.deploy.conftest import nginx_check
from tests.live import ROOT, free_port


def test_the_image_holds_every_part_of_the_app():
    dockerfile = (ROOT / "Dockerfile").read_text()
    copied = {line.split()[1] for line in dockerfile.splitlines() if line.startswith("COPY ")}
    assert set(APP_PARTS) <= copied
    assert re.search(r"^USER (?!root)\w+", dockerfile, re.MULTILINE)
    assert "/_stcore/health" in dockerfile.split("HEALTHCHECK", 1)[1]


def test_the_compose_nginx_configuration_is_valid(tmp_path):
    """compose.conf as the nginx image loads it (conf.d/default.conf, deploy/nginx mounted as
    explorer/), checked by Debian's nginx with the replicas' names pointed at this machine."""
    (tmp_path / "conf.d").mkdir()
    (tmp_path / "explorer").symlink_to(ROOT / "deploy" / "nginx")
    site = (ROOT / "deploy" / "nginx" / "compose.conf").read_text()
    (tmp_path / "conf.d" / "default.conf").write_text(
        re.sub(r"server app-\d+:", "server 127.0.0.1:", site)
    )
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nevents {{}}\n"
        f"http {{ client_body_temp_path {tmp_path}/body; proxy_temp_path {tmp_path}/proxy;"
        f" access_log off; include conf.d/*.conf; }}\n"
    )
    check = nginx_check(tmp_path, "nginx.conf")
    assert check.returncode == 0, check.stderr


def test_an_ehr_named_in_route_conf_may_frame_the_app_and_gets_the_cookie(tmp_path):
    """With the EHR's origin set (route.conf), the policy names it and no other site, and the
    routing cookie reaches the app inside the EHR's frame (SameSite=None; Secure; Partitioned)."""
    shutil.copytree(ROOT / "deploy" / "nginx", tmp_path / "explorer")
    route = tmp_path / "explorer" / "route.conf"
    route.write_text(
        route.read_text().replace("default \"'none'\";", 'default "https://ehr.clinic.example";', 1)
    )
    port = free_port()
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{ client_body_temp_path {tmp_path}/body; proxy_temp_path {tmp_path}/proxy;"
        f" access_log off; include explorer/route.conf;"
        f" upstream explorer {{ server 127.0.0.1:{free_port()}; }}"  # nobody there: a 502
        f" server {{ listen 127.0.0.1:{port}; include explorer/site.conf; }} }}\n"
    )
    nginx = require_program("nginx")
    server = subprocess.Popen(
        [nginx, "-p", f"{tmp_path}/", "-c", "nginx.conf", "-g", "daemon off;"]
    )
    headers = None
    try:
        for _ in range(50):  # until nginx listens
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1)
            except urllib.error.HTTPError as answer:
                headers = answer.headers
                break
            except OSError:
                time.sleep(0.1)
    finally:
        server.terminate()
        server.wait()
    assert headers is not None, (tmp_path / "error.log").read_text()
    policy = dict(
        part.strip().split(" ", 1) for part in headers["Content-Security-Policy"].split(";")
    )
    assert policy["frame-ancestors"] == "https://ehr.clinic.example"
    assert headers["Set-Cookie"].endswith("HttpOnly; SameSite=None; Secure; Partitioned")
