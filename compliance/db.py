"""The one way to the data: DuckDB in memory, a view per Parquet file, `sql/<name>.sql` run with bound parameters."""

from __future__ import annotations

import functools
import hashlib
import re
import time
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import streamlit as st

from compliance import release, schema, settings, storage

NAME = re.compile(r"[a-z][a-z0-9_]*")
PARAM = re.compile(r"\$([a-z_][a-z0-9_]*)")
MACRO_DIR = settings.SQL_DIR / "macros"


class QueryError(ValueError):
    """A query was asked for with a name or parameters that do not match its SQL file."""


class TableUnavailable(RuntimeError):
    """A table a query needs could not be opened; `table` names it and `reason` says what is wrong."""

    def __init__(self, table: str, reason: str):
        self.table, self.reason = table, reason
        super().__init__(f"the {table} table cannot be read: {reason}")


def tables(data_dir: Path | None = None) -> list[str]:
    """Names of the Parquet tables in the data folder (the current release)."""
    folder = data_dir or release_dir()
    return sorted(p.stem for p in folder.glob("*.parquet") if NAME.fullmatch(p.stem))


VERSION_TTL = 1.0  # seconds a fingerprint (or, on object storage, the pointer) is reused within a process
_versions: dict[str, tuple[float, str]] = {}
_resolved: dict[str, tuple[float, Path]] = {}


def release_dir() -> Path:
    """The folder the app reads: the release the data root's pointer names (or the folder itself).

    On object storage the pointer object is read at most once a VERSION_TTL per process: a page run asks for
    the folder once per query, and a new release is seen on the next page load all the same.
    """
    root = settings.data_dir()
    if not storage.is_remote(root):
        return release.resolve(root)
    now = time.monotonic()
    seen = _resolved.get(str(root))
    if seen and now - seen[0] < VERSION_TTL:
        return seen[1]
    folder = release.resolve(root)
    _resolved[str(root)] = (now, folder)
    return folder


def version_label(data_dir: Path | None = None) -> str:
    """The data version a reader cites: the release's date and content id (2026-12-02.a6564883acbb)."""
    folder = data_dir or release_dir()
    return _label(str(folder), data_version(folder))


@functools.lru_cache(maxsize=16)
def _label(folder: str, version: str) -> str:
    made = release.manifest(storage.location(folder)).get("made", "")[:10]
    return f"{made}.{version}" if made else version


