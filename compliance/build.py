"""Build the Parquet tables from data/sources and data/curated: deterministic, validated, with a report.

Run as `python -m compliance build`. Same input gives byte-identical output.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from compliance import countries, release, rules, schema
from compliance.sources import ratifications as ratification_source
from compliance.sources import reports as report_source
from compliance.sources import treaty_texts as text_source
from compliance.sources.common import BuildReport, read_csv
from compliance.values import parse_partial_date, parse_quantity

__all__ = ["BuildReport", "build", "build_tables", "check", "read_csv"]

UPR_GROUPS = {
    "Africa": "African",
    "Asia": "Asia-Pacific",
    "EEG": "Eastern European",
    "GRULAC": "Latin American and Caribbean",
    "WEOG": "Western European and other",
}
SESSION_FILES = ("cat", "ccpr", "cedaw", "cerd", "cescr", "crc")
CURATED_FILES = (
    "reviews.csv",
    "reports.csv",
    "report_statuses.csv",
    "named_delegates.csv",
    "delegation_institutions.csv",
    "stakeholders.csv",
    "cases.csv",
    "field_evidence.csv",
    "committee_figures.csv",
    "cat_sessions.csv",
    "ccpr_sessions.csv",
    "cedaw_sessions.csv",
    "cerd_sessions.csv",
    "cescr_sessions.csv",
    "crc_sessions.csv",
    "overdue_states.csv",
)


def load_curated(curated: Path, report: BuildReport | None = None) -> dict[str, pd.DataFrame]:
    """The curated CSVs as text tables, keyed by file stem."""
    out = {name.removesuffix(".csv"): read_csv(curated / name) for name in CURATED_FILES}
    for name, frame in out.items():
        if report is not None:
            report.count(f"curated/{name}.csv", len(frame))
    return out


def _evidence(cur: dict[str, pd.DataFrame], field_name: str) -> dict[tuple[str, str], tuple[str, str]]:
    """Source and quote for a review's field, keyed by (review_id, value): the source that gives that value."""
    ev = cur["field_evidence"]
    ev = ev[ev["field"] == field_name]
    return {(r.review_id, r.value): (r.source_url, r.quote) for r in ev.itertuples()}


def build_reviews(cur: dict[str, pd.DataFrame], report: BuildReport) -> pd.DataFrame:
    """One row per curated review; dates typed, stated numbers split into value and qualifier."""
    rv = cur["reviews"].copy()
    for iso3 in sorted(set(rv["iso3"].dropna())):
        if not countries.is_known_iso3(iso3):
            report.refused.append(f"reviews.csv: unknown iso3 {iso3}")
    sub = rv["submitted_date"].map(parse_partial_date)
    late = rv["years_late_stated"].map(parse_quantity)
    size = rv["delegation_size"].map(parse_quantity)
    return pd.DataFrame(
        {
            "review_id": rv["review_id"],
            "body": rv["treaty"],
            "instrument": [rules.reviewed_instrument(b, t) for b, t in zip(rv["treaty"], rv["report_type"])],
            "session": pd.to_numeric(rv["session"]).astype("Int64"),
            "iso3": rv["iso3"],
            "state": rv["state"],
            "report_type": rv["report_type"],
            "report_number": rv["report_number"],
            "report_symbol": rv["report_symbol"],
            "start_date": rv["review_start_date"].map(lambda v: parse_partial_date(v).value),
            "end_date": rv["review_end_date"].map(lambda v: parse_partial_date(v).value),
            "submitted_date": [s.value for s in sub],
            "submitted_precision": [s.precision for s in sub],
            "submitted_text": rv["submitted_date"],
            "years_late_stated": [q.value for q in late],
            "years_late_qualifier": [q.qualifier for q in late],
            "years_late_text": rv["years_late_stated"],
            "head_name": rv["head_of_delegation_name"],
            "head_title": rv["head_of_delegation_title"],
            "delegation_size": pd.array([None if q.value is None else int(q.value) for q in size], dtype="Int64"),
            "delegation_size_source": [
                _evidence(cur, "delegation_size").get((i, n), (s, None))[0] if n else None
                for i, n, s in zip(rv["review_id"], rv["delegation_size"], rv["source_url"])
            ],
            "source": rv["source_url"],
            "quote": rv["quote"],
        }
    )  # fmt: skip


