"""Merge an import into the curated files: identical reviews add nothing; a changed one needs --replace."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from compliance.curation.contract import CHILDREN, TEMPLATE, Problem


def to_curated(tables: dict[str, pd.DataFrame], state_names: dict[str, str]) -> dict[str, pd.DataFrame]:
    """Template tables as curated files: the same columns, plus the state's name where the curated file has one."""
    out = {table: frame.copy() for table, frame in tables.items()}
    for table in ("reviews", "reports"):
        if table in out:
            out[table].insert(out[table].columns.get_loc("iso3"), "state", out[table]["iso3"].map(state_names))
    return out


def from_curated(
    curated: dict[str, pd.DataFrame], review_ids: set[str], report_keys: set[tuple[str, str, str]]
) -> dict[str, pd.DataFrame]:
    """The template tables holding the given reviews (and reports) exactly as curated: the inverse of to_curated."""
    out = {}
    for table in ("reviews", *CHILDREN):
        frame = curated[table].fillna("")
        out[table] = frame[frame.review_id.isin(review_ids)][TEMPLATE[table]]
    reports = curated["reports"].fillna("")
    out["reports"] = reports[reports[["iso3", "instrument", "cycle"]].apply(tuple, axis=1).isin(report_keys)][
        TEMPLATE["reports"]
    ]
    return out


@dataclass
class Plan:
    """What an import would do: the new curated tables, rows added per file, changes to existing reviews."""

    curated: dict[str, pd.DataFrame]
    added: dict[str, int]
    changes: list[str]
    conflicts: list[Problem]
    release: str | None = None  # the id of the release the import published


def plan(existing: dict[str, pd.DataFrame], new: dict[str, pd.DataFrame], names: dict[str, str], replace: bool) -> Plan:
    """Merge new curated rows into the existing ones: identical bundles add nothing; changed ones need --replace."""
    # The same columns as the curated files, in their order, so that rows compare as they are stored.
    new = {k: v.reindex(columns=existing[k].columns) if set(v.columns) == set(existing[k].columns) else v
           for k, v in new.items()}  # fmt: skip
    merged = {k: v.copy() for k, v in existing.items()}
    changes: list[str] = []
    conflicts: list[Problem] = []
    if "reviews" in new:
        _merge_reviews(existing, new, merged, replace, changes, conflicts, names.get("reviews", "reviews.csv"))
    if "reports" in new:
        _merge_reports(new, merged, replace, changes, conflicts, names.get("reports", "reports.csv"))
    added = {k: 0 for k in existing}
    for key, frame in new.items():
        kept = set(map(tuple, merged[key].fillna("").astype(str).values.tolist()))
        before = set(map(tuple, existing[key].fillna("").astype(str).values.tolist()))
        fresh = frame[[tuple(map(str, r)) not in kept for r in frame.values.tolist()]]
        added[key] = sum(tuple(map(str, r)) not in before for r in fresh.values.tolist())
        merged[key] = pd.concat([merged[key], fresh.reindex(columns=merged[key].columns)], ignore_index=True)
    return Plan(merged, added, changes, conflicts)


def _merge_reviews(existing, new, merged, replace: bool, changes: list, conflicts: list, file: str) -> None:
    """Per imported review: drop it from `new` where it is already curated as is; else replace it or refuse."""
    for i, row in enumerate(new["reviews"].itertuples(index=False)):
        rid = row.review_id
        new_bundle, old_bundle = _bundle(new, rid), _bundle(existing, rid)
        if not len(old_bundle["reviews"]):
            continue
        if _same(old_bundle, new_bundle):
            for key in new:
                if key == "reviews" or key in CHILDREN:
                    new[key] = new[key][new[key].review_id != rid]
            continue
        diff = _describe(old_bundle, new_bundle)
        if not replace:
            why = f"{rid} exists with different values ({diff}); use --replace to change it"
            conflicts.append(Problem(file, i + 2, "review_id", why))
            continue
        changes.append(f"{rid}: {diff}")
        # Only the tables the import brings are replaced; a review's other rows stay as they were.
        for key in ("reviews", *CHILDREN):
            if key in new:
                merged[key] = merged[key][merged[key].review_id.fillna("") != rid]


def _merge_reports(new, merged, replace: bool, changes: list, conflicts: list, file: str) -> None:
    """Per imported report (iso3, instrument, cycle): the same as curated adds nothing; else replace or refuse."""
    key_cols = ["iso3", "instrument", "cycle"]
    for i, row in enumerate(new["reports"].itertuples(index=False)):
        k = (row.iso3, row.instrument, row.cycle)
        old = merged["reports"][merged["reports"][key_cols].apply(tuple, axis=1) == k]
        if not len(old):
            continue
        if old.fillna("").iloc[0].tolist() == list(row):
            new["reports"] = new["reports"][new["reports"][key_cols].apply(tuple, axis=1) != k]
        elif replace:
            changes.append(f"report {'/'.join(k)}: replaced")
            merged["reports"] = merged["reports"][merged["reports"][key_cols].apply(tuple, axis=1) != k]
        else:
            why = f"report {'/'.join(k)} exists with different values; use --replace to change it"
            conflicts.append(Problem(file, i + 2, "cycle", why))


def _bundle(tables: dict[str, pd.DataFrame], rid: str) -> dict[str, pd.DataFrame]:
    return {
        k: tables[k][tables[k].review_id.fillna("") == rid].fillna("").astype(str)
        for k in ("reviews", *CHILDREN)
        if k in tables
    }


def _same(old: dict[str, pd.DataFrame], new: dict[str, pd.DataFrame]) -> bool:
    for key, frame in new.items():
        a = sorted(map(tuple, old.get(key, frame.iloc[0:0]).values.tolist()))
        b = sorted(map(tuple, frame.values.tolist()))
        if a != b:
            return False
    return True


def _describe(old: dict[str, pd.DataFrame], new: dict[str, pd.DataFrame]) -> str:
    parts = []
    if len(old["reviews"]) and len(new.get("reviews", [])):
        o, n = old["reviews"].iloc[0], new["reviews"].iloc[0]
        parts += [f"{c}: {o[c]!r} -> {n[c]!r}" for c in o.index if c in n.index and o[c] != n[c]]
    for key in CHILDREN:
        if key in new:
            a = set(map(tuple, old.get(key, new[key].iloc[0:0]).values.tolist()))
            b = set(map(tuple, new[key].values.tolist()))
            if a != b:
                parts.append(f"{key}: {len(b - a)} row(s) new, {len(a - b)} row(s) gone")
    return "; ".join(parts) or "no visible change"
