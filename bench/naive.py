"""The naive way, as a baseline: pandas reads the Parquet on every call and filters and joins in Python.

Each baseline returns, for each query it stands in for, the rows that query returns (the columns in COMPARED);
`check` proves they are the same rows on the data before any timing, so the ratio compares equal work.
The shared filters here are a state list, a regional group and the as-of date (what the benchmark's pages use).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

# query -> (the columns compared, a key that orders the rows)
COMPARED = {
    "report_delays": (["iso3", "instrument", "cycle", "status_on_date", "days_late_min", "days_late_max", "years_late"],
                      ["iso3", "instrument", "cycle"]),
    "delegations": (["review_id", "named_members", "military", "police", "intelligence", "nhri"], ["review_id"]),
    "stakeholder_matrix": (["review_id", "stakeholder_type", "participation"], ["review_id", "stakeholder_type"]),
    "case_outcomes": (["violation_type", "outcome", "cases"], ["violation_type", "outcome"]),
    "complaints_by_decision": (["committee", "decision_type", "decision_year", "decisions"],
                               ["committee", "decision_type", "decision_year"]),
}  # fmt: skip


def _read(folder: Path, name: str) -> pd.DataFrame:
    return pd.read_parquet(folder / f"{name}.parquet")


def _admitted(frame: pd.DataFrame, folder: Path, scope: dict, col: str = "iso3") -> pd.DataFrame:
    """Rows whose state the scope's state list and regional group admit."""
    if scope["state"]:
        frame = frame[frame[col].isin(scope["state"])]
    if scope["group"]:
        members = _read(folder, "states").query("un_regional_group == @scope['group']")["iso3"]
        frame = frame[frame[col].isin(members)]
    return frame


def _reviews(folder: Path, scope: dict) -> pd.DataFrame:
    reviews = _admitted(_read(folder, "reviews"), folder, scope)
    start = pd.to_datetime(reviews["start_date"])
    return reviews[start.isna() | (start <= pd.Timestamp(scope["as_of"]))]


def _status(df: pd.DataFrame, as_of: pd.Timestamp) -> pd.Series:
    due, sub = pd.to_datetime(df["due_date"]), pd.to_datetime(df["submitted_date"])
    latest, unsub = pd.to_datetime(df["submitted_latest"]), pd.to_datetime(df["unsubmitted_as_of"])
    known = latest.fillna(pd.to_datetime(df["submitted_known_as_of"]))
    choices = [
        (sub.notna() & (latest <= as_of), "submitted"),
        (known <= as_of, "submitted (date not known)"),
        (due.isna(), "due date not known"),
        (as_of <= due, "not yet due"),
        ((unsub >= as_of) | (sub > as_of), "overdue"),
        (unsub > due, "overdue when last known"),
    ]
    return pd.Series(np.select([c for c, _ in choices], [s for _, s in choices], "status not known"), index=df.index)


def report_delays(folder: Path, scope: dict) -> dict[str, pd.DataFrame]:
    as_of = pd.Timestamp(scope["as_of"])
    rat = _read(folder, "ratifications")[["iso3", "instrument", "action_date", "action_year"]]
    df = _admitted(_read(folder, "reports"), folder, scope).merge(rat, on=["iso3", "instrument"], how="left")
    year_known = df["action_year"].fillna(9999) < as_of.year + (as_of.month == 12 and as_of.day == 31)
    ratified = df["action_date"].isna() & df["action_year"].isna()
    df = df[ratified | (pd.to_datetime(df["action_date"]) <= as_of) | (df["action_date"].isna() & year_known)].copy()
    df["status_on_date"] = status = _status(df, as_of)
    due, sub = pd.to_datetime(df["due_date"]), pd.to_datetime(df["submitted_date"])
    latest, unsub = pd.to_datetime(df["submitted_latest"]), pd.to_datetime(df["unsubmitted_as_of"])
    ends = {"submitted": (sub, latest), "overdue": (as_of, as_of), "overdue when last known": (unsub, unsub)}
    low = pd.Series(np.nan, index=df.index)
    high = low.copy()
    for name, (first, last) in ends.items():
        low = low.where(status != name, (first - due).dt.days)
        high = high.where(status != name, (last - due).dt.days)
    df["days_late_min"], df["days_late_max"] = low, high
    df["years_late"] = ((low + high) / 2 / 365.25).round(1)
    return {"report_delays": df}


