"""Build the Parquet tables from data/sources and data/curated: deterministic, validated, with a report.

Run as `python -m compliance build`. Same input gives byte-identical output.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from compliance import countries, release, rules, schema
from compliance.values import parse_partial_date, parse_quantity

UNTC_AS_OF = dt.date(2015, 3, 9)
# The 2022 status files carry no date of their own; their repository's commit date is the latest they can be.
STATUS_2022_AS_OF = dt.date(2022, 8, 25)
RULES_SOURCE = "TREATY_RULES.md"
UNTC_SOURCE = "UN Treaty Collection, Chapter IV (snapshot 2015-03-09, zmjones/untreaties)"
STATUS_2022_SOURCE = "OHCHR ratification status 2022 (world-politics-datalab), year only"
UPR_GROUPS = {
    "Africa": "African",
    "Asia": "Asia-Pacific",
    "EEG": "Eastern European",
    "GRULAC": "Latin American and Caribbean",
    "WEOG": "Western European and other",
}
ACTION_TYPES = {
    "": "ratification",
    "a": "accession",
    "d": "succession",
    "A": "acceptance",
    "AA": "approval",
    "c": "formal confirmation",
}
SESSION_FILES = ("cat", "ccpr", "cedaw", "cerd", "cescr", "crc")
ORDINALS = {"initial": 1, "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7}
CURATED_FILES = (
    "reviews.csv",
    "reports.csv",
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


@dataclass
class BuildReport:
    """What a build did: rows per table, names it could not match, rows it refused and why."""

    rows: dict[str, int] = field(default_factory=dict)
    unmatched: dict[str, set[str]] = field(default_factory=dict)
    refused: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def unmatched_name(self, source: str, name: str) -> None:
        self.unmatched.setdefault(source, set()).add(name)

    def render(self) -> str:
        lines = ["Tables:"]
        lines += [f"  {name:<22} {count:>7,} rows" for name, count in self.rows.items()]
        lines.append("Names not matched to a state (rows kept, iso3 empty):")
        lines += [f"  {src}: {', '.join(sorted(names))}" for src, names in self.unmatched.items()] or ["  none"]
        lines.append("Rows refused:")
        lines += [f"  {r}" for r in self.refused] or ["  none"]
        lines += ["Notes:"] + [f"  {n}" for n in self.notes]
        return "\n".join(lines)


def _blank_to_none(frame: pd.DataFrame) -> pd.DataFrame:
    clean = {
        col: pd.Series(
            [None if pd.isna(v) or str(v).strip() == "" else str(v).strip() for v in frame[col]], dtype=object
        )
        for col in frame.columns
    }
    return pd.DataFrame(clean, index=frame.index)


def read_csv(path: Path, **kwargs) -> pd.DataFrame:
    """Every column as text, blanks as None."""
    return _blank_to_none(pd.read_csv(path, dtype=str, keep_default_na=False, **kwargs))


def _untc_date(text: str | None) -> tuple[dt.date | None, str | None]:
    if not isinstance(text, str):
        return None, None
    m = re.fullmatch(r"(\d{1,2} [A-Z][a-z]{2} \d{4})\s*([a-zA-Z]*)", text)
    if not m:
        return None, text
    return dt.datetime.strptime(m.group(1), "%d %b %Y").date(), m.group(2)


def load_untc(sources: Path, report: BuildReport) -> pd.DataFrame:
    """One row per participant and core instrument in the 2015 UNTC snapshot."""
    rows = []
    for inst in rules.INSTRUMENTS:
        path = sources / "untc-chapter-iv-2015" / "treaties" / f"{inst.untc_no.replace('IV-', '4-')}.csv"
        frame = read_csv(path)
        sig_col = next((c for c in frame.columns if c.startswith("Signature")), None)
        act_col = frame.columns[-1]
        for r in frame.to_dict("records"):
            name = r["Participant"]
            if not isinstance(name, str) or name == "Participant":
                continue
            iso3 = countries.to_iso3(name)
            if iso3 is None:
                report.unmatched_name(f"UNTC {inst.untc_no}", name)
            sig, _ = _untc_date(r[sig_col]) if sig_col else (None, None)
            action, suffix = _untc_date(r[act_col])
            if isinstance(r[act_col], str) and action is None:
                report.refused.append(f"UNTC {inst.untc_no} {name}: unreadable date {r[act_col]!r}")
                continue
            if suffix not in ACTION_TYPES and action is not None:
                report.refused.append(f"UNTC {inst.untc_no} {name}: unknown action mark {suffix!r}")
                continue
            rows.append(
                {
                    "iso3": iso3,
                    "participant": name,
                    "instrument": inst.code,
                    "signature_date": sig,
                    "action_date": action,
                    "action_type": ACTION_TYPES[suffix] if action else None,
                }
            )
    return pd.DataFrame(rows)


def load_status_2022(sources: Path) -> pd.DataFrame:
    """OHCHR 2022 status: one row per UN member and instrument, year of ratification only."""
    frames = []
    for inst in rules.INSTRUMENTS:
        frame = read_csv(sources / "ratification-status-2022" / inst.status_2022_file)
        frame["instrument"] = inst.code
        frames.append(frame)
    status = pd.concat(frames, ignore_index=True)
    status["iso3"] = status["iso2"].map(lambda c: countries.iso2_to_iso3(c) if c else None)
    status["party_2022"] = status["state party"] == "1"
    status["year_2022"] = pd.to_numeric(status["year ratification or accession"], errors="coerce").astype("Int64")
    return status[["iso3", "member", "instrument", "party_2022", "year_2022", "status"]]


def build_ratifications(untc: pd.DataFrame, status: pd.DataFrame) -> pd.DataFrame:
    """Full dates from UNTC 2015; parties known only from the 2022 status get a year and no invented day."""
    merged = untc.merge(
        status[["iso3", "instrument", "party_2022", "year_2022"]], on=["iso3", "instrument"], how="left"
    )
    merged["as_of"] = UNTC_AS_OF
    merged["source"] = UNTC_SOURCE
    merged["action_year"] = merged["action_date"].map(lambda d: d.year if d else None).astype("Int64")
    later = status[status["party_2022"] & status["iso3"].notna()].merge(
        untc[untc["action_date"].notna()][["iso3", "instrument"]], on=["iso3", "instrument"], how="left", indicator=True
    )
    later = later[later["_merge"] == "left_only"]
    late_rows = pd.DataFrame(
        {
            "iso3": later["iso3"],
            "participant": later["member"],
            "instrument": later["instrument"],
            "signature_date": None,
            "action_date": None,
            "action_type": None,
            "party_2022": True,
            "year_2022": later["year_2022"],
            "as_of": STATUS_2022_AS_OF,
            "source": STATUS_2022_SOURCE,
            "action_year": later["year_2022"],
        }
    )
    # Signatories in 2015 that became parties later appear once, as the later party, keeping their signature.
    sig = merged[merged["action_date"].isna()][["iso3", "instrument", "signature_date"]]
    late_rows = late_rows.drop(columns="signature_date").merge(sig, on=["iso3", "instrument"], how="left")
    merged = merged[~(merged["action_date"].isna() & merged.set_index(["iso3", "instrument"]).index.isin(
        late_rows.set_index(["iso3", "instrument"]).index))]  # fmt: skip
    out = pd.concat([merged, late_rows], ignore_index=True)
    out["in_force_date"] = [
        rules.in_force_date(i, d, t) for i, d, t in zip(out["instrument"], out["action_date"], out["action_type"])
    ]
    out["year_disagrees_2022"] = (
        out["action_year"].notna() & out["year_2022"].notna() & (out["action_year"] != out["year_2022"])
    )
    return out[
        ["iso3", "participant", "instrument", "signature_date", "action_date", "action_year", "action_type",
         "in_force_date", "as_of", "source", "party_2022", "year_2022", "year_disagrees_2022"]
    ]  # fmt: skip


def load_curated(curated: Path) -> dict[str, pd.DataFrame]:
    """The curated CSVs as text tables, keyed by file stem."""
    return {name.removesuffix(".csv"): read_csv(curated / name) for name in CURATED_FILES}


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


def _cycles(report_number: str | None) -> list[int]:
    if report_number is None:
        return []
    m = re.match(r"(\d+)(?:-(\d+))?", report_number)
    if not m:
        return []
    first, last = int(m.group(1)), int(m.group(2) or m.group(1))
    return list(range(first, last + 1))


def _cycle_label(cycle: int, report_number: str | None) -> str:
    """'initial', 'periodic 5', or 'periodic 5 (combined 5-6)' for one cycle of a combined report."""
    name = "initial" if cycle == 1 else f"periodic {cycle}"
    combined = report_number and "-" in report_number
    return f"{name} (combined {report_number})" if combined else name


def _split_submissions(text: str | None, cycles: list[int]) -> dict[int, str | None]:
    """'2015 (second report); 2016 (third report)' -> {2: '2015', 3: '2016'}; otherwise the same text for all."""
    parts = re.findall(r"(\d{4}(?:-\d{2}){0,2}) \((\w+) report\)", text or "")
    if parts and all(word in ORDINALS for _, word in parts):
        return {ORDINALS[word]: date for date, word in parts}
    return {c: text for c in cycles}


def build_reports(ratifications: pd.DataFrame, reviews: pd.DataFrame, cur: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Initial reports for every ratification (due date derived) plus the reports curated sources describe."""
    reporting = {i.code for i in rules.INSTRUMENTS if i.reporting}
    rows: dict[tuple[str, str, int], dict] = {}
    for r in ratifications[ratifications["instrument"].isin(reporting) & ratifications["iso3"].notna()].itertuples():
        if pd.isna(r.action_date) and pd.isna(r.action_year):
            continue
        inst = rules.BY_CODE[r.instrument]
        due = rules.initial_report_due(r.instrument, r.in_force_date)
        rows[(r.iso3, r.instrument, 1)] = {
            "iso3": r.iso3,
            "instrument": r.instrument,
            "cycle": 1,
            "cycle_label": "initial",
            "in_force_date": r.in_force_date,
            "due_date": due,
            "due_rule": f"{RULES_SOURCE}: {inst.initial_due_years} year(s) after entry into force ({inst.initial_due_article})"
            if due
            else None,
            "status": "unknown",
        }
    sub_evidence = _evidence(cur, "submitted_date")
    late_evidence = _evidence(cur, "years_late_stated")
    for rv in reviews[reviews["instrument"].isin(reporting)].itertuples():
        cycles = _cycles(rv.report_number)
        dates = _split_submissions(rv.submitted_text, cycles)
        absent = "absence" in (rv.report_type or "") or rv.submitted_text == "not submitted"
        for cycle in cycles:
            key = (rv.iso3, rv.instrument, cycle)
            row = rows.setdefault(
                key, {"iso3": rv.iso3, "instrument": rv.instrument, "cycle": cycle, "status": "unknown"}
            )
            # What the review says of the report; a review held without one makes it not_submitted as of that day.
            row.update(
                cycle_label=_cycle_label(cycle, rv.report_number),
                review_id=rv.review_id,
                reviewed_date=rv.start_date,
                symbol=rv.report_symbol,
                status="not_submitted" if absent else "submitted",
                status_as_of=rv.start_date,
                status_as_of_precision="day" if rv.start_date else None,
                source=rv.source,
                quote=rv.quote,
            )
            if absent:
                continue
            sub = parse_partial_date(dates.get(cycle))
            ev_source, ev_quote = sub_evidence.get((rv.review_id, dates.get(cycle)), (rv.source, rv.quote))
            row.update(
                submitted_date=sub.value,
                submitted_latest=sub.last_day,
                submitted_precision=sub.precision,
                submitted_text=dates.get(cycle),
                submitted_source=ev_source if sub.value else None,
                submitted_quote=ev_quote if sub.value else None,
                years_late_stated=rv.years_late_stated,
                years_late_qualifier=rv.years_late_qualifier,
                years_late_text=rv.years_late_text,
            )
            if rv.years_late_text:
                late_source, late_quote = late_evidence.get((rv.review_id, rv.years_late_text), (rv.source, rv.quote))
                row.update(years_late_source=late_source, years_late_quote=late_quote)
    for cr in cur["reports"].itertuples():
        key = (cr.iso3, cr.instrument, int(cr.cycle))
        row = rows.setdefault(
            key, {"iso3": cr.iso3, "instrument": cr.instrument, "cycle": int(cr.cycle), "cycle_label": "initial"}
        )
        sub = parse_partial_date(cr.submitted_date)
        late = parse_quantity(cr.years_late_stated)
        due_stated = parse_partial_date(cr.due_date)
        as_of = parse_partial_date(cr.status_as_of)
        # The curated report row is the primary record; a date from a review's source fills only what it leaves open.
        row.update(
            status=cr.status,
            status_as_of=as_of.value or row.get("status_as_of"),
            status_as_of_precision=as_of.precision or row.get("status_as_of_precision"),
            symbol=cr.symbol or row.get("symbol"),
            due_date_stated=due_stated.value,
            due_date_stated_precision=due_stated.precision,
            years_late_stated=late.value,
            years_late_qualifier=late.qualifier,
            years_late_text=cr.years_late_stated,
            source=cr.source_url,
            quote=cr.quote,
        )  # fmt: skip
        if cr.years_late_stated:
            row.update(years_late_source=cr.source_url, years_late_quote=cr.quote)
        if sub.value is not None:
            row.update(
                submitted_date=sub.value,
                submitted_latest=sub.last_day,
                submitted_precision=cr.submitted_precision or sub.precision,
                submitted_text=cr.submitted_date,
                submitted_source=cr.source_url,
                submitted_quote=cr.quote,
            )
    columns = [
        "iso3", "instrument", "cycle", "cycle_label", "symbol", "in_force_date", "due_date", "due_rule",
        "due_date_stated", "due_date_stated_precision", "submitted_date", "submitted_latest", "submitted_precision",
        "submitted_text", "status", "status_as_of", "status_as_of_precision", "years_late_stated", "years_late_qualifier", "years_late_text",
        "years_late_source", "years_late_quote", "review_id", "reviewed_date", "source", "quote", "submitted_source", "submitted_quote",
    ]  # fmt: skip
    out = pd.DataFrame(list(rows.values())).reindex(columns=columns)
    out["cycle"] = out["cycle"].astype("Int64")
    out["years_late_stated"] = out["years_late_stated"].astype("Float64")
    return out


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


