"""A real S3-compatible server on loopback (moto's standalone server, from PyPI) for the tests and the benchmark.

It speaks the S3 protocol over HTTP like any other endpoint; the dashboard reaches it through the usual AWS
variables (`env()`), exactly as it would reach AWS, MinIO or a provider's object storage.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from bench.server import free_port, stop

CREDENTIALS = {"AWS_ACCESS_KEY_ID": "local-test-key", "AWS_SECRET_ACCESS_KEY": "local-test-secret"}


class LocalS3:
    """moto's S3 server in a subprocess; `env()` is what a client needs to use it."""

    def __init__(self, log_dir: Path, timeout: float = 30):
        self.port = free_port()
        self.endpoint = f"http://127.0.0.1:{self.port}"
        log_dir.mkdir(parents=True, exist_ok=True)
        self.log = (log_dir / f"s3-{self.port}.log").open("w")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(self.port)],
            stdout=self.log, stderr=subprocess.STDOUT, env={**os.environ, **CREDENTIALS},
        )  # fmt: skip
        deadline = time.monotonic() + timeout
        while True:
            try:
                with urllib.request.urlopen(f"{self.endpoint}/moto-api/", timeout=2):
                    break
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"the local S3 server did not start; see {self.log.name}") from None
                time.sleep(0.1)

    def env(self) -> dict[str, str]:
        """The AWS variables that point a client at this server."""
        return {**CREDENTIALS, "AWS_ENDPOINT_URL": self.endpoint, "AWS_REGION": "eu-west-1"}

    def stop(self) -> None:
        stop(self.proc)
        self.log.close()
