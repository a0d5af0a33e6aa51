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


def file_name(what: str, slug: str, today: dt.date | None = None, version: str | None = None) -> str:
    """`what_slug_date[_data-version].csv`, e.g. reporting-delays_PAK_CAT_2026-11-29_data-2026-12-02.a6564883acbb.csv."""
    data = f"_data-{version}" if version and re.fullmatch(r"[0-9A-Za-z.-]+", version) else ""
    return f"{what}_{slug}_{(today or dt.date.today()).isoformat()}{data}.csv"


def dictionary() -> pd.DataFrame:
    """Every column of every table: its kind, the label the pages give it, and what its table holds."""
    from compliance import catalog, labels, schema

    rows = [
        (table, column, kind, labels.column(column), catalog.DESCRIBED[table][0])
        for table, columns in sorted(schema.TABLES.items())
        for column, kind in columns.items()
    ]
    return pd.DataFrame(rows, columns=["table", "column", "kind", "label", "table_holds"])


def dataset_zip(folder, version: str) -> bytes:
    """The whole release in one zip: each table as CSV (formulas neutralised) and as Parquet, the data dictionary,
    the curated files it was built from, and a README naming the version and the sources to credit."""
    import zipfile

    from compliance import catalog

    buffer = io.BytesIO()
    stamp = (2026, 1, 1, 0, 0, 0)  # fixed, so the same release gives the same zip
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:

        def add(name: str, data: bytes) -> None:
            zf.writestr(zipfile.ZipInfo(name, date_time=stamp), data, compress_type=zipfile.ZIP_DEFLATED)

        readme = [f"Treaty compliance dashboard, data version {version}.", "", "Tables (rows, as of, source):"]
        for path in sorted(folder.glob("*.parquet")):
            data = path.read_bytes()  # a local file or an S3 object alike
            frame = pd.read_parquet(io.BytesIO(data))
            add(f"csv/{path.stem}.csv", to_csv(frame))
            add(f"parquet/{path.name}", data)
            holds, as_of, source = catalog.DESCRIBED.get(path.stem, ("", "", ""))
            readme.append(f"- {path.stem}: {len(frame):,} rows; {holds}; as of {as_of}; {source}")
        for path in sorted((folder / "curated").glob("*")) if (folder / "curated").is_dir() else []:
            add(f"curated/{path.name}", path.read_bytes())
        add("data_dictionary.csv", to_csv(dictionary()))
        readme += ["", "Every curated row carries its source and the source's words. Unknown values are empty."]
        add("README.txt", "\n".join(readme).encode("utf-8"))
    return buffer.getvalue()
