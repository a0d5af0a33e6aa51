"""Write an import: a new release beside the current one (curated files and the Parquet built from them)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pandas as pd

from compliance import build, release


def write_release(root: Path, curated: Path, changed: dict[str, pd.DataFrame]) -> str:
    """Publish a new release: the current curated files with `changed` ones rewritten, and Parquet built from them.

    Nothing already on disk is touched: the release is written beside the current one and the pointer switched
    last, so a failure or a kill at any moment leaves the current release whole.
    """

    def write(folder: Path) -> None:
        target = folder / "curated"
        target.mkdir()
        for path in sorted(curated.iterdir()):
            if path.is_file() and path.suffix in (".csv", ".md") and path.stem not in changed:
                shutil.copyfile(path, target / path.name)
                release.checkpoint()
        for name, frame in sorted(changed.items()):
            frame.to_csv(target / f"{name}.csv", index=False, encoding="utf-8")
            release.checkpoint()
        build.write_release(build.build_tables(root / "sources", target), target, folder)

    return release.publish(root, write)


def reference(folder: Path) -> tuple[set[str], dict[str, str], dict[tuple[str, str], dt.date | None]]:
    import pyarrow.parquet as pq

    states = pq.read_table(folder / "states.parquet").to_pandas()
    rat = pq.read_table(folder / "ratifications.parquet", columns=["iso3", "instrument", "in_force_date"]).to_pandas()
    in_force = {(r.iso3, r.instrument): r.in_force_date for r in rat.itertuples() if r.iso3}
    return set(states.iso3), dict(zip(states.iso3, states.name)), in_force
