"""Where the data lives: a local folder, or a prefix on S3-compatible object storage (s3://bucket/prefix).

COMPLIANCE_DATA names either. On object storage the files are read through s3fs (fsspec), the same filesystem
DuckDB is given to read the Parquet over S3. Endpoint, region and credentials come from the usual AWS
variables, as any AWS tool reads them: AWS_ENDPOINT_URL_S3 or AWS_ENDPOINT_URL (for a server other than AWS),
AWS_REGION or AWS_DEFAULT_REGION, AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN or a profile.

Only `publish` (compliance.publish) writes to a bucket; everything here reads. Listings are never cached, so a
new release's pointer is seen on the next read.
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path

SCHEME = "s3://"
# A bucket name as S3 allows it (3-63 lower-case letters, digits, dots, hyphens), then an optional key prefix of
# plain path characters: no spaces, no "..", nothing a shell or a URL would read differently.
REMOTE = re.compile(r"s3://([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(/(?:[A-Za-z0-9_-][A-Za-z0-9._-]*/?)*)?")


class StorageError(ValueError):
    """A data location that cannot be used, said in words a reader can act on."""


def is_remote(location) -> bool:
    """Whether the location names object storage rather than a local folder."""
    return str(location).startswith(SCHEME)


def check_remote(text: str) -> str:
    """The location without a trailing slash, or StorageError saying what is wrong with it."""
    if not REMOTE.fullmatch(text) or "/../" in f"{text}/" or "/./" in f"{text}/":
        raise StorageError(
            f"{text[:80]!r} is not a usable object storage location: write s3://bucket or s3://bucket/prefix "
            "(bucket: 3-63 lower-case letters, digits, dots or hyphens; prefix: letters, digits, . _ - and /)"
        )
    return text.rstrip("/")


def options() -> dict:
    """s3fs options from the AWS environment variables (credentials are left to botocore's own chain)."""
    opts: dict = {"use_listings_cache": False}
    endpoint = os.environ.get("AWS_ENDPOINT_URL_S3") or os.environ.get("AWS_ENDPOINT_URL")
    if endpoint:
        opts["endpoint_url"] = endpoint
    region = os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION")
    if region:
        opts["client_kwargs"] = {"region_name": region}
    return opts


def filesystem():
    """The s3fs filesystem for the current environment (fsspec keeps one instance per set of options)."""
    import fsspec

    return fsspec.filesystem("s3", **options())


def location(text: str | os.PathLike):
    """A path object for the location: pathlib.Path for a local folder, a universal_pathlib S3 path otherwise.

    Both answer `/`, `name`, `glob`, `is_file`, `is_dir`, `read_text`, `read_bytes` and `open` the same way.
    """
    return _location(os.fspath(text), os.getcwd(), tuple(sorted(options().items(), key=str)).__repr__())


@functools.lru_cache(maxsize=64)
def _location(text: str, cwd: str, opts: str):
    # a page run asks for it once per query: made once per text, working folder and AWS settings
    if not is_remote(text):
        return Path(text).resolve()
    from upath import UPath

    return UPath(check_remote(text), **options())


def key(path) -> str:
    """bucket/key of a remote path, as s3fs names it."""
    return str(path).removeprefix(SCHEME)


def read_text(path) -> str:
    """A small object's text, read fresh (a GET; no listing cache, no stale size)."""
    if not is_remote(path):
        return Path(path).read_text(encoding="ascii")
    return filesystem().cat_file(key(path)).decode("ascii")


def etags(folder) -> dict[str, str]:
    """Each Parquet object's name and ETag in a remote folder, listed fresh."""
    listing = filesystem().ls(key(folder), detail=True, refresh=True)
    return {
        item["name"].rsplit("/", 1)[-1]: str(item.get("ETag", "")).strip('"')
        for item in listing
        if item.get("type") == "file" and item["name"].endswith(".parquet")
    }


def fetch(paths: list) -> dict[str, bytes]:
    """The bytes of each remote object, fetched concurrently in one batch; an object that is missing or cannot be
    read is left out (the caller says which)."""
    got = filesystem().cat([key(p) for p in paths], on_error="return")
    return {f"{SCHEME}{name}": data for name, data in got.items() if isinstance(data, bytes)}
