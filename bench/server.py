"""Start the dashboard (`python -m compliance.server`) on a free port and wait for its health endpoint (used by the benchmark and browser tests)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    """A TCP port on the loopback interface that nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A streamlit server process serving app.py on `data_dir` (or another script, `app`), logging to `log_dir`;
    `options` are more `streamlit run` options."""

    def __init__(self, data_dir: Path | str, log_dir: Path, timeout: float = 60, env: dict | None = None,
                 options: tuple[str, ...] = (), app: Path | None = None):  # fmt: skip
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.ws_url = f"ws://127.0.0.1:{self.port}/_stcore/stream"
        log_dir.mkdir(parents=True, exist_ok=True)
        self.log = (log_dir / f"server-{self.port}.log").open("w")
        self.started = time.monotonic()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", *(("bench.floor_server", str(app)) if app else ("compliance.server",)),
             "--server.port", str(self.port), "--server.address", "127.0.0.1", "--server.headless", "true", *options],
            cwd=ROOT, env={**os.environ, **(env or {}), "COMPLIANCE_DATA": str(data_dir)}, stdout=self.log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        self.healthy_after = self._wait_healthy(timeout)

    def _wait_healthy(self, timeout: float) -> float:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"streamlit exited with {self.proc.returncode}; see {self.log.name}")
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        return time.monotonic() - self.started
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("streamlit did not become healthy")

    def stop(self) -> None:
        """Terminate the server (kill it if it will not stop)."""
        stop(self.proc)
        self.log.close()


def stop(proc: subprocess.Popen) -> None:
    """Terminate a process, and kill it if it has not stopped within 10 seconds."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
