"""The curation template (empty) and filled examples, as a folder of CSVs plus one .xlsx with a sheet per table."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from compliance import build, curation, rules


def write_tables(tables: dict[str, pd.DataFrame], out: Path, workbook: str) -> None:
    """Each table as `<name>.csv` and as a sheet of `workbook` in `out`."""
    out.mkdir(parents=True, exist_ok=True)
    for name, frame in tables.items():
        frame.to_csv(out / f"{name}.csv", index=False, encoding="utf-8")
    with pd.ExcelWriter(out / workbook, engine="openpyxl") as xl:
        for name, frame in tables.items():
            frame.to_excel(xl, sheet_name=name, index=False)


def write_template(out: Path) -> None:
    """An empty template: headers only."""
    write_tables({t: pd.DataFrame(columns=cols) for t, cols in curation.TEMPLATE.items()}, out, "review-template.xlsx")


def export_reviews(root: Path, review_ids: set[str], out: Path) -> None:
    """The given reviews, and the initial reports they examined, exactly as curated."""
    curated = build.load_curated(build.curated_dir(root))
    reviews = curated["reviews"][curated["reviews"].review_id.isin(review_ids)]
    keys = {(r.iso3, rules.reviewed_instrument(r.body, r.report_type), "1") for r in reviews.itertuples()}
    tables = curation.from_curated(curated, review_ids, keys)
    write_tables({k: v for k, v in tables.items() if len(v)}, out, "review.xlsx")
