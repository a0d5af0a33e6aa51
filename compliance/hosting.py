"""Serve the dashboard as it is hosted: N Streamlit replicas behind HAProxy, each replica restarted if it dies.

`python -m compliance.hosting --replicas 2 --port 8501` (or `bash scripts/serve.sh --replicas 2`) starts it,
prints the URL, and stops everything on Ctrl-C. The replicas only read the data; HAProxy pins each browser to a
replica with a cookie (its session, websocket and downloads meet the same process) and health-checks
/_stcore/health. docs/deployment.md maps the same pieces to a container platform.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import string
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

from compliance import build, settings, storage

TEMPLATE = settings.ROOT / "deploy" / "haproxy.cfg.template"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
            return r.status == 200
    except OSError:
        return False


class Replica:
    """One `python -m compliance.server` on a fixed loopback port; start() again after it died."""

    def __init__(self, name: str, data_dir: Path, log_dir: Path, options: tuple[str, ...] = ()):
        self.name, self.data_dir, self.log_dir, self.options = name, data_dir, log_dir, options
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None
        self.starts = 0

    def start(self) -> None:
        log = (self.log_dir / f"{self.name}.log").open("a")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "compliance.server", "--server.port", str(self.port),
             "--server.address", "127.0.0.1", "--server.headless", "true", *self.options],
            cwd=settings.ROOT, env={**os.environ, settings.ENV_VAR: str(self.data_dir), settings.READ_ONLY_VAR: "1"}, stdout=log,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
        self.starts += 1

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def stop(self) -> None:
        if self.alive():
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()


class Cluster:
    """Replicas, HAProxy in front of them, and a watcher that restarts a replica that exits."""

    def __init__(self, replicas: int, data_dir: Path, port: int | None = None, bind: str = "127.0.0.1",
                 log_dir: Path | None = None, options: tuple[str, ...] = ()):  # fmt: skip
        if shutil.which("haproxy") is None:
            raise RuntimeError("haproxy is not installed (Debian: apt-get install haproxy)")
        self.log_dir = log_dir or Path(tempfile.mkdtemp(prefix="dashboard-"))
        self.log_dir.mkdir(parents=True, exist_ok=True)
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.replicas = [Replica(f"r{i + 1}", data_dir, self.log_dir, options) for i in range(replicas)]
        self.config = self.log_dir / "haproxy.cfg"
        self.config.write_text(self.render(bind))
        self.proxy: subprocess.Popen | None = None
        self._watching = threading.Event()

    def render(self, bind: str) -> str:
        servers = "\n".join(
            f"    server {r.name} 127.0.0.1:{r.port} check inter 1s fall 2 rise 1 cookie {r.name}"
            for r in self.replicas
        )
        return string.Template(TEMPLATE.read_text()).substitute(bind=bind, port=self.port, servers=servers)

    def start(self, timeout: float = 90) -> Cluster:
        for r in self.replicas:
            r.start()
        deadline = time.monotonic() + timeout
        while not all(healthy(r.url) for r in self.replicas):
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"replicas did not become healthy; logs in {self.log_dir}")
            time.sleep(0.2)
        log = (self.log_dir / "haproxy.log").open("a")
        self.proxy = subprocess.Popen(["haproxy", "-db", "-f", str(self.config)], stdout=log, stderr=subprocess.STDOUT)
        while not healthy(self.url):
            if time.monotonic() > deadline or self.proxy.poll() is not None:
                self.stop()
                raise RuntimeError(f"haproxy did not start; see {self.log_dir / 'haproxy.log'}")
            time.sleep(0.1)
        self._watching.set()
        threading.Thread(target=self._watch, daemon=True).start()
        return self

    def _watch(self) -> None:
        """Restart any replica that exited; HAProxy's health check takes it out meanwhile and back once healthy."""
        while self._watching.is_set():
            for r in self.replicas:
                if not r.alive() and self._watching.is_set():
                    r.start()
            time.sleep(0.5)

    def stop(self) -> None:
        self._watching.clear()
        if self.proxy is not None and self.proxy.poll() is None:
            self.proxy.terminate()
            self.proxy.wait(10)
        for r in self.replicas:
            r.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m compliance.hosting", description=__doc__)
    parser.add_argument("--replicas", type=int, default=2, help="how many Streamlit processes (default 2)")
    parser.add_argument("--port", type=int, default=8501, help="the port the proxy listens on (default 8501)")
    parser.add_argument("--bind", default="127.0.0.1", help="the address the proxy listens on (0.0.0.0 for all)")
    args = parser.parse_args(argv)
    if not 1 <= args.replicas <= 16:
        parser.error("--replicas must be from 1 to 16")
    try:
        root = settings.data_dir()
    except storage.StorageError as err:
        parser.error(str(err))
    if not settings.read_only():
        build.expose_calendars(root)  # once, here: the replicas themselves write nothing
    cluster = Cluster(args.replicas, root, args.port, args.bind).start()
    print(f"dashboard at http://{args.bind}:{cluster.port} ({args.replicas} replicas; logs in {cluster.log_dir})")
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        while not stop.is_set():
            stop.wait(1)
    except KeyboardInterrupt:
        pass
    cluster.stop()
    print("stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
