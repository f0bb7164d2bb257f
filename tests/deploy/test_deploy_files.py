"""The container files that cannot run here (no Docker engine on this machine) still agree with
the app and with nginx."""

from __future__ import annotations

import re

from tests.browser.conftest import APP_PARTS
from tests.deploy.conftest import nginx_check
from tests.live import ROOT


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
