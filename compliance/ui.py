"""Page building blocks: a table with its CSV download, figures that say "not known", the source link columns."""

from __future__ import annotations

import re
import urllib.parse

import pandas as pd
import streamlit as st

from compliance import db, export, filters

NOT_KNOWN = "not known"
UN_SYMBOL = re.compile(r"[A-Z]+(/[A-Za-z0-9.()-]+)+")
UNDOCS = "https://undocs.org/"  # the UN's own resolver from a document symbol to the document


def source_link(source: object) -> str | None:
    """Where a source can be opened: its URL, or the UN document for a symbol; None for `seed:op-ed` and the like."""
    if not isinstance(source, str):
        return None
    if source.startswith(("http://", "https://")):
        return source
    if UN_SYMBOL.fullmatch(source):
        return UNDOCS + urllib.parse.quote(source, safe="/()")
    return None


def is_source(col: str) -> bool:
    """Whether a column holds sources (URL, UN symbol or seed:<name>)."""
    return col == "source" or col.endswith("_source")


def with_links(frame: pd.DataFrame) -> pd.DataFrame:
    """For display: beside each source column, a link to open it (the CSV keeps the sources as they are)."""
    out = frame.copy()
    for col in [c for c in frame.columns if is_source(c)]:
        out.insert(out.columns.get_loc(col) + 1, f"{col}_link", out[col].map(source_link))
    return out


def link_columns(frame: pd.DataFrame) -> dict:
    """Column config: source links clickable, dates shown as dates (only where the column holds real dates)."""
    config = {}
    for col in frame.columns:
        if col.endswith("_link") and is_source(col.removesuffix("_link")):
            config[col] = st.column_config.LinkColumn(col.replace("_", " "), display_text="open")
        elif is_source(col):
            config[col] = st.column_config.TextColumn(col.replace("_", " "), help="URL, UN symbol or seed:<name>")
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
    display = with_links(shown)
    st.dataframe(display, column_config={**link_columns(display), **column_config}, hide_index=True, height=height)
    if total > len(shown):
        st.caption(f"Showing the first {len(shown):,} of {total:,} rows; the CSV holds all {total:,}.")
    text, bound = db.bind(name, scope, **params)
    folder = db.release_dir()
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
