"""CSV downloads: every row the page shows, with text cells that a spreadsheet would run as formulas neutralised."""

from __future__ import annotations

import csv
import datetime as dt

import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """Prefix a text cell a spreadsheet would treat as a formula with an apostrophe (OWASP's CSV-injection advice)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def to_csv(frame: pd.DataFrame) -> bytes:
    """The frame as UTF-8 CSV, formulas neutralised, lists joined with '; '."""
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == object or pd.api.types.is_string_dtype(out[col]):
            out[col] = out[col].map(
                lambda v: "; ".join(map(str, v)) if isinstance(v, (list, tuple)) or hasattr(v, "tolist") else v
            )
            out[col] = out[col].map(neutralise)
    return out.to_csv(index=False, quoting=csv.QUOTE_NONNUMERIC).encode("utf-8")


def file_name(what: str, slug: str, today: dt.date | None = None) -> str:
    """`what_slug_date.csv`, e.g. reporting-delays_PAK_CAT_2026-11-29.csv."""
    return f"{what}_{slug}_{(today or dt.date.today()).isoformat()}.csv"
