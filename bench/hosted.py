"""The hosted shape, measured: each page against its floor, Streamlit's garbage collection after every run, replicas
behind HAProxy under load, a replica killed under load, and data on a local S3 server against the local folder.

Every figure is measured over the real websocket protocol (bench.ws.Session), the way a browser asks.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import statistics
import threading
import time
import urllib.parse
from pathlib import Path

import psutil

from bench.objectstore import LocalS3
from bench.server import ROOT, Server
from bench.ws import Session
from compliance import hosting, publish, settings

FLOOR_APP = ROOT / "bench" / "floor_app.py"
LOAD_PAGE = ("reporting-delays", "state=PAK&instrument=CAT")
GC_OFF = ("--runner.postScriptGC", "false")
GC_ON = ("--runner.postScriptGC", "true")


def pct(values: list[float], p: float) -> float | None:
    """The p-th percentile (nearest rank), in milliseconds."""
    if not values:
        return None
    ordered = sorted(values)
    return 1000 * ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


class PeakRSS:
    """Samples the resident memory of several process trees together, in a thread; `stop()` gives the peak MB."""

    def __init__(self, pids: list[int]):
        self.procs = [psutil.Process(p) for p in pids]
        self.peak, self.running = 0, True
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def now(self) -> int:
        total = 0
        for proc in self.procs:
            try:
                total += proc.memory_info().rss + sum(c.memory_info().rss for c in proc.children(recursive=True))
            except psutil.Error:
                pass
        return total

    def _run(self) -> None:
        while self.running:
            self.peak = max(self.peak, self.now())
            time.sleep(0.02)

    def stop(self) -> float:
        self.running = False
        self.thread.join()
        return self.peak / 2**20


async def reruns(ws_url: str, page: str, query: str, runs: int) -> tuple[list[float], dict]:
    """Open one session, load the page once, then time `runs` reruns; returns the times and the elements drawn."""
    async with Session(ws_url) as s:
        await s.load(page, query)
        times = [(await s.load(page, query))[0] for _ in range(runs)]
        return times, dict(s.elements)


async def page_costs(app: Server, floor: Server, pages: dict, runs: int) -> dict:
    """Each page's rerun against the floor page drawing the same elements with no data work."""
    out = {}
    for page, query in pages.items():
        times, elements = await reruns(app.ws_url, page, query, runs)
        floor_times, _ = await reruns(floor.ws_url, "", urllib.parse.urlencode(elements), runs)
        out[page or "overview"] = {
            "elements": sum(elements.values()),
            "kinds": elements,
            "p50_ms": pct(times, 50),
            "p95_ms": pct(times, 95),
            "floor_p50_ms": pct(floor_times, 50),
            "floor_p95_ms": pct(floor_times, 95),
            "over_floor": statistics.median(times) / statistics.median(floor_times),
        }
    return out