def build_delegation(cur: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Named delegates and the institutions shown on each delegation, one row each."""
    inst = cur["delegation_institutions"]
    types = {(r.review_id, r.institution): r.institution_type for r in inst.itertuples()}
    people = cur["named_delegates"]
    persons = pd.DataFrame(
        {
            "review_id": people["review_id"],
            "kind": "person",
            "name": people["name"],
            "title": people["title"],
            "institution": people["institution"],
            "institution_type": [types.get((r, i)) for r, i in zip(people["review_id"], people["institution"])],
            "is_head": people["role"] == "head",
            "source": people["source_url"],
            "quote": people["quote"],
        }
    )
    bodies = pd.DataFrame(
        {
            "review_id": inst["review_id"],
            "kind": "institution",
            "name": None,
            "title": None,
            "institution": inst["institution"],
            "institution_type": inst["institution_type"],
            "is_head": False,
            "source": inst["source_url"],
            "quote": inst["quote"],
        }
    )
    return pd.concat([persons, bodies], ignore_index=True)


def build_cases(cur: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Cases raised in reviews; victims and incident dates keep their qualifier and precision."""
    cs = cur["cases"]
    victims = cs["victims_count"].map(parse_quantity)
    when = cs["incident_date"].map(parse_partial_date)
    return pd.DataFrame(
        {
            "review_id": cs["review_id"],
            "case_label": cs["case_label"],
            "violation_type": cs["violation_type"],
            "case_kind": cs["case_kind"],
            "incident_date": [w.value for w in when],
            "incident_precision": [w.precision for w in when],
            "incident_text": cs["incident_date"],
            "victims_count": pd.array([None if v.value is None else int(v.value) for v in victims], dtype="Int64"),
            "victims_qualifier": [v.qualifier for v in victims],
            "victims_text": cs["victims_count"],
            "alleged_perpetrator": cs["alleged_perpetrator"],
            "outcome": cs["outcome_reported"],
            "outcome_detail": cs["outcome_detail"],
            "source": cs["source_url"],
            "quote": cs["quote"],
        }
    )


def build_upr(sources: Path, report: BuildReport) -> tuple[pd.DataFrame, dict[str, str]]:
    """UPR Info recommendations 2008-2014 and each state's regional group as UPR Info gives it."""
    frames = []
    for path in sorted((sources / "upr-recommendations-2008-2014").glob("*.csv")):
        # The exports are classic Mac text: CR line endings and Mac Roman bytes (0x8E is "é").
        frame = read_csv(path, encoding="mac_roman")
        frame["file"] = path.name
        frames.append(frame)
    upr = pd.concat(frames, ignore_index=True)
    for col, label in (("To", "UPR recipient"), ("From", "UPR recommending state")):
        for name in sorted(set(upr[col].dropna())):
            if countries.to_iso3(name) is None:
                report.unmatched_name(label, name)
    groups = {}
    for name, grp in upr[["To", "To-Rgrp"]].drop_duplicates().itertuples(index=False):
        iso3 = countries.to_iso3(name)
        if iso3 and grp in UPR_GROUPS:
            groups[iso3] = UPR_GROUPS[grp]
    out = pd.DataFrame(
        {
            "iso3": upr["To"].map(countries.to_iso3),
            "state": upr["To"],
            "recommending_iso3": upr["From"].map(countries.to_iso3),
            "recommending_state": upr["From"],
            "recommending_group": upr["From-Rgrp"].map(UPR_GROUPS),
            "session": pd.to_numeric(upr["Session"]).astype("Int64"),
            "text": upr["Text"],
            "response": upr["Response"].str.lower(),
            "action_category": pd.to_numeric(upr["Action"], errors="coerce").astype("Int64"),
            "issues": upr["Issue"],
            "source_file": upr["file"],
        }
    )
    return out, groups


def build_complaints(sources: Path, report: BuildReport) -> pd.DataFrame:
    """Individual communications decided by the treaty bodies (OHCHR, 2016), one row per decision and state."""
    j = read_csv(sources / "treaty-body-jurisprudence-2016" / "juris_cases_2016-05-07.csv")
    j["Countries"] = j["Countries"].map(lambda v: [c.strip() for c in v.split(";")] if v else [None])
    multi = int((j["Countries"].map(len) > 1).sum())
    j = j.explode("Countries")
    for name in sorted(set(j["Countries"].dropna())):
        if countries.to_iso3(name) is None:
            report.unmatched_name("jurisprudence", name)
    dupes = int(j.duplicated().sum())
    report.notes.append(
        f"complaints: {multi} decisions name several states (one row per state); {dupes} rows repeat another row "
        "exactly, as in the source (kept)"
    )

    def when(v):
        return dt.datetime.strptime(v, "%d %b %Y").date() if v else None

    views = j["Date_of_adoption_of_the_Views"].map(when)
    admission = j["Admission_date"].map(when)
    return pd.DataFrame(
        {
            "symbol": j["Id_string"],
            "committee": j["Committee"],
            "iso3": j["Countries"].map(countries.to_iso3),
            "state": j["Countries"],
            "decision_type": j["Type_of_decision"],
            "submission_date": j["Submission_date"].map(when),
            "decision_date": [v if v is not None else a for v, a in zip(views, admission)],
            "views_date": views,
            "admission_date": admission,
            "session": j["Session_No"],
            "communication": j["Communication_numbers"].str.rstrip(","),
            "author": j["Display_name"],
            "articles": j["Articles"],
            "issues": j["Issues"],
        }
    )


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
    cur = load_curated(curated, report)
    reviews = build_reviews(cur, report)
    upr, groups = build_upr(sources, report)
    complaints = build_complaints(sources, report)
    texts = text_source.texts(pages)
    statuses = cur["report_statuses"]
    figures = cur["committee_figures"].rename(columns={"source_url": "source"})
    figures["value"] = pd.to_numeric(figures["value"]).astype("Int64")
    sessions = pd.concat(
        [cur[f"{b}_sessions"].assign(body=b.upper()) for b in SESSION_FILES], ignore_index=True
    ).rename(columns={"source_url": "source"})
    sessions["session"] = pd.to_numeric(sessions["session"]).astype("Int64")
    tables = {
        "instruments": build_instruments(),
        "ratifications": ratifications,
        "reports": report_source.build(ratifications, reviews, cur["field_evidence"], cur["reports"], statuses, report),
        "report_statuses": report_source.state_level(statuses),
        "ratification_checks": checks,
        "treaty_texts": texts,
        "complaint_acceptance": text_source.acceptance(ratifications, texts, report),
        "reviews": reviews,
        "delegation": build_delegation(cur),
        "stakeholders": cur["stakeholders"].rename(columns={"source_url": "source"}),
        "cases": build_cases(cur),
        "evidence": cur["field_evidence"].rename(columns={"source_url": "source"}),
        "committee_figures": figures,
        "sessions": sessions[["body", "session", "states_reviewed", "source", "quote"]],
        "upr_recommendations": upr,
        "complaints": complaints,
    }
    iso3s = set()
    for name in ("ratifications", "reports", "reviews", "upr_recommendations", "complaints"):
        iso3s |= set(tables[name]["iso3"].dropna())
    iso3s |= set(upr["recommending_iso3"].dropna())
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
    release_id = release.publish(root, lambda folder: write_release(tables, curated, folder))
    return report, release_id


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
    return 1 if report.refused else 0
