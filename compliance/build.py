"""Build the Parquet tables from data/sources and data/curated: deterministic, validated, with a report.

Run as `python -m compliance build`. Same input gives byte-identical output.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from compliance import calendars, changelog, countries, release, rules, schema, settings
from compliance.sources import complaints as complaint_source
from compliance.sources import ratifications as ratification_source
from compliance.sources import reports as report_source
from compliance.sources import reviews as review_source
from compliance.sources import treaty_texts as text_source
from compliance.sources import upr as upr_source
from compliance.sources.common import BuildReport, read_csv

__all__ = ["BuildReport", "build", "build_tables", "check", "load_curated", "read_csv"]
load_curated = review_source.load_curated


def build_states(
    ratifications: pd.DataFrame, members: set[str], groups: dict[str, str], iso3s: set[str]
) -> pd.DataFrame:
    """Every state any table names, with its UN spelling and regional group."""
    un_names = dict(zip(ratifications["iso3"], ratifications["participant"]))
    codes = sorted(c for c in iso3s if c)
    return pd.DataFrame(
        {
            "iso3": codes,
            "name": [un_names.get(c) or countries.default_name(c) for c in codes],
            "un_regional_group": [groups.get(c) for c in codes],
            "un_member": [c in members for c in codes],
        }
    )


def build_instruments() -> pd.DataFrame:
    """The 18 instruments, their committees and rules."""
    return pd.DataFrame(
        {
            "instrument": [i.code for i in rules.INSTRUMENTS],
            "position": list(range(1, len(rules.INSTRUMENTS) + 1)),
            "name": [i.name for i in rules.INSTRUMENTS],
            "untc_no": [i.untc_no for i in rules.INSTRUMENTS],
            "committee": [i.committee for i in rules.INSTRUMENTS],
            "reporting": [i.reporting for i in rules.INSTRUMENTS],
            "treaty_in_force_date": [i.treaty_in_force for i in rules.INSTRUMENTS],
            "in_force_article": [i.in_force_article for i in rules.INSTRUMENTS],
            "initial_due_years": pd.array([i.initial_due_years for i in rules.INSTRUMENTS], dtype="Int64"),
            "initial_due_article": [i.initial_due_article for i in rules.INSTRUMENTS],
        }
    )


def build_tables(sources: Path, curated: Path, report: BuildReport | None = None) -> dict[str, pd.DataFrame]:
    """All tables from the public `sources` folder and the `curated` CSVs."""
    report = report or BuildReport()
    ratifications, checks, pages = ratification_source.build(sources, report)
    tables, cur = review_source.build(curated, report)
    upr, groups = upr_source.build(sources, report)
    texts = text_source.texts(pages)
    statuses = cur["report_statuses"]
    reports = report_source.build(ratifications, tables["reviews"], cur["evidence"], cur["reports"], statuses, report)
    tables |= {
        "instruments": build_instruments(),
        "ratifications": ratifications,
        "ratification_checks": checks,
        "treaty_texts": texts,
        "complaint_acceptance": text_source.acceptance(ratifications, texts, report),
        "reports": reports,
        "report_statuses": report_source.state_level(statuses),
        "upr_recommendations": upr,
        "complaints": complaint_source.build(sources, report),
    }
    iso3s = set(upr["recommending_iso3"].dropna())
    for name in ("ratifications", "reports", "reviews", "upr_recommendations", "complaints"):
        iso3s |= set(tables[name]["iso3"].dropna())
    members = set(ratification_source.status_2022(sources, BuildReport())["iso3"].dropna())
    tables["states"] = build_states(ratifications, members, groups, iso3s)
    for name, frame in tables.items():
        report.rows[name] = len(frame)
    return dict(sorted(tables.items()))


def write_table(frame: pd.DataFrame, path: Path) -> None:
    """Write Parquet deterministically: stable row order, no pandas index, fixed writer settings."""
    frame = frame.sort_values(by=list(frame.columns), kind="stable", key=lambda s: s.astype(str)).reset_index(drop=True)
    for col in frame.columns:
        if col.endswith(("_date", "as_of", "_latest")) or col in ("period_start", "period_end"):
            frame[col] = pd.to_datetime(frame[col]).dt.date.astype(object).where(frame[col].notna(), None)
    table = schema.to_arrow(path.stem, frame).replace_schema_metadata(None)
    schema.check_written(path.stem, table.schema)
    pq.write_table(table, path, compression="zstd", write_statistics=True, use_dictionary=True)
    release.checkpoint()


def write_release(tables: dict[str, pd.DataFrame], curated: Path, folder: Path) -> None:
    """A whole release in `folder`: every table as `<name>.parquet` and the curated files it came from."""
    schema.check_names(tables)
    for name, frame in tables.items():
        write_table(frame, folder / f"{name}.parquet")
    calendars.write(tables, folder)
    if curated != folder / "curated":
        (folder / "curated").mkdir()
        for path in sorted(curated.iterdir()):
            if path.is_file() and path.suffix in (".csv", ".md"):
                shutil.copyfile(path, folder / "curated" / path.name)
                release.checkpoint()


def curated_dir(root: Path) -> Path:
    """The curated CSVs the current release was built from (a plain data folder keeps them in curated/)."""
    return release.resolve(root) / "curated"


def build(root: Path, curated: Path | None = None) -> tuple[BuildReport, str]:
    """Build every table from `root`/sources and the curated CSVs, publish it as a release; returns report and id."""
    curated = curated or curated_dir(root)
    report = BuildReport()
    tables = build_tables(root / "sources", curated, report)
    before = release.current_id(root)
    release_id = release.publish(root, lambda folder: write_release(tables, curated, folder))
    note_release(root, before, release_id)
    expose_calendars(root)
    return report, release_id


def note_release(root: Path, before: str | None, after: str) -> None:
    """A new release gets its section in the data changelog (publishing the same content again adds none)."""
    if before == after:
        return
    old = root / release.RELEASES / before if before else None
    new = root / release.RELEASES / after
    made = release.manifest(new).get("made", "")
    changelog.record(root, changelog.entry(old if old and old.is_dir() else None, new, before, after, made))


def expose_calendars(root: Path) -> None:
    """For the project's own data folder, serve the current release's calendar feeds from static/calendars/."""
    if root == settings.DEFAULT_DATA_DIR:
        calendars.expose(release.resolve(root), settings.STATIC_DIR)


def check(root: Path) -> int:
    """Rebuild into a temporary folder and compare with the current release: 0 when identical, 1 otherwise."""
    import tempfile

    curated = curated_dir(root)
    report = BuildReport()
    tables = build_tables(root / "sources", curated, report)
    with tempfile.TemporaryDirectory() as tmp:
        write_release(tables, curated, Path(tmp))
        fresh = release.content_hash(Path(tmp))
    print(report.render())
    shipped = release.current_id(root)
    if fresh != shipped:
        print(
            f"out of date: a fresh build is release {fresh}, {release.POINTER} names {shipped} (run `python -m compliance build`)"
        )
        return 1
    print(f"up to date: release {shipped} equals a fresh build ({len(tables)} tables)")
    if root == settings.DEFAULT_DATA_DIR and not calendars.exposed_match(release.resolve(root), settings.STATIC_DIR):
        print(
            "out of date: static/calendars differs from the current release's feeds (run `python -m compliance build`)"
        )
        return 1
    return 1 if report.refused else 0
