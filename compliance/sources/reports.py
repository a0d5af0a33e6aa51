"""State reports: the initial report every ratification owes, and every report a curated source names.

Each source row is a *statement* about one report (or, with no report number, about a state's reporting
under an instrument). Statements about the same report are combined into one `reports` row; every statement
is also kept as it was made in `report_statuses`. Two things a report's existence proves are used, each with
its reason: a reviewed report was submitted before its review, and an earlier report in a series was
submitted before a later one. A periodic report's due date is never derived (the rules give none).
"""

from __future__ import annotations

import re

import pandas as pd

from compliance import rules
from compliance.values import parse_partial_date, parse_quantity

RULES_SOURCE = "TREATY_RULES.md"
ORDINALS = {"initial": 1, "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7}
REPORTING = {i.code for i in rules.INSTRUMENTS if i.reporting}
# Where two statements give a submission date, the finer date is used, then the first of these kinds (a review's
# own sources first, then report cover pages and committee lists); any other date is shown beside it.
PRIORITY = {"review": 0, "report status": 1, "initial report": 2}


def cycles(number: str | None, symbol: str | None = None) -> tuple[int, int] | None:
    """First and last cycle of a report: '5-6' -> (5, 6); from its symbol when no number is stated."""
    m = re.match(r"(\d+)(?:-(\d+))?", number or "")
    if not m and symbol:
        m = re.search(r"/(\d+)(?:-(\d+))?$", symbol)
    if not m:
        return None
    return int(m.group(1)), int(m.group(2) or m.group(1))


def label(first: int, last: int) -> str:
    """'initial', 'periodic 5', or 'periodic 5-6 (combined)'."""
    name = "initial" if first == 1 else "periodic"
    if first == last:
        return name if first == 1 else f"{name} {first}"
    return f"{name} {first}-{last} (combined)" if first > 1 else f"initial to {last} (combined)"


def _split(text: str | None, first: int) -> str | None:
    """'2015 (second report); 2016 (third report)' -> the date of report `first`; otherwise the text itself."""
    parts = re.findall(r"(\d{4}(?:-\d{2}){0,2}) \((\w+) report\)", text or "")
    if parts and all(word in ORDINALS for _, word in parts):
        return {ORDINALS[w]: d for d, w in parts}.get(first)
    return text


def _statement(kind, iso3, instrument, span, status, **facts) -> dict:
    first, last = span or (None, None)
    return {"kind": kind, "iso3": iso3, "instrument": instrument, "cycle": first, "last_cycle": last,
            "status": status, **facts}  # fmt: skip


def from_reviews(reviews: pd.DataFrame, evidence: pd.DataFrame) -> list[dict]:
    """What each review of a reporting instrument says of the report it reviewed."""
    ev = {(r.review_id, r.field, r.value): (r.source, r.quote) for r in evidence.itertuples()}
    out = []
    for rv in reviews[reviews["instrument"].isin(REPORTING)].itertuples():
        span = cycles(rv.report_number, rv.report_symbol)
        if span is None and not rv.report_symbol:
            continue
        absent = "absence" in (rv.report_type or "") or rv.submitted_text == "not submitted"
        text = None if absent else _split(rv.submitted_text, span[0] if span else None)
        src, quote = ev.get((rv.review_id, "submitted_date", text), (rv.source, rv.quote))
        late_src, late_quote = ev.get((rv.review_id, "years_late_stated", rv.years_late_text), (rv.source, rv.quote))
        out.append(_statement(
            "review", rv.iso3, rv.instrument, span, "not_submitted" if absent else "submitted",
            symbol=rv.report_symbol, report_type=rv.report_type, review_id=rv.review_id, reviewed_date=rv.start_date,
            as_of=rv.start_date, as_of_precision="day" if rv.start_date else None,
            submitted_text=text, source=src, quote=quote, years_late_text=rv.years_late_text,
            years_late_source=late_src if rv.years_late_text else None,
            years_late_quote=late_quote if rv.years_late_text else None,
            review_source=rv.source, review_quote=rv.quote,
        ))  # fmt: skip
    return out


def from_curated(frame: pd.DataFrame, kind: str) -> list[dict]:
    """Statements of reports.csv ('initial report') or report_statuses.csv ('report status') that name a report."""
    out = []
    for r in frame.itertuples():
        span = cycles(r.cycle, r.symbol)
        if span is None:
            continue
        as_of = parse_partial_date(r.status_as_of)
        out.append(_statement(
            kind, r.iso3, r.instrument, span, r.status, symbol=r.symbol, as_of=as_of.value,
            as_of_precision=getattr(r, "status_as_of_precision", None) or as_of.precision,
            submitted_text=r.submitted_date, submitted_precision=r.submitted_precision,
            due_text=r.due_date, source=r.source, quote=r.quote,
            years_late_text=getattr(r, "years_late_stated", None),
            years_late_source=r.source if getattr(r, "years_late_stated", None) else None,
            years_late_quote=r.quote if getattr(r, "years_late_stated", None) else None,
        ))  # fmt: skip
    return out


def state_level(frame: pd.DataFrame) -> pd.DataFrame:
    """Every report status as its source states it; rows naming no report keep an empty cycle."""
    as_of = frame["status_as_of"].map(parse_partial_date)
    sub = frame["submitted_date"].map(parse_partial_date)
    due = frame["due_date"].map(parse_partial_date)
    spans = [cycles(c, s) for c, s in zip(frame["cycle"], frame["symbol"])]
    return pd.DataFrame({
        "iso3": frame["iso3"], "state": frame["state"], "instrument": frame["instrument"],
        "cycle": pd.array([s[0] if s else None for s in spans], dtype="Int64"),
        "cycle_text": frame["cycle"], "report_label": frame["report_label"], "symbol": frame["symbol"],
        "due_date": [d.value for d in due], "due_precision": frame["due_precision"],
        "submitted_date": [s.value for s in sub], "submitted_precision": frame["submitted_precision"],
        "status": frame["status"], "status_as_of": [a.value for a in as_of],
        "status_as_of_precision": frame["status_as_of_precision"], "doc_symbol": frame["doc_symbol"],
        "source": frame["source"], "quote": frame["quote"], "notes": frame["notes"],
    })  # fmt: skip


PRECISION = {"day": 0, "month": 1, "year": 2}


def _initial_rows(ratifications: pd.DataFrame) -> dict[tuple, dict]:
    rows = {}
    owed = ratifications[ratifications["instrument"].isin(REPORTING) & ratifications["iso3"].notna()
                         & ratifications["action_date"].notna() & ~ratifications["denounced"].astype(bool)]  # fmt: skip
    for r in owed.itertuples():
        inst = rules.BY_CODE[r.instrument]
        due = rules.initial_report_due(r.instrument, r.in_force_date)
        rule = f"{RULES_SOURCE}: {inst.initial_due_years} year(s) after entry into force ({inst.initial_due_article})"
        rows[(r.iso3, r.instrument, 1)] = {"iso3": r.iso3, "instrument": r.instrument, "cycle": 1, "last_cycle": 1,
                                           "in_force_date": r.in_force_date, "due_date": due,
                                           "due_rule": rule if due else None}  # fmt: skip
    return rows


def _submission(statements: list[dict]) -> dict:
    """The submission date to use (kind of source, then precision), and any other date a source gives."""
    dated = []
    for s in statements:
        if s["status"] == "submitted" and s.get("submitted_text"):
            d = parse_partial_date(s["submitted_text"])
            if d.value is not None:
                precision = s.get("submitted_precision") or d.precision
                dated.append((PRIORITY[s["kind"]], PRECISION.get(precision, 3), d, precision, s))
    if not dated:
        return {}
    dated.sort(key=lambda x: (x[1], x[0], x[2].value))
    _, _, d, precision, s = dated[0]
    others = sorted({f"{o[2].value} ({o[4]['source']})" for o in dated[1:] if o[2].value != d.value})
    return {"submitted_date": d.value, "submitted_latest": d.last_day, "submitted_precision": precision,
            "submitted_text": s["submitted_text"], "submitted_source": s["source"], "submitted_quote": s["quote"],
            "submitted_basis": "stated", "submitted_other": "; ".join(others) or None}  # fmt: skip


def combine(row: dict, statements: list[dict]) -> dict:
    """One report row from the statements about it."""
    statements = sorted(statements, key=lambda s: (PRIORITY[s["kind"]], str(s.get("as_of") or "")))
    first = statements[0] if statements else {}
    row.update(symbol=next((s["symbol"] for s in statements if s.get("symbol")), None),
               source=first.get("source"), quote=first.get("quote"), statements=len(statements))  # fmt: skip
    if row["cycle"] is None:  # a report no number places in its series (a special report): its type says what it is
        row["cycle_label"] = next((s.get("report_type") for s in statements if s.get("report_type")), "report")
    else:
        row["last_cycle"] = max([row.get("last_cycle") or row["cycle"]] + [s["last_cycle"] for s in statements])
        row["cycle_label"] = label(row["cycle"], row["last_cycle"])
    row.update(_submission(statements))
    # The latest review with a known date; a review whose date is not known (scheduled only) still names the report.
    reviews = sorted((s for s in statements if s["kind"] == "review"),
                     key=lambda s: (s["reviewed_date"] is not None, s["reviewed_date"] or 0))  # fmt: skip
    if reviews:
        row.update(review_id=reviews[-1]["review_id"], reviewed_date=reviews[-1]["reviewed_date"])
    known = [s["as_of"] for s in statements if s["status"] == "submitted" and s.get("as_of")]
    row["submitted_known_as_of"] = min(known) if known else None
    unsub = [s for s in statements if s["status"] == "not_submitted" and s.get("as_of")]
    if unsub:
        last = max(unsub, key=lambda s: s["as_of"])
        row.update(unsubmitted_as_of=last["as_of"], unsubmitted_source=last["source"], unsubmitted_quote=last["quote"])
    done = [s for s in reviews if s["status"] == "submitted" and s["reviewed_date"] is not None]
    if done and row.get("submitted_date") is None:
        day = done[0]["reviewed_date"]
        row.update(submitted_latest=day, submitted_basis=f"submitted before {day}: reviewed then",
                   submitted_source=done[0]["review_source"], submitted_quote=done[0]["review_quote"])  # fmt: skip
    stated = next((s for s in statements if s.get("years_late_text")), None)
    if stated:
        late = parse_quantity(stated["years_late_text"])
        row.update(years_late_stated=late.value, years_late_qualifier=late.qualifier,
                   years_late_text=stated["years_late_text"], years_late_source=stated["years_late_source"],
                   years_late_quote=stated["years_late_quote"])  # fmt: skip
    due = next((parse_partial_date(s["due_text"]) for s in statements if s.get("due_text")), None)
    if due is not None and due.value is not None:
        row.update(due_date_stated=due.value, due_date_stated_precision=due.precision)
    return row


def _later_proves(rows: list[dict]) -> None:
    """An earlier report of a series was submitted before a later one: used where nothing else dates it."""
    rows.sort(key=lambda r: r["cycle"])
    for i, row in enumerate(rows):
        if row.get("submitted_latest") is not None or row.get("submitted_known_as_of") is not None:
            continue
        later = [(r.get("submitted_latest") or r.get("submitted_known_as_of"), r) for r in rows[i + 1 :]]
        later = [(d, r) for d, r in later if d is not None]
        if not later:
            continue
        bound, proof = min(later, key=lambda x: x[0])
        if row.get("unsubmitted_as_of") is not None and row["unsubmitted_as_of"] >= bound:
            continue
        name = proof["cycle_label"].replace(" (combined)", "")
        sym = f" ({proof['symbol']})" if proof.get("symbol") else ""
        row.update(submitted_latest=bound, submitted_basis=f"submitted: the {name} report exists{sym}",
                   submitted_source=proof.get("submitted_source") or proof.get("source"),
                   submitted_quote=proof.get("submitted_quote") or proof.get("quote"))  # fmt: skip


COLUMNS = [
    "iso3", "instrument", "cycle", "last_cycle", "cycle_label", "symbol", "in_force_date", "due_date", "due_rule",
    "due_date_stated", "due_date_stated_precision", "submitted_date", "submitted_latest", "submitted_precision",
    "submitted_text", "submitted_basis", "submitted_other", "submitted_known_as_of", "unsubmitted_as_of",
    "unsubmitted_source", "unsubmitted_quote", "status", "status_as_of", "status_as_of_precision",
    "years_late_stated", "years_late_qualifier", "years_late_text", "years_late_source", "years_late_quote",
    "review_id", "reviewed_date", "source", "quote", "submitted_source", "submitted_quote", "statements",
]  # fmt: skip


def build(ratifications, reviews, evidence, initial, statuses, report) -> pd.DataFrame:
    """One row per report: derived initial reports and every report a statement names."""
    rows = _initial_rows(ratifications)
    said: dict[tuple, list[dict]] = {}
    for s in (
        from_curated(statuses, "report status")
        + from_curated(initial, "initial report")
        + from_reviews(reviews, evidence)
    ):
        said.setdefault((s["iso3"], s["instrument"], s["cycle"] or f"symbol {s['symbol']}"), []).append(s)
    for key in said:
        cycle = key[2] if isinstance(key[2], int) else None
        rows.setdefault(key, {"iso3": key[0], "instrument": key[1], "cycle": cycle, "last_cycle": cycle})
    series: dict[tuple, list[dict]] = {}
    for key, row in rows.items():
        combine(row, said.get(key, []))
        series.setdefault(key[:2], []).append(row)
    for group in series.values():
        _later_proves([r for r in group if r["cycle"] is not None])
    for row in rows.values():
        submitted = row.get("submitted_latest") is not None or row.get("submitted_known_as_of") is not None
        row["status"] = "submitted" if submitted else ("not_submitted" if row.get("unsubmitted_as_of") else "unknown")
        row["status_as_of"] = row.get("submitted_known_as_of") if submitted else row.get("unsubmitted_as_of")
        row["status_as_of_precision"] = "day" if row["status_as_of"] else None
    out = pd.DataFrame(list(rows.values())).reindex(columns=COLUMNS)
    for col in ("cycle", "last_cycle", "statements"):
        out[col] = out[col].astype("Int64")
    out["years_late_stated"] = out["years_late_stated"].astype("Float64")
    initial = out[out["cycle"] == 1]
    known = int((initial["status"] != "unknown").sum())
    report.notes.append(
        f"reports: the status of {known:,} of {len(initial):,} initial reports ({known / len(initial):.1%}) is known on some date"
    )
    return out
