"""UPR Info's recommendations of UPR sessions 1-20 (2008-2014), and each state's regional group as it gives it."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from compliance import countries
from compliance.sources.common import BuildReport, read_csv

UPR_GROUPS = {
    "Africa": "African",
    "Asia": "Asia-Pacific",
    "EEG": "Eastern European",
    "GRULAC": "Latin American and Caribbean",
    "WEOG": "Western European and other",
}


def build(sources: Path, report: BuildReport) -> tuple[pd.DataFrame, dict[str, str]]:
    """UPR Info recommendations 2008-2014 and each state's regional group as UPR Info gives it."""
    frames = []
    for path in sorted((sources / "upr-recommendations-2008-2014").glob("*.csv")):
        # The exports are classic Mac text: CR line endings and Mac Roman bytes (0x8E is "é").
        frame = read_csv(path, encoding="mac_roman")
        report.count(f"upr-recommendations-2008-2014/{path.name}", len(frame))
        frame["file"] = path.name
        frame["record"] = range(1, len(frame) + 1)  # the record's place in its file, after the header: its key
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
            "source_record": upr["record"].astype("Int64"),
        }
    )
    return out, groups
