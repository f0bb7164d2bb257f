"""The container files that cannot run here (no Docker engine on this machine) still agree with
the app and with nginx."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
import urllib.error
import urllib.request

import yaml

from tests.browser.conftest import APP_PARTS
from tests.conftest import require_program
from tests.deploy.conftest import nginx_check
from tests.deploy.test_kubernetes import RESOLVING_NGINX
from tests.live import ROOT, free_port


def test_the_image_holds_every_part_of_the_app():
    dockerfile = (ROOT / "Dockerfile").read_text()
    copied = {line.split()[1] for line in dockerfile.splitlines() if line.startswith("COPY ")}
    assert set(APP_PARTS) <= copied
    assert re.search(r"^USER (?!root)\w+", dockerfile, re.MULTILINE)
    assert "/_stcore/health" in dockerfile.split("HEALTHCHECK", 1)[1]


def test_compose_runs_the_front_door_image_built_from_the_dockerfile():
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    nginx = compose["services"]["nginx"]
    assert nginx["build"] == {"context": ".", "target": "front-door"}
    assert "volumes" not in nginx  # its files are in the image, as deploy/kubernetes has them


def test_the_front_door_image_has_resolving_nginx_brotli_and_compressed_streamlit_files():
    stage = front_door_stage()
    base = re.search(r"^FROM (\S+) AS front-door$", stage, re.MULTILINE).group(1)
    assert base.startswith("alpine:")
    packages = re.search(r"apk add --no-cache (.*?)\\?$", stage, re.MULTILINE).group(1).split()
    # Alpine's nginx, refused below the version deploy/kubernetes needs (`resolve`, `service=`).
    (nginx,) = [p.strip('"') for p in packages if p.strip('"').startswith("nginx>")]
    assert nginx == "nginx>=" + ".".join(map(str, RESOLVING_NGINX))
    assert "nginx-mod-http-brotli" in packages  # what deploy/nginx/modules.conf loads
    # Streamlit's files from the app stage, compressed where site.conf looks for them.
    assert re.search(
        r"^COPY --from=app /usr/local/lib/python3\.11/site-packages/streamlit/static "
        r"/etc/nginx/streamlit-static$",
        stage,
        re.MULTILINE,
    )
    assert "precompress.sh /etc/nginx/streamlit-static/static" in stage
    assert "FROM python:3.11-slim AS app" in (ROOT / "Dockerfile").read_text()
    # Relative paths under /etc/nginx, as front-door.conf and deploy/kubernetes' nginx.conf say.
    assert '"-p", "/etc/nginx/"' in stage.split("CMD", 1)[1]
    # `docker build .` still builds the app replica.
    assert (ROOT / "Dockerfile").read_text().rstrip().splitlines()[-1] == "FROM app"


def front_door_stage() -> str:
    dockerfile = (ROOT / "Dockerfile").read_text()
    return dockerfile[dockerfile.index("AS front-door") - 40 :].split("\nFROM app", 1)[0]


def test_the_front_door_image_configuration_is_valid(tmp_path):
    """front-door.conf and compose.conf as the image holds them (deploy/nginx as explorer/),
    checked by Debian's nginx with the replicas' names pointed at this machine."""
    shutil.copytree(ROOT / "deploy" / "nginx", tmp_path / "explorer")
    compose = tmp_path / "explorer" / "compose.conf"
    compose.write_text(re.sub(r"server app-\d+:", "server 127.0.0.1:", compose.read_text()))
    (tmp_path / "run").mkdir()
    shutil.copy(ROOT / "deploy" / "nginx" / "front-door.conf", tmp_path / "nginx.conf")
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
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\n"
        "include explorer/modules.conf;\nevents {}\n"
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
