"""The naive way, as a baseline: pandas reads the Parquet on every call and filters and joins in Python.

Each function returns the whole result, as a naive page would before showing it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd


def _read(folder: Path, name: str) -> pd.DataFrame:
    return pd.read_parquet(folder / f"{name}.parquet")


def _in_scope(frame: pd.DataFrame, folder: Path, scope: dict, col: str = "iso3") -> pd.DataFrame:
    """Rows whose state the scope's state list and regional group admit."""
    if scope["state"]:
        frame = frame[frame[col].isin(scope["state"])]
    if scope["group"]:
        members = _read(folder, "states").query("un_regional_group == @scope['group']")["iso3"]
        frame = frame[frame[col].isin(members)]
    return frame


def report_delays(folder: Path, scope: dict, as_of: dt.date) -> pd.DataFrame:
    reports = _in_scope(_read(folder, "reports"), folder, scope)
    st = _read(folder, "states")[["iso3", "name"]]
    rat = _read(folder, "ratifications")[["iso3", "instrument", "action_date", "action_year"]]
    df = reports.merge(st, on="iso3", how="left").merge(rat, on=["iso3", "instrument"], how="left")
    as_of = pd.Timestamp(as_of)
    due = pd.to_datetime(df["due_date"])
    sub = pd.to_datetime(df["submitted_date"])
    latest = pd.to_datetime(df["submitted_latest"])
    status = np.where(
        due.isna(),
        "due date not known",
        np.where(
            as_of <= due,
            "not yet due",
            np.where((df["status"] == "submitted") & (latest <= as_of), "submitted", "status not known"),
        ),
    )
    df["status_on_date"] = status
    df["days_late_min"] = (sub - due).dt.days.where(status == "submitted")
    df["days_late_max"] = (latest - due).dt.days.where(status == "submitted")
    df["years_late"] = ((df["days_late_min"] + df["days_late_max"]) / 2 / 365.25).round(1)
    return df.sort_values(["name", "instrument", "cycle"])


def delegations(folder: Path, scope: dict) -> pd.DataFrame:
    reviews = _in_scope(_read(folder, "reviews"), folder, scope)
    d = _read(folder, "delegation")
    members = (
        d.groupby("review_id")
        .agg(
            named_members=("kind", lambda k: int((k == "person").sum())),
            institution_types=("institution_type", lambda t: sorted(set(t.dropna()))),
        )
        .reset_index()
    )
    out = reviews.merge(members, on="review_id", how="left")
    for flag, kind in (
        ("military", "defence_military"),
        ("police", "interior_police"),
        ("intelligence", "intelligence"),
        ("nhri", "nhri"),
    ):
        out[flag] = out["institution_types"].map(lambda t, k=kind: isinstance(t, list) and k in t)
    return out.sort_values(["start_date", "state"])


def stakeholder_matrix(folder: Path, scope: dict) -> pd.DataFrame:
    s = _read(folder, "stakeholders").merge(
        _in_scope(_read(folder, "reviews"), folder, scope)[["review_id", "state"]], on="review_id"
    )
    rank = {"absent_noted_by_committee": 0, "present": 1, "submitted_information": 2, "other": 3}
    s["rank"] = s["participation"].map(rank)
    return s.sort_values("rank").groupby(["review_id", "state", "stakeholder_type"]).first().reset_index()


def case_outcomes(folder: Path, scope: dict) -> pd.DataFrame:
    c = _read(folder, "cases").merge(_in_scope(_read(folder, "reviews"), folder, scope)[["review_id"]], on="review_id")
    c = c[c["case_kind"] == "named_case"]
    c["outcome"] = c["outcome"].fillna("no_information")
    outcomes = c.groupby(["violation_type", "outcome"]).size().reset_index(name="cases")
    comp = _in_scope(_read(folder, "complaints"), folder, scope)
    comp = comp.assign(decision_year=pd.to_datetime(comp["decision_date"]).dt.year)
    return pd.concat(
        [outcomes, comp.groupby(["committee", "decision_type", "decision_year"]).size().reset_index(name="decisions")]
    )


def recommendations(folder: Path, scope: dict) -> pd.DataFrame:
    u = _in_scope(_read(folder, "upr_recommendations"), folder, scope)
    u = u[u["response"] != "voluntary pledge"]
    by_state = u.groupby(["state", "iso3"])["response"].value_counts().unstack(fill_value=0).reset_index()
    issues = u.assign(issue=u["issues"].str.split(",")).explode("issue")
    by_issue = issues.groupby(["issue", "response"]).size().reset_index(name="n")
    treaty = u[
        u["issues"].str.contains("Treaty bodies", na=False)
        | u["text"].str.contains(r"(?i)(?:overdue|delayed|late) reports?", na=False)
    ]
    return pd.concat([by_state, by_issue, treaty])


def state_profile(folder: Path, scope: dict) -> pd.DataFrame:
    inst = _read(folder, "instruments")
    rat = _read(folder, "ratifications")
    return inst.merge(rat[rat["iso3"].isin(scope["state"])], on="instrument", how="left")


def overview(folder: Path, scope: dict, as_of: dt.date) -> pd.DataFrame:
    r = report_delays(folder, scope, as_of)
    reviews = _in_scope(_read(folder, "reviews"), folder, scope)
    cases = _read(folder, "cases").merge(reviews[["review_id"]], on="review_id")
    return pd.DataFrame(
        [
            {
                "states": r["iso3"].nunique(),
                "reports": len(r),
                "median": r["years_late"].median(),
                "reviews": len(reviews),
                "cases": len(cases),
            }
        ]
    )


def sources(folder: Path, scope: dict) -> pd.DataFrame:
    return pd.DataFrame([(p.stem, len(pd.read_parquet(p))) for p in sorted(folder.glob("*.parquet"))])
