"""A real import process SIGKILLed at every point it writes: the data is always the old release or the new one, whole.

The import calls release.checkpoint() right after each file it writes and around the pointer switch; with
COMPLIANCE_KILL_AT=n it kills itself with SIGKILL at the n-th. Each kill leaves the data root as it is, and the
test then opens it as the app would.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pandas as pd
import pytest

from compliance import release
from tests.conftest import DATA_ROOT, ROOT, SHIPPED


def make_root(folder: Path) -> Path:
    """A data root holding the shipped release as current (sources linked)."""
    folder.mkdir(parents=True)
    shutil.copytree(SHIPPED, folder / release.RELEASES / SHIPPED.name)
    shutil.copy2(DATA_ROOT / release.POINTER, folder / release.POINTER)
    (folder / "sources").symlink_to(DATA_ROOT / "sources")
    return folder


def new_review(folder: Path) -> Path:
    base = pd.read_csv(ROOT / "examples" / "pakistan-cat-2017" / "reviews.csv", dtype=str, keep_default_na=False)
    row = base.iloc[0].to_dict() | {
        "review_id": "CAT-99-PAK",
        "session": "99",
        "start_date": "2020-01-10",
        "end_date": "2020-01-11",
    }
    folder.mkdir()
    pd.DataFrame([row]).to_csv(folder / "reviews.csv", index=False)
    return folder


def run_import(root: Path, source: Path, kill_at: int | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "COMPLIANCE_DATA": str(root)}
    env.pop(release.KILL_ENV, None)
    if kill_at is not None:
        env[release.KILL_ENV] = str(kill_at)
    return subprocess.run(
        [sys.executable, "-m", "compliance", "import", str(source)], cwd=ROOT, env=env, capture_output=True, text=True
    )


def state_of(root: Path) -> str:
    """The release the app would open, after checking it is whole (its content hashes to its id)."""
    folder = release.resolve(root)
    assert release.content_hash(folder) == folder.name, "the current release is not whole"
    return folder.name


@pytest.fixture(scope="module")
def setting(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("crash")
    source = new_review(tmp / "input")
    reference = make_root(tmp / "reference")
    done = run_import(reference, source)
    assert done.returncode == 0, done.stderr
    return tmp, source, state_of(reference)


def test_a_kill_at_any_point_leaves_the_old_or_the_new_release_whole(setting):
    tmp, source, new_id = setting
    old_id = SHIPPED.name
    points = []

    def kill_at(n: int):
        root = make_root(tmp / f"kill-{n}")
        run = run_import(root, source, kill_at=n)
        return n, root, run

    n, results = 0, []
    with ThreadPoolExecutor(max_workers=2) as pool:
        while not results or results[-1][2].returncode == -signal.SIGKILL:
            batch = list(pool.map(kill_at, [n + 1, n + 2]))
            results += batch
            n += 2
            assert n < 200, "the import never finished"
    killed = [(n, root) for n, root, run in results if run.returncode == -signal.SIGKILL]
    assert len(killed) >= 30, f"only {len(killed)} kill points"
    for n, root in killed:
        now = state_of(root)
        assert now in (old_id, new_id), (n, now)
        points.append((n, now))
    # Early kills keep the old release, late ones (after the pointer switch) the new one; both occur.
    assert {now for _, now in points} == {old_id, new_id}
    # The next import works after every kind of kill, and sweeps any staging folder a kill left.
    for n, root in killed[::6] + killed[-2:]:
        again = run_import(root, source)
        assert again.returncode == 0, (n, again.stderr)
        assert state_of(root) == new_id
        assert not [p for p in (root / release.RELEASES).iterdir() if p.name.startswith(release.STAGING_PREFIX)]
