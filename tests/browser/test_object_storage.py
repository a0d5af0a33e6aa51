"""The dashboard served from a bucket: a real server on s3://, a real local S3 server, a browser; a new release
published while it runs is shown on the next page load, and serving writes nothing to the bucket."""

from __future__ import annotations

import time
import uuid

import pytest

from compliance import db, publish, storage
from tests.browser.conftest import Server, wait_for_app
from tests.conftest import DATA_ROOT, S3_BUCKET, SHIPPED, changed_release

pytestmark = pytest.mark.browser
FACTS = "ratified 2010-06-23, in force 2010-07-23, due 2011-07-23, submitted January 2016, reviewed 2017-04-18"


def _objects(target: str) -> dict[str, str]:
    found = storage.filesystem().find(storage.key(target), detail=True)
    return {name: info.get("ETag", "") for name, info in found.items()}


def _open(page, url: str) -> tuple[str, str]:
    page.goto(url)
    wait_for_app(page)
    main = page.locator("[data-testid='stMain']").inner_text()
    return main, page.locator("[data-testid='stSidebar']").inner_text()


def test_served_from_a_bucket_and_a_new_release_shown_without_a_restart(local_s3, browser, tmp_path):
    target = f"s3://{S3_BUCKET}/served-{uuid.uuid4().hex[:8]}"
    publish.publish(DATA_ROOT, target)
    server = Server(target, env=local_s3.env())
    context = browser.new_context(viewport={"width": 1400, "height": 2000})
    try:
        page = context.new_page()
        main, side = _open(page, f"{server.url}/reporting-delays?state=PAK&instrument=CAT")
        assert FACTS in main and db.version_label(SHIPPED) in side.replace("\\", "")
        main, _ = _open(page, f"{server.url}/delegations?state=PAK&instrument=CAT")
        assert "led by Kamran Michael (Minister for Human Rights)." in main
        served = _objects(target)

        new_id = changed_release(tmp_path / "changed", "Minister for Human Rights (a test release)")
        publish.publish(tmp_path / "changed", target)
        published = _objects(target)
        time.sleep(db.VERSION_TTL + 0.5)  # a replica re-reads the pointer at most once a second
        main, side = _open(page, f"{server.url}/delegations?state=PAK&instrument=CAT")
        assert "led by Kamran Michael (Minister for Human Rights (a test release))." in main
        assert new_id in side and SHIPPED.name not in side
        main, _ = _open(page, f"{server.url}/reporting-delays?state=PAK&instrument=CAT")
        assert FACTS in main
        assert server.proc.poll() is None  # the same process all along
        assert _objects(target) == published  # the dashboard wrote nothing to the bucket
        assert set(served) < set(published)  # and the publish only added (the old release stays for rollback)
    finally:
        context.close()
        server.stop()
