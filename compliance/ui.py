"""Page building blocks: a table with its CSV download, figures that say "not known", the source link columns."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from compliance import db, export, filters, settings

NOT_KNOWN = "not known"


def link_columns(frame: pd.DataFrame) -> dict:
    """Column config making source URLs clickable (UN symbols and `seed:op-ed` stay text)."""
    config = {}
    for col in frame.columns:
        if col == "source" or col.endswith("_source"):
            urls = frame[col].dropna().astype(str)
            if len(urls) and urls.str.startswith("http").all():
                config[col] = st.column_config.LinkColumn(col.replace("_", " "))
            else:
                config[col] = st.column_config.TextColumn(col.replace("_", " "), help="URL, UN symbol or seed:op-ed")
        elif pd.api.types.is_datetime64_any_dtype(frame[col]):
            # Only real dates: a text such as "2017-01" or "2010 onwards" must not be read as a day.
            config[col] = st.column_config.DateColumn(col.replace("_", " "), format="YYYY-MM-DD")
    return config


PREVIEW_ROWS = 2_000
CHART_ROWS = 60


def table(
    name: str,
    scope: dict | None,
    what: str,
    key: str,
    *,
    params: dict | None = None,
    height: int | str = "auto",
    **column_config,
) -> pd.DataFrame:
    """Show the rows of `sql/<name>.sql` (the first PREVIEW_ROWS when there are more) and offer all of them as a CSV.

    The CSV is built only when the button is clicked, from the same query with the same parameters.
    """
    params = params or {}
    total = db.count(name, scope, **params)
    shown = db.query(name, scope, limit=PREVIEW_ROWS, **params)
    st.dataframe(shown, column_config={**link_columns(shown), **column_config}, hide_index=True, height=height)
    if total > len(shown):
        st.caption(f"Showing the first {len(shown):,} of {total:,} rows; the CSV holds all {total:,}.")
    text, bound = db.bind(name, scope, **params)
    folder = settings.data_dir()
    st.download_button(
        f"Download CSV ({total:,} {'row' if total == 1 else 'rows'})",
        data=lambda: export.to_csv(db.execute(text, bound, folder)),
        file_name=export.file_name(what, filters.slug(scope, **params)),
        mime="text/csv",
        key=f"download_{key}",
        on_click="ignore",
    )
    return shown


def chart_rows(name: str, scope: dict | None, unit: str, limit: int = CHART_ROWS, **params) -> pd.DataFrame:
    """The first `limit` rows of a query for a chart, saying so when there are more (the table has them all)."""
    frame = db.query(name, scope, limit=limit, **params)
    if db.count(name, scope, **params) > limit:
        st.caption(
            f"The chart shows the first {limit} {unit}; narrow the filters for the rest. The table has them all."
        )
    return frame


def figure(value: object, fmt: str = "{:,}") -> str:
    """A headline number, or "not known" where there is none (never zero-filled)."""
    if value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)):
        return NOT_KNOWN
    if isinstance(value, float) and value.is_integer() and fmt == "{:,}":
        value = int(value)  # a count that came through a float column
    return fmt.format(value)


def empty_notice(frame: pd.DataFrame, what: str) -> bool:
    """Say plainly when the filters leave nothing to show; True when empty."""
    if frame.empty:
        st.info(f"No {what} for these filters.")
        return True
    return False


MARKDOWN_SPECIAL = "\\`*_{}[]<>#|~$"


def plain(text: object) -> str:
    """Data text made safe for st.markdown: every markdown and HTML character escaped."""
    if text is None or (isinstance(text, float) and pd.isna(text)):
        return NOT_KNOWN
    return "".join("\\" + ch if ch in MARKDOWN_SPECIAL else ch for ch in str(text))


def source_line(source: object, quote: object) -> str:
    """'Source: <source> — "<quote>"' as escaped markdown."""
    return f"Source: {plain(source)} — “{plain(quote)}”"


def day(value: object) -> str:
    """A date as YYYY-MM-DD, or "not known"."""
    if value is None or pd.isna(value):
        return NOT_KNOWN
    return pd.Timestamp(value).strftime("%Y-%m-%d")
