"""The one way to the data: DuckDB in memory, a view per Parquet file, `sql/<name>.sql` run with bound parameters."""

from __future__ import annotations

import functools
import hashlib
import re
import time
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from compliance import settings

NAME = re.compile(r"[a-z][a-z0-9_]*")
PARAM = re.compile(r"\$([a-z_][a-z0-9_]*)")
MACRO_DIR = settings.SQL_DIR / "macros"


class QueryError(ValueError):
    """A query was asked for with a name or parameters that do not match its SQL file."""


def tables(data_dir: Path | None = None) -> list[str]:
    """Names of the Parquet tables in the data folder."""
    folder = data_dir or settings.data_dir()
    return sorted(p.stem for p in folder.glob("*.parquet") if NAME.fullmatch(p.stem))


VERSION_TTL = 1.0  # seconds a fingerprint is reused: a page run asks for it once per query
_versions: dict[Path, tuple[float, str]] = {}


def data_version(data_dir: Path | None = None) -> str:
    """A fingerprint of the Parquet files: a change to any of them makes every cached result stale."""
    folder = data_dir or settings.data_dir()
    now = time.monotonic()
    seen = _versions.get(folder)
    if seen and now - seen[0] < VERSION_TTL:
        return seen[1]
    h = hashlib.sha256(str(folder).encode())
    for p in sorted(folder.glob("*.parquet")):
        stat = p.stat()
        h.update(f"{p.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    _versions[folder] = (now, h.hexdigest()[:16])
    return _versions[folder][1]


@st.cache_resource(max_entries=4, show_spinner=False)
def _connection(data_dir: str, version: str) -> duckdb.DuckDBPyConnection:
    # `version` is only part of the cache key: new data opens a new connection.
    con = duckdb.connect(config={"threads": 2, "memory_limit": "1GB"})
    for name in tables(Path(data_dir)):
        con.read_parquet(str(Path(data_dir) / f"{name}.parquet")).create_view(name)
    for macro in sorted(MACRO_DIR.glob("*.sql")):
        con.execute(macro.read_text())
    return con


@functools.cache
def sql_text(name: str) -> str:
    """The text of `sql/<name>.sql`; the name must be a plain identifier."""
    if not NAME.fullmatch(name) or not (settings.SQL_DIR / f"{name}.sql").is_file():
        raise QueryError(f"no query named {name!r}")
    return (settings.SQL_DIR / f"{name}.sql").read_text()


def parameters(text: str) -> set[str]:
    """Named parameters ($name) the SQL uses, ignoring comments."""
    body = "\n".join(line.split("--", 1)[0] for line in text.splitlines())
    return set(PARAM.findall(body))


def execute(text: str, params: dict, data_dir: Path | None = None, limit: int | None = None) -> pd.DataFrame:
    """Run SQL text with bound parameters on a fresh cursor, uncached; `limit` keeps the first rows only."""
    folder = data_dir or settings.data_dir()
    cursor = _connection(str(folder), data_version(folder)).cursor()
    try:
        relation = cursor.sql(text, params=params)
        return (relation if limit is None else relation.limit(limit)).df()
    finally:
        cursor.close()


def execute_count(text: str, params: dict, data_dir: Path | None = None) -> int:
    """How many rows the SQL returns, counted in DuckDB."""
    folder = data_dir or settings.data_dir()
    cursor = _connection(str(folder), data_version(folder)).cursor()
    try:
        return cursor.sql(text, params=params).count("*").fetchall()[0][0]
    finally:
        cursor.close()


# data_dir and version are part of each cache key: new data on disk is a new key, so no restart is needed.
@st.cache_data(max_entries=512, show_spinner=False)
def _run(text: str, params: tuple, data_dir: str, version: str, limit: int | None) -> pd.DataFrame:
    return execute(text, dict(params), Path(data_dir), limit)


@st.cache_data(max_entries=512, show_spinner=False)
def _count(text: str, params: tuple, data_dir: str, version: str) -> int:
    return execute_count(text, dict(params), Path(data_dir))


def bind(name: str, scope: dict | None = None, **params) -> tuple[str, dict]:
    """The SQL text of `name` and exactly the parameters it takes, from `scope` and `params`."""
    text = sql_text(name)
    wanted = parameters(text)
    unused = set(params) - wanted
    if unused:
        raise QueryError(f"{name}.sql does not take {sorted(unused)}")
    offered = {**(scope or {}), **params}
    missing = wanted - set(offered)
    if missing:
        raise QueryError(f"{name}.sql needs {sorted(missing)}")
    return text, {k: v for k, v in offered.items() if k in wanted}


def query(name: str, scope: dict | None = None, *, limit: int | None = None, **params) -> pd.DataFrame:
    """Run `sql/<name>.sql`, cached. `scope` offers the shared filters (the SQL takes those it names); `params` must all be used."""
    text, bound = bind(name, scope, **params)
    folder = settings.data_dir()
    return _run(text, tuple(sorted(bound.items())), str(folder), data_version(folder), limit)


def count(name: str, scope: dict | None = None, **params) -> int:
    """How many rows `query` would return, without fetching them."""
    text, bound = bind(name, scope, **params)
    folder = settings.data_dir()
    return _count(text, tuple(sorted(bound.items())), str(folder), data_version(folder))
