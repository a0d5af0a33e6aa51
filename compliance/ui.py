"""Page building blocks: a readable table with its CSV download, figures that say "not known", source lines."""

from __future__ import annotations

import contextlib
import functools
import urllib.parse
from collections.abc import Iterator

import altair as alt
import pandas as pd
import pyarrow as pa
import streamlit as st
from streamlit import dataframe_util

from compliance import db, export, filters, labels, release, storage, text
from compliance.text import NOT_KNOWN, plain

UNDOCS = "https://undocs.org/"  # the UN's own resolver from a document symbol to the document
# Seed documents ship in static/ (served at app/static/): a `seed:<name>` source opens its text.
SEEDS = {"op-ed": ("app/static/seeds/op-ed.txt", "R. Omer, op-ed on Pakistan's CAT review, 2017")}
PREVIEW_ROWS = 2_000
CHART_ROWS = 60


def source_link(source: object) -> str | None:
    """Where a source can be opened: its URL, the UN document for a symbol, the shipped text of a seed."""
    if not isinstance(source, str):
        return None
    if source.startswith(("http://", "https://")):
        return source
    if text.UN_SYMBOL.fullmatch(source):
        return UNDOCS + urllib.parse.quote(source, safe="/()")
    seed = SEEDS.get(source.removeprefix("seed:")) if source.startswith("seed:") else None
    return seed[0] if seed else None


def source_name(source: object) -> str:
    """A source as a reader names it: a UN symbol as it is, a web page by its site, a seed by its author."""
    if not isinstance(source, str):
        return NOT_KNOWN
    if source.startswith(("http://", "https://")):
        return urllib.parse.urlsplit(source).netloc.removeprefix("www.") or source
    seed = SEEDS.get(source.removeprefix("seed:")) if source.startswith("seed:") else None
    return seed[1] if seed else source


def is_source(col: str) -> bool:
    """Whether a column holds sources (URL, UN symbol or seed:<name>)."""
    return col == "source" or col.endswith("_source")


def is_quote(col: str) -> bool:
    """Whether a column holds a source's own words."""
    return col == "quote" or col.endswith("_quote")


def display(frame: pd.DataFrame) -> tuple[pd.DataFrame, dict]:
    """A query's rows as a reader sees them, with their column config.

    Codes become words, empty text "not known", each source a link beside its text. Columns keep the order
    the SQL gives them: what a row is first, then its source and the source's words.
    """
    out = labels.humanise(frame)
    config: dict = {}
    for col in list(out.columns):
        if is_source(col):
            out.insert(out.columns.get_loc(col) + 1, f"{col}_link", out[col].map(source_link))
            what = "Source" if col == "source" else labels.column(col)
            config[f"{col}_link"] = st.column_config.LinkColumn(
                f"{what}: link", display_text="open", help="Opens the source"
            )
            out[col] = out[col].map(lambda v: source_name(v) if isinstance(v, str) else v)
    for col in out.columns:
        if col in config:
            continue
        series = out[col]
        if pd.api.types.is_datetime64_any_dtype(series) and not series.isna().any():
            config[col] = st.column_config.DateColumn(labels.column(col), format="YYYY-MM-DD")
        elif pd.api.types.is_datetime64_any_dtype(series):
            out[col] = series.map(lambda v: NOT_KNOWN if pd.isna(v) else v.strftime("%Y-%m-%d"))
            config[col] = st.column_config.TextColumn(labels.column(col))
        elif pd.api.types.is_bool_dtype(series) and not series.isna().any():
            config[col] = st.column_config.CheckboxColumn(labels.column(col))
        elif pd.api.types.is_numeric_dtype(series) and not series.isna().any():
            config[col] = st.column_config.NumberColumn(labels.column(col))
        elif pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series):
            # The grid draws a missing number as "None": a column with gaps is shown as text that says so.
            out[col] = series.map(lambda v: NOT_KNOWN if pd.isna(v) else _number(v))
            config[col] = st.column_config.TextColumn(labels.column(col))
        else:
            out[col] = series.astype(object).where(series.notna(), NOT_KNOWN)
            config[col] = st.column_config.TextColumn(labels.column(col))
    return out, config


