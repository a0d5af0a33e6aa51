"""Reporting calendars: an iCalendar feed (RFC 5545) per state and per committee, built with each release.

Each feed holds every report due date the record knows (initial reports by the treaty's rule, a periodic one
where a source states the day) and every review with a date, one VEVENT each with a stable UID and its source.
The content depends only on the release's tables, so the same data gives byte-identical feeds. The current
release's feeds are copied into static/calendars/ (served at app/static/calendars/), so a URL a user subscribes
to stays the same and shows each new release.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

import icalendar
import pandas as pd

FOLDER = "calendars"
PRODID = "-//Treaty compliance dashboard//Reporting calendar//EN"
DOMAIN = "treaty-compliance-dashboard"


def _day(value) -> dt.date | None:
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


def _status(r) -> str:
    """What the record says of a report's submission, with the source that says it."""
    if r.status == "submitted":
        said = r.submitted_text if isinstance(r.submitted_text, str) else None
        shown = f"submitted {said}" if r.submitted_basis == "stated" and said else r.submitted_basis
        return f"{shown} (source: {r.submitted_source or r.source})"
    if r.status == "not_submitted":
        return (f"overdue since {_day(r.due_date)}: not submitted as at {_day(r.unsubmitted_as_of)} "
                f"(source: {r.unsubmitted_source}); nothing later is known") if _day(r.due_date) else (
                f"not submitted as at {_day(r.unsubmitted_as_of)} (source: {r.unsubmitted_source})")  # fmt: skip
    return "whether it was submitted is not known: no source states it"


def events(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per calendar event: report due dates and reviews, with the state and committee they belong to."""
    names = dict(zip(tables["states"]["iso3"], tables["states"]["name"]))
    committee = dict(zip(tables["instruments"]["instrument"], tables["instruments"]["committee"]))
    rows = []
    reports = tables["reports"]
    stated = reports["due_date_stated_precision"] == "day"
    for r in reports[reports["due_date"].notna() | stated].itertuples():
        due = _day(r.due_date) or _day(r.due_date_stated)
        basis = f"Due by the treaty's rule ({r.due_rule})" if _day(r.due_date) else "Due date as a source states it"
        rows.append({
            "uid": f"{r.iso3}-{r.instrument}-{r.cycle}-due@{DOMAIN}", "iso3": r.iso3, "committee": committee.get(r.instrument),
            "start": due, "end": due + dt.timedelta(days=1),
            "summary": f"{names.get(r.iso3, r.iso3)}: {r.instrument} {r.cycle_label} report due",
            "description": f"{basis}. Submission: {_status(r)}.",
        })  # fmt: skip
    reviews = tables["reviews"]
    for v in reviews[reviews["start_date"].notna() & reviews["iso3"].notna()].itertuples():
        start, end = _day(v.start_date), _day(v.end_date) or _day(v.start_date)
        rows.append({
            "uid": f"{v.review_id}@{DOMAIN}", "iso3": v.iso3, "committee": v.body, "start": start,
            "end": max(start, end) + dt.timedelta(days=1),
            "summary": f"{names.get(v.iso3, v.iso3)}: {v.body} review ({v.review_id})",
            "description": f"Review of the report {v.report_symbol or '(symbol not known)'}. Source: {v.source}.",
        })  # fmt: skip
    return pd.DataFrame(rows).sort_values(["start", "uid"], kind="stable").reset_index(drop=True)


def feed(name: str, rows: pd.DataFrame, stamp: dt.datetime) -> bytes:
    """One VCALENDAR. DTSTAMP is the record's own date, never the build's time, so a rebuild is byte-identical."""
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"Reporting calendar: {name}")
    for r in rows.itertuples():
        event = icalendar.Event()
        event.add("uid", r.uid)
        event.add("dtstamp", stamp)
        event.add("dtstart", r.start)
        event.add("dtend", r.end)
        event.add("summary", r.summary)
        event.add("description", r.description)
        cal.add_component(event)
    return cal.to_ical()


def feeds(tables: dict[str, pd.DataFrame]) -> dict[str, bytes]:
    """Every feed by file name: <ISO3>.ics per state, committee-<BODY>.ics per committee."""
    rows = events(tables)
    record_date = pd.Timestamp(tables["ratifications"]["as_of"].max()).date()
    stamp = dt.datetime.combine(record_date, dt.time(), tzinfo=dt.UTC)
    names = dict(zip(tables["states"]["iso3"], tables["states"]["name"]))
    out = {f"{iso3}.ics": feed(names.get(iso3, iso3), group, stamp) for iso3, group in rows.groupby("iso3")}
    for body, group in rows.dropna(subset=["committee"]).groupby("committee"):
        out[f"committee-{body}.ics"] = feed(f"{body} (all states)", group, stamp)
    return dict(sorted(out.items()))


def write(tables: dict[str, pd.DataFrame], folder: Path) -> None:
    """The feeds into `folder`/calendars/."""
    target = folder / FOLDER
    target.mkdir()
    for name, content in feeds(tables).items():
        (target / name).write_bytes(content)


def expose(release_folder: Path, static: Path) -> int:
    """Make `static`/calendars hold the release's feeds, file by file (each replaced whole); returns how many."""
    source = release_folder / FOLDER
    if not source.is_dir():
        return 0
    target = static / FOLDER
    target.mkdir(parents=True, exist_ok=True)
    wanted = {p.name for p in source.glob("*.ics")}
    for name in sorted(wanted):
        content = (source / name).read_bytes()
        if (target / name).is_file() and (target / name).read_bytes() == content:
            continue
        tmp = target / f".{name}.{os.getpid()}.tmp"  # replicas starting together never share a temporary file
        tmp.write_bytes(content)
        os.replace(tmp, target / name)
    for stale in target.glob("*.ics"):
        if stale.name not in wanted:
            stale.unlink()
    return len(wanted)


def exposed_match(release_folder: Path, static: Path) -> bool:
    """Whether `static`/calendars holds exactly the release's feeds.

    A release's release.json lists each feed's SHA-256, so a release on object storage is checked without
    fetching its feeds; a plain folder (no manifest) is compared byte for byte.
    """
    from compliance import release

    served = {p.name: p for p in (static / FOLDER).glob("*.ics")}
    listed = {
        name.removeprefix(f"{FOLDER}/"): digest
        for name, digest in release.manifest(release_folder).get("files", {}).items()
        if name.startswith(f"{FOLDER}/")
    }
    if listed:
        return set(listed) == set(served) and all(
            hashlib.sha256(served[n].read_bytes()).hexdigest() == digest for n, digest in listed.items()
        )
    names = sorted(p.name for p in (release_folder / FOLDER).glob("*.ics"))
    return names == sorted(served) and all(
        (release_folder / FOLDER / n).read_bytes() == served[n].read_bytes() for n in names
    )
