"""Shared fixtures: the shipped data, tiny hand-checkable Parquet sets, and an AppTest factory."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from compliance import release

ROOT = Path(__file__).resolve().parent.parent
DATA_ROOT = ROOT / "data"
SHIPPED = release.resolve(DATA_ROOT)  # the current release: its Parquet tables and curated/ CSVs


def write_fixture(folder: Path, **tables: list[dict]) -> Path:
    """Write every shipped table into `folder` with the shipped schema: the rows given, or none."""
    folder.mkdir(parents=True, exist_ok=True)
    if "instruments" not in tables:  # the instruments are the treaty rules, not data: fixtures get the real ones
        from compliance import build

        rules = build.build_instruments().astype(object)
        tables = {**tables, "instruments": rules.where(rules.notna(), None).to_dict("records")}
    for path in SHIPPED.glob("*.parquet"):
        schema = pq.read_schema(path).remove_metadata()
        rows = tables.get(path.stem, [])
        unknown = {k for r in rows for k in r} - set(schema.names)
        assert not unknown, f"fixture names columns {path.stem} lacks: {unknown}"
        columns = {name: [r.get(name) for r in rows] for name in schema.names}
        pq.write_table(pa.table(columns, schema=schema), folder / path.name)
    return folder


@pytest.fixture
def fixture_data(tmp_path, monkeypatch):
    """A function that writes the given rows as the data folder and points the app at it."""

    def make(**tables: list[dict]) -> Path:
        folder = write_fixture(tmp_path / "data", **tables)
        monkeypatch.setenv("COMPLIANCE_DATA", str(folder))
        return folder

    return make


@pytest.fixture
def shipped(monkeypatch):
    """Point the app at the shipped data folder."""
    monkeypatch.setenv("COMPLIANCE_DATA", str(SHIPPED))
    return SHIPPED


def d(text: str) -> dt.date:
    """A date from ISO text, for fixtures."""
    return dt.date.fromisoformat(text)


@pytest.fixture(autouse=True)
def navigation_only():
    """AppTest, like compliance.server, routes with st.navigation only (see server.navigation_only)."""
    from compliance import server

    with server.navigation_only():
        yield


@pytest.fixture(scope="session")
def local_s3():
    """A real S3-compatible server (moto's standalone server) on loopback, with one empty bucket; this process's
    AWS variables point at it while the session lasts."""
    import os

    from bench.objectstore import LocalS3
    from compliance import storage

    server = LocalS3(ROOT / "test-artifacts" / "s3")
    saved = {k: os.environ.get(k) for k in server.env()}
    os.environ.update(server.env())
    storage.filesystem().mkdir(S3_BUCKET)
    yield server
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v
    server.stop()


S3_BUCKET = "treaty-dashboard"


def changed_release(root: Path, head_title: str) -> str:
    """A new release in `root`: the shipped one with CAT-60-PAK's head of delegation given another title."""
    import shutil

    from compliance import schema

    def write(staging: Path) -> None:
        shutil.copytree(SHIPPED, staging, dirs_exist_ok=True, ignore=shutil.ignore_patterns(release.MANIFEST))
        reviews = pq.read_table(staging / "reviews.parquet").to_pandas()
        reviews.loc[reviews.review_id == "CAT-60-PAK", "head_title"] = head_title
        pq.write_table(schema.to_arrow("reviews", reviews), staging / "reviews.parquet")

    return release.publish(root, write)
