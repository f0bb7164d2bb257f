"""The container files that cannot run here (no Docker engine on this machine) still agree with
the app and with nginx."""

from __future__ import annotations

import re
import shutil

import yaml

from tests.browser.conftest import APP_PARTS
from tests.deploy.conftest import nginx_check
from tests.deploy.test_kubernetes import RESOLVING_NGINX
from tests.live import ROOT


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
