"""A live app server and the Chromium that looks at it: shared by the browser tests and bench/."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from explorer.data import DATA_DIR_VARIABLE
from explorer.ui.shell import PAGES

ROOT = Path(__file__).resolve().parent.parent

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


# Every page of the app, as a person opens it from a link, in sidebar order.
PAGE_PATHS = [f"/{page.url_path}" for page in PAGES]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class AppServer:
    """`streamlit run <script>` (the app by default) on a free local port, optionally reading
    another data folder. Settings come from .streamlit/ in `app_dir`, and the app's own from
    `settings` (environment variables)."""

    def __init__(
        self,
        app_dir: Path = ROOT,
        data_dir: Path | None = None,
        script: str = "app.py",
        settings: dict[str, str] | None = None,
    ):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, **(settings or {})}
        if data_dir is not None:
            env[DATA_DIR_VARIABLE] = str(data_dir)
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "streamlit",
                "run",
                script,
                "--server.headless=true",
                f"--server.port={self.port}",
                "--server.address=127.0.0.1",
            ],
            cwd=app_dir,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self._wait_until_healthy()

    def _wait_until_healthy(self, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=1) as reply:
                    if reply.read() == b"ok":
                        return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("the app did not start within 30 s")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


# deploy/run-local.sh, as the deploy tests and the benchmark start it: each process it starts
# writes its pid to a file in its run folder.
def start_run_local(
    run_dir: Path, proxy_port: int, app_ports: list[int], **more: str
) -> subprocess.Popen:
    """Start the clinic topology on loopback ports (`more`: further EXPLORER_… settings). It
    prints a line starting "Serving" once the app answers through the proxy."""
    env = {
        **os.environ,
        "EXPLORER_PROXY_PORT": str(proxy_port),
        "EXPLORER_APP_PORTS": " ".join(map(str, app_ports)),
        "EXPLORER_RUN_DIR": str(run_dir),
        "EXPLORER_PYTHON": sys.executable,
        **more,
    }
    return subprocess.Popen(
        ["bash", str(ROOT / "deploy" / "run-local.sh")],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def started_pids(run_dir: Path) -> list[int]:
    return [int(path.read_text()) for path in run_dir.glob("*.pid")]


def stop_run_local(process: subprocess.Popen, run_dir: Path) -> None:
    """Ask deploy/run-local.sh to stop what it started; if it does not, end its processes by pid."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            for pid in [*started_pids(run_dir), process.pid]:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            process.wait()