def _number(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return f"{int(value):,}" if abs(value) >= 10_000 else str(int(value))
    return f"{value:,}" if isinstance(value, int) and abs(value) >= 10_000 else str(value)


def widen(frame: pd.DataFrame, wide: tuple[list[str], str, str] | None) -> pd.DataFrame:
    """Long rows set side by side: one row per `index`, one column per value of `column` (a `position` index
    column orders the rows and is then left out). The page and its CSV show the same wide rows."""
    if wide is None:
        return frame
    index, column, value = wide
    out = frame.pivot(index=list(index), columns=column, values=value).reset_index()
    out.columns.name = None
    return out.drop(columns=[c for c in index if c == "position"])


# Keyed like db's own cache (SQL text, parameters, release): what a table shows is worked out once per release,
# down to the Arrow table the grid is sent. Kept as one shared object (cache_resource, not copied per run): an
# Arrow table cannot be changed, and table() hands callers their own copy of the rows.
@st.cache_resource(max_entries=256, show_spinner=False)
def _displayed(sql: str, params: tuple, folder: str, version: str, wide=None) -> tuple[pd.DataFrame, pa.Table, dict]:
    rows = widen(db.execute(sql, dict(params), storage.location(folder), limit=PREVIEW_ROWS), wide)
    frame, config = display(rows)
    return rows, dataframe_util.convert_pandas_df_to_arrow_table(frame), config


def table(
    name: str,
    scope: dict | None,
    what: str,
    key: str,
    *,
    params: dict | None = None,
    height: int | str = "auto",
    empty: str | None = None,
    wide: tuple[list[str], str, str] | None = None,
) -> pd.DataFrame:
    """Show the rows of `sql/<name>.sql` (the first PREVIEW_ROWS when there are more) and offer all of them as a CSV.

    The CSV is built only when the button is clicked, from the same query with the same parameters. With
    `empty`, a query that returns nothing shows that notice instead of an empty table.
    """
    params = params or {}
    sql, bound = db.bind(name, scope, **params)
    folder = db.release_dir()
    shown, arrow, config = _displayed(sql, tuple(sorted(bound.items())), str(folder), db.data_version(folder), wide)
    shown = shown.copy()  # the caller's own (a lazy copy: pandas copies on write)
    if empty is not None and shown.empty:
        st.info(empty)
        return shown
    total = len(shown) if wide or len(shown) < PREVIEW_ROWS else db.count(name, scope, **params)
    st.dataframe(arrow, column_config=config, hide_index=True, height=height)
    if total > len(shown):
        st.caption(f"Showing the first {len(shown):,} of {total:,} rows; the CSV holds all {total:,}.")
    st.download_button(
        f"Download CSV ({total:,} {'row' if total == 1 else 'rows'})",
        data=lambda: export.to_csv(widen(db.execute(sql, bound, folder), wide)),
        file_name=export.file_name(what, filters.slug(scope, **params), version=db.version_label(folder)),
        mime="text/csv",
        key=f"download_{key}",
        on_click="ignore",
    )
    return shown


def chart_rows(name: str, scope: dict | None, unit: str, limit: int = CHART_ROWS, **params) -> pd.DataFrame:
    """The first `limit` rows of a query for a chart (codes as words), saying so when there are more."""
    frame = db.query(name, scope, limit=limit + 1, **params)
    if len(frame) > limit:
        st.caption(
            f"The chart shows the first {limit} {unit}; narrow the filters for the rest. The table has them all."
        )
    return labels.humanise(frame.head(limit))


def chart(figure: alt.Chart | dict, summary: str) -> None:
    """A chart (an Altair chart, or its Vega-Lite spec from charts.spec) with a one-line text summary of what it
    shows, for readers who cannot see it."""
    if isinstance(figure, dict):
        st.vega_lite_chart(spec=figure, width="stretch")
    else:
        st.altair_chart(figure, width="stretch")
    st.caption(plain(summary))


def known(value: object) -> bool:
    """Whether a value is there at all (not None, NA or NaN)."""
    return not (value is None or value is pd.NA or (isinstance(value, float) and pd.isna(value)))


def figure(value: object, fmt: str = "{:,}") -> str:
    """A headline number, or "not known" where there is none (never zero-filled)."""
    if not known(value):
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


def plural(count: int, one: str, many: str | None = None) -> str:
    """'1 report', '2 reports'."""
    return f"{count:,} {one if count == 1 else many or one + 's'}"


def source_line(source: object, quote: object, what: str = "Source") -> str:
    """'Source: <source, linked> — "<quote>"' as markdown in which only the link is markup."""
    target = source_link(source)
    name = plain(source_name(source))
    if target:
        safe = urllib.parse.quote(target, safe=":/?&=%#.,~+-_")  # parentheses, spaces and brackets encoded
        name = f"[{name}]({safe})"
    return f"{plain(what)}: {name} — “{plain(quote)}”"


def day(value: object) -> str:
    """A date as YYYY-MM-DD, or "not known"."""
    if value is None or pd.isna(value):
        return NOT_KNOWN
    return pd.Timestamp(value).strftime("%Y-%m-%d")


def permalink(url_path: str) -> str:
    """The URL of this view: the app's address, the page, and every value in the URL (filters, searches)."""
    base = urllib.parse.urlsplit(st.context.url or "")
    origin = f"{base.scheme}://{base.netloc}" if base.scheme and base.netloc else ""
    query = urllib.parse.urlencode([(k, v) for k in st.query_params for v in st.query_params.get_all(k)])
    return f"{origin}/{url_path}" + (f"?{query}" if query else "")


def cite_box(page_title: str, url_path: str) -> None:
    """On every page: the data version, and a citation of this view to copy (title, version, permalink, date)."""
    import datetime as dt

    version = db.version_label()
    st.caption(plain(f"Data version {version}: every figure is as this release records it."))
    with st.expander("Cite this view"):
        st.code(
            f'Treaty compliance dashboard, "{page_title}", data version {version}, {permalink(url_path)} '
            f"(accessed {dt.date.today():%Y-%m-%d}).",
            language=None,
            wrap_lines=True,
        )


def calendar_links(feeds: list[tuple[str, str]]) -> None:
    """Links to subscribe to iCalendar feeds the current release serves (static/calendars/), or say there are none."""
    from compliance import settings

    folder = db.release_dir()
    if not _feeds_served(str(folder), db.data_version(folder)):
        st.caption(
            "The calendar feeds of this data release are not served here: this dashboard's feeds are of another "
            "release (feeds are built with each release; see docs/deployment.md)."
        )
        return
    shown = [(label, name) for label, name in feeds if (settings.STATIC_DIR / "calendars" / name).is_file()]
    if not shown:
        st.caption("No calendar feed is served for this data (feeds are built with each release).")
        return
    links = " · ".join(f"[{plain(label)}](app/static/calendars/{urllib.parse.quote(name)})" for label, name in shown)
    st.markdown(
        f"Subscribe (iCalendar, updated with each data release): {links}. Copy the link into your calendar's "
        "'subscribe by URL'."
    )


@functools.lru_cache(maxsize=8)
def _feeds_served(folder: str, version: str) -> bool:
    """Whether static/calendars holds this release's feeds; `version` is part of the key, so a new release is
    checked again. A plain folder without feeds (test data) is served whatever static/ holds."""
    from compliance import calendars, settings

    location = storage.location(folder)
    if not (location / "calendars").is_dir() and not release.manifest(location):
        return True
    return calendars.exposed_match(location, settings.STATIC_DIR)


def committee_feeds(instruments: tuple[str, ...]) -> list[tuple[str, str]]:
    """The committee calendars for the instruments chosen (all reporting committees when none is)."""
    from compliance import rules

    chosen = [rules.BY_CODE[i] for i in instruments if i in rules.BY_CODE] or list(rules.INSTRUMENTS)
    bodies = sorted({i.committee for i in chosen if i.reporting and i.committee})
    return [(f"{body} calendar", f"committee-{body}.ics") for body in bodies]


def coverage(*sources: str) -> None:
    """A caption naming how far each source the page shows reaches."""
    st.caption("Coverage: " + "; ".join(plain(s) for s in sources) + ".")


def data_reachable() -> bool:
    """Whether the data root names a release that can be opened; when not, the page says why (no traceback)."""
    try:
        db.data_version(db.release_dir())
    except (release.ReleaseError, storage.StorageError, OSError) as err:
        st.error(
            plain(
                f"The data cannot be opened: {str(err)[:300]}. Nothing is shown rather than a partial record; "
                "the data location is set by COMPLIANCE_DATA (see docs/deployment.md)."
            )
        )
        return False
    return True


@contextlib.contextmanager
def needs_data() -> Iterator[None]:
    """Show a broken table as a message naming it, instead of an error page; the rest of the app runs on."""
    try:
        yield
    except db.TableUnavailable as err:
        st.error(
            plain(
                f"This page cannot be shown: the {err.table} table cannot be read ({err.reason}). "
                "Other pages that do not need it still work; the Sources page lists every table's state."
            )
        )
