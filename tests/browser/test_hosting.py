"""The hosted shape, run for real: two Streamlit replicas behind HAProxy, a browser through the proxy."""

from __future__ import annotations

import io
import re
import shutil
import signal
import time

import pandas as pd
import pytest

from compliance import hosting
from tests.browser.conftest import ARTIFACTS, ROOT, wait_for_app

pytestmark = pytest.mark.browser


def _files(*folders) -> dict[str, tuple[int, int]]:
    return {str(p): (p.stat().st_size, p.stat().st_mtime_ns) for f in folders for p in f.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def cluster():
    assert shutil.which("haproxy"), "haproxy is missing: the README's test command installs it"
    before = _files(ROOT / "data", ROOT / "static")
    c = hosting.Cluster(2, ROOT / "data", log_dir=ARTIFACTS / "hosting").start()
    yield c
    c.stop()
    # read-only hosting: the replicas served pages, CSVs and a restart, and wrote nothing in data/ or static/
    assert _files(ROOT / "data", ROOT / "static") == before


def _context(browser):
    return browser.new_context(viewport={"width": 1400, "height": 2000}, accept_downloads=True)


def _replica(context) -> str:
    return next(c["value"] for c in context.cookies() if c["name"] == "REPLICA")


def test_a_page_a_filter_change_and_a_download_through_the_proxy(cluster, browser):
    contexts = [_context(browser) for _ in range(2)]
    try:
        for context in contexts:
            page = context.new_page()
            page.goto(f"{cluster.url}/delegations")
            wait_for_app(page)
            page.goto(f"{cluster.url}/delegations?state=PAK&instrument=CAT")  # a filter change, kept in the URL
            wait_for_app(page)
            assert "CAT-60-PAK: delegation of 10" in page.locator("[data-testid='stMain']").inner_text()
            with page.expect_download() as info:  # the download request must reach the replica that made it
                page.locator(".st-key-download_delegations button").click()
            with open(info.value.path(), "rb") as fh:
                assert len(pd.read_csv(io.BytesIO(fh.read()))) >= 1
        assert {_replica(c) for c in contexts} == {"r1", "r2"}  # each browser pinned, both replicas serving
    finally:
        for context in contexts:
            context.close()


def test_a_replica_that_dies_is_taken_out_and_restarted(cluster, browser):
    pinned = {}
    contexts = [_context(browser) for _ in range(2)]
    try:
        for context in contexts:
            page = context.new_page()
            page.goto(f"{cluster.url}/reporting-delays?state=PAK")
            wait_for_app(page)
            pinned[_replica(context)] = page
        victim = next(r for r in cluster.replicas if r.name == "r1")
        victim.proc.send_signal(signal.SIGKILL)
        survivor = pinned["r2"]
        survivor.reload()  # the other replica's browser does not notice
        wait_for_app(survivor)
        assert "about 4.5 years late" in survivor.locator("[data-testid='stMain']").inner_text()
        orphan = pinned["r1"]
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:  # its browser reconnects: to r2 while r1 is down, or to r1 restarted
            orphan.reload()
            try:
                wait_for_app(orphan)
                if "about 4.5 years late" in orphan.locator("[data-testid='stMain']").inner_text():
                    break
            except Exception:
                time.sleep(1)
        else:
            pytest.fail("the browser of the killed replica never got the page back")
        deadline = time.monotonic() + 60
        while not hosting.healthy(victim.url) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert victim.starts == 2 and hosting.healthy(victim.url)
        assert re.search(r"\br1\b", cluster.config.read_text())
    finally:
        for context in contexts:
            context.close()