def delegations(folder: Path, scope: dict) -> dict[str, pd.DataFrame]:
    reviews = _reviews(folder, scope)
    d = _read(folder, "delegation")
    d = d[d["review_id"].isin(reviews["review_id"])]
    people = d[d["kind"] == "person"].groupby("review_id")["name"].nunique().rename("named_members")
    types = d.dropna(subset=["institution_type"]).groupby("review_id")["institution_type"].agg(set)
    out = reviews.merge(people, on="review_id", how="left").merge(types, on="review_id", how="left")
    out["named_members"] = out["named_members"].fillna(0).astype(int)
    for flag, kind in (("military", "defence_military"), ("police", "interior_police"),
                       ("intelligence", "intelligence"), ("nhri", "nhri")):  # fmt: skip
        out[flag] = out["institution_type"].map(lambda t, k=kind: isinstance(t, set) and k in t)
    return {"delegations": out}


def stakeholder_matrix(folder: Path, scope: dict) -> dict[str, pd.DataFrame]:
    s = _read(folder, "stakeholders").merge(_reviews(folder, scope)[["review_id"]], on="review_id")
    rank = {"absent_noted_by_committee": 0, "present": 1, "submitted_information": 2}
    s["rank"] = s["participation"].map(rank).fillna(3)
    first = s.sort_values("rank").groupby(["review_id", "stakeholder_type"], as_index=False, dropna=False).first()
    first["participation"] = first["rank"].map({v: k for k, v in rank.items()}).fillna("other")
    return {"stakeholder_matrix": first}


def case_outcomes(folder: Path, scope: dict) -> dict[str, pd.DataFrame]:
    c = _read(folder, "cases").merge(_reviews(folder, scope)[["review_id"]], on="review_id")
    c = c[c["case_kind"] == "named_case"].assign(outcome=lambda x: x["outcome"].fillna("no_information"))
    outcomes = c.groupby(["violation_type", "outcome"], dropna=False).size().reset_index(name="cases")
    comp = _read(folder, "complaints")
    no_state = comp[comp["iso3"].isna()] if not scope["state"] and not scope["group"] else comp.iloc[0:0]
    comp = pd.concat([_admitted(comp[comp["iso3"].notna()], folder, scope), no_state])
    decided = pd.to_datetime(comp["decision_date"])
    comp = comp[decided <= pd.Timestamp(scope["as_of"])].assign(decision_year=decided.dt.year)
    by_year = (
        comp.groupby(["committee", "decision_type", "decision_year"], dropna=False).size().reset_index(name="decisions")
    )
    return {"case_outcomes": outcomes, "complaints_by_decision": by_year}


def _comparable(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    columns, key = COMPARED[name]
    out = frame[columns].copy()
    for col in out.columns:
        if pd.api.types.is_numeric_dtype(out[col]) and not pd.api.types.is_bool_dtype(out[col]):
            out[col] = out[col].astype("Float64")
        else:
            out[col] = out[col].astype(object).where(out[col].notna(), None)
    return out.sort_values(key, key=lambda s: s.astype(str)).reset_index(drop=True)


def check(baseline, sql_rows: dict[str, pd.DataFrame], folder: Path, scope: dict) -> None:
    """Raise unless the baseline returns the same rows as each query it stands in for."""
    naive = baseline(folder, scope)
    for name, rows in sql_rows.items():
        a, b = _comparable(naive[name], name), _comparable(rows, name)
        if not a.equals(b):
            diff = pd.concat([a, b]).drop_duplicates(keep=False).head(5)
            raise AssertionError(
                f"the baseline for {name} returns other rows than the SQL ({len(a)} vs {len(b)}):\n{diff}"
            )