def data_version(data_dir: Path | None = None) -> str:
    """What identifies the data: the release id, or for a plain folder a fingerprint of its Parquet files
    (sizes and modification times on disk; ETags on object storage)."""
    folder = data_dir or release_dir()
    now = time.monotonic()
    seen = _versions.get(str(folder))
    if seen and now - seen[0] < VERSION_TTL:
        return seen[1]
    if release.RELEASE_ID.fullmatch(folder.name) and folder.parent.name == release.RELEASES:
        version = folder.name  # a release never changes once written: its id is its version
    else:
        h = hashlib.sha256(str(folder).encode())
        if storage.is_remote(folder):
            for name, etag in sorted(storage.etags(folder).items()):
                h.update(f"{name}:{etag}".encode())
        else:
            for p in sorted(folder.glob("*.parquet")):
                stat = p.stat()
                h.update(f"{p.name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
        version = h.hexdigest()[:16]
    _versions[str(folder)] = (now, version)
    return version


class Connection:
    """A DuckDB connection over one release, with the tables that could not be opened and why.

    `needs` maps each macro that could not be created to the broken table it reads.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection, broken: dict[str, str], needs: dict[str, str]):
        self.con, self.broken, self.needs = con, broken, needs

    def unavailable(self, err: duckdb.Error) -> TableUnavailable | None:
        """The broken table behind a DuckDB error, if that is what it is."""
        match = MISSING.search(str(err))
        name = match.group(1) if match else None
        table = name if name in self.broken else self.needs.get(name or "")
        return TableUnavailable(table, self.broken[table]) if table else None


MISSING = re.compile(r"(?:Table|Function) with name \"?([A-Za-z0-9_]+)\"? does not exist")
MACRO_NAME = re.compile(r"create\s+or\s+replace\s+macro\s+([a-z_][a-z0-9_]*)", re.IGNORECASE)


def _create_macros(con: duckdb.DuckDBPyConnection, broken: dict[str, str]) -> dict[str, str]:
    """Create every macro that can be; a macro over a broken table (or over such a macro) is left out and noted."""
    needs: dict[str, str] = {}
    for path in sorted(MACRO_DIR.glob("*.sql")):
        for statement in duckdb.extract_statements(path.read_text()):
            try:
                con.execute(statement.query)
            except duckdb.CatalogException as err:
                match, macro = MISSING.search(str(err)), MACRO_NAME.search(statement.query)
                name = match.group(1) if match else ""
                table = name if name in broken else needs.get(name)
                if table is None or macro is None:
                    raise
                needs[macro.group(1)] = table
    return needs


@st.cache_resource(max_entries=4, show_spinner=False)
def _connection(data_dir: str, version: str) -> Connection:
    """Long: one statement per table, each with its own way to fail.

    A local release is read in place (a view per file). On object storage every Parquet object is fetched once,
    all in one concurrent batch of GETs (s3fs), and loaded into a DuckDB table in memory: a page run then costs
    the same as on a local folder, and a release on the bucket is never read twice by one process. (DuckDB
    reading each object through the s3fs filesystem registered with it took 2.4 s for the shipped release, the
    batch 0.1 s: docs/benchmark.md.) `version` is only part of the cache key: new data opens a new connection.
    """
    con = duckdb.connect(config={"threads": 2, "memory_limit": "1GB"})
    folder = storage.location(data_dir)
    fetched = (
        storage.fetch([folder / f"{name}.parquet" for name in schema.TABLES]) if storage.is_remote(data_dir) else None
    )
    broken: dict[str, str] = {}
    for name in schema.TABLES:
        path = folder / f"{name}.parquet"
        source = path if fetched is None else fetched.get(str(path))
        problem = schema.check_file(name, source)
        if problem is None:
            try:
                if fetched is None:
                    con.read_parquet(str(path)).create_view(name)
                else:
                    con.from_arrow(pq.read_table(pa.BufferReader(source))).create(name)
            except (duckdb.Error, pa.ArrowException) as err:
                problem = f"DuckDB cannot open it ({str(err).splitlines()[0][:160]})"
        if problem:
            broken[name] = problem
    return Connection(con, broken, _create_macros(con, broken))


def problems(data_dir: Path | None = None) -> dict[str, str]:
    """The tables of the current release that cannot be read, with what is wrong with each."""
    folder = data_dir or release_dir()
    return dict(_connection(str(folder), data_version(folder)).broken)


def _run_on(folder: Path, work):
    """Run `work(cursor)` on a fresh cursor; a query that meets a broken table raises TableUnavailable naming it."""
    conn = _connection(str(folder), data_version(folder))
    cursor = conn.con.cursor()
    try:
        return work(cursor)
    except (duckdb.CatalogException, duckdb.BinderException) as err:
        unavailable = conn.unavailable(err)
        if unavailable:
            raise unavailable from None
        raise
    except duckdb.IOException as err:
        for name in schema.TABLES:
            if f"{name}.parquet" in str(err):
                raise TableUnavailable(name, f"reading it failed ({str(err).splitlines()[0][:160]})") from None
        raise
    finally:
        cursor.close()


@functools.lru_cache(maxsize=256)
def sql_text(name: str) -> str:
    """The text of `sql/<name>.sql`; the name must be a plain identifier. The files are part of the code: read
    once per process."""
    if not NAME.fullmatch(name) or not (settings.SQL_DIR / f"{name}.sql").is_file():
        raise QueryError(f"no query named {name!r}")
    return (settings.SQL_DIR / f"{name}.sql").read_text()


def parameters(text: str) -> set[str]:
    """Named parameters ($name) the SQL uses, ignoring comments."""
    body = "\n".join(line.split("--", 1)[0] for line in text.splitlines())
    return set(PARAM.findall(body))


def execute(text: str, params: dict, data_dir: Path | None = None, limit: int | None = None) -> pd.DataFrame:
    """Run SQL text with bound parameters on a fresh cursor, uncached; `limit` keeps the first rows only."""

    def work(cursor):
        relation = cursor.sql(text, params=params)
        return (relation if limit is None else relation.limit(limit)).df()

    return _run_on(data_dir or release_dir(), work)


def execute_count(text: str, params: dict, data_dir: Path | None = None) -> int:
    """How many rows the SQL returns, counted in DuckDB."""
    return _run_on(
        data_dir or release_dir(), lambda cursor: cursor.sql(text, params=params).count("*").fetchall()[0][0]
    )


# data_dir and version are part of each cache key: new data on disk is a new key, so no restart is needed.
@st.cache_data(max_entries=512, show_spinner=False)
def _run(text: str, params: tuple, data_dir: str, version: str, limit: int | None) -> pd.DataFrame:
    return execute(text, dict(params), storage.location(data_dir), limit)


@st.cache_data(max_entries=512, show_spinner=False)
def _count(text: str, params: tuple, data_dir: str, version: str) -> int:
    return execute_count(text, dict(params), storage.location(data_dir))


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
    folder = release_dir()
    return _run(text, tuple(sorted(bound.items())), str(folder), data_version(folder), limit)


def count(name: str, scope: dict | None = None, **params) -> int:
    """How many rows `query` would return, without fetching them."""
    text, bound = bind(name, scope, **params)
    folder = release_dir()
    return _count(text, tuple(sorted(bound.items())), str(folder), data_version(folder))