async def sustained(server: Server, pages: dict, loads: int, sessions: int = 4) -> dict:
    """`loads` page runs over `sessions` sessions cycling through every page; memory after each quarter of the
    load, so that growth which does not level off shows."""
    meter = PeakRSS([server.proc.pid])
    start_mb = meter.now() / 2**20
    order = list(pages.items())
    times: list[float] = []
    samples: list[float] = []
    per = max(1, loads // 4 // sessions)

    async def one(s: Session, offset: int) -> None:
        for i in range(per):
            page, query = order[(offset + i) % len(order)]
            times.append((await s.load(page, query))[0])

    async with contextlib.AsyncExitStack() as stack:
        clients = [await stack.enter_async_context(Session(server.ws_url)) for _ in range(sessions)]
        t = time.perf_counter()
        for quarter in range(4):
            await asyncio.gather(*(one(s, k * 3 + quarter * per) for k, s in enumerate(clients)))
            samples.append(meter.now() / 2**20)
        wall = time.perf_counter() - t
    return {"loads": len(times), "start_mb": start_mb, "quarters_mb": samples, "peak_mb": meter.stop(),
            "p50_ms": pct(times, 50), "runs_per_s": len(times) / wall}  # fmt: skip


async def at_once(ws_url: str, sessions: int, pids: list[int]) -> dict:
    """`sessions` sessions open the load page at the same moment: latency, throughput, errors, peak memory."""

    async def one() -> float | None:
        try:
            async with Session(ws_url) as s:
                took, errors = await s.load(*LOAD_PAGE)
                return None if errors else took
        except Exception:  # a session that fails in any way is what this counts
            return None

    meter = PeakRSS(pids)
    t = time.perf_counter()
    results = await asyncio.gather(*(one() for _ in range(sessions)))
    wall = time.perf_counter() - t
    times = [r for r in results if r is not None]
    return {"sessions": sessions, "errors": sessions - len(times), "p50_ms": pct(times, 50), "p95_ms": pct(times, 95),
            "runs_per_s": len(times) / wall, "peak_mb": meter.stop()}  # fmt: skip


def _pids(cluster: hosting.Cluster) -> list[int]:
    return [cluster.proxy.pid, *(r.proc.pid for r in cluster.replicas)]


def through_proxy(data: Path, replicas: tuple[int, ...], sessions: tuple[int, ...], log_dir: Path, options=()) -> list:
    """For each replica count, each session count at once through HAProxy (after one warm-up load per replica)."""
    rows = []
    for n in replicas:
        cluster = hosting.Cluster(n, data, log_dir=log_dir / f"proxy-{n}", options=options).start()
        ws_url = f"ws://127.0.0.1:{cluster.port}/_stcore/stream"
        try:
            asyncio.run(at_once(ws_url, 2 * n, _pids(cluster)))  # warm every replica's caches first
            for s in sessions:
                rows.append({"replicas": n, **asyncio.run(at_once(ws_url, s, _pids(cluster)))})
        finally:
            cluster.stop()
    return rows


async def _kill_under_load(ws_url: str, victim, sessions: int) -> dict:
    async def one() -> tuple[str | None, bool, bool]:
        """(replica, loaded while the kill happened, loaded after reconnecting)."""
        replica = None
        try:
            async with Session(ws_url) as s:
                replica = s.replica
                await s.load(*LOAD_PAGE)
                await asyncio.sleep(1.0)  # the kill happens now
                took, errors = await s.load(*LOAD_PAGE)
                return replica, not errors, True
        except Exception:  # this session's replica died under it: reconnect, as the browser does
            try:
                async with Session(ws_url) as s:
                    took, errors = await s.load(*LOAD_PAGE)
                    return replica, False, not errors
            except Exception:
                return replica, False, False

    tasks = asyncio.gather(*(one() for _ in range(sessions)))
    await asyncio.sleep(0.5 + sessions * 0.15)  # every session connected and its first page run
    os.kill(victim.proc.pid, signal.SIGKILL)
    results = await tasks
    on_victim = [r for r in results if r[0] == victim.name]
    others = [r for r in results if r[0] != victim.name]
    return {"sessions": sessions, "on_killed": len(on_victim), "killed_reconnected": sum(r[2] for r in on_victim),
            "others": len(others), "others_errors": sum(not r[1] for r in others)}  # fmt: skip


def kill_under_load(data: Path, log_dir: Path, sessions: int = 50, options=()) -> dict:
    """50 sessions on 2 replicas; one replica is SIGKILLed while they are open."""
    cluster = hosting.Cluster(2, data, log_dir=log_dir / "kill", options=options).start()
    try:
        ws_url = f"ws://127.0.0.1:{cluster.port}/_stcore/stream"
        return asyncio.run(_kill_under_load(ws_url, cluster.replicas[0], sessions))
    finally:
        cluster.stop()


def object_storage(data: Path, pages: dict, runs: int, log_dir: Path, options=()) -> dict:
    """First page after start and warm reruns, from the local folder and from a bucket on a local S3 server."""
    s3 = LocalS3(log_dir)
    saved = dict(os.environ)
    os.environ.update(s3.env())
    try:
        from compliance import storage

        storage.filesystem().mkdir("bench-data")
        publish.publish(data, "s3://bench-data/live")
        out = {}
        for where, location in (("local", data), ("s3", "s3://bench-data/live")):
            start = time.monotonic()
            srv = Server(location, log_dir, env=s3.env(), options=options)
            try:
                first = asyncio.run(_first(srv.ws_url))
                out[where] = {"first_page_s": time.monotonic() - start, "first_run_ms": 1000 * first}
                for page, query in pages.items():
                    times, _ = asyncio.run(reruns(srv.ws_url, page, query, runs))
                    out[where][page or "overview"] = pct(times, 50)
            finally:
                srv.stop()
        return out
    finally:
        os.environ.clear()
        os.environ.update(saved)
        s3.stop()


async def _first(ws_url: str) -> float:
    async with Session(ws_url) as s:
        return (await s.load(*LOAD_PAGE))[0]


def run(pages: dict, runs: int, log_dir: Path) -> dict:
    """Long: each part starts its own servers, in a fixed order, so the figures of one run compare like with like.

    1. page costs and floors with Streamlit's default (a full GC after every run) and without it;
    2. memory under sustained load, GC on and off;
    3. through HAProxy with 1, 2 and 4 replicas, 50/100/200 sessions at once;
    4. a replica killed under a 50-session load;
    5. data on a local S3 server against the local folder.
    """
    data = settings.DEFAULT_DATA_DIR
    out: dict = {}
    for label, options in (("gc_on", GC_ON), ("gc_off", GC_OFF)):
        app = Server(data, log_dir, options=options)
        floor = Server(data, log_dir, options=options, app=FLOOR_APP)
        try:
            out[f"pages_{label}"] = asyncio.run(page_costs(app, floor, pages, runs))
            out[f"sustained_{label}"] = asyncio.run(sustained(app, pages, loads=40 * len(pages)))
        finally:
            app.stop(), floor.stop()
    # the rest runs as deployed: .streamlit/config.toml decides
    out["proxy"] = through_proxy(data, (1, 2, 4), (50, 100, 200), log_dir)
    out["kill"] = kill_under_load(data, log_dir)
    out["object_storage"] = object_storage(data, pages, runs, log_dir)
    return out


def render(out: dict) -> str:
    """Long: one table per part, in the order they ran, each figure from this run.

    Per page: reruns with Streamlit's default (a full GC after every run) and as configured (without it), each
    beside the floor page that draws the same elements with no data work.
    """
    lines = ["\n== page reruns over the websocket (ms), each beside its floor (same elements, no data work)"]
    lines.append(f"{'page':<21}{'elements':>9} | {'GC after run: p50':>18}{'p95':>6}{'floor':>7} | "
                 f"{'no GC: p50':>11}{'p95':>6}{'floor p50/p95':>15}{'x floor':>9}")  # fmt: skip
    on, off = out["pages_gc_on"], out["pages_gc_off"]
    for page, a in on.items():
        b = off[page]
        lines.append(
            f"{page:<21}{a['elements']:>9} | {a['p50_ms']:>18.0f}{a['p95_ms']:>6.0f}{a['floor_p50_ms']:>7.0f} | "
            f"{b['p50_ms']:>11.0f}{b['p95_ms']:>6.0f}{b['floor_p50_ms']:>9.0f}/{b['floor_p95_ms']:<5.0f}"
            f"{b['over_floor']:>8.1f}x"
        )
    lines.append("\n== memory under sustained load (4 sessions cycling every page), MB of the server process")
    for label in ("gc_on", "gc_off"):
        m = out[f"sustained_{label}"]
        quarters = " ".join(f"{q:.0f}" for q in m["quarters_mb"])
        lines.append(f"{'GC after every run' if label == 'gc_on' else 'no GC after runs':<20} {m['loads']} loads: "
                     f"start {m['start_mb']:.0f}, after each quarter {quarters}, peak {m['peak_mb']:.0f}; "
                     f"{m['runs_per_s']:.1f} runs/s, p50 {m['p50_ms']:.0f} ms")  # fmt: skip
    lines.append("\n== through HAProxy: sessions opening /reporting-delays?state=PAK&instrument=CAT at the same moment")
    lines.append(
        f"{'replicas':>8}{'sessions':>9}{'errors':>7}{'p50 ms':>8}{'p95 ms':>8}{'runs/s':>8}{'peak MB (all)':>15}"
    )
    for r in out["proxy"]:
        lines.append(f"{r['replicas']:>8}{r['sessions']:>9}{r['errors']:>7}{r['p50_ms'] or 0:>8.0f}{r['p95_ms'] or 0:>8.0f}"
                     f"{r['runs_per_s']:>8.1f}{r['peak_mb']:>15.0f}")  # fmt: skip
    k = out["kill"]
    lines.append(f"\n== a replica killed under {k['sessions']} sessions (2 replicas): {k['on_killed']} sessions were on it, "
                 f"{k['killed_reconnected']} reconnected and loaded the page; {k['others']} on the other, "
                 f"{k['others_errors']} errors among them")  # fmt: skip
    lines.append("\n== data on a local S3 server (moto) against the local folder")
    for where, d in out["object_storage"].items():
        reruns_ = ", ".join(f"{p} {v:.0f}" for p, v in d.items() if p not in {"first_page_s", "first_run_ms"})
        lines.append(f"{where:<6} first page {d['first_page_s']:.1f} s after start ({d['first_run_ms']:.0f} ms run); "
                     f"rerun p50 ms: {reruns_}")  # fmt: skip
    return "\n".join(lines)
