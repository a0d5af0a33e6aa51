"""Benchmark the dashboard on shipped, x10 and x100 data; print a table and write JSON. `python -m bench --help`."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import statistics
import time
from pathlib import Path

import pandas as pd
from tqdm import tqdm

from bench import naive, pages, scale
from bench.hosted import PeakRSS, pct
from bench.server import ROOT, Server
from bench.ws import Session
from compliance import db, export, filters, release, settings, ui

AS_OF = dt.date(2026, 11, 29)
SIDEBAR = ["states_list", "instruments_list"]
# page url path: (typical query string, the queries the naive baseline does too, the baseline).
# The queries each page runs are recorded from the page itself (bench.pages.record).
PAGES = {
    "": ("", [], None),
    "reporting-delays": ("group=Asia-Pacific", ["report_delays"], naive.report_delays),
    "delegations": ("", ["delegations"], naive.delegations),
    "absent-stakeholders": ("", ["stakeholder_matrix"], naive.stakeholder_matrix),
    "case-outcomes": ("", ["case_outcomes", "complaints_by_decision"], naive.case_outcomes),
    "recommendations": ("state=PAK", [], None),
    "state": ("state=PAK", [], None),
    "compare": ("state=BRA&state=IND&state=ZAF", [], None),
    "sources": ("", [], None),
}  # fmt: skip


def scope_for(query: str) -> dict:
    url: dict[str, list[str]] = {}
    for part in filter(None, query.split("&")):
        k, v = part.split("=")
        url.setdefault(k, []).append(v)
    known = set(db.execute(db.sql_text("states_list"), {}).iso3)
    f, _ = filters.parse(url, known, {"CAT", "ICCPR", "CEDAW", "UPR"})
    return {**f.scope(), "as_of": AS_OF}


def queries_vs_naive(folder: Path, runs: int) -> dict:
    """Per page: all its queries in DuckDB (uncached); the ones the baseline also does, in DuckDB and in pandas."""
    out = {}

    def run(calls: list[tuple[str, dict | None, dict]]) -> float:
        # As a page asks: the rows a table shows (ui.PREVIEW_ROWS); the CSV waits for a click.
        t = time.perf_counter()
        for name, scope, params in calls:
            text, bound = db.bind(name, scope, **params)
            db.execute(text, bound, folder, limit=ui.PREVIEW_ROWS)
        return time.perf_counter() - t

    for page, (query, compared, baseline) in PAGES.items():
        scope = scope_for(query)
        if baseline:  # the same rows first, or the ratio would compare unequal work
            naive.check(baseline, {n: db.execute(*db.bind(n, scope), folder) for n in compared}, folder, scope)
        recorded = [(n, s and {**s, "as_of": AS_OF}, p) for n, s, p in pages.record(page, query)]
        every_call = [(n, scope, {}) for n in SIDEBAR] + recorded
        compared_calls = [(n, scope, {}) for n in compared]
        every, duck, pand = [], [], []
        for _ in range(runs):
            every.append(run(every_call))
            duck.append(run(compared_calls))
            if baseline:
                t = time.perf_counter()
                baseline(folder, scope)
                pand.append(time.perf_counter() - t)
        out[page or "overview"] = {
            "all_queries_p50_ms": pct(every, 50),
            "queries": sorted({n for n, _, _ in recorded}),
            "compared": compared,
            "duckdb_p50_ms": pct(duck, 50),
            "pandas_p50_ms": pct(pand, 50) if pand else None,
            # pages whose queries no baseline reimplements have no ratio
            "speedup": statistics.median(pand) / statistics.median(duck) if compared else None,
        }
    return out


async def page_reruns(server: Server, runs: int) -> dict:
    out = {}
    for page, (query, *_) in PAGES.items():
        async with Session(server.ws_url) as s:
            first, errors = await s.load(page, query)
            times = []
            for _ in range(runs):
                took, e = await s.load(page, query)
                times.append(took)
                errors += e
        out[page or "overview"] = {
            "first_ms": 1000 * first,
            "p50_ms": pct(times, 50),
            "p95_ms": pct(times, 95),
            "errors": errors,
        }
    return out


async def concurrent(server: Server, sessions: int, page: str, query: str) -> dict:
    async def one() -> tuple[float | None, int]:
        try:
            async with Session(server.ws_url) as s:
                return await s.load(page, query)
        except Exception:  # any failure of a session is what this counts
            return None, 1

    watch = PeakRSS([server.proc.pid])
    results = await asyncio.gather(*(one() for _ in range(sessions)))
    peak = watch.stop()
    times = [t for t, _ in results if t is not None]
    return {
        "sessions": sessions,
        "errors": sum(e for _, e in results),
        "p50_ms": pct(times, 50) if times else None,
        "p95_ms": pct(times, 95) if times else None,
        "server_peak_rss_mb": peak,
    }


def cold_start(folder: Path, log_dir: Path) -> dict:
    srv = Server(folder, log_dir)
    try:
        took, errors = asyncio.run(_first_page(srv))
        return {
            "health_s": srv.healthy_after,
            "first_page_s": time.monotonic() - srv.started,
            "page_run_ms": 1000 * took,
            "errors": errors,
        }
    finally:
        srv.stop()


async def _first_page(srv: Server) -> tuple[float, int]:
    async with Session(srv.ws_url) as s:
        return await s.load("", "")


def csv_million(folder: Path) -> dict:
    frame = db.execute(db.sql_text("whole_table"), {"table_name": "upr_recommendations"}, folder).head(1_000_000)
    t = time.perf_counter()
    data = export.to_csv(frame)
    return {"rows": len(frame), "seconds": time.perf_counter() - t, "megabytes": len(data) / 2**20}


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--scales", default="1,10,100", help="comma-separated: 1 is the shipped data")
    parser.add_argument("--runs", type=int, default=20, help="reruns per page for p50/p95")
    parser.add_argument("--sessions", type=int, default=50, help="concurrent sessions")
    parser.add_argument("--out", type=Path, default=ROOT / "bench-out")
    parser.add_argument("--hosted", action="store_true", help="measure the hosted shape only (bench/hosted.py)")
    args = parser.parse_args()
    if args.hosted:
        from bench import hosted

        pages = {page: query for page, (query, *_) in PAGES.items()}
        out = hosted.run(pages, args.runs, args.out / "logs")
        args.out.mkdir(parents=True, exist_ok=True)
        (args.out / "hosted.json").write_text(json.dumps(out, indent=2, default=str))
        print(hosted.render(out))
        return
    results: dict = {"date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "datasets": {}}
    for s in tqdm([int(x) for x in args.scales.split(",")], desc="datasets"):
        folder = release.resolve(settings.DEFAULT_DATA_DIR) if s == 1 else args.out / f"scale-x{s}"
        if s != 1 and not (folder / "states.parquet").exists():
            scale.generate(s, folder)
        rows = {
            p.stem: len(pd.read_parquet(p, columns=[pd.read_parquet(p).columns[0]])) for p in folder.glob("*.parquet")
        }
        entry: dict = {"rows": rows, "queries": queries_vs_naive(folder, max(3, args.runs // 4))}
        entry["cold_start"] = cold_start(folder, args.out / "logs")
        srv = Server(folder, args.out / "logs")
        try:
            entry["pages"] = asyncio.run(page_reruns(srv, args.runs))
            entry["concurrent"] = asyncio.run(
                concurrent(srv, args.sessions, "reporting-delays", "state=PAK&instrument=CAT")
            )
        finally:
            srv.stop()
        if s == max(int(x) for x in args.scales.split(",")):
            entry["csv_1m"] = csv_million(folder)
        results["datasets"][f"x{s}"] = entry
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.json").write_text(json.dumps(results, indent=2, default=str))
    print(render(results))


def render(results: dict) -> str:
    lines = []
    for name, d in results["datasets"].items():
        lines.append(
            f"\n== {name}: {d['rows'].get('upr_recommendations', 0):,} recommendations, {d['rows'].get('reports', 0):,} reports, {d['rows'].get('cases', 0):,} cases"
        )
        lines.append(
            f"{'page':<21}{'rerun p50':>10}{'p95':>8}{'first':>8}{'queries':>9} | {'same queries: duckdb':>20}{'pandas':>8}{'ratio':>8}"
        )
        for page, q in d["queries"].items():
            p = d["pages"][page]
            lines.append(
                f"{page:<21}{p['p50_ms']:>8.0f}ms{p['p95_ms']:>6.0f}ms{p['first_ms']:>6.0f}ms{q['all_queries_p50_ms']:>7.0f}ms | "
                + (
                    f"{q['duckdb_p50_ms']:>18.0f}ms{q['pandas_p50_ms']:>6.0f}ms{q['speedup']:>7.1f}x"
                    if q["speedup"]
                    else f"{'no baseline':>40}"
                )
            )
        c, cs = d["concurrent"], d["cold_start"]
        lines.append(
            f"cold start: health {cs['health_s']:.1f}s, first page fully run {cs['first_page_s']:.1f}s after process start"
        )
        lines.append(
            f"{c['sessions']} concurrent sessions: {c['errors']} errors, p50 {c['p50_ms']:.0f}ms, p95 {c['p95_ms']:.0f}ms, server peak RSS {c['server_peak_rss_mb']:.0f} MB"
        )
        if "csv_1m" in d:
            lines.append(
                f"CSV of {d['csv_1m']['rows']:,} rows: {d['csv_1m']['seconds']:.2f}s ({d['csv_1m']['megabytes']:.0f} MB)"
            )
    return "\n".join(lines)


if __name__ == "__main__":
    main()
