"""The curated record: reviews, their delegations, stakeholders, cases and further evidence, committee figures
and sessions. The curated CSVs use the data contract's column names (the import template's, the Parquet's)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from compliance import countries, rules
from compliance.sources.common import BuildReport, read_csv
from compliance.values import parse_partial_date, parse_quantity

SESSION_FILES = ("cat", "ccpr", "cedaw", "cerd", "cescr", "crc")
CURATED_FILES = (
    "reviews.csv",
    "reports.csv",
    "report_statuses.csv",
    "delegation.csv",
    "stakeholders.csv",
    "cases.csv",
    "evidence.csv",
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
    ev = cur["evidence"]
    ev = ev[ev["field"] == field_name]
    return {(r.review_id, r.value): (r.source, r.quote) for r in ev.itertuples()}


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
            "body": rv["body"],
            "instrument": [rules.reviewed_instrument(b, t) for b, t in zip(rv["body"], rv["report_type"])],
            "session": pd.to_numeric(rv["session"]).astype("Int64"),
            "iso3": rv["iso3"],
            "state": rv["state"],
            "report_type": rv["report_type"],
            "report_number": rv["report_number"],
            "report_symbol": rv["report_symbol"],
            "start_date": rv["start_date"].map(lambda v: parse_partial_date(v).value),
            "end_date": rv["end_date"].map(lambda v: parse_partial_date(v).value),
            "submitted_date": [s.value for s in sub],
            "submitted_precision": [s.precision for s in sub],
            "submitted_text": rv["submitted_date"],
            "years_late_stated": [q.value for q in late],
            "years_late_qualifier": [q.qualifier for q in late],
            "years_late_text": rv["years_late_stated"],
            "head_name": rv["head_name"],
            "head_title": rv["head_title"],
            "delegation_size": pd.array([None if q.value is None else int(q.value) for q in size], dtype="Int64"),
            "delegation_size_source": [
                _evidence(cur, "delegation_size").get((i, n), (s, None))[0] if n else None
                for i, n, s in zip(rv["review_id"], rv["delegation_size"], rv["source"])
            ],
            "source": rv["source"],
            "quote": rv["quote"],
        }
    )  # fmt: skip


def build_delegation(cur: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Named delegates (rows with a name) and the institutions shown on each delegation (rows without), one row each.

    A person's institution type is their row's own, or the type an institution row gives their institution; a
    person row that types its institution also shows that institution, once.
    """
    rows = cur["delegation"]
    named = rows["name"].notna()
    people, bodies = rows[named], rows[~named]
    types = {(r.review_id, r.institution): r.institution_type for r in bodies.itertuples()}
    typed = people[people["institution_type"].notna()]
    shown = set(zip(bodies["review_id"], bodies["institution"], bodies["institution_type"]))
    extra = typed[[k not in shown for k in zip(typed["review_id"], typed["institution"], typed["institution_type"])]]
    extra = extra.drop_duplicates(subset=["review_id", "institution", "institution_type"])
    bodies = pd.concat([bodies, extra], ignore_index=True)
    persons = pd.DataFrame({
        "review_id": people["review_id"], "kind": "person", "name": people["name"], "title": people["title"],
        "institution": people["institution"],
        "institution_type": [t or types.get((r, i)) for r, i, t in
                             zip(people["review_id"], people["institution"], people["institution_type"])],
        "is_head": people["is_head"] == "true", "source": people["source"], "quote": people["quote"],
    })  # fmt: skip
    institutions = pd.DataFrame({
        "review_id": bodies["review_id"], "kind": "institution", "name": None, "title": None,
        "institution": bodies["institution"], "institution_type": bodies["institution_type"], "is_head": False,
        "source": bodies["source"], "quote": bodies["quote"],
    })  # fmt: skip
    return pd.concat([persons, institutions], ignore_index=True)


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
            "outcome": cs["outcome"],
            "outcome_detail": cs["outcome_detail"],
            "source": cs["source"],
            "quote": cs["quote"],
        }
    )


def build(curated: Path, report: BuildReport) -> tuple[dict[str, pd.DataFrame], dict[str, pd.DataFrame]]:
    """The curated tables (reviews, delegation, stakeholders, cases, evidence, committee figures, sessions) and
    the curated CSVs as read, for the sources that build on them."""
    cur = load_curated(curated, report)
    figures = cur["committee_figures"].copy()
    figures["value"] = pd.to_numeric(figures["value"]).astype("Int64")
    sessions = pd.concat([cur[f"{b}_sessions"].assign(body=b.upper()) for b in SESSION_FILES], ignore_index=True)
    sessions["session"] = pd.to_numeric(sessions["session"]).astype("Int64")
    tables = {
        "reviews": build_reviews(cur, report),
        "delegation": build_delegation(cur),
        "stakeholders": cur["stakeholders"],
        "cases": build_cases(cur),
        "evidence": cur["evidence"],
        "committee_figures": figures,
        "sessions": sessions[["body", "session", "states_reviewed", "source", "quote"]],
    }
    return tables, cur
