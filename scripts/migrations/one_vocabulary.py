"""One-off, recorded step (2026-12-02): rewrite a curated folder in the data contract's column names.

Usage: python scripts/migrations/one_vocabulary.py CURATED_DIR OUT_DIR

The curated files came with their curators' names (source_url, treaty, review_start_date, ...); the import
template and the Parquet tables use the contract's (source, body, start_date, ...). This renames columns and
joins named_delegates.csv and delegation_institutions.csv into the template's one delegation.csv (a person row
has a name; an institution row has none). No value is changed: the build of OUT_DIR writes the same Parquet
tables as the build of CURATED_DIR did (checked when this ran; see data/curated NOTES.md, "Column names").
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pandas as pd

RENAMES = {
    "source_url": "source",
    "treaty": "body",
    "review_start_date": "start_date",
    "review_end_date": "end_date",
    "head_of_delegation_name": "head_name",
    "head_of_delegation_title": "head_title",
    "outcome_reported": "outcome",
}
FILES = {"field_evidence.csv": "evidence.csv"}


def read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def delegation(folder: Path) -> pd.DataFrame:
    people = read(folder / "named_delegates.csv")
    bodies = read(folder / "delegation_institutions.csv")
    persons = pd.DataFrame({
        "review_id": people["review_id"], "name": people["name"], "title": people["title"],
        "institution": people["institution"], "institution_type": "",
        "is_head": people["role"].map({"head": "true", "member": "false"}), "source": people["source_url"],
        "quote": people["quote"],
    })  # fmt: skip
    institutions = pd.DataFrame({
        "review_id": bodies["review_id"], "name": "", "title": "", "institution": bodies["institution"],
        "institution_type": bodies["institution_type"], "is_head": "false", "source": bodies["source_url"],
        "quote": bodies["quote"],
    })  # fmt: skip
    if persons["is_head"].isna().any():
        raise SystemExit("a named delegate has a role other than head or member")
    return pd.concat([persons, institutions], ignore_index=True)


def main(src: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=False)
    for path in sorted(src.iterdir()):
        if path.name in ("named_delegates.csv", "delegation_institutions.csv"):
            continue
        if path.suffix != ".csv":
            shutil.copyfile(path, out / path.name)
            continue
        frame = read(path).rename(columns=RENAMES)
        frame.to_csv(out / FILES.get(path.name, path.name), index=False, encoding="utf-8")
    delegation(src).to_csv(out / "delegation.csv", index=False, encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
