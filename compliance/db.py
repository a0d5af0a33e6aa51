"""The one way to the data: DuckDB in memory, a view per Parquet file, `sql/<name>.sql` run with bound parameters."""

from __future__ import annotations

import hashlib
import re
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


def data_version(data_dir: Path | None = None) -> str:
    """A fingerprint of the Parquet files: a change to any of them makes every cached result stale."""
    folder = data_dir or settings.data_dir()
    h = hashlib.sha256(str(folder).encode())
    for p in sorted(folder.glob("*.parquet")):
        stat = p.stat()
        h.update(f"{p.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return h.hexdigest()[:16]


@st.cache_resource(max_entries=4, show_spinner=False)
def _connection(data_dir: str, version: str) -> duckdb.DuckDBPyConnection:
    # `version` is only part of the cache key: new data opens a new connection.
    con = duckdb.connect(config={"threads": 2, "memory_limit": "1GB"})
    for name in tables(Path(data_dir)):
        con.read_parquet(str(Path(data_dir) / f"{name}.parquet")).create_view(name)
    for macro in sorted(MACRO_DIR.glob("*.sql")):
        con.execute(macro.read_text())
    return con


def sql_text(name: str) -> str:
    """The text of `sql/<name>.sql`; the name must be a plain identifier."""
    if not NAME.fullmatch(name) or not (settings.SQL_DIR / f"{name}.sql").is_file():
        raise QueryError(f"no query named {name!r}")
    return (settings.SQL_DIR / f"{name}.sql").read_text()


def parameters(text: str) -> set[str]:
    """Named parameters ($name) the SQL uses, ignoring comments."""
    body = "\n".join(line.split("--", 1)[0] for line in text.splitlines())
    return set(PARAM.findall(body))


@st.cache_data(max_entries=512, show_spinner=False)
def _run(text: str, params: tuple, data_dir: str, version: str) -> pd.DataFrame:
    cursor = _connection(data_dir, version).cursor()
    try:
        return cursor.execute(text, dict(params)).df()
    finally:
        cursor.close()


def query(name: str, scope: dict | None = None, **params) -> pd.DataFrame:
    """Run `sql/<name>.sql`. `scope` offers the shared filters (the SQL takes those it names); `params` must all be used."""
    text = sql_text(name)
    wanted = parameters(text)
    unused = set(params) - wanted
    if unused:
        raise QueryError(f"{name}.sql does not take {sorted(unused)}")
    offered = {**(scope or {}), **params}
    missing = wanted - set(offered)
    if missing:
        raise QueryError(f"{name}.sql needs {sorted(missing)}")
    bound = tuple(sorted((k, v) for k, v in offered.items() if k in wanted))
    folder = settings.data_dir()
    return _run(text, bound, str(folder), data_version(folder)).copy()
