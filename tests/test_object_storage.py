"""Data on S3-compatible object storage, against a real local S3 server (moto's, over HTTP): publishing, reading,
a publish killed midway, and the commands that must not write there."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import uuid

import pytest

from compliance import __main__ as cli
from compliance import db, publish, release, settings, storage
from tests.conftest import DATA_ROOT, ROOT, S3_BUCKET, SHIPPED, changed_release
from tests.test_pages import open_page, text_of


def _target() -> str:
    return f"s3://{S3_BUCKET}/t-{uuid.uuid4().hex[:8]}"


def _pointer(target: str) -> str | None:
    return release.current_id(storage.location(target))


def test_publish_uploads_every_file_checks_it_and_then_switches_the_pointer(local_s3):
    target = _target()
    done = publish.publish(DATA_ROOT, target)
    files = publish.files_of(SHIPPED)
    assert (done.release_id, done.uploaded, done.kept, done.previous) == (SHIPPED.name, len(files), 0, None)
    assert _pointer(target) == SHIPPED.name
    fs = storage.filesystem()
    for path in files[:: max(1, len(files) // 12)] + [files[-1]]:  # a sample, and the manifest (last)
        key = f"{storage.key(target)}/releases/{SHIPPED.name}/{path.relative_to(SHIPPED).as_posix()}"
        assert fs.cat_file(key) == path.read_bytes()
        assert fs.info(key)["ETag"].strip('"') == hashlib.md5(path.read_bytes()).hexdigest()
    again = publish.publish(DATA_ROOT, target)  # the same release again: checked, nothing sent
    assert (again.uploaded, again.kept, again.previous) == (0, len(files), SHIPPED.name)


def test_the_dashboard_reads_the_pakistan_cat_facts_from_the_bucket(local_s3, monkeypatch):
    target = _target()
    publish.publish(DATA_ROOT, target)
    monkeypatch.setenv(settings.ENV_VAR, target)
    folder = db.release_dir()
    assert str(folder) == f"{target}/releases/{SHIPPED.name}"
    assert db.version_label(folder) == db.version_label(SHIPPED)  # the version cited is the same wherever it is read
    assert db.problems(folder) == {}
    at = open_page("reporting_delays.py", state="PAK", instrument="CAT")
    text = text_of(at)
    assert (
        "ratified 2010-06-23, in force 2010-07-23, due 2011-07-23, submitted January 2016, reviewed 2017-04-18" in text
    )
    assert "Subscribe (iCalendar" in text  # static/ holds this release's feeds, checked against its manifest


def test_a_publish_killed_midway_leaves_readers_on_the_release_they_had(local_s3, tmp_path):
    target = _target()
    publish.publish(DATA_ROOT, target)
    root = tmp_path / "changed"
    new_id = changed_release(root, "Minister for Human Rights (a test release)")
    total = len(publish.files_of(release.resolve(root)))
    env = {**os.environ, settings.ENV_VAR: str(root)}
    # a kill after the first upload, after many, and after the last upload with the pointer not yet written
    for kill_at in (1, 100, total - 101 + 1):
        run = subprocess.run([sys.executable, "-m", "compliance", "publish", target], cwd=ROOT, capture_output=True,
                             env={**env, release.KILL_ENV: str(kill_at)}, timeout=120)  # fmt: skip
        assert run.returncode == -9, run.stderr.decode()[-500:]
        assert _pointer(target) == SHIPPED.name
    run = subprocess.run([sys.executable, "-m", "compliance", "publish", target], cwd=ROOT, capture_output=True,
                         env=env, timeout=120)  # fmt: skip
    assert run.returncode == 0, run.stderr.decode()[-500:]
    assert f"0 file(s) uploaded, {total} already there" in run.stdout.decode()
    assert _pointer(target) == new_id


def test_a_missing_bucket_is_said_in_one_line_and_nothing_is_written(local_s3, capsys):
    assert cli.main(["publish", "s3://no-such-bucket-here/x"]) == 2
    assert "the bucket 'no-such-bucket-here' does not exist" in capsys.readouterr().err


def test_a_page_on_a_location_that_cannot_be_read_says_so(local_s3, monkeypatch):
    monkeypatch.setenv(settings.ENV_VAR, "s3://no-such-bucket-here/data")
    at = open_page("dashboard_overview.py")
    assert any("The data cannot be opened" in e.value for e in at.error)
    assert not at.dataframe  # nothing shown rather than a partial record


@pytest.mark.parametrize(
    "command", [["build"], ["import", "examples"], ["release", "rollback"], ["export", "out", "X"]]
)
def test_commands_that_write_refuse_object_storage(command, monkeypatch, capsys, tmp_path):
    monkeypatch.setenv(settings.ENV_VAR, "s3://treaty-dashboard/live")
    assert cli.main(command) == 2
    err = capsys.readouterr().err
    assert "this command writes a local data folder" in err and "python -m compliance publish" in err


@pytest.mark.parametrize(
    "text",
    ["s3://", "s3://ab", "s3://Upper/x", "s3://bucket/../etc", "s3://bucket/a b", "s3://bucket/x?y=1",
     "s3://bucket//x", "s3://-bucket/x", "s3://bucket/./x", "s3://bucket/%2e%2e/x"],
)  # fmt: skip
def test_unusable_locations_are_refused_with_a_reason(text):
    with pytest.raises(storage.StorageError, match="not a usable object storage location"):
        storage.location(text)


@pytest.mark.parametrize("text", ["s3://bucket", "s3://bucket/", "s3://my.bucket-1/live/v2", "s3://bkt/a_b/c-d.e"])
def test_usable_locations_are_kept(text):
    assert storage.check_remote(text) == text.rstrip("/")


def test_a_table_missing_or_damaged_on_the_bucket_is_named_and_the_rest_still_read(local_s3, monkeypatch):
    target = _target()
    publish.publish(DATA_ROOT, target)
    fs = storage.filesystem()
    prefix = f"{storage.key(target)}/releases/{SHIPPED.name}"
    fs.rm_file(f"{prefix}/upr_recommendations.parquet")
    fs.pipe_file(f"{prefix}/cases.parquet", b"PAR1 not really")
    monkeypatch.setenv(settings.ENV_VAR, target)
    found = db.problems()
    assert found["upr_recommendations"] == "the file is missing"
    assert found["cases"].startswith("the file is not readable Parquet")
    assert set(found) == {"upr_recommendations", "cases"}
    assert len(db.execute("select * from reviews where review_id = 'CAT-60-PAK'", {})) == 1


def test_a_prefix_without_a_pointer_is_one_release_versioned_by_its_etags(local_s3, monkeypatch):
    target = _target()
    fs = storage.filesystem()
    for path in sorted(SHIPPED.glob("*.parquet")):
        fs.put_file(str(path), f"{storage.key(target)}/{path.name}")
    monkeypatch.setenv(settings.ENV_VAR, target)
    assert str(db.release_dir()) == target and db.problems() == {}
    first = db.data_version()
    assert len(first) == 16 and first != SHIPPED.name
    fs.put_file(str(SHIPPED / "states.parquet"), f"{storage.key(target)}/reviews.parquet")  # another object's bytes
    db._versions.clear()  # as the next page load after VERSION_TTL
    assert db.data_version() != first
    assert "reviews" in db.problems()  # the new version is opened: its reviews object is not the reviews table
