"""Ratifications as at 2026-02-03 from the UN Treaty Collection's own pages, checked against two older sources.

The 2026 pages are the record. The 2015 snapshot and the 2022 status are corroboration: where a source
disagrees on a date or on who is a party, both values are kept in `ratification_checks` and the build report
lists the disagreement. The CSV copy of the 2026 pages is compared too, as a second reading of the same pages.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from compliance import countries, rules, untc
from compliance.sources.common import BuildReport, read_csv

AS_OF = dt.date(2026, 2, 3)
AS_OF_2015 = dt.date(2015, 3, 9)
# The 2022 status files carry no date of their own; their repository's commit date is the latest they can be.
AS_OF_2022 = dt.date(2022, 8, 25)
FOLDER = "untc-chapter-iv-2026-02"
PAGE_URL = "https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no={no}&chapter=4&clang=_en"
SOURCE_2015 = "UN Treaty Collection, Chapter IV (snapshot 2015-03-09, zmjones/untreaties)"
SOURCE_2022 = "OHCHR ratification status 2022 (world-politics-datalab), year only"
SOURCE_CSV = "CSV copy of the 2026-02-03 pages (mgaldino/treaties-ideal-point)"


def pages(sources: Path, report: BuildReport) -> dict[str, untc.Page]:
    """Every saved status page, parsed, keyed by instrument code."""
    out = {}
    for path in sorted((sources / FOLDER / "html").glob("*.html")):
        page = untc.parse(path)
        name = f"{FOLDER}/html/{path.name}"
        inst = rules.BY_UNTC.get(page.untc_no or "")
        if inst is None:
            report.refuse(name, "page names no Chapter IV instrument the rules know", page.untc_no)
            continue
        for problem in page.unreadable:
            report.refuse(name, "unreadable participant cell", problem)
        report.count(name, len(page.participants) + len(page.unreadable), len(page.participants))
        out[inst.code] = page
    return out


def _notes_of(page: untc.Page, marks: tuple[str, ...]) -> str | None:
    texts = [f"[{m}] {page.notes[m]}" for m in marks if m in page.notes]
    return "\n".join(texts) or None


def current(pages_by_code: dict[str, untc.Page], report: BuildReport) -> pd.DataFrame:
    """One row per participant and instrument on the 2026 pages, with entry into force by the rules."""
    rows = []
    for code, page in pages_by_code.items():
        for p in page.participants:
            iso3 = countries.to_iso3(p.name)
            if iso3 is None:
                report.unmatched_name(f"UNTC 2026 {page.untc_no}", p.name)
            kind = untc.MARKS[p.action_mark] if p.action_date else None
            rows.append(
                {
                    "iso3": iso3,
                    "participant": p.name,
                    "instrument": code,
                    "signature_date": p.signature_date,
                    "action_date": p.action_date,
                    "action_year": p.action_date.year if p.action_date else None,
                    "action_type": kind,
                    "in_force_date": None if p.denounced else rules.in_force_date(code, p.action_date, kind),
                    "denounced": p.denounced,
                    "notes": _notes_of(page, p.notes),
                    "as_of": AS_OF,
                    "source": PAGE_URL.format(no=page.untc_no),
                }
            )
    return pd.DataFrame(rows)


def snapshot_2015(sources: Path, report: BuildReport) -> pd.DataFrame:
    """The 2015 snapshot: one row per participant and instrument (the 11 reporting instruments and protocols)."""
    rows = []
    for inst in rules.INSTRUMENTS:
        name = f"untc-chapter-iv-2015/treaties/{inst.untc_no.replace('IV-', '4-')}.csv"
        frame = read_csv(sources / name)
        sig_col = next((c for c in frame.columns if c.startswith("Signature")), None)
        act_col = frame.columns[-1]
        kept = 0
        for r in frame.to_dict("records"):
            if r["Participant"] in (None, "Participant"):
                report.refuse(name, "repeated header or empty row")
                continue
            sig = untc.cell_date(r[sig_col] or "")[0] if sig_col else None
            action, mark, _ = untc.cell_date(r[act_col] or "")
            if r[act_col] and (action is None or mark not in untc.MARKS):
                report.refuse(name, "unreadable date", f"{r['Participant']}: {r[act_col]!r}")
                continue
            kept += 1
            rows.append((countries.to_iso3(r["Participant"]), r["Participant"], inst.code, sig, action, mark))
        report.count(name, len(frame), kept)
    return pd.DataFrame(
        rows, columns=["iso3", "participant", "instrument", "signature_2015", "action_2015", "mark_2015"]
    )


def status_2022(sources: Path, report: BuildReport) -> pd.DataFrame:
    """OHCHR 2022 status: one row per UN member and instrument, year of ratification only."""
    frames = []
    for inst in rules.INSTRUMENTS:
        name = f"ratification-status-2022/{inst.status_2022_file}"
        frame = read_csv(sources / name)
        report.count(name, len(frame))
        frames.append(frame.assign(instrument=inst.code))
    status = pd.concat(frames, ignore_index=True)
    by_code = status["iso2"].map(lambda c: countries.iso2_to_iso3(c) if c else None)
    status["iso3"] = by_code.fillna(status["member"].map(countries.to_iso3))
    status["party_2022"] = status["state party"] == "1"
    status["year_2022"] = pd.to_numeric(status["year ratification or accession"], errors="coerce").astype("Int64")
    return status[["iso3", "member", "instrument", "party_2022", "year_2022"]]


def csv_copy(sources: Path, report: BuildReport) -> pd.DataFrame:
    """The CSV beside the pages, read only to compare: the pages are the record."""
    name = f"{FOLDER}/un_hr_ratifications.csv"
    frame = read_csv(sources / name)
    report.count(name, len(frame), 0)
    report.notes.append(f"{name}: read to compare with the pages it copies; none of its rows is used as data")
    code = {i.untc_no: i.code for i in rules.INSTRUMENTS}
    frame["instrument"] = frame["mtdsg_no"].map(code)
    frame["action_csv"] = frame["action_date"].map(lambda v: dt.date.fromisoformat(v) if v else None)
    return frame[["country_name", "instrument", "action_csv"]].rename(columns={"country_name": "participant"})


def _check(row, finding: str, other_source: str, value, other, note: str | None = None) -> dict:
    return {
        "iso3": row.iso3,
        "participant": row.participant,
        "instrument": row.instrument,
        "finding": finding,
        "value": None if value is None or pd.isna(value) else str(value),
        "other_source": other_source,
        "other_value": None if other is None or pd.isna(other) else str(other),
        "note": note,
    }


def _keyed(frame: pd.DataFrame) -> pd.DataFrame:
    """Match rows of two sources by state where the name maps to one, by the name as written otherwise."""
    return frame.assign(key=frame["iso3"].fillna("name:" + frame["participant"]))


def checks(now: pd.DataFrame, old: pd.DataFrame, st: pd.DataFrame, copy: pd.DataFrame, pages_by_code) -> pd.DataFrame:
    """Every place the 2015 snapshot, the 2022 status or the CSV copy disagrees with the 2026 pages.

    Long: one block per source compared, so each comparison reads whole.
    """
    out = []
    both = _keyed(now).merge(
        _keyed(old), on=["key", "instrument"], how="outer", suffixes=("", "_old"), indicator="side"
    )
    both["iso3"] = both["iso3"].fillna(both["iso3_old"])
    both["participant"] = both["participant"].fillna(both["participant_old"])
    for r in both.itertuples():
        if r.side == "right_only":
            out.append(_check(r, "listed in 2015, not on the 2026 page", SOURCE_2015, None, r.action_2015))
        elif r.side == "both":
            if r.action_2015 is not None and r.action_date != r.action_2015:
                out.append(_check(r, "action date differs", SOURCE_2015, r.action_date, r.action_2015))
            if r.signature_2015 is not None and r.signature_date != r.signature_2015:
                out.append(_check(r, "signature date differs", SOURCE_2015, r.signature_date, r.signature_2015))
    parties = now[now["action_date"].notna() & ~now["denounced"]]
    with_22 = st.merge(parties, on=["iso3", "instrument"], how="left")
    for r in with_22.itertuples():
        r = r._replace(participant=r.participant if isinstance(r.participant, str) else r.member)
        if r.party_2022 and pd.isna(r.action_date):
            out.append(_check(r, "party in 2022, not a party on the 2026 page", SOURCE_2022, None, r.year_2022))
        elif r.party_2022 and pd.notna(r.year_2022) and r.action_date.year != r.year_2022:
            year_note = "the 2022 year may be that of entry into force or of a predecessor state"
            out.append(_check(r, "year differs", SOURCE_2022, r.action_date.year, r.year_2022, year_note))
    copied = now.merge(copy, on=["participant", "instrument"], how="outer", indicator="side")
    for r in copied.itertuples():
        if r.side == "right_only":
            page = pages_by_code.get(r.instrument)
            named = [t for t in (page.notes.values() if page else []) if r.participant in t]
            note = (
                ("the page's participant table does not list it; the page names it only in notes: " + named[0][:400])
                if named
                else None
            )
            out.append(
                _check(r, "in the CSV copy, not in the page's participant table", SOURCE_CSV, None, r.action_csv, note)
            )
        elif r.side == "left_only":
            out.append(_check(r, "on the page, not in the CSV copy", SOURCE_CSV, r.action_date, None,
                              "denounced: the page brackets its dates" if r.denounced else None))  # fmt: skip
        elif (r.action_csv or None) != (r.action_date if pd.notna(r.action_date) else None):
            out.append(_check(r, "action date differs", SOURCE_CSV, r.action_date, r.action_csv))
    frame = pd.DataFrame(out, columns=list(_check(now.iloc[0], "", "", None, None)))
    frame["historical"] = frame["iso3"].isna()
    return frame


def _shown(value) -> str:
    return "-" if value is None or pd.isna(value) else str(value)


def build(sources: Path, report: BuildReport) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, untc.Page]]:
    """The ratifications table, the table of disagreements between sources, and the parsed pages."""
    pages_by_code = pages(sources, report)
    now = current(pages_by_code, report)
    old = snapshot_2015(sources, report)
    st = status_2022(sources, report)
    found = checks(now, old, st, csv_copy(sources, report), pages_by_code)
    out = _keyed(now).merge(_keyed(old).drop(columns=["iso3", "participant"]), on=["key", "instrument"], how="left")
    out = out.merge(st[["iso3", "instrument", "party_2022", "year_2022"]], on=["iso3", "instrument"], how="left")
    out["action_date_2015"] = out["action_2015"]
    out["year_disagrees_2022"] = (
        out["action_year"].notna() & out["year_2022"].notna() & (out["action_year"] != out["year_2022"])
    )
    out["date_disagrees_2015"] = out["action_2015"].notna() & (out["action_2015"] != out["action_date"])
    for r in found.itertuples():
        report.disagreements.append(
            f"{r.instrument} {r.participant}: {r.finding} (2026 page {_shown(r.value)}; {r.other_source}: {_shown(r.other_value)})"
        )
    dated_after = int((out["action_date"] > AS_OF_2015).sum())
    report.notes.append(
        f"ratifications: {dated_after} actions dated after 2015-03-09, the latest {out['action_date'].max()}"
    )
    columns = ["iso3", "participant", "instrument", "signature_date", "action_date", "action_year", "action_type",
               "in_force_date", "denounced", "notes", "as_of", "source", "action_date_2015", "date_disagrees_2015",
               "party_2022", "year_2022", "year_disagrees_2022"]  # fmt: skip
    out["action_year"] = out["action_year"].astype("Int64")
    return out[columns], found, pages_by_code
