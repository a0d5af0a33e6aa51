"""Data releases: each build or import writes a whole new folder, then one small pointer file is switched.

Layout of a data root (the COMPLIANCE_DATA folder):

    sources/              the public sources as found (inputs, never written by a release)
    releases/<id>/        one immutable release: every Parquet table, curated/ CSVs, release.json
    CURRENT               the id of the release readers open, replaced atomically with os.replace

A release id is the hash of the release's content, so the same build gives the same id and a rebuild that
changes nothing switches nothing. A kill at any moment leaves CURRENT naming either the old release or the
new one, each whole; half-written folders only ever exist under a `.staging-` name and are swept away by the
next publish. A folder holding Parquet files and no CURRENT is read as a release itself (test fixtures).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import hashlib
import json
import os
import re
import shutil
import signal
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

from compliance import storage

POINTER = "CURRENT"
RELEASES = "releases"
MANIFEST = "release.json"
STAGING_PREFIX = ".staging-"
KEEP = 5  # releases kept on disk besides the current one, for rollback
RELEASE_ID = re.compile(r"[0-9a-f]{12}")
KILL_ENV = "COMPLIANCE_KILL_AT"  # crash tests only: SIGKILL this process at the n-th checkpoint


class ReleaseError(RuntimeError):
    """The data root does not name a readable release."""


_checkpoints = 0


def checkpoint() -> None:
    """A point a crash test may kill this process at (a real SIGKILL); does nothing otherwise."""
    global _checkpoints
    _checkpoints += 1
    target = os.environ.get(KILL_ENV)
    if target and target.isdigit() and int(target) == _checkpoints:
        os.kill(os.getpid(), signal.SIGKILL)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def current_id(root: Path) -> str | None:
    """The release id CURRENT names, or None when the root has no pointer."""
    pointer = root / POINTER
    try:
        text = storage.read_text(pointer).strip()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as err:
        raise ReleaseError(f"{pointer} cannot be read: {err}") from err
    if not RELEASE_ID.fullmatch(text):
        raise ReleaseError(f"{pointer} does not name a release (it holds {text[:40]!r})")
    return text


def resolve(root: Path) -> Path:
    """The folder readers open: the release CURRENT names, or the root itself when it has no pointer."""
    release_id = current_id(root)
    if release_id is None:
        return root
    folder = root / RELEASES / release_id
    if not folder.is_dir():
        raise ReleaseError(f"{root / POINTER} names release {release_id}, which is not in {root / RELEASES}")
    return folder


def content_hash(folder: Path) -> str:
    """A hash of every file in a release (names and bytes), the manifest left out."""
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file() and p.name != MANIFEST):
        h.update(path.relative_to(folder).as_posix().encode() + b"\0")
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()[:12]


def manifest(folder: Path) -> dict:
    """What release.json says of a release (its id, when it was made, its files' hashes)."""
    path = folder / MANIFEST
    return json.loads(path.read_text()) if path.is_file() else {}


@contextlib.contextmanager
def _lock(root: Path) -> Iterator[None]:
    """One writer at a time per data root; readers never take it."""
    root.mkdir(parents=True, exist_ok=True)
    with open(root / ".lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _sweep(root: Path) -> None:
    """Remove half-written folders left by a writer that was killed (we hold the lock: none is in use)."""
    releases = root / RELEASES
    if releases.is_dir():
        for stale in releases.glob(STAGING_PREFIX + "*"):
            shutil.rmtree(stale, ignore_errors=True)
    for stale in root.glob(f".{POINTER}.*"):
        stale.unlink(missing_ok=True)


def _write_pointer(root: Path, release_id: str) -> None:
    tmp = root / f".{POINTER}.{uuid.uuid4().hex}"
    with open(tmp, "w", encoding="ascii") as handle:
        handle.write(release_id + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    checkpoint()
    os.replace(tmp, root / POINTER)
    checkpoint()
    _fsync_dir(root)


def publish(root: Path, write: Callable[[Path], None], made: dt.datetime | None = None) -> str:
    """Let `write` fill a staging folder with a whole release, then make it current; returns its id.

    The same content gives the same id: publishing it again only switches the pointer.
    """
    with _lock(root):
        _sweep(root)
        releases = root / RELEASES
        releases.mkdir(exist_ok=True)
        staging = releases / f"{STAGING_PREFIX}{uuid.uuid4().hex}"
        staging.mkdir()
        try:
            write(staging)
            for path in sorted(p for p in staging.rglob("*") if p.is_file()):
                with open(path, "rb") as handle:
                    os.fsync(handle.fileno())
            release_id = content_hash(staging)
            files = {
                p.relative_to(staging).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in sorted(staging.rglob("*"))
                if p.is_file()
            }
            made = made or dt.datetime.now(dt.UTC)
            meta = {"id": release_id, "made": made.strftime("%Y-%m-%dT%H:%M:%SZ"), "files": files}
            (staging / MANIFEST).write_text(json.dumps(meta, indent=1, sort_keys=True) + "\n")
            checkpoint()
            final = releases / release_id
            if final.is_dir():
                shutil.rmtree(staging)
            else:
                os.replace(staging, final)
                _fsync_dir(releases)
            checkpoint()
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        _write_pointer(root, release_id)
        _prune(root, release_id)
        return release_id


def _prune(root: Path, keep_id: str) -> None:
    """Keep the current release and the KEEP most recent others; older ones go."""
    others = [p for p in (root / RELEASES).iterdir() if p.is_dir() and RELEASE_ID.fullmatch(p.name)]
    others = sorted((p for p in others if p.name != keep_id), key=lambda p: manifest(p).get("made", ""), reverse=True)
    for old in others[KEEP:]:
        shutil.rmtree(old, ignore_errors=True)


def history(root: Path) -> list[dict]:
    """The releases on disk, newest first: id, when made, and whether it is current."""
    now = current_id(root)
    folder = root / RELEASES
    found = [p for p in folder.iterdir() if p.is_dir() and RELEASE_ID.fullmatch(p.name)] if folder.is_dir() else []
    rows = [{"id": p.name, "made": manifest(p).get("made", ""), "current": p.name == now} for p in found]
    return sorted(rows, key=lambda r: r["made"], reverse=True)


def rollback(root: Path, to: str | None = None) -> str:
    """Point CURRENT at release `to`, or at the newest release made before the current one; returns its id."""
    with _lock(root):
        rows = history(root)
        if to is None:
            made_now = next((r["made"] for r in rows if r["current"]), None)
            older = [r for r in rows if not r["current"] and (made_now is None or r["made"] <= made_now)]
            if not older:
                raise ReleaseError("no earlier release to roll back to")
            to = older[0]["id"]
        if not RELEASE_ID.fullmatch(to) or not (root / RELEASES / to).is_dir():
            raise ReleaseError(f"no release {to!r} in {root / RELEASES}")
        _write_pointer(root, to)
        return to
