"""CSV downloads: every row the page shows, with text cells that a spreadsheet would run as formulas neutralised."""

from __future__ import annotations

import datetime as dt
import io
import re

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from compliance import text

# A formula start, after any spaces and invisible characters a spreadsheet would skip (compliance.text).
FORMULA = (
    "^[ "
    + text.INVISIBLE.pattern[1:-1]
    + text.JOINERS.pattern[1:-1]
    + "]*["
    + re.escape("".join(text.FORMULA_START))
    + "＝＋－＠]"
)


def neutralise(column: pa.ChunkedArray) -> pa.ChunkedArray:
    """Prefix text cells a spreadsheet would treat as formulas with an apostrophe (OWASP's CSV-injection advice)."""
    if not (pa.types.is_string(column.type) or pa.types.is_large_string(column.type)):
        return column
    column = column.cast(pa.large_string())
    risky = pc.fill_null(pc.match_substring_regex(column, FORMULA), False)
    prefixed = pc.binary_join_element_wise(pa.scalar("'", pa.large_string()), column, pa.scalar("", pa.large_string()))
    return pc.if_else(risky, prefixed, column)


def _arrow(frame: pd.DataFrame) -> pa.Table:
    out = frame.copy()
    for col in out.columns:
        if (
            out[col].dtype == object
            and out[col].map(lambda v: isinstance(v, (list, tuple)) or hasattr(v, "tolist")).any()
        ):
            out[col] = out[col].map(lambda v: None if v is None else "; ".join(map(str, list(v))))
        elif (
            pd.api.types.is_datetime64_any_dtype(out[col])
            and (out[col].dropna() == out[col].dropna().dt.normalize()).all()
        ):
            out[col] = out[col].dt.date  # a date is written as 2017-04-18, not 2017-04-18 00:00:00.000000
    return pa.Table.from_pandas(out, preserve_index=False)


def to_csv(frame: pd.DataFrame) -> bytes:
    """The frame as UTF-8 CSV, formulas neutralised, lists joined with '; ', every text cell quoted."""
    table = _arrow(frame)
    table = pa.table([neutralise(table[c]) for c in table.column_names], names=table.column_names)
    sink = io.BytesIO()
    pacsv.write_csv(table, sink, pacsv.WriteOptions(quoting_style="all_valid"))
    return sink.getvalue()


def file_name(what: str, slug: str, today: dt.date | None = None) -> str:
    """`what_slug_date.csv`, e.g. reporting-delays_PAK_CAT_2026-11-29.csv."""
    return f"{what}_{slug}_{(today or dt.date.today()).isoformat()}.csv"
