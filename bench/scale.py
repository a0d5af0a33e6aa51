"""Synthetic scaled datasets for the benchmark: the shipped tables replicated, seeded, written outside data/.

Copy k of a state gets the code ISO3+k and a name marked "(synthetic k)": nothing here is a fact about a state.
"""

from __future__ import annotations

import math
import random
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from compliance import release, settings

PER_STATE = ("ratifications", "reports", "reviews", "upr_recommendations", "complaints")
PER_REVIEW = ("delegation", "stakeholders", "cases", "evidence")
CASES_AT_X100 = 100_000


def _copy(frame: pd.DataFrame, k: int) -> pd.DataFrame:
    out = frame.copy()
    if k == 0:
        return out
    if "iso3" in out:
        out["iso3"] = out["iso3"].map(lambda c: None if c is None else f"{c}{k}")
    if "review_id" in out:
        out["review_id"] = out["review_id"] + f"~{k}"
    if "name" in out and "un_regional_group" in out:
        out["name"] = out["name"] + f" (synthetic {k})"
    return out


def generate(scale: int, out: Path, source: Path | None = None, seed: int = 2017) -> dict[str, int]:
    """Write the shipped tables scaled by `scale` into `out`; returns rows per table."""
    source = source or release.resolve(settings.DEFAULT_DATA_DIR)
    if out.resolve().is_relative_to(settings.DEFAULT_DATA_DIR.resolve()):
        raise ValueError("synthetic data never goes into data/")
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    rows = {}
    case_factor = max(1, math.ceil(CASES_AT_X100 / (100 * len(pd.read_parquet(source / "cases.parquet")))))
    for path in sorted(source.glob("*.parquet")):
        frame = pd.read_parquet(path)
        name = path.stem
        if name in PER_STATE or name in PER_REVIEW or name == "states":
            copies = [_copy(frame, k) for k in range(scale)]
            if name == "cases" and scale > 1:
                copies = [c.assign(case_label=c["case_label"] + f" #{j}") for c in copies for j in range(case_factor)]
            frame = pd.concat(copies, ignore_index=True)
        if name == "upr_recommendations":
            # Shuffle once so a replicated corpus is not stored in copy order (closer to a real one).
            frame = frame.sample(frac=1.0, random_state=rng.randrange(2**32)).reset_index(drop=True)
        schema = pq.read_schema(path).remove_metadata()
        pq.write_table(
            pa.Table.from_pandas(frame, schema=schema, preserve_index=False), out / path.name, compression="zstd"
        )
        rows[name] = len(frame)
    return rows
