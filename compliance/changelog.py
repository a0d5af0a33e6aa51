"""The data changelog (data/CHANGELOG.md): what each release added or removed, table by table, row by row."""

from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

HEADER = (
    "# Data releases\n\nNewest first. Rows are compared whole: a changed row counts as one removed and one added.\n"
)


def _rows(folder: Path | None, table: str) -> pd.Series:
    path = folder / f"{table}.parquet" if folder else None
    if path is None or not path.is_file():
        return pd.Series([], dtype="uint64")
    frame = pd.read_parquet(path)
    return pd.util.hash_pandas_object(frame.astype(str), index=False)


def entry(old: Path | None, new: Path, old_id: str | None, new_id: str, made: str) -> str:
    """One release's section: per table, rows before and after, added and removed."""
    tables = sorted(
        {p.stem for p in new.glob("*.parquet")} | ({p.stem for p in old.glob("*.parquet")} if old else set())
    )
    lines = [f"## {made[:10]} · release {new_id}" + (f" (after {old_id})" if old_id else ""), "",
             "| table | rows before | rows after | added | removed |", "|---|---:|---:|---:|---:|"]  # fmt: skip
    for table in tables:
        a, b = _rows(old, table), _rows(new, table)
        added, removed = (~b.isin(set(a))).sum(), (~a.isin(set(b))).sum()
        if added or removed or len(a) != len(b):
            lines.append(f"| {table} | {len(a):,} | {len(b):,} | {added:,} | {removed:,} |")
    if len(lines) == 4:
        lines.append("| (no table changed) | | | | |")
    return "\n".join(lines) + "\n"


def record(root: Path, text: str) -> None:
    """Put a release's section at the top of `root`/CHANGELOG.md (the file is replaced whole)."""
    path = root / "CHANGELOG.md"
    body = path.read_text(encoding="utf-8").removeprefix(HEADER) if path.is_file() else ""
    tmp = path.with_suffix(".md.tmp")
    tmp.write_text(HEADER + "\n" + text + ("\n" + body.lstrip("\n") if body.strip() else ""), encoding="utf-8")
    os.replace(tmp, path)