def build_states(untc: pd.DataFrame, status: pd.DataFrame, groups: dict[str, str], iso3s: set[str]) -> pd.DataFrame:
    """Every state any table names, with its UN spelling and regional group."""
    un_names = dict(zip(untc["iso3"], untc["participant"]))
    un_names.update({k: v for k, v in zip(status["iso3"], status["member"]) if k and k not in un_names})
    members = set(status["iso3"].dropna())
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
    untc = load_untc(sources, report)
    status = load_status_2022(sources)
    ratifications = build_ratifications(untc, status)
    cur = load_curated(curated)
    reviews = build_reviews(cur, report)
    upr, groups = build_upr(sources, report)
    complaints = build_complaints(sources, report)
    figures = cur["committee_figures"].rename(columns={"source_url": "source"})
    figures["value"] = pd.to_numeric(figures["value"]).astype("Int64")
    sessions = pd.concat(
        [cur[f"{b}_sessions"].assign(body=b.upper()) for b in SESSION_FILES], ignore_index=True
    ).rename(columns={"source_url": "source"})
    sessions["session"] = pd.to_numeric(sessions["session"]).astype("Int64")
    tables = {
        "instruments": build_instruments(),
        "ratifications": ratifications,
        "reports": build_reports(ratifications, reviews, cur),
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
    tables["states"] = build_states(untc, status, groups, iso3s)
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
