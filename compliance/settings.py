"""Where the data lives: one setting, COMPLIANCE_DATA (a folder or s3://bucket/prefix), defaulting to data/."""

from __future__ import annotations

import os
from pathlib import Path

from compliance import storage

ROOT = Path(__file__).resolve().parent.parent
SQL_DIR = ROOT / "sql"
DEFAULT_DATA_DIR = ROOT / "data"
STATIC_DIR = ROOT / "static"  # served at app/static/ (server.enableStaticServing)
ENV_VAR = "COMPLIANCE_DATA"


READ_ONLY_VAR = "COMPLIANCE_READ_ONLY"  # set to 1 by the hosted shape: the server writes nothing, not even static/


def data_dir():
    """The data root the app reads: a local folder (pathlib.Path) or an object storage prefix (an S3 path).

    A location that cannot be used raises storage.StorageError, which says why.
    """
    return storage.location(os.environ.get(ENV_VAR) or DEFAULT_DATA_DIR)


def local_data_dir() -> Path:
    """The data root a command writes to, which must be a local folder: the build and the import write locally,
    and `python -m compliance publish` is the one way to object storage."""
    root = data_dir()
    if storage.is_remote(root):
        raise storage.StorageError(
            f"{ENV_VAR} names object storage ({root}); this command writes a local data folder. Run it on a "
            "local folder, then upload that with `python -m compliance publish s3://bucket/prefix`."
        )
    return root


def read_only() -> bool:
    """Whether this process may write nothing at all: the hosted shape, or any data on object storage."""
    return os.environ.get(READ_ONLY_VAR, "") in {"1", "true", "yes"} or storage.is_remote(data_dir())
