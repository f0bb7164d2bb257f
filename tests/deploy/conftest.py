"""Deploy tier: the clinic topology (deploy/run-local.sh: nginx in front of two app processes)
started on free loopback ports, looked at with Debian's Chromium."""

from __future__ import annotations

import fcntl
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
import streamlit

from deploy import fonts

# The same Chromium settings as the browser tier.
from tests.browser.conftest import browser_type_launch_args  # noqa: F401
from tests.conftest import require_program
from tests.live import ROOT, free_port, start_run_local, started_pids, stop_run_local

# Where deploy/run-local.sh keeps the fonts it cuts for this app (deploy/fonts.py), and the
# installed Streamlit's files it cuts them from.
BUILT_FONTS = ROOT / "build" / "fonts"
STREAMLIT_STATIC = Path(streamlit.__file__).parent / "static"


def built_fonts() -> Path:
    """The folder of the fonts cut for this app, as deploy/run-local.sh makes and keeps them. One
    process cuts at a time: workers that start a topology or check the cut together wait for the
    first one's cut (about half a minute of both cores) and reuse it, not each make it."""
    BUILT_FONTS.mkdir(parents=True, exist_ok=True)
    with open(BUILT_FONTS.parent / "fonts.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return fonts.build(STREAMLIT_STATIC, ROOT, BUILT_FONTS)


@pytest.fixture(scope="session")
def nginx() -> str:
    return require_program("nginx")


def nginx_check(prefix: Path, conf: str) -> subprocess.CompletedProcess:
    """`nginx -t` on prefix/conf, relative paths (includes, temp and pid files) under prefix."""
    return subprocess.run(
        [
            require_program("nginx"),
            "-t",
            "-p",
            f"{prefix}/",
            "-c",
            str(prefix / conf),
            "-e",
            str(prefix / "error.log"),
        ],
        capture_output=True,
        text=True,
    )


def nginx_version() -> tuple[int, ...]:
    """The version of the nginx that nginx_check runs, e.g. (1, 22, 1)."""
    banner = subprocess.run([require_program("nginx"), "-v"], capture_output=True, text=True).stderr
    return tuple(int(part) for part in banner.split("nginx/", 1)[1].split()[0].split("."))


@dataclass
class Topology:
    """A running deploy/run-local.sh: its proxy addresses and the files it writes."""

    process: subprocess.Popen
    run_dir: Path
    url: str
    tls_url: str
    app_ports: list[int]

    def app_pid(self, port: int) -> int:
        return int((self.run_dir / f"app-{port}.pid").read_text())

    def started_pids(self) -> list[int]:
        return started_pids(self.run_dir)

    def access_log(self) -> list[str]:
        return (self.run_dir / "access.log").read_text().splitlines()

    def stop(self) -> None:
        stop_run_local(self.process, self.run_dir)


def self_signed_certificate(folder: Path) -> Path:
    openssl = require_program("openssl")
    folder.mkdir()
    subprocess.run(
        [
            openssl,
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=127.0.0.1",
            "-keyout",
            str(folder / "privkey.pem"),
            "-out",
            str(folder / "fullchain.pem"),
        ],
        check=True,
        capture_output=True,
    )
    return folder


@pytest.fixture(scope="module")
def topology(nginx):
    # Not under pytest's own temporary folder, which only its owner may enter: nginx's workers
    # (`nobody` when the tests run as root) serve Streamlit's files and the cut fonts from here.
    work = Path(tempfile.mkdtemp(prefix="topology-"))
    work.chmod(0o755)
    proxy_port, tls_port, *app_ports = (free_port() for _ in range(4))
    run_dir = work / "run"
    built_fonts()  # run-local.sh then finds them made
    process = start_run_local(
        run_dir,
        proxy_port,
        app_ports,
        EXPLORER_TLS_PORT=str(tls_port),
        EXPLORER_TLS_CERTS=str(self_signed_certificate(work / "certs")),
    )
    topology = Topology(
        process,
        run_dir,
        f"http://127.0.0.1:{proxy_port}",
        f"https://127.0.0.1:{tls_port}",
        app_ports,
    )
    try:
        # The script prints "Serving …" once the app answers through the proxy.
        first_line = process.stdout.readline()
        assert first_line.startswith("Serving"), first_line + process.stdout.read()
        yield topology
    finally:
        topology.stop()
        shutil.rmtree(work, ignore_errors=True)
