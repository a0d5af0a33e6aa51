"""Publish a local data release to object storage, atomically: the one path by which data reaches a bucket.

Layout of a published prefix, the same as a local data root's:

    s3://bucket/prefix/releases/<id>/...   every file of the release, release.json last
    s3://bucket/prefix/CURRENT             the id of the release readers open (one small object)

Each file is uploaded under the release's own prefix, and its ETag (the MD5 of a single-part upload) is
checked against the local bytes; only then is CURRENT written, in one PUT. S3 replaces an object whole, so a
reader sees the old pointer or the new one, and either names a release whose every file is already there. A
kill at any moment leaves readers on the release they had. A release that is already there is checked and
not uploaded again, so publishing an older release id is a rollback.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from compliance import release, storage


class PublishError(RuntimeError):
    """The release could not be published; nothing readers see was changed."""


@dataclass(frozen=True)
class Published:
    release_id: str
    uploaded: int  # files sent
    kept: int  # files already there with the same bytes
    previous: str | None  # the release CURRENT named before


def _md5(path: Path) -> str:
    return hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest()


def _same(fs, key: str, path: Path) -> bool:
    """Whether the object at `key` holds the local file's bytes (by ETag, or by size for a multipart ETag)."""
    try:
        info = fs.info(key, refresh=True)
    except FileNotFoundError:
        return False
    etag = str(info.get("ETag", "")).strip('"')
    if "-" in etag:  # a multipart upload's ETag is not an MD5 of the whole
        return info.get("size") == path.stat().st_size
    return etag == _md5(path)


def files_of(folder: Path) -> list[Path]:
    """The release's files in upload order: the manifest last, so a release whose manifest is there is whole."""
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    return [p for p in files if p.name != release.MANIFEST] + [p for p in files if p.name == release.MANIFEST]


def publish(local_root: Path, target: str, progress=None) -> Published:
    """Upload the local root's current release to `target` (s3://bucket/prefix) and make it current there."""
    target = storage.check_remote(target)
    folder = release.resolve(local_root)
    if not (release.RELEASE_ID.fullmatch(folder.name) and (folder / release.MANIFEST).is_file()):
        raise PublishError(f"{local_root} holds no built release (run `python -m compliance build` first)")
    fs = storage.filesystem()
    bucket = storage.key(target).split("/", 1)[0]
    if not fs.exists(bucket):
        raise PublishError(f"the bucket {bucket!r} does not exist or cannot be reached at this endpoint")
    try:
        previous = release.current_id(storage.location(target))
    except release.ReleaseError:
        previous = None  # an unreadable pointer is replaced, as a local publish replaces it
    prefix = f"{storage.key(target)}/{release.RELEASES}/{folder.name}"
    uploaded = kept = 0
    files = files_of(folder)
    for path in progress(files) if progress else files:
        key = f"{prefix}/{path.relative_to(folder).as_posix()}"
        if _same(fs, key, path):
            kept += 1
            continue
        fs.put_file(str(path), key)
        release.checkpoint()
        if not _same(fs, key, path):
            raise PublishError(f"{key} does not hold what was sent; CURRENT was left naming {previous}")
        uploaded += 1
    release.checkpoint()
    fs.pipe_file(f"{storage.key(target)}/{release.POINTER}", f"{folder.name}\n".encode("ascii"))
    release.checkpoint()
    return Published(folder.name, uploaded, kept, previous)
