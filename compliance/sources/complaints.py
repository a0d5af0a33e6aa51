"""Individual communications the treaty bodies decided (OHCHR jurisprudence database, to 2016-05-07)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from compliance import countries
from compliance.sources.common import BuildReport, read_csv

SOURCE = "treaty-body-jurisprudence-2016/juris_cases_2016-05-07.csv"
# Rows of the source that give one decision for one state: the same document, decision type and author.
SAME_DECISION = ["Id_string", "Countries", "Type_of_decision", "Display_name"]


def _union(values: pd.Series) -> str | None:
    """'a; b' and 'b; c' -> 'a; b; c': the items of every row, once each, in the order first seen."""
    items = [i.strip() for v in values.dropna() for i in str(v).split(";") if i.strip()]
    return "; ".join(dict.fromkeys(items)) or None


def _merge_repeats(j: pd.DataFrame, report: BuildReport) -> pd.DataFrame:
    """One row per decision and state: where the source lists a decision twice, its values are combined."""
    repeats = j.duplicated(subset=SAME_DECISION, keep=False) & j["Display_name"].notna()
    if not repeats.any():
        return j
    merged = []
    for _, group in j[repeats].groupby(SAME_DECISION, dropna=False, sort=False):
        row = group.bfill().iloc[0].copy()  # each field: the first row that gives it
        row["Issues"], row["Articles"] = _union(group["Issues"]), _union(group["Articles"])
        row["Communication_numbers"] = _union(group["Communication_numbers"].str.rstrip(","))
        merged.append(row)
    report.notes.append(
        f"complaints: {int(repeats.sum())} source rows repeat {len(merged)} decisions for the same state (same "
        "document, decision type and author): each is one row, its issues and articles combined"
    )
    return pd.concat([j[~repeats], pd.DataFrame(merged)], ignore_index=True)


def _when(v):
    return dt.datetime.strptime(v, "%d %b %Y").date() if isinstance(v, str) and v else None


def build(sources: Path, report: BuildReport) -> pd.DataFrame:
    """Individual communications decided by the treaty bodies (OHCHR, 2016), one row per decision and state."""
    j = read_csv(sources / SOURCE)
    report.count(SOURCE, len(j))
    j["Countries"] = j["Countries"].map(lambda v: [c.strip() for c in v.split(";")] if v else [None])
    multi = int((j["Countries"].map(len) > 1).sum())
    j = j.explode("Countries")
    for name in sorted(set(j["Countries"].dropna())):
        if countries.to_iso3(name) is None:
            report.unmatched_name("jurisprudence", name)
    report.notes.append(f"complaints: {multi} decisions name several states (one row per state)")
    j = _merge_repeats(j, report)
    views = j["Date_of_adoption_of_the_Views"].map(_when)
    admission = j["Admission_date"].map(_when)
    return pd.DataFrame(
        {
            "symbol": j["Id_string"],
            "committee": j["Committee"],
            "iso3": j["Countries"].map(countries.to_iso3),
            "state": j["Countries"],
            "decision_type": j["Type_of_decision"],
            "submission_date": j["Submission_date"].map(_when),
            "decision_date": [v if v is not None else a for v, a in zip(views, admission)],
            "views_date": views,
            "admission_date": admission,
            "session": j["Session_No"],
            "communication": j["Communication_numbers"].map(lambda v: v.rstrip(",") if isinstance(v, str) else None),
            "author": j["Display_name"],
            "articles": j["Articles"],
            "issues": j["Issues"],
        }
    )
